"""Repairs to a parse, made on its dependencies where CoreNLP's parser is wrong in ways that cost relations.

The parser takes some gerunds for adjectives: "before finally accepting terms last weekend" becomes terms
that accept, with no verb for the clause, and "signed a truce on Sunday, ending talks among the leaders"
makes "talks" a second thing signed. :func:`gerund_repaired` gives such a gerund its clause back. (Tags the
parser gets wrong are mended in :mod:`~relgraph.ingest.articles.corenlp` by parsing the sentence again.)
"""

from __future__ import annotations

from relgraph.ingest.articles.corenlp import Dependency, Sentence

__all__ = ["gerund_repaired"]

_GERUND_MARKS = frozenset({"before", "after", "by", "without", "while", "since", "upon", "despite"})


def gerund_repaired(sentence: Sentence, verbs: frozenset[str]) -> Sentence:
    """``sentence`` with a gerund after a preposition that the parse took for an adjective of a bare noun
    made the verb of its clause: in "undermined the truce before finally accepting terms last weekend"
    "accepting terms" was parsed as terms that accept, and the clause had no verb. Only a gerund right
    after the preposition (adverbs aside) or a comma (:func:`_second_object`), of a verb among ``verbs``,
    and a noun with no determiner: "after growing tensions" is left alone."""
    for dep in sentence.dependencies:
        g, n = dep.dependent, dep.governor
        gerund = sentence.token(g)
        if dep.relation != "amod" or gerund.pos != "VBG" or n < g or gerund.lemma.lower() not in verbs:
            continue
        if sentence.children(n, "det", "nmod:poss"):
            continue
        if (repaired := _second_object(sentence, dep)) is not None:
            return repaired
        cases = [c for c in sentence.children(n, "case") if c.dependent < g
                 and sentence.token(c.dependent).lemma.lower() in _GERUND_MARKS]
        ups = [p for p in sentence.parents(n) if p.relation.startswith(("obl", "nmod")) and p.governor != n]
        if not cases or not ups:
            continue
        if any(not sentence.token(i).pos.startswith("RB") for i in range(cases[0].dependent + 1, g)):
            continue
        mark = sentence.token(cases[0].dependent).lemma.lower()
        moved = {id(dep): Dependency("obj", g, n), id(cases[0]): Dependency("mark", g, cases[0].dependent)}
        moved |= {id(p): Dependency(f"advcl:{mark}", _clause_of(sentence, p.governor, g), g) for p in ups}
        # the time said after the noun is the clause's: "accepting terms last weekend"
        moved |= {id(c): Dependency(c.relation, g, c.dependent) for c in sentence.children(n, "obl", "nmod")
                  if c.relation in ("obl:tmod", "nmod:tmod")}
        dependencies = [moved.get(id(d), d) for d in sentence.dependencies]
        return Sentence(sentence.index, sentence.tokens, sentence.mentions, dependencies, sentence.root)
    return sentence


def _second_object(sentence: Sentence, dep: Dependency) -> Sentence | None:
    """``sentence`` with "signed two agreements on Sunday, ending talks among the leaders" read as a clause
    of its own: the parse made "ending" an adjective of "talks" and "talks" a second object of "signed"."""
    g, n = dep.dependent, dep.governor
    if g < 2 or sentence.token(g - 1).word != "," or n != g + 1:
        return None
    objects = [p for p in sentence.parents(n) if p.relation == "obj"]
    if len(objects) != 1 or not any(o.dependent < g for o in sentence.children(objects[0].governor, "obj")):
        return None
    verb = objects[0].governor
    moved = {id(dep): Dependency("obj", g, n), id(objects[0]): Dependency("advcl", verb, g)}
    dependencies = [moved.get(id(d), d) for d in sentence.dependencies]
    return Sentence(sentence.index, sentence.tokens, sentence.mentions, dependencies, sentence.root)


def _clause_of(sentence: Sentence, governor: int, at: int) -> int:
    """The verb a clause at token ``at`` belongs to, given the ``governor`` the parse hung it on: not a
    participle set off by commas and closed before it ("undermined two agreements, brokered by Russia,
    for removals ... before accepting terms": the undermining came before the accepting)."""
    token = sentence.token(governor)
    closed = any(sentence.token(c.dependent).word == "," and governor < c.dependent < at
                 for c in sentence.children(governor, "punct"))
    ups = [p.governor for p in sentence.parents(governor) if p.relation in ("dep", "acl") and p.governor]
    return ups[0] if token.pos == "VBN" and closed and ups else governor
