"""How relgraph's model maps onto Neo4j's property graph, in both directions.

Kept apart from the driver code so the mapping can be read (and tested)
without a server. Rows are the records of :mod:`relgraph.records` with the
few changes a database needs. The shape, also documented in ``cypher/README.md``:

``(:Actor:<Kind>[:Deal] {id, name, kind, aliases, country, wikidata, part_of, description, hash})``
    ``<Kind>`` is a second label from :data:`KIND_LABELS` (``:State``,
    ``:ArmedGroup``...); agreements, resolutions and meetings also carry
    ``:Deal`` (:data:`relgraph.model.DEAL_KINDS`), so queries can leave them
    out with ``NOT a:Deal``.
``(:Actor)-[:<TYPE> {...}]->(:Actor)``
    One relationship per relation; ``<TYPE>`` is the relation type in Neo4j style
    (``backs`` -> ``BACKS``, ``shoots-down`` -> ``SHOOTS_DOWN``). Properties are the
    relation's record: ``id``, ``type``, ``sign``, ``kind`` (``stance``/``event``),
    ``confidence``, ``notes``; ``start``, ``end`` (stances) or ``date`` (events) as
    recorded (``"2016-summer"``) with ``start_precision`` and so on; and, on stances
    and events alike, ``first`` and ``last``, the first and last day it holds or may
    have happened, as Neo4j dates. An open start is stored as :data:`OPEN_START` and an
    ongoing end as :data:`OPEN_END` (with ``start``/``end`` null), so that
    ``r.first <= $date <= r.last`` is the whole "holds on" rule and range indexes serve
    it. A stance with a recorded start also has ``start_last``, the last day its start
    may be, and one with a recorded end ``end_first``, the first day its end may be:
    what the tie rule needs to tell whether one stance gives way to the next
    (:mod:`relgraph.analysis.ties`, rule 4a; ``cypher/signed-triangles.cypher``).
    Citations are ``source_ids`` and ``evidence``, parallel lists (the i-th evidence
    note is what the i-th source supports); ``hash`` fingerprints the lot.
``(:Source {id, title, publisher, url, published, notes})``
    A cited document (``published`` as recorded).
``(:Source)-[:SPEAKS_ABOUT]->(:Actor)``
    One per source and actor that a relation citing the source links: Browser
    expands from a source to what it speaks about, and from an actor to its sources.
``(:RelationType {name, sign, kind, symmetric, description, source_kinds, target_kinds})``
    A dataset's own relation types (the built-in ones are not stored).

Reads return each record as a list of its properties in a fixed order
(:data:`ACTOR_FIELDS`, :data:`SOURCE_FIELDS`; a relationship's ends, then
:data:`RELATION_FIELDS` and, when citations are read, :data:`CITATION_FIELDS`):
lists cost the driver and the client far less than maps or nodes.
:func:`fields` writes the Cypher for one, :func:`row_of` the list a query
returns for a map of properties.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Any

from relgraph.dates import PartialDate
from relgraph.errors import StoreError
from relgraph.model import ACTOR_KINDS, Actor, Citation, Relation, RelationType, Source
from relgraph.records import (
    Record,
    actor_record,
    citation_fields,
    source_record,
)

__all__ = [
    "ACTOR_FIELDS",
    "CITATION_FIELDS",
    "DATE_PROPERTIES",
    "DEAL_LABEL",
    "KIND_LABELS",
    "OPEN_END",
    "OPEN_START",
    "RELATION_FIELDS",
    "RELATION_MAP",
    "RELATION_PROPERTIES",
    "SHAPE_VERSION",
    "SOURCE_FIELDS",
    "SOURCE_LINK",
    "actor_from",
    "actor_labels",
    "actor_row",
    "cite",
    "fields",
    "neo4j_type",
    "relation_fingerprint",
    "relation_from",
    "relation_records_from",
    "relation_row",
    "relation_values",
    "row_of",
    "source_from",
    "source_row",
    "spliceable",
    "type_from",
    "type_row",
]

OPEN_START = date(1, 1, 1)
OPEN_END = date(9999, 12, 31)

KIND_LABELS: dict[str, str] = {kind: "".join(p.capitalize() for p in kind.split("-")) for kind in ACTOR_KINDS}
"""Actor kind -> its second label: ``armed-group`` -> ``ArmedGroup``. With :data:`DEAL_LABEL`, the only labels
ever spliced."""

DEAL_LABEL = "Deal"

SOURCE_LINK = "SPEAKS_ABOUT"
"""The relationship type from a source to the actors it speaks about; no relation type may take it."""

SHAPE_VERSION = 3
"""Part of every fingerprint: when the shape changes, the next load rewrites every record in the new shape."""

_SAFE_TYPE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_blake2b = hashlib.blake2b


def neo4j_type(name: str) -> str:
    """The relationship type for a vocabulary name, checked safe to splice into Cypher.

    >>> neo4j_type("shoots-down")
    'SHOOTS_DOWN'
    >>> neo4j_type("speaks-about")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    relgraph.errors.StoreError: relation type 'speaks-about' is SPEAKS_ABOUT in Neo4j, which links sources...
    """
    spliced = re.sub(r"[-.]", "_", name.upper())
    if not _SAFE_TYPE.match(spliced):
        raise StoreError(f"relation type {name!r} cannot be a Neo4j relationship type")
    if spliced == SOURCE_LINK:
        raise StoreError(f"relation type {name!r} is {SOURCE_LINK} in Neo4j, which links sources to actors; "
                         "choose another name")
    return spliced


def spliceable(rel_type: str) -> bool:
    """Whether a relationship type read from the database is safe to splice into Cypher as it is.

    >>> spliceable("BACKS"), spliceable("knows `x`")
    (True, False)
    """
    return bool(_SAFE_TYPE.match(rel_type))


def actor_labels(kind: str) -> str:
    """The labels an actor of ``kind`` carries beside ``:Actor``, for splicing: ``State``, ``Agreement:Deal``.

    >>> actor_labels("armed-group"), actor_labels("meeting")
    ('ArmedGroup', 'Meeting:Deal')
    """
    return KIND_LABELS[kind] + (f":{DEAL_LABEL}" if ACTOR_KINDS[kind].deal else "")


def _fingerprint(*fields: object) -> str:
    """A digest of a record's fields: equal digests mean a reload changes nothing.

    Fields are plain values (texts, numbers, tuples of them), whose ``repr``
    is stable across runs and cheap, unlike JSON of a whole record.
    """
    return _blake2b(repr(fields).encode(), digest_size=12).hexdigest()


def _present(record: dict[str, Any]) -> dict[str, Any]:
    # Neo4j stores no nulls: an absent property is how a missing value reads back
    return {k: v for k, v in record.items() if v is not None}


def actor_row(actor: Actor) -> dict[str, Any]:
    props = _present(actor_record(actor))
    props["hash"] = _fingerprint(SHAPE_VERSION, actor.id, actor.name, actor.kind, actor.aliases,
                                 actor.country, actor.wikidata, actor.part_of, actor.description)
    return props


ACTOR_FIELDS = ("id", "name", "kind", "aliases", "country", "wikidata", "part_of", "description")
SOURCE_FIELDS = ("id", "title", "publisher", "url", "published", "notes")
RELATION_FIELDS = ("id", "sign", "confidence", "start", "end", "date", "notes", "review")
CITATION_FIELDS = ("source_ids", "evidence", "quotes", "quote_offsets")
"""A relationship's citations, read only when they are shown: as lists, they cost the server more to read
than all the other fields together."""


def fields(variable: str, names: tuple[str, ...]) -> str:
    """The Cypher list of a node's or relationship's properties, in order.

    >>> fields("a", ("id", "name"))
    '[a.id, a.name]'
    """
    return "[" + ", ".join(f"{variable}.{name}" for name in names) + "]"


def row_of(props: dict[str, Any], names: tuple[str, ...]) -> list[Any]:
    """The list :func:`fields` gives for a node or relationship whose properties are ``props``."""
    return [props.get(name) for name in names]


def actor_from(row: list[Any]) -> Actor:
    """An actor from its :data:`ACTOR_FIELDS`."""
    actor_id, name, kind, aliases, country, wikidata, part_of, description = row
    return Actor(actor_id, name, kind, tuple(aliases or ()), country, wikidata, part_of, description)


def source_row(source: Source) -> dict[str, Any]:
    return _present(source_record(source))


def source_from(row: list[Any]) -> Source:
    """A source from its :data:`SOURCE_FIELDS`."""
    source_id, title, publisher, url, published, notes = row
    return Source(source_id, title, publisher, url, _partial(published), notes)


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


RELATION_PROPERTIES = ("id", "type", "sign", "kind", "start", "start_precision", "end", "end_precision",
                       "date", "date_precision", "first", "last", "start_last", "end_first", "confidence",
                       "notes", "review", "source_ids", "evidence", "quotes", "quote_offsets", "hash")
"""Every property a relation's relationship can have, in the order of :func:`relation_values` (after its
ends)."""

DATE_PROPERTIES = frozenset({"first", "last", "start_last", "end_first"})
"""The relation properties stored as Neo4j dates; :func:`relation_values` gives them as ISO text."""

RELATION_MAP = "{" + ", ".join(
    f"{name}: date(row[{i}])" if name in DATE_PROPERTIES else f"{name}: row[{i}]"
    for i, name in enumerate(RELATION_PROPERTIES, start=2)) + "}"
"""A Cypher map of the properties of ``row``, a list from :func:`relation_values`: ``{id: row[2], ...,
first: date(row[12]), ...}``. Its nulls are not stored, so ``SET r = <map>`` leaves exactly the relation's
properties."""


def relation_fingerprint(rel: Relation) -> str:
    """The digest a relationship stores as ``hash``: equal digests mean a reload changes nothing.

    :func:`_fingerprint` of the relation's fields, written out because a re-load runs it a million times.
    """
    # a cited source's own details live on its :Source node, so its id stands for it here
    start, end, when = rel.start, rel.end, rel.date
    fields = (SHAPE_VERSION, rel.id, rel.source, rel.type, rel.target, rel.sign,
              start.text if start else "None", end.text if end else "None", when.text if when else "None",
              rel.confidence, rel.notes,
              tuple([(c.source.id, c.evidence, c.quote, c.offsets) for c in rel.sources]), rel.review)
    return _blake2b(repr(fields).encode(), digest_size=12).hexdigest()


def relation_values(rel: Relation, types: dict[str, RelationType],
                    fingerprint: str | None = None) -> list[Any]:
    """Everything a load sends for one relation, as one list: its two ends, then :data:`RELATION_PROPERTIES`.

    A list rather than a map because a load sends a million of them: it is built and packed in about
    half the time, and Cypher names the properties once, in :data:`RELATION_MAP`. ``None`` is a
    property the relationship does not have. The :data:`DATE_PROPERTIES` are ISO text, which
    :data:`RELATION_MAP` makes dates on the server: the driver packs a ``date`` in Python, five times
    slower than text (about 1 s of client CPU per 100k relations).
    """
    rtype = types.get(rel.type)
    start, end, when = rel.start, rel.end, rel.date  # read once: a load runs this per relation
    cited = rel.sources
    quoted = any(c.quote for c in cited)  # extracted candidates quote their article
    begins, ends = when or start, when or end
    return [
        rel.source, rel.target, rel.id, rel.type, rel.sign,
        rtype.kind if rtype else ("event" if when else "stance"),
        start.text if start else None, start.precision if start else None,
        end.text if end else None, end.precision if end else None,
        when.text if when else None, when.precision if when else None,
        (begins.first if begins else OPEN_START).isoformat(), (ends.last if ends else OPEN_END).isoformat(),
        start.last.isoformat() if start else None, end.first.isoformat() if end else None,
        rel.confidence, rel.notes, rel.review,
        [c.source.id for c in cited], [c.evidence or "" for c in cited],
        [c.quote or "" for c in cited] if quoted else None,
        [f"{c.offsets[0]}:{c.offsets[1]}" if c.offsets else "" for c in cited] if quoted else None,
        fingerprint or relation_fingerprint(rel),
    ]


def relation_row(rel: Relation, types: dict[str, RelationType],
                 fingerprint: str | None = None) -> dict[str, Any]:
    """:func:`relation_values` as a map: endpoints, and the relationship's properties (absent ones left
    out)."""
    values = relation_values(rel, types, fingerprint)
    props = {k: date.fromisoformat(v) if k in DATE_PROPERTIES else v
             for k, v in zip(RELATION_PROPERTIES, values[2:], strict=True) if v is not None}
    return {"source": rel.source, "target": rel.target, "id": rel.id, "props": props}


def _citations(row: list[Any]) -> list[tuple[str, str | None, str | None, tuple[int, int] | None]]:
    """The cited source ids, evidence notes, quotations and their offsets of a relation's row."""
    ids, evidence, quotes, offsets = row[10] or [], row[11] or [], row[12], row[13]
    if quotes is None:  # only extracted candidates quote their article
        return [(sid, note or None, None, None) for sid, note in zip(ids, evidence, strict=True)]
    spans = [_span(text) for text in offsets or [""] * len(ids)]
    return [(sid, note or None, quote or None, span)
            for sid, note, quote, span in zip(ids, evidence, quotes, spans, strict=True)]


def _span(text: str) -> tuple[int, int] | None:
    begin, _, end = text.partition(":")
    return (int(begin), int(end)) if text else None


def _partial(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


def relation_from(row: list[Any], type_name: str, sources: dict[str, Source]) -> Relation:
    """A relation of type ``type_name`` from its row (its ends, then the fields and citation fields)."""
    source, target, rel_id, sign, confidence, start, end, when, notes, review = row[:10]
    citations = tuple(Citation(sources[sid], note, quote, span) for sid, note, quote, span in _citations(row))
    return Relation(rel_id, source, type_name, target, sign, _partial(start), _partial(end), _partial(when),
                    confidence, citations, notes, review)


_Known = tuple[str | None, str | None, date | None, date | None]


def relation_records_from(rows: list[list[Any]], type_name: str, rtype: RelationType | None, *,
                          dates: dict[str, Any] | None = None) -> list[Record]:
    """The relation records (:func:`relgraph.records.relation_record`) of rows of one type, built without
    ``Relation`` objects (a snapshot of 200k relations spends a good part of its time here), with empty
    ``sources``: :func:`cite` gives them their citations.

    ``dates`` keeps what each date's text means, to be shared by the calls for one snapshot's types.
    """
    parse = PartialDate.parse
    known: dict[str, _Known] = {} if dates is None else dates  # each date's text, precision, first, last

    def partial(text: str) -> _Known:
        found = known.get(text)
        if found is None:
            day = parse(text)
            found = known[text] = (day.text, day.precision, day.first, day.last)
        return found

    none: _Known = (None, None, None, None)
    kind = rtype.kind if rtype else None
    symmetric = rtype.symmetric if rtype else False
    records: list[Record] = []
    append = records.append
    # relation_fields, written out: the loop runs 200k times for a large snapshot
    for row in rows:
        source, target, rel_id, sign, confidence, start, end, when, notes, review = row[:10]
        began = partial(start) if start else none
        ended = partial(end) if end else none
        if when:
            held = partial(when)
            first, last = held[2], held[3]
        else:
            held, first, last = none, began[2], ended[3]
        append({"id": rel_id, "source": source, "type": type_name, "target": target, "sign": sign,
                "kind": kind or ("event" if when else "stance"), "symmetric": symmetric,
                "start": began[0], "start_precision": began[1], "end": ended[0], "end_precision": ended[1],
                "date": held[0], "date_precision": held[1], "first": first, "last": last,
                "confidence": confidence, "sources": [], "notes": notes, "review": review})
    return records


def cite(records: list[Record], rows: list[list[Any]], sources: dict[str, Record]) -> None:
    """Give each record the citations of its row (read with :data:`CITATION_FIELDS`); ``sources`` are the
    records of the cited sources."""
    for record, row in zip(records, rows, strict=True):
        if row[12] is None:  # no quotations: the common case, made short (citation_fields written out)
            record["sources"] = [{**sources[sid], "evidence": note or None, "quote": None, "offsets": None}
                                 for sid, note in zip(row[10] or (), row[11] or (), strict=True)]
        else:
            record["sources"] = [citation_fields(sources[sid], note, quote, span)
                                 for sid, note, quote, span in _citations(row)]
