"""Time balance and camps (and brokers) on synthetic signed graphs of 1k, 10k and 100k ties.

Graphs: Holme-Kim power-law graphs with clustering (``nx.powerlaw_cluster_graph``,
5 ties per new actor, triad probability 0.3, so there are triangles to
classify), signed by two planted camps (positive inside, negative across)
with 10% of the signs flipped. The planted split's frustration (the flipped
ties) is an upper bound on the optimum, which the camps heuristic should meet
or beat.

Baselines measured in the same run: NetworkX's own triangle routine
(``nx.triangles``, which counts triangles per node without classifying
them) at every size, and a naive enumeration of all node triples on the
smallest graph. Also timed: collapsing a snapshot-shaped MultiDiGraph with the
same ties into signed ties (``signed_ties``), the step every analysis of a
snapshot starts with. Brokers (betweenness on positive ties, exact up to 500
actors and from 500 sampled sources above, plus camps and bridges) is timed
once per size.

Run: ``python benchmarks/analysis.py``
"""

from __future__ import annotations

import os
import platform
import random
import sys
import time
from collections.abc import Callable
from itertools import combinations
from typing import Any

import networkx as nx

from relgraph.analysis.balance import balance
from relgraph.analysis.brokers import brokers
from relgraph.analysis.camps import camps
from relgraph.analysis.ties import signed_ties

SIZES = (1_000, 10_000, 100_000)
NOISE = 0.10


def synthetic(ties: int, seed: int = 1) -> tuple[nx.Graph, int]:
    """A signed graph of about ``ties`` ties, and how many ties its planted camps break."""
    rng = random.Random(seed)
    graph = nx.powerlaw_cluster_graph(ties // 5, 5, 0.3, seed=seed)
    side = {n: rng.randrange(2) for n in graph}
    broken = 0
    for u, v in graph.edges:
        sign = 1 if side[u] == side[v] else -1
        if rng.random() < NOISE:
            sign, broken = -sign, broken + 1
        graph.edges[u, v]["sign"] = sign
    return graph, broken


def as_snapshot(graph: nx.Graph) -> nx.MultiDiGraph:
    out = nx.MultiDiGraph(date="2016-12-20")
    out.add_nodes_from((n, {"name": str(n), "kind": "state"}) for n in graph)
    for i, (u, v, a) in enumerate(graph.edges(data=True)):
        out.add_edge(u, v, key=f"r{i}", id=f"r{i}", type="backs" if a["sign"] > 0 else "opposes",
                     sign=a["sign"], kind="stance", start="2016", confidence=0.9)
    return out


def timed(func: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def naive_triangles(graph: nx.Graph) -> int:
    return sum(1 for a, b, c in combinations(graph.nodes, 3)
               if graph.has_edge(a, b) and graph.has_edge(b, c) and graph.has_edge(a, c))


def main() -> None:
    print(f"relgraph analysis benchmark: Python {platform.python_version()}, networkx {nx.__version__}, "
          f"{platform.machine()}, {os.cpu_count()} CPUs ({platform.platform()})")
    print(f"{'ties':>7} {'actors':>6} {'triangles':>9} {'balance':>9} {'nx.triangles':>12} "
          f"{'collapse':>9} {'camps':>8} {'frustration':>11} {'planted':>8} {'method':>9} {'brokers':>8}")
    for size in SIZES:
        graph, planted = synthetic(size)
        repeat = 3 if size < 100_000 else 1
        t_balance, report = timed(lambda g=graph: balance(g), repeat)
        t_nx, counts = timed(lambda g=graph: nx.triangles(g), repeat)
        assert sum(counts.values()) // 3 == len(report.triangles)  # both count the same triangles
        snap = as_snapshot(graph)
        t_collapse, _ = timed(lambda s=snap: signed_ties(s), repeat)
        t_camps, split = timed(lambda g=graph: camps(g), repeat)
        t_brokers, _ = timed(lambda g=graph: brokers(g), 1)
        print(f"{graph.number_of_edges():>7} {graph.number_of_nodes():>6} {len(report.triangles):>9} "
              f"{t_balance:>8.3f}s {t_nx:>11.3f}s {t_collapse:>8.3f}s {t_camps:>7.2f}s "
              f"{split.frustration:>11} {planted:>8} {split.method:>9} {t_brokers:>7.1f}s")
        if size == SIZES[0]:
            t_naive, found = timed(lambda g=graph: naive_triangles(g), 1)
            assert found == len(report.triangles)
            print(f"{'':>7} baseline: naive enumeration of all {graph.number_of_nodes()}-choose-3 triples: "
                  f"{t_naive:.3f}s for the same {found} triangles")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
