"""A load into Neo4j: one transaction that makes the database hold a dataset, and nothing else half-done.

:func:`load` runs inside a transaction the caller opens (so that a failure
anywhere leaves the database as it was) and:

1. takes the database's load lock (:func:`take_lock`): loads into one
   database run one after the other, and each reads the state the previous
   one committed, so two loads can never give one relation id two
   relationships, even of different types;
2. reads the ids and fingerprints of what is stored (a relation id stored
   twice, by a load before this guarantee or behind relgraph's back, is
   repaired: its copies are deleted and the dataset's version written);
3. writes what is new or changed in ``UNWIND $rows`` batches: new relations
   are created, changed ones updated in place, and one whose type or actors
   changed is deleted and created again;
4. keeps the links from sources to the actors they speak about exact;
5. with ``prune``, deletes what the dataset does not hold.

Every value is a parameter; relationship types come through
:func:`~relgraph.store.graph_shape.neo4j_type` and labels from
:data:`~relgraph.store.graph_shape.KIND_LABELS`.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from relgraph.model import Dataset, Relation
from relgraph.store.base import Counts, Progress, WriteSummary
from relgraph.store.graph_shape import (
    DEAL_LABEL,
    KIND_LABELS,
    SOURCE_LINK,
    actor_labels,
    actor_row,
    neo4j_type,
    relation_fingerprint,
    relation_row,
    source_row,
    type_row,
)

if TYPE_CHECKING:
    from neo4j import ManagedTransaction

__all__ = ["BATCH", "LOCK_PATIENCE", "load", "take_lock"]

BATCH = 10_000
"""Rows sent per ``UNWIND $rows`` statement."""

LOCK_PATIENCE = 1.0
"""Seconds to wait for the load lock before saying that another load holds it."""

_LOCK = ("MERGE (l:RelgraphLock {name: 'load'}) "
         "SET l.version = coalesce(l.version, 0) + $bump RETURN l.version AS version")


def take_lock(tx: ManagedTransaction, *, load: bool, waiting: Callable[[], None] | None = None) -> int:
    """Take the database's load lock for the rest of ``tx``; return the number of loads committed before.

    The lock is a write lock on one ``:RelgraphLock`` node, which Neo4j holds
    until the transaction ends (a client that dies releases it with its
    connection). Loads bump its version; readers take it too, so that a
    snapshot never sees a load half applied. ``waiting`` is called once if the
    lock is not had within :data:`LOCK_PATIENCE` seconds.
    """
    timer = threading.Timer(LOCK_PATIENCE, waiting) if waiting is not None else None
    if timer is not None:
        timer.daemon = True
        timer.start()
    try:
        return int(tx.run(_LOCK, bump=1 if load else 0).single(strict=True)["version"])
    finally:
        if timer is not None:
            timer.cancel()


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), BATCH):
        yield rows[i:i + BATCH]


@dataclass
class _Stored:
    """What the database holds before the load: fingerprints, and each relation's type and ends."""

    actors: dict[str, str]
    sources: set[str]
    relations: dict[str, tuple[str, str, str, str]]  # id -> (type, source id, target id, fingerprint)
    copies: dict[str, list[str]] = field(default_factory=dict)  # id stored more than once -> element ids

    @classmethod
    def read(cls, tx: ManagedTransaction) -> _Stored:
        actors = tx.run("MATCH (a:Actor) RETURN a.id AS id, a.hash AS hash")
        stored = cls({r["id"]: r["hash"] for r in actors},
                     {r["id"] for r in tx.run("MATCH (s:Source) RETURN s.id AS id")}, {})
        elements: dict[str, list[str]] = defaultdict(list)
        for r in tx.run("MATCH (s:Actor)-[r]->(t:Actor) WHERE r.hash IS NOT NULL "
                        "RETURN r.id AS id, r.type AS type, s.id AS source, t.id AS target, r.hash AS hash, "
                        "elementId(r) AS element"):
            stored.relations[r["id"]] = (r["type"], r["source"], r["target"], r["hash"])
            elements[r["id"]].append(r["element"])
        stored.copies = {i: e for i, e in elements.items() if len(e) > 1}
        return stored


def load(tx: ManagedTransaction, data: Dataset, *, prune: bool = False, progress: Progress | None = None,
         waiting: Callable[[], None] | None = None) -> WriteSummary:
    """Make the database hold ``data`` (see the module's steps), inside ``tx``; say what changed."""
    take_lock(tx, load=True, waiting=waiting)
    stored = _Stored.read(tx)
    tx.run("UNWIND $rows AS row MERGE (t:RelationType {name: row.name}) SET t = row",
           rows=[type_row(t) for t in data.custom_types.values()])
    for batch in _batches([source_row(s) for s in data.sources.values()]):
        tx.run("UNWIND $rows AS row MERGE (s:Source {id: row.id}) SET s = row", rows=batch)
    actors = _write_actors(tx, data, stored.actors)

    relations = Counts()
    changed: list[str] = []  # ids already stored whose new version differs
    # (type, new?) -> (relation, fingerprint). The ids this transaction read are all there are (no other
    # load runs), so a relation not among them is CREATEd, which skips MERGE's lookup.
    by_type: dict[tuple[str, bool], list[tuple[Relation, str]]] = defaultdict(list)
    links: set[tuple[str, str]] = set()  # (source id, actor id) that the written relations support
    for rel in data.relations.values():
        fingerprint = relation_fingerprint(rel)
        before = stored.relations.get(rel.id)
        repaired = rel.id in stored.copies
        if before is not None and before[3] == fingerprint and not repaired:
            relations.unchanged += 1
            continue
        relations.created += before is None
        relations.updated += before is not None
        if before is not None:
            changed.append(rel.id)
        links.update((c.source.id, end) for c in rel.sources for end in (rel.source, rel.target))
        # a type or an end that changed cannot be updated in place: delete, then create afresh
        new = before is None or repaired or before[:3] != (rel.type, rel.source, rel.target)
        by_type[rel.type, new].append((rel, fingerprint))
    gone = sorted(stored.relations.keys() - data.relations.keys()) if prune else []
    # links the stored versions of changed and deleted relations supported, to check once they are gone
    unsure = _cited(tx, changed + gone, stored)
    replaced = [i for i in changed if i in stored.copies
                or stored.relations[i][:3] != (data.relations[i].type, data.relations[i].source,
                                               data.relations[i].target)]
    _delete_relations(tx, replaced + gone, stored)
    _write_relations(tx, data, by_type, progress)
    _write_links(tx, links, unsure, stored)
    if prune:
        relations.removed = len(gone)
        actors.removed = _prune(tx, data, stored.actors)
    made_one = stored.copies.keys() & (data.relations.keys() | set(gone))
    return WriteSummary(actors, relations, repaired=len(made_one))


def _write_actors(tx: ManagedTransaction, data: Dataset, old: dict[str, str]) -> Counts:
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


def _write_relations(tx: ManagedTransaction, data: Dataset,
                     by_type: dict[tuple[str, bool], list[tuple[Relation, str]]],
                     progress: Progress | None) -> None:
    written = 0
    for (name, new), relations in sorted(by_type.items()):
        rel_type = neo4j_type(name)
        write = f"CREATE (s)-[r:{rel_type}]->(t)" if new else f"MERGE (s)-[r:{rel_type} {{id: row.id}}]->(t)"
        for i in range(0, len(relations), BATCH):
            # Rows are built batch by batch: the client packs the next batch while the server writes this
            # one (the driver sends a statement and only waits for it when the next is run).
            batch = [relation_row(rel, data.types, digest) for rel, digest in relations[i:i + BATCH]]
            tx.run("UNWIND $rows AS row MATCH (s:Actor {id: row.source}) MATCH (t:Actor {id: row.target}) "
                   f"{write} SET r = row.props", rows=batch)
            written += len(batch)
            if progress:
                progress(written)


def _write_links(tx: ManagedTransaction, links: set[tuple[str, str]], unsure: set[tuple[str, str]],
                 stored: _Stored) -> None:
    # a link can exist already only between a source and an actor that both did: the others are created
    fresh = {(s, a) for s, a in links if s not in stored.sources or a not in stored.actors}
    for new, pairs in ((True, fresh), (False, links - fresh)):
        by_source: dict[str, list[str]] = defaultdict(list)
        for s, a in sorted(pairs):
            by_source[s].append(a)
        # grouped by source, so that each source is looked up once, not once per actor it speaks about
        rows = [{"source": s, "actors": actors[i:i + BATCH]} for s, actors in by_source.items()
                for i in range(0, len(actors), BATCH)]
        for batch in _batches(rows):
            tx.run("UNWIND $rows AS row MATCH (s:Source {id: row.source}) UNWIND row.actors AS actor "
                   f"MATCH (a:Actor {{id: actor}}) {'CREATE' if new else 'MERGE'} (s)-[:{SOURCE_LINK}]->(a)",
                   rows=batch)
    for batch in _batches([{"source": s, "actor": a} for s, a in sorted(unsure - links)]):
        tx.run(f"UNWIND $rows AS row MATCH (s:Source {{id: row.source}})-[l:{SOURCE_LINK}]->"
               "(a:Actor {id: row.actor}) "
               "WHERE NOT EXISTS { MATCH (a)-[r]-(:Actor) WHERE row.source IN r.source_ids } DELETE l",
               rows=batch)


def _prune(tx: ManagedTransaction, data: Dataset, old_actors: dict[str, str]) -> int:
    """Delete the actors, sources and custom types ``data`` lacks; return how many actors went."""
    gone = sorted(old_actors.keys() - data.actors.keys())
    for batch in _batches([{"id": i} for i in gone]):
        tx.run("UNWIND $rows AS row MATCH (a:Actor {id: row.id}) DETACH DELETE a", rows=batch)
    tx.run("MATCH (s:Source) WHERE NOT s.id IN $keep DETACH DELETE s", keep=list(data.sources))
    tx.run("MATCH (t:RelationType) WHERE NOT t.name IN $keep DETACH DELETE t", keep=list(data.custom_types))
    return len(gone)


def _by_type(ids: list[str], stored: _Stored) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Batches of ``{"id": ...}`` rows for relations ``ids``, grouped by their stored relationship type."""
    for name in sorted({stored.relations[i][0] for i in ids}):
        for batch in _batches([{"id": i} for i in ids if stored.relations[i][0] == name]):
            yield neo4j_type(name), batch


def _cited(tx: ManagedTransaction, ids: list[str], stored: _Stored) -> set[tuple[str, str]]:
    """(source, actor) pairs that the stored versions of relations ``ids`` link."""
    found: list[Any] = []
    copies = [e for i in ids for e in stored.copies.get(i, ())]
    for batch in _batches([{"element": e} for e in copies]):
        found += tx.run("UNWIND $rows AS row MATCH (s)-[r]->(t) WHERE elementId(r) = row.element "
                        "RETURN s.id AS s, t.id AS t, r.source_ids AS cited", rows=batch)
    for rel_type, batch in _by_type([i for i in ids if i not in stored.copies], stored):
        found += tx.run(f"UNWIND $rows AS row MATCH (s)-[r:{rel_type} {{id: row.id}}]->(t) "
                        "RETURN s.id AS s, t.id AS t, r.source_ids AS cited", rows=batch)
    return {(c, end) for r in found for c in r["cited"] or () for end in (r["s"], r["t"])}


def _delete_relations(tx: ManagedTransaction, ids: list[str], stored: _Stored) -> None:
    """Delete the stored relations ``ids``, every copy of an id stored more than once included."""
    copies = [e for i in ids for e in stored.copies.get(i, ())]
    for batch in _batches([{"element": e} for e in copies]):
        tx.run("UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.element DELETE r", rows=batch)
    single = [i for i in ids if i not in stored.copies]
    for rel_type, batch in _by_type(single, stored):
        tx.run(f"UNWIND $rows AS row MATCH ()-[r:{rel_type} {{id: row.id}}]->() DELETE r", rows=batch)
