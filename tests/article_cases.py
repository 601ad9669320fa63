"""Helpers for the extraction tests that give each case an article of its own."""

from __future__ import annotations

from datetime import date

from relgraph.ingest.articles.extract import Article, extract
from relgraph.model import Dataset


def extract_cases(cases: dict[str, str], day: date, known: Dataset, url: str) -> Dataset:
    """The candidates of every case, each case an article whose source id is the case's name."""
    return extract([Article(text, name, name) for name, text in cases.items()], day, known=known, url=url)


def relations(found: Dataset, case: str) -> set[tuple[str, str, str, str]]:
    """(source, type, target, when) of the candidates from one case."""
    return {(r.source, r.type, r.target, str(r.date or r.start)) for r in found.relations.values()
            if any(c.source.id == case for c in r.sources)}


def pairs(found: Dataset, case: str) -> set[tuple[str, str, str]]:
    """(source, type, target) of the candidates from one case."""
    return {(s, t, o) for s, t, o, _ in relations(found, case)}
