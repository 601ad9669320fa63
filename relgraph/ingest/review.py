"""Accepted candidates into a curated dataset; duplicates of what it holds are reported, not added.

Only candidates marked ``review: accepted`` are merged: nothing extracted
enters curated data without a person's review, so ``pending`` ones are left
(and counted) as well as ``rejected`` ones. A merged relation loses its
``review`` mark (curated data has none) and keeps its quotation as evidence.
A candidate duplicates a curated relation when they share source, type and
target (either way round for a symmetric type) and the same time, or when the
curated one is a stance of that type without an end: it is reported, not added.

>>> from relgraph.model import Actor, Dataset, Relation
>>> a, b = Actor("a", "A", "state"), Actor("b", "B", "state")
>>> curated = Dataset(actors={"a": a, "b": b}, relations={"r": Relation("r", "a", "backs", "b", 1)})
>>> found = Dataset(actors={"a": a, "b": b}, relations={
...     "x": Relation("x", "a", "backs", "b", 1, review="accepted"),
...     "y": Relation("y", "b", "fights", "a", -1, review="accepted"),
...     "z": Relation("z", "a", "fights", "b", -1, review="pending")})
>>> result = merge(found, curated)
>>> result.added, result.duplicates, result.pending
(['y'], [('x', 'r')], 1)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from relgraph.errors import ExtractError, RelgraphError
from relgraph.model import Dataset, Relation

__all__ = ["MergeResult", "merge", "merge_files"]


@dataclass
class MergeResult:
    """The merged dataset and what happened to each candidate."""

    dataset: Dataset
    added: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (candidate id, curated id)
    pending: int = 0
    rejected: int = 0
    new: Dataset = field(default_factory=Dataset)  # only what was added: actors, sources, types, relations


def _same(a: Relation, b: Relation, symmetric: bool) -> bool:
    ends = (a.source, a.target) == (b.source, b.target) or (
        symmetric and (a.source, a.target) == (b.target, b.source))
    if not ends or a.type != b.type:
        return False
    if (a.date or a.start) == (b.date or b.start):
        return True
    return b.date is None and b.end is None  # an open stance already covers it


def merge(candidates: Dataset, into: Dataset) -> MergeResult:
    """Add the accepted candidates to a copy of ``into`` (see the module docstring).

    Raises :class:`~relgraph.errors.ExtractError` when a candidate's custom
    type or actor clashes with a different one of the same name in ``into``.
    """
    out = Dataset(dict(into.actors), dict(into.relations), dict(into.sources), dict(into.types))
    result = MergeResult(out)
    for rel in candidates.relations.values():
        if rel.review == "pending":
            result.pending += 1
            continue
        if rel.review == "rejected":
            result.rejected += 1
            continue
        rtype = candidates.types.get(rel.type) or out.types.get(rel.type)
        symmetric = bool(rtype and rtype.symmetric)
        twin = next((c for c in out.relations.values() if _same(rel, c, symmetric)), None)
        if twin is not None:
            result.duplicates.append((rel.id, twin.id))
            continue
        _bring(candidates, out, result, rel)
        merged = replace(rel, review=None)
        out.relations[rel.id] = merged
        result.new.relations[rel.id] = merged
        result.added.append(rel.id)
    return result


def _bring(candidates: Dataset, out: Dataset, result: MergeResult, rel: Relation) -> None:
    """Add the actors, sources and custom type the relation needs, refusing clashes."""
    if rel.type not in out.types:
        out.types[rel.type] = result.new.types[rel.type] = candidates.types[rel.type]
    elif candidates.types.get(rel.type, out.types[rel.type]) != out.types[rel.type]:
        raise ExtractError(f"type {rel.type!r} of the candidates differs from the dataset's; rename one")
    for end in (rel.source, rel.target):
        if end not in out.actors:
            out.actors[end] = result.new.actors[end] = candidates.actors[end]
    for citation in rel.sources:
        known = out.sources.get(citation.source.id)
        if known is None:
            out.sources[citation.source.id] = result.new.sources[citation.source.id] = citation.source
        elif known != citation.source:
            raise ExtractError(f"source {known.id!r} differs in the candidates and the dataset: rename one")


def merge_files(candidates: Path, into: Path) -> tuple[MergeResult, Path]:
    """Merge the accepted candidates of a file into the dataset at ``into``; return what was written.

    A dataset directory gets the new records in a new file of its own
    (``extracted-NAME.yaml``), so curated files and their comments stay as
    they are; a single-file dataset is written back whole. The result is
    read back and checked; if that fails, nothing is left changed.
    """
    from relgraph.dataset import dumps, load, write

    result = merge(load(candidates), load(into))
    if into.is_dir():
        target = into / f"extracted-{candidates.stem}.yaml"
        n = 1
        while target.exists():
            n += 1
            target = into / f"extracted-{candidates.stem}-{n}.yaml"
        if not result.added:
            return result, target
        target.write_text(dumps(result.new), encoding="utf-8")
        try:
            load(into)
        except RelgraphError:
            target.unlink()
            raise
        return result, target
    if result.added:
        backup = into.read_bytes()
        write(result.dataset, into)
        try:
            load(into)
        except RelgraphError:
            into.write_bytes(backup)
            raise
    return result, into
