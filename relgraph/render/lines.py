"""What a figure draws between two actors: one line per pair by default, or one per relation.

Two actors often hold several relations at once (Russia *backs* and *fights
alongside* the Assad regime). Drawn one by one they make a bundle of curves
whose labels sit on each other, so a figure draws **one line per pair**: its
colour is the sign of the pair's tie, decided by the rule of
:mod:`relgraph.analysis.ties` (stances outrank events, then the most
confident, the latest, a negative over a positive one); it is dashed only
when every relation on it is an event; its width is the most confident
relation's; it runs the way the deciding relation does, with the head of the
first directed relation each way; its label lists the types, the deciding
one first. Neutral pairs (only talks, attendance...) are grey. Tooltips and
the side panel list every relation, with its sources.

Extracted candidates that wait for review (``review: pending``) never merge
into a curated line: a pair's candidates make a line of their own, drawn
apart (:func:`relgraph.render.style.candidate_colour`).

When the signed relations of a pair disagree on a date (Russia and Turkey on
1 July 2016, hostile until the summer and cooperating from it), the line
says so: ``mixed: hostile-to until 2016-summer, cooperates from 2016-summer``.

``all_relations=True`` gives the older picture: one line per relation,
parallel ones bent apart.

>>> import networkx as nx
>>> from datetime import date
>>> g = nx.MultiDiGraph(date="2016-07-01")
>>> g.add_node("ru", kind="state"); g.add_node("tr", kind="state")
>>> _ = g.add_edge("ru", "tr", key="h", id="h", type="hostile-to", sign=-1, kind="stance", symmetric=True,
...                confidence=0.9, start="2015-11", end="2016-summer", first=date(2015, 11, 1))
>>> _ = g.add_edge("ru", "tr", key="c", id="c", type="cooperates", sign=1, kind="stance", symmetric=True,
...                confidence=0.8, start="2016-summer", end=None, first=date(2016, 6, 1))
>>> [line] = frame_lines(g)
>>> line.sign, line.label, line.mixed
(1, 'cooperates, hostile-to', 'mixed: hostile-to until 2016-summer, cooperates from 2016-summer')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from relgraph.render.style import Head, head_for

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Line", "bend_parallel", "frame_lines", "mixed_text"]

Key = tuple[Any, ...]


@dataclass(frozen=True)
class Line:
    """One line of a figure: between ``source`` and ``target``, standing for ``relations`` (ids)."""

    key: Key
    source: str
    target: str
    relations: tuple[str, ...]
    sign: int
    label: str
    head: Head
    tail: Head
    dashed: bool
    width: float
    candidate: bool = False
    mixed: str | None = None
    curve: float = 0.0


def _pending(attrs: dict[str, Any]) -> bool:
    return attrs.get("review") == "pending"


def _order(rel: dict[str, Any]) -> tuple[bool, float, str]:
    # display order after the deciding relation: stances first, then the most confident
    return (rel["kind"] == "event", -float(rel.get("confidence", 1.0)), str(rel["id"]))


def _bound(rel: dict[str, Any]) -> str:
    """The date that matters when a relation is set against another: when it ends, or began."""
    if rel["kind"] == "event":
        return f"on {rel.get('date')}"
    if rel.get("end"):
        return f"until {rel['end']}"
    return f"from {rel['start']}" if rel.get("start") else "since before the record"


def mixed_text(rels: Iterable[dict[str, Any]]) -> str | None:
    """``mixed: hostile-to until 2016-summer, cooperates from 2016-summer`` when signs disagree, else None.

    Lists the signed relations by the day each begins.
    """
    signed = [r for r in rels if r.get("sign")]
    if len({r["sign"] for r in signed}) < 2:
        return None
    signed.sort(key=lambda r: (r.get("first") or date.min, str(r["id"])))
    return "mixed: " + ", ".join(f"{r['type']} {_bound(r)}" for r in signed)


def frame_lines(graph: nx.MultiDiGraph, *, all_relations: bool = False) -> list[Line]:
    """The lines that draw one snapshot graph (see the module docstring), in a stable order.

    Edges need the relation record's ``id``, ``type``, ``sign``, ``kind``,
    ``symmetric``, ``confidence`` and, for the tie rule and the mixed text,
    ``first``, ``start``, ``end``, ``date``.
    """
    pairs: dict[tuple[str, str, bool], list[dict[str, Any]]] = {}
    for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        if u == v:
            continue
        a, b = sorted((u, v))
        pairs.setdefault((a, b, _pending(attrs)), []).append(
            {**attrs, "id": attrs.get("id", key), "_source": u, "_target": v})
    deciding = _deciding(graph, pairs)
    out: list[Line] = []
    for (a, b, candidate), rels in sorted(pairs.items()):
        mixed = mixed_text(rels)
        if all_relations:
            out += [_line(("rel", r["id"]), [r], r["sign"], candidate, mixed) for r in rels]
            continue
        first = deciding.get((a, b, candidate))
        rels.sort(key=lambda r: (r["id"] != first, _order(r)))
        sign = next((r["sign"] for r in rels if r["id"] == first), 0)
        out.append(_line(("tie", a, b, candidate, tuple(sorted(r["id"] for r in rels))), rels, sign,
                         candidate, mixed))
    if all_relations:
        return bend_parallel(out)
    # a pair's candidate line bends away from its curated one, so both stay visible
    curated = {(min(ln.source, ln.target), max(ln.source, ln.target)) for ln in out if not ln.candidate}
    return [replace(ln, curve=0.2) if ln.candidate and (min(ln.source, ln.target),
                                                       max(ln.source, ln.target)) in curated else ln
            for ln in out]


def _deciding(graph: nx.MultiDiGraph, pairs: dict[tuple[str, str, bool], list[dict[str, Any]]]
              ) -> dict[tuple[str, str, bool], str]:
    """The relation that decides each pair's sign, by the rule of relgraph.analysis.ties; curated
    relations and candidates apart."""
    import networkx as nx

    from relgraph.analysis.ties import signed_ties

    out: dict[tuple[str, str, bool], str] = {}
    for candidate in (False, True):
        sub = nx.MultiDiGraph()
        sub.add_nodes_from(graph.nodes(data=True))
        for (_, _, cand), rels in pairs.items():
            if cand == candidate:
                sub.add_edges_from((r["_source"], r["_target"], r["id"], r) for r in rels)
        ties = signed_ties(sub, exclude_kinds=frozenset())
        for a, b, tie in ties.edges(data=True):
            out[min(a, b), max(a, b), candidate] = tie["relation"]
    return out


def _line(key: Key, rels: list[dict[str, Any]], sign: int, candidate: bool, mixed: str | None) -> Line:
    first = rels[0]
    source, target = first["_source"], first["_target"]

    def head(u: str, v: str) -> Head:
        directed = [r for r in rels if not r.get("symmetric") and (r["_source"], r["_target"]) == (u, v)]
        return head_for(directed[0]["type"], directed[0]["sign"], False) if directed else "none"

    types = list(dict.fromkeys(r["type"] for r in rels))
    return Line(key=key, source=source, target=target, relations=tuple(r["id"] for r in rels), sign=sign,
                label=", ".join(types), head=head(source, target), tail=head(target, source),
                dashed=all(r["kind"] == "event" for r in rels),
                width=round(1 + 2 * max(float(r.get("confidence", 1.0)) for r in rels), 2),
                candidate=candidate, mixed=mixed)


def bend_parallel(lines: list[Line]) -> list[Line]:
    """Bend the lines of a pair by different amounts, alternately each side, so each stays visible.

    The bend is signed relative to the pair's first actor, so that two lines
    in opposite directions bend apart instead of on top of each other.
    """
    seen: dict[tuple[str, str], int] = {}
    out = []
    for line in lines:
        pair = (min(line.source, line.target), max(line.source, line.target))
        n = seen[pair] = seen.get(pair, -1) + 1
        if n == 0:
            out.append(line)
            continue
        side = 1 if n % 2 else -1
        if line.source != pair[0]:
            side = -side
        out.append(replace(line, curve=side * (0.12 + 0.14 * ((n - 1) // 2))))
    return out
