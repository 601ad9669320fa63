"""Bulk import benchmark: `relgraph neo4j import` end to end against neo4j-admin's import plus index build.

For each size M, on the synthetic data of benchmarks/load.py (M relations among M/20 actors), written
straight to JSON Lines by benchmarks/_synthetic.py (nothing holds the whole dataset), in one run:

* baseline: ``neo4j-admin database import full`` on CSV files written beforehand (relgraph's own files, so
  that both import the same input with the same options), then a server started on the result and
  relgraph's schema built in it (``relgraph init``'s constraints and indexes, waited for until online);
* ``relgraph neo4j import`` end to end (``relgraph.store.bulk.import_dataset``, in a process of its own)
  from the JSON Lines file into a running local server: reading and validating the file, writing the
  importer's files (one pass), the import, the schema built aside, the swap and restart; with the peak
  resident memory of that process and of the importer.

Usage:
    python benchmarks/bulk.py                         # M = 100k and 1M, once each
    python benchmarks/bulk.py --sizes 100000 --repeat 3

Run it alone: `flock /tmp/relgraph-heavy.lock python benchmarks/bulk.py`. Memory grows with the actors
and relation ids, not the records: 10M relations fit (``--sizes 10000000``; about 35 GB of disk).

benchmarks/load.py adds these rows to its table through :func:`bulk_rows`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _memory import pss_of_python_tree
from _synthetic import actors_for, write_jsonl  # the generator of benchmarks/load.py, streamed

from relgraph import services
from relgraph.model import RelationType
from relgraph.store import bulk, bulk_input
from relgraph.store import server as neo4j_server
from relgraph.store.neo4j import Neo4jStore

CHILD = """
import json, os, sys
from pathlib import Path
from relgraph.store import bulk
done = bulk.import_dataset(Path(sys.argv[1]), Path(sys.argv[2]), password=os.environ["BENCH_PASSWORD"],
                           replace=True)
print(json.dumps({"seconds": done.seconds, "importer_memory": done.importer_memory,
                  "relations": done.relations}))
"""


def load_average() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def gib(n: int) -> str:
    return f"{n / 2**30:.2f} GiB"


def baseline(files: bulk_input.Input, types: list[RelationType], home: Path) -> dict[str, float]:
    """neo4j-admin on the written files, then a server on the result building relgraph's schema."""
    shutil.rmtree(home, ignore_errors=True)
    java, lib = neo4j_server.java(), neo4j_server.assemble()
    t0 = time.perf_counter()
    memory = bulk._run_importer(java, lib, home, home / "logs", files, bulk.MAX_OFF_HEAP)  # same options
    t1 = time.perf_counter()
    password = secrets.token_urlsafe(12)
    running = neo4j_server.start(home, password=password, bolt_port=services.free_port(), http_port=None,
                                 heap=bulk.ASIDE.heap, pagecache=bulk.ASIDE.pagecache)
    t2 = time.perf_counter()
    try:
        with Neo4jStore(running.uri, "neo4j", password) as store:
            store.init(types)
            store.query("CALL db.awaitIndexes(86400)")
        t3 = time.perf_counter()
    finally:
        neo4j_server.stop(home)
    shutil.rmtree(home, ignore_errors=True)
    return {"import": t1 - t0, "start": t2 - t1, "schema": t3 - t2, "total": t3 - t0,
            "importer_memory": memory}


def end_to_end(path: Path, home: Path, password: str) -> dict[str, Any]:
    """relgraph's bulk import in a process of its own: its figures, its wall time and the peak memory of its
    Python processes together (PSS summed every 0.5 s; the servers it starts and the importer are measured
    apart)."""
    t0 = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(home)], stdout=subprocess.PIPE,
                             env={**os.environ, "BENCH_PASSWORD": password})
    assert child.stdout is not None
    peak = [0]

    def sample() -> None:
        while child.poll() is None:
            peak[0] = max(peak[0], pss_of_python_tree(child.pid))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = child.stdout.read()
    code = child.wait()
    wall = time.perf_counter() - t0
    sampler.join()
    if code != 0:
        raise SystemExit(f"relgraph neo4j import failed (exit {code})")
    result: dict[str, Any] = json.loads(out)
    result["wall"] = wall
    # not the process's ru_maxrss: a process forked from a large one (load.py's, holding its dataset)
    # keeps the peak of its copy of that one's memory, from before it ran anything of its own
    result["client_memory"] = peak[0]
    return result


@dataclass
class Measured:
    """One run at one size: the baseline, relgraph's import, and the live database it left."""

    baseline: dict[str, float]
    ours: dict[str, Any]
    input_bytes: int  # the importer's CSV files

    @property
    def ratio(self) -> float:
        return float(self.ours["wall"] / self.baseline["total"])

    def baseline_text(self) -> str:
        b = self.baseline
        return (f"admin import {b['import']:.1f} s + start {b['start']:.1f} s + schema and indexes "
                f"{b['schema']:.1f} s = {b['total']:.1f} s; importer peak {gib(int(b['importer_memory']))}")

    def ours_text(self) -> str:
        r = self.ours
        steps = ", ".join(f"{k} {v:.1f} s" for k, v in r["seconds"].items())
        return (f"{r['wall']:.1f} s ({steps}; {self.ratio:.2f}x the baseline); peak resident memory: "
                f"relgraph {gib(r['client_memory'])} (its Python processes together), "
                f"importer {gib(r['importer_memory'])}")


def measure(path: Path, workdir: Path, live: Path, password: str) -> Measured:
    """Both methods once on the JSON Lines dataset ``path``, into the running instance ``live``.

    The baseline imports files written beforehand (not timed); relgraph's import starts from ``path``.
    """
    csv_dir = workdir / "bulk-csv"
    shutil.rmtree(csv_dir, ignore_errors=True)
    csv_dir.mkdir()
    try:
        declared, relations, files = bulk_input.read_and_write(path, csv_dir)
        written = sum(f.stat().st_size for f in csv_dir.iterdir())
        base = baseline(files, list(declared.types.values()), workdir / "bulk-baseline")
    finally:
        shutil.rmtree(csv_dir, ignore_errors=True)
    ours = end_to_end(path, live, password)
    assert ours["relations"] == relations, ours
    return Measured(base, ours, written)


def bulk_rows(ctx: Any) -> list[Any]:
    """The bulk path's rows for benchmarks/load.py (``EXTRA.append(bulk_rows)`` in its ``main``).

    ``ctx`` is load.py's ``Context`` (this reads its ``data``, ``path``, ``workdir`` and ``expected``);
    returns two of its ``Row``: neo4j-admin's import with relgraph's index build, and ``relgraph neo4j
    import`` end to end with its ratio to the first and whether it gave the graph of ``relgraph load``
    (load.py's ``graph_digest`` against ``ctx.expected``). Runs on a local instance of its own, started
    and stopped here (not timed), since the bulk path restarts the server it imports into.
    """
    import load  # benchmarks/load.py, at call time: it imports this module's neighbours, not this one

    live, password = ctx.workdir / "bulk-live", secrets.token_urlsafe(12)
    neo4j_server.start(live, password=password, bolt_port=services.free_port(), http_port=None)
    try:
        m = measure(ctx.path, ctx.workdir, live, password)
        running = neo4j_server.status(live)
        assert running is not None
        with Neo4jStore(running.uri, "neo4j", password) as store:
            digest = load.graph_digest(store)
    finally:
        neo4j_server.stop(live)
        shutil.rmtree(live, ignore_errors=True)
    n, b, r = len(ctx.data.relations), m.baseline, m.ours
    same = ("the graph of relgraph load" if digest == ctx.expected
            else "NOT the graph of relgraph load" if ctx.expected else "graph not compared")
    return [
        load.Row("neo4j-admin import + schema and indexes", b["total"], n,
                 note=f"(import {b['import']:.1f} s, start {b['start']:.1f} s, indexes {b['schema']:.1f} s; "
                      f"importer {gib(int(b['importer_memory']))})"),
        load.Row("relgraph neo4j import (end to end)", r["wall"], n,
                 peaks=load.Peaks(client_rss=r["client_memory"]),
                 note=f"= {m.ratio:.2f}x admin import + indexes; " + ", ".join(
                     f"{k} {v:.1f}" for k, v in r["seconds"].items()) + f" s; {same}"),
    ]


def bench(n_relations: int, workdir: Path, live: Path, password: str, repeat: int) -> None:
    n_actors = actors_for(n_relations)
    print(f"\n== M = {n_relations:,} relations, N = {n_actors:,} actors", flush=True)
    path = workdir / f"synthetic-{n_relations}.jsonl"
    write_jsonl(path, n_actors, n_relations)
    print(f"dataset {path.name}: {path.stat().st_size / 1e6:.0f} MB", flush=True)
    runs = []
    for i in range(repeat):
        print(f"run {i + 1}: {load_average()}", flush=True)
        m = measure(path, workdir, live, password)
        runs.append(m)
        print(f"  baseline ({m.input_bytes / 1e6:.0f} MB of importer input written beforehand): "
              f"{m.baseline_text()}", flush=True)
        print(f"  relgraph neo4j import: {m.ours_text()}; {load_average()}", flush=True)
    if repeat > 1:
        b_all, r_all = [m.baseline["total"] for m in runs], [m.ours["wall"] for m in runs]
        print(f"median of {repeat}: baseline {median(b_all):.1f} s "
              f"(range {min(b_all):.1f}-{max(b_all):.1f}), "
              f"relgraph neo4j import {median(r_all):.1f} s (range {min(r_all):.1f}-{max(r_all):.1f}): "
              f"{median(r_all) / median(b_all):.2f}x", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"Neo4j {neo4j_server.NEO4J_VERSION}; importer --max-off-heap-memory={bulk.MAX_OFF_HEAP}, heap "
          f"{bulk.IMPORTER_HEAP}; servers building the schema: heap {bulk.ASIDE.heap}, page cache "
          f"{bulk.ASIDE.pagecache}")
    with tempfile.TemporaryDirectory(prefix="relgraph-bulk-bench-") as tmp:
        workdir = Path(tmp)
        live, password = workdir / "live", secrets.token_urlsafe(12)
        neo4j_server.start(live, password=password, bolt_port=services.free_port(),
                           http_port=services.free_port())
        print(f"live server: {live} (heap 1g, page cache 512m, the defaults of relgraph neo4j start)")
        try:
            for size in args.sizes:
                bench(size, workdir, live, password, args.repeat)
        finally:
            neo4j_server.stop(live)


if __name__ == "__main__":
    sys.exit(main())
