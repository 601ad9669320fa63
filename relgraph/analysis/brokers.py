"""Brokers: who sits between the camps.

Three readings, each answering a different question:

* **centrality**: betweenness on the graph of positive ties only. An actor
  on many of the shortest chains of friendship is where influence can pass
  from one side to the other; enemies carry no influence, so negative ties
  are left out. Each actor's friends and enemies are counted beside it.
  Exact up to :data:`BETWEENNESS_SOURCES` actors; above, estimated from
  that many sampled sources (seeded), since the exact count grows with
  actors times ties (:mod:`relgraph.analysis.betweenness`).
* **bridges**: actors with positive ties into more than one camp of
  :func:`relgraph.analysis.camps.camps`, with the friends they have in each.
* **deal brokers**: actors that ``brokers`` an agreement, resolution or
  meeting in the snapshot, with every other actor related to that deal (its
  co-brokers, parties, spoilers, attendees) and the camps they sit in; a
  deal whose actors, broker included, sit in more than one camp is brokered
  *across* camps.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_edges_from([("a1", "a2"), ("b1", "b2"), ("a1", "m"), ("a2", "m"), ("m", "b1")], sign=1)
>>> g.add_edges_from([("a1", "b1"), ("a2", "b2")], sign=-1)
>>> report = brokers(g)
>>> report.camps.camps
[['a1', 'a2', 'm'], ['b1', 'b2']]
>>> report.centrality[0].actor, [b.actor for b in report.bridges]
('m', ['b1', 'm'])
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from relgraph.analysis.betweenness import betweenness
from relgraph.analysis.camps import CampsResult, camps
from relgraph.analysis.ties import as_ties
from relgraph.collector import paused_collector
from relgraph.model import DEAL_KINDS
from relgraph.records import Result

__all__ = ["BETWEENNESS_SOURCES", "BROKER_TYPES", "Bridge", "BrokersReport", "Centrality", "DealBroker",
           "DealParty", "brokers"]


@dataclass(frozen=True)
class Centrality:
    """One actor: betweenness on positive ties (normalised, 0..1), friends, enemies, camp index."""

    actor: str
    name: str
    betweenness: float
    friends: int
    enemies: int
    camp: int | None


@dataclass(frozen=True)
class Bridge:
    """An actor with friends in several camps: camp index -> the friends it has there."""

    actor: str
    name: str
    camp: int
    friends_by_camp: dict[int, list[str]]


@dataclass(frozen=True)
class DealParty:
    """An actor related to a deal: how (relation type and sign), and its camp index (``None``: none)."""

    actor: str
    name: str
    type: str
    sign: int
    camp: int | None


@dataclass(frozen=True)
class DealBroker:
    """An actor that brokers a deal, and the other actors related to the deal.

    ``across_camps`` is true when they and the broker sit in more than one camp.
    """

    actor: str
    name: str
    deal: str
    deal_name: str
    relation: str
    date: str | None
    others: list[DealParty]
    across_camps: bool


@dataclass
class BrokersReport(Result):
    """Centrality (highest betweenness first), bridges and deal brokers on one date.

    ``sampled`` is the number of sources betweenness was estimated from, or
    ``None`` when it is exact. ``camps`` is the split the camps are read
    from, with the signed ties it was computed from.
    """

    date: str | None
    event_window: str | None
    camps: CampsResult
    centrality: list[Centrality]
    bridges: list[Bridge]
    deal_brokers: list[DealBroker]
    sampled: int | None
    ties: nx.Graph = field(repr=False, metadata={"json": False})

    json_kind = "brokers"


BETWEENNESS_SOURCES = 500
"""Betweenness is exact up to this many actors, and estimated from this many sampled sources above."""

BROKER_TYPES: frozenset[str] = frozenset({"brokers"})
"""Relation types that make their source a broker of the deal they point to."""


@paused_collector()
def brokers(graph: nx.Graph, *, k: int = 2, sign: str = "sign", broker_types: frozenset[str] = BROKER_TYPES,
            seed: int = 0) -> BrokersReport:
    """Who sits between the ``k`` camps of ``graph`` (a snapshot or a signed ``nx.Graph``).

    Deal brokers are read from a snapshot's relations whose ``type`` is in
    ``broker_types``; a plain signed graph has none.
    """
    ties = as_ties(graph, sign=sign)
    split = camps(ties, k, seed=seed)
    where = split.assignment
    name = {n: str(a.get("name", n)) for n, a in ties.nodes(data=True)}
    positive = nx.Graph()
    positive.add_nodes_from(ties)
    positive.add_edges_from((u, v) for u, v, a in ties.edges(data=True) if a["sign"] > 0)
    sampled = BETWEENNESS_SOURCES if positive.number_of_nodes() > BETWEENNESS_SOURCES else None
    between = betweenness(positive, sources=sampled, seed=seed)
    centrality = sorted(
        (Centrality(n, name[n], round(between[n], 4), positive.degree(n),
                    ties.degree(n) - positive.degree(n), where.get(n)) for n in ties if ties.degree(n)),
        key=lambda c: (-c.betweenness, -c.friends, c.actor))
    bridges = []
    for node in sorted(ties):
        by_camp: dict[int, list[str]] = {}
        for friend in sorted(positive.adj[node]):
            by_camp.setdefault(where[friend], []).append(friend)
        if len(by_camp) > 1:
            bridges.append(Bridge(node, name[node], where[node], dict(sorted(by_camp.items()))))
    return BrokersReport(ties.graph.get("date"), ties.graph.get("event_window"), split, centrality,
                         bridges, _deal_brokers(graph, broker_types, where), sampled, ties)


def _name(graph: nx.Graph, node: str) -> str:
    return str(graph.nodes[node].get("name", node))


def _deal_brokers(graph: nx.Graph, broker_types: frozenset[str], where: dict[str, int]) -> list[DealBroker]:
    if not graph.is_multigraph() or not graph.is_directed():
        return []
    found = []
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (e[1], e[0], str(e[2])))
    for u, deal, key, attrs in edges:
        if attrs.get("type") not in broker_types or graph.nodes[deal].get("kind") not in DEAL_KINDS:
            continue
        related = {(x if y == deal else y, str(a.get("type")), int(a.get("sign", 0)))
                   for x, y, a in [*graph.in_edges(deal, data=True), *graph.out_edges(deal, data=True)]}
        related.discard((u, str(attrs.get("type")), int(attrs.get("sign", 0))))
        others = [DealParty(x, _name(graph, x), t, s, where.get(x)) for x, t, s in sorted(related)]
        camps_of = {p.camp for p in others if p.camp is not None} | ({where[u]} if u in where else set())
        found.append(DealBroker(u, _name(graph, u), deal, _name(graph, deal), str(attrs.get("id", key)),
                                attrs.get("date") or attrs.get("start"), others, len(camps_of) > 1))
    return found
