"""The interface every store implements: write a dataset, read it back, read what holds on a day."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from relgraph.dates import DEFAULT_EVENT_WINDOW, Duration
from relgraph.model import Dataset

__all__ = ["Counts", "Store", "WriteSummary"]


@dataclass
class Counts:
    """How many records of one kind a write created, updated, left unchanged or removed."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0


@dataclass
class WriteSummary:
    actors: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)

    def __str__(self) -> str:
        return "; ".join(
            f"{name}: {c.created} created, {c.updated} updated, {c.unchanged} unchanged, {c.removed} removed"
            for name, c in (("actors", self.actors), ("relations", self.relations))
        )


class Store(Protocol):
    """A place that holds one dataset.

    ``at`` returns the relations a snapshot on ``day`` shows (with every
    actor, source and type), so that a store can select them where the data
    is (a Cypher query on the server) instead of handing everything over.
    """

    def read(self) -> Dataset: ...

    def at(self, day: date, window: Duration | None = DEFAULT_EVENT_WINDOW) -> Dataset: ...

    def write(self, data: Dataset, *, prune: bool = False) -> WriteSummary: ...

    def close(self) -> None: ...
