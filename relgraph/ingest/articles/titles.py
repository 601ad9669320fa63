"""Leaders and officials named with a title: "German Chancellor Angela Merkel" leads Germany.

A title before a person's name ("US Secretary of State John Kerry", "President
Shavkat Mirziyoyev of Uzbekistan") or in apposition to it ("Kuwait's emir,
Sheikh Sabah") makes a ``leads`` relation
(heads of state, government, bodies and groups) or a ``represents`` one
(ministers, envoys, spokesmen) to the actor named with the title; with none,
to the state of the person's country when the dataset knows it. A minister
leads the ministry the dataset holds for that office ("Foreign Minister
Sergei Lavrov" leads the Russian Foreign Ministry). "Former" cancels it.
A person's possessive on a group ("Haftar's Libyan National Army") is read as
leadership too, with less confidence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from relgraph.dates import PartialDate
from relgraph.ingest.articles.actors import BODIES, ActorMention, key
from relgraph.model import Actor

if TYPE_CHECKING:
    from relgraph.ingest.articles.clauses import Claim, Reader

__all__ = ["title_claims"]

_CONJUNCTS = frozenset({"conj", "ref"})
_OWN_PHRASE = _CONJUNCTS | {"appos"}
"""What is no part of a title's own words: "the foreign ministers, X and Y" has X and Y in apposition."""
_STOP = ("VB", "CC", "DT", "WDT", "WP", "PRP", "PRP$", ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "TO")


def title_claims(reader: Reader) -> list[Claim]:
    """The ``leads``/``represents`` claims of the titled people in the reader's current sentence."""
    from relgraph.ingest.articles.clauses import Claim

    s, lex = reader.s, reader.lex
    start = PartialDate.parse(str(reader.doc.day.year))
    out: list[Claim] = []
    for person in (m for m in reader.mentions if m.actor.kind == "person"):
        claimed: set[str] = set()
        for phrase in _phrases(reader, person):
            text = re.sub(r"\s*-\s*", "-", " ".join(s.token(i).word for i in phrase)).lower()
            if any(
                s.token(i).lemma.lower() in lex.cancel_titles or s.token(i).word.lower().startswith("ex-")
                for i in phrase
            ):
                continue
            title, role = _title(text, lex.leader_titles, lex.office_titles)
            if title is None:
                continue
            words = {s.token(i).lemma.lower() for i in phrase}
            if role == "leads" and words & {"delegation", "mission", "team"}:
                role = "represents"  # "the head of Khartoum's delegation" speaks for Khartoum
            owners = [i for i in phrase if s.token(i).pos in ("PRP$", "WP$")]  # "its", "whose"
            if owners:
                # "Its leader, Hassan Nasrallah": the leader of the actor "its" stands for; "his envoy" is
                # the envoy of what "he" leads; else of no one
                found = [
                    a if a.kind != "person" else reader.leaders.get(a.id) for a in reader._actor(owners[0])
                ]
                target = next((a for a in found if a is not None), None)
            else:
                # "faction leader Minni Minawi", "the rebel commander": a leader of a group the text does
                # not name here, not of the person's country
                of_a_group = any(
                    s.token(i).lemma.lower() in lex.named_by or s.token(i).lemma.lower() in lex.members
                    for i in phrase
                    if s.token(i).lemma.lower() not in ("leader", "member")
                )
                target = (
                    _named(reader, phrase)
                    or _of_after(reader, person)
                    # "faction leader Minni Minawi": the faction the dataset names after him
                    or (reader.named_after(person.actor, BODIES) if of_a_group else None)
                    # only a first title falls back on the person's country: a second names its own
                    or (None if of_a_group or claimed else _of_country(reader, person.actor, role))
                )
            if target is None or target.id in (person.actor.id, *claimed):
                continue
            if role == "represents" and title in lex.ministries:
                ministry = _ministry(reader, target, lex.ministries[title])
                if ministry is not None:
                    target, role = ministry, "leads"
            out.append(
                Claim(
                    person.actor,
                    role,
                    target,
                    s,
                    start=start,
                    confidence=0.9 if role == "leads" else 0.85,
                    notes=f"Named with the title {title!r}",
                )
            )
            reader.leaders.setdefault(person.actor.id, target)  # for "his envoy" later in the sentence
            # "Prime Minister Ljubco Georgievski, leader of the ruling VMRO-DPMNE": each title its own claim
            claimed.add(target.id)
    named = {c.source.id for c in out}
    for person in (m for m in reader.mentions if m.actor.kind == "person" and m.actor.id not in named):
        # "Branko Crvenkovski of the Social Democratic Union": a person named by a body speaks for it (a
        # place or a state after "of" is as often where the person comes from). Only the nearest "of": the
        # parse also hangs on the first name what follows "and" in "A of X and B of Y".
        of = sorted(d.dependent for d in s.children(person.head, "nmod:of") if d.dependent > person.head)
        body = reader.mention_at(of[0]) if of else None
        if body is not None and body.actor.kind in BODIES and body.actor.id != person.actor.id:
            out.append(Claim(person.actor, "represents", body.actor, s, start=start, confidence=0.7,
                             notes=f"{person.actor.name} of {body.actor.name}"))
            continue
        # "the European Union's Francois Leotard", "Moscow's Lavrov": the owner is whom the person speaks for
        possessors = [reader.mention_at(d.dependent) for d in s.children(person.head, "nmod:poss")]
        possessor = next((m for m in possessors if m is not None and m.actor.kind != "person"), None)
        if possessor is not None and possessor.actor.id != person.actor.id:
            out.append(Claim(person.actor, "represents", possessor.actor, s, start=start, confidence=0.7,
                             notes=f"{possessor.actor.name}'s {person.actor.name}"))
    for group in (m for m in reader.mentions if m.actor.kind not in ("person", "state")):
        # "the Justice and Equality Movement of Khalil Ibrahim": a body named "of" a person is theirs
        for d in (d for i in range(group.first, group.last + 1) for d in s.children(i, "nmod:of")
                  if d.dependent > group.last):  # the parse may hang it on the name's last word
            owner = reader.mention_at(d.dependent)
            if group.actor.kind in BODIES and owner is not None and owner.actor.kind == "person":
                out.append(Claim(owner.actor, "leads", group.actor, s, start=start, confidence=0.7,
                                 notes=f"{group.actor.name} of {owner.actor.name}"))
        for d in s.children(group.head, "nmod:poss"):
            owner = reader.mention_at(d.dependent)
            if owner is not None and owner.actor.kind == "person":
                out.append(
                    Claim(
                        owner.actor,
                        "leads",
                        group.actor,
                        s,
                        start=start,
                        confidence=0.7,
                        notes=f"{owner.actor.name}'s {group.actor.name}",
                    )
                )
    for head in (t.index for t in s.tokens if t.lemma.lower() == "head" and t.index > 2):
        # "Koirala took office at the head of a seven-party alliance": the subject leads it
        if [s.token(i).lemma.lower() for i in (head - 2, head - 1)] != ["at", "the"]:
            continue
        led = [m.actor for d in s.children(head, "nmod:of") if (m := reader.mention_at(d.dependent))]
        verb = head
        while verb and not s.token(verb).pos.startswith("VB"):
            verb = next((p.governor for p in s.parents(verb)), 0)
        people = [m.actor for i in (reader._subject_tokens(verb) if verb else [])
                  if (m := reader.mention_at(i)) and m.actor.kind == "person"]
        out += [Claim(person, "leads", body, s, start=start, confidence=0.8,
                      notes=f"{person.name} at the head of {body.name}")
                for person in people for body in led if body.kind != "person"]
    for force in (t.index for t in s.tokens if t.lemma.lower() in lex.forces and t.pos.startswith("NN")):
        # "Bosnian Serb forces under General Ratko Mladic": who commands them leads those they serve
        for d in s.children(force, "nmod:under"):
            commander = reader.mention_at(d.dependent)
            if commander is None or commander.actor.kind != "person":
                continue
            # a state's forces have a commander, not a leader of the state
            for served in (a for a in reader._actor(force) if a.kind not in ("person", "state")):
                out.append(Claim(commander.actor, "leads", served, s, start=start, confidence=0.8,
                                 notes=f"{served.name}'s forces under {commander.actor.name}"))
    return out


def _phrases(reader: Reader, person: ActorMention) -> list[list[int]]:
    """Token runs that may hold the person's title: just before the name, or in apposition to it."""
    s = reader.s
    left = _left(reader, person.first - 1)
    comma = (left[0] if left else person.first) - 1  # "the commander of X's forces, General Y"
    ranks_only = all(s.token(i).lemma.lower() in reader.lex.ranks for i in left)
    if comma > 1 and s.token(comma).word == "," and ranks_only:
        # "the US Under-Secretary of State, Joseph Sisco", which the parse makes one noun phrase
        before = _left(reader, comma - 1)
        following = s.token(person.last + 1).word if person.last < len(s.tokens) else "."
        compound = any(
            p.governor == person.head and p.relation == "compound" for i in before for p in s.parents(i)
        )
        if compound or (
            # "by the US envoy, James Pardew, and ...": a name set off on both sides after its title
            before
            and s.token(before[-1]).pos in ("NN", "NNS", "NNP")
            and following in (",", ".", "and", ";")
            and (before[0] == 1 or s.token(before[0] - 1).pos != "PRP$")  # "its leader, X": in apposition
        ):
            left = before + left
    phrases = [left] if left else []
    # "King Gyanendra", "President Makarios": a dataset's name for a person may hold the title
    titled = list(range(person.first, person.last))
    if titled and s.token(person.first).pos == "NNP":
        phrases.append(titled)
    for d in [
        *s.children(person.head, "appos"),
        *(p for p in s.parents(person.head) if p.relation == "appos"),
    ]:
        noun = d.dependent if d.governor == person.head else d.governor
        if noun > person.head and _names_next(reader, noun, person):
            continue  # "Kuchma, Moscow's ambassador, Mikhail Zurabov": the title is Zurabov's
        if noun > person.head and any(
            (m := reader.mention_at(i)) is not None and m.actor.kind == "person" and m.actor != person.actor
            for i in range(person.last + 1, noun)
        ):
            continue  # "X and Y, the head of ...": the parse hangs Y's title on X
        if any(
            (m := reader.mention_at(i)) is not None and m.actor.kind == "person" and m.actor != person.actor
            # a plural title may have several names in apposition: "the foreign ministers, X and Y"
            for i in s.subtree(noun, _OWN_PHRASE if s.token(noun).pos == "NNS" else _CONJUNCTS)
        ):
            continue  # "the AU envoy Thabo Mbeki, former president X": the title has its own name
        if s.token(noun).pos.startswith("NN") and not person.covers(noun):
            # "the AU's mediator, former president Thabo Mbeki": the words before the name are its own phrase
            own = s.subtree(person.head) if d.governor == noun else set()
            words = sorted(
                i
                for i in s.subtree(noun, _OWN_PHRASE)
                if not person.covers(i) and i not in own and s.token(i).pos not in (",", "DT")
            )
            phrases.append(words)
    after = person.last + 1
    if after < len(s.tokens) and s.token(after).word == ",":
        # "X and Y, the head of ...": a title set off after the name that the parse hung on someone else
        for noun in range(after + 1, len(s.tokens) + 1):
            if min(s.subtree(noun)) == after + 1 and s.token(noun).pos in ("NN", "NNS") and any(
                p.relation == "appos" and p.governor != person.head for p in s.parents(noun)
            ):
                phrases.append(sorted(i for i in s.subtree(noun) if s.token(i).pos not in (",", "DT")))
                break
    if person.first > 2 and s.token(person.first - 1).word == ",":
        # "..., Moscow's ambassador to Kyiv, Mikhail Zurabov": a title just before, set off by a comma,
        # that the parse hung on someone else
        end = person.first - 2
        for noun in range(end, 0, -1):
            tree = s.subtree(noun)
            if max(tree) == end and s.token(noun).pos in ("NN", "NNS") and reader.mention_at(noun) is None:
                if any(p.relation in ("appos", "conj", "conj:and") for p in s.parents(noun)):
                    phrases.append(sorted(i for i in tree if s.token(i).pos not in (",", "DT")))
                break
    return phrases


def _left(reader: Reader, i: int) -> list[int]:
    """The run of title-like tokens that ends at token ``i``."""
    s = reader.s
    left: list[int] = []
    while i >= 1 and len(left) < 8:
        token = s.token(i)
        other = reader.mention_at(i)
        if (token.pos.startswith(_STOP) and token.lemma.lower() != "of") or (
            other and other.actor.kind == "person"
        ):
            break
        if token.pos == "IN" and token.lemma.lower() != "of" and s.token(i + 1).pos != "HYPH":
            break  # but "Under-Secretary" is one title
        left.insert(0, i)
        i -= 1
    return left


def _names_next(reader: Reader, noun: int, person: ActorMention) -> bool:
    """Whether another person's name follows the phrase of ``noun``, past a comma: the title is theirs."""
    s = reader.s
    i = max(s.subtree(noun)) + 1
    while i <= len(s.tokens) and s.token(i).pos == ",":
        i += 1
    other = reader.mention_at(i) if i <= len(s.tokens) else None
    return other is not None and other.actor.kind == "person" and other.actor != person.actor


def _title(text: str, leaders: tuple[str, ...], offices: tuple[str, ...]) -> tuple[str | None, str]:
    """The longest title in ``text``: "prime minister" leads, "minister" represents."""
    titles = sorted(
        [(t, "leads") for t in leaders] + [(t, "represents") for t in offices], key=lambda t: -len(t[0])
    )
    for title, role in titles:
        if re.search(rf"(^|[\s'])({re.escape(title)})s?($|\s)", text):  # "the foreign ministers, X and Y"
            return title, role
    return None, ""


def _named(reader: Reader, phrase: list[int]) -> Actor | None:
    s = reader.s
    for i in phrase:
        m = reader.mention_at(i)
        if m is None or m.actor.kind == "person":
            continue
        before = [s.token(j).word.lower() for j in (m.first - 2, m.first - 1) if j >= 1]
        if before[-2:] == ["pro", "-"] or s.token(m.first).word.lower().startswith(("pro-", "anti-")):
            continue  # "pro-Russian" says whom they favour, not whom they lead
        if before[-1:] in (["in"], ["to"], ["at"]):
            continue  # "ambassador to Kyiv", "his envoy in Kathmandu": where they serve, not for whom
        return m.actor
    return None


def _of_after(reader: Reader, person: ActorMention) -> Actor | None:
    """ "President Shavkat Mirziyoyev of Uzbekistan": the actor named with "of" after the name."""
    for d in reader.s.children(person.head, "nmod:of"):
        m = reader.mention_at(d.dependent)
        if m is not None and m.actor.kind != "person":
            return m.actor
    return None


def _of_country(reader: Reader, person: Actor, role: str) -> Actor | None:
    if not person.country:
        return None
    return (
        reader.resolver.government(person.country)
        if role == "leads"
        else reader.resolver.state(person.country)
    )


def _ministry(reader: Reader, state: Actor, words: tuple[str, ...]) -> Actor | None:
    for actor in reader.resolver.known.actors.values():
        name = key(actor.name)
        if (
            actor.kind == "organisation"
            and actor.country == state.country
            and "ministr" in name
            and any(w in name for w in words)
        ):
            return actor
    return None
