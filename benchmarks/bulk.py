"""Bulk import benchmark: `relgraph neo4j import` end to end against neo4j-admin's import plus index build.

For each size M, on the synthetic data of benchmarks/load.py (M relations among M/20 actors), in one run:

* baseline: ``neo4j-admin database import full`` on CSV files written beforehand (relgraph's own files, so
  that both import the same input with the same options), then a server started on the result and
  relgraph's schema built in it (``relgraph init``'s constraints and indexes, waited for until online);
* ``relgraph neo4j import`` end to end (``relgraph.store.bulk.import_dataset``, in a process of its own)
  from the JSON Lines file into a running local server: reading and validating the file, writing the
  importer's files, the import, the schema built aside, the swap and restart; with the peak resident
  memory of that process and of the importer.

Usage:
    python benchmarks/bulk.py                         # M = 100k and 1M, once each
    python benchmarks/bulk.py --sizes 100000 --repeat 3

Run it alone: `flock /tmp/relgraph-heavy.lock python benchmarks/bulk.py`. 1M needs about 10 GB of
memory at its peak (this process holds the generated data while the import's own process reads it).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import synthetic  # benchmarks/load.py, whose generator the load benchmark uses too

from relgraph import dataset
from relgraph.store import bulk, bulk_input
from relgraph.store import server as neo4j_server
from relgraph.store.neo4j import Neo4jStore

CHILD = """
import json, os, resource, sys
from pathlib import Path
from relgraph.store import bulk
done = bulk.import_dataset(Path(sys.argv[1]), Path(sys.argv[2]), password=os.environ["BENCH_PASSWORD"],
                           replace=True)
print(json.dumps({"seconds": done.seconds, "importer_memory": done.importer_memory,
                  "relations": done.relations,
                  "client_memory": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
"""


def load_average() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def gib(n: int) -> str:
    return f"{n / 2**30:.2f} GiB"


def baseline(files: bulk_input.Input, types: list, home: Path) -> dict[str, float | int]:
    """neo4j-admin on the written files, then a server on the result building relgraph's schema."""
    shutil.rmtree(home, ignore_errors=True)
    java, lib = neo4j_server.java(), neo4j_server.assemble()
    t0 = time.perf_counter()
    memory = bulk._run_importer(java, lib, home, home / "logs", files, bulk.MAX_OFF_HEAP)  # same options
    t1 = time.perf_counter()
    password = secrets.token_urlsafe(12)
    running = neo4j_server.start(home, password=password, bolt_port=bulk._free_port(), http_port=None,
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


def end_to_end(path: Path, home: Path, password: str) -> dict:
    """relgraph's bulk import in a process of its own: its figures, its wall time and its own peak memory
    (the servers it starts and the importer are measured apart)."""
    t0 = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(home)], stdout=subprocess.PIPE,
                             env={**os.environ, "BENCH_PASSWORD": password})
    assert child.stdout is not None
    out = child.stdout.read()
    code = child.wait()
    wall = time.perf_counter() - t0
    if code != 0:
        raise SystemExit(f"relgraph neo4j import failed (exit {code})")
    result = json.loads(out)
    result["wall"] = wall
    return result


def bench(n_relations: int, workdir: Path, live: Path, password: str, repeat: int) -> None:
    n_actors = max(100, n_relations // 20)
    print(f"\n== M = {n_relations:,} relations, N = {n_actors:,} actors", flush=True)
    data = synthetic(n_actors, n_relations)
    path = workdir / f"synthetic-{n_relations}.jsonl"
    dataset.write(data, path)
    csv_dir = workdir / "csv"
    shutil.rmtree(csv_dir, ignore_errors=True)
    csv_dir.mkdir()
    files = bulk_input.write(data, csv_dir)
    types = list(data.types.values())
    written = sum(f.stat().st_size for f in csv_dir.iterdir())
    print(f"dataset {path.name}: {path.stat().st_size / 1e6:.0f} MB; importer input written beforehand "
          f"for the baseline: {written / 1e6:.0f} MB", flush=True)
    del data
    gc.collect()

    base_runs, ours = [], []
    for i in range(repeat):
        print(f"run {i + 1}: {load_average()}", flush=True)
        b = baseline(files, types, workdir / "baseline")
        base_runs.append(b)
        print(f"  baseline: admin import {b['import']:.1f} s + start {b['start']:.1f} s + schema and indexes "
              f"{b['schema']:.1f} s = {b['total']:.1f} s; importer peak {gib(int(b['importer_memory']))}",
              flush=True)
        r = end_to_end(path, live, password)
        assert r["relations"] == n_relations, r
        ours.append(r)
        steps = ", ".join(f"{k} {v:.1f} s" for k, v in r["seconds"].items())
        print(f"  relgraph neo4j import: {r['wall']:.1f} s ({steps}; {r['wall'] / b['total']:.2f}x the "
              f"baseline); peak resident memory: client {gib(r['client_memory'])}, importer "
              f"{gib(r['importer_memory'])}; {load_average()}", flush=True)
    if repeat > 1:
        b_total = median(b["total"] for b in base_runs)
        r_total = median(r["wall"] for r in ours)
        b_all, r_all = [b["total"] for b in base_runs], [r["wall"] for r in ours]
        print(f"median of {repeat}: baseline {b_total:.1f} s (range {min(b_all):.1f}-{max(b_all):.1f}), "
              f"relgraph neo4j import {r_total:.1f} s (range {min(r_all):.1f}-{max(r_all):.1f}): "
              f"{r_total / b_total:.2f}x", flush=True)
    shutil.rmtree(csv_dir, ignore_errors=True)


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
        neo4j_server.start(live, password=password, bolt_port=bulk._free_port(), http_port=bulk._free_port())
        print(f"live server: {live} (heap 1g, page cache 512m, the defaults of relgraph neo4j start)")
        try:
            for size in args.sizes:
                bench(size, workdir, live, password, args.repeat)
        finally:
            neo4j_server.stop(live)


if __name__ == "__main__":
    sys.exit(main())
