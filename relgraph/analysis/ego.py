"""One actor's allies and adversaries on a date, and those that balance implies.

Direct allies and adversaries are the actor's positive and negative ties
(:mod:`relgraph.analysis.ties`). The **inferred** ones are actors with no tie
to it, reached in two steps, whose sign balance theory implies: the enemy of
my enemy and the friend of my friend are allies, the enemy of my friend and
the friend of my enemy are adversaries. Every two-step path votes; an actor
reached by paths that disagree in equal numbers is listed with sign 0, as
contested. Inferences are candidates for an analyst to check, never facts.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_edge("turkey", "assad", sign=-1); g.add_edge("assad", "opposition", sign=-1)
>>> g.add_edge("iran", "assad", sign=1)
>>> report = ego(g, "opposition")
>>> [t.actor for t in report.adversaries], [(i.actor, i.sign) for i in report.inferred]
(['assad'], [('iran', -1), ('turkey', 1)])
>>> report.inferred[1].via[0].reason
'enemy of my enemy'
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from relgraph.actors import find_actor, graph_actors
from relgraph.analysis.ties import Tie, as_ties, tie_of
from relgraph.collector import paused_collector
from relgraph.errors import UnknownActor
from relgraph.model import DEAL_KINDS
from relgraph.records import Result

__all__ = ["EgoReport", "Inferred", "Path", "TieTo", "ego"]

_REASONS = {(1, 1): "friend of my friend", (-1, -1): "enemy of my enemy",
            (1, -1): "enemy of my friend", (-1, 1): "friend of my enemy"}


@dataclass(frozen=True)
class TieTo:
    """A direct ally or adversary and the tie to it."""

    actor: str
    name: str
    tie: Tie


@dataclass(frozen=True)
class Path:
    """A two-step path: the actor through whom a sign is implied, and why."""

    via: str
    first: int
    second: int

    json_extra = ("sign", "reason")

    @property
    def sign(self) -> int:
        return self.first * self.second

    @property
    def reason(self) -> str:
        return _REASONS[self.first, self.second]


@dataclass(frozen=True)
class Inferred:
    """An actor with no tie to the ego whose sign balance implies: 1 ally, -1 adversary, 0 contested."""

    actor: str
    name: str
    sign: int
    via: tuple[Path, ...]
    inferred: bool = True


@dataclass
class EgoReport(Result):
    """The ego's allies and adversaries (direct), and the inferred ones, on one date."""

    date: str | None
    event_window: str | None
    actor: str
    name: str
    allies: list[TieTo]
    adversaries: list[TieTo]
    inferred: list[Inferred]
    ties: nx.Graph = field(repr=False, metadata={"json": False})

    json_kind = "ego"


@paused_collector()
def ego(graph: nx.Graph, actor: str, *, sign: str = "sign") -> EgoReport:
    """Allies, adversaries and inferred ones of ``actor`` (an id, a name or an alias).

    ``graph`` is a snapshot or a signed ``nx.Graph``. Raises
    :class:`~relgraph.errors.UnknownActor` when no node answers to
    ``actor``, or when it is a deal (an agreement takes no side).
    """
    where = f"the graph of {graph.graph['date']}" if graph.graph.get("date") else "the graph"
    node = find_actor(actor, graph_actors(graph), where=where)
    if graph.nodes[node].get("kind") in DEAL_KINDS:
        raise UnknownActor(f"{node!r} is a {graph.nodes[node]['kind']}, which takes no side: "
                           "see 'analyze brokers' for who brokers it")
    ties = as_ties(graph, sign=sign)
    name = {n: str(a.get("name", n)) for n, a in ties.nodes(data=True)}
    direct = sorted((TieTo(n, name[n], tie_of(ties, node, n)) for n in ties.adj[node]),
                    key=lambda t: (t.name, t.actor))
    paths: dict[str, list[Path]] = {}
    for middle in sorted(ties.adj[node]):
        first = ties.edges[node, middle]["sign"]
        for far in sorted(ties.adj[middle]):
            if far != node and far not in ties.adj[node]:
                paths.setdefault(far, []).append(Path(middle, first, ties.edges[middle, far]["sign"]))
    inferred = []
    for far, via in paths.items():
        votes = sum(p.sign for p in via)
        inferred.append(Inferred(far, name[far], (votes > 0) - (votes < 0), tuple(via)))
    inferred.sort(key=lambda i: (-abs(sum(p.sign for p in i.via)), i.name, i.actor))
    return EgoReport(ties.graph.get("date"), ties.graph.get("event_window"), node, name.get(node, node),
                     [t for t in direct if t.tie.sign > 0], [t for t in direct if t.tie.sign < 0],
                     inferred, ties)
