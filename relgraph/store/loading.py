"""A load into Neo4j: what the database must change to hold a dataset, and how it is written.

A load (:class:`Load`) holds the database's load lock (:func:`take_lock`) from
its first read to its end, so loads into one database run one after the
other and relgraph's readers, which take the lock too, see a load wholly or
not at all. Under the lock it:

1. plans (:func:`plan`): compares the dataset with what is stored without
   reading the stored relations back. The fingerprints of the dataset's
   relations of each type go to the server in runs of :data:`CHECK` ids; for
   each run it scans that range of the type's index and answers with the
   relationships whose fingerprint is not among the run's: changed ones, and
   ones the dataset lacks there (stale, moved to another type, or a second
   copy of an id, which the load repairs). Only a run with relations the
   database lacks has them looked up by id; types the dataset does not use are
   read only if Neo4j's count store says they hold anything;
2. writes the plan in units (:func:`units`) of at most :data:`BATCH` records:
   types, sources and actors, then the relationships to delete, then the new
   and changed ones with the links from their sources to their actors, then,
   with ``prune``, what the dataset lacks. Units committed in order keep the
   links exact (a source links to an actor while a stored relation citing it
   has that actor as an end), so the graph is whole after each of them; a
   link needed by several units is written by the first.

A plan that writes at most :data:`ONE_TRANSACTION` records runs in the lock's
own transaction: all or nothing. A bigger one runs unit by unit, a transaction
each (so that any load fits the server's default heap), behind a journal node,
``(:RelgraphLoad)``, committed before its first unit and deleted by its last.
Units that only add (new relations and their links) are committed up to
:data:`WRITERS` at a time, in whatever order they finish: no two of them touch
the same relationship or link, so any order leaves the same graph. A unit that
updates or deletes waits until those before it have committed, and the next
ones wait for it. If the load stops part way, the journal stays: relgraph's
readers refuse the database while it is there, and the next load, which plans
from what is stored, finishes the work exactly and deletes it (a link that a
committed unit left to one that did not commit is made again with that unit's
relations, which the next load writes).

Every value is a parameter; relationship types come through
:func:`~relgraph.store.graph_shape.neo4j_type` (or are checked by
:func:`~relgraph.store.graph_shape.spliceable` when read from the database)
and labels from :data:`~relgraph.store.graph_shape.KIND_LABELS`.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from relgraph.errors import StoreError
from relgraph.model import Dataset, Relation
from relgraph.store.base import Progress, WriteSummary
from relgraph.store.graph_shape import (
    DEAL_LABEL,
    KIND_LABELS,
    RELATION_MAP,
    SOURCE_LINK,
    actor_labels,
    actor_row,
    neo4j_type,
    relation_fingerprint,
    relation_values,
    source_row,
    spliceable,
    type_row,
)

if TYPE_CHECKING:
    from neo4j import ManagedTransaction, Session, Transaction

    AnyTransaction = ManagedTransaction | Transaction

__all__ = ["BATCH", "CHECK", "JOURNAL", "LOCK_PATIENCE", "ONE_TRANSACTION", "WRITERS", "Load", "Plan",
           "Stopped", "plan", "take_lock", "unfinished", "units"]

BATCH = 10_000
"""Records per statement, and per transaction when a load is written in batches."""

CHECK = 50_000
"""The dataset's relations of one type are compared with the database's in runs of this many ids."""

ONE_TRANSACTION = 20_000
"""A load that writes at most this many records runs in one transaction. Neo4j holds a transaction in its
heap until it commits (4.5-10 KB per relation), so 20,000 take at most about 200 MB of the default 1g heap's
700 MB of transaction memory."""

WRITERS = 2
"""Units that only add, committed side by side in a load written in batches. Neo4j runs a transaction on
one core, so one writer leaves a second core idle: on a 2-core machine two writers loaded 100k relations
in about 9 s instead of 15 s (benchmarks/README.md, "Load")."""

LOCK_PATIENCE = 1.0
"""Seconds to wait for the load lock before saying that another load holds it."""

JOURNAL = "RelgraphLoad"
"""The label of the node that marks a load written in batches and not finished."""

Pair = tuple[str, str]  # (source id, actor id): a link from a source to an actor it speaks about
Statement = tuple[str, dict[str, Any]]
T = TypeVar("T")

_LOCK = ("MERGE (l:RelgraphLock {name: 'load'}) "
         "SET l.version = coalesce(l.version, 0) + $bump RETURN l.version AS version")


def take_lock(tx: AnyTransaction, *, load: bool, waiting: Callable[[], None] | None = None,
              refuse_unfinished: bool = True) -> int:
    """Take the database's load lock for the rest of ``tx``; return the number of loads committed before.

    The lock is a write lock on one ``:RelgraphLock`` node, which Neo4j holds
    until the transaction ends (a client that dies releases it with its
    connection). Loads bump its version and hold it to their end; readers take
    it too, so that a snapshot never sees a load half applied, and (unless
    ``refuse_unfinished`` is false) refuse a database that a load left
    unfinished. ``waiting`` is called once if the lock is not had within
    :data:`LOCK_PATIENCE` seconds.
    """
    timer = threading.Timer(LOCK_PATIENCE, waiting) if waiting is not None else None
    if timer is not None:
        timer.daemon = True
        timer.start()
    try:
        version = int(tx.run(_LOCK, bump=1 if load else 0).single(strict=True)["version"])
    finally:
        if timer is not None:
            timer.cancel()
    if not load and refuse_unfinished and (left := unfinished(tx)) is not None:
        raise StoreError(left)
    return version


def unfinished(tx: AnyTransaction) -> str | None:
    """What the journal says about a load that stopped part way, or ``None`` if there is none."""
    record = tx.run(f"MATCH (j:{JOURNAL}) RETURN j.started AS started, j.relations AS relations "
                    "LIMIT 1").single()
    if record is None:
        return None
    started = record["started"]
    when = started.to_native().strftime("%Y-%m-%d %H:%M UTC") if started is not None else "at an unknown time"
    return (f"a load of {record['relations'] or 0:,} relations started {when} stopped part way, so the "
            "database holds part of it: load that dataset again to finish it (or any dataset with --prune)")


def _batches(rows: list[T]) -> Iterator[list[T]]:
    for i in range(0, len(rows), BATCH):
        yield rows[i:i + BATCH]


def _by_source(pairs: list[Pair]) -> list[tuple[str, list[str]]]:
    """Sorted ``pairs`` as (source id, its actor ids)."""
    grouped: list[tuple[str, list[str]]] = []
    for source, actor in pairs:
        if not grouped or grouped[-1][0] != source:
            grouped.append((source, []))
        grouped[-1][1].append(actor)
    return grouped


def _pairs(source: str, target: str, cited: Iterable[str] | None) -> set[Pair]:
    return {(c, end) for c in cited or () for end in (source, target)}


# -- planning ---------------------------------------------------------------------------------------


@dataclass
class _Stored:
    """What the database holds before the load, as far as planning needs it."""

    actors: dict[str, str]  # id -> fingerprint
    sources: dict[str, dict[str, Any]]  # id -> properties
    types: dict[str, dict[str, Any]]  # name -> properties
    counts: dict[str, int]  # relationship type (links aside) -> how many relationships it has
    unfinished: str | None

    @classmethod
    def read(cls, tx: AnyTransaction) -> _Stored:
        present = [r["type"] for r in tx.run("CALL db.relationshipTypes() YIELD relationshipType AS type")
                   if spliceable(r["type"]) and r["type"] != SOURCE_LINK]
        # one query, each count from Neo4j's count store
        counts = {r["type"]: r["n"] for r in tx.run(" UNION ALL ".join(
            f"MATCH ()-[r:{t}]->() RETURN '{t}' AS type, count(r) AS n" for t in present))} if present else {}
        actors = tx.run("MATCH (a:Actor) RETURN a.id AS id, a.hash AS hash")
        sources = tx.run("MATCH (s:Source) RETURN properties(s) AS p")
        types = tx.run("MATCH (t:RelationType) RETURN properties(t) AS p")
        return cls(actors={r["id"]: r["hash"] for r in actors},
                   sources={r["p"]["id"]: r["p"] for r in sources},
                   types={r["p"]["name"]: r["p"] for r in types}, counts=counts, unfinished=unfinished(tx))


@dataclass
class Plan:
    """What a load writes, in the order :func:`units` writes it, and what it will have done."""

    data: Dataset
    stored: _Stored
    summary: WriteSummary
    types: list[dict[str, Any]] = field(default_factory=list)
    sources: dict[bool, list[dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(list))  # new? -> rows
    actors: dict[tuple[str, bool], list[dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(list))  # (kind, new?) -> rows
    deletes: dict[str, dict[str, set[Pair]]] = field(
        default_factory=lambda: defaultdict(dict))  # relationship type -> id -> the links it supported
    writes: dict[tuple[str, Literal["create", "update"]], list[Relation]] = field(
        default_factory=lambda: defaultdict(list))
    updated: dict[str, set[Pair]] = field(default_factory=dict)  # id updated in place -> links it supported
    gone_actors: list[str] = field(default_factory=list)
    gone_sources: list[str] = field(default_factory=list)
    gone_types: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        """How many records the load writes or deletes (links aside, which follow relations)."""
        return (len(self.types) + sum(map(len, self.sources.values())) + sum(map(len, self.actors.values()))
                + sum(map(len, self.deletes.values())) + sum(map(len, self.writes.values()))
                + len(self.gone_actors) + len(self.gone_sources) + len(self.gone_types))


def _present(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v is not None}


def plan(tx: AnyTransaction, data: Dataset, *, prune: bool = False) -> Plan:
    """Compare ``data`` with what the database holds (the caller holds the lock); say what to write."""
    stored = _Stored.read(tx)
    todo = Plan(data, stored, WriteSummary(resumed=stored.unfinished is not None))
    todo.types = [row for t in data.custom_types.values()
                  if _present(row := type_row(t)) != stored.types.get(t.name)]
    for source in data.sources.values():
        row = source_row(source)
        if row != stored.sources.get(source.id):
            todo.sources[source.id not in stored.sources].append(row)
    actors = todo.summary.actors
    for actor in data.actors.values():
        row = actor_row(actor)
        before = stored.actors.get(actor.id)
        if before == row["hash"]:
            actors.unchanged += 1
            continue
        actors.created += before is None
        actors.updated += before is not None
        todo.actors[actor.kind, before is None].append(row)
    _plan_relations(tx, todo, prune)
    if prune:
        todo.gone_actors = sorted(stored.actors.keys() - data.actors.keys())
        todo.gone_sources = sorted(stored.sources.keys() - data.sources.keys())
        todo.gone_types = sorted(stored.types.keys() - data.custom_types.keys())
        actors.removed = len(todo.gone_actors)
    return todo


Held = dict[str, tuple[str, str, list[str] | None]]  # relation id -> stored (source, target, cited sources)

_CHECK = ("MATCH (s)-[r:{rel_type}]->(t) WHERE {within} r.hash IS NOT NULL "
          "WITH s, t, r, r.hash IN $hashes AS same "
          "RETURN sum(CASE WHEN same THEN 1 ELSE 0 END) AS same, "
          "collect(CASE WHEN NOT same THEN [r.id, s.id, t.id, r.source_ids] END) AS other")
_WITHIN = {(False, False): "", (True, False): "r.id >= $low AND", (False, True): "r.id < $high AND",
           (True, True): "r.id >= $low AND r.id < $high AND"}
_ABSENT = ("UNWIND $ids AS id WITH id WHERE NOT EXISTS {{ MATCH ()-[r:{rel_type} {{id: id}}]->() "
           "WHERE r.hash IS NOT NULL }} RETURN collect(id) AS absent")


def _plan_relations(tx: AnyTransaction, todo: Plan, prune: bool) -> None:
    data, stored, counts = todo.data, todo.stored, todo.summary.relations
    by_type: dict[str, list[Relation]] = defaultdict(list)
    spliced = {name: neo4j_type(name) for name in data.types}
    for rel in data.relations.values():
        by_type[spliced[rel.type]].append(rel)
    absent: set[str] = set()
    changed: Held = {}
    extras: dict[str, Held] = defaultdict(dict)  # type -> stored relations the dataset lacks under that type
    for rel_type, rels in sorted(by_type.items()):
        if stored.counts.get(rel_type):
            _compare(tx, rel_type, rels, absent, changed, extras[rel_type])
        else:
            absent.update(r.id for r in rels)
    for rel_type in sorted(stored.counts.keys() - by_type.keys()):
        if stored.counts[rel_type]:
            extras[rel_type] = _all_of(tx, rel_type)

    copies: dict[str, int] = defaultdict(int)  # id -> relationships that carry it beside the dataset's type
    gone: set[str] = set()
    for rel_type, held in extras.items():
        for i, (s, t, cited) in held.items():
            copies[i] += 1
            if i in data.relations:  # its type changed, or a copy of it: deleted whatever else happens
                todo.deletes[rel_type][i] = _pairs(s, t, cited)
            else:
                gone.add(i)
                if prune:
                    todo.deletes[rel_type][i] = _pairs(s, t, cited)
    for rel in data.relations.values():
        rel_type = spliced[rel.type]
        if rel.id in absent:
            counts.created += rel.id not in copies
            counts.updated += rel.id in copies
            todo.writes[rel_type, "create"].append(rel)
        elif rel.id in changed:
            counts.updated += 1
            s, t, cited = changed[rel.id]
            if (s, t) == (rel.source, rel.target):
                todo.writes[rel_type, "update"].append(rel)
                todo.updated[rel.id] = _pairs(s, t, cited)
            else:  # Neo4j cannot move a relationship to other nodes: delete it, create it afresh
                todo.deletes[rel_type][rel.id] = _pairs(s, t, cited)
                todo.writes[rel_type, "create"].append(rel)
        elif rel.id in copies:  # stored as it should be, and also under another type
            counts.updated += 1
        else:
            counts.unchanged += 1
    todo.summary.repaired = sum(1 for i, n in copies.items()
                                if (i in data.relations and (n > 1 or i not in absent)) or (prune and n > 1))
    if prune:
        counts.removed = len(gone)
    else:
        todo.summary.stale = sorted(gone)


def _compare(tx: AnyTransaction, rel_type: str, rels: list[Relation], absent: set[str], changed: Held,
             extras: Held) -> None:
    """Sort the dataset's relations of ``rel_type`` into ``absent`` and ``changed``, and find the stored
    relationships of that type the dataset lacks (``extras``), without reading unchanged ones back.

    The ids are split into runs of :data:`CHECK`; for each, the server scans that range of its index and
    counts the relationships whose fingerprint is among the run's, returning only the others. A run whose
    count falls short of its size also holds relations the database lacks, which are then looked up by id.
    The ranges cover every id, so the relationships of this type that the dataset lacks are among the others.
    The next run's fingerprints are computed while the server answers (the driver reads a result when the
    next statement is run).
    """
    # The runs' ranges are bounds of ids sorted in Python, by code point. Neo4j does not always compare
    # text that way (an index seek follows code points, a filter Java's UTF-16 order, and the planner picks
    # either), so runs start only at ids where both agree (_runs): the ranges then split the stored ids
    # alike under either order (tests/test_store_neo4j_batches.py checks ids on both sides of U+FFFF).
    rels = sorted(rels, key=lambda r: r.id)
    runs = list(_runs(rels))
    answers = []
    for i, run in enumerate(runs):
        low = run[0].id if i > 0 else None
        high = runs[i + 1][0].id if i + 1 < len(runs) else None
        query = _CHECK.format(rel_type=rel_type, within=_WITHIN[low is not None, high is not None])
        hashes = [relation_fingerprint(r) for r in run]
        answers.append((run, tx.run(query, low=low, high=high, hashes=hashes)))
    unsure = []
    for run, result in answers:
        record = result.single(strict=True)
        ids = {r.id for r in run}
        found = 0
        for i, s, t, cited in record["other"]:
            if i in ids:
                changed[i] = (s, t, cited)
                found += 1
            else:
                extras[i] = (s, t, cited)
        if (record["same"] or 0) + found < len(run):
            unsure.append([r.id for r in run if r.id not in changed])
    lookups = [tx.run(_ABSENT.format(rel_type=rel_type), ids=ids) for ids in unsure]
    for result in lookups:
        absent.update(result.single(strict=True)["absent"])


def _runs(rels: list[Relation]) -> Iterator[list[Relation]]:
    """``rels`` (sorted by id) in runs of about :data:`CHECK`, each starting at an id that Neo4j orders as
    Python does against any text: code point order and UTF-16's differ only where one text has a
    character beyond U+FFFF and the other one from U+E000 to U+FFFF, so no run starts at an id holding
    either (that run goes on)."""
    run: list[Relation] = []
    for rel in rels:
        if len(run) >= CHECK and rel.id and max(rel.id) < "\ue000":
            yield run
            run = []
        run.append(rel)
    if run:
        yield run


def _all_of(tx: AnyTransaction, rel_type: str) -> Held:
    """Every relation stored as ``rel_type``, a type the dataset does not use."""
    held: Held = {}
    every = tx.run(f"MATCH ()-[r:{rel_type}]->() WHERE r.hash IS NOT NULL RETURN r.id AS id")
    for ids in _batches([r["id"] for r in every]):
        for r in tx.run(f"UNWIND $ids AS id MATCH (s)-[r:{rel_type} {{id: id}}]->(t) "
                        "RETURN id, s.id AS s, t.id AS t, r.source_ids AS cited", ids=ids):
            held[r["id"]] = (r["s"], r["t"], r["cited"])
    return held


# -- writing ----------------------------------------------------------------------------------------


@dataclass
class Unit:
    """Statements that a batched load commits together, and how many relations they write.

    ``adds`` marks a unit that only creates (relationships and links no other unit creates), which may
    commit beside others like it.
    """

    statements: list[Statement]
    relations: int = 0
    adds: bool = False

    def release(self) -> None:
        """Empty the unit's lists of rows once it has committed (never before: a retry sends them again).

        The driver keeps a statement's parameters in reference cycles of its
        own, which only the cyclic collector frees, and a load pauses the
        collector (:mod:`relgraph.collector`): without this, every row of a
        load would stay in memory to its end (0.6 GiB at 1M relations).
        """
        for _, params in self.statements:  # every list in them is the unit's own
            for value in params.values():
                if isinstance(value, list):
                    value.clear()


_UNSUPPORTED = ("UNWIND $pairs AS pair "
                f"MATCH (s:Source {{id: pair[0]}})-[l:{SOURCE_LINK}]->(a:Actor {{id: pair[1]}}) "
                "WHERE NOT EXISTS { MATCH (a)-[r]-(:Actor) WHERE pair[0] IN r.source_ids } DELETE l")


def units(todo: Plan) -> Iterator[Unit]:
    """The plan as units of at most :data:`BATCH` records, each leaving the graph whole; built lazily."""
    yield from _record_units(todo)
    yield from _delete_units(todo)
    yield from _write_units(todo)
    for ids in _batches(todo.gone_actors):
        yield Unit([("UNWIND $ids AS id MATCH (a:Actor {id: id}) DETACH DELETE a", {"ids": ids})])
    for ids in _batches(todo.gone_sources):
        yield Unit([("UNWIND $ids AS id MATCH (s:Source {id: id}) DETACH DELETE s", {"ids": ids})])
    if todo.gone_types:
        yield Unit([("UNWIND $names AS name MATCH (t:RelationType {name: name}) DELETE t",
                     {"names": list(todo.gone_types)})])


def _record_units(todo: Plan) -> Iterator[Unit]:
    """Types, sources and actors; those the database lacks are created without looking for them."""
    if todo.types:
        yield Unit([("UNWIND $rows AS row MERGE (t:RelationType {name: row.name}) SET t = row",
                     {"rows": list(todo.types)})])
    for new, rows in sorted(todo.sources.items()):
        write = "CREATE (s:Source) SET s = row" if new else "MERGE (s:Source {id: row.id}) SET s = row"
        for batch in _batches(rows):
            yield Unit([(f"UNWIND $rows AS row {write}", {"rows": batch})])
    every_label = ":".join([*KIND_LABELS.values(), DEAL_LABEL])
    for (kind, new), rows in sorted(todo.actors.items()):
        labels = actor_labels(kind)
        write = (f"CREATE (a:Actor:{labels}) SET a = row" if new else
                 f"MERGE (a:Actor {{id: row.id}}) REMOVE a:{every_label} SET a = row, a:{labels}")
        for batch in _batches(rows):
            yield Unit([(f"UNWIND $rows AS row {write}", {"rows": batch})])


def _delete_units(todo: Plan) -> Iterator[Unit]:
    """Relationships deleted, with the links that only they supported."""
    for rel_type, held in sorted(todo.deletes.items()):
        for ids in _batches(sorted(held)):
            statements: list[Statement] = [
                (f"UNWIND $ids AS id MATCH ()-[r:{rel_type} {{id: id}}]->() DELETE r", {"ids": ids})]
            unsure: set[Pair] = set().union(*(held[i] for i in ids))
            if unsure:
                statements.append((_UNSUPPORTED, {"pairs": sorted(unsure)}))
            yield Unit(statements)


def _write_units(todo: Plan) -> Iterator[Unit]:
    """Relationships created or updated, with the links they support, less the ones their old versions alone
    supported."""
    stored = todo.stored
    linked: set[Pair] = set()  # links that earlier units of this load made sure of
    for (rel_type, how), rels in sorted(todo.writes.items()):
        if how == "create":
            write = (f"UNWIND $rows AS row MATCH (s:Actor {{id: row[0]}}) MATCH (t:Actor {{id: row[1]}}) "
                     f"CREATE (s)-[:{rel_type} {RELATION_MAP}]->(t)")
        else:
            write = f"UNWIND $rows AS row MATCH ()-[r:{rel_type} {{id: row[2]}}]->() SET r = {RELATION_MAP}"
        for batch in _batches(rels):
            rows = [relation_values(rel, todo.data.types) for rel in batch]
            statements: list[Statement] = [(write, {"rows": rows})]
            supported: set[Pair] = {(cited, end) for row in rows for cited in row[19] for end in row[:2]}
            # a link from a source or to an actor that the database did not hold cannot exist yet
            fresh: list[Pair] = []
            known: list[Pair] = []
            for pair in sorted(supported - linked):
                new = pair[0] not in stored.sources or pair[1] not in stored.actors
                (fresh if new else known).append(pair)
            linked |= supported
            for pairs, make in ((fresh, "CREATE"), (known, "MERGE")):
                if pairs:  # grouped by source, which is then looked up once
                    statements.append((
                        "UNWIND $links AS link MATCH (s:Source {id: link[0]}) UNWIND link[1] AS actor "
                        f"MATCH (a:Actor {{id: actor}}) {make} (s)-[:{SOURCE_LINK}]->(a)",
                        {"links": _by_source(pairs)}))
            old: set[Pair] = set().union(*(todo.updated.get(rel.id, ()) for rel in batch))
            if old - supported:
                statements.append((_UNSUPPORTED, {"pairs": sorted(old - supported)}))
            yield Unit(statements, len(batch), adds=how == "create")


def _ahead(items: Iterator[T], depth: int = 2) -> Iterator[T]:
    """``items``, produced by a thread up to ``depth`` ahead: rows are built while the server writes."""
    ready: queue.Queue[tuple[bool, Any]] = queue.Queue(depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in items:
                while not stop.is_set():
                    try:
                        ready.put((True, item), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            ready.put((False, None))
        except BaseException as exc:  # handed to the consumer, which raises it
            ready.put((False, exc))

    thread = threading.Thread(target=produce, name="relgraph-load-rows", daemon=True)
    thread.start()
    try:
        while True:
            more, item = ready.get()
            if not more:
                if item is not None:
                    raise item
                return
            yield item
    finally:
        stop.set()


Stage = Literal["planning", "one transaction", "committing", "batches", "finishing", "done"]


@dataclass
class Load:
    """One load of ``data``, and how far it got: what :class:`~relgraph.store.neo4j.Neo4jStore` reports
    when something stops it.

    ``stage`` is ``planning`` (nothing written), ``one transaction`` (a small load, all or nothing),
    ``committing`` (its commit), ``batches`` (a big load under way: ``written`` of ``total`` relations
    committed, the journal marking it unfinished), ``finishing`` (the transaction that deletes the
    journal) or ``done``.
    """

    data: Dataset
    prune: bool = False
    progress: Progress | None = None
    waiting: Callable[[], None] | None = None
    stage: Stage = "planning"
    written: int = 0
    total: int = 0

    def run(self, tx: ManagedTransaction, sessions: Callable[[], Session]) -> WriteSummary:
        """Plan under the lock taken in ``tx``, then write in ``tx`` (small loads) or in batches, in
        sessions opened by ``sessions``.

        Meant as the work of ``execute_write``: the driver may run it again after a transient failure.
        """
        self.stage, self.written = "planning", 0
        take_lock(tx, load=True, waiting=self.waiting)
        todo = plan(tx, self.data, prune=self.prune)
        self.total = sum(map(len, todo.writes.values()))
        if todo.size <= ONE_TRANSACTION:
            self.stage = "one transaction"
            for unit in _ahead(units(todo)):
                self._send(tx, unit)
            if todo.stored.unfinished is not None:
                tx.run(f"MATCH (j:{JOURNAL}) DELETE j").consume()
            self.stage = "committing"  # the driver commits as soon as this returns
            return todo.summary
        try:
            self._in_batches(todo, sessions)
        except Exception as exc:
            # Not to be retried from the start: what is committed stays, under the journal.
            raise Stopped(self, exc) from exc
        self.stage = "done"
        return todo.summary

    def _send(self, tx: AnyTransaction, unit: Unit) -> None:
        for query, params in unit.statements:
            tx.run(query, params)  # the driver waits for a statement's result only when the next is run
        self._count(unit)

    def _in_batches(self, todo: Plan, sessions: Callable[[], Session]) -> None:
        with contextlib.ExitStack() as opened:
            idle: queue.SimpleQueue[Session] = queue.SimpleQueue()
            for _ in range(WRITERS):
                idle.put(opened.enter_context(sessions()))

            def commit(unit: Unit) -> None:
                session = idle.get()  # a session serves one thread at a time
                try:
                    session.execute_write(_commit, unit)
                finally:
                    idle.put(session)
                unit.release()

            commit(Unit([(f"MERGE (j:{JOURNAL} {{name: 'load'}}) ON CREATE SET j.started = datetime() "
                          "SET j.relations = $relations, j.prune = $prune",
                          {"relations": len(self.data.relations), "prune": self.prune})]))
            self.stage = "batches"
            under_way: dict[Future[None], Unit] = {}
            with ThreadPoolExecutor(WRITERS, thread_name_prefix="relgraph-load") as pool:
                try:
                    for unit in _ahead(units(todo)):
                        # an update or a delete must see every unit before it committed, and be seen by
                        # every unit after it
                        while under_way and (not unit.adds or len(under_way) >= WRITERS):
                            self._settle(under_way, wait(under_way, return_when=FIRST_COMPLETED).done)
                        if unit.adds:
                            under_way[pool.submit(commit, unit)] = unit
                        else:
                            commit(unit)
                            self._count(unit)
                    self._settle(under_way, wait(under_way).done)
                except BaseException:
                    # what is under way commits or fails before the load says how far it got
                    wait(under_way)
                    self.written += sum(unit.relations for future, unit in under_way.items()
                                        if future.exception() is None)
                    raise
            self.stage = "finishing"
            commit(Unit([(f"MATCH (j:{JOURNAL}) DELETE j", {})]))

    def _settle(self, under_way: dict[Future[None], Unit], done: set[Future[None]]) -> None:
        for future in done:
            future.result()  # raises what stopped the unit, which stays under way
            self._count(under_way.pop(future))

    def _count(self, unit: Unit) -> None:
        if unit.relations:
            self.written += unit.relations
            if self.progress:
                self.progress(self.written)


def _commit(tx: ManagedTransaction, unit: Unit) -> None:
    for query, params in unit.statements:
        tx.run(query, params).consume()


class Stopped(Exception):
    """A load written in batches stopped part way; ``cause`` says why, ``load`` how far it got."""

    def __init__(self, load: Load, cause: Exception) -> None:
        super().__init__(str(cause))
        self.load, self.cause = load, cause

