"""The declared shape of dataset records: which fields each has and how each is read.

:mod:`relgraph.dataset` checks every record against these declarations
generically, so a new field is one line here. A parser takes the raw value
from the file and returns the model value or raises :class:`FieldError` with
a message fit to show the user.

>>> RECORDS["actor"]["country"].parse("rus")
Traceback (most recent call last):
...
relgraph.errors.FieldError: 'rus' is not an ISO 3166 alpha-3 code (three capital letters, e.g. RUS)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from relgraph.dates import PartialDate
from relgraph.errors import DateError, FieldError, excerpt
from relgraph.model import ACTOR_KINDS, REVIEW_STATES

__all__ = ["MAX_ID", "MAX_NAME", "MAX_TEXT", "RECORDS", "RECORD_ID", "SECTIONS", "Field"]


@dataclass(frozen=True)
class Field:
    name: str
    parse: Callable[[Any], Any]
    required: bool = False
    doc: str = ""


_SLUG = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")

MAX_ID = 200
"""Longest id (of an actor, relation, source or type): ids are indexed, and index keys are bounded."""

MAX_NAME = 500
"""Longest name, title, alias or other short text."""

MAX_TEXT = 20_000
"""Longest note, description or evidence."""


def _as_text(value: Any) -> str | None:
    """A scalar as written (a YAML number keeps its own text: ``010``, ``0x1F``), or None for other values."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(getattr(value, "text", value))


def text(value: Any, limit: int = MAX_NAME) -> str:
    written = _as_text(value)
    if written is None:
        raise FieldError(f"expected text, got {_kind(value)}")
    written = written.strip()
    if not written:
        raise FieldError("is empty")
    if len(written) > limit:
        raise FieldError(f"{excerpt(written)} is longer than {limit:,} characters")
    return written


def long_text(value: Any) -> str:
    return text(value, MAX_TEXT)


def _identifier(value: Any, form: re.Pattern[str], how: str) -> str:
    value = text(value, MAX_ID)
    if not form.match(value):
        raise FieldError(f"{excerpt(value)} is not an id: use lowercase letters, digits and single '-', '_' "
                         f"or '.' between them{how}")
    return value


def slug(value: Any) -> str:
    return _identifier(value, _SLUG, " (e.g. assad-regime)")


# Relation and source ids may carry the prefix of the dataset they come from, so that an imported
# record keeps its original id (gdelt:410412347, acled:syr12345). Actor ids and type names stay plain
# slugs: type names become Neo4j relationship types.
RECORD_ID = re.compile(r"^(?:[a-z0-9]+(?:[-_.][a-z0-9]+)*:)?[a-z0-9]+(?:[-_.][a-z0-9]+)*$")
"""A relation's or source's id: ``RECORD_ID.fullmatch(s)`` means that :func:`record_id` gives back ``s``."""


def record_id(value: Any) -> str:
    """A relation's or source's id: a slug, optionally after one ``prefix:``.

    >>> record_id("gdelt:410412347"), record_id("russia.backs.assad-regime.2011-03")
    ('gdelt:410412347', 'russia.backs.assad-regime.2011-03')
    """
    return _identifier(value, RECORD_ID,
                       ", optionally after one 'prefix:' (e.g. assad-regime, gdelt:410412347)")


def choice(options: dict[str, Any] | tuple[str, ...]) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        value = text(value)
        if value not in options:
            raise FieldError(f"{excerpt(value)} is not one of: {', '.join(options)}")
        return value

    return parse


def text_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (text(value),)
    if not isinstance(value, list):
        raise FieldError(f"expected a list of texts, got {_kind(value)}")
    return tuple(text(v) for v in value)


def kind_list(value: Any) -> frozenset[str]:
    kinds = text_list(value)
    for k in kinds:
        choice(ACTOR_KINDS)(k)
    return frozenset(kinds)


def pattern(regex: str, what: str, limit: int = MAX_NAME) -> Callable[[Any], str]:
    compiled = re.compile(regex)

    def parse(value: Any) -> str:
        value = text(value, limit)
        if not compiled.fullmatch(value):
            raise FieldError(f"{excerpt(value)} is not {what}")
        return value

    return parse


def partial_date(value: Any) -> PartialDate:
    written = _as_text(value)
    if written is None or isinstance(value, float):
        raise FieldError(f"expected a date such as 2016, 2016-12 or 2016-12-20, got {_kind(value)}")
    try:
        return PartialDate.parse(written)
    except DateError as exc:
        raise FieldError(str(exc)) from None


def sign(value: Any) -> int:
    if isinstance(value, str) and value.strip() in {"+", "-", "0", "+1", "-1", "1"}:
        value = {"+": 1, "-": -1}.get(value.strip(), value)
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value not in (-1, 0, 1):
        raise FieldError(f"{excerpt(value)} is not a sign: use 1 (positive), 0 (neutral) or -1 (negative)")
    return int(value)


def confidence(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FieldError(f"{excerpt(value)} is not a number between 0 and 1")
    if not 0 <= value <= 1:
        raise FieldError(f"{excerpt(value)} is outside 0..1")
    return float(value)


def offsets(value: Any) -> tuple[int, int]:
    """Character offsets ``[begin, end]`` of a quotation in its source's text."""
    ok = (isinstance(value, list) and len(value) == 2
          and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value))
    if not ok or value[0] >= value[1]:
        raise FieldError(f"{excerpt(value)} is not a pair of character offsets [begin, end] with begin < end")
    return (int(value[0]), int(value[1]))


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldError(f"{excerpt(value)} is not true or false")
    return value


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {excerpt(value)}"


def _fields(*fields: Field) -> dict[str, Field]:
    return {f.name: f for f in fields}


RECORDS: dict[str, dict[str, Field]] = {
    "type": _fields(
        Field("name", slug, True, "the type's name, e.g. evacuates"),
        Field("sign", sign, True, "default sign: 1, 0 or -1"),
        Field("kind", choice(("stance", "event")), True, "stance (holds over time) or event"),
        Field("description", long_text),
        Field("symmetric", boolean, doc="true when direction carries no meaning"),
        Field("source_kinds", kind_list, doc="actor kinds allowed as source"),
        Field("target_kinds", kind_list, doc="actor kinds allowed as target"),
    ),
    "source": _fields(
        Field("id", record_id, True),
        Field("title", text, True),
        Field("publisher", text),
        Field("url", pattern(r"https?://\S+", "an http(s) URL", 2_000)),
        Field("published", partial_date),
        Field("notes", long_text, doc="which details are inferred rather than read in the document"),
    ),
    "actor": _fields(
        Field("id", slug, True, "stable lowercase slug of the common name"),
        Field("name", text, True),
        Field("kind", choice(ACTOR_KINDS), True),
        Field("aliases", text_list),
        Field("country", pattern(r"[A-Z]{3}", "an ISO 3166 alpha-3 code (three capital letters, e.g. RUS)")),
        Field("wikidata", pattern(r"Q[1-9][0-9]*", "a Wikidata Q-id (e.g. Q159)")),
        Field("part_of", slug, doc="id of the actor this one belongs to"),
        Field("description", long_text),
    ),
    "relation": _fields(
        Field("id", record_id, doc="stable id; derived from source, type, target and time if absent"),
        Field("source", slug, True, "actor id"),
        Field("type", slug, True, "a type of the vocabulary"),
        Field("target", slug, True, "actor id"),
        Field("sign", sign, doc="overrides the type's default sign"),
        Field("start", partial_date, doc="stances: first day it holds"),
        Field("end", partial_date, doc="stances: last day it holds; absent = ongoing"),
        Field("date", partial_date, doc="events: when it happened"),
        Field("confidence", confidence, doc="0..1, default 1"),
        Field("sources", lambda v: v, doc="citations: {ref, evidence} or an inline source"),
        Field("notes", long_text),
        Field("review", choice(REVIEW_STATES), doc="extracted candidates: pending, accepted or rejected"),
    ),
    "citation": _fields(
        Field("ref", record_id, doc="id of a source declared under sources"),
        Field("id", record_id),
        Field("title", text),
        Field("publisher", text),
        Field("url", pattern(r"https?://\S+", "an http(s) URL", 2_000)),
        Field("published", partial_date),
        Field("notes", long_text, doc="an inline source's notes: which of its details are inferred"),
        Field("evidence", long_text, doc="what the source says, in our own words"),
        Field("quote", long_text, doc="the source's own words (an extracted sentence), as a quotation"),
        Field("offsets", offsets, doc="[begin, end] character offsets of the quote in the source's text"),
    ),
}
"""Fields of each record kind. ``sources`` of a relation is a list of citations,
read field by field with ``RECORDS["citation"]``."""

SECTIONS = {"types": "type", "sources": "source", "actors": "actor", "relations": "relation"}
"""Top-level keys of a YAML dataset file and the record kind each holds."""
