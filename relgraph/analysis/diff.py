"""What changed between two dates: relations that began or ended, ties that flipped, camps left.

:func:`diff` compares two snapshots (``before`` and ``after``):

* **began** / **ended**: stances held on one date and not the other, by
  relation id. Events are not said to begin or end; pass ``between``, a
  snapshot of ``after``'s date whose event window reaches back to ``before``'s
  date, to list the events that happened in between.
* **flipped**: pairs of actors tied on both dates with opposite signs (ties
  are collapsed by :mod:`relgraph.analysis.ties`); **formed** / **dissolved**:
  pairs tied on one date only.
* **camp changes**: actors tied on both dates whose camp
  (:func:`relgraph.analysis.camps.camps`) changed. Camp numbers are arbitrary,
  so each connected group of the later date has its camps matched to the
  earlier ones that share most of its actors before anyone is said to move.

>>> import networkx as nx
>>> old = nx.Graph(date="2016-01-01"); old.add_edge("ru", "tr", sign=-1)
>>> new = nx.Graph(date="2016-12-20"); new.add_edge("ru", "tr", sign=1)
>>> change = diff(old, new)
>>> [(t.before.sign, t.after.sign) for t in change.flipped]
[(-1, 1)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx
import numpy as np

from relgraph.analysis.camps import CampsResult, camps
from relgraph.analysis.ties import Tie, as_ties, tie_of
from relgraph.records import Result
from relgraph.snapshot import relations

__all__ = ["CampChange", "Diff", "TieChange", "diff"]


@dataclass(frozen=True)
class TieChange:
    """A pair whose tie differs between the dates; ``before`` or ``after`` is ``None`` if absent."""

    a: str
    b: str
    before: Tie | None
    after: Tie | None


@dataclass(frozen=True)
class CampChange:
    """An actor that moved camp: its camp's index in the earlier and in the later camps."""

    actor: str
    name: str
    before: int
    after: int


@dataclass
class Diff(Result):
    """Everything that changed from ``from_date`` to ``to_date``.

    ``began``, ``ended`` and ``events`` are relation records
    (:mod:`relgraph.records`) with ``source`` and ``target``; ``events`` is
    ``None`` when no snapshot of the time between was given.
    """

    from_date: str | None
    to_date: str | None
    event_window: str | None
    began: list[dict[str, Any]]
    ended: list[dict[str, Any]]
    events: list[dict[str, Any]] | None
    flipped: list[TieChange]
    formed: list[TieChange]
    dissolved: list[TieChange]
    camps_before: CampsResult
    camps_after: CampsResult
    camp_changes: list[CampChange]
    names: dict[str, str] = field(repr=False, metadata={"json": False})

    json_kind = "diff"


def diff(before: nx.Graph, after: nx.Graph, *, between: nx.Graph | None = None, k: int = 2,
         sign: str = "sign", seed: int = 0) -> Diff:
    """Compare the snapshot ``before`` with the later snapshot ``after`` (see the module's notes).

    Either may be a signed ``nx.Graph`` instead of a snapshot; it then has no
    relations to begin or end, only ties.
    """
    old_stances = {r["id"]: r for r in relations(before, "stance")}
    new_stances = {r["id"]: r for r in relations(after, "stance")}
    events = None
    if between is not None:
        events = sorted(relations(between, "event"),
                        key=lambda r: (r.get("first") or date.min, str(r["id"])))
    old, new = as_ties(before, sign=sign), as_ties(after, sign=sign)
    flipped, formed, dissolved = [], [], []
    for a, b in sorted({tuple(sorted(e)) for e in old.edges} | {tuple(sorted(e)) for e in new.edges}):
        was = tie_of(old, a, b) if old.has_edge(a, b) else None
        now = tie_of(new, a, b) if new.has_edge(a, b) else None
        if was and now and was.sign != now.sign:
            flipped.append(TieChange(a, b, was, now))
        elif now and not was:
            formed.append(TieChange(a, b, None, now))
        elif was and not now:
            dissolved.append(TieChange(a, b, was, None))
    camps_before, camps_after = camps(old, k, seed=seed), camps(new, k, seed=seed)
    names = {n: str(attrs.get("name", n)) for g in (before, after, between) if g is not None
             for n, attrs in g.nodes(data=True)}
    return Diff(
        from_date=old.graph.get("date"), to_date=new.graph.get("date"),
        event_window=new.graph.get("event_window"),
        began=[new_stances[i] for i in sorted(new_stances.keys() - old_stances.keys())],
        ended=[old_stances[i] for i in sorted(old_stances.keys() - new_stances.keys())],
        events=events, flipped=flipped, formed=formed, dissolved=dissolved,
        camps_before=camps_before, camps_after=camps_after,
        camp_changes=_moves(camps_before, camps_after, names), names=names,
    )


def _moves(old: CampsResult, new: CampsResult, names: dict[str, str]) -> list[CampChange]:
    from scipy.optimize import linear_sum_assignment

    was, now = old.assignment, new.assignment
    size = max(len(old.camps), len(new.camps), 1)
    moves = []
    for group in new.components:
        common = [n for n in group if n in was]
        # Match this group's camps to the earlier camps that share most of its actors.
        overlap = np.zeros((size, size), dtype=int)
        for n in common:
            overlap[now[n], was[n]] += 1
        rows, cols = linear_sum_assignment(overlap, maximize=True)
        match = dict(zip(rows.tolist(), cols.tolist(), strict=True))
        moves += [CampChange(n, names.get(n, n), was[n], now[n]) for n in common if match[now[n]] != was[n]]
    return sorted(moves, key=lambda m: (m.name, m.actor))
