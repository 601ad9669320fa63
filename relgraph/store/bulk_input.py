"""A dataset as the input of ``neo4j-admin database import full``: CSV files of the graph shape.

:func:`write` turns a dataset into the files of :mod:`relgraph.store.bulk`'s
import: actors, sources, relations and the links from sources to the actors
they speak about, holding exactly the labels, types and properties that
``relgraph load`` writes (:mod:`relgraph.store.graph_shape`), so that the two
give the same graph. Cells follow the importer's CSV dialect: every text is
quoted, an absent value is an empty cell (read as no property, with
``--ignore-empty-strings``), dates and numbers carry their type in the
header, and list items (and labels) are separated by :data:`LIST_SEPARATOR`.

What the importer cannot write, an empty text and a list that is empty or
holds one empty text, is left out of the files and kept in :class:`Fixes`,
for a Cypher pass after the import.

>>> from relgraph.model import Actor
>>> cells, fixes = _node_cells(actor_row(Actor("x", "X", "state", description="")), ACTOR_COLUMNS, "Actor",
...                            _Files(Path()))
>>> cells[:-1], fixes
(['x', 'Actor', 'X', 'state', None, None, None, None, None], {'aliases': [], 'description': ''})
"""

from __future__ import annotations

import csv
import io
import os
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from relgraph import dataset
from relgraph.collector import paused_collector
from relgraph.errors import StoreError
from relgraph.forked import Forked, can_fork
from relgraph.model import Dataset, Relation, RelationType
from relgraph.store.graph_shape import (
    OPEN_END,
    OPEN_START,
    RELATION_PROPERTIES,
    SOURCE_LINK,
    actor_labels,
    actor_row,
    neo4j_type,
    relation_fingerprint,
    source_row,
)

__all__ = ["ACTOR_COLUMNS", "LIST_SEPARATOR", "RELATION_COLUMNS", "SOURCE_COLUMNS", "Fixes", "Input", "write"]

LIST_SEPARATOR = "\x1f"
"""Between the items of a list cell and between labels: the unit separator, which curated text never holds."""

ACTOR_COLUMNS = ("id", "name", "kind", "aliases", "country", "wikidata", "part_of", "description", "hash")
SOURCE_COLUMNS = ("id", "title", "publisher", "url", "published", "notes")
RELATION_COLUMNS = RELATION_PROPERTIES
"""The properties a relationship can hold, in the order of the file's columns."""

_TYPES = {"aliases": "string[]", "sign": "long", "first": "date", "last": "date", "start_last": "date",
          "end_first": "date", "confidence": "double", "source_ids": "string[]", "evidence": "string[]",
          "quotes": "string[]", "quote_offsets": "string[]"}
_LISTS = frozenset(name for name, kind in _TYPES.items() if kind == "string[]")

_CHUNK = 20_000
"""Rows formatted in memory before they are written: checked at once for line breaks."""

PARALLEL_FROM = 50_000
"""Relations from which their file is written by several processes, one part each."""


@dataclass
class Fixes:
    """Property values the importer cannot write, to be set by Cypher once the data is in.

    ``nodes`` maps a label (``Actor``, ``Source``) and ``relationships`` a relationship type to rows
    ``{"id": ..., "props": {name: value}}``.
    """

    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    relationships: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))

    def __len__(self) -> int:
        return sum(map(len, self.nodes.values())) + sum(map(len, self.relationships.values()))


@dataclass
class Input:
    """The files written for one import, and what the importer needs to know of them."""

    nodes: list[tuple[str | None, list[Path]]]  # (label given on the command line, files read as one)
    relationships: list[tuple[str | None, list[Path]]]  # (type given on the command line, files read as one)
    fixes: Fixes
    links: int
    multiline: bool = False  # some value holds a line break: the importer must be told
    longest: int = 0  # characters in the longest cell, for the importer's read buffer

    def arguments(self) -> list[str]:
        """The importer's options that name these files and how to read them."""
        def spec(name: str | None, paths: list[Path]) -> str:
            return (f"{name}=" if name else "") + ",".join(map(str, paths))

        return [*(f"--nodes={spec(n, p)}" for n, p in self.nodes),
                *(f"--relationships={spec(t, p)}" for t, p in self.relationships),
                "--array-delimiter=U+001F", "--ignore-empty-strings=true", "--id-type=string",
                f"--multiline-fields={'true' if self.multiline else 'false'}",
                f"--read-buffer-size={max(4 << 20, 4 * self.longest + 1024)}"]


def write(data: Dataset, folder: Path, *, workers: int | None = None) -> Input:
    """Write ``data`` as the importer's CSV files into ``folder``; return what was written.

    From :data:`PARALLEL_FROM` relations, their file is written in
    ``workers`` parts (default: one per processor) by forked processes, while
    this one writes the first part. Raises
    :class:`~relgraph.errors.StoreError` if a list item holds
    :data:`LIST_SEPARATOR` or a relation type cannot be a relationship type.
    """
    for name in data.types:  # refuse a type that cannot be spliced, as a load does, before writing anything
        neo4j_type(name)
    relations = list(data.relations.values())
    n = workers or os.cpu_count() or 1
    if len(relations) < PARALLEL_FROM or not can_fork():
        n = 1
    size = -(-len(relations) // n)
    write_part = _relations_part_of(folder)
    forked = [Forked.start(write_part, data, k, iter(relations[k * size:(k + 1) * size]))
              for k in range(1, n)]
    try:
        parts = [write_part(data, 0, iter(relations[:size])), *(job.result() for job in forked)]
    finally:  # after an error, none keeps writing into a folder about to be deleted
        for job in forked:
            job.stop()
    return _nodes_and_links(data, folder, parts)


def read_and_write(path: Path, folder: Path, *, parts: int | None = None) -> tuple[Dataset, int, Input]:
    """Read and check the dataset at ``path`` and write its importer's files into ``folder``, in one pass.

    The files :func:`write` writes of :func:`relgraph.dataset.load`'s dataset,
    without holding every relation: :func:`relgraph.dataset.stream` reads the
    relations in ``parts`` forked processes, each writing its part of the
    relations' file. Returns the dataset's declarations (no relations), its
    number of relations, and the files. Raises
    :class:`~relgraph.errors.DatasetError` as :func:`~relgraph.dataset.load`
    does (the files written by then are the caller's to delete), and what
    :func:`write` raises.
    """
    read = dataset.stream(path, _relations_part_of(folder), parts=parts)
    return read.declared, read.relations, _nodes_and_links(read.declared, folder, read.results)


@dataclass
class _Part:
    """What the process writing a part of the relations' file found."""

    links: Any  # numpy int64 array, sorted and unique: source index * actors + actor index, a link each
    odd_links: set[tuple[str, str]]  # links to ids the dataset does not declare, which the importer refuses
    fixes: dict[str, list[dict[str, Any]]]
    multiline: bool
    longest: int


def _relations_part_of(folder: Path) -> Callable[[Dataset, int, Iterator[Relation]], _Part]:
    """What writes part ``k`` of the relations' file, ``relations-k.csv`` (the first with the header)."""
    def write_part(data: Dataset, part: int, relations: Iterator[Relation]) -> _Part:
        import numpy as np

        for name in data.types:  # refuse a type that cannot be spliced, as a load does
            neo4j_type(name)
        files, fixes, odd = _Files(folder), Fixes(), set[tuple[str, str]]()
        # links as numbers, not pairs of texts: a tenth of the memory, and sorted and merged by numpy
        sources = {s: i for i, s in enumerate(data.sources)}
        actors = {a: i for i, a in enumerate(data.actors)}
        width, codes = len(actors), array("q")

        def noted(relations: Iterator[Relation]) -> Iterator[Relation]:
            add = codes.append
            for rel in relations:
                a, b = actors.get(rel.source), actors.get(rel.target)
                for c in rel.sources:
                    s = sources.get(c.source.id)
                    if s is None or a is None or b is None:
                        odd.update(((c.source.id, rel.source), (c.source.id, rel.target)))
                    else:
                        add(s * width + a)
                        add(s * width + b)
                yield rel

        with paused_collector():  # millions of short-lived rows beside the long-lived dataset
            files.write(f"relations-{part}.csv", _RELATION_HEADER if part == 0 else None,
                        _relation_rows(noted(relations), data.types, fixes, files))
        return _Part(_sorted_unique(np.frombuffer(codes, dtype=np.int64)), odd, dict(fixes.relationships),
                     files.multiline, files.longest)

    return write_part


def _nodes_and_links(data: Dataset, folder: Path, parts: list[_Part]) -> Input:
    """Write the files of actors, sources and links beside the parts of the relations'; return them all."""
    import numpy as np

    fixes = Fixes()
    files = _Files(folder)
    actors = files.write("actors.csv", ["id:ID(Actor)", ":LABEL", *_typed(ACTOR_COLUMNS[1:])],
                         _actor_rows(data, fixes, files))
    sources = files.write("sources.csv", ["id:ID(Source)", *_typed(SOURCE_COLUMNS[1:])],
                          _source_rows(data, fixes, files))
    for part in parts:
        for rel_type, rows in part.fixes.items():
            fixes.relationships[rel_type].extend(rows)
        files.multiline = files.multiline or part.multiline
        files.longest = max(files.longest, part.longest)
    codes = _sorted_unique(np.concatenate([part.links for part in parts]))
    odd = set().union(*(part.odd_links for part in parts))
    # the links in as many files as the relations, written side by side as theirs were
    n = len(parts) if len(codes) >= PARALLEL_FROM and can_fork() else 1
    size = -(-len(codes) // n)
    ids = (list(data.sources), list(data.actors))
    forked = [Forked.start(_links_file, folder, k, codes[k * size:(k + 1) * size], ids, set())
              for k in range(1, n)]
    try:
        _links_file(folder, 0, codes[:size], ids, odd)
        for job in forked:
            job.result()
    finally:
        for job in forked:
            job.stop()
    relations = [folder / f"relations-{k}.csv" for k in range(len(parts))]
    links = [folder / f"links-{k}.csv" for k in range(n)]
    return Input([(None, [actors]), ("Source", [sources])], [(None, relations), (SOURCE_LINK, links)],
                 fixes, len(codes) + len(odd), files.multiline, files.longest)


def _sorted_unique(values: Any) -> Any:
    """``numpy.unique`` of an int64 array, by a sort: several times faster than its hashing (numpy 2.3)."""
    import numpy as np

    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


def _links_file(folder: Path, part: int, codes: Any, ids: tuple[list[str], list[str]],
                odd: set[tuple[str, str]]) -> None:
    """Write part ``part`` of the links' file: ``codes`` (see :class:`_Part`), then the ``odd`` links."""
    sources, actors = ids
    width = len(actors) or 1
    rows = zip(map(sources.__getitem__, (codes // width).tolist()),
               map(actors.__getitem__, (codes % width).tolist()), strict=True)
    _Files(folder).write(f"links-{part}.csv", [":START_ID(Source)", ":END_ID(Actor)"] if part == 0 else None,
                         chain(rows, odd))


def _typed(names: Iterable[str]) -> list[str]:
    """Column names with the importer's type where a property is not text: ``sign:long``."""
    return [f"{n}:{_TYPES[n]}" if n in _TYPES else n for n in names]


_RELATION_HEADER = [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", *_typed(RELATION_COLUMNS)]


class _Files:
    """CSV files in one folder, written in chunks; notes whether any holds a line break, and the longest list.

    Other texts are bounded by validation (20,000 characters), well within the importer's default buffer.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.multiline = False
        self.longest = 0

    def write(self, name: str, header: list[str] | None, rows: Iterator[Iterable[Any]]) -> Path:
        path = self.folder / name
        with path.open("w", encoding="utf-8", newline="") as out:
            buffer = io.StringIO()
            writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
            if header is not None:
                writer.writerow(header)
            n = 1 if header is not None else 0  # rows in the buffer
            while chunk := list(islice(rows, _CHUNK)):
                writer.writerows(chunk)
                self._flush(buffer, n + len(chunk), out)
                n = 0
            self._flush(buffer, n, out)
        return path

    def _flush(self, buffer: io.StringIO, rows: int, out: io.TextIOBase) -> None:
        text = buffer.getvalue()
        if not self.multiline and (text.count("\n") != rows or "\r" in text):
            self.multiline = True
        out.write(text)
        buffer.seek(0)
        buffer.truncate()


def _join(items: list[str], record: str, key: str, name: str, files: _Files) -> str:
    """A list as one cell; ``record``, ``key`` and ``name`` say where it comes from, for an error."""
    text = LIST_SEPARATOR.join(items)
    if text.count(LIST_SEPARATOR) != len(items) - 1:
        raise StoreError(f"{record} {key!r}, field {name!r}, holds the character U+001F, which a bulk import "
                         "uses between list items: remove it, or load the dataset with relgraph load")
    if len(text) > files.longest:
        files.longest = len(text)
    return text


def _node_cells(props: dict[str, Any], columns: tuple[str, ...], labels: str | None,
                files: _Files) -> tuple[list[Any], dict[str, Any]]:
    """The cells of a node's row (``props`` as a load writes them), and the values of :class:`Fixes`."""
    cells: list[Any] = [props["id"]] + ([labels] if labels else [])
    fixes: dict[str, Any] = {}
    for name in columns[1:]:
        value = props.get(name)
        if name in _LISTS and value is not None:
            if value == [] or value == [""]:
                fixes[name], value = value, None
            else:
                value = _join(value, "actor" if labels else "source", props["id"], name, files)
        elif value == "":
            fixes[name], value = value, None
        cells.append(value)
    return cells, fixes


def _actor_rows(data: Dataset, fixes: Fixes, files: _Files) -> Iterator[list[Any]]:
    for actor in data.actors.values():
        labels = LIST_SEPARATOR.join(["Actor", *actor_labels(actor.kind).split(":")])
        cells, fix = _node_cells(actor_row(actor), ACTOR_COLUMNS, labels, files)
        if fix:
            fixes.nodes["Actor"].append({"id": actor.id, "props": fix})
        yield cells


def _source_rows(data: Dataset, fixes: Fixes, files: _Files) -> Iterator[list[Any]]:
    for source in data.sources.values():
        cells, fix = _node_cells(source_row(source), SOURCE_COLUMNS, None, files)
        if fix:
            fixes.nodes["Source"].append({"id": source.id, "props": fix})
        yield cells


def _relation_rows(relations: Iterable[Relation], types: dict[str, RelationType], fixes: Fixes,
                   files: _Files) -> Iterator[list[Any]]:
    """One row per relation: endpoints, relationship type, then :data:`RELATION_COLUMNS`.

    The values of :func:`~relgraph.store.graph_shape.relation_row`, computed here without its
    intermediate record, which would cost more than writing the file (a test holds the two equal).
    """
    kinds = {name: t.kind for name, t in types.items()}
    rel_types = {name: neo4j_type(name) for name in types}
    sep = LIST_SEPARATOR
    for rel in relations:
        start, end, when = rel.start, rel.end, rel.date
        began, ended = when or start, when or end
        cites = rel.sources
        n = len(cites)
        ids = sep.join([c.source.id for c in cites])
        evidence = sep.join([c.evidence or "" for c in cites])
        quotes = offsets = None
        if any(c.quote for c in cites):  # extracted candidates quote their article
            quotes = sep.join([c.quote or "" for c in cites])
            offsets = sep.join([f"{c.offsets[0]}:{c.offsets[1]}" if c.offsets else "" for c in cites])
        if n and (ids.count(sep) != n - 1 or evidence.count(sep) != n - 1
                  or (quotes is not None and quotes.count(sep) != n - 1)):
            raise StoreError(f"relation {rel.id!r} holds the character U+001F in a citation, which a "
                             "bulk import uses between list items: remove it, or load the dataset with "
                             "relgraph load")
        if n > 50:  # texts are at most 20,000 characters: only many of them need a larger read buffer
            files.longest = max(files.longest, len(evidence), len(quotes or ""))
        rel_type = rel_types.get(rel.type) or neo4j_type(rel.type)
        cells: list[Any] = [
            rel.source, rel.target, rel_type, rel.id, rel.type, rel.sign,
            kinds.get(rel.type) or ("event" if when else "stance"),
            start.text if start else None, start.precision if start else None,
            end.text if end else None, end.precision if end else None,
            when.text if when else None, when.precision if when else None,
            began.first if began else OPEN_START, ended.last if ended else OPEN_END,
            start.last if start else None, end.first if end else None,
            rel.confidence, rel.notes, rel.review, ids, evidence, quotes, offsets, relation_fingerprint(rel),
        ]
        if "" in cells:
            fix: dict[str, Any] = {}
            for i, value in enumerate(cells):
                if value == "":
                    name = RELATION_COLUMNS[i - 3]
                    fix[name] = _citation_items(rel, name) if name in _LISTS else ""
                    cells[i] = None
            fixes.relationships[rel_type].append({"id": rel.id, "props": fix})
        yield cells


def _citation_items(rel: Relation, name: str) -> list[str]:
    """The list ``name`` of a relation's citations, as a load stores it."""
    cites = rel.sources
    if name == "source_ids":
        return [c.source.id for c in cites]
    if name == "evidence":
        return [c.evidence or "" for c in cites]
    if name == "quotes":
        return [c.quote or "" for c in cites]
    return [f"{c.offsets[0]}:{c.offsets[1]}" if c.offsets else "" for c in cites]
