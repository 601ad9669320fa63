"""The extractor's lexicon, declared in ``data/lexicon.yaml``: verbs, nouns and titles to relation types.

Each entry is informed by a CAMEO event code; a built-in relation type keeps
its own sign, a custom one takes the sign of its code's Goldstein value.

>>> lex = load_lexicon()
>>> [(e.type, p.particle, p.preps) for e, p in lex.verbs_for("shoot")]  # "shoot at", "shoot down"
[('attacks', None, ('at',)), ('shoots-down', 'down', ())]
>>> lex.noun("backer").type, lex.participle("led").type
('backs', 'leads')
>>> lex.relation_type("criticises").sign
-1
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from relgraph.model import BUILTIN_TYPES, RelationType

__all__ = ["Entry", "Lexicon", "VerbPattern", "load_lexicon"]


@dataclass(frozen=True)
class VerbPattern:
    """A verb with what must come with it; see the header of ``data/lexicon.yaml``."""

    lemma: str
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    preps: tuple[str, ...] = ()
    reverse: bool = False
    mutual: bool = False
    as_: frozenset[str] = frozenset()
    xcomp: bool = False
    while_: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Entry:
    """The words that make one relation type."""

    type: str
    cameo: str | None
    goldstein: float | None
    verbs: tuple[VerbPattern, ...] = ()
    nouns: frozenset[str] = frozenset()
    participles: frozenset[str] = frozenset()
    acts: frozenset[str] = frozenset()
    act_preps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[Entry, ...]
    custom_types: dict[str, RelationType]
    negators: frozenset[str]
    ruling_out: tuple[VerbPattern, ...]
    irrealis: frozenset[str]
    modals: frozenset[str]
    reporting: frozenset[str]
    hedges: frozenset[str]
    negations: frozenset[str]
    leader_titles: tuple[str, ...]
    office_titles: tuple[str, ...]
    cancel_titles: frozenset[str]
    ministries: dict[str, tuple[str, ...]]
    deals: dict[str, str]
    forces: frozenset[str]
    named_by: frozenset[str] = frozenset()
    actions: frozenset[str] = frozenset()
    members: frozenset[str] = frozenset()
    anaphora: dict[str, frozenset[str]] = field(default_factory=dict)
    office: dict[str, frozenset[str]] = field(default_factory=dict)
    follow: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    deploy: frozenset[str] = frozenset()
    receive: frozenset[str] = frozenset()
    ending: frozenset[str] = frozenset()
    claims: frozenset[str] = frozenset()
    refuting: frozenset[str] = frozenset()
    unlikely: frozenset[str] = frozenset()
    auspices: frozenset[str] = frozenset()
    ranks: frozenset[str] = frozenset()
    naming: frozenset[str] = frozenset()
    governing: frozenset[str] = frozenset()
    singular_deals: frozenset[str] = frozenset()
    signing: frozenset[str] = frozenset()
    vessels: frozenset[str] = frozenset()
    geography: frozenset[str] = frozenset()
    states: dict[str, str] = field(default_factory=dict)
    relations_are: dict[str, str] = field(default_factory=dict)
    _by_verb: dict[str, list[tuple[Entry, VerbPattern]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for pattern in entry.verbs:
                self._by_verb.setdefault(pattern.lemma, []).append((entry, pattern))

    def verbs_for(self, lemma: str) -> list[tuple[Entry, VerbPattern]]:
        """The entries a verb lemma may make, most specific pattern first."""
        found = self._by_verb.get(lemma.lower(), [])
        return sorted(
            found,
            key=lambda ep: (
                -(
                    bool(ep[1].particle)
                    + bool(ep[1].objects)
                    + bool(ep[1].preps)
                    + bool(ep[1].as_)
                    + ep[1].xcomp
                    + bool(ep[1].while_)
                )
            ),
        )

    @functools.cached_property
    def verb_lemmas(self) -> frozenset[str]:
        """Every verb lemma some entry reads."""
        return frozenset(self._by_verb)

    def first(self, rtype: str) -> Entry:
        """The first entry of type ``rtype`` (for a relation read from a construction, not a word)."""
        return next(e for e in self.entries if e.type == rtype)

    @functools.cached_property
    def deal_making(self) -> frozenset[str]:
        """The verbs that make a deal: signing one, brokering one."""
        return frozenset(p.lemma for e in self.entries if e.type in ("party-to", "brokers") for p in e.verbs)

    def noun(self, lemma: str) -> Entry | None:
        return next((e for e in self.entries if lemma.lower() in e.nouns), None)

    def act(self, lemma: str) -> Entry | None:
        """The entry whose act a noun names ("support" in "Iran's support for Assad")."""
        return next((e for e in self.entries if lemma.lower() in e.acts), None)

    @functools.cached_property
    def hostile_acts(self) -> frozenset[str]:
        """The nouns for hostile acts (attacks, sanctions and the like): "the bombing", "the strikes"."""
        hostile = ("attacks", "fights", "sanctions")
        return frozenset(n for e in self.entries if e.type in hostile for n in e.acts)

    def participle(self, word: str) -> Entry | None:
        return next((e for e in self.entries if word.lower() in e.participles), None)

    def relation_type(self, name: str) -> RelationType:
        """The built-in or custom type ``name``."""
        return BUILTIN_TYPES.get(name) or self.custom_types[name]

    def cameo_sign(self, lemma: str) -> int:
        """The sign of the Goldstein value of the CAMEO code a verb lemma is listed under (0 if none)."""
        for entry, _ in self.verbs_for(lemma):
            if entry.goldstein is not None:
                return (entry.goldstein > 0) - (entry.goldstein < 0)
        return 0


def _pattern(value: Any) -> VerbPattern:
    if isinstance(value, str):
        return VerbPattern(value)
    return VerbPattern(
        value["lemma"],
        value.get("particle"),
        frozenset(value.get("object") or ()),
        tuple(value.get("prep") or ()),
        bool(value.get("reverse", False)),
        bool(value.get("mutual", False)),
        frozenset(value.get("as") or ()),
        bool(value.get("xcomp", False)),
        frozenset(value.get("while") or ()),
    )


def _sign(goldstein: float | None) -> int:
    return 0 if not goldstein else (1 if goldstein > 0 else -1)


@functools.cache
def load_lexicon() -> Lexicon:
    """The lexicon bundled with relgraph (read once)."""
    data = resources.files("relgraph.ingest.articles").joinpath("data", "lexicon.yaml")
    text = data.read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    entries = tuple(
        Entry(
            e["type"],
            e.get("cameo"),
            e.get("goldstein"),
            tuple(_pattern(v) for v in e.get("verbs") or ()),
            frozenset(e.get("nouns") or ()),
            frozenset(e.get("participles") or ()),
            frozenset((e.get("acts") or {}).get("nouns") or ()),
            tuple((e.get("acts") or {}).get("prep") or ()),
        )
        for e in raw["entries"]
    )
    goldstein = {e.type: e.goldstein for e in entries if e.goldstein is not None}
    custom = {
        name: RelationType(
            name, spec.get("sign", _sign(goldstein.get(name))), spec["kind"], spec.get("description", "")
        )
        for name, spec in raw["types"].items()
    }
    titles = raw["titles"]
    deals = {noun: kind for kind, nouns in raw["deals"].items() for noun in nouns}
    return Lexicon(
        entries=entries,
        custom_types=custom,
        negators=frozenset(raw["negators"]),
        ruling_out=tuple(_pattern(v) for v in raw["ruling_out"]),
        irrealis=frozenset(raw["irrealis"]),
        modals=frozenset(raw["modals"]),
        reporting=frozenset(raw["reporting"]),
        hedges=frozenset(raw["hedges"]),
        negations=frozenset(raw["negations"]),
        leader_titles=tuple(sorted(titles["leads"], key=lambda t: -len(t))),
        office_titles=tuple(sorted(titles["represents"], key=lambda t: -len(t))),
        cancel_titles=frozenset(titles["cancel"]),
        ministries={k: tuple(v) for k, v in raw["ministries"].items()},
        deals=deals,
        forces=frozenset(raw["forces"]),
        named_by=frozenset(raw.get("named_by") or ()),
        actions=frozenset(raw.get("actions") or ()),
        members=frozenset(raw.get("members") or ()),
        anaphora={k: frozenset(v or ()) for k, v in (raw.get("anaphora") or {}).items()},
        office={k: frozenset(v or ()) for k, v in (raw.get("office") or {}).items()},
        follow=frozenset(raw.get("follow") or ()),
        places=frozenset(raw.get("places") or ()),
        deploy=frozenset(raw.get("deploy") or ()),
        signing=frozenset(raw.get("signing") or ()),
        vessels=frozenset(raw.get("vessels") or ()),
        geography=frozenset(raw.get("geography") or ()),
        states={w: rtype for rtype, words in (raw.get("states") or {}).items() for w in words},
        receive=frozenset(raw.get("receive") or ()),
        ending=frozenset(raw.get("ending") or ()),
        claims=frozenset(raw.get("claims") or ()),
        refuting=frozenset(raw.get("refuting") or ()),
        unlikely=frozenset(raw.get("unlikely") or ()),
        auspices=frozenset(raw.get("auspices") or ()),
        ranks=frozenset(raw.get("ranks") or ()),
        naming=frozenset(raw.get("naming") or ()),
        governing=frozenset(raw.get("governing") or ()),
        singular_deals=frozenset(raw.get("singular_deals") or ()),
        relations_are={w: rtype for rtype, words in (raw.get("relations_are") or {}).items() for w in words},
    )
