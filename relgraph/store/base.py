"""The interfaces of stores: one every store reads through, one more for databases.

* :class:`ReadStore`: the whole dataset, or what a snapshot on a day shows
  (as model objects, or as the records a snapshot graph is made of:
  :class:`Shown`); dataset files (:class:`~relgraph.store.files.FilesStore`)
  and Neo4j both implement it.
* :class:`Database`: a :class:`ReadStore` that also takes loads, keeps a
  schema and answers queries (:class:`~relgraph.store.neo4j.Neo4jStore`).

A new store is a new module implementing one of them; nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, runtime_checkable

from relgraph.dates import DEFAULT_EVENT_WINDOW, Duration
from relgraph.model import Dataset, RelationType
from relgraph.records import Record, actor_record, relation_record

__all__ = ["Counts", "Database", "Progress", "ReadStore", "Shown", "WriteSummary"]

Progress = Callable[[int], None]
"""Called with the number of relations written so far, after each batch of a load."""


@dataclass
class Counts:
    """How many records of one kind a write created, updated, left unchanged or removed."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0


@dataclass
class WriteSummary:
    """What a write did to actors and to relations.

    ``repaired``: relation ids stored twice, made one; ``stale``: ids of the relations the store kept
    although the data lacks them (a write without ``prune``); ``resumed``: the write also finished one
    that had stopped part way.
    """

    actors: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    repaired: int = 0
    stale: list[str] = field(default_factory=list)
    resumed: bool = False


@dataclass
class Shown:
    """What a snapshot shows, as the plain records (:mod:`relgraph.records`) its graph is made of.

    ``relations`` are relation records; ``actors`` the records of the actors
    they link (of every actor, for a graph that keeps the isolated ones);
    ``types`` the vocabulary. Without ``evidence``, citations were not read:
    every relation's ``sources`` is empty, which is all that analysis needs.
    """

    actors: list[Record]
    relations: list[Record]
    types: dict[str, RelationType]
    evidence: bool = True

    @classmethod
    def of(cls, data: Dataset, *, evidence: bool = True, isolated: bool = False) -> Shown:
        """The records of ``data``'s relations and of the actors they link (every actor with ``isolated``)."""
        touched = {end for r in data.relations.values() for end in (r.source, r.target)}
        return cls([actor_record(a) for a in data.actors.values() if isolated or a.id in touched],
                   [relation_record(r, data.types, citations=evidence) for r in data.relations.values()],
                   data.types, evidence)


@runtime_checkable
class ReadStore(Protocol):
    """A place that holds one dataset and reads it back.

    ``at`` returns the relations a snapshot on ``day`` shows (with the actors,
    sources and types they need), so that a store can select them where the
    data is (a Cypher query on the server) instead of handing everything over;
    ``records`` returns the same as records, ready to become the snapshot's
    graph, and reads citations only when ``evidence`` is asked for.
    """

    def read(self) -> Dataset: ...

    def at(self, day: date, window: Duration | None = DEFAULT_EVENT_WINDOW) -> Dataset: ...

    def records(self, day: date, window: Duration | None = DEFAULT_EVENT_WINDOW, *,
              evidence: bool = True) -> Shown: ...

    def close(self) -> None: ...


@runtime_checkable
class Database(ReadStore, Protocol):
    """A store that takes loads (all or nothing), keeps a schema and runs queries."""

    def init(self, types: Iterable[RelationType] = ...) -> list[str]: ...

    def write(self, data: Dataset, *, prune: bool = False,
              progress: Progress | None = None) -> WriteSummary: ...

    def stale(self, data: Dataset) -> list[str]: ...

    def check(self) -> list[str]: ...

    def query(self, cypher: str, **params: Any) -> list[dict[str, Any]]: ...
