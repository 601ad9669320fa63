"""Snapshot benchmark: Explorer.snapshot from a Neo4j database of 1M relations, beside the read path before.

Sets up (once, kept in ``--dir``) a Neo4j database holding the synthetic dataset of
``benchmarks/load.py`` (M relations among M/20 actors and M/50 sources, over 20 years),
loaded with ``relgraph load``'s code into a server with a large heap (``--load-heap``:
one transaction of 1M relations needs it), then restarts the server with ``--heap``
for reading. For three dates it prints, each a median of ``--repeat`` runs in a fresh
process (so that its peak resident memory is its own):

* ``server``: the read's queries alone, run and consumed with the driver (their records
  discarded unread), in the read's transactions: relgraph's two side by side, each replaying
  what one of its readers ran (the baseline's one);
* ``relgraph``: ``Explorer.snapshot(day)`` end to end, the graph built, and its client part
  (the end-to-end time less the server's); also with ``evidence=False`` (no citations, as
  the analyses read it) and ``relgraph show --neo4j`` as a command (its output discarded);
* ``baseline``: the read path before this work, as it was at commit a3082e8 (every actor and
  source fetched, relationship properties as maps, model objects, the graph built with
  ``add_edge``, the collector running), measured the same way;
* that both give the same graph.

Usage:
    flock /tmp/relgraph-heavy.lock python benchmarks/snapshot.py --dir /tmp/relgraph-snapshot-1m
    python benchmarks/snapshot.py --relations 100000          # smaller, in a temporary folder
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

import relgraph
from relgraph import services
from relgraph.dates import DEFAULT_EVENT_WINDOW, PartialDate
from relgraph.model import BUILTIN_TYPES, Actor, Citation, Dataset, Relation, Source
from relgraph.records import actor_record, relation_record
from relgraph.store import neo4j as neo4j_module
from relgraph.store import server as neo4j_server
from relgraph.store.neo4j import Neo4jStore

sys.path.insert(0, str(Path(__file__).parent))
from load import synthetic  # the generator of the load benchmark, shared as it is


def _password(home: Path) -> str:
    """The instance's password, made once and kept beside it (the server listens on 127.0.0.1 only)."""
    path = home / "bench-password"
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(12), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def _start(home: Path, heap: str, pagecache: str) -> Neo4jStore:
    server = neo4j_server.start(home, password=_password(home), bolt_port=services.free_port(),
                                http_port=services.free_port(), heap=heap, pagecache=pagecache)
    return Neo4jStore(server.uri, "neo4j", _password(home))


def _relations_stored(store: Neo4jStore) -> int:
    return store.query("MATCH ()-[r]->() WHERE r.hash IS NOT NULL RETURN count(r) AS n")[0]["n"]


def ensure_database(home: Path, n_relations: int, load_heap: str, heap: str) -> Neo4jStore:
    """A store on the server in ``home``, running with ``heap``, whose database holds the synthetic dataset
    of ``n_relations``: loaded first, into the server restarted with ``load_heap``, if it is not there."""
    store = _start(home, heap, "2g")
    stored = _relations_stored(store)
    if stored == n_relations:
        print(f"database in {home}: {stored:,} relations, as wanted", flush=True)
        return store
    store.close()
    neo4j_server.stop(home)
    if stored:
        raise SystemExit(f"{home} holds {stored:,} relations, not {n_relations:,}: give another --dir")
    store = _start(home, load_heap, "2g")
    try:
        t0 = time.perf_counter()
        data = synthetic(max(100, n_relations // 20), n_relations)
        print(f"generated {n_relations:,} relations in {time.perf_counter() - t0:.0f} s", flush=True)
        t0 = time.perf_counter()
        store.write(data)
        print(f"loaded them with relgraph load (heap {load_heap}) in {time.perf_counter() - t0:.0f} s",
              flush=True)
    finally:
        store.close()
        neo4j_server.stop(home)
    return _start(home, heap, "2g")


DAYS = (date(2005, 6, 15), date(2012, 1, 1), date(2019, 12, 31))


# -- the read path before this work (commit a3082e8), kept as it was for the baseline ---------------


def _old_actor(props: dict[str, Any]) -> Actor:
    return Actor(id=props["id"], name=props["name"], kind=props["kind"],
                 aliases=tuple(props.get("aliases") or ()), country=props.get("country"),
                 wikidata=props.get("wikidata"), part_of=props.get("part_of"),
                 description=props.get("description"))


def _old_source(props: dict[str, Any]) -> Source:
    published = props.get("published")
    return Source(id=props["id"], title=props["title"], publisher=props.get("publisher"),
                  url=props.get("url"), published=PartialDate.parse(published) if published else None,
                  notes=props.get("notes"))


def _old_relation(source: str, target: str, props: dict[str, Any], sources: dict[str, Source]) -> Relation:
    def partial(name: str) -> PartialDate | None:
        text = props.get(name)
        return PartialDate.parse(text) if text else None

    ids = props.get("source_ids") or []
    quotes = props.get("quotes") or [""] * len(ids)
    spans = [tuple(int(x) for x in s.split(":")) if s else None
             for s in props.get("quote_offsets") or [""] * len(ids)]
    citations = tuple(Citation(sources[sid], evidence or None, quote or None, span)
                      for sid, evidence, quote, span in zip(ids, props.get("evidence") or [], quotes, spans,
                                                            strict=True))
    return Relation(id=props["id"], source=source, type=props["type"], target=target, sign=props["sign"],
                    start=partial("start"), end=partial("end"), date=partial("date"),
                    confidence=props["confidence"], sources=citations, notes=props.get("notes"),
                    review=props.get("review"))


def _old_read(tx: Any, day: date) -> Dataset:
    window = DEFAULT_EVENT_WINDOW
    types = dict(BUILTIN_TYPES)
    sources = {r["s"]["id"]: _old_source(r["s"]) for r in tx.run("MATCH (s:Source) RETURN s ORDER BY s.id")}
    actors = {r["a"]["id"]: _old_actor(r["a"]) for r in tx.run("MATCH (a:Actor) RETURN a ORDER BY a.id")}
    rows: list[Any] = []
    present = {r["type"] for r in tx.run("CALL db.relationshipTypes() YIELD relationshipType AS type")}
    for name, rtype in sorted(types.items()):
        rel_type = neo4j_module.neo4j_type(name)
        if rel_type not in present:
            continue
        if rtype.kind == "stance":
            where, params = "WHERE r.first <= $day AND r.last >= $day", {"day": day}
        else:
            where = "WHERE r.first <= $day AND r.last > $since"
            params = {"day": day, "since": window.before(day)}
        rows += tx.run(f"MATCH (s:Actor)-[r:{rel_type}]->(t:Actor) {where} "
                       "RETURN s.id AS source, t.id AS target, properties(r) AS props", params)
    relations = [_old_relation(r["source"], r["target"], r["props"], sources) for r in rows]
    cited = {c.source.id for rel in relations for c in rel.sources}
    return Dataset(actors=actors, relations={r.id: r for r in sorted(relations, key=lambda r: r.id)},
                   sources={k: v for k, v in sources.items() if k in cited}, types=types)


def _old_graph(data: Dataset, day: date) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(date=day.isoformat(), event_window=str(DEFAULT_EVENT_WINDOW))
    used = {r.type for r in data.relations.values()}
    graph.graph["types"] = {
        name: {"sign": t.sign, "kind": t.kind, "symmetric": t.symmetric, "description": t.description}
        for name, t in data.types.items() if name in used
    }
    touched = {end for r in data.relations.values() for end in (r.source, r.target)}
    for actor in data.actors.values():
        if actor.id in touched:
            graph.add_node(actor.id, **actor_record(actor))
    for rel in data.relations.values():
        edge = relation_record(rel, data.types)
        del edge["source"], edge["target"]
        graph.add_edge(rel.source, rel.target, key=rel.id, **edge)
    return graph


def baseline(store: Any, day: date) -> nx.MultiDiGraph:
    """The snapshot as main's Explorer.snapshot made it: the old read, under the load lock, then the graph."""
    def work(tx: Any) -> Dataset:
        neo4j_module.loading.take_lock(tx, load=False)
        return _old_read(tx, day)

    with store._session(write=True) as session:
        data = session.execute_write(work)
    return _old_graph(data, day)


# -- measuring, each in a process of its own -------------------------------------------------------


class _Recorder:
    """A transaction that remembers the queries run through it."""

    def __init__(self, tx: Any) -> None:
        self.tx, self.queries = tx, []

    def run(self, query: str, parameters: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        self.queries.append((query, {**(parameters or {}), **kwargs}))
        return self.tx.run(query, parameters, **kwargs)


def server_seconds(store: Any, day: date, method: str) -> float:
    """The queries ``method``'s read runs, replayed and consumed with the driver (records discarded), as the
    read runs them: relgraph's in two transactions side by side (the first holding the load lock), each
    replaying what one of its readers ran."""
    readers: list[_Recorder] = []

    def beside(work: Any) -> Any:
        with store._session(write=True) as session, session.begin_transaction() as tx:
            readers.append(_Recorder(tx))
            return work(readers[-1])

    with store._session(write=True) as session:
        readers.append(_Recorder(session.begin_transaction()))
        first = readers[0]
        if method == "baseline":
            _old_read(first, day)
        else:
            neo4j_module._fetch(first, day, DEFAULT_EVENT_WINDOW, evidence=method == "relgraph",
                                beside=beside)
        first.tx.rollback()

    held = threading.Event()

    def replay(queries: list[tuple[str, dict[str, Any]]], lock: bool) -> None:
        with store._session(write=True) as session, session.begin_transaction() as tx:
            if lock:
                neo4j_module.loading.take_lock(tx, load=False)
                held.set()
            else:  # the second reader starts once the first holds the lock, as in the read
                held.wait()
            for query, params in queries:
                tx.run(query, params).consume()
            tx.rollback()

    threads = [threading.Thread(target=replay, args=(r.queries, i == 0)) for i, r in enumerate(readers)]
    t0 = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - t0


def measure(uri: str, password: str, method: str, day: date, username: str = "neo4j",
            database: str | None = None) -> dict[str, Any]:
    """One measurement, in this process: seconds end to end, edges, peak resident memory."""
    if method == "show":
        env = {**os.environ, "NEO4J_URI": uri, "NEO4J_USERNAME": username, "NEO4J_PASSWORD": password}
        env |= {"NEO4J_DATABASE": database} if database else {}
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "from relgraph.cli import main; main()", "show", "--date",
                        day.isoformat()], env=env, stdout=subprocess.DEVNULL, check=True)
        elapsed = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return {"seconds": elapsed, "edges": None, "rss_mib": peak / 1024}
    with relgraph.open(uri, username=username, password=password, database=database) as rg:
        if method.startswith("server-"):
            return {"seconds": server_seconds(rg.store, day, method[len("server-"):]), "edges": None,
                    "rss_mib": None}
        t0 = time.perf_counter()
        if method == "baseline":
            graph = baseline(rg.store, day)
        else:
            graph = rg.snapshot(day, evidence=method != "relgraph-noev")
        elapsed = time.perf_counter() - t0
        if method == "check":  # the graph is the baseline's; without evidence, the same bar the citations
            old = baseline(rg.store, day)
            bare = rg.snapshot(day, evidence=False)
            assert nx.utils.graphs_equal(graph, old), "the snapshot differs from the baseline's"
            for u, v, k, attrs in old.edges(keys=True, data=True):
                assert bare.edges[u, v, k] == {**attrs, "sources": []}
    return {"seconds": elapsed, "edges": graph.number_of_edges(),
            "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _child(uri: str, password: str, method: str, day: date, username: str = "neo4j",
           database: str | None = None) -> dict[str, Any]:
    env = {**os.environ, "BENCH_NEO4J_PASSWORD": password, "BENCH_NEO4J_USERNAME": username,
           "BENCH_NEO4J_DATABASE": database or ""}
    out = subprocess.run([sys.executable, __file__, "--measure", method, day.isoformat(), uri], env=env,
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"{method} on {day} failed:\n{out.stderr}")
    return json.loads(out.stdout)


METHODS = {"relgraph": "relgraph", "relgraph-noev": "relgraph, evidence=False",
           "show": "relgraph show --neo4j", "baseline": "baseline (before)"}
"""What :func:`snapshot_rows` can time, and how a table names it."""


@dataclass(frozen=True)
class SnapshotRow:
    """One method's snapshot on one day: medians of ``runs`` runs, each in a fresh process."""

    day: date
    method: str  # a key of METHODS
    relations: int | None  # the snapshot's edges (None for ``show``, which prints them)
    seconds: float  # end to end: connect, read, build the graph (and print, for ``show``)
    fastest: float
    slowest: float
    server: float  # the read's queries alone, run and consumed with the driver, records unread
    peak_rss_mib: float  # the largest peak resident memory of a run's process
    runs: int

    @property
    def client(self) -> float:
        """The part of the time end to end that is not the server's."""
        return self.seconds - self.server


def snapshot_rows(uri: str, password: str, dates: Sequence[date] = DAYS, *, username: str = "neo4j",
                  database: str | None = None, methods: Sequence[str] = ("relgraph",),
                  repeat: int = 3) -> list[SnapshotRow]:
    """Time ``Explorer.snapshot`` (and the other ``methods``) on each of ``dates`` against the server at
    ``uri``, server and client apart: a row per day and method, by day. Each run is a fresh process.

    For the load benchmark: ``snapshot_rows(store_uri, password)`` after a load gives the three days'
    rows of ``relgraph`` snapshots (with citations, as ``show`` and ``render`` read them).
    """
    rows = []
    for day in dates:
        server: dict[str, float] = {}  # the read's queries alone: ``show`` reads as ``relgraph`` does
        for method in methods:
            read = {"show": "relgraph"}.get(method, method)
            if read not in server:
                server[read] = statistics.median(
                    _child(uri, password, f"server-{read}", day, username, database)["seconds"]
                    for _ in range(repeat))
            runs = [_child(uri, password, method, day, username, database) for _ in range(repeat)]
            times = sorted(r["seconds"] for r in runs)
            rows.append(SnapshotRow(day, method, runs[0]["edges"], statistics.median(times), times[0],
                                    times[-1], server[read], max(r["rss_mib"] for r in runs), repeat))
    return rows


def run(uri: str, password: str, repeat: int) -> None:
    for day in DAYS:  # warm the page cache and both code paths once
        _child(uri, password, "relgraph", day)
        _child(uri, password, "baseline", day)
    for day in DAYS:
        _child(uri, password, "check", day)
    print("the snapshots equal the baseline's on every day (and without evidence, but for the citations)")
    print(f"\n{'date':<11} {'relations':>9}  {'method':<26} {'end to end':>18}  {'server':>6}  "
          f"{'client':>6}  {'peak RSS':>9}", flush=True)
    for row in snapshot_rows(uri, password, DAYS, methods=list(METHODS), repeat=repeat):
        print(f"{row.day.isoformat():<11} {row.relations if row.relations is not None else '':>9}  "
              f"{METHODS[row.method]:<26} {row.seconds:6.2f} s ({row.fastest:.2f}-{row.slowest:.2f})  "
              f"{row.server:5.2f}s  {row.client:5.2f}s  {row.peak_rss_mib:6,.0f} MiB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--relations", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path,
                        help="instance folder to keep the database in (default: temporary)")
    parser.add_argument("--load-heap", default="14g", help="server heap for the one-transaction load")
    parser.add_argument("--heap", default="2g", help="server heap while reading")
    parser.add_argument("--setup-only", action="store_true", help="set the database up and stop")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement (the median shown)")
    parser.add_argument("--measure", nargs=3, metavar=("METHOD", "DAY", "URI"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        method, day, uri = args.measure
        print(json.dumps(measure(uri, os.environ["BENCH_NEO4J_PASSWORD"], method, date.fromisoformat(day),
                                 os.environ.get("BENCH_NEO4J_USERNAME", "neo4j"),
                                 os.environ.get("BENCH_NEO4J_DATABASE") or None)))
        return
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"Neo4j {neo4j_server.NEO4J_VERSION}; load average {os.getloadavg()[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="relgraph-snapshot-") as tmp:
        home = (args.dir or Path(tmp) / "neo4j").resolve()
        store = ensure_database(home, args.relations, args.load_heap, args.heap)
        try:
            if not args.setup_only:
                print(f"server: heap {args.heap}, page cache 2g; {args.repeat} runs of each, each in a "
                      "process", flush=True)
                run(store.uri, _password(home), args.repeat)
        finally:
            store.close()
            neo4j_server.stop(home)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
