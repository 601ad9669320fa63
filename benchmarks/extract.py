"""Extraction against gold: precision, recall, F1 and dates right beside a baseline; time per article.

    python benchmarks/extract.py                    # every set
    python benchmarks/extract.py --sets seed,dev    # while tuning: never look at held-out output

Sets: ``seed`` is the reference article (../shared/seed, read in place, never
copied) with examples/syria-2016 as gold; ``seed-text`` is the same article
against the part of that gold the article itself gives: the relations whose
notes say their fact or date is general knowledge, and those that cite a
source other than the article (the UN's veto list), are left out (the
curated example itself is not changed). ``dev`` to ``dev6`` and ``heldout`` to
``heldout4`` are the articles of benchmarks/extract/ with their gold files (see
GUIDELINES.md);
per-article figures (``--verbose``) are never printed for the held-out sets.
Each article is extracted with its gold's actors as the known dataset (the
workflow of ``relgraph extract --data``; the gold's relations are not given),
and scored on (source, sign, target), symmetric types either way. The
baseline pairs every two actors of a sentence, signed by the CAMEO value of
its main verb. Figures are micro-averages over the articles of a set.

The time is for extracting a text of at least 1,000 words (the dev articles
one after another) with the server warm, the parse not cached: the median of
three runs. Uses CORENLP_URL, or starts a server on a free port and stops it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from relgraph import services  # noqa: E402
from relgraph.dataset import load  # noqa: E402
from relgraph.ingest.articles import corenlp  # noqa: E402
from relgraph.ingest.articles.baseline import baseline  # noqa: E402
from relgraph.ingest.articles.extract import extract  # noqa: E402
from relgraph.ingest.articles.score import Fact, Score, facts, score  # noqa: E402
from relgraph.model import Dataset, Relation  # noqa: E402

SEED = ROOT.parent / "shared" / "seed"
HERE = ROOT / "benchmarks" / "extract"


def pairs(name: str) -> list[tuple[str, Path, Dataset, date, list[Fact]]]:
    """(label, article, gold, article date, facts to ignore) for each article of a set."""
    if name in ("seed", "seed-text"):
        gold = load(ROOT / "examples" / "syria-2016")
        ignored: list[Fact] = []
        if name == "seed-text":
            gold, left_out = given_by_article(gold, "syria-daily-2016-12-20")
            ignored = facts(left_out)
        return [(p.name, p, gold, date(2016, 12, 20), ignored) for p in sorted(SEED.glob("*.txt"))]
    out = []
    for article in sorted((HERE / name).glob("*.txt")):
        gold = load(article.with_suffix(".yaml"))
        (source,) = gold.sources.values()
        out.append((article.stem, article, gold, source.published.first, []))
    return out


def given_by_article(gold: Dataset, article: str) -> tuple[Dataset, Dataset]:
    """``gold`` split into the relations the article gives and those it cannot.

    Left out: a relation whose notes say its fact or date is general knowledge,
    and one citing any source but ``article`` (such as the UN's veto list).
    Candidates that match only a left-out relation are then neither right nor
    wrong: they are not counted.
    """

    def given(r: Relation) -> bool:
        return "general knowledge" not in (r.notes or "").lower() and all(
            c.source.id == article for c in r.sources
        )

    kept = {i: r for i, r in gold.relations.items() if given(r)}
    left = {i: r for i, r in gold.relations.items() if not given(r)}
    return replace(gold, relations=kept), replace(gold, relations=left)


def counted(candidates: list[Fact], gold: list[Fact], ignored: list[Fact]) -> list[Fact]:
    """The candidates that count: those matching only an ignored gold fact are dropped."""
    return [
        c for c in candidates if any(c.matches(g) for g in gold) or not any(c.matches(g) for g in ignored)
    ]


def run_set(name: str, url: str, verbose: bool) -> tuple[Score, Score, int]:
    ours, base, articles = Score(), Score(), 0
    for label, article, gold, day, ignored in pairs(name):
        known = Dataset(actors=gold.actors)
        candidates = extract([article], day, known=known, url=url)
        gf = facts(gold)
        s = score(counted(facts(candidates), gf, ignored), gf)
        b = score(counted(baseline(article, day, known=known, url=url), gf, ignored), gf)
        if verbose:
            print(
                f"  {label:32} ours P {s.precision:.2f} R {s.recall:.2f} F1 {s.f1:.2f} dates {s.dated_right}/"
                f"{s.dated}  baseline F1 {b.f1:.2f}"
            )
        ours, base, articles = ours + s, base + b, articles + 1
    return ours, base, articles


def timing(url: str) -> tuple[int, float]:
    parts = [p.read_text(encoding="utf-8") for p in sorted((HERE / "dev").glob("*.txt"))]
    text = ""
    for part in parts * 2:  # the dev articles one after another, until there are 1,000 words
        text += ("\n\n" if text else "") + part
        if len(text.split()) >= 1000:
            break
    extract(["Russia and Iran back the Assad regime. Turkey backs the rebels."], date(2016, 12, 20), url=url)
    runs = []
    for _ in range(3):
        corenlp._CACHE.clear()
        start = time.perf_counter()
        extract([text], date(2016, 12, 20), url=url)
        runs.append(time.perf_counter() - start)
    return len(text.split()), statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    every = "seed,seed-text,dev,dev2,dev3,dev4,dev5,dev6,heldout,heldout2,heldout3,heldout4"
    parser.add_argument("--sets", default=every)
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="Figures per article (not for held-out)."
    )
    args = parser.parse_args()
    url = os.environ.get("CORENLP_URL")
    home = None
    if not url:
        from relgraph.ingest.articles import server as corenlp_server

        home = Path(tempfile.mkdtemp(prefix="relgraph-bench-corenlp-"))
        url = corenlp_server.start(home, port=services.free_port(), memory="4g").url
    try:
        print(
            f"{'set':9} {'articles':>7} {'gold':>5} {'cand':>5}   {'P':>5} {'R':>5} {'F1':>5} {'dates':>11}"
            f"   baseline {'P':>5} {'R':>5} {'F1':>5} {'dates':>11}"
        )
        for name in args.sets.split(","):
            if name.startswith("seed") and not SEED.is_dir():
                print(f"{name:9} (no ../shared/seed beside the repository)")
                continue
            ours, base, n = run_set(name, url, args.verbose and not name.startswith("heldout"))
            print(
                f"{name:9} {n:>7} {ours.gold:>5} {ours.candidates:>5}   "
                f"{ours.precision:5.2f} {ours.recall:5.2f} "
                f"{ours.f1:5.2f} {ours.dated_right:>3}/{ours.dated:<3}{ours.dates_right:4.0%}   "
                f"{'':8} {base.precision:5.2f} {base.recall:5.2f} {base.f1:5.2f} "
                f"{base.dated_right:>3}/{base.dated:<3}{base.dates_right:4.0%}"
            )
        words, seconds = timing(url)
        print(f"time: {seconds:.2f} s to extract {words} words with the server warm (median of 3)")
    finally:
        if home is not None:
            from relgraph.ingest.articles import server as corenlp_server

            corenlp_server.stop(home)


if __name__ == "__main__":
    main()
