"""The importer's CSV files hold what a load writes: read back as neo4j-admin reads them, they equal the rows
of relgraph.store.graph_shape (the server parity test in test_store_bulk.py checks the importer itself)."""

from __future__ import annotations

import csv
import dataclasses
import multiprocessing
import os
import time
from datetime import date
from pathlib import Path

import pytest
from bulk_cases import awkward_dataset, awkward_folder, links

from relgraph import dataset
from relgraph.errors import DatasetError, StoreError
from relgraph.store import bulk_input
from relgraph.store.graph_shape import actor_labels, actor_row, neo4j_type, relation_row, source_row


def in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Write relations in parts, by forked processes, whatever their number; even beside threads that earlier
    tests left (which make write() refuse to fork, lest a child inherit a lock they hold: these do not)."""
    monkeypatch.setattr(bulk_input, "PARALLEL_FROM", 0)
    monkeypatch.setattr(bulk_input, "can_fork", lambda: True)
    monkeypatch.setattr(dataset, "can_fork", lambda: True)


def read_back(*paths: Path) -> tuple[list[str], list[dict[str, object]]]:
    """Rows of written files (read as one, the header first) as neo4j-admin reads them with relgraph's
    options: an empty cell is no property, a typed column is converted, a list is split at the separator."""
    rows = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as f:
            rows += list(csv.reader(f))
    header, out = rows[0], []
    for row in rows[1:]:
        record: dict[str, object] = {}
        for column, cell in zip(header, row, strict=True):
            name, _, kind = column.partition(":")
            if cell == "":
                continue
            kind = kind if not kind.startswith(("ID", "START_ID", "END_ID")) else ""
            record[name or column] = {"long": int, "double": float, "date": date.fromisoformat,
                                      "string[]": lambda s: s.split(bulk_input.LIST_SEPARATOR)}.get(
                                          kind, lambda s: s)(cell)
        out.append(record)
    return header, out


@pytest.mark.parametrize("parts", [1, 3])
def test_relation_rows_read_back_as_the_rows_a_load_writes(tmp_path, monkeypatch, parts):
    data = awkward_dataset(tmp_path)
    in_parts(monkeypatch)  # written in parts by forked processes, as at scale
    written = bulk_input.write(data, tmp_path, workers=parts)
    assert written.relationships[0] == (None, [tmp_path / f"relations-{i}.csv" for i in range(parts)])
    header, rows = read_back(*written.relationships[0][1])
    assert header[:3] == [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE"]
    fixes = {(t, r["id"]): r["props"] for t, rs in written.fixes.relationships.items() for r in rs}
    assert len(rows) == len(data.relations)
    for row in rows:
        rel = data.relations[row["id"]]
        expected = relation_row(rel, data.types)
        assert (row.pop(":START_ID(Actor)"), row.pop(":END_ID(Actor)"), row.pop(":TYPE")) == (
            expected["source"], expected["target"], neo4j_type(rel.type))
        assert row | fixes.get((neo4j_type(rel.type), rel.id), {}) == expected["props"], rel.id
    # the awkward cases went where they had to
    assert fixes[("BACKS", "no-sources")] == {"source_ids": [], "evidence": []}
    assert fixes[("OPPOSES", "one-source-no-evidence")] == {"evidence": [""]}
    assert fixes[("BROKERS", "candidate")] == {"notes": ""}
    assert ("ATTACKS", "two-sources-no-evidence") not in fixes  # ["", ""] is two empty items, which a cell holds


def test_node_rows_read_back_as_a_load_writes_them(tmp_path):
    data = awkward_dataset(tmp_path)
    written = bulk_input.write(data, tmp_path)
    fixes = {(label, r["id"]): r["props"] for label, rs in written.fixes.nodes.items() for r in rs}
    _, actors = read_back(tmp_path / "actors.csv")
    assert len(actors) == len(data.actors)
    for row in actors:
        actor = data.actors[row["id"]]
        assert row.pop(":LABEL").split(bulk_input.LIST_SEPARATOR) == ["Actor", *actor_labels(actor.kind).split(":")]
        assert row | fixes.get(("Actor", actor.id), {}) == actor_row(actor)
    assert fixes[("Actor", "nobodys-actor")] == {"aliases": []}
    assert fixes[("Actor", "fighters")] == {"aliases": [""], "description": ""}
    _, sources = read_back(tmp_path / "sources.csv")
    assert [s for s in sources] == [source_row(s) for s in data.sources.values()]
    assert written.nodes[1][0] == "Source"


@pytest.mark.parametrize("parts", [1, 2])
def test_links_are_those_a_load_makes(tmp_path, monkeypatch, example, parts):
    in_parts(monkeypatch)  # with parts, each finds the links of its relations
    written = bulk_input.write(example, tmp_path, workers=parts)
    _, written_links = read_back(*written.relationships[1][1])
    expected = links(example)
    assert {(row[":START_ID(Source)"], row[":END_ID(Actor)"]) for row in written_links} == expected
    assert written.links == len(expected) == len(written_links)  # each once, in whichever part
    assert written.relationships[1][0] == "SPEAKS_ABOUT"
    assert len(written.relationships[1][1]) == parts


def test_links_to_undeclared_ids_are_written_for_the_importer_to_refuse(tmp_path, example):
    rel = next(iter(example.relations.values()))
    stray = dataclasses.replace(rel.sources[0], source=dataclasses.replace(rel.sources[0].source, id="stray"))
    example = dataclasses.replace(example, relations={rel.id: dataclasses.replace(rel, sources=(stray,))})
    written = bulk_input.write(example, tmp_path)
    _, written_links = read_back(*written.relationships[1][1])
    assert {(row[":START_ID(Source)"], row[":END_ID(Actor)"]) for row in written_links} == {
        ("stray", rel.source), ("stray", rel.target)}


def test_line_breaks_switch_on_the_importers_multiline_mode(tmp_path, example):
    assert "--multiline-fields=false" in bulk_input.write(example, tmp_path).arguments()
    assert "--multiline-fields=true" in bulk_input.write(awkward_dataset(tmp_path), tmp_path).arguments()


def test_a_list_item_holding_the_separator_is_refused_in_one_line(tmp_path, example):
    russia = example.actors["russia"]
    example = dataclasses.replace(example, actors={**example.actors, "russia": dataclasses.replace(
        russia, aliases=("Moscow\x1fKremlin",))})
    with pytest.raises(StoreError) as caught:
        bulk_input.write(example, tmp_path)
    assert str(caught.value) == ("actor 'russia', field 'aliases', holds the character U+001F, which a bulk import "
                                 "uses between list items: remove it, or load the dataset with relgraph load")


def test_a_citation_holding_the_separator_is_refused_from_a_forked_part_too(tmp_path, monkeypatch, example):
    last = list(example.relations)[-1]  # in the last part, which a forked process writes
    rel = example.relations[last]
    bad = dataclasses.replace(rel, sources=(dataclasses.replace(rel.sources[0], evidence="a\x1fb"),))
    example = dataclasses.replace(example, relations={**example.relations, last: bad})
    in_parts(monkeypatch)
    with pytest.raises(StoreError) as caught:
        bulk_input.write(example, tmp_path, workers=2)
    assert str(caught.value) == (f"relation {last!r} holds the character U+001F in a citation, which a bulk import "
                                 "uses between list items: remove it, or load the dataset with relgraph load")


def test_a_part_that_fails_stops_the_processes_writing_the_others(tmp_path, monkeypatch, example):
    first = next(iter(example.relations))  # in the first part, which this process writes
    rel = example.relations[first]
    bad = dataclasses.replace(rel, sources=(dataclasses.replace(rel.sources[0], evidence="a\x1fb"),))
    example = dataclasses.replace(example, relations={**example.relations, first: bad})
    in_parts(monkeypatch)
    rows, parent = bulk_input._relation_rows, os.getpid()

    def slow_when_forked(*args):
        if os.getpid() != parent:
            time.sleep(60)
        return rows(*args)

    monkeypatch.setattr(bulk_input, "_relation_rows", slow_when_forked)
    with pytest.raises(StoreError):
        bulk_input.write(example, tmp_path, workers=2)
    assert multiprocessing.active_children() == []


def _as_read(*paths: Path) -> tuple[list[str], list[str]]:
    header, rows = read_back(*paths)
    return header, sorted(map(repr, rows))


@pytest.mark.parametrize("parts", [1, 2, 3])
def test_reading_and_writing_in_one_pass_writes_the_files_of_a_loaded_dataset(tmp_path, monkeypatch, parts):
    path = tmp_path / "awkward.jsonl"
    dataset.write(dataset.load(awkward_folder(tmp_path)), path)
    in_parts(monkeypatch)
    (tmp_path / "loaded").mkdir()
    (tmp_path / "streamed").mkdir()
    loaded = bulk_input.write(dataset.load(path), tmp_path / "loaded")
    declared, relations, streamed = bulk_input.read_and_write(path, tmp_path / "streamed", parts=parts)
    assert relations == len(dataset.load(path).relations) and declared.relations == {}
    assert len(streamed.relationships[0][1]) == parts
    assert _as_read(*streamed.relationships[0][1]) == _as_read(*loaded.relationships[0][1])
    for name in ("actors.csv", "sources.csv"):
        assert _as_read(tmp_path / "streamed" / name) == _as_read(tmp_path / "loaded" / name), name
    assert _as_read(*streamed.relationships[1][1]) == _as_read(*loaded.relationships[1][1])
    assert streamed.links == loaded.links
    assert streamed.fixes == loaded.fixes and len(streamed.fixes)  # the awkward values go to the fixes alike
    assert (streamed.multiline, streamed.longest) == (loaded.multiline, loaded.longest)


def test_reading_and_writing_a_dataset_with_errors_raises_what_load_raises(tmp_path, monkeypatch):
    path = tmp_path / "bad.jsonl"
    dataset.write(dataset.load(awkward_folder(tmp_path)), path)
    with path.open("a", encoding="utf-8") as f:
        f.write('{"record": "relation", "source": "russia", "type": "backs", "target": "nobody"}\n')
    in_parts(monkeypatch)
    with pytest.raises(DatasetError) as loading:
        dataset.load(path)
    with pytest.raises(DatasetError) as streaming:
        bulk_input.read_and_write(path, tmp_path, parts=2)
    assert str(streaming.value) == str(loading.value)
    assert multiprocessing.active_children() == []
