"""Stanford CoreNLP's HTTP API, and the parsed document it returns.

:func:`annotate` posts a text to a running server (``relgraph nlp start``, or
any server ``CORENLP_URL`` names) with the article's date, so that SUTime
resolves "on Monday" against it, and returns a :class:`Document`: sentences of
tokens (word, lemma, part of speech, named-entity tag, character offsets),
entity mentions with their normalised time values, and the enhanced++
dependency graph. Only the standard library talks to the server.

Answers are kept in a small in-process cache keyed by server, text and date,
so the same article is parsed once per process.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from relgraph.errors import CoreNLPUnavailable

__all__ = ["DEFAULT_URL", "Dependency", "Document", "Mention", "Sentence", "Token", "annotate"]

DEFAULT_URL = "http://127.0.0.1:9000"
ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse"

_CACHE: OrderedDict[tuple[str, str, str], Document] = OrderedDict()
_CACHE_SIZE = 64


@dataclass(frozen=True)
class Token:
    """A token; ``index`` counts from 1 as CoreNLP's dependencies do; offsets index the article text."""

    index: int
    word: str
    lemma: str
    pos: str
    ner: str
    begin: int
    end: int
    normalized: str | None = None


@dataclass(frozen=True)
class Mention:
    """A named entity or time expression over tokens ``first..last`` (1-based, inclusive)."""

    text: str
    ner: str
    first: int
    last: int
    timex: dict[str, str] | None = None

    def covers(self, index: int) -> bool:
        return self.first <= index <= self.last


@dataclass(frozen=True)
class Dependency:
    relation: str
    governor: int
    dependent: int


@dataclass
class Sentence:
    """One sentence: tokens, mentions and the enhanced++ dependencies among them."""

    index: int
    tokens: list[Token]
    mentions: list[Mention]
    dependencies: list[Dependency]
    root: int = 0
    _children: dict[int, list[Dependency]] = field(default_factory=dict, repr=False)
    _parents: dict[int, list[Dependency]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for dep in self.dependencies:
            self._children.setdefault(dep.governor, []).append(dep)
            self._parents.setdefault(dep.dependent, []).append(dep)

    @property
    def begin(self) -> int:
        return self.tokens[0].begin

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    def token(self, index: int) -> Token:
        return self.tokens[index - 1]

    def children(self, index: int, *relations: str) -> list[Dependency]:
        """Dependents of token ``index``; with ``relations``, only those (``obl`` has ``obl:in``)."""
        found = self._children.get(index, [])
        if not relations:
            return found
        return [d for d in found if d.relation in relations or d.relation.split(":")[0] in relations]

    def parents(self, index: int) -> list[Dependency]:
        return self._parents.get(index, [])

    def subtree(self, index: int, exclude: frozenset[str] = frozenset({"conj", "ref"})) -> set[int]:
        """Token ``index`` and every token below it (basic tree edges; conjuncts and refs left out)."""
        seen, todo = {index}, [index]
        while todo:
            for dep in self._children.get(todo.pop(), []):
                if dep.dependent not in seen and dep.relation.split(":")[0] not in exclude:
                    seen.add(dep.dependent)
                    todo.append(dep.dependent)
        return seen


@dataclass
class Document:
    text: str
    day: date
    sentences: list[Sentence]

    def quote(self, sentence: Sentence) -> str:
        return self.text[sentence.begin : sentence.end]


def annotate(text: str, day: date, url: str = DEFAULT_URL, *, timeout: float = 120.0) -> Document:
    """Parse ``text`` with the CoreNLP server at ``url``, resolving relative dates against ``day``.

    Raises :class:`~relgraph.errors.CoreNLPUnavailable` when no server answers
    or it fails on the text.
    """
    key = (url, text, day.isoformat())
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    raw = _post(text, day, url, timeout)
    document = _document(text, day, raw)
    for i, sentence in enumerate(document.sentences):
        if (repair := _mistagged(sentence)) is not None:
            document.sentences[i] = _reparsed(sentence, *repair, text, day, url, timeout) or sentence
    _CACHE[key] = document
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return document


def _post(text: str, day: date, url: str, timeout: float) -> dict[str, Any]:
    properties = {
        "annotators": ANNOTATORS,
        "outputFormat": "json",
        "date": f"{day.isoformat()}T12:00:00",
        "ner.applyFineGrained": "true",
        "tokenize.language": "en",
    }
    query = urllib.parse.urlencode({"properties": json.dumps(properties)})
    request = urllib.request.Request(  # noqa: S310 (the URL is the user's, http or https)
        f"{url.rstrip('/')}/?{query}",
        data=text.encode("utf-8"),
        method="POST",
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (the URL is the user's)
            answer: dict[str, Any] = json.loads(response.read().decode("utf-8"))
            return answer
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()[:1]
        raise CoreNLPUnavailable(
            f"CoreNLP at {url} failed on the text (HTTP {exc.code}: {detail[0] if detail else exc.reason})"
        ) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise CoreNLPUnavailable(
            f"no CoreNLP server answers at {url} ({reason}): start one with "
            "`relgraph nlp start` or set CORENLP_URL"
        ) from None


_RETAG = {"back": "support", "fund": "bankroll", "funds": "bankrolls", "aid": "help", "aids": "helps",
          "arm": "equip", "arms": "equips", "sanction": "punish", "sanctions": "punishes",
          "blockade": "besiege", "blockades": "besieges"}
"""Verbs the tagger takes for an adverb or a noun in short sentences in the present, and an unambiguous
verb of the same form to parse the sentence with: "Russia and Iran back the Assad regime" had "back" as
an adverb and "Qatar funds Hamas" "funds" as a plural noun, leaving the sentence no verb."""


_RENOUN = {"drone": "plane", "drones": "planes"}
"""Nouns the tagger takes for a verb after an article and a name ("shot down a US drone" made "drone" the
verb of the clause), and a noun of the same number to parse the sentence with."""


_NAME = "Smith"
"""A surname to parse a sentence with in place of one the tagger takes for a verb."""


def _mistagged(sentence: Sentence) -> tuple[int, str] | None:
    """A token to parse ``sentence`` again with, and the word to put in its place: a verb the tagger missed
    (:func:`_mistagged_verb`), a surname it took for a verb ("Menachem Begin signed" made "Begin" the
    verb of the sentence), or a noun it took for one (:data:`_RENOUN`); else None."""
    if (at := _mistagged_verb(sentence)) is not None:
        word = sentence.token(at).word.lower()
        if sentence.token(at + 1).pos in (",", "."):
            # "which Iran funds,": the tagger reads "which Iran bankrolls" as a noun phrase too
            return at, "supports" if word.endswith("s") else "support"
        return at, _RETAG[word]
    for m in sentence.mentions:
        if m.ner == "PERSON" and m.last > m.first and sentence.token(m.last).pos.startswith("VB"):
            return m.last, _NAME
    for t in sentence.tokens[2:]:
        if t.word.lower() in _RENOUN and t.pos.startswith("VB") and any(
            sentence.token(i).lemma.lower() in ("a", "an", "the") for i in range(max(1, t.index - 3), t.index)
        ):
            return t.index, _RENOUN[t.word.lower()]
    return None


def _mistagged_verb(sentence: Sentence) -> int | None:
    """A token of :data:`_RETAG` tagged as no verb and hung on no verb, between a noun and what may begin an
    object ("pulled back on Monday" keeps its adverb); else None."""
    tokens = sentence.tokens
    for t in tokens[1:-1]:
        before, after = tokens[t.index - 2], tokens[t.index]
        # "Hamas, which Iran funds, rejected": a relative clause's verb with its object before it
        relative = t.index >= 3 and tokens[t.index - 3].lemma.lower() in ("which", "that", "whom")
        # a name, "the", "their" or "them" after it: not "the aid package", "US arms sales"
        if t.word.lower() not in _RETAG or t.pos.startswith("VB") or not before.pos.startswith("NN"):
            continue
        if relative and before.pos.startswith("NNP") and after.pos in (",", "."):
            return t.index
        if after.pos in ("DT", "NNP", "NNPS", "PRP", "PRP$") and not any(
            sentence.token(d.governor).pos.startswith("VB") for d in sentence.parents(t.index) if d.governor
        ):
            return t.index
    return None


def _reparsed(
    sentence: Sentence, at: int, word: str, text: str, day: date, url: str, timeout: float
) -> Sentence | None:
    """``sentence`` parsed again with token ``at`` replaced by ``word``, then given back its own word,
    lemma (a name's: the word) and offsets; None if the new parse does not line up token for token."""
    begin, end = sentence.begin, sentence.end
    old = sentence.token(at)
    fixed = text[begin:old.begin] + word + text[old.end:end]
    raw = _post(fixed, day, url, timeout)
    parsed = _document(fixed, day, raw).sentences
    if len(parsed) != 1 or len(parsed[0].tokens) != len(sentence.tokens):
        return None
    new = parsed[0]
    tokens = [
        Token(t.index, o.word, (o.word if word == _NAME else o.lemma) if t.index == at else t.lemma, t.pos,
              t.ner, o.begin, o.end, t.normalized)
        for t, o in zip(new.tokens, sentence.tokens, strict=True)
    ]
    if any(t.word != n.word for t, n in zip(tokens, new.tokens, strict=True) if t.index != at):
        return None
    # the mentions' own words: "Menachem Begin", not the name parsed in its place
    mentions = [
        replace(m, text=text[tokens[m.first - 1].begin : tokens[m.last - 1].end]) for m in new.mentions
    ]
    return Sentence(sentence.index, tokens, mentions, new.dependencies, new.root)


def _python_offsets(text: str) -> list[int] | None:
    """Java counts UTF-16 units; map them to Python's code points when the text has astral characters."""
    if all(ord(c) < 0x10000 for c in text):
        return None
    out: list[int] = []
    for i, c in enumerate(text):
        out.extend([i] * (2 if ord(c) >= 0x10000 else 1))
    out.append(len(text))
    return out


def _document(text: str, day: date, raw: dict[str, Any]) -> Document:
    fix = _python_offsets(text)

    def at(offset: int) -> int:
        return fix[offset] if fix else offset

    sentences = []
    for s in raw.get("sentences", []):
        tokens = [
            Token(
                t["index"],
                t["word"],
                t.get("lemma", t["word"]),
                t.get("pos", ""),
                t.get("ner", "O"),
                at(t["characterOffsetBegin"]),
                at(t["characterOffsetEnd"]),
                t.get("normalizedNER"),
            )
            for t in s["tokens"]
        ]
        mentions = [
            Mention(m["text"], m["ner"], m["tokenBegin"] + 1, m["tokenEnd"], m.get("timex"))
            for m in s.get("entitymentions", [])
        ]
        edges = s.get("enhancedPlusPlusDependencies", [])
        deps = [Dependency(d["dep"], d["governor"], d["dependent"]) for d in edges if d["dep"] != "ROOT"]
        root = next((d["dependent"] for d in edges if d["dep"] == "ROOT"), 0)
        sentences.append(Sentence(s["index"], tokens, mentions, deps, root))
    return Document(text, day, sentences)
