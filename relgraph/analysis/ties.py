"""One signed, undirected tie per pair of actors: the graph balance, camps, brokers and ego read.

A snapshot (:mod:`relgraph.snapshot`) can hold several relations between two
actors at once, in either direction: on 20 December 2016 Russia *backs* and
*fights alongside* the Assad regime, while Turkey *opposes* and *tolerates*
it. Structural balance needs one sign per pair, so :func:`signed_ties`
collapses them by this rule:

1. **Only actors take sides.** Agreements, resolutions and meetings
   (the deal kinds, :data:`relgraph.model.DEAL_KINDS`) are dropped with
   their relations: they are the hubs
   of facts with more than two parties, and a triangle through a deal says
   nothing about whether its parties are friends. (Who brokers deals is
   read from the snapshot itself, by :mod:`relgraph.analysis.brokers`.)
   Self-loops are ignored.
2. **Neutral relations are not ties.** Sign 0 (``negotiates-with``,
   ``tolerates``, ``attends``) neither allies nor opposes, so it is left out
   before anything else is weighed.
3. **Direction is dropped.** "Turkey opposes the regime" is one tie between
   Turkey and the regime.
4. **Stances outrank events.** When a pair has a signed stance, its events
   are context; when it has only events (Russia *excludes* the United States
   on the day of the Moscow talks), the events decide.
4a. **A stance gives way to the one that follows it.** Sources date the
   end of one stance and the start of the next at the same coarse precision
   ("hostile until the summer", "cooperating since the summer"), so on a day
   in that summer both hold. Where an older stance's end and a newer
   stance's start cannot be told apart at their precision (their spans
   overlap), the older one is taken to have ended: it does not decide, and
   the tie says it is mixed.
5. **Among those, the strongest, then the latest, decides:** highest
   ``confidence``; then the latest ``first`` day (a stance's start, an
   event's date), an open start counting as the oldest; then a negative
   relation over a positive one, since a hostility stated as firmly and as
   recently as a cooperation is not cancelled by it; then the smallest
   relation id, so the result never depends on input order.

Each tie keeps the deciding relation, every signed relation on the pair and
whether they disagreed (``mixed``). An undirected, simple ``nx.Graph`` is
taken as ties already (sign 0 dropped), which is how synthetic graphs and
tests feed the analyses.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(date="2016-12-20")
>>> g.add_node("ru", name="Russia", kind="state"); g.add_node("tr", name="Turkey", kind="state")
>>> _ = g.add_edge("ru", "tr", key="r1", id="r1", type="cooperates", sign=1, kind="stance",
...                first=date(2016, 6, 1), confidence=0.8)
>>> _ = g.add_edge("ru", "tr", key="r2", id="r2", type="tolerates", sign=0, kind="stance",
...                first=date(2016, 8, 1), confidence=0.8)
>>> ties = signed_ties(g)
>>> ties.edges["ru", "tr"]["sign"], ties.edges["ru", "tr"]["relation"]
(1, 'r1')
>>> tie_of(ties, "tr", "ru").description
'Russia +cooperates Turkey'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx

from relgraph.collector import paused_collector
from relgraph.dates import PartialDate
from relgraph.model import DEAL_KINDS, sign_symbol

__all__ = ["Tie", "as_ties", "signed_ties", "tie_list", "tie_of"]


@dataclass(frozen=True)
class Tie:
    """The signed tie between actors ``a`` and ``b`` (``a < b``) and the relation that decided it.

    ``names`` are the names of ``a`` and ``b``. ``source``, ``type`` and
    ``target`` are the deciding relation's, so a tie reads the way the data
    says it; they are ``None`` for ties given directly as a signed
    ``nx.Graph``. ``relations`` lists every signed relation on the pair;
    ``mixed`` is true when their signs disagreed, and ``mix`` then says how
    (``"mixed: hostile-to until 2016-summer, cooperates from 2016-summer"``).
    """

    a: str
    b: str
    sign: int
    relation: str | None = None
    source: str | None = None
    type: str | None = None
    target: str | None = None
    confidence: float | None = None
    relations: tuple[str, ...] = ()
    mixed: bool = False
    names: tuple[str, str] | None = None
    mix: str | None = None

    json_extra = ("description",)

    def name(self, actor: str) -> str:
        """The name of ``a`` or ``b``, or the id where the tie has no names."""
        if self.names is None:
            return actor
        return self.names[0] if actor == self.a else self.names[1]

    @property
    def description(self) -> str:
        """``"Russia +cooperates Turkey"``: the deciding relation as the data says it, with names."""
        if self.type is None or self.source is None or self.target is None:
            return f"{self.name(self.a)} {sign_symbol(self.sign)} {self.name(self.b)}"
        return f"{self.name(self.source)} {sign_symbol(self.sign)}{self.type} {self.name(self.target)}"


def tie_of(ties: nx.Graph, u: str, v: str) -> Tie:
    """The :class:`Tie` on the edge ``u``-``v`` of a graph made by :func:`signed_ties`."""
    a, b = sorted((u, v))
    attrs = ties.edges[a, b]
    names = (str(ties.nodes[a].get("name", a)), str(ties.nodes[b].get("name", b)))
    return Tie(a, b, attrs["sign"], attrs.get("relation"), attrs.get("source"), attrs.get("type"),
               attrs.get("target"), attrs.get("confidence"), tuple(attrs.get("relations", ())),
               attrs.get("mixed", False), names, attrs.get("mix"))


def _span(text: str | None) -> tuple[date, date] | None:
    if not text:
        return None
    when = PartialDate.parse(text)
    return when.first, when.last


def _superseded(rel: dict[str, Any], others: list[dict[str, Any]]) -> bool:
    """Whether a stance is followed by a newer one whose start overlaps its end (rule 4a)."""
    end = _span(rel.get("end")) if rel.get("kind") != "event" else None
    if end is None:
        return False
    began = rel.get("first") or date.min
    for other in others:
        start = _span(other.get("start")) if other.get("kind") != "event" else None
        if (other is not rel and start is not None and (other.get("first") or date.min) > began
                and start[0] <= end[1] and end[0] <= start[1]):
            return True
    return False


def _mix(rels: list[dict[str, Any]]) -> str:
    """``mixed: hostile-to until 2016-summer, cooperates from 2016-summer``: every signed relation."""
    def when(r: dict[str, Any]) -> str:
        if r.get("kind") == "event":
            return f"on {r.get('date')}"
        if r.get("end"):
            return f"until {r['end']}"
        return f"from {r['start']}" if r.get("start") else "ongoing"

    ordered = sorted(rels, key=lambda r: (r.get("first") or date.min, str(r.get("id"))))
    return "mixed: " + ", ".join(f"{r.get('type')} {when(r)}" for r in ordered)


def _rank(attrs: dict[str, Any]) -> tuple[bool, float, int, int, str]:
    # Sorted ascending, the first candidate decides: stances first, then rule 5 in order.
    first = attrs.get("first") or date.min
    return (attrs.get("kind") == "event", -float(attrs.get("confidence", 1.0)),
            -first.toordinal(), attrs["_sign"], str(attrs.get("id", "")))


@paused_collector()
def signed_ties(graph: nx.Graph, *, sign: str = "sign",
                exclude_kinds: frozenset[str] = DEAL_KINDS) -> nx.Graph:
    """Collapse a snapshot into one signed, undirected tie per pair of actors (rule above).

    Reads the edge attribute named by ``sign`` and, when present, ``kind``,
    ``confidence``, ``first`` (a ``date``), ``id`` and ``type``; nodes whose
    ``kind`` is in ``exclude_kinds`` are dropped. Returns an ``nx.Graph`` with
    the snapshot's graph attributes and every remaining node (with ``name``
    and ``kind``), whose edges carry ``sign`` (1 or -1) and the fields of
    :class:`Tie`.
    """
    out = nx.Graph(**{k: v for k, v in graph.graph.items() if k in ("date", "event_window", "data")})
    nodes = [(n, {"name": a.get("name", n), "kind": a.get("kind")}) for n, a in graph.nodes(data=True)
             if a.get("kind") not in exclude_kinds]
    keep = {n for n, _ in nodes}
    out.add_nodes_from(nodes)
    if not graph.is_directed() and not graph.is_multigraph():
        for u, v, attrs in graph.edges(data=True):
            value = int(attrs.get(sign, 0))
            if u != v and value and u in keep and v in keep:
                out.add_edge(u, v, sign=1 if value > 0 else -1, relations=())
        return out

    # each pair's relations as (attributes, id, sign, source, target): copied into one dict only for the few
    # pairs with more than one relation, where the rule compares them
    candidates: dict[tuple[str, str], list[tuple[dict[str, Any], Any, int, str, str]]] = {}
    for u, v, key, attrs in _edges(graph):
        value = int(attrs.get(sign, 0))
        if u == v or not value or u not in keep or v not in keep:
            continue
        pair = (u, v) if u < v else (v, u)
        rel_id = attrs.get("id", key if key is not None else f"{u}-{v}")
        one = (attrs, rel_id, 1 if value > 0 else -1, u, v)
        if (same := candidates.get(pair)) is None:
            candidates[pair] = [one]
        else:
            same.append(one)
    ties = []
    for (a, b), found in candidates.items():
        if len(found) == 1:  # most pairs: nothing to weigh
            attrs, rel_id, value, u, v = found[0]
            ties.append((a, b, {"sign": value, "relation": rel_id, "source": u, "type": attrs.get("type"),
                                "target": v, "confidence": float(attrs.get("confidence", 1.0)),
                                "relations": (str(rel_id),), "mixed": False, "mix": None}))
            continue
        rels = [{**attrs, "id": rel_id, "_sign": value, "_source": u, "_target": v}
                for attrs, rel_id, value, u, v in found]
        current = [r for r in rels if not _superseded(r, rels)] or rels
        best = min(current, key=_rank)
        mixed = len({r["_sign"] for r in rels}) > 1
        ties.append((a, b, {"sign": best["_sign"], "relation": best["id"], "source": best["_source"],
                            "type": best.get("type"), "target": best["_target"],
                            "confidence": float(best.get("confidence", 1.0)),
                            "relations": tuple(sorted(str(r["id"]) for r in rels)),
                            "mixed": mixed, "mix": _mix(rels) if mixed else None}))
    out.add_edges_from(ties)
    return out


def _edges(graph: nx.Graph) -> Iterator[tuple[Any, Any, Any, dict[str, Any]]]:
    """Each edge once, with its key (``None`` in a graph without keys) and attributes."""
    if graph.is_multigraph() and graph.is_directed():
        # a snapshot: its adjacency's own dicts, which cost a third of an edge view's time
        for u, targets in graph.adjacency():
            for v, keys in targets.items():
                for key, attrs in keys.items():
                    yield u, v, key, attrs
    elif graph.is_multigraph():
        yield from graph.edges(keys=True, data=True)
    else:
        yield from ((u, v, None, a) for u, v, a in graph.edges(data=True))


def tie_list(ties: nx.Graph) -> list[Tie]:
    """Every tie of a graph made by :func:`signed_ties`, by actor ids: the data a result was computed from."""
    return [tie_of(ties, u, v) for u, v in sorted(tuple(sorted(e)) for e in ties.edges)]


def as_ties(graph: nx.Graph, *, sign: str = "sign") -> nx.Graph:
    """``graph`` as ties: collapsed by :func:`signed_ties` unless it already is a tie graph.

    A graph is taken as already collapsed when it is undirected, simple, and
    every edge's ``sign`` attribute is -1 or 1 under the name ``"sign"``.
    """
    if (not graph.is_directed() and not graph.is_multigraph() and sign == "sign"
            and all(a.get("sign") in (-1, 1) for _, _, a in graph.edges(data=True))):
        return graph
    return signed_ties(graph, sign=sign)
