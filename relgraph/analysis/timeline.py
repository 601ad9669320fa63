"""The dated history of one actor's relations, or of one pair's, in order, with sources.

A timeline needs the whole history, not a snapshot, so :func:`timeline` takes
a :class:`~relgraph.model.Dataset` (what a store's ``read()`` returns).
Entries are ordered by the day they begin (a stance's start, an event's
date; an open start, "since before the record begins", comes first), then by
the day they end (open ends last), then by id.

>>> from relgraph import example_path
>>> from relgraph.dataset import load
>>> story = timeline(load(example_path()), "Russia", "Turkey")
>>> [(e.when, e.type) for e in story.entries][:3]
[('2015-11', 'shoots-down'), ('2015-11 – 2016-summer', 'hostile-to'), ('2016-summer –', 'cooperates')]
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from relgraph.analysis.actors import find_actor
from relgraph.model import Dataset, Relation

__all__ = ["Entry", "Timeline", "timeline"]


@dataclass(frozen=True)
class Entry:
    """One relation in a timeline: who, what, when (as recorded and as days), how sure, on whose word."""

    id: str
    source: str
    type: str
    target: str
    sign: int
    kind: str
    start: str | None
    end: str | None
    date: str | None
    first: date | None
    last: date | None
    confidence: float
    sources: tuple[dict[str, Any], ...]
    notes: str | None

    @property
    def when(self) -> str:
        """``"2015-11 – 2016-summer"`` for a stance, ``"2016-12-19"`` for an event."""
        if self.kind == "event":
            return self.date or ""
        return f"{self.start or '…'} – {self.end or ''}".rstrip()

    def to_dict(self) -> dict[str, Any]:
        out = dict(vars(self))
        out.update(first=self.first.isoformat() if self.first else None,
                   last=self.last.isoformat() if self.last else None, sources=list(self.sources),
                   when=self.when)
        return out


@dataclass
class Timeline:
    """The entries about ``actor`` (and ``other``, for a pair), in order; ``names`` maps ids to names."""

    actor: str
    other: str | None
    entries: list[Entry]
    names: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "name": self.names[self.actor], "other": self.other,
                "other_name": self.names[self.other] if self.other else None,
                "entries": [e.to_dict() for e in self.entries]}


def _entry(data: Dataset, rel: Relation) -> Entry:
    kind = data.types[rel.type].kind if rel.type in data.types else ("event" if rel.is_event else "stance")
    first = rel.date.first if rel.date else rel.start.first if rel.start else None
    last = rel.date.last if rel.date else rel.end.last if rel.end else None
    sources = tuple(
        {"id": c.source.id, "title": c.source.title, "publisher": c.source.publisher, "url": c.source.url,
         "published": c.source.published.text if c.source.published else None, "evidence": c.evidence}
        for c in rel.sources)
    return Entry(rel.id, rel.source, rel.type, rel.target, rel.sign, kind,
                 rel.start.text if rel.start else None, rel.end.text if rel.end else None,
                 rel.date.text if rel.date else None, first, last, rel.confidence, sources, rel.notes)


def timeline(data: Dataset, actor: str, other: str | None = None, *, events: bool = True) -> Timeline:
    """Every relation of ``actor``, or between ``actor`` and ``other`` (either way), in order.

    Actors are given by id, name or alias (see
    :func:`~relgraph.analysis.actors.find_actor`); ``events=False`` keeps
    stances only.
    """
    known = [(a.id, a.name, a.aliases) for a in data.actors.values()]
    first = find_actor(actor, known)
    second = find_actor(other, known) if other is not None else None
    pair = {first, second}
    chosen = [
        _entry(data, r) for r in data.relations.values()
        if (r.source == first or r.target == first)
        and (second is None or {r.source, r.target} == pair)
        and (events or not r.is_event)
    ]
    chosen.sort(key=lambda e: (e.first or date.min, e.last or date.max, e.id))
    return Timeline(first, second, chosen, {a.id: a.name for a in data.actors.values()})
