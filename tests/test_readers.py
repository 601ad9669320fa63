"""The JSON Lines readers: the fast one (orjson, plain dicts) reads what the precise one reads, and says the same."""

import itertools
import json
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relgraph import readers
from relgraph.readers import LineDict, located, read_jsonl, read_jsonl_plain

KINDS = frozenset({"type", "source", "actor", "relation"})
DECLARATIONS = frozenset({"type", "source", "actor"})

LINES = [
    '{"record": "actor", "id": "a", "name": "A", "kind": "state"}',
    '{"record": "relation", "id": "r1", "source": "a", "type": "backs", "target": "b", "start": "2012"}',
    '  {"record": "relation", "id": "r2"}',  # indented: read, not recognised by its start
    '{"id": "r3", "record": "relation"}',  # record last
    '{"record": "actor", "record": "relation", "id": "x"}',  # starts as an actor, is a relation: passed over
    '{"record": "relation", "record": "actor", "id": "y"}',  # starts as a relation, is an actor
    "",
    "   ",
    '{"record": "relation", "id": "r4", "confidence": NaN}',  # orjson refuses NaN, json reads it
    '{"record": "relation", "id": "r5", "n": 123456789012345678901234567890}',  # beyond 64 bits
    '{"record": "relation", "id": "r6", "note": "\\ud800"}',  # a lone surrogate: json reads it
    '{"record": "relation", "id": "r7", "sources": [{"ref": "s"}]}',
    '{"record": "relation", "id": "r8"',  # cut short
    '{"record": "actr", "id": "z"}',
    '["not", "a", "record"]',
    '{"no": "record"}',
]


def _write(tmp_path: Path, lines: list[str], bom: bool = False) -> Path:
    path = tmp_path / "data.jsonl"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + "\n".join(lines).encode("utf-8") + b"\n\xff\n")
    return path


def _precise(path: Path, only: frozenset[str] | None, quiet: bool) -> tuple[list, list]:
    problems: list = []
    raws = [(raw.kind, raw.values.line, dict(raw.values)) for raw in
            read_jsonl(path, str(path), problems, KINDS, only, quiet=quiet)]
    return raws, [str(p) for p in problems]


def _fast(path: Path, only: frozenset[str] | None, quiet: bool) -> tuple[list, list]:
    problems: list = []
    raws = [(kind, number, dict(located(data, number, KINDS)))
            for kind, _values, number, data in read_jsonl_plain(path, str(path), problems, KINDS, only, quiet=quiet)]
    return raws, [str(p) for p in problems]


@pytest.mark.parametrize("only", [None, DECLARATIONS, frozenset({"relation"})])
@pytest.mark.parametrize("quiet", [False, True])
@pytest.mark.parametrize("bom", [False, True])
def test_the_fast_reader_yields_and_reports_what_the_precise_one_does(tmp_path, only, quiet, bom):
    path = _write(tmp_path, LINES, bom)
    assert _fast(path, only, quiet) == _precise(path, only, quiet)


def test_the_records_the_precise_reader_reads_and_the_others(tmp_path):
    """What both readers agree on, worked out by hand from LINES (lines are numbered from 1)."""
    path = _write(tmp_path, LINES)
    raws, problems = _precise(path, frozenset({"relation"}), False)
    assert [(kind, line, values.get("id")) for kind, line, values in raws] == [
        ("relation", 2, "r1"), ("relation", 3, "r2"), ("relation", 4, "r3"), ("relation", 9, "r4"),
        ("relation", 10, "r5"), ("relation", 11, "r6"), ("relation", 12, "r7")]
    assert raws[4][2]["n"] == 123456789012345678901234567890  # an int, as json reads it
    # cut short, a list, no "record", not UTF-8; "actr" starts as a kind of its own, which this pass passes over
    assert [p.partition(": error: ")[0].rpartition(":")[2] for p in problems] == ["13", "15", "16", "17"]


def test_plain_values_are_those_of_the_record(tmp_path):
    path = _write(tmp_path, LINES[:4])
    plain = [(kind, number, values) for kind, values, number, _ in
             read_jsonl_plain(path, str(path), [], KINDS, quiet=True)]
    assert plain == [("actor", 1, {"id": "a", "name": "A", "kind": "state"}),
                     ("relation", 2, {"id": "r1", "source": "a", "type": "backs", "target": "b", "start": "2012"}),
                     ("relation", 3, {"id": "r2"}), ("relation", 4, {"id": "r3"})]
    assert not any(isinstance(values, LineDict) for _, _, values in plain)


def test_located_gives_every_mapping_its_line(tmp_path):
    path = _write(tmp_path, LINES[11:12])
    ((kind, _values, number, data),) = read_jsonl_plain(path, str(path), [], KINDS, quiet=True)
    record = located(data, number, KINDS)
    assert kind == "relation" and record.line == 1 and record["sources"][0].line == 1
    assert isinstance(record["sources"][0], LineDict)


@pytest.mark.parametrize("block", [16, 64, 100, 1 << 18])
def test_passing_over_blocks_of_relations_keeps_every_other_line_and_its_number(tmp_path, monkeypatch, block):
    monkeypatch.setattr(readers, "_BLOCK", block)
    lines = [json.dumps({"record": "relation", "id": f"r{i}"}) for i in range(40)]
    for at in (0, 7, 8, 25, 39):  # a declaration now and then, at the edges of blocks of every size above
        lines[at] = json.dumps({"record": "actor", "id": f"a{at}", "name": "A", "kind": "state"})
    lines[30] = "{broken"
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")  # no newline at the end
    problems: list = []
    found = [(raw.values.line, raw.values["id"]) for raw in
             read_jsonl(path, str(path), problems, KINDS, only=DECLARATIONS)]
    assert found == [(1, "a0"), (8, "a7"), (9, "a8"), (26, "a25"), (40, "a39")]
    assert [str(p) for p in problems] == [f"{path}:31: error: not valid JSON: Expecting property name enclosed "
                                          "in double quotes"]


# orjson reads a line only where json would read it the same way; where the two differ, a checker refuses
# the value (an integer beyond 64 bits, which orjson reads as a float) or orjson refuses the line.

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8)


def _same(a: object, b: object) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if type(a) is float and type(b) is int:  # beyond 64 bits
        return not -2**63 <= b < 2**64
    return type(a) is type(b) and (a == b or (a != a and b != b))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(JSON_VALUES, st.integers(0, 200), st.binary(max_size=4), st.booleans())
def test_orjson_reads_a_line_only_as_json_reads_it(value, cut, junk, dup):
    text = json.dumps(value).encode("utf-8")
    if dup and text.startswith(b"{") and len(text) > 2:
        text = b'{"k": 1, "k": 2, ' + text[1:]  # a key twice
    cut %= len(text) + 1
    data = text[:cut] + junk + text[cut:]
    try:
        fast = orjson.loads(data)
    except orjson.JSONDecodeError:
        return
    assert _same(fast, json.loads(data.decode("utf-8")))


@pytest.mark.parametrize("parts", [1, 2, 3, 7, 40])
@pytest.mark.parametrize("ending", [b"\n", b""])
def test_spans_cut_a_file_into_parts_that_read_as_the_whole(tmp_path, parts, ending):
    path = tmp_path / "data.jsonl"
    path.write_bytes(("\n".join(LINES[:12])).encode("utf-8") + ending)
    whole_problems: list = []
    whole = _fast_spans(path, [None], whole_problems)
    spans = readers.spans(path, parts)
    assert len(spans) == parts
    assert spans[0][0] == 0 and spans[-1][1] == path.stat().st_size
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))  # contiguous: no byte read twice or never
    part_problems: list = []
    assert _fast_spans(path, spans, part_problems) == whole
    assert part_problems == whole_problems
    assert any(n == 12 for _, n in whole)  # the last line was read, with or without its newline


def test_a_span_begins_at_a_line_and_knows_its_number(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_bytes(b'{"record": "actor", "id": "a"}\n' * 5)
    assert readers.spans(path, 2) == [(0, 93, 1), (93, 155, 4)]  # 31 bytes a line: the cut at 77 moves to 93
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert readers.spans(empty, 3) == [(0, 0, 1)] * 3
    assert _fast_spans(empty, readers.spans(empty, 3), []) == []


def _fast_spans(path: Path, spans: list, problems: list) -> list:
    return [(kind, number) for span in spans
            for kind, _values, number, _data in read_jsonl_plain(path, str(path), problems, KINDS, span=span)]
