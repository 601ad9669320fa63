"""Who "they", "it", "the two countries" and "the rebels" are: a light, rule-based coreference.

CoreNLP's own coreference was tried and left out: its statistical model adds
4 to 9 s to a 1,000-word article on this machine (the target is under 5 s in
all) and joins mentions no reader would ("Iran ... the deal", "China ... his
country's"); the deterministic one needs the constituency parser and is
slower still. What news articles mostly need is narrower, and is done here
with what the extractor already has, the actors named in each sentence:

- a pronoun ("it", "its", "they", "their", "he", "his") is the nearest
  actor that can be one: a single actor that is not a person for "it", a
  person for "he" and "she", actors named together ("Ethiopia and Eritrea")
  or a group for "they"; the same grammatical role (subject for subject)
  wins over mere nearness;
- a definite description made of a noun the lexicon declares
  (``anaphora`` in ``data/lexicon.yaml``) is first the actor named earlier
  with that noun ("Colombia's government ... the government"), however far
  back; else "the two countries" and "both sides" are the last two actors
  named together (of the right kind: states for "countries", people for
  "leaders"); "the three Gulf states" the last three; "the group" and "the
  rebels" the last armed group; "the coalition" the last coalition.

Otherwise only the current sentence (before the word) and the three before it are
searched, the nearer sentence first. Each sentence's referents are the
actors named in it, the groups named together by coordination, what its own
anaphors were read as (so that "the ELN ... its fighters ... the group"
chains), and the names it holds that are no actor (a place, an unknown
group): a pronoun whose nearest candidate is one of those is left alone
("Abkhazia said its fighters ..." is not read as an actor named before).

>>> from relgraph.ingest.articles.lexicon import load_lexicon
>>> d = Discourse(load_lexicon())
>>> a, b = Actor("ethiopia", "Ethiopia", "state"), Actor("eritrea", "Eritrea", "state")
>>> d.note(Referent((a, b), 0, 1, "subject"))
>>> d.finish()
>>> [x.id for x in d.find(Anaphor("plural", frozenset({"state", "government"}), 2, "subject"), 1, 1, set())]
['ethiopia', 'eritrea']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from relgraph.ingest.articles.corenlp import Sentence
from relgraph.ingest.articles.lexicon import Lexicon
from relgraph.model import Actor

__all__ = ["NUMBERS", "Anaphor", "Discourse", "Referent", "role_of"]

Role = Literal["subject", "object", "other"]
_WINDOW = 3  # sentences before the current one that are searched
NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5}
_NOT_PEOPLE = frozenset(
    {"state", "government", "organisation", "armed-group", "coalition", "agreement", "meeting", "resolution"}
)
_PRONOUNS: dict[str, tuple[Literal["single", "plural"], frozenset[str]]] = {
    "it": ("single", _NOT_PEOPLE),
    "its": ("single", _NOT_PEOPLE),
    "he": ("single", frozenset({"person"})),
    "him": ("single", frozenset({"person"})),
    "his": ("single", frozenset({"person"})),
    "she": ("single", frozenset({"person"})),
    "her": ("single", frozenset({"person"})),
    "they": ("plural", frozenset()),
    "them": ("plural", frozenset()),
    "their": ("plural", frozenset()),
}
# A single actor of these kinds may be "they": an armed group, a coalition, a bloc.
_COLLECTIVE = frozenset({"armed-group", "coalition", "organisation", "government"})


@dataclass(frozen=True)
class Referent:
    """Actors a sentence names (one, or several named together) at a head token, in a role.

    A referent with no actors is a name that is not an actor ("Abkhazia", "Aleppo"): a pronoun
    that is nearest to it is left unresolved rather than read as an actor further back.
    """

    actors: tuple[Actor, ...]
    sentence: int
    index: int
    role: Role
    person: bool = False  # for a referent with no actors: whether the name is a person's
    noun: str | None = None  # the noun it was named with: "government" for "Colombia's government"


@dataclass(frozen=True)
class Anaphor:
    """What an anaphoric word asks for: one actor or several, of which kinds (any if empty), how many."""

    number: Literal["single", "plural"]
    kinds: frozenset[str]
    count: int | None
    role: Role
    collective: bool = False  # "the rebels": one armed group may be meant by a plural
    pronoun: bool = False
    noun: str | None = None  # the description's noun: "government" in "the government"


def role_of(sentence: Sentence, index: int) -> Role:
    """The grammatical role of token ``index``: subject, object, or other."""
    relations = {d.relation for d in sentence.parents(index)}
    if any(
        d.relation == "nsubj" and any(p.relation == "xcomp" for p in sentence.parents(d.governor))
        for d in sentence.parents(index)
    ):
        return "object"  # "called it a mistake": the small clause's subject is the verb's object
    if relations & {"nsubj", "nsubj:xsubj", "nsubj:pass"}:
        in_relative = all(
            any(p.relation == "acl:relcl" for p in sentence.parents(d.governor))
            for d in sentence.parents(index)
            if d.relation in ("nsubj", "nsubj:xsubj", "nsubj:pass")
        )
        # "Hezbollah, which Iran has armed, fired ...": a relative clause's subject is in the background
        return "other" if in_relative else "subject"
    if relations & {"obj", "iobj"}:
        return "object"
    return "other"


class Discourse:
    """The referents of the sentences read so far, and the resolution of anaphors against them."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.past: list[list[Referent]] = []
        self.current: list[Referent] = []

    def note(self, referent: Referent) -> None:
        """Add a referent of the current sentence (one already there at that token is kept)."""
        if not any(r.index == referent.index for r in self.current):
            self.current.append(referent)

    def finish(self) -> None:
        """Close the current sentence."""
        self.past.append(self.current)
        self.current = []

    # -- which words are anaphors ------------------------------------------------------------

    def anaphor(self, sentence: Sentence, index: int) -> Anaphor | None:
        """What token ``index`` asks for, when it is a pronoun or a definite description; else ``None``."""
        token = sentence.token(index)
        role = role_of(sentence, index)
        word = token.word.lower()
        if token.pos in ("PRP", "PRP$") and word in _PRONOUNS:
            number, pronoun_kinds = _PRONOUNS[word]
            if token.pos == "PRP$":
                # "Its leader, X, said ...": a possessive takes the role of what it qualifies
                owned = [d.governor for d in sentence.parents(index) if d.relation == "nmod:poss"]
                role = role_of(sentence, owned[0]) if owned else role
            return Anaphor(number, pronoun_kinds, None, role, pronoun=True)
        if not token.pos.startswith("NN") or token.pos.startswith("NNP"):
            return None
        lemma = token.lemma.lower()
        kinds = self.lex.anaphora.get(lemma)
        if kinds is None:
            return None
        words = {sentence.token(d.dependent).word.lower(): d.relation for d in sentence.children(index)}
        count = next((n for w, n in NUMBERS.items() if w in words), None)
        for w, r in words.items():
            if r.startswith(("nmod", "acl", "appos")):
                return None  # "the rebels of the MNLA", "the group that ..." say who they are
            if count is None and (r.startswith("compound") or (r == "amod" and w[:1] != w[:1].lower())):
                return None  # "the Houthi rebels"; but "the three Gulf states" is still the last three
        definite = count is not None or any(w in ("the", "these", "those", "both") for w in words)
        if not definite:
            return None
        plural = token.pos == "NNS" or count is not None or "both" in words
        collective = plural and lemma in self.lex.members
        return Anaphor("plural" if plural else "single", kinds, count, role, collective, noun=lemma)

    # -- resolution --------------------------------------------------------------------------

    def find(self, anaphor: Anaphor, sentence: int, index: int, exclude: set[str]) -> list[Actor]:
        """The actors ``anaphor`` at token ``index`` of sentence number ``sentence`` stands for, or none."""
        if anaphor.noun is not None:
            # "Colombia's government ... the government": the actor named with the same noun, however far back
            named = [r for r in (*(r for past in self.past for r in past), *self.current)
                     if r.noun == anaphor.noun and (r.sentence < sentence or r.index < index)
                     and self._fits(anaphor, r) and not {a.id for a in r.actors} & exclude]
            if named:
                return list(named[-1].actors)
        window = [(0, r) for r in self.current if r.index < index]
        for distance, referents in enumerate(reversed(self.past[-_WINDOW:]), 1):
            window += [(distance, r) for r in referents]
        best: tuple[tuple[int, int, int, int], Referent] | None = None
        for distance, referent in window:
            if not self._fits(anaphor, referent) or {a.id for a in referent.actors} & exclude:
                continue
            # the same role first, then a subject (the most salient), then the nearest
            same_role, subject = referent.role == anaphor.role, referent.role == "subject"
            rank = (distance, 0 if same_role else 1, 0 if subject else 1, -referent.index)
            if best is None or rank < best[0]:
                best = (rank, referent)
        return list(best[1].actors) if best else []

    def _fits(self, anaphor: Anaphor, referent: Referent) -> bool:
        actors = referent.actors
        if not actors:
            # a name that is no actor stops a pronoun of its kind from reaching further back
            return anaphor.pronoun and referent.person == (anaphor.kinds == frozenset({"person"}))
        if anaphor.kinds and any(a.kind not in anaphor.kinds for a in actors):
            return False
        if anaphor.number == "single":
            return len(actors) == 1
        if anaphor.count is not None:
            return len(actors) == anaphor.count
        if len(actors) >= 2:
            return True
        # "they", "the rebels": one armed group or coalition may be meant
        return (anaphor.collective or not anaphor.kinds) and actors[0].kind in _COLLECTIVE
