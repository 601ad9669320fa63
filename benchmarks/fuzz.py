"""Malformed-input benchmark: time and memory per byte of input for the dataset reader.

The test suite checks that the reader never raises and that its memory stays within
a fixed allowance plus a bounded multiple of the input (tests/test_malformed.py); it
does not time anything. This script measures both, on

* the committed corpus of malformed datasets (tests/data/malformed/),
* adversarial inputs scaled up: aliases nested nine deep (the "billion laughs"),
  lists and maps nested 10,000 deep, a 1 MB and a 4 MB value where an id belongs,
  100,000 short bad lines of JSON Lines, invalid UTF-8 every few bytes,
* files that hypothesis writes, a little or very wrong (the test's strategies), for a
  bounded number of examples,

and prints, per input, its size, the time (untraced) and peak traced memory (a second,
traced run) of ``relgraph.dataset.read``, and the same for the parser alone
(``yaml.safe_load``, or ``json.loads`` of each line; where the parser refuses the input
it stops early, so its figure is a floor) as the baseline measured in the same run. The
figures that matter are the worst time per KB and the worst memory per byte on inputs of
64 KB or more (below that a fixed cost of about a millisecond dominates; the worst time
of a small input is printed instead): both must stay bounded however the input is built.

Usage:
    python benchmarks/fuzz.py               # corpus, adversarial inputs, 300 hypothesis examples
    python benchmarks/fuzz.py --examples 0  # without hypothesis
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from relgraph.dataset import read

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "malformed"


def _run(func: Callable[[], Any]) -> str:
    try:
        func()
    except Exception as exc:  # the baseline parsers refuse much of this input: that is data
        return type(exc).__name__
    return "ok"


def measure(func: Callable[[], Any]) -> tuple[float, int, str]:
    """Seconds (untraced), peak traced bytes (a second, traced run), and what happened."""
    began = time.perf_counter()
    outcome = _run(func)
    elapsed = time.perf_counter() - began
    tracemalloc.start()
    try:
        _run(func)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return elapsed, peak, outcome


def parse_only(path: Path) -> None:
    data = path.read_bytes()
    if path.suffix == ".jsonl":
        for line in data.splitlines():
            if line.strip():
                json.loads(line)
    else:
        yaml.safe_load(data)


def adversarial(folder: Path) -> Iterator[Path]:
    def file(name: str, content: str | bytes) -> Path:
        path = folder / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i, name in enumerate("bcdefghi"):
        prev = "a" if i == 0 else "bcdefghi"[i - 1]
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    yield file("billion-laughs.yaml", "\n".join(levels) + "\nactors:\n  - {id: x, name: *i, kind: state}\n")
    yield file("deep-list.yaml", "actors: " + "[" * 10_000 + "]" * 10_000 + "\n")
    yield file("deep-map.jsonl", '{"a":' * 10_000 + "1" + "}" * 10_000 + "\n")
    for size, label in ((1_000_000, "1mb"), (4_000_000, "4mb")):
        yield file(f"huge-id-{label}.yaml", "actors:\n  - {id: " + "x" * size + ", name: X, kind: state}\n")
    yield file("bad-lines.jsonl", "".join(
        f'{{"record": "relation", "source": "a{i}", "type": "bakcs", "target": "b", "start": "2016-13"}}\n'
        for i in range(100_000)))
    bad = b'{"record": "actor", "id": "a\xff%d", "name": "A", "kind": "state"}\n'
    yield file("bad-utf8.jsonl", b"".join(bad % i for i in range(10_000)))
    yield file("many-records.yaml", "actors:\n" + "".join(
        f"  - {{id: a{i}, name: A {i}, kind: stat}}\n" for i in range(50_000)))


def hypothesis_files(folder: Path, examples: int) -> Iterator[Path]:
    """Files written from the fuzz test's own strategies, mangled the same way."""
    if examples <= 0:
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from test_malformed import DOCUMENTS, _mangle

    made: list[Path] = []

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(DOCUMENTS, st.integers(0, 10_000), st.binary(max_size=8), st.sampled_from([".yaml", ".jsonl"]))
    def collect(document: Any, cut: int, junk: bytes, suffix: str) -> None:
        if suffix == ".yaml":
            text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        else:
            lines = ({"record": kind[:-1], **r} if isinstance(r, dict) else r
                     for kind, records in document.items() if isinstance(records, list) for r in records)
            text = "".join(json.dumps(line, default=str) + "\n" for line in lines)
        path = folder / f"hyp-{len(made):04d}{suffix}"
        path.write_bytes(_mangle(text, cut, junk))
        made.append(path)

    collect()
    yield from made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=300, help="hypothesis examples (0: none)")
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}; peak memory is traced allocations")
    header = (f"{'input':28} {'bytes':>10}  {'read s':>8} {'us/KB':>8} {'peak MB':>8} {'B/byte':>8}   "
              f"{'parser s':>8} {'peak MB':>8}  parser")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "expected.yaml")
        groups = [("corpus", corpus),
                  ("adversarial", list(adversarial(folder))),
                  ("hypothesis", list(hypothesis_files(folder, args.examples)))]
        for title, paths in groups:
            if not paths:
                continue
            print(f"\n{title}\n{header}")
            worst_time, worst_memory, worst_small, total_bytes, total_time = 0.0, 0.0, 0.0, 0, 0.0
            for path in paths:
                size = max(path.stat().st_size, 1)
                seconds, peak, outcome = measure(lambda path=path: read(path))
                assert outcome == "ok", f"{path.name}: the reader raised {outcome}"
                base_seconds, base_peak, base_outcome = measure(lambda path=path: parse_only(path))
                per_kb, per_byte = seconds * 1e6 / (size / 1024), peak / size
                if size >= 65_536:
                    worst_time, worst_memory = max(worst_time, per_kb), max(worst_memory, per_byte)
                else:
                    worst_small = max(worst_small, seconds)
                total_bytes, total_time = total_bytes + size, total_time + seconds
                if title != "hypothesis":
                    name = str(path.relative_to(CORPUS)) if path.is_relative_to(CORPUS) else path.name
                    print(f"{name[:28]:28} {size:>10,}  {seconds:>8.3f} {per_kb:>8.0f} {peak / 1e6:>8.2f} "
                          f"{per_byte:>8.1f}   {base_seconds:>8.3f} {base_peak / 1e6:>8.2f}  {base_outcome}")
            print(f"{len(paths)} inputs, {total_bytes:,} bytes in {total_time:.2f} s; inputs of 64 KB or "
                  f"more: worst {worst_time:,.0f} us per KB, worst {worst_memory:,.1f} traced bytes per "
                  f"input byte; smaller ones: worst {worst_small * 1000:.0f} ms")


if __name__ == "__main__":
    main()
