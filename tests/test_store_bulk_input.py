"""The importer's CSV files hold what a load writes: read back as neo4j-admin reads them, they equal the rows
of relgraph.store.graph_shape (the server parity test in test_store_bulk.py checks the importer itself)."""

from __future__ import annotations

import csv
import dataclasses
import multiprocessing
import time
from datetime import date
from pathlib import Path

import pytest
from bulk_cases import awkward_dataset, links

from relgraph.errors import StoreError
from relgraph.store import bulk_input
from relgraph.store.graph_shape import actor_labels, actor_row, neo4j_type, relation_row, source_row


def in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Write relations in parts, by forked processes, whatever their number; even beside threads that earlier
    tests left (which make write() refuse to fork, lest a child inherit a lock they hold: these do not)."""
    monkeypatch.setattr(bulk_input, "PARALLEL_FROM", 0)
    monkeypatch.setattr(bulk_input, "_can_fork", lambda: True)


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
    in_parts(monkeypatch)  # with parts, a forked process writes the links
    written = bulk_input.write(example, tmp_path, workers=parts)
    _, written_links = read_back(tmp_path / "links.csv")
    expected = links(example)
    assert {(row[":START_ID(Source)"], row[":END_ID(Actor)"]) for row in written_links} == expected
    assert written.links == len(expected) and written.relationships[1][0] == "SPEAKS_ABOUT"


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
    monkeypatch.setattr(bulk_input, "_links_file", lambda *args: time.sleep(60))  # forked: a slow part
    with pytest.raises(StoreError):
        bulk_input.write(example, tmp_path, workers=2)
    assert multiprocessing.active_children() == []
