"""Narrow snapshot graphs: an actor's neighbourhood, some relation types, a confidence floor, no events.

Filters take a snapshot graph (see :mod:`relgraph.snapshot`) and return a
new one, the input left as it was, so they work the same whatever store the
graph came from. Actors that lose every relation to a filter are dropped, as
a snapshot drops actors with none. A filtered graph says what was done to it
in the graph attribute ``filters`` (``"within 1 step of Vladimir Putin"``),
which captions show.

>>> from relgraph import example_path
>>> from relgraph.dataset import load
>>> from relgraph.snapshot import snapshot
>>> g = snapshot(load(example_path()), "2016-12-20")
>>> sorted(neighbourhood(g, "vladimir-putin"))
['recep-tayyip-erdogan', 'russia', 'vladimir-putin']
>>> small = Filters(actor="Putin", types=frozenset({"leads"}))(g)
>>> sorted(small.edges()), small.graph["filters"]
([('vladimir-putin', 'russia')], 'within 1 step of Vladimir Putin; types: leads')
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from relgraph.actors import Known, find_actor
from relgraph.errors import FilterError, did_you_mean
from relgraph.model import BUILTIN_TYPES

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Filters", "min_confidence", "neighbourhood", "only_types", "reviewed", "without_events"]


def neighbourhood(graph: nx.MultiDiGraph, actor: str, depth: int = 1) -> nx.MultiDiGraph:
    """``actor`` and the actors within ``depth`` relations of it (either way), with every relation among them.

    An actor the graph does not hold gives an empty graph: on that date it
    had no relation.
    """
    import networkx as nx

    if actor not in graph:
        return _with_graph_attrs(nx.MultiDiGraph(), graph)
    return nx.ego_graph(graph, actor, radius=depth, undirected=True)


def only_types(graph: nx.MultiDiGraph, types: Collection[str]) -> nx.MultiDiGraph:
    """The relations of the given types (``backs``, ``fights``...)."""
    return _keep_edges(graph, lambda a: a["type"] in types)


def min_confidence(graph: nx.MultiDiGraph, threshold: float) -> nx.MultiDiGraph:
    """The relations with a confidence of at least ``threshold``."""
    return _keep_edges(graph, lambda a: a["confidence"] >= threshold)


def without_events(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The stances only: events (attacks, meetings, vetoes...) are left out."""
    return _keep_edges(graph, lambda a: a["kind"] != "event")


def reviewed(graph: nx.MultiDiGraph, *, candidates: bool = False) -> nx.MultiDiGraph:
    """The relations fit to show: rejected candidates never, pending ones only with ``candidates``.

    Curated relations (no ``review``) and accepted ones are always kept.
    """
    left_out = {"rejected"} if candidates else {"rejected", "pending"}
    return _keep_edges(graph, lambda a: a.get("review") not in left_out)


def _has_candidates(graph: nx.MultiDiGraph) -> bool:
    # over the adjacency's own dicts: an edge view costs more than the rest of a large snapshot's filtering
    return any(attrs.get("review") for _, targets in graph.adjacency() for keys in targets.values()
               for attrs in keys.values())


@dataclass(frozen=True)
class Filters:
    """Several filters at once, applied to each graph of a series alike.

    Relations are filtered first, then the neighbourhood is taken along what
    is left: ``Filters(actor="russia", types={"backs"})`` is whom Russia backs
    or is backed by. ``actor`` is an id, a name or an alias, in any case (see
    :func:`relgraph.actors.find_actor`). Extracted candidates that wait for
    review are left out unless ``candidates`` is true (:func:`reviewed`).
    """

    actor: str | None = None
    depth: int = 1
    types: frozenset[str] | None = None
    min_confidence: float | None = None
    hide_events: bool = False
    candidates: bool = False

    def __call__(self, graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
        return self.apply([graph])[0]

    def apply(self, graphs: Sequence[nx.MultiDiGraph], *,
              candidates: Sequence[bool] | None = None) -> list[nx.MultiDiGraph]:
        """Filter each graph; raise :class:`~relgraph.errors.FilterError` for a type that none of them
        knows, :class:`~relgraph.errors.UnknownActor` for such an actor.

        ``candidates`` says, for each graph, whether any of its relations has a ``review``, for a caller
        that knows it already (looking through a graph of 200k relations takes a quarter of a second).
        """
        if self.types is not None:
            known = set(BUILTIN_TYPES).union(*(g.graph.get("types", {}) for g in graphs))
            for name in sorted(self.types - known):
                hint = did_you_mean(name, sorted(known))
                raise FilterError("types", f"unknown relation type {name!r}{hint}")
        actor = self._resolve(graphs) if self.actor is not None else None
        description = self._describe(graphs, actor)
        held = list(candidates) if candidates is not None else [_has_candidates(g) for g in graphs]
        if description is None and not any(held):
            return list(graphs)  # nothing to leave out: the graphs as they are, not copies
        out = []
        for graph, reviewing in zip(graphs, held, strict=True):
            if reviewing:
                graph = reviewed(graph, candidates=self.candidates)
            if self.types is not None:
                graph = only_types(graph, self.types)
            if self.min_confidence is not None:
                graph = min_confidence(graph, self.min_confidence)
            if self.hide_events:
                graph = without_events(graph)
            graph = neighbourhood(graph, actor, self.depth) if actor is not None else graph.copy()
            if description:
                graph.graph["filters"] = description
            out.append(graph)
        return out

    def _resolve(self, graphs: Sequence[nx.MultiDiGraph]) -> str:
        """The id of the actor named by ``self.actor``, among the actors of ``graphs``."""
        actors: dict[str, Known] = {}
        for graph in graphs:
            actors.update((node, (node, a.get("name") or node, list(a.get("aliases") or [])))
                          for node, a in graph.nodes(data=True))
        dates = [g.graph.get("date") for g in graphs]
        where = (f"the graph of {dates[0]}" if len(dates) == 1
                 else f"the graphs from {dates[0]} to {dates[-1]}")
        return find_actor(str(self.actor), actors.values(), where=where, option="actor")

    def _describe(self, graphs: Sequence[nx.MultiDiGraph], actor: str | None) -> str | None:
        parts = []
        if actor is not None:
            name = next((g.nodes[actor].get("name") for g in graphs if actor in g), None) or actor
            parts.append(f"within {self.depth} step{'s' if self.depth != 1 else ''} of {name}")
        if self.types is not None:
            parts.append("types: " + ", ".join(sorted(self.types)))
        if self.min_confidence is not None:
            parts.append(f"confidence at least {self.min_confidence:g}")
        if self.hide_events:
            parts.append("no events")
        if self.candidates and any(map(_has_candidates, graphs)):
            parts.append("with candidates that wait for review")
        return "; ".join(parts) or None


def _keep_edges(graph: nx.MultiDiGraph, keep: Any) -> nx.MultiDiGraph:
    """A copy with the edges ``keep(attrs)`` accepts; actors that lose every relation go too."""
    import networkx as nx

    out = _with_graph_attrs(nx.MultiDiGraph(), graph)
    kept = [(u, v, k, a) for u, v, k, a in graph.edges(keys=True, data=True) if keep(a)]
    ends = {n for u, v, _, _ in kept for n in (u, v)}
    out.add_nodes_from((n, a) for n, a in graph.nodes(data=True) if n in ends or graph.degree(n) == 0)
    out.add_edges_from(kept)
    return out


def _with_graph_attrs(new: nx.MultiDiGraph, old: nx.MultiDiGraph) -> nx.MultiDiGraph:
    new.graph.update(old.graph)
    return new
