"""Import speed and memory: relgraph import of 1M and 10M GDELT 2.0 rows, beside a csv-module baseline.

Usage: python benchmarks/import.py [--sizes 1000000 10000000] [--dir TMP]

The rows are the shared real GDELT sample (../shared/data/gdelt/, else the
committed test excerpt) turned into the 61-column 2.0 layout and repeated
with new GLOBALEVENTIDs. Each measurement runs in its own process, so its
peak resident memory (ru_maxrss) is its own. The baseline is Python's csv
module doing the same mapping (actors by country code, CAMEO code to type
and sign, one JSON line per event), without filters, dedup or sorting.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = (ROOT.parent / "shared" / "data" / "gdelt" / "gdelt1-events-sample-2016.tsv",
           ROOT / "tests" / "data" / "gdelt" / "gdelt1-excerpt.tsv")


def to_v2(fields: list[str]) -> list[str]:
    """A GDELT 1.0 row (57 or 58 columns) in the 2.0 layout: an empty ADM2Code after each ADM1Code."""
    if len(fields) == 57:
        fields = [*fields, "http://example.org/no-url-in-the-1979-backfile"]
    out = [*fields[:39], "", *fields[39:46], "", *fields[46:53], "", *fields[53:56]]
    out += [fields[56] + "000000", fields[57]]
    assert len(out) == 61
    return out


def build(path: Path, rows: int) -> None:
    sample = next(p for p in SAMPLES if p.exists())
    base = [to_v2(line.rstrip("\n").split("\t")) for line in sample.open(encoding="utf-8") if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(rows):
            fields = base[i % len(base)]
            out.write(f"{700_000_000 + i}\t" + "\t".join(fields[1:]) + "\n")


def baseline(src: str, dst: str) -> int:
    """The same mapping with the csv module: one Python step per row."""
    from relgraph.ingest.events.actors import ActorMap
    from relgraph.ingest.events.gdelt import describe
    from relgraph.ingest.events.mapping import Mapping

    table, actors, cache = Mapping.default(), ActorMap(), {}
    n = 0
    with open(src, encoding="utf-8", newline="") as f, open(dst, "w", encoding="utf-8") as out:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            n += 1
            if len(row) != 61:
                continue
            ends = []
            for first in (5, 15):
                key = "|".join((row[first], row[first + 2], row[first + 7], row[first + 3]))
                if key not in cache:
                    cache[key] = actors.resolve(describe(key)).id if row[first] else None
                ends.append(cache[key])
            entry = table.cameo_entry(row[26])
            if None in ends or ends[0] == ends[1] or entry is None:
                continue
            score = float(row[30] or 0)
            url = row[60]
            out.write(json.dumps({
                "record": "relation", "id": f"gdelt:{row[0]}", "source": ends[0], "type": entry.type,
                "target": ends[1], "sign": table.sign(score),
                "date": f"{row[1][:4]}-{row[1][4:6]}-{row[1][6:8]}", "confidence": 0.5,
                "sources": [{"ref": url, "evidence": f"GDELT event {row[0]}"}]}) + "\n")
    return n


def measure(args: list[str]) -> tuple[float, int, str]:
    """Wall time, peak RSS (bytes) and last output line of a child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    out = proc.stdout.read() if proc.stdout else ""
    if status != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{out}")
    return elapsed, usage.ru_maxrss * 1024, out.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--baseline-only", nargs=2, help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.baseline_only:
        print(f"{baseline(*opts.baseline_only)} rows")
        return
    relgraph = [str(Path(sys.executable).parent / "relgraph")]
    with tempfile.TemporaryDirectory(dir=opts.dir) as tmp:
        print(f"{'rows':>11} {'run':<34} {'time':>8} {'rows/s':>10} {'peak RSS':>9}")
        for size in opts.sizes:
            src = Path(tmp) / f"gdelt2-{size}.tsv"
            build(src, size)
            command = [*relgraph, "import", "gdelt", str(src)]
            runs = [("relgraph import", [*command, "-o", f"{tmp}/ev{size}"]),
                    ("relgraph import --aggregate month",
                     [*command, "-o", f"{tmp}/agg{size}", "--aggregate", "month"]),
                    ("baseline: csv module", [sys.executable, __file__, "--baseline-only", str(src),
                                              f"{tmp}/base{size}.jsonl"])]
            for name, args in runs:
                elapsed, rss, last = measure(args)
                rate = size / elapsed
                print(f"{size:>11,} {name:<34} {elapsed:>7.1f}s {rate:>10,.0f} {rss / 2**20:>7,.0f} MiB")
                print(f"{'':>12}{last}")
            src.unlink()


if __name__ == "__main__":
    main()
