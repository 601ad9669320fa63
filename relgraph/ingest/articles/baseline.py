"""The baseline the extractor is measured against: every pair of actors in a sentence.

Each pair of actors named in a sentence, in text order, becomes a fact signed
by the Goldstein value of the CAMEO code under which the lexicon lists the
sentence's main verb (0 when it lists none), dated by the sentence's first
date expression, else the article's date. It uses the same parse and the same
actor resolution as the extractor, so the difference is the clause reading.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from relgraph.ingest.articles.actors import Resolver
from relgraph.ingest.articles.corenlp import DEFAULT_URL, annotate
from relgraph.ingest.articles.lexicon import load_lexicon
from relgraph.ingest.articles.score import Fact
from relgraph.ingest.articles.when import mention_date
from relgraph.model import Actor, Dataset

__all__ = ["baseline"]


def baseline(
    article: str | Path, day: date, *, known: Dataset | None = None, url: str = DEFAULT_URL
) -> list[Fact]:
    """The baseline's facts for one article (a path or a text)."""
    text = Path(article).read_text(encoding="utf-8") if isinstance(article, Path) else article
    document = annotate(text, day, url)
    resolver = Resolver(known)
    lexicon = load_lexicon()
    out: list[Fact] = []
    for sentence in document.sentences:
        actors: list[Actor] = []
        for m in resolver.mentions(sentence, text):
            if m.actor.id not in [a.id for a in actors]:
                actors.append(m.actor)
        sign = lexicon.cameo_sign(sentence.token(sentence.root).lemma) if sentence.root else 0
        dates = [mention_date(m.timex.get("value"), m.text, day) for m in sentence.mentions if m.timex]
        when = next((d for d in dates if d), None)
        for i, a in enumerate(actors):
            for b in actors[i + 1 :]:
                out.append(Fact(a.id, sign, b.id, str(when or day.isoformat())))
    return out
