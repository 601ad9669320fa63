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

``--against REF`` (under ``flock /tmp/relgraph-heavy.lock``: main's brokers takes about a minute) then
times, at 100k ties, what ``relgraph analyze`` runs on a snapshot (a MultiDiGraph of relation records,
collapsed into ties first): ``balance``, ``camps`` and ``brokers`` with this checkout's code and with
the code of git revision ``REF`` (``git archive REF relgraph``), each in a fresh process, and checks
that both give the same answers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import combinations
from pathlib import Path
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


def snapshot_analyses(size: int) -> dict[str, Any]:
    """Each analysis on the snapshot of ``size`` ties, timed once, with a digest of its answer."""
    import relgraph

    graph, _ = synthetic(size)
    snap = as_snapshot(graph)
    out: dict[str, Any] = {"code": str(Path(relgraph.__file__).parent), "ties": graph.number_of_edges()}
    for name, func in (("collapse", lambda: signed_ties(snap)), ("balance", lambda: balance(snap)),
                       ("camps", lambda: camps(snap)), ("brokers", lambda: brokers(snap))):
        start = time.perf_counter()
        result = func()
        out[name] = time.perf_counter() - start
        if name == "balance":
            out["balance answer"] = [len(result.triangles), sum(t.balanced for t in result.triangles)]
        elif name == "camps":
            out["camps answer"] = [result.frustration, result.method]
        elif name == "brokers":
            out["brokers answer"] = [[c.actor, c.betweenness] for c in result.centrality[:20]]
    return out


def against(ref: str, size: int = 100_000) -> None:
    """This checkout's analyses beside ``ref``'s, on the same snapshot, each in a process of its own."""
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory(prefix="relgraph-ref-") as tmp:
        archive = subprocess.run(["git", "archive", ref, "relgraph"], cwd=root, capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        rows = {}
        for label, path in ((ref, tmp), ("this checkout", str(root))):
            child = subprocess.run([sys.executable, __file__, "--child", str(size)], capture_output=True,
                                   text=True, env={**os.environ, "PYTHONPATH": path}, check=True)
            rows[label] = json.loads(child.stdout)
            assert rows[label]["code"].startswith(path), rows[label]["code"]  # the code meant, not another
    print(f"\nsnapshot of {rows[ref]['ties']:,} ties; seconds, each analysis timed once in a fresh process "
          f"(load average {os.getloadavg()[0]:.1f})")
    print(f"{'code':<14} {'collapse':>9} {'balance':>8} {'camps':>8} {'brokers':>8}")
    for label, row in rows.items():
        print(f"{label:<14} {row['collapse']:>8.2f}s {row['balance']:>7.2f}s {row['camps']:>7.2f}s "
              f"{row['brokers']:>7.2f}s")
    mine, theirs = rows["this checkout"], rows[ref]
    for name in ("balance", "camps"):
        print(f"{name}: same answer as {ref}: {mine[name + ' answer'] == theirs[name + ' answer']}")
    same = [a for a, _ in mine["brokers answer"]] == [a for a, _ in theirs["brokers answer"]]
    print(f"brokers: the same 20 actors at the top, in the same order, as {ref}: {same}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--against", metavar="REF", help="also time the analyses of a snapshot beside REF's")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(snapshot_analyses(args.child)))
    elif args.against:
        print(f"Python {platform.python_version()}, networkx {nx.__version__}, {os.cpu_count()} CPUs")
        against(args.against)
    else:
        main()
