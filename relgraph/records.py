"""One plain-data form of each model object, used everywhere relgraph hands data on.

A relation is written out once, by :func:`relation_record`, and every
consumer takes that record: snapshot edges (:mod:`relgraph.snapshot`), JSON
output, exports, timelines, and the Neo4j row (:mod:`relgraph.store.graph_shape`,
which only swaps open days for sentinels). Field names are the same
everywhere:

=====================  ==========================================================
field                  meaning
=====================  ==========================================================
``id``                 the relation's id
``source``, ``target`` actor ids (edges of a snapshot carry them as endpoints)
``type``               the relation type's name; ``kind`` is ``stance`` or
                       ``event``; ``symmetric`` whether direction carries meaning
``sign``               1, 0 or -1
``start``, ``end``     a stance's dates as recorded (``"2016-summer"``), ``None`` open
``date``               an event's date as recorded
``*_precision``        ``year``, ``season``, ``month``, ``day`` or ``range``
``first``, ``last``    the first and last day it holds (a stance) or may have
                       happened (an event); ``None`` when open. Python ``date``
                       objects in a snapshot, ISO text in JSON
``confidence``         0..1
``sources``            citations: ``id``, ``title``, ``publisher``, ``url``,
                       ``published`` (as recorded), the source's ``notes``
                       (what of it is inferred), ``evidence``, and for an
                       extracted candidate ``quote`` and its ``offsets``
``notes``              the curator's notes
``review``             ``pending``, ``accepted`` or ``rejected`` for an extracted
                       candidate; ``None`` for curated data
=====================  ==========================================================

:func:`to_json` turns any of relgraph's results into JSON-ready data the same
way (dates as ISO text, tuples as lists, nested results as objects), and
:func:`envelope` adds the ``version`` and ``kind`` every ``--format json``
output starts with.

>>> from relgraph.dates import PartialDate
>>> from relgraph.model import BUILTIN_TYPES, Relation
>>> rel = Relation("r1", "russia", "backs", "assad-regime", 1, start=PartialDate.parse("2011-03"))
>>> record = relation_record(rel, BUILTIN_TYPES)
>>> record["start"], record["first"], record["last"], when(record)
('2011-03', datetime.date(2011, 3, 1), None, '2011-03 –')
>>> to_json(record)["first"]
'2011-03-01'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar

from relgraph.dates import PartialDate
from relgraph.model import Actor, Citation, Relation, RelationType, Source

__all__ = [
    "JSON_VERSION",
    "Record",
    "Result",
    "actor_record",
    "citation_fields",
    "citation_record",
    "envelope",
    "relation_fields",
    "relation_record",
    "source_record",
    "to_json",
    "when",
]

JSON_VERSION = 1
"""The version of every JSON shape relgraph writes; raised when a shape changes incompatibly."""

Record = dict[str, Any]


def actor_record(actor: Actor) -> Record:
    """An actor as plain data: every field, ``aliases`` a list, ``None`` where not given."""
    return {"id": actor.id, "name": actor.name, "kind": actor.kind, "aliases": list(actor.aliases),
            "country": actor.country, "wikidata": actor.wikidata, "part_of": actor.part_of,
            "description": actor.description}


def source_record(source: Source) -> Record:
    """A source as plain data; ``published`` as recorded (``"2016-12-20"``)."""
    return {"id": source.id, "title": source.title, "publisher": source.publisher, "url": source.url,
            "published": _text(source.published), "notes": source.notes}


def citation_record(citation: Citation) -> Record:
    """A cited source, the evidence note for it, and a quotation of the source with its offsets (if any)."""
    return citation_fields(source_record(citation.source), citation.evidence, citation.quote,
                           citation.offsets)


def citation_fields(source: Record, evidence: str | None, quote: str | None = None,
                    offsets: tuple[int, int] | None = None) -> Record:
    """:func:`citation_record` from the cited source's record and the citation's own fields."""
    return {**source, "evidence": evidence, "quote": quote, "offsets": list(offsets) if offsets else None}


def relation_record(rel: Relation, types: Mapping[str, RelationType], *, citations: bool = True) -> Record:
    """The one plain form of a relation (fields in the module's table); ``types`` is the vocabulary.

    ``citations=False`` leaves ``sources`` empty, for a caller that stores citations its own way.
    """
    return relation_fields(rel.id, rel.source, rel.type, rel.target, rel.sign, rel.start, rel.end, rel.date,
                           rel.confidence, [citation_record(c) for c in rel.sources] if citations else [],
                           rel.notes, rel.review, types.get(rel.type))


def relation_fields(rel_id: str, source: str, type_name: str, target: str, sign: int,
                    start: PartialDate | None, end: PartialDate | None, when: PartialDate | None,
                    confidence: float, sources: list[Record], notes: str | None, review: str | None,
                    rtype: RelationType | None) -> Record:
    """:func:`relation_record` from a relation's fields, for a store that reads them without a ``Relation``.

    ``when`` is an event's date, ``sources`` the citation records
    (:func:`citation_fields`), ``rtype`` the type's entry in the vocabulary
    (``None`` when it has none).
    """
    span = when or start
    return {
        "id": rel_id, "source": source, "type": type_name, "target": target, "sign": sign,
        "kind": rtype.kind if rtype else ("event" if when else "stance"),
        "symmetric": rtype.symmetric if rtype else False,
        "start": start.text if start else None, "start_precision": start.precision if start else None,
        "end": end.text if end else None, "end_precision": end.precision if end else None,
        "date": when.text if when else None, "date_precision": when.precision if when else None,
        "first": span.first if span else None,
        "last": (when or end).last if when or end else None,  # type: ignore[union-attr]
        "confidence": confidence,
        "sources": sources,
        "notes": notes,
        "review": review,
    }


def when(record: Mapping[str, Any]) -> str:
    """When a relation record holds, as people write it: ``2015-11 – 2016-summer``, or an event's date.

    >>> when({"kind": "stance", "start": None, "end": "2016"}), when({"kind": "event", "date": "2016-12"})
    ('… – 2016', '2016-12')
    """
    if record.get("kind") == "event":
        return record.get("date") or ""
    return f"{record.get('start') or '…'} – {record.get('end') or ''}".rstrip()


def _text(value: PartialDate | None) -> str | None:
    return value.text if value else None


# -- JSON -----------------------------------------------------------------------------------------


def to_json(value: Any) -> Any:
    """``value`` as JSON-ready data.

    Dataclasses become objects of their fields (leaving out fields whose
    metadata says ``json=False``, such as the graphs results keep for their
    own use) plus the properties a :class:`Result` names in ``json_extra``;
    dates become ISO text, partial dates their text, tuples, lists and sets
    lists (sets sorted), mapping keys text.

    >>> to_json({"when": date(2016, 12, 20), "pair": ("a", "b"), 1: {3, 2}})
    {'when': '2016-12-20', 'pair': ['a', 'b'], '1': [2, 3]}
    """
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, PartialDate):
        return value.text
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)
               if f.metadata.get("json", True)}
        for name in getattr(value, "json_extra", ()):
            out[name] = to_json(getattr(value, name))
        return out
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(to_json(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def envelope(kind: str, body: Mapping[str, Any]) -> dict[str, Any]:
    """``body`` as a versioned JSON document: ``{"version": 1, "kind": kind, ...}``.

    >>> envelope("balance", {"date": "2016-12-20"})
    {'version': 1, 'kind': 'balance', 'date': '2016-12-20'}
    """
    if {"version", "kind"} & body.keys():
        raise ValueError("a JSON body cannot have fields named version or kind: the envelope's own")
    return {"version": JSON_VERSION, "kind": kind, **to_json(body)}


class Result:
    """A mixin for result dataclasses: ``to_dict()`` is :func:`to_json` of the result.

    ``json_kind`` names the result in :func:`envelope`; ``json_extra`` lists
    computed properties to include beside the fields.
    """

    json_kind: ClassVar[str] = ""
    json_extra: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data, with the ``version`` and ``kind`` of every JSON output."""
        return envelope(self.json_kind, to_json(self))
