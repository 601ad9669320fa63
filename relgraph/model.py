"""Actors, relations, sources, and the declared vocabulary they use.

The model is plain frozen dataclasses; reading and checking files is
:mod:`relgraph.dataset`'s job, so every object here is already valid.

>>> russia = Actor("russia", "Russia", "state", country="RUS")
>>> r = Relation("russia-backs-assad-regime", "russia", "backs", "assad-regime",
...              sign=1, start=PartialDate.parse("2011-03"))
>>> r.active_on(date(2016, 12, 20)), r.active_on(date(2010, 1, 1))
(True, False)
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from relgraph.dates import DEFAULT_EVENT_WINDOW, Duration, PartialDate, holds_on, shown_on

__all__ = [
    "ACTOR_KINDS",
    "BUILTIN_TYPES",
    "DEAL_KINDS",
    "REVIEW_STATES",
    "SIGN_SYMBOLS",
    "Actor",
    "ActorKind",
    "Citation",
    "Dataset",
    "Relation",
    "RelationType",
    "Source",
    "relation_id",
    "sign_symbol",
]

@dataclass(frozen=True)
class ActorKind:
    """An entry of the actor-kind vocabulary.

    A ``deal`` kind (an agreement, a resolution, a meeting) is a fact with
    several parties rather than a side: analysis leaves deals out of signed
    ties, and Neo4j gives them the ``:Deal`` label.
    """

    name: str
    description: str
    deal: bool = False


ACTOR_KINDS: dict[str, ActorKind] = {k.name: k for k in (
    ActorKind("state", "a sovereign state (Russia, Turkey)"),
    ActorKind("government", "a government or regime, as distinct from its state (the Assad regime)"),
    ActorKind("person", "a named individual (a leader, an envoy)"),
    ActorKind("armed-group", "a militia, rebel force or non-state armed group"),
    ActorKind("organisation", "an international or domestic body (the UN Security Council, a ministry)"),
    ActorKind("coalition", "an alliance or umbrella of actors (the Syrian opposition)"),
    ActorKind("agreement", "a deal, ceasefire or accord; parties, brokers and spoilers relate to it",
              deal=True),
    ActorKind("resolution", "a resolution or draft put to a vote", deal=True),
    ActorKind("meeting", "a summit, round of talks or conference; attendees relate to it", deal=True),
)}
"""Actor kinds, with what each is for. Agreements, resolutions and meetings are
nodes so that facts with more than two parties keep every party."""

DEAL_KINDS: frozenset[str] = frozenset(k.name for k in ACTOR_KINDS.values() if k.deal)
"""The kinds that are facts rather than sides: ``agreement``, ``meeting``, ``resolution``."""

Sign = Literal[-1, 0, 1]
TypeKind = Literal["stance", "event"]

Review = Literal["pending", "accepted", "rejected"]
REVIEW_STATES: dict[str, str] = {
    "pending": "proposed by relgraph extract, not yet reviewed: left out of curated data",
    "accepted": "reviewed and kept: relgraph merge adds it to a dataset",
    "rejected": "reviewed and refused: relgraph merge leaves it out",
}
"""Review states of a relation. A relation without one is curated data (as if accepted)."""

SIGN_SYMBOLS: dict[int, str] = {1: "+", -1: "-", 0: "0"}
"""How a sign is written in tables and descriptions (legends print a true minus; see render.style)."""


def sign_symbol(sign: int) -> str:
    """``+``, ``-`` or ``0``.

    >>> sign_symbol(-1) + "opposes"
    '-opposes'
    """
    return SIGN_SYMBOLS[sign]


@dataclass(frozen=True)
class RelationType:
    """An entry of the relation vocabulary.

    ``kind`` is ``"stance"`` (durable: holds from ``start`` to ``end``) or
    ``"event"`` (happens on a ``date``). ``symmetric`` types read the same both
    ways (``cooperates``); their direction carries no meaning. ``source_kinds``
    and ``target_kinds`` restrict which actor kinds the type links (``None``:
    any).
    """

    name: str
    sign: Sign
    kind: TypeKind
    description: str = ""
    symmetric: bool = False
    source_kinds: frozenset[str] | None = None
    target_kinds: frozenset[str] | None = None
    builtin: bool = field(default=False, compare=False)


def _t(name: str, sign: Sign, kind: TypeKind, description: str, symmetric: bool = False,
       source_kinds: frozenset[str] | None = None,
       target_kinds: frozenset[str] | None = None) -> RelationType:
    return RelationType(name, sign, kind, description, symmetric, source_kinds, target_kinds, True)


BUILTIN_TYPES: dict[str, RelationType] = {t.name: t for t in (
    # stances
    _t("backs", 1, "stance", "gives political, material or military support to"),
    _t("opposes", -1, "stance", "works against, politically or by proxy"),
    _t("cooperates", 1, "stance", "works with on shared aims", symmetric=True),
    _t("hostile-to", -1, "stance", "relations broken or at breaking point, short of war",
       symmetric=True),
    _t("fights", -1, "stance", "is in armed conflict with", symmetric=True),
    _t("fights-alongside", 1, "stance", "takes part in the same military operations as",
       symmetric=True),
    _t("leads", 1, "stance", "heads, commands or directs"),
    _t("represents", 1, "stance", "holds office for or speaks for (a minister, an envoy)",
       source_kinds=frozenset({"person", "organisation"})),
    _t("negotiates-with", 0, "stance", "holds talks towards a settlement with", symmetric=True),
    _t("tolerates", 0, "stance", "stands aside from or acquiesces in what the target does"),
    _t("party-to", 1, "stance", "is a party to", target_kinds=DEAL_KINDS),
    # events
    _t("brokers", 1, "event", "brokers or mediates", target_kinds=DEAL_KINDS),
    _t("accepts", 1, "event", "agrees to (terms, a measure, a deal)"),
    _t("undermines", -1, "event", "acts to defeat or delay", target_kinds=DEAL_KINDS),
    # A veto blocks a draft or a decision, not the body that votes on it: a body as the
    # target would make the Council an adversary in every signed analysis.
    _t("vetoes", -1, "event", "casts a veto against (a draft resolution or decision)",
       target_kinds=frozenset({"resolution", "agreement"})),
    _t("attends", 0, "event", "takes part in", target_kinds=frozenset({"meeting"})),
    _t("meets", 0, "event", "meets with", symmetric=True),
    _t("excludes", -1, "event", "leaves out of talks or a process"),
    _t("reconciles-with", 1, "event", "mends relations with", symmetric=True),
    _t("affirms-cooperation", 1, "event", "publicly commits to keep cooperating with",
       symmetric=True),
    _t("attacks", -1, "event", "carries out an attack on"),
    _t("defeats", -1, "event", "defeats or takes ground from"),
    _t("shoots-down", -1, "event", "shoots down an aircraft of"),
    _t("assassinates", -1, "event", "kills (a targeted killing)",
       target_kinds=frozenset({"person"})),
)}
"""The built-in vocabulary. A dataset may declare more types, never redefine these."""


@dataclass(frozen=True)
class Actor:
    """A state, government, person, group, organisation or agreement.

    ``id`` is a stable lowercase slug of the common name (``assad-regime``);
    ``country`` an ISO 3166 alpha-3 code; ``wikidata`` a Q-id; ``part_of`` the
    id of an actor this one structurally belongs to (a ministry of a state).
    Affiliations that change over time are relations, not attributes.
    """

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    wikidata: str | None = None
    part_of: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Source:
    """A document that relations cite: an article, report or statement.

    ``notes`` says what the record itself is unsure of: which of its details
    are inferred rather than read in the document, what could not be checked.
    """

    id: str
    title: str
    publisher: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Citation:
    """One source as cited by one relation, with the evidence note for it.

    ``quote`` is the source's own words (an extracted sentence), marked as a
    quotation so that it is never mistaken for our evidence note;
    ``offsets`` are its character offsets ``(begin, end)`` in the source's text.
    """

    source: Source
    evidence: str | None = None
    quote: str | None = None
    offsets: tuple[int, int] | None = None


@dataclass(frozen=True)
class Relation:
    """A signed, dated relation from actor ``source`` to actor ``target``.

    A stance has ``start`` and ``end`` (either may be open, ``None``); an
    event has ``date``. ``sources`` are the citations, ``confidence`` how sure
    the curator is (0..1). ``review`` is set on extracted candidates
    (:data:`REVIEW_STATES`); ``None`` is curated data.
    """

    id: str
    source: str
    type: str
    target: str
    sign: Sign
    start: PartialDate | None = None
    end: PartialDate | None = None
    date: PartialDate | None = None
    confidence: float = 1.0
    sources: tuple[Citation, ...] = ()
    notes: str | None = None
    review: Review | None = None

    @property
    def is_event(self) -> bool:
        return self.date is not None

    @property
    def first(self) -> datetime.date | None:
        """The first day it holds (a stance) or may have happened (an event); ``None``: open."""
        when = self.date or self.start
        return when.first if when else None

    @property
    def last(self) -> datetime.date | None:
        """The last day it holds (a stance) or may have happened (an event); ``None``: ongoing."""
        when = self.date or self.end
        return when.last if when else None

    def active_on(self, day: datetime.date, window: Duration | None = DEFAULT_EVENT_WINDOW) -> bool:
        """Whether a snapshot on ``day`` shows this relation (see :mod:`relgraph.dates`)."""
        if self.date is not None:
            return shown_on(self.date, day, window)
        return holds_on(self.start, self.end, day)


def relation_id(source: str, type: str, target: str, when: PartialDate | None) -> str:
    """The id a relation gets when none is given: readable and deterministic.

    >>> relation_id("russia", "backs", "assad-regime", PartialDate.parse("2011-03"))
    'russia.backs.assad-regime.2011-03'
    """
    # a range such as 2016-12-17/2016-12-18 is written with "_" so that the id stays a slug
    return f"{source}.{type}.{target}.{str(when).replace('/', '_') if when else 'open'}"


@dataclass
class Dataset:
    """Actors, relations, the sources they cite and the vocabulary they use.

    ``types`` always includes :data:`BUILTIN_TYPES`. Dictionaries keep file
    order, so writing a dataset back keeps its order.
    """

    actors: dict[str, Actor] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    types: dict[str, RelationType] = field(default_factory=lambda: dict(BUILTIN_TYPES))

    def at(self, day: date, window: Duration | None = DEFAULT_EVENT_WINDOW) -> Dataset:
        """The relations a snapshot on ``day`` shows, with all actors, sources and types."""
        return Dataset(
            actors=self.actors,
            relations={k: r for k, r in self.relations.items() if r.active_on(day, window)},
            sources=self.sources,
            types=self.types,
        )

    @property
    def custom_types(self) -> dict[str, RelationType]:
        return {k: t for k, t in self.types.items() if not t.builtin}
