"""The Neo4j store: load a dataset in one transaction, read snapshots with Cypher on the server.

Every value goes to Cypher as a parameter. Relationship types and labels,
which Cypher cannot take as parameters, are spliced only from the validated
vocabulary through :func:`~relgraph.store.graph_shape.neo4j_type` and from
:data:`~relgraph.store.graph_shape.KIND_LABELS`. The graph shape is described
in :mod:`relgraph.store.graph_shape` and ``cypher/README.md``.

A load (:meth:`Neo4jStore.write`) is all or nothing: it runs in one explicit
transaction, rolled back on any failure. It is idempotent: each record
carries a content fingerprint, so records whose fingerprint is unchanged are
not written again; relations new to the database are created, the others merged on their id.
The links from sources to the actors they speak about follow the relations
written, and a link no relation supports any more is removed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from relgraph.dates import DEFAULT_EVENT_WINDOW, Duration
from relgraph.errors import StoreError, StoreUnavailable
from relgraph.model import BUILTIN_TYPES, Dataset, RelationType
from relgraph.store.base import Counts, Progress, WriteSummary
from relgraph.store.graph_shape import (
    DEAL_LABEL,
    KIND_LABELS,
    OPEN_START,
    SOURCE_LINK,
    actor_from,
    actor_labels,
    actor_row,
    neo4j_type,
    relation_from,
    relation_row,
    source_from,
    source_row,
    type_from,
    type_row,
)

if TYPE_CHECKING:
    from neo4j import Driver, ManagedTransaction, Transaction

__all__ = ["BATCH", "Neo4jStore", "schema_statements"]

BATCH = 10_000
"""Rows sent per ``UNWIND $rows`` statement."""


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


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), BATCH):
        yield rows[i:i + BATCH]


Stored = dict[str, tuple[str, str, str, str]]
"""Relation id -> (type, source id, target id, fingerprint) of what the database holds."""


def _by_type(ids: list[str], old: Stored) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Batches of ``{"id": ...}`` rows for relations ``ids``, grouped by their stored relationship type."""
    for name in sorted({old[i][0] for i in ids}):
        for batch in _batches([{"id": i} for i in ids if old[i][0] == name]):
            yield neo4j_type(name), batch


def _safe_uri(uri: str) -> str:
    """The URI without any user:password part, fit to show."""
    return re.sub(r"//[^/@]*@", "//", uri)


def _failed_load(where: str, code: str, message: str) -> str:
    """One sentence for a load the server refused, saying that it wrote nothing and what to do."""
    if "MemoryPoolOutOfMemoryError" in code:
        return (f"Neo4j at {where} ran out of transaction memory, so nothing was written: a load is "
                "one transaction, and this one needs more than the server allows. Give the server a "
                "larger heap (relgraph neo4j start --heap 12g, or server.memory.heap.max_size) or a "
                f"higher db.memory.transaction.total.max. The server said: {message}")
    return f"Neo4j at {where} refused the load, so nothing was written ({code}): {message}"


class Neo4jStore:
    """A Neo4j database reached over Bolt.

    ``uri`` is ``bolt://`` or ``neo4j://`` (with ``+s``/``+ssc`` for TLS);
    ``database`` ``None`` means the server's default. Connecting checks
    reachability and credentials at once, raising
    :class:`~relgraph.errors.StoreUnavailable` with one clear sentence.
    """

    def __init__(self, uri: str, username: str = "neo4j", password: str | None = None,
                 database: str | None = None) -> None:
        import neo4j
        from neo4j import exceptions

        self.uri, self.database = uri, database
        shown = _safe_uri(uri)
        try:
            self._driver: Driver = neo4j.GraphDatabase.driver(
                uri, auth=(username, password or ""), connection_timeout=10,
                notifications_min_severity="OFF")
            self._driver.verify_connectivity()
            self._driver.execute_query("RETURN 1", database_=database)
        except exceptions.AuthError:
            self.close()
            raise StoreUnavailable(f"Neo4j at {shown} refused the credentials for user {username!r} "
                                   "(check NEO4J_USERNAME and NEO4J_PASSWORD)") from None
        except exceptions.ServiceUnavailable:
            self.close()
            raise StoreUnavailable(f"cannot reach Neo4j at {shown}: is the server running? "
                                   "(relgraph neo4j start, or see the README)") from None
        except exceptions.ClientError as exc:
            self.close()
            if "database" in (exc.code or "").lower() or "DatabaseNotFound" in (exc.code or ""):
                raise StoreUnavailable(f"Neo4j at {shown} has no database {database!r}") from None
            raise StoreUnavailable(f"Neo4j at {shown} refused the connection: {exc.message}") from None
        except (exceptions.ConfigurationError, ValueError) as exc:
            self.close()
            raise StoreUnavailable(f"not a Neo4j URI: {shown} ({exc})") from None

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
        """Create the constraints and indexes (idempotent); return the statements run."""
        statements = schema_statements(types)
        with self._session(write=True) as session:
            for statement in statements:
                session.run(statement).consume()
        return statements

    # -- writing --------------------------------------------------------------------------------

    def write(self, data: Dataset, *, prune: bool = False, progress: Progress | None = None) -> WriteSummary:
        """Load ``data`` in one transaction; unchanged records are left alone.

        Without ``prune``, records in the database that ``data`` lacks are kept
        and counted as ``removed=0``; :meth:`stale` lists them. With ``prune``
        they are deleted. ``progress`` is called with the number of relations
        written after each batch.
        """
        from neo4j import exceptions

        spliced: dict[str, str] = {}
        for name in data.types:  # refuse a type that cannot be spliced, before anything is written
            other = spliced.setdefault(neo4j_type(name), name)
            if other != name:
                raise StoreError(f"relation types {other!r} and {name!r} would both be {neo4j_type(name)} in "
                                 "Neo4j: rename one")
        try:
            self.init(data.types.values())
            with self._session(write=True) as session:
                tx = session.begin_transaction()
                try:
                    summary = self._write(tx, data, prune, progress)
                    tx.commit()
                except BaseException:
                    if not tx.closed():  # the server ends a transaction it failed; nothing to undo
                        tx.rollback()
                    raise
                finally:
                    tx.close()
        except exceptions.Neo4jError as exc:
            raise StoreError(_failed_load(_safe_uri(self.uri), exc.code or "", exc.message or "")) from None
        except exceptions.IncompleteCommit:
            raise StoreError(f"the connection to Neo4j at {_safe_uri(self.uri)} broke while the load was "
                             "committing, so it may or may not have been written; load again (a load "
                             "that is already there changes nothing)") from None
        except exceptions.DriverError as exc:
            raise StoreError(f"lost Neo4j at {_safe_uri(self.uri)} during the load ({exc}); "
                             "nothing was written") from None
        return summary

    def _write(self, tx: Transaction, data: Dataset, prune: bool, progress: Progress | None) -> WriteSummary:
        old_actors = {r["id"]: r["hash"] for r in tx.run("MATCH (a:Actor) RETURN a.id AS id, a.hash AS hash")}
        old_sources = {r["id"] for r in tx.run("MATCH (s:Source) RETURN s.id AS id")}
        old_rels = {r["id"]: (r["type"], r["source"], r["target"], r["hash"]) for r in tx.run(
            "MATCH (s:Actor)-[r]->(t:Actor) WHERE r.hash IS NOT NULL "
            "RETURN r.id AS id, r.type AS type, s.id AS source, t.id AS target, r.hash AS hash")}

        custom = [type_row(t) for t in data.custom_types.values()]
        tx.run("UNWIND $rows AS row MERGE (t:RelationType {name: row.name}) SET t = row", rows=custom)
        for batch in _batches([source_row(s) for s in data.sources.values()]):
            tx.run("UNWIND $rows AS row MERGE (s:Source {id: row.id}) SET s = row", rows=batch)
        actors = self._write_actors(tx, data, old_actors)

        relations = Counts()
        changed: list[str] = []  # ids already in the database whose new version differs
        # (type, new?) -> rows. The ids this transaction read are all the ids there are, so a
        # relation not among them is CREATEd, which skips MERGE's lookup; the id's uniqueness
        # constraint still guards against a concurrent writer.
        by_type: dict[tuple[str, bool], list[dict[str, Any]]] = defaultdict(list)
        links: set[tuple[str, str]] = set()  # (source id, actor id) that the written relations support
        for rel in data.relations.values():
            row = relation_row(rel, data.types)
            before = old_rels.get(rel.id)
            if before is not None and before[3] == row["props"]["hash"]:
                relations.unchanged += 1
                continue
            relations.created += before is None
            relations.updated += before is not None
            if before is not None:
                changed.append(rel.id)
            links.update((c.source.id, end) for c in rel.sources for end in (rel.source, rel.target))
            # a type or an end that changed cannot be updated in place: delete, then create afresh
            new = before is None or before[:3] != (rel.type, rel.source, rel.target)
            by_type[rel.type, new].append(row)
        gone = sorted(old_rels.keys() - data.relations.keys()) if prune else []
        # links the old versions of changed and deleted relations supported, to check once they are gone
        unsure = self._cited(tx, changed + gone, old_rels)
        moved = [i for i in changed if old_rels[i][:3] != (data.relations[i].type, data.relations[i].source,
                                                          data.relations[i].target)]
        self._delete_relations(tx, moved + gone, old_rels)
        written = 0
        for (name, new), rows in sorted(by_type.items()):
            rel_type = neo4j_type(name)
            write = (f"CREATE (s)-[r:{rel_type}]->(t)" if new
                     else f"MERGE (s)-[r:{rel_type} {{id: row.id}}]->(t)")
            for batch in _batches(rows):
                tx.run(f"UNWIND $rows AS row "
                       f"MATCH (s:Actor {{id: row.source}}) MATCH (t:Actor {{id: row.target}}) "
                       f"{write} SET r = row.props", rows=batch)
                written += len(batch)
                if progress:
                    progress(written)
        # a link can exist already only between a source and an actor that both did: the others are created
        fresh = {(s, a) for s, a in links if s not in old_sources or a not in old_actors}
        for new, pairs in ((True, fresh), (False, links - fresh)):
            for batch in _batches([{"source": s, "actor": a} for s, a in sorted(pairs)]):
                tx.run("UNWIND $rows AS row MATCH (s:Source {id: row.source}), (a:Actor {id: row.actor}) "
                       f"{'CREATE' if new else 'MERGE'} (s)-[:{SOURCE_LINK}]->(a)", rows=batch)
        for batch in _batches([{"source": s, "actor": a} for s, a in sorted(unsure - links)]):
            tx.run(f"UNWIND $rows AS row MATCH (s:Source {{id: row.source}})-[l:{SOURCE_LINK}]->"
                   "(a:Actor {id: row.actor}) "
                   "WHERE NOT EXISTS { MATCH (a)-[r]-(:Actor) WHERE row.source IN r.source_ids } DELETE l",
                   rows=batch)
        if prune:
            relations.removed = len(gone)
            actors.removed = self._prune(tx, data, old_actors)
        return WriteSummary(actors, relations)

    def _write_actors(self, tx: Transaction, data: Dataset, old: dict[str, str]) -> Counts:
        counts = Counts()
        by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for actor in data.actors.values():
            row = actor_row(actor)
            before = old.get(actor.id)
            if before == row["hash"]:
                counts.unchanged += 1
                continue
            counts.created += before is None
            counts.updated += before is not None
            by_kind[actor.kind].append(row)
        every_label = ":".join([*KIND_LABELS.values(), DEAL_LABEL])
        for kind, rows in by_kind.items():
            for batch in _batches(rows):
                tx.run(f"UNWIND $rows AS row MERGE (a:Actor {{id: row.id}}) "
                       f"REMOVE a:{every_label} SET a = row, a:{actor_labels(kind)}", rows=batch)
        return counts

    def _prune(self, tx: Transaction, data: Dataset, old_actors: dict[str, str]) -> int:
        """Delete the actors, sources and custom types ``data`` lacks; return how many actors went."""
        gone = sorted(old_actors.keys() - data.actors.keys())
        for batch in _batches([{"id": i} for i in gone]):
            tx.run("UNWIND $rows AS row MATCH (a:Actor {id: row.id}) DETACH DELETE a", rows=batch)
        tx.run("MATCH (s:Source) WHERE NOT s.id IN $keep DETACH DELETE s", keep=list(data.sources))
        tx.run("MATCH (t:RelationType) WHERE NOT t.name IN $keep DETACH DELETE t",
               keep=list(data.custom_types))
        return len(gone)

    def _cited(self, tx: Transaction, ids: list[str],
               old: Stored) -> set[tuple[str, str]]:
        """(source, actor) pairs that the stored versions of relations ``ids`` link."""
        pairs: set[tuple[str, str]] = set()
        for rel_type, batch in _by_type(ids, old):
            for r in tx.run(f"UNWIND $rows AS row MATCH (s)-[r:{rel_type} {{id: row.id}}]->(t) "
                            "RETURN s.id AS s, t.id AS t, r.source_ids AS cited", rows=batch):
                pairs.update((c, end) for c in r["cited"] or () for end in (r["s"], r["t"]))
        return pairs

    def _delete_relations(self, tx: Transaction, ids: list[str], old: Stored) -> None:
        for rel_type, batch in _by_type(ids, old):
            tx.run(f"UNWIND $rows AS row MATCH ()-[r:{rel_type} {{id: row.id}}]->() DELETE r", rows=batch)

    def stale(self, data: Dataset) -> list[str]:
        """Ids of relations in the database that ``data`` lacks: what ``write(prune=True)`` would delete."""
        records, _, _ = self._driver.execute_query(
            "MATCH ()-[r]->() WHERE r.hash IS NOT NULL RETURN r.id AS id", database_=self.database)
        return sorted({r["id"] for r in records} - data.relations.keys())

    # -- reading --------------------------------------------------------------------------------

    def read(self) -> Dataset:
        """Everything in the database, as a dataset."""
        with self._session() as session:
            return session.execute_read(self._read, None, None)

    def at(self, day: date, window: Duration | None = DEFAULT_EVENT_WINDOW) -> Dataset:
        """The relations a snapshot on ``day`` shows, selected by Cypher on the server."""
        with self._session() as session:
            return session.execute_read(self._read, day, window)

    def _read(self, tx: ManagedTransaction, day: date | None, window: Duration | None) -> Dataset:
        types = dict(BUILTIN_TYPES)
        types |= {r["t"]["name"]: type_from(r["t"]) for r in tx.run("MATCH (t:RelationType) RETURN t")}
        sources = {r["s"]["id"]: source_from(r["s"])
                   for r in tx.run("MATCH (s:Source) RETURN s ORDER BY s.id")}
        actors = {r["a"]["id"]: actor_from(r["a"]) for r in tx.run("MATCH (a:Actor) RETURN a ORDER BY a.id")}
        rows: list[Any] = []
        present = {r["type"] for r in tx.run("CALL db.relationshipTypes() YIELD relationshipType AS type")}
        for name, rtype in sorted(types.items()):
            rel_type = neo4j_type(name)
            if rel_type not in present:
                continue
            params: dict[str, Any] = {}
            if day is None:
                where = ""
            elif rtype.kind == "stance":
                where, params = "WHERE r.first <= $day AND r.last >= $day", {"day": day}
            else:
                since = window.before(day) if window is not None else OPEN_START
                where, params = "WHERE r.first <= $day AND r.last > $since", {"day": day, "since": since}
            rows += tx.run(f"MATCH (s:Actor)-[r:{rel_type}]->(t:Actor) {where} "
                           "RETURN s.id AS source, t.id AS target, properties(r) AS props", params)
        relations = [relation_from(r["source"], r["target"], r["props"], sources) for r in rows]
        if day is not None:
            cited = {c.source.id for rel in relations for c in rel.sources}
            sources = {k: v for k, v in sources.items() if k in cited}
        return Dataset(actors=actors, relations={r.id: r for r in sorted(relations, key=lambda r: r.id)},
                       sources=sources, types=types)

    def query(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        """Run a read query (such as those in ``cypher/``) with parameters; rows as dicts."""
        records, _, _ = self._driver.execute_query(cypher, params, database_=self.database,
                                                   routing_="r")
        return [r.data() for r in records]
