"""Load benchmark: relgraph's load against LOAD CSV in transactions of 10,000 rows, on one server, in one run.

Generates a synthetic dataset (M relations among M/20 actors over 20 years:
about a third stances, some ended, two thirds events; day, month and year
precision; 1-2 cited sources with an evidence note each), then, against one
Neo4j server with the heap ``relgraph neo4j start`` gives by default (1g),
prints for each M:

* reading and validating the dataset file (JSON Lines) with relgraph.dataset.load;
* the baseline: LOAD CSV of the same graph (actors, sources, relations and the
  links from sources to actors, same labels, types and properties, from CSV
  files in the server's import folder) with ``CALL {...} IN TRANSACTIONS OF
  10000 ROWS``;
* relgraph's load (``Neo4jStore.write``) into the emptied database, and a check
  that both gave the same graph (counts, and a digest of every node's labels and
  properties and every relationship's type, ends and properties);
* a re-load of the unchanged data;
* the snapshot (``Neo4jStore.at``) on three dates, its time split into the
  server's (the queries it ran, timed by the server when run again) and the
  client's (the rest: transfer and building objects);

each with the client's CPU time and the peaks, sampled every 0.2 s, of the
server's heap in use, of its transaction memory, and of the resident memory
of the server and of this process.

Usage:
    python benchmarks/load.py                         # M = 100k and 1M; starts its own server
    python benchmarks/load.py --sizes 10000 100000    # other sizes
    python benchmarks/load.py --heap 1g --pagecache 2g
    NEO4J_URI=... NEO4J_PASSWORD=... python benchmarks/load.py --import-dir DIR   # an existing, EMPTY
        database; the baseline needs the server's import folder (else it is left out)

The database is emptied before each load. A warm-up load of 10k relations
(both methods) comes first, so that neither measurement pays for the JVM's
warm-up.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import os
import platform
import random
import secrets
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

# the generator validate.py streams; its constants are this dataset's too
from _synthetic import EVENT_TYPES, PRECISIONS, STANCE_TYPES, START, YEARS

from relgraph import dataset, services
from relgraph.dates import PartialDate
from relgraph.explorer import Explorer
from relgraph.model import ACTOR_KINDS, Actor, Citation, Dataset, Relation, Source
from relgraph.store import server as neo4j_server
from relgraph.store.graph_shape import (
    RELATION_PROPERTIES,
    SOURCE_LINK,
    actor_labels,
    actor_row,
    neo4j_type,
    relation_values,
    source_row,
)
from relgraph.store.neo4j import Neo4jStore

SNAPSHOT_DAYS = (date(2005, 6, 15), date(2012, 1, 1), date(2019, 12, 31))


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


def _wipe(store: Neo4jStore) -> None:
    with store._session(write=True) as session:
        # relationships first: a node's DETACH DELETE takes all of its relationships into one transaction
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


# -- measuring --------------------------------------------------------------------------------------


@dataclass
class Peaks:
    """The highest values sampled during one measurement (bytes; ``None``: not measurable here)."""

    heap: int = 0  # the server's heap in use (garbage included), from JMX
    transactions: int = 0  # the server's estimate of the heap its open transactions use, summed
    server_rss: int | None = None
    client_rss: int = 0


def _rss(pid: int | str) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


class Monitor:
    """Samples the server's heap and transaction memory (over Bolt) and resident memory every 0.2 s."""

    def __init__(self, store: Neo4jStore, server_pid: int | None) -> None:
        self.store, self.server_pid = store, server_pid

    @contextlib.contextmanager
    def watch(self) -> Iterator[Peaks]:
        peaks = Peaks()
        stop = threading.Event()

        def sample() -> None:
            with self.store._session() as session:
                while not stop.is_set():
                    with contextlib.suppress(Exception):  # a sample lost to a busy server is not a failure
                        heap = session.run("CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes "
                                           "RETURN attributes.HeapMemoryUsage.value.properties.used AS used"
                                           ).single(strict=True)["used"]
                        peaks.heap = max(peaks.heap, heap)
                        tx = session.run("SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory AS m "
                                         "RETURN sum(m) AS m").single(strict=True)["m"]
                        peaks.transactions = max(peaks.transactions, tx or 0)
                    if self.server_pid is not None:
                        rss = _rss(self.server_pid)
                        peaks.server_rss = max(peaks.server_rss or 0, rss or 0)
                    peaks.client_rss = max(peaks.client_rss, _rss("self") or 0)
                    stop.wait(0.2)

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        try:
            yield peaks
        finally:
            stop.set()
            thread.join()


@dataclass
class Row:
    """One measurement, as printed."""

    method: str
    seconds: float
    relations: int
    cpu: float | None = None  # the client's CPU seconds
    peaks: Peaks | None = None
    note: str = ""


def _gb(n: int | None) -> str:
    return f"{n / 2**30:6.2f}" if n else "     -"


def print_header() -> None:
    print(f"  {'':44} {'time':>9} {'relations/s':>12} {'client CPU':>10}   peak GiB: {'heap':>6} "
          f"{'tx mem':>6} {'server':>6} {'client':>6}")


def print_rows(rows: list[Row]) -> None:
    for r in rows:
        rate = f"{r.relations / r.seconds:12,.0f}" if r.relations and r.seconds else " " * 12
        cpu = f"{r.cpu:8.1f} s" if r.cpu is not None else " " * 10
        p = r.peaks
        mem = (f"{_gb(p.heap)} {_gb(p.transactions)} {_gb(p.server_rss)} {_gb(p.client_rss)}" if p else "")
        print(f"  {r.method:44} {r.seconds:7.1f} s {rate} {cpu}             {mem}  {r.note}".rstrip(),
              flush=True)


def timed(monitor: Monitor, work: Callable[[], Any]) -> tuple[Any, float, float, Peaks]:
    """``work()``'s result, wall seconds, client CPU seconds, and the peaks while it ran."""
    with monitor.watch() as peaks:
        cpu, t0 = time.process_time(), time.perf_counter()
        result = work()
        seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu
    return result, seconds, cpu, peaks


# -- the graph both methods must give ---------------------------------------------------------------


def graph_digest(store: Neo4jStore) -> tuple[dict[str, int], str]:
    """Counts of nodes by labels and relationships by type, and an order-free digest of the whole graph
    (the load lock aside): the sum of a hash per node (labels, properties) and per relationship (type,
    ends' ids, properties)."""
    total, counts = 0, defaultdict(int)
    with store._session() as session:
        for r in session.run("MATCH (n) WHERE NOT n:RelgraphLock RETURN labels(n) AS l, properties(n) AS p"):
            labels = ":".join(sorted(r["l"]))
            counts[labels] += 1
            total += _hash(labels, r["p"])
        for r in session.run("MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, "
                             "properties(r) AS p"):
            counts[f"[{r['t']}]"] += 1
            total += _hash(r["t"], r["a"], r["b"], r["p"])
    return dict(sorted(counts.items())), f"{total % 2**128:032x}"


def _hash(*parts: Any) -> int:
    text = repr([sorted(p.items()) if isinstance(p, dict) else p for p in parts])
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=16).digest(), "big")


# -- the baseline: LOAD CSV -------------------------------------------------------------------------

_LIST = "|"  # lists in the CSV files (aliases, source ids, evidence); the synthetic data never holds it
_CONVERT = {"sign": "toInteger({})", "confidence": "toFloat({})", "first": "date({})", "last": "date({})",
            "start_last": "date({})", "end_first": "date({})", "source_ids": "split({}, '|')",
            "evidence": "split({}, '|')", "quotes": "split({}, '|')", "quote_offsets": "split({}, '|')"}


def _cell(value: Any) -> str:
    if isinstance(value, list):
        assert value and not any(_LIST in v for v in value), "the baseline's CSV cannot hold this list"
        return _LIST.join(value)
    return "" if value is None else str(value)


def write_csv(data: Dataset, folder: Path) -> list[tuple[str, str]]:
    """The dataset as CSV files in ``folder`` (the server's import folder); the LOAD CSV statements that
    make relgraph's graph of them, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    statements = []

    def table(name: str, header: list[str], rows: Iterator[list[Any]]) -> str:
        with (folder / name).open("w", encoding="utf-8", newline="") as f:
            out = csv.writer(f)
            out.writerow(header)
            out.writerows([_cell(v) for v in row] for row in rows)
        return f"file:///{folder.name}/{name}"

    source_fields = ["id", "title", "publisher", "url", "published", "notes"]
    url = table("sources.csv", source_fields,
                ([source_row(s).get(k) for k in source_fields] for s in data.sources.values()))
    props = ", ".join(f"{k}: row.{k}" for k in source_fields)
    statements.append(("sources", f"CREATE (:Source {{{props}}})", url))

    actor_fields = ["id", "name", "kind", "aliases", "country", "wikidata", "part_of", "description", "hash"]
    by_kind: dict[str, list[Actor]] = defaultdict(list)
    for actor in data.actors.values():
        by_kind[actor.kind].append(actor)
    for kind, actors in sorted(by_kind.items()):
        url = table(f"actors-{kind}.csv", actor_fields,
                    ([actor_row(a).get(k) for k in actor_fields] for a in actors))
        props = ", ".join(f"{k}: split(row.{k}, '|')" if k == "aliases" else f"{k}: row.{k}"
                          for k in actor_fields)
        statements.append((f"actors ({kind})", f"CREATE (:Actor:{actor_labels(kind)} {{{props}}})", url))

    by_type: dict[str, list[Relation]] = defaultdict(list)
    for rel in data.relations.values():
        by_type[neo4j_type(rel.type)].append(rel)
    for rel_type, rels in sorted(by_type.items()):
        url = table(f"relations-{rel_type}.csv", ["source", "target", *RELATION_PROPERTIES],
                    (relation_values(rel, data.types) for rel in rels))
        props = ", ".join(f"{k}: " + _CONVERT.get(k, "{}").format(f"row.{k}") for k in RELATION_PROPERTIES)
        statements.append((f"relations ({rel_type})",
                           "MATCH (s:Actor {id: row.source}) MATCH (t:Actor {id: row.target}) "
                           f"CREATE (s)-[:{rel_type} {{{props}}}]->(t)", url))

    pairs = sorted({(c.source.id, end) for r in data.relations.values() for c in r.sources
                    for end in (r.source, r.target)})
    url = table("links.csv", ["source", "actor"], iter(pairs))
    statements.append(("links", "MATCH (s:Source {id: row.source}) MATCH (a:Actor {id: row.actor}) "
                                f"CREATE (s)-[:{SOURCE_LINK}]->(a)", url))
    return [(what, f"LOAD CSV WITH HEADERS FROM '{url}' AS row "
                   f"CALL (row) {{ {body} }} IN TRANSACTIONS OF 10000 ROWS")
            for what, body, url in statements]


def load_csv(store: Neo4jStore, statements: list[tuple[str, str]]) -> None:
    with store._session(write=True) as session:
        for _, statement in statements:
            session.run(statement).consume()


# -- snapshots: the server's time and the client's --------------------------------------------------


@contextlib.contextmanager
def recording() -> Iterator[list[tuple[str, dict[str, Any]]]]:
    """The queries run through the driver while inside, whichever way they are run."""
    import neo4j

    seen: list[tuple[str, dict[str, Any]]] = []
    patched = []
    for cls in (neo4j.ManagedTransaction, neo4j.Transaction, neo4j.Session):
        original = cls.run

        def run(self: Any, query: Any, parameters: Any = None, *args: Any, _original: Any = original,
                **kwargs: Any) -> Any:
            seen.append((str(query), {**(parameters or {}), **kwargs}))
            return _original(self, query, parameters, *args, **kwargs)

        patched.append((cls, original))
        cls.run = run  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        for cls, original in patched:
            cls.run = original  # type: ignore[method-assign]


def server_seconds(store: Neo4jStore, queries: list[tuple[str, dict[str, Any]]]) -> float:
    """What the server says it took to plan, run and stream ``queries``, run again one by one."""
    total = 0
    with store._session(write=True) as session:
        for query, params in queries:
            summary = session.run(query, params).consume()
            total += (summary.result_available_after or 0) + (summary.result_consumed_after or 0)
    return total / 1000


# -- one size ---------------------------------------------------------------------------------------


@dataclass
class Context:
    """What a size's measurements share: for the rows other work adds (see EXTRA below)."""

    store: Neo4jStore
    monitor: Monitor
    data: Dataset
    path: Path  # the dataset as JSON Lines
    workdir: Path
    import_dir: Path | None
    expected: tuple[dict[str, int], str] | None = None  # the graph relgraph's load gave: counts, digest
    rows: list[Row] = field(default_factory=list)


EXTRA: list[Callable[[Context], list[Row]]] = []
"""Rows that other work adds to every size, each a function of the size's context, run after relgraph's
load, re-load and snapshots, on a database that holds relgraph's load (it may empty it; compare with
``Context.expected`` to check a method gives the same graph)."""


def bench(store: Neo4jStore, monitor: Monitor, n_relations: int, workdir: Path, import_dir: Path | None,
          *, quiet: bool = False) -> list[Row]:
    n_actors = max(100, n_relations // 20)
    data = synthetic(n_actors, n_relations)
    path = workdir / f"synthetic-{n_relations}.jsonl"
    dataset.write(data, path)
    ctx = Context(store, monitor, data, path, workdir, import_dir)
    rows = ctx.rows

    def say(row: Row) -> None:
        rows.append(row)
        if not quiet:
            print_rows([row])

    if not quiet:
        print(f"\n== M = {n_relations:,} relations, N = {n_actors:,} actors, "
              f"{len(data.sources):,} sources", flush=True)
        print_header()
    data, seconds, cpu, peaks = timed(monitor, lambda: dataset.load(path))
    ctx.data = data
    say(Row(f"read + validate ({path.stat().st_size / 1e6:.0f} MB of JSON Lines)", seconds, n_relations, cpu,
            peaks))

    store.init(data.types.values())  # both methods write into the same schema, made beforehand
    baseline, baseline_s = None, 0.0
    if import_dir is not None:
        _wipe(store)
        t0 = time.perf_counter()
        statements = write_csv(data, import_dir / f"bench-{n_relations}")
        written = time.perf_counter() - t0
        _, seconds, cpu, peaks = timed(monitor, lambda: load_csv(store, statements))
        baseline, baseline_s = graph_digest(store), seconds
        say(Row("LOAD CSV, IN TRANSACTIONS OF 10000 ROWS", seconds, n_relations, cpu, peaks,
                f"(+{written:.1f} s to write the CSV files, not counted)"))

    _wipe(store)
    summary, seconds, cpu, peaks = timed(monitor, lambda: store.write(data))
    assert summary.relations.created == n_relations, summary
    ctx.expected = graph_digest(store)
    ratio = f"= {seconds / baseline_s:.2f}x LOAD CSV's time" if baseline else ""
    say(Row("relgraph load (Neo4jStore.write)", seconds, n_relations, cpu, peaks, ratio))
    if baseline is not None:
        same = "the same graph" if baseline == ctx.expected else "DIFFERENT GRAPHS"
        if not quiet:
            nodes = sum(v for k, v in ctx.expected[0].items() if not k.startswith("["))
            relationships = sum(v for k, v in ctx.expected[0].items() if k.startswith("["))
            print(f"  both give {same}: {nodes:,} nodes, {relationships:,} relationships, digest "
                  f"{ctx.expected[1][:16]} (relgraph) / {baseline[1][:16]} (LOAD CSV)", flush=True)
        assert baseline == ctx.expected, (baseline, ctx.expected)

    again, seconds, cpu, peaks = timed(monitor, lambda: store.write(data))
    assert again.relations.unchanged == n_relations, again
    say(Row("re-load unchanged", seconds, n_relations, cpu, peaks))

    explorer = Explorer(store)
    for day in SNAPSHOT_DAYS:
        # what a user's snapshot costs: Explorer.snapshot's graph, citations included
        with recording() as queries:
            graph, seconds, cpu, peaks = timed(monitor, lambda d=day: explorer.snapshot(d))
        on_server = server_seconds(store, queries)
        shown = graph.number_of_edges()
        say(Row(f"snapshot on {day} ({shown:,} relations)", seconds, shown, cpu,
                peaks, f"server {on_server:.2f} s, client {seconds - on_server:.2f} s"))

    # -- rows of other work ---------------------------------------------------------------------------
    # The bulk import (relgraph neo4j import, and neo4j-admin database import full with the index build
    # as its baseline) and the faster read/validate and snapshot measurements are added here, through
    # EXTRA, so that one run prints them beside these. Keep this the last step of a size.
    for extra in EXTRA:
        for row in extra(ctx):
            say(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--heap", default="1g", help="heap of the server this script starts (default: "
                                                     "relgraph neo4j start's)")
    parser.add_argument("--pagecache", default="2g", help="page cache of the server this script starts")
    parser.add_argument("--import-dir", type=Path, help="the import folder of the server at NEO4J_URI, for "
                                                        "the LOAD CSV baseline")
    parser.add_argument("--no-warm-up", action="store_true", help="skip the warm-up load of 10k relations")
    args = parser.parse_args()
    # Imported here, not at the top: bulk.py imports this module's synthetic data and rows.
    from bulk import bulk_rows

    EXTRA.append(bulk_rows)
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"Neo4j {neo4j_server.NEO4J_VERSION}; load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="relgraph-bench-") as tmp:
        workdir = Path(tmp)
        if os.environ.get("NEO4J_URI"):
            store = Neo4jStore(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USERNAME", "neo4j"),
                               os.environ.get("NEO4J_PASSWORD"), os.environ.get("NEO4J_DATABASE"))
            home, pid, import_dir = None, None, args.import_dir
            print("server: NEO4J_URI" + ("" if import_dir else " (no --import-dir: no LOAD CSV baseline)"))
        else:
            password = secrets.token_urlsafe(12)
            home = workdir / "neo4j"
            server = neo4j_server.start(home, password=password, bolt_port=services.free_port(),
                                        http_port=services.free_port(), heap=args.heap,
                                        pagecache=args.pagecache)
            print(f"server: local, heap {args.heap}, page cache {args.pagecache}")
            store = Neo4jStore(server.uri, "neo4j", password)
            pid, import_dir = server.pid, home / "import"
        monitor = Monitor(store, pid)
        try:
            if not args.no_warm_up:
                bench(store, monitor, 10_000, workdir, import_dir, quiet=True)
            for size in args.sizes:
                bench(store, monitor, size, workdir, import_dir)
        finally:
            store.close()
            if home is not None:
                neo4j_server.stop(home)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    sys.exit(main())
