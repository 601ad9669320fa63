"""Articles in, a dataset of candidate relations out, each waiting for a person's review.

:func:`extract` parses each article with CoreNLP (relative dates resolved
against the article's date), reads the claims of every sentence
(:mod:`relgraph.ingest.articles.clauses`, :mod:`relgraph.ingest.articles.titles`) and returns a
:class:`~relgraph.model.Dataset`: the actors found (the dataset's own where
they match, new ones with a slug id otherwise), the articles as sources, any
custom relation types the lexicon used, and the relations, each with
``review: pending``, a confidence, and its evidence: the sentence quoted
with its character offsets in the article.

The same relation read from several sentences becomes one candidate citing
each; a stance dated only by default (the article's year) gives way to the
same stance with a date the text states.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from relgraph.dataset import dumps
from relgraph.dates import PartialDate
from relgraph.errors import ExtractError, FormatError
from relgraph.ingest.articles.actors import Resolver, slugify
from relgraph.ingest.articles.clauses import Claim, Reader
from relgraph.ingest.articles.corenlp import DEFAULT_URL, Document, annotate
from relgraph.ingest.articles.lexicon import load_lexicon
from relgraph.model import Citation, Dataset, Relation, Source, relation_id

__all__ = ["HEADER", "Article", "extract", "save", "to_text"]


@dataclass(frozen=True)
class Article:
    """An article's text and how candidates cite it."""

    text: str
    id: str
    title: str
    url: str | None = None

    @classmethod
    def read(cls, path: str | Path) -> Article:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ExtractError(
                f"cannot read the article {path}: {getattr(exc, 'strerror', None) or exc}"
            ) from None
        if not text.strip():
            raise ExtractError(f"the article {path} is empty")
        return cls(text, slugify(path.stem), path.name)


def extract(
    articles: Iterable[str | Path | Article],
    day: date,
    *,
    known: Dataset | None = None,
    url: str = DEFAULT_URL,
) -> Dataset:
    """Candidate relations from ``articles`` (paths, texts or :class:`Article`), published on ``day``.

    ``known`` is the dataset whose actors (ids, names, aliases) are used first.
    Raises :class:`~relgraph.errors.CoreNLPUnavailable` when no server answers
    at ``url``, :class:`~relgraph.errors.ExtractError` when an article cannot be read.
    """
    lexicon = load_lexicon()
    resolver = Resolver(known)
    out = Dataset()
    claims: list[tuple[Claim, Source, Document]] = []
    for n, item in enumerate(articles, 1):
        article = _article(item, n)
        source = Source(article.id, article.title, url=article.url, published=PartialDate.of_day(day))
        document = annotate(article.text, day, url)
        reader = Reader(document, resolver, lexicon)
        out.sources[source.id] = source
        read = [c for s in document.sentences for c in reader.claims(s)]
        claims += [(c, source, document) for c in reader.finish(read)]
    for relation in _relations(claims):
        for end in (relation.source, relation.target):
            actor = resolver.known.actors.get(end) or next(
                c.source if c.source.id == end else c.target
                for c, _, _ in claims
                if end in (c.source.id, c.target.id)
            )
            out.actors.setdefault(end, actor)
        out.relations[relation.id] = relation
        if relation.type in lexicon.custom_types:
            out.types.setdefault(relation.type, lexicon.custom_types[relation.type])
    return out


def _article(item: str | Path | Article, n: int) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, Path):
        return Article.read(item)
    return Article(item, f"article-{n}", f"Article {n}")


def _relations(claims: list[tuple[Claim, Source, Document]]) -> list[Relation]:
    """One relation per (source, type, target, time), citing every sentence that says it."""
    lexicon = load_lexicon()
    # per article: another article's dated stance ("backed Hamas until 2014") says nothing of this one's
    stated = {(source.id, c.source.id, c.type, c.target.id) for c, source, _ in claims if c.stated}
    merged: dict[str, Relation] = {}
    for claim, source, document in claims:
        rtype = lexicon.relation_type(claim.type)
        if (
            rtype.kind == "stance"
            and not claim.stated
            and (source.id, claim.source.id, claim.type, claim.target.id) in stated
        ):
            continue  # the same stance with a date the text gives says more
        when = claim.date if rtype.kind == "event" else claim.start
        ident = relation_id(claim.source.id, claim.type, claim.target.id, when)
        sentence = claim.sentence
        citation = Citation(source, quote=document.quote(sentence), offsets=(sentence.begin, sentence.end))
        found = merged.get(ident)
        if found is None:
            merged[ident] = Relation(
                ident,
                claim.source.id,
                claim.type,
                claim.target.id,
                rtype.sign,
                start=claim.start,
                end=claim.end,
                date=claim.date,
                confidence=claim.confidence,
                sources=(citation,),
                notes=claim.notes,
                review="pending",
            )
        elif citation not in found.sources:
            merged[ident] = replace(
                found,
                sources=(*found.sources, citation),
                confidence=max(found.confidence, claim.confidence),
                notes=found.notes if claim.notes else None,
            )
    return list(merged.values())


def save(candidates: Dataset, path: Path, fmt: str | None = None) -> None:
    """Write candidates to ``path``: YAML, or JSON Lines for a ``.jsonl`` file (or ``fmt`` "json").

    Raises :class:`~relgraph.errors.FormatError` for JSON to a file not named
    ``.jsonl``, :class:`~relgraph.errors.OutputError` when it cannot be written.
    """
    from relgraph.render import save as save_text

    fmt = fmt or ("json" if path.suffix == ".jsonl" else "yaml")
    if fmt == "json" and path.suffix != ".jsonl":
        raise FormatError("output", "JSON output is JSON Lines: name the file .jsonl")
    save_text(path, to_text(candidates, fmt))


def to_text(data: Dataset, fmt: str = "yaml") -> str:
    """Candidates as the text of a YAML file, or of JSON Lines for ``fmt`` "json"."""
    return dumps(data, "jsonl" if fmt == "json" else "yaml", header=HEADER)


HEADER = "Candidates from relgraph extract: review each (review: accepted or rejected), then merge."
