"""Candidates against curated relations: precision, recall, F1, and how many dates are right.

A candidate matches a curated relation on (source, sign, target), either way
round when either's type is symmetric; relations are counted once per
(source, sign, target). A matched curated relation that is dated (``date``
for events, ``start`` for stances) has its date right when a matching
candidate gives the same date, as text (``2016-12``, ``2016-summer``).

>>> gold = [Fact("russia", 1, "assad-regime", "2011-03"), Fact("turkey", -1, "russia", "2015-11")]
>>> found = [Fact("russia", 1, "assad-regime", "2011-03"), Fact("russia", -1, "turkey", "2015-11", True)]
>>> s = score(found, gold)
>>> (s.precision, s.recall, s.dates_right)
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

from dataclasses import dataclass

from relgraph.model import Dataset

__all__ = ["Fact", "Score", "facts", "score"]


@dataclass(frozen=True)
class Fact:
    """What scoring compares: who, which sign, whom, when (as text), and whether direction is moot."""

    source: str
    sign: int
    target: str
    when: str | None = None
    symmetric: bool = False

    def matches(self, other: Fact) -> bool:
        if self.sign != other.sign:
            return False
        if (self.source, self.target) == (other.source, other.target):
            return True
        return (self.symmetric or other.symmetric) and (self.source, self.target) == (
            other.target,
            other.source,
        )


def facts(data: Dataset) -> list[Fact]:
    """The facts of a dataset's relations."""
    out = []
    for r in data.relations.values():
        when = r.date if r.date is not None else r.start
        rtype = data.types.get(r.type)
        out.append(
            Fact(r.source, r.sign, r.target, str(when) if when else None, bool(rtype and rtype.symmetric))
        )
    return out


@dataclass
class Score:
    """Counts behind the figures, so that scores over several articles add up (micro-averaging)."""

    candidates: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0
    dated: int = 0
    dated_right: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(vars(self).values(), vars(other).values(), strict=True)))

    @property
    def precision(self) -> float:
        return self.correct / self.candidates if self.candidates else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def dates_right(self) -> float:
        return self.dated_right / self.dated if self.dated else 0.0


def _key(f: Fact) -> tuple[str, int, str]:
    return (f.source, f.sign, f.target)


def score(candidates: list[Fact], gold: list[Fact]) -> Score:
    """Score ``candidates`` against ``gold`` (see the module docstring)."""
    cand_keys: dict[tuple[str, int, str], list[Fact]] = {}
    for f in candidates:
        cand_keys.setdefault(_key(f), []).append(f)
    gold_keys: dict[tuple[str, int, str], list[Fact]] = {}
    for f in gold:
        gold_keys.setdefault(_key(f), []).append(f)
    result = Score(candidates=len(cand_keys), gold=len(gold_keys))
    for group in cand_keys.values():
        if any(c.matches(g) for c in group for gs in gold_keys.values() for g in gs):
            result.correct += 1
    for group in gold_keys.values():
        matching = [c for g in group for cs in cand_keys.values() for c in cs if c.matches(g)]
        if not matching:
            continue
        result.found += 1
        dated = [g.when for g in group if g.when]
        if dated:
            result.dated += 1
            result.dated_right += any(c.when in dated for c in matching)
    return result
