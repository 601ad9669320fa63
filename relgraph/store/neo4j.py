"""The Neo4j store: connect, load a dataset in bounded memory, read snapshots with Cypher on the server.

Every value goes to Cypher as a parameter. Relationship types and labels,
which Cypher cannot take as parameters, are spliced only from the validated
vocabulary through :func:`~relgraph.store.graph_shape.neo4j_type` and from
:data:`~relgraph.store.graph_shape.KIND_LABELS`. The graph shape is described
in :mod:`relgraph.store.graph_shape` and ``cypher/README.md``; what a load
does, step by step, in :mod:`relgraph.store.loading`.

Guarantees (also in the README):

* a load that writes up to :data:`~relgraph.store.loading.ONE_TRANSACTION`
  records is all or nothing, in one transaction; it is retried, as the
  driver's managed transactions retry, when the server reports a transient
  failure (a deadlock, a leader switch), and otherwise rolled back;
* a bigger load is written in batches of
  :data:`~relgraph.store.loading.BATCH` (up to
  :data:`~relgraph.store.loading.WRITERS` at a time), each retried likewise,
  behind a journal node: if it stops part way, the journal stays, readers
  refuse the database, and loading the same dataset again writes exactly
  what is missing and removes the journal;
* loads into one database run one after the other, each waiting for the
  one before (``waiting`` is told), so one relation id is one relationship;
* a snapshot takes the same lock, so it sees the database before a load or
  after it, never in between (its second reader, in a transaction of its
  own, starts once the first holds the lock, and no load commits until the
  first ends);
* messages never carry credentials: a URI's ``user:password@`` part and the
  password are scrubbed from whatever the driver says.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, Literal

from relgraph.collector import paused_collector
from relgraph.dates import DEFAULT_EVENT_WINDOW, Duration
from relgraph.errors import StoreError, StoreUnavailable, scrub
from relgraph.model import BUILTIN_TYPES, Dataset, RelationType
from relgraph.records import Record, actor_record, source_record
from relgraph.store import loading
from relgraph.store.base import Progress, Shown, WriteSummary
from relgraph.store.graph_shape import (
    ACTOR_FIELDS,
    CITATION_FIELDS,
    OPEN_START,
    RELATION_FIELDS,
    SOURCE_FIELDS,
    actor_from,
    cite,
    fields,
    neo4j_type,
    relation_from,
    relation_records_from,
    source_from,
    type_from,
)

if TYPE_CHECKING:
    from neo4j import Driver, ManagedTransaction

__all__ = ["SCHEMES", "Neo4jStore", "quiet_driver", "schema_statements"]

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
"""The URI schemes relgraph talks to Neo4j with: Bolt to one server, ``neo4j`` with routing to a cluster."""


def schema_statements(types: Iterable[RelationType]) -> list[str]:
    """Constraints and indexes, idempotent (``IF NOT EXISTS``): the content of ``cypher/schema.cypher``.

    Relationship indexes in Neo4j are per type, so each type in use gets a
    uniqueness constraint on ``id`` and range indexes on ``first`` and ``last``,
    which every snapshot query compares with its date.
    """
    statements = [
        "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
        "CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE",
        "CREATE CONSTRAINT relation_type_name IF NOT EXISTS FOR (t:RelationType) REQUIRE t.name IS UNIQUE",
        "CREATE CONSTRAINT relgraph_lock_name IF NOT EXISTS FOR (l:RelgraphLock) REQUIRE l.name IS UNIQUE",
        "CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind)",
    ]
    for rtype in sorted(types, key=lambda t: t.name):
        rel = neo4j_type(rtype.name)
        low = rel.lower()
        statements.append(
            f"CREATE CONSTRAINT {low}_id IF NOT EXISTS FOR ()-[r:{rel}]-() REQUIRE r.id IS UNIQUE")
        statements += [f"CREATE INDEX {low}_{prop} IF NOT EXISTS FOR ()-[r:{rel}]-() ON (r.{prop})"
                       for prop in ("first", "last")]
    return statements


_MORE_MEMORY = ("give the server a larger heap (relgraph neo4j start --heap 2g, or "
                "server.memory.heap.max_size) or a higher dbms.memory.transaction.total.max")


def _failed_load(where: str, code: str, message: str) -> str:
    """One sentence for a load the server refused before anything was committed, and what to do."""
    if "MemoryPoolOutOfMemoryError" in code:
        return (f"Neo4j at {where} ran out of transaction memory, so nothing was written: {_MORE_MEMORY}. "
                f"The server said: {message}")
    return f"Neo4j at {where} refused the load, so nothing was written ({code}): {message}"


def _refused(code: str, message: str) -> str:
    """Why the server refused a batch of a load."""
    if "MemoryPoolOutOfMemoryError" in code:
        return f"Neo4j ran out of transaction memory for a batch ({_MORE_MEMORY}; it said: {message})"
    return f"Neo4j refused a batch ({code}: {message})"


def quiet_driver() -> None:
    """The driver logs warnings (routing, retries) through logging's last resort, to stderr: relgraph says
    what happened itself, in one line, so the driver's own lines go nowhere."""
    logger = logging.getLogger("neo4j")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    logger.propagate = False


class Neo4jStore:
    """A Neo4j database reached over Bolt.

    ``uri`` is ``bolt://`` or ``neo4j://`` (with ``+s``/``+ssc`` for TLS; see
    :data:`SCHEMES`); ``database`` ``None`` means the server's default.
    Connecting checks reachability and credentials at once, raising
    :class:`~relgraph.errors.StoreUnavailable` with one clear sentence.
    ``waiting`` is called once when a load or a read has to wait for another
    load into the same database.
    """

    def __init__(self, uri: str, username: str = "neo4j", password: str | None = None,
                 database: str | None = None, *, waiting: Callable[[], None] | None = None) -> None:
        self.uri, self.database, self.waiting = uri, database, waiting
        self._secrets = [password] if password else []
        self.shown = scrub(uri, self._secrets)
        scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
        if scheme not in SCHEMES:
            raise StoreUnavailable(f"{self.shown} is not a Neo4j URI relgraph can use: give bolt://HOST:7687 "
                                   "or neo4j://HOST:7687 (or their +s and +ssc forms for TLS); Neo4j "
                                   "Browser's http:// address is not one")
        if not password:
            raise StoreUnavailable(f"no password for Neo4j at {self.shown}: set NEO4J_PASSWORD "
                                   f"(user {username!r}, or NEO4J_USERNAME)")
        self._connect(username, password)

    def _connect(self, username: str, password: str) -> None:
        import neo4j
        from neo4j import exceptions

        quiet_driver()
        try:
            self._driver: Driver = neo4j.GraphDatabase.driver(
                self.uri, auth=(username, password), connection_timeout=10,
                notifications_min_severity="OFF")
            self._driver.verify_connectivity()
            self._driver.execute_query("RETURN 1", database_=self.database)
        except exceptions.AuthError:
            self.close()
            raise StoreUnavailable(f"Neo4j at {self.shown} refused the credentials for user {username!r} "
                                   "(check NEO4J_USERNAME and NEO4J_PASSWORD)") from None
        except exceptions.ServiceUnavailable:
            self.close()
            raise StoreUnavailable(f"cannot reach Neo4j at {self.shown}: is the server running? "
                                   "(relgraph neo4j start, or see the README)") from None
        except exceptions.ClientError as exc:
            self.close()
            if "DatabaseNotFound" in (exc.code or "") or "database" in (exc.code or "").lower():
                raise StoreUnavailable(f"Neo4j at {self.shown} has no database {self.database!r}") from None
            message = f"Neo4j at {self.shown} refused the connection: {exc.message}"
            raise StoreUnavailable(self._scrub(message)) from None
        except (exceptions.ConfigurationError, ValueError) as exc:
            self.close()
            message = f"not a Neo4j URI relgraph can use: {self.shown} ({exc})"
            raise StoreUnavailable(self._scrub(message)) from None

    def _scrub(self, text: str) -> str:
        return scrub(text, self._secrets)

    def close(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _session(self, write: bool = False) -> Any:
        import neo4j

        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        return self._driver.session(database=self.database, default_access_mode=mode)

    # -- schema ---------------------------------------------------------------------------------

    def init(self, types: Iterable[RelationType] = BUILTIN_TYPES.values()) -> list[str]:
        """Create the constraints and indexes that are missing (idempotent); return the schema's statements.

        Rules already there are not created again, so that loads running together do not contend for the
        schema; the ones that are run retry on a transient failure, as managed transactions do.
        """
        from neo4j import exceptions

        statements = schema_statements(types)
        existing = {r["name"] for r in self.query("SHOW INDEXES YIELD name RETURN name")}
        with self._session(write=True) as session:
            for statement in statements:
                if statement.split(" IF NOT EXISTS")[0].split()[-1] in existing:
                    continue
                try:
                    session.execute_write(lambda tx, s=statement: tx.run(s).consume())
                except exceptions.ClientError as exc:
                    # IF NOT EXISTS is not proof against another load creating the same rule at once
                    if "AlreadyExists" not in (exc.code or ""):
                        raise
        return statements

    # -- writing --------------------------------------------------------------------------------

    def write(self, data: Dataset, *, prune: bool = False, progress: Progress | None = None) -> WriteSummary:
        """Make the database hold ``data`` (:mod:`relgraph.store.loading`); unchanged records are left alone.

        Without ``prune``, records in the database that ``data`` lacks are kept
        (counted as ``removed=0``, their ids in the summary's ``stale``); with
        it they are deleted. A load that writes up to
        :data:`~relgraph.store.loading.ONE_TRANSACTION` records is one
        transaction; a bigger one is written in batches behind a journal that
        the next load finishes if this one stops. ``progress`` is called with
        the number of relations written after each batch (from 0 again if a
        transient failure makes the load start over).
        """
        from neo4j import exceptions

        spliced: dict[str, str] = {}
        for name in data.types:  # refuse a type that cannot be spliced, before anything is written
            other = spliced.setdefault(neo4j_type(name), name)
            if other != name:
                raise StoreError(f"relation types {other!r} and {name!r} would both be {neo4j_type(name)} in "
                                 "Neo4j: rename one")
        load = loading.Load(data, prune=prune, progress=progress, waiting=self.waiting)
        try:
            self.init(data.types.values())
            # the rows, fingerprints and batches of a large load would set off full passes of the collector
            # over the dataset held in memory: 4 s of the client's 11 s of CPU at 300k relations
            with self._session(write=True) as session, paused_collector():
                return session.execute_write(load.run, lambda: self._session(write=True))
        except KeyboardInterrupt:
            raise StoreError(self._stopped(load, "interrupted")) from None
        except loading.Stopped as stopped:
            cause = stopped.cause
            if isinstance(cause, exceptions.Neo4jError):
                why = _refused(cause.code or "", cause.message or "")
            elif isinstance(cause, exceptions.IncompleteCommit):
                why = "the connection broke while a batch was committing"
            elif isinstance(cause, exceptions.DriverError):
                why = f"lost Neo4j ({cause})"
            else:  # not the server's doing: what is written stays, under the journal, as for any stop
                raise cause from None
            raise StoreError(self._scrub(self._stopped(load, why))) from None
        except exceptions.Neo4jError as exc:
            message = _failed_load(self.shown, exc.code or "", exc.message or "")
            raise StoreError(self._scrub(message)) from None
        except exceptions.IncompleteCommit:
            raise StoreError(f"the connection to Neo4j at {self.shown} broke while the load was "
                             "committing, so it may or may not have been written; load again (a load "
                             "that is already there changes nothing)") from None
        except exceptions.DriverError as exc:
            raise StoreError(self._scrub(f"lost Neo4j at {self.shown} during the load ({exc}); "
                                         "nothing was written")) from None

    def _stopped(self, load: loading.Load, why: str) -> str:
        """What a load that stopped left in the database, by how far it got."""
        if load.stage in ("planning", "one transaction"):
            return f"{why}: the load into Neo4j at {self.shown} was rolled back, nothing was written"
        if load.stage == "committing":
            return (f"{why} while committing to Neo4j at {self.shown}, so the load may or may not have been "
                    "written; load again to be sure (a load that is already there changes nothing)")
        if load.stage == "batches":
            return (f"{why}: the load into Neo4j at {self.shown} stopped after writing {load.written:,} of "
                    f"{load.total:,} relations in batches; the database is marked as holding an unfinished "
                    "load, which relgraph will not read: load the same dataset again to finish it")
        return (f"{why} while finishing the load into Neo4j at {self.shown}: every batch is written, but the "
                "database may still be marked as holding an unfinished load; load again to be sure (it "
                "writes only what is missing)")

    def stale(self, data: Dataset) -> list[str]:
        """Ids of relations in the database that ``data`` lacks: what ``write(prune=True)`` would delete."""
        records, _, _ = self._driver.execute_query(
            "MATCH ()-[r]->() WHERE r.hash IS NOT NULL RETURN DISTINCT r.id AS id", database_=self.database)
        return sorted({r["id"] for r in records} - data.relations.keys())

    def check(self) -> list[str]:
        """What is wrong with the database as relgraph left it: a load that stopped part way, relation ids
        stored more than once.

        A load of the same dataset finishes the unfinished one; a load repairs the ids its dataset holds,
        ``--prune`` the others. Waits for a load under way, as readers do.
        """
        from neo4j import exceptions

        def work(tx: ManagedTransaction, lock: bool) -> list[str]:
            if lock:
                loading.take_lock(tx, load=False, waiting=self.waiting, refuse_unfinished=False)
            left = loading.unfinished(tx)
            records = tx.run("MATCH ()-[r]->() WHERE r.hash IS NOT NULL "
                             "WITH r.id AS id, collect(type(r)) AS types "
                             "WHERE size(types) > 1 RETURN id, types ORDER BY id")
            twice = [f"relation {r['id']!r} is stored {len(r['types'])} times "
                     f"({', '.join(sorted(r['types']))}): load a dataset that holds it, or load with "
                     "--prune, to make it one" for r in records]
            return ([left] if left else []) + twice

        try:
            with self._session(write=True) as session:
                return session.execute_write(work, True)
        except exceptions.Forbidden:
            with self._session() as session:
                return session.execute_read(work, False)

    # -- reading --------------------------------------------------------------------------------

    def read(self) -> Dataset:
        """Everything in the database, as a dataset."""
        return self._consistent(None, None, evidence=True).dataset()

    def at(self, day: date, window: Duration | None = DEFAULT_EVENT_WINDOW) -> Dataset:
        """The relations a snapshot on ``day`` shows, selected by Cypher on the server, with the actors they
        link and the sources they cite."""
        return self._consistent(day, window, evidence=True).dataset()

    def records(self, day: date, window: Duration | None = DEFAULT_EVENT_WINDOW, *,
                evidence: bool = True) -> Shown:
        """What :meth:`at` reads, as the records of the snapshot's graph; citations only with ``evidence``.

        The rows of each relation type, with the actors and sources they bring
        in, become records here while the server reads the next type in another
        thread, so that the two overlap: once the last type is in, what is left
        is sorting.
        """
        import queue

        arrived: queue.SimpleQueue[_Part | _Done | None] = queue.SimpleQueue()
        done = _Done()

        def read() -> None:
            try:
                done.fetched = self._consistent(day, window, evidence=evidence, each=arrived.put)
            except BaseException as exc:  # handed to the caller's thread
                done.failure = exc
            arrived.put(done)

        threading.Thread(target=read, name="relgraph-snapshot-read", daemon=True).start()
        relations: list[Record] = []
        actors: list[Record] = []
        cited: dict[str, Record] = {}
        uncited: list[tuple[list[Record], _Part]] = []  # citing a source the other reader has yet to hand in
        dates: dict[str, Any] = {}
        while not isinstance(item := arrived.get(), _Done):
            if item is None:  # the transaction starts (again, if the driver retries it)
                relations, actors, cited, uncited = [], [], {}, []
                continue
            actors += [actor_record(actor_from(row)) for row in item.actors]
            records = relation_records_from(item.rows, item.name, item.rtype, dates=dates)
            if evidence:
                cited.update((row[0], source_record(source_from(row))) for row in item.sources)
                uncited.append((records, item))
                for waiting in [w for w in uncited if cited.keys() >= w[1].cites]:
                    cite(waiting[0], waiting[1].rows, cited)
                    uncited.remove(waiting)
            relations += records
        if item.failure is not None:
            raise item.failure
        assert item.fetched is not None
        for records, part in uncited:  # a source cited but not in the database fails here, as it should
            cite(records, part.rows, cited)
        relations.sort(key=itemgetter("id"))
        actors.sort(key=itemgetter("id"))
        return Shown(actors, relations, item.fetched.types, evidence=evidence)

    def _consistent(self, day: date | None, window: Duration | None, *, evidence: bool,
                    each: _Each | None = None) -> _Fetched:
        """:func:`_fetch` in a transaction that holds the load lock, so that it reads the database wholly
        before or wholly after any load (a user who may only read cannot take the lock: reads without it).

        A second reader, started once the lock is held, shares the work: no load can commit until the
        first transaction ends, so both see the same database.
        """
        from neo4j import exceptions

        def beside(work: Callable[[Any], list[_Part]]) -> list[_Part]:
            # not a managed transaction: a retry of this reader alone would lose the type it was reading;
            # its failure ends the first reader's transaction, which the driver retries whole. A write
            # session, as the first reader's, so that on a cluster both read the same member.
            with self._session(write=True) as session, session.begin_transaction() as tx:
                return work(tx)

        def locked(tx: ManagedTransaction) -> _Fetched:
            loading.take_lock(tx, load=False, waiting=self.waiting)
            return _fetch(tx, day, window, evidence=evidence, each=each, beside=beside)

        try:
            with self._session(write=True) as session:
                return session.execute_write(locked)
        except exceptions.Forbidden:
            # one reader: without the lock, a second could read another state (on a cluster, another member)
            with self._session() as session:
                return session.execute_read(_fetch, day, window, evidence=evidence, each=each)
        except exceptions.DriverError as exc:
            raise StoreUnavailable(self._scrub(f"lost Neo4j at {self.shown} while reading ({exc})")) from None

    def query(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        """Run a read query (such as those in ``cypher/``) with parameters; rows as dicts."""
        records, _, _ = self._driver.execute_query(cypher, params, database_=self.database,
                                                   routing_="r")
        return [r.data() for r in records]


@dataclass
class _Fetched:
    """The rows a read takes from the database inside its transaction; turned into objects after it, so
    that the load lock is held no longer than the transfer."""

    types: dict[str, RelationType]
    relations: list[tuple[str, list[list[Any]]]]  # (type name, rows): stance types, then events
    actors: list[list[Any]]
    sources: list[list[Any]] | None  # None: citations were not read

    def dataset(self) -> Dataset:
        sources = {row[0]: source_from(row) for row in self.sources or ()}
        relations = sorted((relation_from(row, name, sources) for name, rows in self.relations
                            for row in rows), key=attrgetter("id"))
        return Dataset(actors={row[0]: actor_from(row) for row in self.actors},
                       relations={r.id: r for r in relations}, sources=sources, types=self.types)



@dataclass
class _Done:
    """The end of a read in its thread: what it fetched, or how it failed."""

    fetched: _Fetched | None = None
    failure: BaseException | None = None


@dataclass
class _Part:
    """One relation type's rows as a snapshot reads them, with the rows of the actors and sources they
    bring in (those no other part of the read brought in)."""

    name: str
    rtype: RelationType | None
    rows: list[list[Any]]
    actors: list[list[Any]]
    sources: list[list[Any]]
    cites: set[str] = field(default_factory=set)  # every source the rows cite, brought in or not


_Each = Callable[[_Part | None], None]
"""Told ``None`` as a read's transaction starts (again, on a retry), then each type's part (from either
reader's thread)."""

_Beside = Callable[[Callable[[Any], list[_Part]]], list[_Part]]
"""Runs a reader in a second transaction and returns what it read."""


class _Reading:
    """What the readers of one snapshot share: the relation types still to read (stances first), and the
    ids of the actors and sources some reader has already fetched, so that none is fetched twice."""

    def __init__(self, order: list[tuple[str, RelationType]]) -> None:
        self._lock = threading.Lock()
        self._todo = iter(order)
        self.rank = {name: i for i, (name, _) in enumerate(order)}
        self.linked: set[str] = set()
        self.cited: set[str] = set()

    def next_type(self) -> tuple[str, RelationType] | None:
        with self._lock:
            return next(self._todo, None)

    def stop(self) -> None:
        """Hand out no more types."""
        with self._lock:
            self._todo = iter(())

    def claim(self, held: set[str], ids: set[str]) -> set[str]:
        """Those of ``ids`` not yet in ``held`` (now added to it)."""
        with self._lock:
            fresh = ids - held
            held |= fresh
            return fresh


def _fetch(tx: ManagedTransaction, day: date | None, window: Duration | None, *, evidence: bool,
           each: _Each | None = None, beside: _Beside | None = None) -> _Fetched:
    """The relations shown on ``day`` (every relation for ``None``) as compact rows, with the actors they link
    and, with ``evidence``, the sources they cite; for the whole database, every actor and source.

    For a day, each type's actors and sources are read right after its relations, so that ``each``, handed
    them as they arrive, can turn them into records while the server reads the next type. ``beside`` runs a
    second reader in a transaction of its own: Neo4j Community runs a query on one core, and the types are
    shared out between the two readers as each finishes one.
    """
    if each is not None:
        each(None)
    types = dict(BUILTIN_TYPES)
    types |= {r["t"]["name"]: type_from(r["t"]) for r in tx.run("MATCH (t:RelationType) RETURN t")}
    present = {r["type"] for r in tx.run("CALL db.relationshipTypes() YIELD relationshipType AS type")}
    # stances first: they hold for years, so a day's are many, and the client turns them into records while
    # the server reads the few events of the window
    reading = _Reading(sorted(((name, rtype) for name, rtype in types.items() if neo4j_type(name) in present),
                              key=lambda item: (item[1].kind != "stance", item[0])))
    theirs = _parts_beside(beside, day, window, evidence, each, reading) if beside is not None else None
    try:
        mine = _read_parts(tx, day, window, evidence, each, reading)
    except BaseException:
        if theirs is not None:  # so that no part of this try reaches ``each`` after a retry starts
            reading.stop()
            theirs(failed=True)
        raise
    mine += theirs() if theirs is not None else []
    done = sorted(mine, key=lambda part: reading.rank[part.name])
    relations = [(part.name, part.rows) for part in done]
    if day is None:
        everything = _nodes(tx, "Actor", ACTOR_FIELDS), _nodes(tx, "Source", SOURCE_FIELDS)
        return _Fetched(types, relations, *everything)
    actors = sorted(chain.from_iterable(part.actors for part in done), key=itemgetter(0))
    sources = sorted(chain.from_iterable(part.sources for part in done), key=itemgetter(0))
    return _Fetched(types, relations, actors, sources if evidence else None)


def _parts_beside(beside: _Beside, day: date | None, window: Duration | None, evidence: bool,
                  each: _Each | None, reading: _Reading) -> Callable[..., list[_Part]]:
    """Start a second reader in its own thread; return the wait for its parts, which raises its failure
    unless told that the first reader ``failed``."""
    outcome: list[Any] = []

    def second() -> None:
        try:
            outcome.append(beside(lambda tx: _read_parts(tx, day, window, evidence, each, reading)))
        except BaseException as exc:  # handed to the first reader's thread
            outcome.append(exc)

    thread = threading.Thread(target=second, name="relgraph-snapshot-beside", daemon=True)
    thread.start()

    def wait(failed: bool = False) -> list[_Part]:
        thread.join()
        if isinstance(outcome[0], BaseException):
            if failed:
                return []
            raise outcome[0]
        return outcome[0]

    return wait


def _read_parts(tx: Any, day: date | None, window: Duration | None, evidence: bool, each: _Each | None,
                reading: _Reading) -> list[_Part]:
    """Read relation types as ``reading`` hands them out, each with the actors and sources it brings in."""
    row = f"[s.id, t.id] + {fields('r', RELATION_FIELDS + (CITATION_FIELDS if evidence else ()))}"
    parts = []
    while (item := reading.next_type()) is not None:
        name, rtype = item
        params: dict[str, Any] = {}
        if day is None:
            where = ""
        elif rtype.kind == "stance":
            where, params = "WHERE r.first <= $day AND r.last >= $day", {"day": day}
        else:
            since = window.before(day) if window is not None else OPEN_START
            where, params = "WHERE r.first <= $day AND r.last > $since", {"day": day, "since": since}
        # one list of rows per type: a record per relationship would cost the driver more than the rest
        query = f"MATCH (s:Actor)-[r:{neo4j_type(name)}]->(t:Actor) {where} RETURN collect({row}) AS rows"
        rows = tx.run(query, params).single(strict=True)["rows"]
        part = _Part(name, rtype, rows, [], [])
        if day is not None:
            ends = set(map(itemgetter(0), rows)).union(map(itemgetter(1), rows))
            ends = reading.claim(reading.linked, ends)
            part.actors = _nodes(tx, "Actor", ACTOR_FIELDS, ends) if ends else []
            if evidence:
                part.cites = set(chain.from_iterable(filter(None, map(itemgetter(10), rows))))
                new = reading.claim(reading.cited, part.cites)
                part.sources = _nodes(tx, "Source", SOURCE_FIELDS, new) if new else []
        if each is not None:
            each(part)
        parts.append(part)
    return parts


def _nodes(tx: ManagedTransaction, label: Literal["Actor", "Source"], names: tuple[str, ...],
           ids: set[str] | None = None) -> list[list[Any]]:
    """The rows of the ``:Actor`` or ``:Source`` nodes with ``ids`` (every one for ``None``), by id."""
    row = fields("n", names)
    if ids is None:
        query = f"MATCH (n:{label}) WITH n ORDER BY n.id RETURN collect({row})"
    else:  # the ids sorted here, each found through the id's unique index
        query = f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN collect({row})"
    return tx.run(query, ids=sorted(ids or ())).single(strict=True)[0]
