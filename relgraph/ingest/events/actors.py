"""From the actors an event record names to relgraph actors: states by default, a user's map first.

Every format's actor is reduced to a :class:`Described` actor: a country (ISO
3166 alpha-3), a CAMEO role (``GOV``, ``MIL``, ``REB``, ``OPP`` ...), a
CAMEO known group (``UNO``, ``HEZ``) and a name, with the keys a user's map
may use for it. :class:`ActorMap` then decides, in this order:

1. the user's map (``--actors map.yaml``), by the most specific key first:
   the full CAMEO code (``SYRREBISL``) or the record's own name
   (``Military Forces of Syria (2000-)``), then country and role (``SYRGOV``),
   then the known group (``UNO``), then the country (``SYR``);
2. a known group: its own actor (``united-nations``);
3. a country with a non-state role (:data:`SEPARATE_ROLES`: rebels,
   insurgents, separatists, the opposition, unaligned armed forces): an
   actor of its own, ``syria-rebels``;
4. a country: the state (``RUS``, ``RUSGOV``, ``RUSMIL`` are all ``russia``);
5. otherwise none, with the reason the import reports.

A user's map sends keys to ids, with or without details::

    SYRGOV: assad-regime
    SYRMIL: assad-regime
    "Military Forces of Syria (2000-)": {id: assad-regime, name: Assad regime, kind: government}

>>> actors = ActorMap.load(None)
>>> actors.resolve(Described(keys=("SYRREB",), country="SYR", role="REB")).id
'syria-rebels'
>>> actors.resolve(Described(keys=("RUSGOV",), country="RUS", role="GOV")).id
'russia'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relgraph.errors import EventDataError
from relgraph.ingest.events.countries import CAMEO_CODES, COUNTRIES, GROUPS, REGIONS
from relgraph.ingest.events.user_yaml import read_user_yaml
from relgraph.model import Actor
from relgraph.readers import original_text

__all__ = ["ROLE_KINDS", "SEPARATE_ROLES", "ActorMap", "Described", "Resolved"]

SEPARATE_ROLES: dict[str, tuple[str, str, str]] = {
    "REB": ("rebels", "Rebels", "armed-group"),
    "INS": ("insurgents", "Insurgents", "armed-group"),
    "SEP": ("separatists", "Separatists", "armed-group"),
    "UAF": ("armed-groups", "Unaligned armed groups", "armed-group"),
    "OPP": ("opposition", "Political opposition", "coalition"),
}
"""CAMEO roles that are actors apart from their state: code -> (id suffix, name, kind)."""

ROLE_KINDS: dict[str, str] = {"GOV": "government", "MIL": "organisation", "COP": "organisation",
                              "SPY": "organisation", "JUD": "organisation", "LEG": "organisation"}
"""The kind of actor a state role stands for, used when a user maps it to an id of their own."""


@dataclass(frozen=True)
class Described:
    """An actor as one record describes it. ``keys`` are the user-map keys, most specific first."""

    keys: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166 alpha-3, or a CAMEO code that :func:`_iso` turns into one
    role: str | None = None
    group: str | None = None
    name: str | None = None
    kind: str | None = None  # what the record says the actor is, when it says
    missing: str | None = None  # why this is no actor unless the user maps it (civilians, protesters)


@dataclass(frozen=True)
class Resolved:
    """The actor a description goes to, or ``None`` and why not."""

    id: str | None
    reason: str | None = None
    detail: str | None = None  # the code or name that had no actor, shown as an example


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _iso(code: str | None) -> str | None:
    return CAMEO_CODES.get(code, code) if code else None


def _state(code: str) -> Actor:
    c = COUNTRIES[code]
    return Actor(c.id, c.name, "state", country=c.code, wikidata=c.wikidata)


class ActorMap:
    """Resolves described actors to ids and keeps the :class:`~relgraph.model.Actor` of each id used."""

    def __init__(self, user: dict[str, str] | None = None, details: dict[str, Actor] | None = None) -> None:
        self.user = user or {}
        self.details = details or {}
        self.actors: dict[str, Actor] = {}

    @classmethod
    def load(cls, path: str | Path | None) -> ActorMap:
        """The default mapping, with the user's map at ``path`` (``None``: none) taking precedence."""
        if path is None:
            return cls()
        path = Path(path)
        doc = read_user_yaml(path, "the actor map")
        if not isinstance(doc, dict):
            raise EventDataError(f"{path}: expected a mapping of codes or names to actor ids")
        user: dict[str, str] = {}
        details: dict[str, Actor] = {}
        for written, value in doc.items():
            key = str(original_text(written))  # as written: a code 042 stays "042"
            ident, actor = _user_entry(path, key, value)
            user[key] = ident
            if actor is not None:
                details[ident] = actor
        return cls(user, details)

    def resolve(self, actor: Described) -> Resolved:
        """The id ``actor`` goes to (recording its details in :attr:`actors`), or why none."""
        country = _iso(actor.country)
        for key in (*actor.keys, *(k for k in (actor.group, country, actor.country) if k)):
            if key in self.user:
                return self._use(self.user[key], actor, country, key)
        if actor.group in GROUPS:
            g = GROUPS[actor.group]
            return self._keep(Actor(g.id, g.name, g.kind, wikidata=g.wikidata))
        if country in COUNTRIES:
            if actor.role in SEPARATE_ROLES:
                suffix, label, kind = SEPARATE_ROLES[actor.role]
                c = COUNTRIES[country]
                return self._keep(Actor(f"{c.id}-{suffix}", f"{label} ({c.name})", kind, country=c.code))
            if actor.missing:
                return Resolved(None, actor.missing, actor.name)
            if actor.kind and actor.kind != "state" and actor.name:
                return self._keep(Actor(_slug(actor.name), actor.name, actor.kind, country=country))
            return self._keep(_state(country))
        if actor.kind and actor.name and not actor.missing:
            return self._keep(Actor(_slug(actor.name), actor.name, actor.kind))
        if country in REGIONS or actor.country in REGIONS:
            return Resolved(None, "a region or place, not a state", actor.country)
        if country:
            return Resolved(None, "unknown country", actor.country)
        shown = actor.keys[0] if actor.keys else actor.name or actor.role or "?"
        return Resolved(None, actor.missing or "no country or known group", shown)

    def _keep(self, actor: Actor) -> Resolved:
        if not actor.id:
            return Resolved(None, "no usable name", actor.name)
        self.actors.setdefault(actor.id, actor)
        return Resolved(actor.id)

    def _use(self, ident: str, actor: Described, country: str | None, key: str) -> Resolved:
        if ident in self.details:
            return self._keep(self.details[ident])
        known = next((_state(c.code) for c in COUNTRIES.values() if c.id == ident), None)
        if known is None:
            known = next((Actor(g.id, g.name, g.kind, wikidata=g.wikidata)
                          for g in GROUPS.values() if g.id == ident), None)
        if known is None:
            # the kind of what the matched key names: SYR a state, SYRGOV a government, SYRREB rebels
            role = actor.role if key not in (country, actor.country, actor.group) else None
            kind = ("state" if key in (country, actor.country) else
                    ROLE_KINDS.get(role or "")
                    or (SEPARATE_ROLES[role][2] if role in SEPARATE_ROLES else None)
                    or actor.kind or "organisation")
            name = ident.replace("-", " ").capitalize()
            known = Actor(ident, name, kind, country=country if country in COUNTRIES else None)
        return self._keep(known)


def _user_entry(path: Path, key: str, value: Any) -> tuple[str, Actor | None]:
    from relgraph.errors import FieldError
    from relgraph.schema import RECORDS

    where = f"{path}: {key!r}"
    if isinstance(value, str):
        value = {"id": value}
    if not isinstance(value, dict) or "id" not in value:
        raise EventDataError(f"{where}: expected an actor id, or {{id, name, kind, country, wikidata}}")
    fields = RECORDS["actor"]
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise EventDataError(f"{where}: unknown field {unknown[0]!r}")
    try:
        parsed = {k: fields[k].parse(v) for k, v in value.items() if v is not None}
    except FieldError as exc:
        raise EventDataError(f"{where}: {exc}") from None
    if set(parsed) == {"id"}:
        return parsed["id"], None
    parsed.setdefault("name", parsed["id"].replace("-", " ").capitalize())
    parsed.setdefault("kind", "organisation")
    if "aliases" in parsed:
        parsed["aliases"] = tuple(parsed["aliases"])
    return parsed["id"], Actor(**parsed)
