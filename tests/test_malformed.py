"""Malformed datasets: each gives its file:line messages, never a traceback, and writes nothing anywhere.

The corpus is ``tests/data/malformed/`` with the messages each case must give in
``expected.yaml``; a property-based test then feeds the reader what a corpus
cannot list.
"""

import tracemalloc
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relgraph.dataset import _check, _Checker, read

CORPUS = Path(__file__).parent / "data" / "malformed"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))


def test_every_case_is_checked():
    cases = {p.name for p in CORPUS.iterdir() if p.name != "expected.yaml"}
    assert cases == set(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_validate_says_where_and_what(run, case):
    result = run("validate", str(CORPUS / case))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert len(errors) == len(EXPECTED[case]), result.output
    for line, (number, fragment) in zip(errors, EXPECTED[case], strict=True):
        where = line.partition(": error: ")[0]
        assert where.endswith(f":{number}"), line
        assert fragment in line, line
        assert len(line) < 400, "a message quotes a short cut of a value, never the value"
    assert result.output.splitlines()[-1].startswith("Error: ")


def test_symlink_loops_and_dangling_links_are_reported(tmp_path, run):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "actors.yaml").write_text("actors:\n  - {id: a, name: A, kind: state}\n", encoding="utf-8")
    (folder / "loop").symlink_to(folder)
    (folder / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    result = run("validate", str(folder))
    assert result.exit_code == 0, result.output
    assert f"{folder}/gone.yaml: warning: a link to nothing: not read" in result.output
    assert f"{folder}/loop: warning: a link back into the dataset folder: not read twice" in result.output


def test_a_byte_order_mark_is_accepted_in_yaml_and_json_lines(tmp_path):
    bom = "\ufeff"
    (tmp_path / "a.yaml").write_text(bom + "actors:\n  - {id: a, name: A, kind: state}\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(bom + '{"record": "actor", "id": "b", "name": "B", "kind": "state"}\n',
                                      encoding="utf-8")
    report = read(tmp_path)
    assert report.ok and set(report.dataset.actors) == {"a", "b"}


def test_numbers_keep_the_text_they_were_written_with(write):
    data = read(write("actors:\n  - {id: '010', name: 010, kind: state}\n  - {id: b, name: 0x1F, kind: state}\n"
                      "  - {id: c, name: no, kind: state}\n  - {id: d, name: 1e3, kind: state}\n")).dataset
    assert [a.name for a in data.actors.values()] == ["010", "0x1F", "no", "1e3"]


# -- what no corpus lists: hypothesis writes files that are a little or very wrong ---------------------------

SCALARS = st.one_of(st.integers(-10**30, 10**30), st.floats(allow_nan=True), st.booleans(), st.none(),
                    st.text(max_size=40), st.sampled_from(["2016", "2016-winter", "0000", "9999-winter", "x/y/z",
                                                           "0x1F", "~", "&a x", "*a", "'", '"', "{", "[", "\t"]))
FIELDS = st.sampled_from(["id", "name", "kind", "source", "type", "target", "start", "end", "date", "sign",
                          "confidence", "sources", "ref", "evidence", "aliases", "notes", "record", "x"])
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(FIELDS, inner, max_size=5),
                      max_leaves=20)
RECORDS = st.dictionaries(FIELDS, VALUES, max_size=8)
DOCUMENTS = st.dictionaries(st.sampled_from(["actors", "relations", "sources", "types", "other"]),
                            st.lists(RECORDS, max_size=4) | VALUES, max_size=4)


def _mangle(text: str, cut: int, junk: bytes) -> bytes:
    data = text.encode("utf-8")
    cut = cut % (len(data) + 1)
    return data[:cut] + junk + data[cut:]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(DOCUMENTS, st.integers(0, 10_000), st.binary(max_size=8), st.sampled_from([".yaml", ".jsonl"]))
def test_the_reader_never_raises_and_stays_small(tmp_path_factory, document, cut, junk, suffix):
    import json

    folder = tmp_path_factory.mktemp("fuzz")
    if suffix == ".yaml":
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    else:
        text = "".join(json.dumps({"record": kind[:-1], **r} if isinstance(r, dict) else r, default=str) + "\n"
                       for kind, records in document.items() if isinstance(records, list) for r in records)
    path = folder / f"data{suffix}"
    path.write_bytes(_mangle(text, cut, junk))
    tracemalloc.start()
    try:
        report = read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # every problem is located in the file that has it, and memory stays within a fixed allowance
    # plus a bounded multiple of the input's size
    assert all(p.file == str(path) for p in report.problems)
    assert peak < 2_000_000 + 2_000 * path.stat().st_size


@pytest.mark.neo4j
def test_a_database_refuses_every_case_and_stays_as_it_was(neo4j_target, neo4j_store, example, db_counts, run):
    neo4j_store.write(example)
    before = db_counts(neo4j_store)
    for case in sorted(EXPECTED):
        result = run("load", str(CORPUS / case), env=neo4j_target.env)
        assert result.exit_code == 1, (case, result.output)
        assert result.output.splitlines()[-1].endswith("nothing was written"), (case, result.output)
        assert "Traceback" not in result.output
    assert db_counts(neo4j_store) == before


# -- the fast path (relgraph.dataset._Checker.well_formed_relation) says nothing the precise checks would not ------


def _outcome(path: Path, *, fast: bool, keep: bool) -> tuple:
    report = _check(path, keep=keep, fast=fast)
    data = report.dataset
    return [str(p) for p in report.problems], report.relations, data.actors, data.relations, data.sources, data.types


@pytest.mark.parametrize("case", sorted(EXPECTED))
@pytest.mark.parametrize("keep", [True, False])
def test_the_fast_and_the_precise_checks_agree_on_every_case(case, keep):
    path = CORPUS / case
    assert _outcome(path, fast=True, keep=keep) == _outcome(path, fast=False, keep=keep)


DECLARED = [
    {"record": "type", "name": "evacuates", "sign": 0, "kind": "event", "target_kinds": ["coalition"]},
    {"record": "type", "name": "broken-type", "sign": 5, "kind": "event"},
    {"record": "source", "id": "s1", "title": "S1"},
    {"record": "source", "id": "s2", "title": "S2", "published": "2016"},
    {"record": "source", "id": "broken-source"},
    {"record": "actor", "id": "a", "name": "A", "kind": "state"},
    {"record": "actor", "id": "b", "name": "B", "kind": "coalition"},
    {"record": "actor", "id": "deal", "name": "D", "kind": "agreement"},
    {"record": "actor", "id": "p", "name": "P", "kind": "person"},
    {"record": "actor", "id": "broken-actor", "name": "X", "kind": "nope"},
]

# each field's values: right ones in every form the schema reads, and wrong ones of every sort it refuses
ENDS = ["a", "b", "deal", "p", "broken-actor", "nobody", " a", "A", 1, ["a"], {"id": "a"}]
DATES = ["2016", "2016-12", "2016-12-20", "2016-summer", "2015-winter", "2016-12-17/2016-12-18", "2010", "2017-01",
         2016, 2016.5, "2016-02-30", "0000", "20/12/2016", " 2016 ", "", True, None]
CITATION_VALUES = {
    "ref": ["s1", "s2", "s3", " s1", "broken-source", 1, None],
    "evidence": ["e", " e ", "", "  ", 5, "x" * 20_001, None],
    "quote": ["q", " q", "", None],
    "offsets": [[0, 4], [4, 0], [1, 1], [-1, 4], [0, True], [True, 4], [0.0, 1], [0, 2**70], [1], [0, 1, 2], "0-4",
                None],
    "title": ["T"], "publisher": ["P"], "x": [1],
}
RELATION_VALUES = {
    "id": ["r1", "gdelt:1", "a.backs.b.2016", "R1", "r 1", " r1 ", "", "x" * 200, "x" * 201, "2016", "r\u0661", "ré",
           "ß", 7, 0x1F, None],
    "source": ENDS, "target": ENDS,
    "type": ["backs", "opposes", "brokers", "evacuates", "vetoes", "represents", "party-to", "meets", "broken-type",
             "bakcs", " backs", 3, None],
    "sign": [1, 0, -1, 2, -2, "+", "-1", "1", True, 1.0, None],
    "start": DATES, "end": DATES, "date": DATES,
    "confidence": [0, 1, 0.5, 0.95, 1.5, -0.1, "0.5", True, 2**70, None],
    "sources": [[], None, "s1", {"ref": "s1"}, ["s1"], [None], [{"ref": "s1", "evidence": "e"}, "s1"],
                [{"ref": "s1", "evidence": "e"}, {"ref": "s2"}], [{"ref": "s1", "quote": "q", "offsets": [0, 1]}],
                [{"title": "T", "evidence": "e"}]],
    "notes": ["n", " n ", "", "  ", 5, "x" * 20_000, "x" * 20_001, None],
    "review": ["pending", "accepted", "rejected", " pending", "nope", None],
    "strat": ["2016"],
}
ABSENT = object()
BASES = [  # well-formed, which the fast path takes: a stance, an event, and a stance with every optional field
    {"source": "a", "type": "backs", "target": "b", "start": "2010", "end": "2016", "confidence": 0.5,
     "sources": [{"ref": "s1", "evidence": "e"}]},
    {"source": "p", "type": "brokers", "target": "deal", "date": "2016-12-20", "sign": 1,
     "sources": [{"ref": "s2", "evidence": "e"}, {"ref": "s1", "evidence": "f"}]},
    {"source": "b", "type": "opposes", "target": "a", "start": "2016-12", "end": "2016-12-20", "sign": -1,
     "confidence": 1, "notes": "n", "review": "accepted",
     "sources": [{"ref": "s1", "quote": "q", "offsets": [0, 1], "evidence": "e"}, {"ref": "s2", "quote": "r"}]},
]
# every change of one field (or of one field of the first citation) to any of its values, or its removal
CHANGES = [(k, v) for k, values in RELATION_VALUES.items() for v in [*values, ABSENT]] + [
    (("sources", k), v) for k, values in CITATION_VALUES.items() for v in [*values, ABSENT]]


def _changed(record: dict, changes: list) -> dict:
    record = {**record, "sources": [dict(c) for c in record["sources"]]}
    for key, value in changes:
        where = record
        if isinstance(key, tuple):  # a field of the first citation, if a change before left one
            cited, key = record.get("sources"), key[1]
            if not isinstance(cited, list) or not cited or not isinstance(cited[0], dict):
                continue
            where = cited[0]
        if value is ABSENT:
            where.pop(key, None)
        else:
            where[key] = value
    return record


def _every_single_change() -> list[dict]:
    # each relation has an id of its own (unless the change is to its id), so that no change hides behind
    # a duplicate id, which the fast path leaves to the precise one
    return [_changed({"id": f"v{b}x{i}", **base}, [change]) for b, base in enumerate(BASES)
            for i, change in enumerate(CHANGES)]


def _dataset(path: Path, relations: list[dict]) -> Path:
    import json

    records = [*DECLARED, *({"record": "relation", **r} for r in relations)]
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    else:
        sections: dict[str, list] = {}
        for r in records:
            sections.setdefault(r["record"] + "s", []).append({k: v for k, v in r.items() if k != "record"})
        path.write_text(yaml.safe_dump(sections, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".yaml", ".jsonl"])
@pytest.mark.parametrize("keep", [True, False])
def test_the_fast_and_the_precise_checks_agree_on_every_single_change(tmp_path, monkeypatch, suffix, keep):
    relations = _every_single_change()
    path = _dataset(tmp_path / f"data{suffix}", relations)
    taken = Counter()
    well_formed = _Checker.well_formed_relation

    def counted(self, v, where):
        taken[result := well_formed(self, v, where)] += 1
        return result

    monkeypatch.setattr(_Checker, "well_formed_relation", counted)
    assert _outcome(path, fast=True, keep=keep) == _outcome(path, fast=False, keep=keep)
    assert taken[True] > 50 and taken[False] > 50  # the fast path both took and refused many


ANY_RELATIONS = st.one_of(
    st.tuples(st.sampled_from(BASES), st.lists(st.sampled_from(CHANGES), max_size=3)).map(lambda rc: _changed(*rc)),
    st.fixed_dictionaries({}, optional={k: st.sampled_from(v) for k, v in RELATION_VALUES.items()}),  # anything at all
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(ANY_RELATIONS, min_size=1, max_size=6), st.sampled_from([".yaml", ".jsonl"]), st.booleans())
def test_the_fast_and_the_precise_checks_agree_on_any_relations(tmp_path_factory, relations, suffix, keep):
    path = _dataset(tmp_path_factory.mktemp("agree") / f"data{suffix}", relations)
    assert _outcome(path, fast=True, keep=keep) == _outcome(path, fast=False, keep=keep)


# -- and those tests have teeth: every way of loosening one check of the fast path makes them fail ----------------

# (function, text in it, what it becomes): each one lets the fast path take some record that the precise checks
# would refuse or warn about, or keep a value other than theirs
MUTANTS = [
    ("well_formed_relation", "if not v.keys() <= _RELATION_FIELDS:", "if False:"),
    ("well_formed_relation", " or source == target:", ":"),
    ("well_formed_relation", "(rtype.source_kinds is not None and a.kind not in rtype.source_kinds)", "False"),
    ("well_formed_relation", "(rtype.target_kinds is not None and b.kind not in rtype.target_kinds)", "False"),
    ("well_formed_relation", "if start is not None or end is not None:", "if False:"),
    ("well_formed_relation", "if date is not None:", "if False:"),
    ("well_formed_relation", "if end is None or start is None or end.last < start.first:",
     "if end is None or start is None:"),
    ("well_formed_relation", "if when is None:", "if False:"),
    ("well_formed_relation", "type(ident) is not str or len(ident) > MAX_ID", "type(ident) is not str"),
    ("well_formed_relation", "or RECORD_ID.fullmatch(ident)", "or True"),
    ("well_formed_relation", "(ident.islower() or ident.isdigit())", "True"),
    ("well_formed_relation", "ident.isascii() and ident.isalnum()", "ident.isalnum()"),
    ("well_formed_relation", "and -1 <= sign <= 1", "and -2 <= sign <= 2"),
    ("well_formed_relation", "isinstance(sign, int) and type(sign) is not bool", "isinstance(sign, int)"),
    ("well_formed_relation", "and 0 <= confidence <= 1", "and 0 <= confidence <= 2"),
    ("well_formed_relation", "or _number(confidence)", "or isinstance(confidence, int | float)"),
    ("well_formed_relation", "(notes := _long_text(notes)) is None", "False"),
    ("well_formed_relation", "review not in REVIEW_STATES", "False"),
    ("well_formed_relation", "rid = ident or relation_id(source, tname, target, when)",
     "rid = ident or relation_id(source, tname, target, start)"),
    ("well_formed_relation", ".setdefault(rid, where) != where", ".setdefault(rid, where) is None"),
    ("well_formed_relation", "rid, a.id, rtype.name, b.id, sign, start, end, date,",
     "rid, a.id, rtype.name, b.id, rtype.sign, start, end, date,"),
    ("well_formed_citations", "or not value:", ":"),
    ("well_formed_citations", "or not c.keys() <= _REF_CITATION_FIELDS", ""),
    ("well_formed_citations", "or (evidence is None and quote is None)", ""),
    ("well_formed_citations", "not (evidence := evidence.strip())", "not evidence"),
    ("well_formed_citations", "or len(evidence) > MAX_TEXT", ""),
    ("well_formed_citations", "(quote := _long_text(quote)) is None", "False"),
    ("well_formed_citations", "quote is None or not isinstance", "not isinstance"),
    ("well_formed_citations", "len(offsets) != 2", "len(offsets) < 2"),
    ("well_formed_citations", "isinstance(n, int) and not isinstance(n, bool)", "isinstance(n, int)"),
    ("well_formed_citations", "or not 0 <= offsets[0] < offsets[1]", ""),
    ("_long_text", "    value = value.strip()\n", ""),
    ("_long_text", "and len(value) <= MAX_TEXT", ""),
    ("_long_text", "value if value and", "value if"),
]


def _mutated(name: str, old: str, new: str):
    import inspect
    import textwrap

    from relgraph import dataset as module

    original = getattr(_Checker, name, None) or getattr(module, name)
    source = textwrap.dedent(inspect.getsource(original))
    assert source.count(old) == 1, f"the mutant's text is not (once) in {name}: {old!r}"
    scope: dict = {}
    exec(compile(source.replace(old, new), module.__file__, "exec"), module.__dict__, scope)
    return scope[name]


@pytest.mark.parametrize(("name", "old", "new"), MUTANTS, ids=[f"{m[0]}:{m[1].strip()[:40]}" for m in MUTANTS])
def test_every_loosened_check_of_the_fast_path_is_caught(tmp_path, monkeypatch, name, old, new):
    from relgraph import dataset as module

    relations = _every_single_change()
    path = _dataset(tmp_path / "data.jsonl", relations)
    twice = _dataset(tmp_path / "twice.jsonl", [{"id": "r", **BASES[0]}, {"id": "r", **BASES[1]}])
    # the unmutated function compiled the same way agrees, so a difference below is the mutant's
    agree = [_outcome(p, fast=True, keep=k) == _outcome(p, fast=False, keep=k) for p in (path, twice)
             for k in (True, False)]
    assert all(agree)
    monkeypatch.setattr(_Checker if hasattr(_Checker, name) else module, name, _mutated(name, old, new))
    agree = [_outcome(p, fast=True, keep=k) == _outcome(p, fast=False, keep=k) for p in (path, twice)
             for k in (True, False)]
    assert not all(agree), "the comparison missed a loosened check of the fast path"
