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
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from relgraph.dates import PartialDate
from relgraph.ingest.articles.actors import ActorMention, Resolver, key
from relgraph.ingest.articles.corenlp import Document, Sentence
from relgraph.ingest.articles.lexicon import Entry, Lexicon, VerbPattern
from relgraph.ingest.articles.when import before, from_timex
from relgraph.model import Actor

__all__ = ["Claim", "Reader"]

Role = Literal["start", "end", "date"]

_SUBJECT = ("nsubj", "nsubj:xsubj")
_AGENT = ("obl:agent", "obl:by", "nmod:agent", "nmod:by")
_OWNER = ("amod", "compound", "nmod:poss", "nmod:of", "nmod:from")
_TIME_CASES: dict[str, Role] = {
    "since": "start",
    "from": "start",
    "after": "start",
    "until": "end",
    "till": "end",
    "through": "end",
    "to": "end",
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
        for rel in resolver.known.relations.values():
            if rel.type in ("leads", "represents") and resolver.known.actors[rel.target].kind == "state":
                self.leaders.setdefault(rel.source, resolver.known.actors[rel.target])

    # -- the sentence ------------------------------------------------------------------------

    def claims(self, sentence: Sentence) -> list[Claim]:
        self.s = sentence
        self.mentions = self.resolver.mentions(sentence, self.doc.text)
        out = self._titles()
        for token in sentence.tokens:
            if token.pos.startswith("VB"):
                out.extend(self._verb(token.index))
            if token.pos.startswith("NN"):
                out.extend(self._noun(token.index))
            if token.pos == "VBN" and (entry := self.lex.participle(token.word)):
                out.extend(self._participle(token.index, entry))
        return out

    def mention_at(self, index: int) -> ActorMention | None:
        return next((m for m in self.mentions if m.covers(index)), None)

    # -- verbs -------------------------------------------------------------------------------

    def _verb(self, v: int) -> list[Claim]:
        lemma = self.s.token(v).lemma.lower()
        for entry, pattern in self.lex.verbs_for(lemma):
            particle = {self.s.token(d.dependent).lemma.lower() for d in self.s.children(v, "compound:prt")}
            if pattern.particle and pattern.particle not in particle:
                continue
            if not pattern.particle and any(p.particle in particle for _, p in self.lex.verbs_for(lemma)):
                continue  # "shoot down" is not "shoot"
            found = self._arguments(v, pattern, entry.type)
            if found is None:
                continue
            sources, targets = found
            frame = self._frame(entry, pattern, v)
            if frame is None:
                return []
            return self._pairs(frame, sources, targets)
        return []

    def _arguments(
        self, v: int, pattern: VerbPattern, entry_type: str
    ) -> tuple[list[Actor], list[Actor]] | None:
        s = self.s
        passive = bool(s.children(v, "nsubj:pass", "aux:pass"))
        subjects = [d.dependent for d in s.children(v, *_SUBJECT)]
        agents = [d.dependent for d in s.children(v, *_AGENT)]
        objects = [d.dependent for d in s.children(v, "obj", "iobj")]
        if passive:
            subjects, objects = agents, [d.dependent for d in s.children(v, "nsubj:pass")]
        elif not subjects and agents:
            subjects = agents
            # "two agreements, brokered by Russia": the participle modifies what it acts on
            objects = objects or [
                d.governor
                for d in s.parents(v)
                if d.relation.startswith(("acl", "dep")) and s.token(d.governor).pos.startswith("NN")
            ]
        if pattern.objects:
            chosen = [o for o in objects if s.token(o).lemma.lower() in pattern.objects]
            if not chosen:
                return None
            objects = [d.dependent for d in s.children(v, "iobj")]
            if pattern.preps:
                nmods = tuple(f"nmod:{p}" for p in pattern.preps)
                objects += [d.dependent for o in chosen for d in s.children(o, *nmods)]
            else:
                objects = objects or chosen
        if pattern.preps:
            objects += [d.dependent for d in s.children(v, *(f"obl:{p}" for p in pattern.preps))]
            if not pattern.objects:
                objects = [d.dependent for d in s.children(v, *(f"obl:{p}" for p in pattern.preps))]
            if not objects:
                return None
        if pattern.reverse:
            subjects, objects = objects, subjects
        if entry_type == "party-to":
            # "reached an agreement with X", "signed the deal with X": X is a party too
            subjects += [d.dependent for d in s.children(v, "obl:with")]
            subjects += [d.dependent for o in objects for d in s.children(o, "nmod:with")]
        sources = self._actors(subjects)
        targets = self._actors(objects)
        if not sources or not targets:
            return None
        return sources, targets

    # -- nouns and participles ---------------------------------------------------------------

    def _noun(self, n: int) -> list[Claim]:
        entry = self.lex.noun(self.s.token(n).lemma)
        if entry is None:
            return []
        s = self.s
        targets = self._actors([d.dependent for d in s.children(n, "nmod:of", "nmod:for", "nmod:to")])
        between = self._actors([d.dependent for d in s.children(n, "nmod:between")])
        if s.children(n, "cop"):
            sources = self._actors([d.dependent for d in s.children(n, *_SUBJECT)])
        elif len(between) >= 2:
            # "a reconciliation between Erdoğan and Putin", "talks between X and Y"
            sources, targets = between[:1], between[1:]
        else:
            sources = self._actors([d.governor for d in s.parents(n) if d.relation == "appos"])
        frame = self._frame(entry, None, n, confidence=0.75)
        return self._pairs(frame, sources, targets) if frame and sources and targets else []

    def _participle(self, p: int, entry: Entry) -> list[Claim]:
        """ "Iranian-led militia", "a US-brokered truce": the modifier's first part acts on the noun."""
        s = self.s
        heads = [d.governor for d in s.parents(p) if d.relation == "amod"]
        parts = [
            d.dependent
            for d in s.children(p, "dep", "compound", "obl:npmod", "nmod:npmod", "advmod")
            if d.dependent < p
        ]
        if not heads or not parts:
            return []
        sources = self._actors(parts)
        targets = self._actors(heads)
        frame = self._frame(entry, None, p, confidence=0.7)
        return self._pairs(frame, sources, targets) if frame and sources and targets else []

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
            actor = self._actor(t)
            if actor is not None and actor not in out:
                out.append(actor)
        return out

    def _actor(self, t: int) -> Actor | None:
        s = self.s
        mention = self.mention_at(t)
        if mention is not None:
            return mention.actor
        token = s.token(t)
        lemma = token.lemma.lower()
        if lemma in self.lex.deals:
            return self._deal(t, self.lex.deals[lemma])
        for d in s.children(t, *_OWNER):
            owner = self.mention_at(d.dependent)
            # "Turkish jets" act for Turkey; "the Syrian opposition" and "Turkey's intervention" do not
            # make Syria or Turkey the argument, nor does a person's anything
            if owner is not None and lemma in self.lex.forces and owner.actor.kind != "person":
                return owner.actor
        if token.pos in ("NNP", "NNPS") and token.ner in ("O", "MISC") and token.word[:1].isupper():
            return self.resolver.new_actor(token.word, "organisation")
        return None

    def _deal(self, t: int, kind: str) -> Actor:
        """The agreement, meeting or resolution a common noun names: the best known match, or a new one."""
        s = self.s
        words = [
            s.token(i)
            for i in sorted(s.subtree(t))
            if s.token(i).pos not in ("DT", "CD", "POS", ",", "-LRB-")
        ]
        phrase = " ".join(w.word for w in words if i_close(w.index, t))
        noun = s.token(t).lemma.lower()
        context = {key(w.lemma) for w in words}
        best: tuple[int, Actor] | None = None
        for actor in self.resolver.known.actors.values():
            if actor.kind != kind:
                continue
            names = " ".join(key(n) for n in (actor.name, *actor.aliases))
            if noun not in names and key(s.token(t).word) not in names:
                continue
            score = sum(1 for w in context if w and w in names)
            if best is None or score > best[0]:
                best = (score, actor)
        if best is not None:
            return best[1]
        name = phrase[:1].upper() + phrase[1:]
        return self.resolver.new_actor(f"{name} ({self.doc.day.isoformat()})", kind)

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
            ]
            if not ups:
                break
            up = ups[0]
            gov = s.token(up.governor)
            glemma = gov.lemma.lower()
            if up.relation == "xcomp":
                if (
                    glemma in lex.negators
                    or glemma in lex.irrealis
                    or glemma in ("likely", "expected", "set")
                ):
                    return None
                if glemma in lex.hedges:
                    confidence -= 0.15
            elif up.relation in ("ccomp", "parataxis") or up.relation.startswith("parataxis"):
                if glemma in lex.reporting or glemma == "deny":
                    if glemma == "deny" or self._negated(up.governor):
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
        if any(self._negated(i) or self._modal(i) for i in chain[:1]):
            return None
        marks = {s.token(d.dependent).lemma.lower() for d in s.children(v, "mark")}
        if marks & {"without", "if", "unless", "whether"}:
            return None
        if any(s.token(d.dependent).lemma.lower() in lex.hedges for d in s.children(v, "advmod")):
            confidence -= 0.15
        self._chain = chain
        return _Frame(entry, pattern, v, round(max(confidence, 0.2), 2), notes)

    def _negated(self, i: int) -> bool:
        return any(
            self.s.token(d.dependent).lemma.lower() in self.lex.negations
            for d in self.s.children(i, "advmod", "neg", "det")
        )

    def _modal(self, i: int) -> bool:
        return any(
            self.s.token(d.dependent).lemma.lower() in self.lex.modals for d in self.s.children(i, "aux")
        )

    # -- time --------------------------------------------------------------------------------

    def _times(self, v: int) -> dict[Role, PartialDate]:
        """The dates attached to the predicate (or the verbs it depends on), by role."""
        s = self.s
        found: dict[Role, PartialDate] = {}
        for node in getattr(self, "_chain", [v]):
            for d in s.children(node):
                rel = d.relation
                if not (rel.startswith(("obl", "advcl", "nmod:tmod", "obl:tmod", "advmod", "nmod"))):
                    continue
                sub = s.subtree(d.dependent)
                role = self._role(rel, d.dependent)
                for m in self.s.mentions:
                    if m.ner in ("DATE", "TIME") and m.timex and m.first in sub:
                        when = from_timex(m.timex.get("value"), self.doc.day)
                        if when is None:
                            continue
                        if self._past(node):
                            when = before(when, self.doc.day)
                        if when is not None:
                            found.setdefault(role, when)
                        break
            if found:
                break
        if not found:
            # "Talks stalled in May 2015, after rebel units attacked the town": the clause
            # that an event is subordinate to dates it
            for d in s.parents(v):
                if d.relation.startswith("advcl") and d.relation.split(":")[-1] in ("after", "when", "advcl"):
                    found = self._dates_below(d.governor, ("obl:in", "obl:on", "obl:tmod", "nmod:tmod"))
                    if found:
                        return {"date" if r == "start" else r: w for r, w in found.items()}
        if not found:
            # "reached an agreement ... on Tuesday": the parser may hang the date on the object
            for arg in s.children(v, "obj", "obl"):
                for node in (arg.dependent, *(d.dependent for d in s.children(arg.dependent, "nmod"))):
                    found = self._dates_below(node, ("nmod:on", "nmod:in", "nmod:tmod", "nmod:since"))
                    if found:
                        break
                if found:
                    break
            if found and self._past(v):
                found = {r: w2 for r, w in found.items() if (w2 := before(w, self.doc.day)) is not None}
        return found

    def _dates_below(self, node: int, relations: tuple[str, ...]) -> dict[Role, PartialDate]:
        s = self.s
        for d in s.children(node, *relations):
            sub = s.subtree(d.dependent)
            for m in s.mentions:
                if m.ner in ("DATE", "TIME") and m.timex and m.first in sub:
                    when = from_timex(m.timex.get("value"), self.doc.day)
                    if when is not None:
                        return {self._role(d.relation, d.dependent): when}
        return {}

    def _role(self, relation: str, dependent: int) -> Role:
        s = self.s
        words = {relation.split(":", 1)[-1]}
        words |= {s.token(d.dependent).lemma.lower() for d in s.children(dependent, "case", "mark")}
        for word, role in _TIME_CASES.items():
            if word in words:
                return role
        return "date"

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
        for source in sources:
            source = self._acting_for(source, rtype.name)
            for target in targets:
                if source.id == target.id:
                    continue
                if rtype.source_kinds and source.kind not in rtype.source_kinds:
                    continue
                if rtype.target_kinds and target.kind not in rtype.target_kinds:
                    continue
                out.append(self._claim(frame, rtype.kind, source, target, times))
        return out

    def _acting_for(self, actor: Actor, rtype: str) -> Actor:
        """A leader who signs or attends does so for the state they lead."""
        if rtype in ("party-to", "attends") and actor.kind == "person" and actor.id in self.leaders:
            return self.leaders[actor.id]
        return actor

    def _claim(
        self, frame: _Frame, kind: str, source: Actor, target: Actor, times: dict[Role, PartialDate]
    ) -> Claim:
        day = self.doc.day
        if kind == "event":
            when = times.get("date") or times.get("start") or PartialDate.of_day(day)
            return Claim(
                source,
                frame.entry.type,
                target,
                self.s,
                date=when,
                confidence=frame.confidence,
                notes=frame.notes,
                stated=bool(times),
            )
        start = times.get("start") or times.get("date") or PartialDate.parse(str(day.year))
        end = times.get("end")
        if end is not None and end.last < start.first:
            end = None
        return Claim(
            source,
            frame.entry.type,
            target,
            self.s,
            start=start,
            end=end,
            confidence=frame.confidence,
            notes=frame.notes,
            stated=bool(times),
        )

    # -- leaders named with a title ----------------------------------------------------------

    def _titles(self) -> list[Claim]:
        from relgraph.ingest.articles.titles import title_claims

        claims = title_claims(self)
        for claim in claims:
            if claim.target.kind == "state":
                self.leaders.setdefault(claim.source.id, claim.target)
        return claims


def i_close(index: int, head: int) -> bool:
    """Words of a deal's noun phrase worth naming it by: those near its head noun."""
    return abs(index - head) <= 4
