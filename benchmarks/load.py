"""Load benchmark: relgraph's batched, one-transaction load against a naive MERGE-per-relation loop.

Generates a synthetic dataset (N actors, M relations over 20 years: about a
third stances, two thirds events, signs and types drawn from the built-in
vocabulary), then, against one Neo4j server in one run, prints for each M:

* reading and validating the dataset file (JSON Lines) with relgraph.dataset.load;
* relgraph's load (Neo4jStore.write: UNWIND batches, MERGE on ids, one transaction);
* a naive loop, one MERGE transaction per relation, on a sample, extrapolated to M;
* a re-load of the unchanged data;
* the snapshot query (Neo4jStore.at) on three dates.

Usage:
    python benchmarks/load.py                       # M = 10k, 100k, 1M; starts its own server
    python benchmarks/load.py --sizes 10000 100000  # fewer sizes
    NEO4J_URI=... NEO4J_PASSWORD=... python benchmarks/load.py   # an existing, EMPTY database

The database is emptied before each size.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import secrets
import socket
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from relgraph import dataset
from relgraph.dates import PartialDate
from relgraph.errors import StoreError
from relgraph.model import ACTOR_KINDS, BUILTIN_TYPES, Actor, Citation, Dataset, Relation, Source
from relgraph.store import server as neo4j_server
from relgraph.store.neo4j import Neo4jStore

START, YEARS = date(2000, 1, 1), 20
STANCE_TYPES = [t for t in BUILTIN_TYPES.values() if t.kind == "stance" and t.source_kinds is None
                and t.target_kinds is None]
EVENT_TYPES = [t for t in BUILTIN_TYPES.values() if t.kind == "event" and t.source_kinds is None
               and t.target_kinds is None]
PRECISIONS = ["day"] * 6 + ["month"] * 3 + ["year"]


def _when(rng: random.Random, precision: str) -> PartialDate:
    day = START + timedelta(days=rng.randrange(YEARS * 365))
    text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[precision]
    return PartialDate.parse(text)


def synthetic(n_actors: int, n_relations: int, seed: int = 7) -> Dataset:
    """A realistic mix: about a third stances (some ended), two thirds events; 1-2 sources each."""
    rng = random.Random(seed)
    kinds = [k for k in ACTOR_KINDS if k not in ("agreement", "resolution", "meeting")]
    actors = {f"actor-{i}": Actor(f"actor-{i}", f"Actor {i}", rng.choice(kinds), aliases=(f"A{i}",),
                                  country="XXX") for i in range(n_actors)}
    ids = list(actors)
    sources = {f"src-{i}": Source(f"src-{i}", f"Report {i}", "Synthetic Wire", f"https://example.org/{i}",
                                  _when(rng, "day")) for i in range(max(1, n_relations // 50))}
    source_ids = list(sources)
    relations: dict[str, Relation] = {}
    for i in range(n_relations):
        a, b = rng.sample(ids, 2)
        cited = rng.sample(source_ids, rng.randint(1, 2))
        cites = tuple(Citation(sources[s], f"Evidence note {i}.") for s in cited)
        if rng.random() < 0.35:
            rtype = rng.choice(STANCE_TYPES)
            start = _when(rng, rng.choice(PRECISIONS))
            end = None
            if rng.random() < 0.5:
                end = PartialDate.parse((start.last + timedelta(days=rng.randrange(1, 2000))).isoformat())
            rel = Relation(f"r{i}", a, rtype.name, b, rtype.sign, start=start, end=end,
                           confidence=round(rng.random(), 2), sources=cites)
        else:
            rtype = rng.choice(EVENT_TYPES)
            rel = Relation(f"r{i}", a, rtype.name, b, rtype.sign, date=_when(rng, rng.choice(PRECISIONS)),
                           confidence=round(rng.random(), 2), sources=cites)
        relations[rel.id] = rel
    return Dataset(actors=actors, relations=relations, sources=sources)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wipe(store: Neo4jStore) -> None:
    with store._session(write=True) as session:
        # relationships first: a node's DETACH DELETE takes all of its relationships into one transaction
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def source_links(store: Neo4jStore, data: Dataset) -> tuple[float, int]:
    """Seconds to create the links (:Source)-[:SPEAKS_ABOUT]->(:Actor) a load of ``data`` makes; how many.

    The links are deleted and created again as the load creates them, so that their share of a
    load's time is measured rather than guessed.
    """
    pairs = sorted({(c.source.id, end) for r in data.relations.values() for c in r.sources
                    for end in (r.source, r.target)})
    with store._session(write=True) as session:
        session.run("MATCH ()-[l:SPEAKS_ABOUT]->() "
                    "CALL (l) { DELETE l } IN TRANSACTIONS OF 10000 ROWS").consume()
        t0 = time.perf_counter()
        with session.begin_transaction() as tx:
            for i in range(0, len(pairs), 10_000):
                tx.run("UNWIND $rows AS row MATCH (s:Source {id: row[0]}), (a:Actor {id: row[1]}) "
                       "CREATE (s)-[:SPEAKS_ABOUT]->(a)", rows=pairs[i:i + 10_000]).consume()
            tx.commit()
    return time.perf_counter() - t0, len(pairs)


def naive_load(store: Neo4jStore, data: Dataset, sample: int) -> float:
    """Seconds for one MERGE transaction per relation, over the first ``sample`` relations."""
    rels = list(data.relations.values())[:sample]
    needed = {r.source for r in rels} | {r.target for r in rels}
    with store._session(write=True) as session:
        session.run("UNWIND $ids AS id MERGE (a:Actor {id: id})", ids=sorted(needed)).consume()
        t0 = time.perf_counter()
        for rel in rels:
            query = (f"MATCH (s:Actor {{id: $source}}) MATCH (t:Actor {{id: $target}}) "
                     f"MERGE (s)-[r:NAIVE_{rel.type.upper().replace('-', '_')} {{id: $id}}]->(t) "
                     "SET r.sign = $sign, r.confidence = $confidence")
            session.execute_write(lambda tx, q=query, r=rel: tx.run(
                q, source=r.source, target=r.target, id=r.id, sign=r.sign, confidence=r.confidence).consume())
        elapsed = time.perf_counter() - t0
        session.run("MATCH ()-[r]->() WHERE type(r) STARTS WITH 'NAIVE_' DELETE r").consume()
    return elapsed


def bench(store: Neo4jStore, n_relations: int, workdir: Path) -> None:
    n_actors = max(100, n_relations // 20)
    print(f"\n== M = {n_relations:,} relations, N = {n_actors:,} actors", flush=True)
    data = synthetic(n_actors, n_relations)
    path = workdir / f"synthetic-{n_relations}.jsonl"
    dataset.write(data, path)
    t0 = time.perf_counter()
    data = dataset.load(path)
    read_s = time.perf_counter() - t0
    print(f"read + validate {path.name} ({path.stat().st_size / 1e6:.0f} MB): {read_s:.1f} s "
          f"({n_relations / read_s:,.0f} relations/s)", flush=True)

    _wipe(store)
    t0 = time.perf_counter()
    try:
        summary = store.write(data)
    except StoreError as exc:
        print(f"relgraph load failed after {time.perf_counter() - t0:.1f} s: {exc}", flush=True)
        return
    load_s = time.perf_counter() - t0
    assert summary.relations.created == n_relations, summary
    print(f"relgraph load:   {load_s:7.1f} s  {n_relations / load_s:10,.0f} relations/s", flush=True)
    links_s, links = source_links(store, data)
    print(f"  of which the links from sources to actors: about {links_s:.1f} s for {links:,} links "
          f"({100 * links_s / load_s:.0f}% of the load; re-created alone, in one transaction)", flush=True)

    sample = min(2_000, n_relations)
    naive_s = naive_load(store, data, sample) * n_relations / sample
    print(f"naive loop:      {naive_s:7.1f} s  {n_relations / naive_s:10,.0f} relations/s "
          f"(one MERGE transaction per relation, measured on {sample:,}, extrapolated)  "
          f"-> relgraph is {naive_s / load_s:.0f}x faster", flush=True)

    t0 = time.perf_counter()
    again = store.write(data)
    reload_s = time.perf_counter() - t0
    assert again.relations.unchanged == n_relations, again
    print(f"re-load unchanged: {reload_s:5.1f} s  {n_relations / reload_s:10,.0f} relations/s", flush=True)

    for day in (date(2005, 6, 15), date(2012, 1, 1), date(2019, 12, 31)):
        t0 = time.perf_counter()
        shown = store.at(day)
        print(f"snapshot on {day}: {time.perf_counter() - t0:5.2f} s, {len(shown.relations):,} relations",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--heap", default="6g", help="heap of the server this script starts")
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"Neo4j {neo4j_server.NEO4J_VERSION}")
    with tempfile.TemporaryDirectory(prefix="relgraph-bench-") as tmp:
        workdir = Path(tmp)
        if os.environ.get("NEO4J_URI"):
            store = Neo4jStore(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USERNAME", "neo4j"),
                               os.environ.get("NEO4J_PASSWORD"), os.environ.get("NEO4J_DATABASE"))
            home = None
        else:
            password = secrets.token_urlsafe(12)
            home = workdir / "neo4j"
            server = neo4j_server.start(home, password=password, bolt_port=_free_port(),
                                        http_port=_free_port(), heap=args.heap, pagecache="2g")
            print(f"server: local, heap {args.heap}, page cache 2g")
            store = Neo4jStore(server.uri, "neo4j", password)
        try:
            for size in args.sizes:
                bench(store, size, workdir)
        finally:
            store.close()
            if home is not None:
                neo4j_server.stop(home)


if __name__ == "__main__":
    sys.exit(main())
