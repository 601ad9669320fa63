"""The dated history of one actor's relations, or of one pair's, in order, with sources.

A timeline needs the whole history, not a snapshot, so :func:`timeline` takes
a :class:`~relgraph.model.Dataset` (what a store's ``read()`` returns). Its
entries are relation records (:mod:`relgraph.records`), ordered by the day
they begin (an open start, "since before the record begins", comes first),
then by the day they end (open ends last), then by id.

>>> from relgraph import example_path
>>> from relgraph.dataset import load
>>> from relgraph.records import when
>>> story = timeline(load(example_path()), "Russia", "Turkey")
>>> [(when(e), e["type"]) for e in story.entries][:3]
[('2015-11', 'shoots-down'), ('2015-11 – 2016-summer', 'hostile-to'), ('2016-summer –', 'cooperates')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from relgraph.actors import dataset_actors, find_actor
from relgraph.model import Dataset
from relgraph.records import Result, relation_record

__all__ = ["Timeline", "timeline"]


@dataclass
class Timeline(Result):
    """The relation records about ``actor`` (and ``other``, for a pair), in order.

    ``names`` maps the ids of every actor in the entries to its name.
    """

    actor: str
    name: str
    other: str | None
    other_name: str | None
    entries: list[dict[str, Any]]
    names: dict[str, str] = field(repr=False, metadata={"json": False})

    json_kind = "timeline"


def timeline(data: Dataset, actor: str, other: str | None = None, *, events: bool = True) -> Timeline:
    """Every relation of ``actor``, or between ``actor`` and ``other`` (either way), in order.

    Actors are given by id, name or alias (see :func:`relgraph.actors.find_actor`);
    ``events=False`` keeps stances only.
    """
    known = dataset_actors(data)
    first = find_actor(actor, known, option="ACTOR")
    second = find_actor(other, known, option="OTHER") if other is not None else None
    pair = {first, second}
    chosen = [
        relation_record(r, data.types) for r in data.relations.values()
        if (r.source == first or r.target == first)
        and (second is None or {r.source, r.target} == pair)
        and (events or not r.is_event)
    ]
    chosen.sort(key=lambda e: (e["first"] or date.min, e["last"] or date.max, e["id"]))
    names = {a.id: a.name for a in data.actors.values()}
    return Timeline(first, names[first], second, names[second] if second else None, chosen,
                    {i: names[i] for e in chosen for i in (e["source"], e["target"])} | {first: names[first]})
