"""Structural balance: which signed triangles hold together and which are tensions.

A triangle of ties is **balanced** when the product of its signs is positive:
all friends (``+++``), or two friends with a common enemy (``+--``). It is
**unbalanced** when the product is negative: a friend of a friend is an enemy
(``++-``), or three mutual enemies (``---``, balanced only under Davis's
"weak balance", which :attr:`BalanceReport.by_pattern` lets a reader apply).
Unbalanced triangles are the tensions an analyst looks at: on 20 December
2016 Russia cooperates with Turkey and backs the Assad regime, which Turkey
opposes.

Ties come from :func:`relgraph.analysis.ties.signed_ties` (one signed tie per
pair; the rule is documented there).

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_edge("a", "b", sign=1); g.add_edge("b", "c", sign=1); g.add_edge("a", "c", sign=-1)
>>> report = balance(g)
>>> report.balanced, report.unbalanced, report.by_pattern["++-"]
(0, 1, 1)
>>> [t.actors for t in report.tensions]
[('a', 'b', 'c')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import networkx as nx

from relgraph.analysis.ties import Tie, as_ties, tie_list, tie_of
from relgraph.collector import paused_collector
from relgraph.records import Result

__all__ = ["BalanceReport", "Triangle", "balance", "triangles"]

PATTERNS = ("+++", "++-", "+--", "---")


@dataclass(frozen=True)
class Triangle:
    """Three actors (sorted ids), their three ties, and whether the triangle is balanced."""

    actors: tuple[str, str, str]
    ties: tuple[Tie, Tie, Tie]

    json_extra = ("balanced", "pattern", "description")

    @property
    def negatives(self) -> int:
        return sum(t.sign < 0 for t in self.ties)

    @property
    def balanced(self) -> bool:
        return self.negatives % 2 == 0

    @property
    def pattern(self) -> str:
        return "+" * (3 - self.negatives) + "-" * self.negatives

    @property
    def description(self) -> str:
        """``"Russia +cooperates Turkey, Turkey -opposes Assad regime, Russia +backs Assad regime"``."""
        return ", ".join(t.description for t in self.ties)


@dataclass
class BalanceReport(Result):
    """Every signed triangle on a date, and the share that is balanced.

    ``share_balanced`` is ``None`` when there is no triangle. ``ties`` is
    the signed graph the report was computed from (in JSON: ``signed_ties``).
    """

    date: str | None
    event_window: str | None
    triangles: list[Triangle]
    ties: nx.Graph = field(repr=False, metadata={"json": False})

    json_kind = "balance"
    json_extra = ("actors", "balanced", "unbalanced", "share_balanced", "by_pattern", "signed_ties")

    @property
    def actors(self) -> list[str]:
        """The actors with a signed tie, by id."""
        return sorted(self.ties.nodes)

    @property
    def signed_ties(self) -> list[Tie]:
        return tie_list(self.ties)

    @property
    def balanced(self) -> int:
        return sum(t.balanced for t in self.triangles)

    @property
    def unbalanced(self) -> int:
        return len(self.triangles) - self.balanced

    @property
    def share_balanced(self) -> float | None:
        return self.balanced / len(self.triangles) if self.triangles else None

    @property
    def tensions(self) -> list[Triangle]:
        """The unbalanced triangles."""
        return [t for t in self.triangles if not t.balanced]

    @property
    def by_pattern(self) -> dict[str, int]:
        counts = dict.fromkeys(PATTERNS, 0)
        for t in self.triangles:
            counts[t.pattern] += 1
        return counts


def triangles(ties: nx.Graph) -> Iterator[tuple[str, str, str]]:
    """Each triangle of an undirected graph once, as sorted node ids.

    Orients every edge from lower to higher (degree, id) rank so a triangle is
    found from its lowest corner only; the work is bounded by the arboricity
    of the graph rather than by all triples of nodes.
    """
    rank = {n: i for i, n in enumerate(sorted(ties.nodes, key=lambda n: (ties.degree(n), str(n))))}
    later = {n: {m for m in ties.adj[n] if rank[m] > rank[n]} for n in ties.nodes}
    for u in ties.nodes:
        for v in later[u]:
            for w in later[u] & later[v]:
                a, b, c = sorted((u, v, w))
                yield a, b, c


@paused_collector()
def balance(graph: nx.Graph, *, sign: str = "sign") -> BalanceReport:
    """Classify every signed triangle of ``graph`` as balanced or not.

    ``graph`` is a snapshot (collapsed into ties by
    :func:`~relgraph.analysis.ties.signed_ties`, reading the edge attribute
    ``sign``) or an undirected graph whose edges carry ``sign`` = 1 or -1.
    Triangles are sorted by their actors.
    """
    ties = as_ties(graph, sign=sign)
    found = []
    for a, b, c in sorted(triangles(ties)):
        # Friends first, then enemies: reads as "friends of friends, yet enemies".
        three = sorted((tie_of(ties, a, b), tie_of(ties, b, c), tie_of(ties, a, c)),
                       key=lambda t: (-t.sign, t.a, t.b))
        found.append(Triangle((a, b, c), (three[0], three[1], three[2])))
    return BalanceReport(ties.graph.get("date"), ties.graph.get("event_window"), found, ties)
