"""Malformed datasets: each gives its file:line messages, never a traceback, and writes nothing anywhere.

The corpus is ``tests/data/malformed/`` with the messages each case must give in
``expected.yaml``; a property-based test then feeds the reader what a corpus
cannot list.
"""

import tracemalloc
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relgraph.dataset import read

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
