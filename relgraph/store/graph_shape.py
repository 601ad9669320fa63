"""How relgraph's model maps onto Neo4j's property graph, in both directions.

Kept apart from the driver code so the mapping can be read (and tested)
without a server. The shape, also documented in ``cypher/README.md``:

``(:Actor:<Kind> {id, name, kind, aliases, country, wikidata, part_of, description, hash})``
    ``<Kind>`` is a second label from :data:`KIND_LABELS` (``:State``, ``:ArmedGroup``...).
``(:Actor)-[:<TYPE> {...}]->(:Actor)``
    One relationship per relation; ``<TYPE>`` is the relation type in Neo4j style
    (``backs`` -> ``BACKS``, ``shoots-down`` -> ``SHOOTS_DOWN``). Properties: ``id``,
    ``type`` (the vocabulary name), ``sign``, ``kind`` (``stance``/``event``),
    ``confidence``, ``notes``, ``source_ids`` and ``evidence`` (parallel lists: the
    i-th evidence note is what the i-th source supports), ``hash``; stances carry
    ``start`` (first day) and ``end`` (last day) as Neo4j dates, with ``start_text``,
    ``start_precision``, ``end_text``, ``end_precision``; an open end is stored as
    :data:`OPEN_START` / :data:`OPEN_END` with ``*_text`` null, so that
    ``r.start <= $date <= r.end`` is the whole "holds on" rule and range indexes
    serve it. Events carry ``date`` (first day), ``date_last`` (last day),
    ``date_text`` and ``date_precision``.
``(:Source {id, title, publisher, url, published, published_text, published_precision})``
    A cited document; relations name it in ``source_ids``.
``(:RelationType {name, sign, kind, symmetric, description, source_kinds, target_kinds})``
    A dataset's own relation types (the built-in ones are not stored).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Any

from relgraph.dates import PartialDate
from relgraph.errors import StoreError
from relgraph.model import ACTOR_KINDS, Actor, Citation, Relation, RelationType, Source

__all__ = [
    "KIND_LABELS",
    "OPEN_END",
    "OPEN_START",
    "actor_from",
    "actor_row",
    "neo4j_type",
    "relation_from",
    "relation_row",
    "source_from",
    "source_row",
    "type_from",
    "type_row",
]

OPEN_START = date(1, 1, 1)
OPEN_END = date(9999, 12, 31)

KIND_LABELS: dict[str, str] = {kind: "".join(p.capitalize() for p in kind.split("-")) for kind in ACTOR_KINDS}
"""Actor kind -> its second label: ``armed-group`` -> ``ArmedGroup``. The only labels ever spliced."""

_SAFE_TYPE = re.compile(r"^[A-Z][A-Z0-9_]*$")


def neo4j_type(name: str) -> str:
    """The relationship type for a vocabulary name, checked safe to splice into Cypher.

    >>> neo4j_type("shoots-down")
    'SHOOTS_DOWN'
    """
    spliced = re.sub(r"[-.]", "_", name.upper())
    if not _SAFE_TYPE.match(spliced):
        raise StoreError(f"relation type {name!r} cannot be a Neo4j relationship type")
    return spliced


def _fingerprint(*fields: object) -> str:
    """A digest of a record's fields: equal digests mean a reload changes nothing.

    Fields are plain values (texts, numbers, tuples of them), whose ``repr``
    is stable across runs and cheap, unlike JSON of a whole record.
    """
    return hashlib.blake2b(repr(fields).encode(), digest_size=12).hexdigest()


def actor_row(actor: Actor) -> dict[str, Any]:
    props = {k: v for k, v in vars(actor).items() if v is not None}
    props["aliases"] = list(actor.aliases)
    props["hash"] = _fingerprint(actor.id, actor.name, actor.kind, actor.aliases, actor.country,
                                 actor.wikidata, actor.part_of, actor.description)
    return props


def actor_from(props: dict[str, Any]) -> Actor:
    return Actor(id=props["id"], name=props["name"], kind=props["kind"],
                 aliases=tuple(props.get("aliases") or ()), country=props.get("country"),
                 wikidata=props.get("wikidata"), part_of=props.get("part_of"),
                 description=props.get("description"))


def source_row(source: Source) -> dict[str, Any]:
    props: dict[str, Any] = {"id": source.id, "title": source.title, "publisher": source.publisher,
                             "url": source.url}
    if source.published:
        props |= {"published": source.published.first, "published_text": source.published.text,
                  "published_precision": source.published.precision}
    return {k: v for k, v in props.items() if v is not None}


def source_from(props: dict[str, Any]) -> Source:
    published = props.get("published_text")
    return Source(id=props["id"], title=props["title"], publisher=props.get("publisher"),
                  url=props.get("url"), published=PartialDate.parse(published) if published else None)


def type_row(rtype: RelationType) -> dict[str, Any]:
    return {"name": rtype.name, "sign": rtype.sign, "kind": rtype.kind, "symmetric": rtype.symmetric,
            "description": rtype.description,
            "source_kinds": sorted(rtype.source_kinds) if rtype.source_kinds is not None else None,
            "target_kinds": sorted(rtype.target_kinds) if rtype.target_kinds is not None else None}


def type_from(props: dict[str, Any]) -> RelationType:
    def kinds(value: list[str] | None) -> frozenset[str] | None:
        return frozenset(value) if value is not None else None

    return RelationType(name=props["name"], sign=props["sign"], kind=props["kind"],
                        description=props.get("description") or "", symmetric=bool(props.get("symmetric")),
                        source_kinds=kinds(props.get("source_kinds")),
                        target_kinds=kinds(props.get("target_kinds")))


def relation_row(rel: Relation, kind: str) -> dict[str, Any]:
    """Everything a load sends for one relation: endpoints, and the relationship's properties."""
    props: dict[str, Any] = {
        "id": rel.id, "type": rel.type, "sign": rel.sign, "kind": kind, "confidence": rel.confidence,
        "notes": rel.notes,
        "source_ids": [c.source.id for c in rel.sources],
        "evidence": [c.evidence or "" for c in rel.sources],
        # a cited source's own details live on its :Source node, so its id stands for it here
        "hash": _fingerprint(rel.id, rel.source, rel.type, rel.target, rel.sign, str(rel.start),
                             str(rel.end), str(rel.date), rel.confidence, rel.notes,
                             tuple((c.source.id, c.evidence) for c in rel.sources)),
    }
    if kind == "event":
        assert rel.date is not None
        props |= {"date": rel.date.first, "date_last": rel.date.last, "date_text": rel.date.text,
                  "date_precision": rel.date.precision}
    else:
        props |= {
            "start": rel.start.first if rel.start else OPEN_START,
            "start_text": rel.start.text if rel.start else None,
            "start_precision": rel.start.precision if rel.start else None,
            "end": rel.end.last if rel.end else OPEN_END,
            "end_text": rel.end.text if rel.end else None,
            "end_precision": rel.end.precision if rel.end else None,
        }
    return {"source": rel.source, "target": rel.target, "id": rel.id,
            "props": {k: v for k, v in props.items() if v is not None}}


def relation_from(source: str, target: str, props: dict[str, Any], sources: dict[str, Source]) -> Relation:
    def partial(name: str) -> PartialDate | None:
        text = props.get(f"{name}_text")
        return PartialDate.parse(text) if text else None

    citations = tuple(Citation(sources[sid], evidence or None)
                      for sid, evidence in zip(props.get("source_ids") or [], props.get("evidence") or [],
                                               strict=True))
    return Relation(id=props["id"], source=source, type=props["type"], target=target, sign=props["sign"],
                    start=partial("start"), end=partial("end"), date=partial("date"),
                    confidence=props["confidence"], sources=citations, notes=props.get("notes"))
