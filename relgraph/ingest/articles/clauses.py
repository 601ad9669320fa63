"""Who does what to whom, and when, read from one sentence's dependency parse.

:func:`claims` finds the predicates the lexicon knows (verbs, predicate nouns,
hyphenated participles such as "Iranian-led") and their arguments in CoreNLP's
enhanced++ dependencies, which already share a subject or object among
conjuncts ("Russia and Iran back X" gives two subjects) and give the agent of
a passive ("a truce brokered by Moscow and Ankara"). A clause that is negated
("did not intervene"), refused ("refused to meet"), modal or future ("may
back", "would follow") makes nothing; one reported by someone ("Ankara says
...") is kept with a lower confidence and attributed in its notes. Dates come
from the time expressions attached to the predicate: "since March 2011"
starts a stance, "on Monday" dates an event.

Beyond one clause: an argument may be a pronoun or a description ("they",
"the two countries", "the rebels"), read as actors of the sentences before
by :mod:`relgraph.ingest.articles.discourse` (the claim's confidence is then
lower and its notes say how it was read); a reciprocal predicate with
subjects named together and no target ("Ethiopia and Eritrea fought a
war") holds between them; a title in apposition names the person who acts
("Kuwait's emir, Sheikh Sabah, spoke with ..."); a spokesman, envoy or
fighters "of" or "for" a group act for it; a person's leadership starts when
the article says they took office. A few frequent parser errors are
repaired: the subject of a relative clause taken for its object, "as X
signed" read as a prepositional phrase, a finite verb coordinated under an
infinitive ("offered to mediate and spoke with ..."), a time taken for a
subject ("and hours later accepted"), a name after a date taken for the
date's ("on Thursday President X called"), a participle with its agent made
the head of the sentence ("X, supported by Y, drove ...").

Arguments stand for actors in more ways: a place or asset for the state it
belongs to or lies in ("bombed Beirut's airport", "struck targets across
Yugoslavia"); "the bombing" a reaction speaks of for whoever's hostile act
was read last, else the lead's; the forces one sends for oneself; a person's
government for the state of their country, which they then lead; the one
accused "of arming X" for the one who arms X, as a claim of the accuser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from relgraph.dates import PartialDate
from relgraph.ingest.articles.actors import BODIES, ActorMention, Resolver, key
from relgraph.ingest.articles.corenlp import Dependency, Document, Mention, Sentence, Token
from relgraph.ingest.articles.discourse import NUMBERS, Anaphor, Discourse, Referent, role_of
from relgraph.ingest.articles.lexicon import Entry, Lexicon, VerbPattern
from relgraph.ingest.articles.repairs import gerund_repaired
from relgraph.ingest.articles.when import before, from_text, mention_date, shifted
from relgraph.model import Actor

__all__ = ["Claim", "Reader"]

Role = Literal["start", "end", "date", "before"]  # "before" dates are read but say no date

_SUBJECT = ("nsubj", "nsubj:xsubj")
_AGENT = ("obl:agent", "obl:by", "nmod:agent", "nmod:by")
_OWNER = ("amod", "compound", "nmod:poss", "nmod:of", "nmod:from", "nmod:for")
_MEMBER_OF = ("compound", "nmod:of", "nmod:from")
_AGENT_OF = ("amod", "compound", "nmod:poss", "nmod:by", "nmod:agent")
_FINITE = ("VBD", "VBZ", "VBP")
_SUBORDINATE = ("after", "when", "advcl", "as", "while")  # clauses that share the date of theirs
_TOGETHER = ("together", "along")
_LINKING = frozenset({"remain", "become", "stay"})
_ACTING_AS = frozenset({"act", "serve"})
_OPENING = frozenset({"open", "begin", "start", "hold", "host", "resume", "launch", "convene"})
_PURSUING = frozenset({"conduct", "pursue", "continue"})
_MEANS = ("obl:through", "obl:via")
_EXPRESSING = frozenset({"voice", "express", "reaffirm", "reiterate", "declare", "signal", "pledge", "offer"})
_LIGHT = _OPENING | _PURSUING | _EXPRESSING  # verbs whose object act is the subject's: "voiced support for X"
_CAUSING = frozenset({"lead", "prompt", "push", "drive", "force", "persuade", "convince", "cause", "compel"})
_TIES = ("relation", "relations", "tie", "ties")
_TOWARDS_A_REGIME = ("backs", "opposes", "fights", "fights-alongside", "hostile-to", "cooperates")
_TIMES = ("DATE", "TIME", "DURATION", "SET")
_HOSTILE = ("attacks", "defeats", "shoots-down", "assassinates", "sanctions")  # what "the bombing" may be
# and what "the move" or "the decision" may be, besides
_MOVES = (*_HOSTILE, "vetoes", "cuts-ties", "excludes")
_GENERIC_ACTS = frozenset({"move", "decision", "step", "action"})
_ACTS_WINDOW = 3  # sentences back in which "the bombing" looks for who bombed
# "accused X of arming Y", "charged X with ...", "blamed X for ...": X does it (the parse may make the
# clause an obl)
_CONTROL = ("advcl:of", "advcl:with", "obl:of", "obl:with", "advcl:for", "obl:for")
_FOR_THE_STATE = ("party-to", "attends", "accepts", "cuts-ties")
_NO_BODY = ("person", "state", "agreement", "resolution", "meeting")  # what no one signs for
_WHERE = ("nmod:in", "nmod:across", "nmod:throughout", "nmod:inside")
_NAMES = ("PERSON", "ORGANIZATION", "LOCATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE")
_ANAPHOR_CONFIDENCE = 0.9  # a claim with an argument read from an earlier mention
_TIME_CASES: dict[str, Role] = {
    "since": "start",
    "from": "start",
    "after": "start",
    "until": "end",
    "till": "end",
    "through": "end",
    "to": "end",
    "before": "before",
}


@dataclass(frozen=True)
class Claim:
    """One candidate relation read from one clause."""

    source: Actor
    type: str
    target: Actor
    sentence: Sentence
    start: PartialDate | None = None
    end: PartialDate | None = None
    date: PartialDate | None = None
    confidence: float = 0.8
    notes: str | None = None
    stated: bool = True  # False when the date is the default (the article's day or year)


@dataclass
class _Frame:
    """What is known about a predicate before its arguments are read."""

    entry: Entry
    pattern: VerbPattern | None
    predicate: int
    confidence: float
    notes: str | None


class Reader:
    """Reads the claims of each sentence of one document."""

    def __init__(self, document: Document, resolver: Resolver, lexicon: Lexicon) -> None:
        self.doc = document
        self.resolver = resolver
        self.lex = lexicon
        self.leaders: dict[str, Actor] = {}  # person id -> the state they lead or represent
        self.heads: dict[str, Actor] = {}  # person id -> a body the text says they lead ("who heads the SPA")
        self._signed_on: dict[str, PartialDate] = {}  # deal id -> the day the text says it was signed
        for rel in resolver.known.relations.values():
            if rel.type in ("leads", "represents") and resolver.known.actors[rel.target].kind == "state":
                self.leaders.setdefault(rel.source, resolver.known.actors[rel.target])
        self.discourse = Discourse(lexicon)
        self._acts: list[tuple[int, Actor, str]] = []  # (sentence, who, type) of each act read, in order
        self.took_office: dict[str, PartialDate] = {}  # person id -> when the article says they took office
        self._read: dict[str, str] = {}  # actor id -> how an anaphor of the current sentence was read
        self._since: dict[int, PartialDate] = {}  # paragraph -> the start of the last "since" read in it

    # -- the sentence ------------------------------------------------------------------------

    def claims(self, sentence: Sentence) -> list[Claim]:
        """The claims of ``sentence``; sentences are to be read in order (for anaphors)."""
        sentence = gerund_repaired(sentence, self.lex.verb_lemmas)
        self.s = sentence
        # the paragraph: how many blank lines come before the sentence (for "since" read earlier in it)
        self._paragraph = len(re.findall(r"\n\s*\n", self.doc.text[: sentence.begin]))
        self.mentions = self.resolver.mentions(sentence, self.doc.text)
        self._read = {}
        self._governed: list[tuple[Actor, Actor]] = []
        self._signed_for: list[tuple[Actor, Actor]] = []
        self._title_claims: list[Claim] = []
        self._referents()
        out = self._titles()
        # "Did China back Russia?": a question states nothing (its titles still name who leads what)
        asked = sentence.tokens[-1].word == "?"
        for token in [] if asked else sentence.tokens:
            before = len(out)
            if self._predicate(token.index):
                said = self._verb(token.index)
                out.extend(said + self._auspices(token.index, said))
            elif token.pos.startswith("NN"):
                out.extend(self._noun(token.index))
            elif token.pos.startswith("JJ") and token.lemma.lower() in self.lex.relations_are:
                out.extend(self._relations_are(token.index))
            if token.pos == "VBN" and (entry := self.lex.participle(token.word)):
                out.extend(self._participle(token.index, entry))
            self._acts += [(sentence.index, c.source, c.type) for c in out[before:] if c.type in _MOVES]
            for c in out[before:]:
                if c.type == "leads" and c.source.kind == "person" and c.target.kind not in _NO_BODY:
                    self.heads.setdefault(c.source.id, c.target)
            if token.lemma.lower() in self.lex.office:
                self._office(token.index)
        start = PartialDate.parse(str(self.doc.day.year))
        for person, state in dict.fromkeys(self._governed):
            out.append(
                Claim(
                    person,
                    "leads",
                    state,
                    sentence,
                    start=start,
                    confidence=0.7,
                    notes=f"{person.name}'s government",
                    stated=False,
                )
            )
        for person, principal in self._signed_for:
            out.append(Claim(person, "represents", principal, sentence, start=start, confidence=0.8,
                             notes=f"{person.name} signed for {principal.name}"))
        self.discourse.finish()
        return out

    def finish(self, claims: list[Claim]) -> list[Claim]:
        """``claims`` of the whole document, with what only the whole tells: when leaders took office."""
        default = PartialDate.parse(str(self.doc.day.year))
        out = []
        for claim in claims:
            when = self.took_office.get(claim.source.id)
            if claim.type == "leads" and when is not None and claim.start == default:
                claim = replace(claim, start=when, stated=True)  # the article's year was only a default
            if claim.type in _TOWARDS_A_REGIME:
                claim = replace(claim, target=self._regime(claim.target))
            out.append(claim)
        return out

    def _regime(self, actor: Actor) -> Actor:
        """The government the dataset names after a person ("the Assad regime", "Selim al-Hoss's
        government"), for a stance towards that person: backing Assad is backing his regime."""
        return self.named_after(actor, ("government",)) or actor

    def named_after(self, person: Actor, kinds: tuple[str, ...]) -> Actor | None:
        """The one actor of ``kinds`` the dataset names after ``person`` ("Assad regime", "Sudan Liberation
        Movement-Minni Minawi"), or ``None``."""
        if person.kind != "person":
            return None

        def bare(word: str) -> str:
            return re.sub(r"^(al|el)-", "", word)

        surname = bare(key(person.name).split()[-1])
        named = [
            a
            for a in self.resolver.known.actors.values()
            if a.kind in kinds and surname in {bare(w) for w in re.split(r"[\s'-]+", key(a.name))}
        ]
        return named[0] if len(named) == 1 else None

    def _auspices(self, v: int, said: list[Claim]) -> list[Claim]:
        """Who a deal was signed or agreed "under the auspices of" brokers it (as one it was mediated by)."""
        s = self.s
        sponsors = self._actors([
            e.dependent
            for d in s.children(v, "obl:under")
            if s.token(d.dependent).lemma.lower() in self.lex.auspices
            for e in s.children(d.dependent, "nmod:of")
        ])
        deals = {c.target.id: c for c in said if c.type == "party-to"}
        # brokering is an event: on the day the deal was signed (a party's start)
        return [
            Claim(a, "brokers", c.target, s, date=c.start, confidence=c.confidence, notes=c.notes,
                  stated=c.stated)
            for a in sponsors
            for c in deals.values()
            if a not in (p.source for p in deals.values())
        ]

    def _predicate(self, index: int) -> bool:
        """A verb, or a word mis-tagged as a noun that has a subject and an object of its own."""
        s = self.s
        if s.token(index).pos.startswith("VB"):
            return True
        return bool(s.children(index, "nsubj")) and bool(s.children(index, "obj"))

    def _referents(self) -> None:
        """The actors the sentence names, alone and in coordinated groups, for later anaphors."""
        s = self.s
        for m in self.mentions:
            # "Colombia's government", "the Colombian government": what a later "the government" may mean
            nouns = [s.token(d.governor).lemma.lower() for d in s.parents(m.head)
                     if d.relation in ("nmod:poss", "amod", "compound")
                     and s.token(d.governor).lemma.lower() in self.lex.anaphora]
            self.discourse.note(
                Referent((m.actor,), s.index, m.head, role_of(s, m.head), noun=nouns[0] if nouns else None))
        for n in s.mentions:
            if n.ner in _NAMES and not any(self.mention_at(i) for i in range(n.first, n.last + 1)):
                span = range(n.first, n.last + 1)
                head = next((i for i in span if all(d.governor not in span for d in s.parents(i))), n.last)
                person = n.ner == "PERSON"
                self.discourse.note(Referent((), s.index, head, role_of(s, head), person))
        for m in self.mentions:
            group = [m.actor]
            for d in s.children(m.head, "conj"):
                other = self.mention_at(d.dependent)
                if other is not None and other.actor not in group:
                    group.append(other.actor)
            if len(group) >= 2:
                # noted at the group's first name, before the single mention there would be
                self.discourse.current = [r for r in self.discourse.current if r.index != m.head]
                self.discourse.note(Referent(tuple(group), s.index, m.head, role_of(s, m.head)))

    def mention_at(self, index: int) -> ActorMention | None:
        return next((m for m in self.mentions if m.covers(index)), None)

    # -- verbs -------------------------------------------------------------------------------

    def _verb(self, v: int) -> list[Claim]:
        lemma = self.s.token(v).lemma.lower()
        for entry, pattern in self.lex.verbs_for(lemma):
            # "stood aside": the parser gives some particles as adverbs
            particle = {
                self.s.token(d.dependent).lemma.lower()
                for d in self.s.children(v, "compound:prt", "advmod")
                if d.relation == "compound:prt" or self.s.token(d.dependent).pos == "RP"
            }
            if self.s.children(v, "obl:out_of"):
                particle.add("out")  # "drove the army out of the valley": "out of" parsed as one preposition
            if pattern.particle and pattern.particle not in particle:
                continue
            if not pattern.particle and any(p.particle in particle for _, p in self.lex.verbs_for(lemma)):
                continue  # "shoot down" is not "shoot"
            found = self._arguments(v, pattern, entry.type)
            if found is None:
                continue
            sources, targets = found
            mutual = not targets
            # "Algeria fought together with Tunisia" did not fight Tunisia
            if mutual and (not (pattern.mutual and len(sources) >= 2) or self._together_with(v)):
                continue
            frame = self._frame(entry, pattern, v)
            if frame is None:
                return []
            if mutual:
                # "Ethiopia and Eritrea fought a war": each with the other (once for a symmetric type)
                if self.lex.relation_type(entry.type).symmetric:
                    return [
                        c for i, a in enumerate(sources) for c in self._pairs(frame, [a], sources[i + 1 :])
                    ]
                return self._pairs(frame, sources, sources)
            kinds = self.lex.relation_type(entry.type).target_kinds
            if kinds and not any(t.kind in kinds for t in targets):
                continue  # "suspended Mali": not the suspending of a deal the next entry reads
            return self._pairs(frame, sources, targets)
        return []

    def _arguments(
        self, v: int, pattern: VerbPattern, entry_type: str
    ) -> tuple[list[Actor], list[Actor]] | None:
        s = self.s
        passive = bool(s.children(v, "nsubj:pass", "aux:pass"))
        subjects = self._subject_tokens(v)
        patients = [d.dependent for d in s.children(v, "nsubj:pass")]
        agents = [d.dependent for d in s.children(v, *_AGENT)]
        objects = [d.dependent for d in self._args(v, "obj", "iobj")]
        if not passive and agents and subjects and s.token(v).pos == "VBN" and not s.children(v, "aux"):
            # "Abkhaz fighters, supported by Russian troops, ...": a participle with its agent and no
            # auxiliary, which the parse made the head of the sentence, is passive
            passive = True
            patients = subjects
        if not objects and not pattern.objects:
            objects = self._what_called(v)
        if not subjects and not passive:
            subjects, objects = self._repaired_subjects(v, objects)
        # "called it a mistake", "considers X a threat": the object is the small clause's subject
        small = {
            x.dependent: [d.dependent for d in s.children(x.dependent, "nsubj")]
            for x in s.children(v, "xcomp")
            if s.token(x.dependent).pos.startswith(("NN", "JJ"))
        }
        if pattern.as_:
            complements = [
                d.dependent for d in s.children(v, "obl:as", "nmod:as", "advcl:as", "xcomp", "obj")
            ]
            # "holds Beirut responsible": the parse may make the complement a modifier of the object
            complements += [d.dependent for o in objects for d in s.children(o, "amod") if d.dependent > o]
            if not any(s.token(c).lemma.lower() in pattern.as_ for c in complements):
                return None
            objects = [o for o in objects if s.token(o).lemma.lower() not in pattern.as_]
            objects += [y for x, ys in small.items() if s.token(x).lemma.lower() in pattern.as_ for y in ys]
        if pattern.xcomp:
            # "threatened to strike at the heart of France": the target is the infinitive's
            objects = [
                a.dependent
                for x in s.children(v, "xcomp")
                for a in s.children(x.dependent, "obj", "obl")
                if not a.relation.startswith("obl:tmod")
            ]
            objects += [d.dependent for o in objects for d in s.children(o, "nmod:of")]
        if pattern.while_:
            # "Ankara stood aside while pro-Assad forces besieged the city": the clause's subject
            clauses = [
                d.dependent
                for d in s.children(v, "advcl")
                if {
                    d.relation.split(":")[-1],
                    *(s.token(m.dependent).lemma.lower() for m in s.children(d.dependent, "mark")),
                }
                & pattern.while_
            ]
            objects = [e.dependent for c in clauses for e in s.children(c, "nsubj")]
        if passive and not agents and pattern.preps and self.lex.relation_type(entry_type).symmetric:
            # "the Houthis, who are allied with Iran": a reciprocal said in the passive is the subject's
            subjects = patients
        elif passive:
            subjects, objects = agents, patients
        elif not subjects and agents:
            subjects = agents
            # "two agreements, brokered by Russia": the participle modifies what it acts on
            objects = objects or [
                d.governor
                for d in s.parents(v)
                if d.relation.startswith(("acl", "dep")) and s.token(d.governor).pos.startswith("NN")
            ]
            if not objects and s.token(v).pos == "VBN":
                # "Iran undermined two agreements, brokered by ...": the parse may hang the participle
                # on the verb; it modifies the object just before it
                objects = [
                    max(before)
                    for d in s.parents(v)
                    if d.relation == "dep"
                    and (before := [o.dependent for o in s.children(d.governor, "obj") if o.dependent < v])
                ]
        said = [y for x, ys in small.items() if s.token(x).lemma.lower() in pattern.objects for y in ys]
        if pattern.objects and said and not pattern.preps:
            objects = said
        elif pattern.objects:
            # "hosted Libyan commander Khalifa Haftar": the word may be the title of a name
            chosen = [
                o for o in objects
                if s.token(o).lemma.lower() in pattern.objects
                or (self.mention_at(o) is not None and any(
                    s.token(d.dependent).lemma.lower() in pattern.objects for d in s.children(o, "compound")))
            ]
            if not chosen and pattern.preps and any(
                s.token(d.dependent).lemma.lower() in pattern.objects for d in s.children(v, "obl:with")
            ):
                # "provided the Houthis with weapons": what is given comes with "with", to the object
                return self._ends(v, subjects, objects, pattern, entry_type)
            if not chosen:
                return None
            objects = [d.dependent for d in s.children(v, "iobj")]
            if pattern.preps:
                nmods = tuple(f"nmod:{p}" for p in pattern.preps)
                objects += [d.dependent for o in chosen for d in s.children(o, *nmods)]
            elif not pattern.mutual:
                objects = objects or chosen
            # "Ukraine and Russia held talks": with one another; the talks are the pattern's word, no target
        if pattern.preps:
            objects += [d.dependent for d in self._args(v, *(f"obl:{p}" for p in pattern.preps))]
            if not pattern.objects:
                objects = [d.dependent for d in self._args(v, *(f"obl:{p}" for p in pattern.preps))]
            # "with Cuba and Norway as guarantors": in a role, not the partner; "together with": a partner
            in_role = {o for o in objects if s.children(o, "nmod:as", "obl:as", "acl:as")}
            in_role |= set(self._together_with(v))
            for a in s.children(v, "obl:as", "advcl:as"):
                # the "as" phrase may hang on the verb, right after those it describes
                start = min(s.subtree(a.dependent))
                in_role |= {o for o in objects if o < start and max(s.subtree(o)) + 1 == start}
            in_role |= {d.dependent for o in list(in_role) for d in s.children(o, "conj")}
            in_role |= {
                d.governor for o in list(in_role) for d in s.parents(o) if d.relation.startswith("conj")
            }
            objects = [o for o in objects if o not in in_role]
            if not objects:
                return None
        return self._ends(v, subjects, objects, pattern, entry_type)

    def _ends(
        self, v: int, subjects: list[int], objects: list[int], pattern: VerbPattern, entry_type: str
    ) -> tuple[list[Actor], list[Actor]] | None:
        """The actors of the subjects and objects found, the way round the pattern says."""
        s = self.s
        if pattern.reverse:
            subjects, objects = objects, subjects
        if entry_type == "party-to":
            # "reached an agreement with X", "signed the deal with X": X is a party too
            subjects += [d.dependent for d in s.children(v, "obl:with", "obl:alongside")]
            subjects += [d.dependent for o in objects for d in s.children(o, "nmod:with")]
            # "signed agreements to normalise relations with X": who the relations are with is a party
            purposes = [d.dependent for d in s.children(v, "obl:to", "advcl:to", "xcomp")]
            subjects += [
                d.dependent
                for o in [*objects, *purposes]
                for r in s.subtree(o)
                if s.token(r).lemma.lower() in _TIES
                for d in s.children(r, "nmod:with")
            ]
        sources = self._actors(subjects)
        targets = self._actors(objects)
        if entry_type == "party-to" and s.token(v).lemma.lower() in self.lex.signing:
            # "The six countries signed a ceasefire in Lusaka on Saturday": the day of the signing, for
            # those said later to have signed it, even when no signatory here is an actor
            days = self._in_the_past(v, self._dates_below(v, ("obl:on", "obl:tmod", "nmod:tmod")))
            for deal in targets:
                if "date" in days and days["date"].precision == "day":
                    self._signed_on.setdefault(deal.id, days["date"])
        if entry_type == "party-to" and sources:
            sources = self._signing_for(v, sources)
            if not targets and not objects and s.token(v).lemma.lower() in self.lex.signing:
                # "Minawi signed for his faction": what is signed is the deal the text spoke of last
                targets = self._deal_before(v, "agreement")
        if not sources or (not targets and not pattern.mutual):
            return None
        return sources, targets

    def _args(self, v: int, *relations: str) -> list[Dependency]:
        """Dependents of ``v``; for a second conjunct with none of its own, also those the parse gave to
        the first conjunct after it ("offered to mediate and spoke by telephone with X")."""
        s = self.s
        own = s.children(v, *relations)
        if s.children(v, "obj", "obl", "iobj"):
            return own
        for d in s.parents(v):
            if d.relation.startswith("conj") and d.governor < v:
                return own + [e for e in s.children(d.governor, *relations) if e.dependent > v]
        return own

    def _repaired_subjects(self, v: int, objects: list[int]) -> tuple[list[int], list[int]]:
        """Subjects the parse left out, and the objects without them: see the module docstring."""
        s = self.s
        for d in s.parents(v):
            if d.relation == "acl:relcl" and d.governor in objects:
                # "Saudi Arabia, which has long accused Iran": the antecedent was made the object
                refs = [r.dependent for r in s.children(d.governor, "ref")]
                between = range(refs[0] + 1, v) if refs else range(0)
                if refs and all(s.token(i).pos.startswith(("MD", "VB", "RB")) for i in between):
                    return [d.governor], [o for o in objects if o != d.governor]
        ases = [
            d.dependent
            for d in s.children(v, "obl:as")
            if d.dependent < v and s.token(min(s.subtree(d.dependent))).lemma.lower() == "as"
        ]
        if ases:
            return ases, objects  # "..., as Prime Minister Abiy and President Isaias signed a declaration"
        for d in s.parents(v):
            # "offered to mediate and spoke by telephone with ...": a finite verb the parse put
            # under an infinitive has the subject of the verb above
            if d.relation == "xcomp" and s.token(v).pos in _FINITE:
                found = [e.dependent for e in s.children(d.governor, *_SUBJECT)]
                if found:
                    return found, objects
        if s.children(v, *_AGENT):
            return [], objects  # "two truces, brokered by Russia": the agent acts, not the clause's subject
        for d in s.parents(v):
            # "accused Iran of arming the Houthis": the one accused is the subject of the accusation
            if d.relation in _CONTROL and s.token(d.governor).lemma.lower() in self.lex.reporting:
                return [e.dependent for e in s.children(d.governor, "obj")], objects
            # "blames Savimbi for wrecking the protocol", "praised Qatar for hosting the talks": the one
            # blamed or praised did it
            if d.relation in ("advcl:for", "obl:for") and s.token(v).pos == "VBG":
                blamed = [e.dependent for e in s.children(d.governor, "obj")]
                if blamed:
                    return blamed, objects
        for d in s.parents(v):
            # "and hours later accepted the plan" (a time taken for the subject), "voted on Thursday to
            # open ...", "..., killing three soldiers", a finite verb the parse hung on another as "dep":
            # a clause without a subject of its own has that of the clause it belongs to
            if d.relation.startswith(("conj", "advcl", "xcomp", "dep")) and d.governor != v:
                found = self._subject_tokens(d.governor)
                if found and not (set(found) & set(objects)):
                    return found, objects
        return [], objects

    def _subject_tokens(self, v: int) -> list[int]:
        """The subjects of ``v``, less the times the parse may take for one ("hours later accepted")."""
        s = self.s
        for d in s.children(v, "obl"):
            # "and on Thursday President Vladimir Putin called ...": the parse may read the name after a
            # date as the date's; a name just before the verb, with a date in its phrase, is the subject
            below = s.subtree(d.dependent)
            if (
                max(below) == v - 1
                and self.mention_at(d.dependent) is not None
                and s.token(d.dependent).ner not in _TIMES
                and any(s.token(i).ner in _TIMES for i in below)
            ):
                return [d.dependent]
        found = [d.dependent for d in s.children(v, *_SUBJECT) if s.token(d.dependent).ner not in _TIMES]
        found = self._agreeing(v, [self._antecedent(v, t) for t in found])
        found += self._persons_after_of(found)
        if found:
            found += self._together_with(v)
        if not found and not s.children(v, "nsubj:pass"):
            # "Ankara, which has long opposed Assad, met ...": the parse may leave a relative clause its
            # antecedent only as a bare dep; the noun "which" stands for is its subject
            relative = ("which", "who", "that")
            found = [
                d.governor
                for d in s.parents(v)
                if d.relation == "acl:relcl"
                and any(s.token(r.dependent).lemma.lower() in relative for r in s.children(d.governor, "ref"))
                and any(e.governor == v and e.relation == "dep" for e in s.parents(d.governor))
            ]
        if not found:
            # "That gap led General Aoun, who heads the cabinet, to reject the accord": past a relative
            # clause the parse may make the infinitive a purpose clause; one led or pushed to act acts
            found = [
                e.dependent
                for d in s.parents(v)
                if d.relation == "advcl:to" and s.token(d.governor).lemma.lower() in _CAUSING
                for e in s.children(d.governor, "obj")
            ]
        return found

    def _agreeing(self, v: int, subjects: list[int]) -> list[int]:
        """``subjects``, less a plural common noun given to a verb in the singular: in "Rwanda says its
        soldiers pursue militiamen who took part in the genocide, and accuses Kabila of arming them" the
        parse joins "accuses" to the relative clause; the one who accuses is the sentence's subject."""
        s = self.s
        if s.token(v).pos != "VBZ":
            return subjects
        kept = [t for t in subjects if s.token(t).pos != "NNS"]
        if kept or not subjects:
            return kept
        root = s.root
        if root and root != v and s.token(root).pos == "VBZ":
            return [d.dependent for d in s.children(root, "nsubj")]
        return []

    def _persons_after_of(self, subjects: list[int]) -> list[int]:
        """ "President Sall of Senegal and Gambian President Barrow met", "envoys of the UN and the
        ambassadors of Portugal attended": the parse may join the second person or envoy to the first
        one's principal; one so joined to what is "of" a person or envoy is a subject too."""
        s = self.s

        def agent(t: int) -> bool:
            m = self.mention_at(t)
            if m is not None:
                return m.actor.kind == "person"
            return s.token(t).lemma.lower() in self.lex.forces and bool(s.children(t, "nmod:of", "nmod:poss"))

        out = []
        for t in subjects:
            if not agent(t):
                continue
            for d in s.children(t, "nmod:of"):
                owner = self.mention_at(d.dependent)
                if owner is None or owner.actor.kind == "person":
                    continue
                joined = [e.dependent for e in s.children(d.dependent, "conj:and") if agent(e.dependent)]
                out += joined
                if joined:
                    # "... and the ambassadors of Portugal, the United States and Russia": the parse hangs the
                    # rest of the list on the first subject; states named after the joined one are its
                    out += [
                        a.dependent
                        for a in s.children(t, "appos")
                        if a.dependent > joined[-1]
                        and (m := self.mention_at(a.dependent)) is not None
                        and m.actor.kind == "state"
                    ]
        return out

    def _antecedent(self, v: int, subject: int) -> int:
        """The subject of a relative clause ``v``: the parse may hang "which" on the head of the phrase where
        only the actor "of" it can act ("the exclusion of the US, which had tried to ...": the US tried)."""
        s = self.s
        relative = any(v in s.subtree(d.dependent) for d in s.children(subject, "acl:relcl")) and any(
            s.token(r.dependent).lemma.lower() in ("which", "who") for r in s.children(subject, "ref")
        )
        if not relative or self.mention_at(subject) is not None or self._actor(subject):
            return subject
        owners = [d.dependent for d in s.children(subject, "nmod:of") if self.mention_at(d.dependent)]
        return owners[-1] if owners else subject

    def _together_with(self, v: int) -> list[int]:
        """Who does with the subject what it does: "Trajkovski signed it together with Georgievski",
        "Russia, along with Iran, backs Assad"."""
        s = self.s
        heads = [v, *(d.dependent for d in s.children(v, "advmod") if s.token(d.dependent).lemma.lower()
                      in _TOGETHER)]
        return [d.dependent for d in s.children(v, "obl:along_with", "obl:together_with")] + [
            d.dependent
            for h in heads
            for d in s.children(h, "obl:with")
            if (case := min(s.subtree(d.dependent))) > 1
            and s.token(case).lemma.lower() == "with"
            and s.token(case - 1).lemma.lower() in _TOGETHER
        ]

    def _what_called(self, v: int) -> list[int]:
        """The object of "condemned what it called a disproportionate response": what was called so."""
        s = self.s
        out = []
        for c in s.children(v, "ccomp"):
            said = s.children(c.dependent, "obj", "xcomp")
            if s.token(c.dependent).lemma.lower() in self.lex.naming and any(
                s.token(d.dependent).pos == "WP" for d in said
            ):
                out += [d.dependent for d in said if s.token(d.dependent).pos != "WP"]
        return out

    # -- nouns and participles ---------------------------------------------------------------

    def _noun(self, n: int) -> list[Claim]:
        if self.s.token(n).lemma.lower() in self.lex.states and (found := self._state(n)):
            return found
        if found := self._between(n):
            return found
        if found := self._present_at(n):
            return found
        entry = self.lex.noun(self.s.token(n).lemma)
        if entry is None:
            act = self.lex.act(self.s.token(n).lemma)
            return self._act(n, act) if act else []
        s = self.s
        targets = self._actors([d.dependent for d in s.children(n, "nmod:of", "nmod:for", "nmod:to")])
        # "its ally, AQIM", "Russia's ally": the possessor is the one allied with
        targets = targets or self._actors([d.dependent for d in s.children(n, "nmod:poss")])
        named = [d.governor for d in s.parents(n) if d.relation == "compound" and self.mention_at(d.governor)]
        if named and not targets:
            # "Iran's ally Hezbollah": the possessor is the name's, the noun its title
            targets = self._actors([d.dependent for t in named for d in s.children(t, "nmod:poss")])
        between = self._actors([d.dependent for d in s.children(n, "nmod:between")])
        linked = self._linked(n)
        if linked:
            sources = self._actors(linked)
        elif named and targets:
            sources = self._actors(named)
        elif len(between) >= 2:
            # "a reconciliation between Erdoğan and Putin", "talks between X and Y"
            sources, targets = between[:1], between[1:]
        else:
            sources = self._actors(
                [d.governor for d in s.parents(n) if d.relation == "appos"]
                + [d.dependent for d in s.children(n, "appos")]
            )
        frame = self._frame(entry, None, n, confidence=0.75)
        if frame and not targets and len(sources) >= 2 and linked and s.token(n).pos == "NNS":
            # "Israel and Iran have been foes since 1979": each to the other
            return [c for a in sources for c in self._pairs(frame, [a], [b for b in sources if b != a])]
        if frame and sources and targets:
            return self._pairs(frame, sources, targets)
        act = self.lex.act(self.s.token(n).lemma)
        return self._act(n, act) if act else []  # "Iran's alliance with Syria"

    def _linked(self, n: int) -> list[int]:
        """The subjects a predicate noun is said of: "Iran is an ally of Syria", "Morocco remains an ally of
        France", "they became rivals", "Norway acted as a guarantor of the deal"."""
        s = self.s
        if s.children(n, "cop"):
            return [d.dependent for d in s.children(n, *_SUBJECT)]
        return [
            e.dependent
            for d in s.parents(n)
            if (d.relation == "xcomp" and s.token(d.governor).lemma.lower() in _LINKING)
            # "Norway acted as a guarantor of the deal"
            or (d.relation == "obl:as" and s.token(d.governor).lemma.lower() in _ACTING_AS)
            for e in s.children(d.governor, *_SUBJECT)
        ]

    def _between(self, n: int) -> list[Claim]:
        """ "brokered a ceasefire between the army and the rebels": each side is a party to the deal;
        "hosted talks between Ethiopia and the TPLF": the sides negotiate with each other. Not a deal called
        for, proposed or refused ("urged a truce between ...")."""
        s = self.s
        token = s.token(n)
        word, lemma = token.word.lower(), token.lemma.lower()
        kind = self.lex.deals.get(word) or self.lex.deals.get(lemma)
        talks = word in ("talks", "negotiations", "negotiation")
        if kind != "agreement" and not talks:
            return []
        sides = self._actors([d.dependent for d in s.children(n, "nmod:between")])
        # "ended the truce between X and Y": they were its parties all the same
        if len(sides) < 2 or self._not_done(n, ended=False):
            return []
        rtype = "negotiates-with" if talks else "party-to"
        entry = self.lex.first(rtype)
        frame = self._frame(entry, None, n, confidence=0.7)
        if frame is None:
            return []
        # the day of the clause is the deal's when the clause makes it ("brokered a truce between ... on
        # Monday", "talks between X and Y opened on Monday"), not when it speaks of it ("the ceasefire
        # between X and Y collapsed on Sunday")
        making = self.lex.deal_making | _OPENING
        verbs = [d.governor for d in s.parents(n) if s.token(d.governor).pos.startswith("VB")]
        times = self._times(n) if any(s.token(v).lemma.lower() in making for v in verbs) else {}
        start = times.get("date") or times.get("start")
        default = PartialDate.parse(str(self.doc.day.year))
        deals = [] if talks else [a for a in self._actor(n) if a.kind in ("agreement", "resolution")]
        pairs = [(a, b) for a in sides[:1] for b in sides[1:]]
        if not talks:
            pairs = [(a, d) for a in sides for d in deals]
        return [
            Claim(a, rtype, b, s, start=start or default, confidence=frame.confidence, notes=frame.notes,
                  stated=start is not None)
            for a, b in pairs
        ]

    def _present_at(self, n: int) -> list[Claim]:
        """ "Portugal's ambassador was at Thursday's signing": one who is at a meeting attends it."""
        s = self.s
        token = s.token(n)
        if self.lex.deals.get(token.word.lower(), self.lex.deals.get(token.lemma.lower())) != "meeting" and (
            token.lemma.lower() != "signing"
        ):
            return []
        cases = {s.token(d.dependent).lemma.lower() for d in s.children(n, "case")}
        if not s.children(n, "cop") or "at" not in cases:
            return []
        sources = self._actors([d.dependent for d in s.children(n, *_SUBJECT)])
        entry = self.lex.first("attends")
        frame = self._frame(entry, None, n, confidence=0.75)
        if frame is None or not sources:
            return []
        return self._pairs(frame, sources, self._deals(n, "meeting"))

    def _state(self, n: int) -> list[Claim]:
        """ "X has been at war with Y since May", "X and Y are in armed conflict": a state one is in."""
        s = self.s
        if not s.children(n, "cop") or not {
            s.token(d.dependent).lemma.lower() for d in s.children(n, "case")
        } & {"at", "in"}:
            return []
        sources = self._actors([d.dependent for d in s.children(n, *_SUBJECT)])
        targets = self._actors([d.dependent for d in s.children(n, "nmod:with", "nmod:against")])
        entry = Entry(self.lex.states[s.token(n).lemma.lower()], None, None)
        frame = self._frame(entry, None, n)
        if frame is None or not sources:
            return []
        if targets:
            return self._pairs(frame, sources, targets)
        # "X and Y are at odds": a state two are in together holds each way (once, for a symmetric type)
        both = not self.lex.relation_type(entry.type).symmetric
        return [
            c
            for i, a in enumerate(sources)
            for b in sources[i + 1 :]
            for c in self._pairs(frame, [a], [b]) + (self._pairs(frame, [b], [a]) if both else [])
        ]

    def _relations_are(self, j: int) -> list[Claim]:
        """ "Relations between X and Y have been poor since 2011", "Turkey's ties with Russia are close",
        "Qatar and Turkey have close ties"."""
        s = self.s
        if not s.children(j, "cop"):
            return self._having_relations(j)
        for d in s.children(j, "nsubj"):
            if s.token(d.dependent).lemma.lower() not in ("relation", "tie"):
                continue
            between = self._actors([e.dependent for e in s.children(d.dependent, "nmod:between")])
            if len(between) >= 2:
                sources, targets = between[:1], between[1:]
            else:
                sources = self._actors([e.dependent for e in s.children(d.dependent, "nmod:poss")])
                targets = self._actors([e.dependent for e in s.children(d.dependent, "nmod:with")])
            entry = Entry(self.lex.relations_are[s.token(j).lemma.lower()], None, None)
            frame = self._frame(entry, None, j, confidence=0.75)
            if frame and sources and targets:
                return self._pairs(frame, sources, targets)
        return []

    def _having_relations(self, j: int) -> list[Claim]:
        """ "Turkey and Israel have had tense relations since 2010", "Qatar has close ties with Turkey": the
        adjective of the relations one has, with the one named or with each other."""
        s = self.s
        having = self.lex.receive | {"maintain"}
        for d in s.parents(j):
            noun = d.governor
            if d.relation != "amod" or s.token(noun).lemma.lower() not in ("relation", "tie"):
                continue
            for e in s.parents(noun):
                if e.relation != "obj" or s.token(e.governor).lemma.lower() not in having:
                    continue
                v = e.governor
                sources = self._actors(self._subject_tokens(v))
                targets = self._actors([x.dependent for x in s.children(noun, "nmod:with")]
                                       + [x.dependent for x in s.children(v, "obl:with")])
                entry = Entry(self.lex.relations_are[s.token(j).lemma.lower()], None, None)
                frame = self._frame(entry, None, v, confidence=0.75)
                if frame is None or not sources:
                    return []
                if targets:
                    return self._pairs(frame, sources, targets)
                return [c for i, a in enumerate(sources) for c in self._pairs(frame, [a], sources[i + 1:])]
        return []

    def _not_done(self, n: int, *, ended: bool) -> bool:
        """Whether the act or deal noun ``n`` is only called for, refused or (with ``ended``) ended: "called
        for sanctions on Iran", "denied support for the rebels", "urged a truce", "ended its support"."""
        s, lex = self.s, self.lex
        return any(
            g in lex.irrealis or g in lex.negators or g in ("call", "demand") or (ended and g in lex.ending)
            # "sought to end the war through talks with X": the means of an act is not what it does
            for g in (s.token(d.governor).lemma.lower() for d in s.parents(n) if d.relation not in _MEANS)
        )

    def _act(self, n: int, entry: Entry) -> list[Claim]:
        """ "Iran's support for Assad", "Russian air strikes on the rebels": a noun for the act."""
        s = self.s
        if self._not_done(n, ended=True):
            return []
        preps = tuple(f"nmod:{p}" for p in entry.act_preps)
        targets = self._actors([d.dependent for d in s.children(n, *preps)])
        if not targets:
            # "South Ossetia, which has had Moscow's backing since 1992": the act is done for the one who
            # has it
            receivers = [
                d.governor
                for d in s.parents(n)
                if d.relation == "obj" and s.token(d.governor).lemma.lower() in self.lex.receive
            ]
            targets = self._actors([t for r in receivers for t in self._subject_tokens(r)])
        agents = [d.dependent for d in s.children(n, *_AGENT_OF)] or self._doers(n)
        sources = [a for a in self._actors(agents) if a not in targets]
        frame = self._frame(entry, None, n, confidence=0.7)
        return self._pairs(frame, sources, targets) if frame and sources and targets else []

    def _doers(self, n: int) -> list[int]:
        """Who does an act no one is named with, by the clause it is the means or object of: "sought a
        settlement through talks with Tehran", "held discussions with Germany", "voiced support for X"."""
        s = self.s
        return [
            t
            for d in s.parents(n)
            if d.relation in _MEANS
            or (d.relation == "obj" and s.token(d.governor).lemma.lower() in _LIGHT)
            for t in self._subject_tokens(d.governor)
        ]

    def _participle(self, p: int, entry: Entry) -> list[Claim]:
        """ "Iranian-led militia", "a US-brokered truce": the modifier's first part acts on the noun."""
        s = self.s
        heads = [d.governor for d in s.parents(p) if d.relation == "amod"]
        parts = self._modifier_parts(p)
        if not heads or not parts:
            return []
        sources = self._actors(parts)
        targets = self._actors(heads)
        if set(sources) & set(targets):
            # "the Saudi-led coalition" named as a whole: the modifier names the one who leads
            inside = [self.resolver.lookup(s.token(i).word) for i in parts]
            sources = [a for a in inside if a is not None and a not in targets]
        frame = self._frame(entry, None, p, confidence=0.7)
        return self._pairs(frame, sources, targets) if frame and sources and targets else []

    def _modifier_parts(self, p: int) -> list[int]:
        """The first part of a hyphenated participle: "US" in "US-led", "Iranian" in "Iranian-backed"."""
        s = self.s
        return [
            d.dependent
            for d in s.children(p, "dep", "compound", "obl:npmod", "nmod:npmod", "advmod", "obl")
            if d.dependent < p and (d.relation != "obl" or not s.children(d.dependent, "case"))
        ]

    # -- arguments to actors -----------------------------------------------------------------

    def _actors(self, tokens: list[int]) -> list[Actor]:
        """The actors named by argument tokens, their conjuncts and what they belong to ("Turkish jets")."""
        s = self.s
        seen: list[int] = []
        for t in tokens:
            for u in (t, *(d.dependent for d in s.children(t, "conj"))):
                if u not in seen:
                    seen.append(u)
        out: list[Actor] = []
        for t in seen:
            for actor in self._actor(t):
                if actor not in out:
                    out.append(actor)
        return out

    def _actor(self, t: int, depth: int = 0) -> list[Actor]:
        """The actors token ``t`` names: by name, as a deal, through a title, an owner or an anaphor."""
        s = self.s
        mention = self.mention_at(t)
        if mention is not None:
            # "the Argentine cruiser General Belgrano", a name no dataset holds, stands for Argentina
            new = mention.how == "ner" and mention.actor.kind != "person" and depth == 0
            # "Iraqi and Afghan militia": a name that shares its head with a modifier's (see Resolver)
            twins = [
                m.actor
                for d in s.parents(mention.first)
                if d.relation.startswith("conj")
                and (m := self.mention_at(d.governor)) is not None
                and m.how == "dataset"
                and m.first == m.last == d.governor
                and any(p.governor == t for p in s.parents(d.governor))
            ]
            return (self._vessel_of(t) if new else []) or [*twins, mention.actor]
        token = s.token(t)
        lemma = token.lemma.lower()
        if token.word.lower() in self.lex.deals:
            lemma = token.word.lower()  # "talks" is a meeting, "talk" is not
        if lemma in self.lex.deals and not (lemma in self.lex.singular_deals and token.pos == "NNS"):
            deals = self._deals(t, self.lex.deals[lemma])
            self.discourse.note(Referent(tuple(deals), s.index, t, role_of(s, t)))
            return deals
        for d in s.children(t, "appos"):
            # "Kuwait's emir, Sheikh Sabah, spoke ...": the person named beside the title (in "envoys of
            # the UN and the ambassadors of Portugal, the US and Russia" the parse hangs the states on
            # "envoys": the envoys are the UN's)
            named = self.mention_at(d.dependent)
            if named is not None and token.pos.startswith("NN") and (
                named.actor.kind == "person" or token.pos != "NNS" or not s.children(t, "nmod:of")
            ):
                return [named.actor]
        if depth < 2:
            if lemma in self.lex.actions and not s.children(t, "nmod:by"):
                # "the assassination of the general by the United States": the parse may hang the agent on
                # what the act is done to
                agents = self._actors([
                    e.dependent for d in s.children(t, "nmod:of") for e in s.children(d.dependent, "nmod:by")
                ])
                if agents:
                    return agents
            if lemma in self.lex.actions:
                # "the US-led invasion": who leads an act does it
                for d in s.children(t, "amod"):
                    if s.token(d.dependent).lemma.lower() == "lead":
                        parts = self._modifier_parts(d.dependent)
                        leaders = [a for a in self._actors(parts) if a.kind != "person"]
                        if leaders:
                            return leaders
            if lemma in self.lex.forces and any(
                s.token(d.dependent).lemma.lower() in self.lex.cancel_titles for d in s.children(t, "amod")
            ):
                # "Martti Ahtisaari, the former Finnish president who has mediated the talks": the person, not
                # the state he no longer leads
                return [m.actor for d in s.parents(t) if d.relation == "appos"
                        and (m := self.mention_at(d.governor)) is not None and m.actor.kind == "person"]
            for d in s.children(t, *_OWNER):
                # "Turkish jets" act for Turkey and "a spokesman for the MUJAO movement" for MUJAO;
                # "the Syrian opposition" and "Turkey's intervention" do not make Syria or Turkey
                # the argument, nor does a person's anything
                owners = [a for a in self._actor(d.dependent, depth + 1) if a.kind != "person"]
                if not owners:
                    continue
                if lemma in self.lex.forces:
                    # "American and British troops": every owner named alike
                    for e in s.children(t, d.relation):
                        owners += [
                            a
                            for a in self._actor(e.dependent, depth + 1)
                            if a.kind != "person" and a not in owners
                        ]
                    return owners
                if lemma in self.lex.actions and d.relation in _AGENT_OF:
                    return owners  # "Turkey's intervention", but not "the invasion of Kuwait"
                if d.relation in _MEMBER_OF and lemma in self.lex.members:
                    return owners  # "fighters of the MNLA", "rebels from Ansar Dine", "Hamas militants"
                if d.relation == "compound" and lemma in self.lex.named_by:
                    return owners  # "the ECOWAS regional bloc"
                if lemma in self.lex.places:
                    return owners  # "Beirut's airport", "the Georgian town of Gori"
            if lemma in self.lex.places:
                # "struck targets across Yugoslavia": what lies in a state stands for it (the parse may hang
                # the place on the verb)
                where = [d.dependent for d in s.children(t, *_WHERE)]
                where += [
                    e.dependent
                    for d in s.parents(t)
                    if d.relation == "obj"
                    for e in s.children(d.governor, *(f"obl:{w.split(':')[1]}" for w in _WHERE))
                ]
                for w in where:
                    owners = [a for a in self._actor(w, depth + 1) if a.kind == "state"]
                    if owners:
                        return owners
            if lemma in self.lex.forces:
                owned = self._forces_of_person(t)
                if owned:
                    return owned
                for d in s.parents(t):
                    # "Poland sent a contingent to fight ...": the forces one sends are one's own
                    if d.relation == "obj" and s.token(d.governor).lemma.lower() in self.lex.deploy:
                        senders = [
                            a for a in self._actors(self._subject_tokens(d.governor)) if a.kind != "person"
                        ]
                        if senders:
                            return senders
        done = self._done_by(t)
        if done:
            return done
        if lemma == "whose":
            return self._whose(t, depth)
        anaphor = self.discourse.anaphor(s, t)
        if anaphor is not None:
            exclude = set()
            if anaphor.role == "object":
                # "X accused them", "X called it a mistake": not X
                clause = [d.governor for d in s.parents(t)]
                clause += [d.governor for c in clause for d in s.parents(c) if d.relation == "xcomp"]
                subjects = [self.mention_at(e.dependent) for c in clause for e in s.children(c, *_SUBJECT)]
                exclude |= {m.actor.id for m in subjects if m is not None}
            found = self.discourse.find(anaphor, s.index, t, exclude)
            if lemma == "side":
                # "since a reconciliation between Erdoğan and Putin, the two sides have co-operated": the
                # sides are the states the two lead or speak for
                found = list(dict.fromkeys(self.leaders.get(a.id, a) for a in found))
            if found:
                self.discourse.note(Referent(tuple(found), s.index, t, anaphor.role))
                names = " and ".join(a.name for a in found)
                for a in found:
                    self._read.setdefault(a.id, f'"{token.word}" read as {names}')
            return found
        proper = token.pos in ("NNP", "NNPS") and token.word[:1].isupper()
        if proper and lemma in self.lex.geography:
            return []  # "the Strait of Hormuz"
        if proper and token.ner in ("O", "MISC") and depth == 0:
            return self._vessel_of(t) or [self.resolver.new_actor(token.word, "organisation")]
        return []

    def _whose(self, t: int, depth: int) -> list[Actor]:
        """Who "whose" is: the noun the relative clause is on ("Eritrea, whose troops have fought ..."), by
        the parse's reference, else the name just before it (the parse may leave the clause unattached)."""
        s = self.s
        for d in s.parents(t):
            if d.relation == "ref":
                return self._actor(d.governor, depth + 1)
        at = t - 1
        while at >= 1 and s.token(at).word == ",":
            at -= 1
        m = self.mention_at(at) if at >= 1 else None
        return [m.actor] if m is not None else []

    def _vessel_of(self, t: int) -> list[Actor]:
        """The state whose named ship, plane or unit a name is: "the British destroyer HMS Sheffield"."""
        s = self.s
        kinds = [
            d.dependent
            for d in s.children(t, "compound")
            if s.token(d.dependent).lemma.lower() in self.lex.vessels
        ]
        owners = [d.dependent for k in [t, *kinds] for d in s.children(k, "amod")]
        return [a for a in self._actors(owners) if a.kind == "state"] if kinds else []

    def _done_by(self, t: int) -> list[Actor]:
        """Who did "the bombing" or "the strikes" a reaction speaks of: whose hostile act was read last, in
        this sentence or the few before ("NATO struck Belgrade. Russia condemned the bombing"), else the
        lead's."""
        s = self.s
        token = s.token(t)
        lemma = token.lemma.lower()
        if lemma not in self.lex.actions and lemma not in self.lex.hostile_acts:
            return []
        determiners = {s.token(d.dependent).lemma.lower() for d in s.children(t, "det")}
        if not determiners & {"the", "this", "these", "those"} or s.children(t, *_OWNER, "nmod:by"):
            return []
        # "the bombing" is the last hostile act; "the move", "the decision" may also be a veto or a break
        kinds = _MOVES if lemma in _GENERIC_ACTS else _HOSTILE
        acts = [(i, a) for i, a, kind in self._acts if kind in kinds]
        recent = [a for i, a in acts if s.index - i <= _ACTS_WINDOW]
        # else the act the article opened with, which later reactions most often speak of
        found = recent[-1:] or [a for _, a in acts[:1]]
        for actor in found:
            self._read.setdefault(actor.id, f'"{token.word}" read as the act of {actor.name}')
        return found

    def _forces_of_person(self, t: int) -> list[Actor]:
        """The state whose forces or government a person's possessive names: "Saddam Hussein's government"
        is Iraq's (and says he leads it); "Assad's forces" are those of the state he is known to lead."""
        s = self.s
        for d in s.children(t, "nmod:poss"):
            m = self.mention_at(d.dependent)
            # "Aoun rejected the accord. His forces ...": a possessive pronoun read as a person
            found = [m.actor] if m is not None else (
                self._actor(d.dependent, 1) if s.token(d.dependent).pos == "PRP$" else [])
            if len(found) != 1 or found[0].kind != "person":
                continue
            person = found[0]
            if person.id in self.leaders:
                return [self.leaders[person.id]]
            if (named := self.named_after(person, ("government", "armed-group"))) is not None:
                return [named]  # "Aoun's forces": those of the Aoun government
            if s.token(t).lemma.lower() in self.lex.governing and person.country:
                state = self.resolver.government(person.country)
                self.leaders.setdefault(person.id, state)
                self._governed.append((person, state))
                return [state]
        return []

    def _deals(self, t: int, kind: str) -> list[Actor]:
        """The agreements, meetings or resolutions a common noun names: the best known match, or a new one;
        "two agreements" the two best the dataset knows, when it knows so many."""
        s = self.s
        words = self._deal_words(t)
        known = self._known_deals(t, kind, {key(w.lemma) for w in words})
        count = max((NUMBERS.get(s.token(d.dependent).lemma.lower(), 0) for d in s.children(t, "nummod")),
                    default=0)
        if count > 1 and s.token(t).pos == "NNS" and len(known) >= count:
            return known[:count]
        if known:
            return known[:1]
        determiners = {s.token(d.dependent).lemma.lower() for d in s.children(t, "det")}
        if determiners & {"the", "this", "that"} and len(words) == 1:
            # "the deal", "this agreement": the one named before, when the dataset knows none
            earlier = self._deal_before(t, kind)
            if earlier:
                return earlier
        near = [w for w in words if i_close(w.index, t)]
        for w in (w for w in words if near and w.index > near[-1].index):
            # a name or a list of names the window cuts runs to its end: "talks between the United States
            # and the Taliban", not "Talks between United States"
            between = range(near[-1].index + 1, w.index)
            named = w.pos in ("NNP", "NNPS") or (w.pos == "CC" and near[-1].pos in ("NNP", "NNPS"))
            if not named or any(s.token(i).pos != "DT" for i in between) or w.index - t > 12:
                break
            near.append(w)
        while near and near[0].pos in ("IN", "TO", "CC"):
            near = near[1:]  # "over a measure for monitors to": not "Over measure ... to"
        while near and near[-1].pos in ("IN", "TO", "CC"):
            near = near[:-1]
        phrase = " ".join(w.word for w in near)
        name = phrase[:1].upper() + phrase[1:]
        return [self.resolver.new_actor(f"{name} ({self.doc.day.isoformat()})", kind)]

    def _deal_words(self, t: int) -> list[Token]:
        """The words of the phrase a deal's noun heads, less what is no part of its name."""
        s = self.s
        # "rejected the peace plan on Tuesday": the parse may hang the day on the noun; it is not its name
        left_out = {i for d in s.children(t) if s.token(d.dependent).ner in _TIMES
                    for i in s.subtree(d.dependent)}
        # "Portugal's ambassador was at the signing": what the clause says of the deal is not its name
        left_out |= {i for d in s.children(t, "nsubj", "cop", "case", "aux", "mark")
                     for i in s.subtree(d.dependent)}
        return [
            s.token(i)
            # "the talks, mediated by South Sudan,": what a clause says of the deal is not its name
            for i in sorted(s.subtree(t, frozenset({"conj", "ref", "acl", "acl:relcl", "appos"})))
            if s.token(i).pos not in ("DT", "CD", "POS", ",", "-LRB-") and i not in left_out
        ]

    def _known_deals(self, t: int, kind: str, context: set[str]) -> list[Actor]:
        """The dataset's deals of ``kind`` whose names have the noun ``t``, best first: by how many of the
        ``context`` words their names share, then in the dataset's order."""
        s = self.s
        noun = s.token(t).lemma.lower()
        scored = []
        for order, actor in enumerate(self.resolver.known.actors.values()):
            names = " ".join(key(n) for n in (actor.name, *actor.aliases))
            if actor.kind == kind and (noun in names or key(s.token(t).word) in names):
                scored.append((-sum(1 for w in context if w and w in names), order, actor))
        return [a for *_, a in sorted(scored, key=lambda x: x[:2])]

    # -- what the clause says: polarity, modality, attribution ---------------------------------

    def _frame(
        self, entry: Entry, pattern: VerbPattern | None, v: int, confidence: float = 0.8
    ) -> _Frame | None:
        s, lex = self.s, self.lex
        notes = None
        chain = [v]
        node = v
        # climb through xcomp/conj governors: "refused to meet", "appear to have co-operated"
        for _ in range(4):
            ups = [
                d
                for d in s.parents(node)
                if d.relation in ("xcomp", "ccomp", "conj", "conj:and")
                or d.relation.startswith(("advcl", "parataxis"))
                # "Iran denied arming the Houthis": the parse may hang the verb as a bare dep
                or (d.relation == "dep" and s.token(node).pos in ("VB", "VBG"))
                or (d.relation in _CONTROL and s.token(node).pos == "VBG")
            ]
            if not ups:
                break
            up = ups[0]
            gov = s.token(up.governor)
            glemma = gov.lemma.lower()
            if up.relation == "xcomp" and s.token(node).pos in _FINITE:
                break  # "offered to mediate and spoke with X": "spoke" is said, not offered
            if up.relation in ("xcomp", "dep"):
                if (
                    glemma in lex.negators
                    or glemma in lex.irrealis
                    or glemma in lex.unlikely
                    or glemma in ("likely", "expected", "set")
                ):
                    return None
                if glemma in lex.hedges:
                    confidence -= 0.15
                if glemma in lex.reporting and gov.pos == "VBN" and s.children(up.governor, "aux:pass"):
                    # "Russia is believed to have bombed ...", "is said to": reported by no one named
                    confidence *= 0.6
                    notes = "Reported, not stated by the source"
                    break
            elif (
                up.relation in ("ccomp", "parataxis", *_CONTROL)
                or up.relation.startswith("parataxis")
            ):
                claim = gov.pos.startswith("NN") and (glemma in lex.reporting or glemma in lex.claims)
                if glemma in lex.reporting or glemma == "deny" or claim:
                    refuted = claim and self._refuted(up.governor)
                    if glemma == "deny" or self._negated(up.governor) or refuted:
                        return None
                    who = [
                        m.actor.name
                        for d in s.children(up.governor, *_SUBJECT)
                        if (m := self.mention_at(d.dependent))
                    ]
                    confidence *= 0.6
                    notes = f"Claimed by {who[0]}" if who else "Reported, not stated by the source"
                break
            else:
                break
            chain.append(up.governor)
            node = up.governor
        if any(self._negated(i) or self._modal(i) or self._neither(i) for i in chain[:1]):
            return None
        marks = {s.token(d.dependent).lemma.lower() for d in s.children(v, "mark")}
        if marks & {"without", "if", "unless", "whether"}:
            return None
        if any(s.token(d.dependent).lemma.lower() in lex.hedges for d in s.children(v, "advmod")):
            confidence -= 0.15
        sources = [d.dependent for d in s.children(chain[-1], "obl:according_to")]
        if sources and notes is None:
            # "According to Kyiv, Russian forces shelled ...": Kyiv's account
            who = [m.actor.name for i in sources if (m := self.mention_at(i))]
            confidence *= 0.6
            notes = f"Claimed by {who[0]}" if who else "Reported, not stated by the source"
        self._chain = chain
        return _Frame(entry, pattern, v, round(max(confidence, 0.2), 2), notes)

    def _refuted(self, noun: int) -> bool:
        """ "Chad rejected the accusation that ...": a claim that its clause's governor refutes."""
        s, refuting = self.s, self.lex.refuting
        return any(
            d.relation in ("obj", "nsubj:pass") and s.token(d.governor).lemma.lower() in refuting
            for d in s.parents(noun)
        )

    def _neither(self, v: int) -> bool:
        """ "Neither Chad nor Niger attacked Mali": subjects named with neither or nor."""
        s = self.s
        subjects = [d.dependent for d in s.children(v, *_SUBJECT)]
        subjects += [e.dependent for t in subjects for e in s.children(t, "conj", "conj:nor", "conj:and")]
        return any(
            s.token(d.dependent).lemma.lower() in ("neither", "nor")
            for t in subjects
            for d in s.children(t, "cc", "cc:preconj", "det", "advmod")
        )

    def _negated(self, i: int) -> bool:
        return any(
            self.s.token(d.dependent).lemma.lower() in self.lex.negations
            for d in self.s.children(i, "advmod", "neg", "det")
        )

    def _modal(self, i: int) -> bool:
        # "which denies backing the rebels": the parse may take a negating or wishing verb for an auxiliary
        lex = self.lex
        return any(
            (lemma := self.s.token(d.dependent).lemma.lower()) in lex.modals or lemma in lex.negators
            or lemma in lex.irrealis
            for d in self.s.children(i, "aux")
        )

    # -- time --------------------------------------------------------------------------------

    def _times(self, v: int) -> dict[Role, PartialDate]:
        """The dates attached to the predicate (or the verbs it depends on), by role."""
        s = self.s
        found: dict[Role, PartialDate] = {}
        for node in getattr(self, "_chain", [v]):
            for d in self._args(node):
                rel = d.relation
                if not (rel.startswith(("obl", "advcl", "nmod:tmod", "obl:tmod", "advmod", "nmod"))):
                    continue
                sub = s.subtree(d.dependent)
                role = self._role(rel, d.dependent)
                dated = [
                    (mention_date((m.timex or {}).get("value"), m.text, self.doc.day), m.text)
                    if _absolute(m.text) else (self._counted_from(m), "")
                    for m in self.s.mentions
                    if m.ner in ("DATE", "TIME") and m.first in sub
                ]
                # "since mid-2015": a date the tagger did not even see, one token under the preposition
                word = s.token(d.dependent).word
                dated.append((from_text(word, self.doc.day), word))
                for when, text in dated:
                    if when is None:
                        continue
                    if text and (self._past(node) or role == "start") and not re.search(r"\b\d{4}\b", text):
                        # "since May" is past, whatever the tense; "June 2017" says its year itself
                        when = before(when, self.doc.day)
                    if when is not None:
                        found.setdefault(role, when)
                        if role == "start":
                            self._since[self._paragraph] = when
                    break
            if found:
                break
        if not found:
            # "Talks stalled in May 2015, after rebel units attacked the town", "X and Y declared
            # peace on Monday, as their leaders signed a declaration": the clause that an event
            # is subordinate to dates it
            for d in s.parents(v):
                rel = d.relation
                if rel in ("parataxis", "dep") or (
                    rel.startswith("advcl") and rel.split(":")[-1] in _SUBORDINATE
                ):
                    found = self._in_the_past(
                        d.governor,
                        self._dates_below(d.governor, ("obl:in", "obl:on", "obl:tmod", "nmod:tmod"))
                        or self._dates_on_arguments(d.governor),
                    )
                    if found:
                        found = {"date" if r == "start" else r: w for r, w in found.items()}
                        return self._apart(v, found)
        if not found:
            found = self._in_the_past(v, self._dates_on_arguments(v))
        if not found and s.token(v).pos == "VBD":
            # "ordered an end to operations on Tuesday, and hours later accepted the plan": a past verb
            # coordinated with one dated to a day, with no date of its own, shares that day
            for d in s.parents(v):
                if d.relation.startswith("conj") and d.governor < v and s.token(d.governor).pos == "VBD":
                    days = self._dates_below(d.governor, ("obl:on", "obl:tmod"))
                    found = {r: w for r, w in days.items() if r == "date" and w.precision == "day"}
                    found = self._in_the_past(d.governor, found)
                    if found:
                        break
        if not found and s.token(v).pos == "VBN":
            # "a truce arranged by the committee has held since last month": made when it began to hold (the
            # parse may make the participle the head and "held" a bare dep of it)
            holding = [e.governor for d in s.parents(v) if d.relation == "acl"
                       for e in s.parents(d.governor) if e.relation.startswith("nsubj")]
            holding += [d.dependent for d in s.children(v, "dep")
                        if s.token(d.dependent).pos.startswith("VB")]
            for h in holding:
                since = self._dates_below(h, ("obl:since",))
                if (start := before(since.get("start"), self.doc.day)) is not None:
                    return {"date": start}
            # "normalised relations in December 2020 under a deal brokered by Washington": the deal's making
            # is dated by the clause it is the means of
            means = [e.governor for d in s.parents(v) if d.relation == "acl" for e in s.parents(d.governor)
                     if e.relation.startswith("obl:") and e.relation not in ("obl:tmod", "obl:since")]
            for g in means:
                made = self._in_the_past(g, self._dates_below(g, ("obl:in", "obl:on")))
                if "date" in made:
                    return {"date": made["date"]}
        if not found and s.token(v).pos.startswith("NN"):
            # "Russian air strikes on the rebels resumed on Monday": a noun for an act takes the
            # date of the clause it is an argument of
            for d in s.parents(v):
                g = d.governor
                if not (d.relation.startswith(("nsubj", "obj", "obl")) and s.token(g).pos.startswith("VB")):
                    continue
                # "has tried to forge a settlement through talks with X since 2013": or of the verb that
                # the clause completes
                for h in (g, *(e.governor for e in s.parents(g) if e.relation == "xcomp")):
                    found = self._in_the_past(
                        h, self._dates_below(h, ("obl:in", "obl:on", "obl:tmod", "obl:since"))
                    )
                    if found:
                        break
                if found:
                    break
        return found

    def _apart(self, v: int, found: dict[Role, PartialDate]) -> dict[Role, PartialDate]:
        """``found``, the date of the clause that ``v`` is "a day after" or "two weeks before", moved back or
        on by that time ("attacked on Monday, a day after Niger shelled Chad": the shelling was on Sunday)."""
        s = self.s
        marks = {s.token(d.dependent).lemma.lower() for d in s.children(v, "mark")}
        spans = [m for d in s.children(v, "dep", "obl:npmod", "nmod:npmod") for m in s.mentions
                 if m.ner == "DURATION" and m.covers(d.dependent)]
        if "date" not in found or not spans or not marks & {"after", "before"}:
            return found
        way = "earlier" if "after" in marks else "later"
        moved = shifted(found["date"], f"{spans[0].text} {way}")
        return {**found, "date": moved} if moved is not None else {}

    def _counted_from(self, mention: Mention) -> PartialDate | None:
        """The date of "two years later" or "a week earlier": counted from the last date the sentence gave
        before it ("signed a deal in 2010, but attacked two years later": 2012); else none."""
        anchors = [m for m in self.s.mentions if m.ner in ("DATE", "TIME") and m.last < mention.first
                   and _absolute(m.text)]
        if not anchors:
            return None
        anchor = anchors[-1]
        when = mention_date((anchor.timex or {}).get("value"), anchor.text, self.doc.day)
        return shifted(when, mention.text) if when is not None else None

    def _in_the_past(self, v: int, found: dict[Role, PartialDate]) -> dict[Role, PartialDate]:
        """``found``, moved before the article's day when ``v`` speaks of the past."""
        if not found or not self._past(v):
            return found
        return {r: w2 for r, w in found.items() if (w2 := before(w, self.doc.day)) is not None}

    def _dates_on_arguments(self, v: int) -> dict[Role, PartialDate]:
        """ "reached an agreement ... on Tuesday", "fought a war from 1998 to 2000": the parser may
        hang the date on the object."""
        s = self.s
        for arg in s.children(v, "obj", "obl"):
            for node in (arg.dependent, *(d.dependent for d in s.children(arg.dependent, "nmod"))):
                found = self._dates_below(
                    node, ("nmod:on", "nmod:in", "nmod:tmod", "nmod:since", "nmod:from", "nmod:to")
                )
                if found:
                    return found
        for arg in s.children(v, "obj"):
            # "signed a peace deal brokered by the US on Friday": the day the parse gives the deal's making
            # is the day of the signing it has no other for
            for d in s.children(arg.dependent, "acl"):
                found = self._dates_below(d.dependent, ("obl:on", "obl:tmod"))
                if found:
                    return found
        return {}

    def _dates_below(self, node: int, relations: tuple[str, ...]) -> dict[Role, PartialDate]:
        s = self.s
        found: dict[Role, PartialDate] = {}
        for d in s.children(node, *relations):
            sub = s.subtree(d.dependent)
            for m in s.mentions:
                if m.ner in ("DATE", "TIME") and m.first in sub and _absolute(m.text):
                    when = mention_date((m.timex or {}).get("value"), m.text, self.doc.day)
                    if when is not None:
                        found.setdefault(self._role(d.relation, d.dependent), when)
                        break
        return found

    def _role(self, relation: str, dependent: int) -> Role:
        s = self.s
        words = {relation.split(":", 1)[-1]}
        words |= {s.token(d.dependent).lemma.lower() for d in s.children(dependent, "case", "mark")}
        for word, role in _TIME_CASES.items():
            if word in words:
                return role
        return "date"

    def _perfect(self, v: int) -> bool:
        """Whether ``v`` is in the present perfect ("has supported"), which speaks of a time up to now."""
        s = self.s
        return s.token(v).pos == "VBN" and any(
            s.token(d.dependent).lemma.lower() == "have" and s.token(d.dependent).pos in ("VBZ", "VBP")
            for d in s.children(v, "aux")
        )

    def _past(self, v: int) -> bool:
        s = self.s
        pos = s.token(v).pos
        aux = {s.token(d.dependent).lemma.lower() for d in s.children(v, "aux")}
        return (
            pos == "VBD"
            or (pos == "VBN" and bool(aux & {"have", "be"}))
            or bool({s.token(d.dependent).pos for d in s.children(v, "aux", "cop")} & {"VBD"})
        )

    # -- claims ------------------------------------------------------------------------------

    def _pairs(self, frame: _Frame, sources: list[Actor], targets: list[Actor]) -> list[Claim]:
        rtype = self.lex.relation_type(frame.entry.type)
        times = self._times(frame.predicate)
        out = []
        if rtype.name == "brokers":
            targets = [self._deal_of_talks(t) for t in targets]
        for source in sources:
            source = self._acting_for(source, rtype.name)
            for target in targets:
                if source.id == target.id:
                    continue
                if rtype.source_kinds and source.kind not in rtype.source_kinds:
                    continue
                if rtype.target_kinds and target.kind not in rtype.target_kinds:
                    continue
                claim = self._claim(frame, rtype.kind, source, target, times)
                read = [
                    self._read[a.id] for a in (source, target) if a.id in self._read and not self._named(a)
                ]
                if read:
                    note = "; ".join(dict.fromkeys(read))
                    claim = replace(
                        claim,
                        confidence=round(claim.confidence * _ANAPHOR_CONFIDENCE, 2),
                        notes=f"{claim.notes}; {note}" if claim.notes else note[:1].upper() + note[1:],
                    )
                out.append(claim)
        return out

    def _deal_of_talks(self, target: Actor) -> Actor:
        """Who mediates talks the dataset does not know brokers the deal they produced, when the text has
        spoken of one ("the accord was signed on Friday after talks mediated by the AU")."""
        if target.kind != "meeting" or target.id in self.resolver.known.actors:
            return target
        deal = self._deal_before(len(self.s.tokens) + 1, "agreement")
        return deal[0] if deal else target

    def _deal_before(self, index: int, kind: str) -> list[Actor]:
        """The deal of ``kind`` the text spoke of last before token ``index`` (in a list: none or one)."""
        wanted = Anaphor("single", frozenset({kind}), None, "other")
        return self.discourse.find(wanted, self.s.index, index, set())[:1]

    def _named(self, actor: Actor) -> bool:
        """Whether the current sentence names ``actor`` itself."""
        return any(m.actor.id == actor.id for m in self.mentions)

    def _signing_for(self, v: int, sources: list[Actor]) -> list[Actor]:
        """Who is party when persons sign "for Khartoum" or "on behalf of the alliance": that one, whom
        the persons then represent."""
        s = self.s
        principals = [
            a
            for a in self._actors([d.dependent for d in s.children(v, "obl:for", "obl:on_behalf_of")])
            if a.kind != "person"
        ]
        if not principals:
            return sources
        out = [a for a in sources if a.kind != "person"]
        for person in (a for a in sources if a.kind == "person"):
            for principal in principals:
                if self.leaders.setdefault(person.id, principal) is principal and not any(
                    c.source == person and c.target == principal for c in self._title_claims
                ) and (person, principal) not in self._signed_for:
                    self._signed_for.append((person, principal))
        return out + [p for p in principals if p not in out]

    def _acting_for(self, actor: Actor, rtype: str) -> Actor:
        """A leader who signs, accepts, attends or breaks off relations does so for the state they lead."""
        if rtype in _FOR_THE_STATE and actor.kind == "person":
            # "Koirala, who heads the Seven-Party Alliance, signed": for the body, when no state is known
            return (self.leaders.get(actor.id) or self.heads.get(actor.id)
                    or self.named_after(actor, BODIES) or actor)
        return actor

    def _claim(
        self, frame: _Frame, kind: str, source: Actor, target: Actor, times: dict[Role, PartialDate]
    ) -> Claim:
        day = self.doc.day
        if kind == "event":
            when = times.get("date") or times.get("start")
            if when is None and frame.entry.type == "brokers":
                when = self._signed_on.get(target.id)  # "the accord, brokered by X": on its signing day
            if when is None and frame.entry.type == "attends" and self._signed_on and any(
                w in key(n).split() for n in (target.name, *target.aliases) for w in ("ceremony", "signing")
            ):
                # "... signed a ceasefire on Thursday. Envoys attended the ceremony": the last signing dated
                when = list(self._signed_on.values())[-1]
            when = when or PartialDate.of_day(day)
            return Claim(
                source,
                frame.entry.type,
                target,
                self.s,
                date=when,
                confidence=frame.confidence,
                notes=frame.notes,
                stated=bool(times.keys() - {"before"}),
            )
        stated = times.get("start") or times.get("date")
        if stated is None and self._perfect(frame.predicate):
            # "Since the summer, the two sides have co-operated. Ankara has stood aside while ...": a stance
            # in the present perfect with no time of its own holds since the paragraph's last "since"
            stated = self._since.get(self._paragraph)
        default = PartialDate.parse(str(day.year))
        if frame.entry.type == "party-to":
            # a party since its deal was signed, an event dated like one: on the day the text gives for
            # this or an earlier signing of the deal, else, for a signing, on the article's
            signing = self.s.token(frame.predicate).lemma.lower() in self.lex.signing
            if signing and stated is not None:
                self._signed_on.setdefault(target.id, stated)
            default = self._signed_on.get(target.id) or (PartialDate.of_day(day) if signing else default)
        start = stated or default
        end = times.get("end")
        if end is not None and end.last < start.first:
            # "backed X until 2014": it held then, not from the article's year on (from when, the text does
            # not say); with a start stated after it, the text contradicts itself and the end goes
            start, end = (end, end) if stated is None else (start, None)
        return Claim(
            source,
            frame.entry.type,
            target,
            self.s,
            start=start,
            end=end,
            confidence=frame.confidence,
            notes=frame.notes,
            stated=bool(times.keys() - {"before"}),
        )

    # -- taking office -----------------------------------------------------------------------

    def _office(self, v: int) -> None:
        """ "Abiy, who took office in April": remember when the person did, for :meth:`finish`."""
        s = self.s
        words = self.lex.office[s.token(v).lemma.lower()]
        around = {
            s.token(d.dependent).lemma.lower() for d in s.children(v, "obj", "obl", "compound:prt", "xcomp")
        }
        if words and not words & around:
            return
        people = [m.actor for m in map(self.mention_at, self._subjects(v)) if m and m.actor.kind == "person"]
        if not people:
            return
        self._chain = [v]
        times = self._times(v)
        when = times.get("date") or times.get("start")
        if when is not None:
            for person in people:
                self.took_office.setdefault(person.id, when)

    def _subjects(self, v: int) -> list[int]:
        s = self.s
        found = [d.dependent for d in s.children(v, *_SUBJECT, "nsubj:pass")]
        if not found:
            found, _ = self._repaired_subjects(v, [])
        out = []
        for f in found:
            if s.token(f).pos in ("WP", "WDT"):
                # "President X, who took office ...", when the parse left "who" without its antecedent
                for d in s.parents(v):
                    people = [
                        m.head
                        for m in self.mentions
                        if m.actor.kind == "person"
                        and (m.covers(d.governor) or m.head in s.subtree(d.governor))
                    ]
                    out += people[:1]
            else:
                out.append(f)
        return out

    # -- leaders named with a title ----------------------------------------------------------

    def _titles(self) -> list[Claim]:
        from relgraph.ingest.articles.titles import title_claims

        claims = self._title_claims = title_claims(self)
        for claim in claims:
            if claim.target.kind != "person":
                self.leaders.setdefault(claim.source.id, claim.target)
        return claims


def _absolute(text: str) -> bool:
    """Whether a time expression is read against the article's day: "the next day" and "the following week"
    count from an event of the story, which SUTime does not know."""
    return not re.search(r"\b(next|following|previous|preceding)\b", text, re.I) and not re.fullmatch(
        r"\w+ (day|week|month|year)s? (later|earlier)", text.strip(), re.I)


def i_close(index: int, head: int) -> bool:
    """Words of a deal's noun phrase worth naming it by: those near its head noun."""
    return abs(index - head) <= 4
