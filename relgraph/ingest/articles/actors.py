"""Who a mention names: the dataset's own actors first, then countries, then CAMEO's known groups.

A :class:`Resolver` indexes every name it knows: the ids, names and aliases
of the dataset given (``--data``); the countries of ``pycountry`` with the
short names, capitals, demonyms and institutions of ``data/places.yaml``
("Ankara", "Turkish", "the Kremlin" all name Turkey or Russia); and the known
groups of the CAMEO codebook (``data/cameo-groups.yaml``: Hezbollah, NATO,
the Arab League). :meth:`Resolver.mentions` finds the longest names in a
sentence, then adds the people and organisations CoreNLP's NER tags that no
index holds, as new actors with a slug id.

>>> from relgraph.model import Actor, Dataset
>>> known = Dataset(actors={"assad-regime": Actor("assad-regime", "Assad regime", "government",
...                                               ("Damascus",), "SYR")})
>>> r = Resolver(known)
>>> r.lookup("Damascus").id, r.lookup("Ankara").id, r.lookup("Turkish").id, r.lookup("the Kremlin").id
('assad-regime', 'turkey', 'turkey', 'russia')
>>> r.lookup("Hezbollah").kind, r.lookup("turkey") is None
('armed-group', True)
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import yaml

from relgraph.ingest.articles.corenlp import Sentence
from relgraph.model import Actor, Dataset

__all__ = ["BODIES", "ActorMention", "Resolver", "key", "slugify"]

BODIES = ("organisation", "armed-group", "coalition", "government")
"""The kinds of actor, other than a state, that a person can lead or speak for."""

_MAX_WORDS = 8
_NEW_KINDS = {"PERSON": "person", "ORGANIZATION": "organisation"}
_PRONOUNS = ("PRP", "PRP$", "WP", "WP$")
_ARMED = re.compile(
    r"\b(militia|militias|rebels?|brigades?|army|front|forces|fighters|guerrillas?|"
    r"insurgents?|movement|jihad|mujahideen|taliban|state)\b",
    re.I,
)


def key(text: str) -> str:
    """How names are compared: case and accents folded, a leading "the" and possessive dropped.

    >>> key("the Kremlin's"), key("Erdoğan")
    ('kremlin', 'erdogan')
    """
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()
    text = re.sub(r"\s+", " ", re.sub(r"\s*([-'])\s*", r"\1", text))
    text = re.sub(r"^the ", "", text)
    return re.sub(r"'s?$", "", text).strip()


def slugify(name: str) -> str:
    """A relgraph id for a name.

    >>> slugify("Recep Tayyip Erdoğan"), slugify("Forces loyal to Saleh")
    ('recep-tayyip-erdogan', 'forces-loyal-to-saleh')
    """
    return re.sub(r"[^a-z0-9]+", "-", key(name).replace("'", "")).strip("-") or "actor"


@dataclass(frozen=True)
class ActorMention:
    """An actor named in a sentence over tokens ``first..last`` (1-based), with the head token of the span."""

    actor: Actor
    first: int
    last: int
    head: int
    how: str

    def covers(self, index: int) -> bool:
        return self.first <= index <= self.last


@dataclass(frozen=True)
class _Name:
    actor: Actor
    original: str
    how: str
    rank: int  # lower wins: the dataset, then countries, then CAMEO groups


@functools.cache
def _data(name: str) -> dict[str, Any]:
    text = resources.files("relgraph.ingest.articles").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _countries() -> dict[str, tuple[Actor, dict[str, list[str]]]]:
    """Each country code -> (a state actor with its short name, the names that stand for it)."""
    import pycountry

    places = _data("places.yaml")
    out: dict[str, tuple[Actor, dict[str, list[str]]]] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        extra = places.get(code, {})
        short = extra.get("name") or getattr(country, "common_name", None) or country.name
        official = [
            n
            for n in (
                country.name,
                getattr(country, "official_name", None),
                getattr(country, "common_name", None),
            )
            if n
        ]
        names = {
            "country": [short, *official],
            "capital": list(extra.get("capital", ())),
            "demonym": list(extra.get("demonym", ())),
            "institution": list(extra.get("also", ())),
        }
        out[code] = (Actor(slugify(short), short, "state", country=code), names)
    return out


class Resolver:
    """Names to actors, for one extraction run; see the module docstring."""

    def __init__(self, known: Dataset | None = None) -> None:
        self.known = known or Dataset()
        self._names: dict[str, list[_Name]] = {}
        self._new: dict[str, Actor] = {}
        for actor in self.known.actors.values():
            for name in (actor.name, actor.id, *actor.aliases):
                self._add(name, actor, "dataset", 0)
                # "Iraqi militias (Iranian-led)": the name without what tells it apart in a list
                if (bare := re.sub(r"\s*\([^()]*\)$", "", name)) != name:
                    self._add(bare, actor, "dataset", 0)
        self._countries = _countries()
        for code, (actor, names) in self._countries.items():
            state = self.state(code)
            for how, words in names.items():
                for word in words:
                    self._add(word, state if state.country == code else actor, how, 1)
        for group in _data("cameo-groups.yaml").values():
            actor = Actor(
                slugify(group["name"]), group["name"], group["kind"], tuple(group.get("aliases", ()))
            )
            actor = self._known_twin(actor)
            for word in (group["name"], *group.get("aliases", ())):
                self._add(word, actor, "cameo", 2)

    def _known_twin(self, actor: Actor) -> Actor:
        return self.known.actors.get(actor.id, actor)

    def _add(self, name: str, actor: Actor, how: str, rank: int) -> None:
        k = key(name)
        if k:
            self._names.setdefault(k, []).append(_Name(actor, name, how, rank))

    def state(self, code: str) -> Actor:
        """The actor for a country code: the dataset's state with that code, else a new state actor."""
        for actor in self.known.actors.values():
            if actor.country == code and actor.kind == "state":
                return actor
        if code in self._countries:
            return self._known_twin(self._countries[code][0])
        return Actor(code.lower(), code, "state", country=code)

    def government(self, code: str) -> Actor:
        """Whom a leader of country ``code`` heads: the known state, or its government, else the state."""
        state = self.state(code)
        if state.id in self.known.actors:
            return state
        govs = [a for a in self.known.actors.values() if a.country == code and a.kind == "government"]
        return govs[0] if len(govs) == 1 else state

    def lookup(self, text: str, *, exact_case: bool = True) -> Actor | None:
        """The actor ``text`` names, or ``None``; a capitalised name needs a capital in the text."""
        found = self._lookup(text, exact_case)
        return found.actor if found else None

    def _lookup(self, text: str, exact_case: bool = True) -> _Name | None:
        k = key(text)
        # A group's member named as an adjective ("the Maoist chairman", "a Turkish Cypriot leader") names
        # the group, when the dataset itself calls it by the plural.
        names = self._names.get(k) or [n for n in self._names.get(k + "s", ()) if n.how == "dataset"]
        if not names:
            return None
        stripped = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
        for name in sorted(names, key=lambda n: n.rank):
            if not exact_case:
                return name
            if (
                len(name.original) <= 4
                and name.original.isupper()
                and stripped.rstrip("'s’") != name.original
            ):
                continue  # "US" is not "us"
            sentence_case = any(w[:1].islower() for w in name.original.split()[1:])  # "Seven-party alliance"
            if name.original[:1].isupper() and not stripped[:1].isupper() and not sentence_case:
                continue  # "Turkey" is not "turkey"
            return name
        return None

    def new_actor(self, name: str, kind: str, country: str | None = None) -> Actor:
        """An actor the dataset does not hold, with a slug id that no dataset actor has."""
        found = self._lookup(name)
        if found:
            return found.actor
        base = slugify(name)
        ident, n = base, 1
        while ident in self.known.actors and self.known.actors[ident].name != name:
            n += 1
            ident = f"{base}-{n}"
        actor = self._new.setdefault(ident, Actor(ident, name, kind, country=country))
        self._add(name, actor, "new", 3)
        if kind == "person" and " " in name:
            self._add(name.split()[-1], actor, "new", 4)  # "Putin" after "Vladimir Putin"
        return actor

    def mentions(self, sentence: Sentence, text: str) -> list[ActorMention]:
        """The actors named in ``sentence`` (``text`` is the article), longest names first, no overlaps."""
        tokens = sentence.tokens
        taken: set[int] = set()
        found: list[ActorMention] = []
        i = 0
        while i < len(tokens):
            for j in range(min(len(tokens), i + _MAX_WORDS) - 1, i - 1, -1):
                phrase = text[tokens[i].begin : tokens[j].end]
                name = self._lookup(phrase)
                if name and not (j == i and tokens[i].pos in ("PRP", "DT", "IN", "CC")):
                    span = range(tokens[i].index, tokens[j].index + 1)
                    found.append(
                        ActorMention(name.actor, span.start, span.stop - 1, _head(sentence, span), name.how)
                    )
                    taken.update(span)
                    i = j
                    break
            i += 1
        found = self._shared_heads(sentence, text, found)
        taken = {i for m in found for i in range(m.first, m.last + 1)}
        for m in sentence.mentions:
            span = range(m.first, m.last + 1)
            if m.ner not in _NEW_KINDS or taken.intersection(span):
                continue
            if all(sentence.token(i).pos in _PRONOUNS for i in span):
                continue  # CoreNLP tags "he" and "his" as people: anaphors are read elsewhere
            label = _strip_title(m.text)
            kind = _NEW_KINDS[m.ner]
            if kind == "organisation" and _ARMED.search(label):
                kind = "armed-group"
            found.append(
                ActorMention(self.new_actor(label, kind), m.first, m.last, _head(sentence, span), "ner")
            )
            taken.update(span)
        return sorted(found, key=lambda a: a.first)

    def _shared_heads(self, sentence: Sentence, text: str, found: list[ActorMention]) -> list[ActorMention]:
        """``found``, where "Iraqi and Afghan militia" names two groups of the dataset ("Iraqi militias",
        "Afghan militias"): a modifier coordinated with the first word of a dataset's name, read with the
        rest of that name, names an actor of its own."""
        out = list(found)
        for m in found:
            if m.how != "dataset" or m.last == m.first:
                continue
            rest = text[sentence.token(m.first).end : sentence.token(m.last).end]
            for d in sentence.parents(m.first):
                if not d.relation.startswith("conj") or d.governor >= m.first:
                    continue
                other = self._lookup(sentence.token(d.governor).word + rest)
                if other is None or other.how != "dataset" or other.actor == m.actor:
                    continue
                at = d.governor
                out = [n for n in out if not n.covers(at)]
                out.append(ActorMention(other.actor, at, at, at, "dataset"))
        return sorted(out, key=lambda a: a.first)

    def with_alias(self, actor: Actor, alias: str) -> Actor:
        """``actor`` with ``alias`` added, unless it is already a name of it."""
        if key(alias) in {key(n) for n in (actor.name, actor.id, *actor.aliases)}:
            return actor
        return replace(actor, aliases=(*actor.aliases, alias))


def _head(sentence: Sentence, span: range) -> int:
    for index in span:
        if all(not (span.start <= d.governor < span.stop) for d in sentence.parents(index)):
            return index
    return span.stop - 1


def _strip_title(name: str) -> str:
    return re.sub(
        r"^(President|Prime Minister|Sheikh|King|Emir|General|Gen\.|Mr\.?|Mrs\.?|Ms\.?)\s+", "", name
    )
