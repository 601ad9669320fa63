"""Extraction against gold: precision, recall, F1 and dates right beside a baseline; time per article.

    python benchmarks/extract.py                    # seed, dev and held-out sets
    python benchmarks/extract.py --sets seed,dev    # while tuning: never look at held-out output

Sets: ``seed`` is the reference article (../shared/seed, read in place, never
copied) with examples/syria-2016 as gold; ``dev`` and ``heldout`` are the
articles of benchmarks/extract/ with their gold files (see GUIDELINES.md).
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
import socket
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from relgraph.dataset import load  # noqa: E402
from relgraph.ingest.articles import corenlp  # noqa: E402
from relgraph.ingest.articles.baseline import baseline  # noqa: E402
from relgraph.ingest.articles.extract import extract  # noqa: E402
from relgraph.ingest.articles.score import Score, facts, score  # noqa: E402
from relgraph.model import Dataset  # noqa: E402

SEED = ROOT.parent / "shared" / "seed"
HERE = ROOT / "benchmarks" / "extract"


def pairs(name: str) -> list[tuple[str, Path, Dataset, date]]:
    """(label, article, gold, article date) for each article of a set."""
    if name == "seed":
        gold = load(ROOT / "examples" / "syria-2016")
        return [(p.name, p, gold, date(2016, 12, 20)) for p in sorted(SEED.glob("*.txt"))]
    out = []
    for article in sorted((HERE / name).glob("*.txt")):
        gold = load(article.with_suffix(".yaml"))
        (source,) = gold.sources.values()
        out.append((article.stem, article, gold, source.published.first))
    return out


def run_set(name: str, url: str, verbose: bool) -> tuple[Score, Score, int]:
    ours, base, articles = Score(), Score(), 0
    for label, article, gold, day in pairs(name):
        known = Dataset(actors=gold.actors)
        candidates = extract([article], day, known=known, url=url)
        s = score(facts(candidates), facts(gold))
        b = score(baseline(article, day, known=known, url=url), facts(gold))
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sets", default="seed,dev,heldout")
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="Figures per article (not for held-out)."
    )
    args = parser.parse_args()
    url = os.environ.get("CORENLP_URL")
    home = None
    if not url:
        from relgraph.ingest.articles import server as corenlp_server

        home = Path(tempfile.mkdtemp(prefix="relgraph-bench-corenlp-"))
        url = corenlp_server.start(home, port=_free_port(), memory="4g").url
    try:
        print(
            f"{'set':8} {'articles':>8} {'gold':>5} {'cand':>5}   {'P':>5} {'R':>5} {'F1':>5} {'dates':>11}"
            f"   baseline {'P':>5} {'R':>5} {'F1':>5} {'dates':>11}"
        )
        for name in args.sets.split(","):
            if name == "seed" and not SEED.is_dir():
                print(f"{name:8} (no ../shared/seed beside the repository)")
                continue
            ours, base, n = run_set(name, url, args.verbose and name != "heldout")
            print(
                f"{name:8} {n:>8} {ours.gold:>5} {ours.candidates:>5}   "
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
