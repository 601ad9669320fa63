"""Small signed graphs for the analysis tests, and brute-force answers to check the analyses against."""

from __future__ import annotations

from itertools import combinations, product

import networkx as nx
from hypothesis import strategies as st

from relgraph import example_path
from relgraph.dataset import load
from relgraph.snapshot import snapshot

EXAMPLE = load(example_path())


def on(day: str, **kwargs) -> nx.MultiDiGraph:
    """The example's snapshot on ``day``."""
    return snapshot(EXAMPLE, day, **kwargs)


@st.composite
def signed_graphs(draw, min_nodes: int = 3, max_nodes: int = 8) -> nx.Graph:
    """An undirected graph on nodes n0..n{k-1}; each pair tied +1, -1 or not at all."""
    n = draw(st.integers(min_nodes, max_nodes))
    graph = nx.Graph()
    graph.add_nodes_from(f"n{i}" for i in range(n))
    for u, v in combinations(range(n), 2):
        sign = draw(st.sampled_from([0, 0, 1, -1]))
        if sign:
            graph.add_edge(f"n{u}", f"n{v}", sign=sign)
    return graph


def two_cliques(a: int, b: int, cross: set[tuple[int, int]]) -> nx.Graph:
    """All-positive cliques A0..A{a-1} and B0..B{b-1}, with negative ties for the ``cross`` pairs."""
    graph = nx.Graph()
    left, right = [f"A{i}" for i in range(a)], [f"B{i}" for i in range(b)]
    graph.add_nodes_from(left + right)
    for side in (left, right):
        graph.add_edges_from(combinations(side, 2), sign=1)
    graph.add_edges_from(((left[i], right[j]) for i, j in cross), sign=-1)
    return graph


def brute_triangles(graph: nx.Graph) -> set[tuple[str, str, str]]:
    """Every triple of nodes whose three pairs are all tied: the naive way."""
    return {tuple(sorted(t)) for t in combinations(graph.nodes, 3)
            if all(graph.has_edge(u, v) for u, v in combinations(t, 2))}


def brute_camps(graph: nx.Graph, k: int) -> tuple[int, int]:
    """Least frustration over every labeling of the tied nodes, and how many distinct partitions reach it."""
    nodes = [n for n in graph if graph.degree(n)]
    best, partitions = None, set()
    for labels in product(range(k), repeat=len(nodes)):
        camp = dict(zip(nodes, labels, strict=True))
        broken = sum((a["sign"] > 0) != (camp[u] == camp[v]) for u, v, a in graph.edges(data=True))
        partition = frozenset(frozenset(n for n in nodes if camp[n] == c) for c in set(labels))
        if best is None or broken < best:
            best, partitions = broken, {partition}
        elif broken == best:
            partitions.add(partition)
    return best or 0, len(partitions) if nodes else 1
