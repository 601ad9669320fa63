"""Validation benchmark: `relgraph validate` and `dataset.load` on JSON Lines, beside the file-speed floor.

For each size M it writes the synthetic dataset of ``benchmarks/load.py`` (M relations, M/20 actors,
M/50 sources; ``benchmarks/_synthetic.py``) as JSON Lines once, then runs each step below in a process
of its own, one after the other, so that each peak memory is that step's own (the larger of its
``ru_maxrss`` and the sum of its Python processes' PSS sampled every 0.2 s, for the forked parts):

* ``floor: json.loads``: read the file and parse every line with Python's json, nothing else;
* ``floor: orjson.loads``: the same with orjson, the parser relgraph uses;
* ``relgraph validate``: the command, as a user runs it (process start and imports included);
* ``dataset.load``: ``relgraph.dataset.load(PATH)``, the Dataset ``relgraph load`` writes to Neo4j;
* the same two with the code of ``--baseline`` (a commit, by default the one before this work), taken
  out of git with ``git archive`` into a temporary folder and run with the same interpreter.

Usage:
    python benchmarks/validate.py                             # M = 100k and 1M
    flock /tmp/relgraph-heavy.lock python benchmarks/validate.py --sizes 100000 1000000 10000000
    python benchmarks/validate.py --repeat 3 --baseline main  # median of 3, against main

``validate_row(path, relations, step="relgraph validate") -> Measured`` runs one step once, for
``benchmarks/load.py``'s "read and validate" row.

The baseline takes about a minute per million relations and is run up to ``--baseline-up-to``
(1M by default); ``dataset.load``, which keeps every relation, up to ``--load-up-to`` (1M). Every step
must find all the relations and no problem.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _memory import pss_of_python_tree  # noqa: E402
from _synthetic import actors_for, write_jsonl  # noqa: E402

BEFORE = "a3082e8"
"""The commit this work started from: reading and validating as it was."""

# Each step is a small program run as ``python -c PROGRAM PATH``; it prints what it found as JSON.
FLOOR = """
import json, sys
loads = {loads}
n = 0
with open(sys.argv[1], "rb") as lines:
    for line in lines:
        loads(line)
        n += 1
print(json.dumps({{"lines": n}}))
"""
STEPS = {
    "floor: json.loads": FLOOR.format(loads="json.loads"),
    "floor: orjson.loads": "import orjson\n" + FLOOR.format(loads="orjson.loads"),
    "relgraph validate": """
import json, sys, relgraph
from relgraph.cli import main
print(json.dumps({"code": relgraph.__file__}), flush=True)
sys.argv = ["relgraph", "validate", sys.argv[1]]
main()
""",
    "dataset.load": """
import json, sys, relgraph
from relgraph.dataset import load
data = load(sys.argv[1])
print(json.dumps({"relations": len(data.relations), "code": relgraph.__file__}))
""",
}

@dataclass
class Run:
    wall: float
    cpu: float
    rss: int  # bytes
    out: str


def measure(program: str, path: Path, pythonpath: Path | None) -> Run:
    """Run ``program`` on ``path`` in a process of its own: its wall and CPU time, peak RSS, output."""
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        # run from the data's folder: from the repository, "-c" would import the repository's relgraph first
        child = subprocess.Popen([sys.executable, "-c", program, str(path)], stdout=out, stderr=err, env=env,
                                 cwd=path.parent)
        peak = [0]

        def sample() -> None:  # relgraph validate checks in forked parts: their memory counts too
            while child.poll() is None:
                peak[0] = max(peak[0], pss_of_python_tree(child.pid))
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - t0
        child.returncode = os.waitstatus_to_exitcode(status)
        sampler.join()
        out.seek(0)
        err.seek(0)
        text = out.read().decode() + err.read().decode()
    if child.returncode != 0:
        raise SystemExit(f"step failed ({child.returncode}):\n{text}")
    # ru_maxrss is the largest process's peak, not the parts' sum; PSS sampled misses a short peak
    return Run(wall, usage.ru_utime + usage.ru_stime, max(usage.ru_maxrss * 1024, peak[0]), text)


def baseline_code(ref: str, into: Path) -> tuple[Path, str]:
    """The relgraph package at ``ref``, extracted under ``into``; and the commit it is."""
    root = HERE.parent
    commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", ref], check=True,
                            capture_output=True, text=True).stdout.strip()
    archive = subprocess.run(["git", "-C", str(root), "archive", commit, "relgraph"], check=True,
                             capture_output=True).stdout
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into, commit


def found(step: str, run: Run, code: Path) -> int:
    """How many relations (or lines) a step read: from the command's last line, or the JSON printed.

    The command must have found no problem, and ``dataset.load`` must have run the code in ``code``.
    """
    lines = run.out.strip().splitlines()
    first, last = lines[0], lines[-1]
    if "code" in first and not json.loads(first)["code"].startswith(str(code)):
        raise SystemExit(f"{step} ran {json.loads(first)['code']}, not the code under {code}")
    if step.startswith("relgraph validate"):
        # 0 errors, 0 warnings in 1 file: 50000 actors, 1000000 relations, 20000 sources, ...
        if not re.match(r"0 error(s|\(s\)), 0 warning(s|\(s\)) ", last):  # the words of now and of before
            raise SystemExit(f"{step}: problems found:\n{run.out[-2000:]}")
        return int(re.search(r"([\d,]+) relations?\b", last)[1].replace(",", ""))  # type: ignore[index]
    result = json.loads(last)
    return result.get("relations", result.get("lines"))


@dataclass
class Measured:
    """One step as ``benchmarks/load.py`` prints a row: the fields of its ``Row`` (method, seconds,
    relations, cpu, note) and the step's own peak resident memory (``rss``, bytes)."""

    method: str
    seconds: float
    relations: int
    cpu: float
    rss: int
    note: str = ""


def validate_row(path: Path, relations: int, step: str = "relgraph validate") -> Measured:
    """Run one step of :data:`STEPS` (by default ``relgraph validate PATH``) on a JSON Lines dataset in a
    process of its own, once; it must read all ``relations`` relations and find no problem (else
    SystemExit). For load.py's "read and validate" row, e.g.
    ``Row(m.method, m.seconds, m.relations, m.cpu, Peaks(client_rss=m.rss))``.
    """
    run = measure(STEPS[step], path, None)
    counted = found(step, run, HERE.parent)
    if counted != relations:
        raise SystemExit(f"{step} read {counted} relations, not {relations}")
    note = "own process, start included" + ("; keeps no relation" if step == "relgraph validate" else "")
    return Measured(f"{step} ({path.stat().st_size / 1e6:,.0f} MB of JSON Lines)", run.wall, counted,
                    run.cpu, run.rss, note)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each step; the median is shown")
    parser.add_argument("--baseline", default=BEFORE, help=f"git ref of the code to compare with ({BEFORE})")
    parser.add_argument("--baseline-up-to", type=int, default=1_000_000,
                        help="largest size to run the baseline on (it is slow)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--load-up-to", type=int, default=1_000_000,
                        help="largest size to run dataset.load on (it keeps every relation in memory)")
    parser.add_argument("--dir", type=Path, help="where to write (and keep) the dataset files")
    args = parser.parse_args()

    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"load average {os.getloadavg()[0]:.1f} at the start", flush=True)
    with tempfile.TemporaryDirectory(prefix="relgraph-validate-") as tmp:
        workdir = args.dir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        steps = dict(STEPS)
        base: Path | None = None
        if not args.no_baseline:
            base, commit = baseline_code(args.baseline, Path(tmp) / "baseline")
            steps[f"relgraph validate @{commit}"] = STEPS["relgraph validate"]
            steps[f"dataset.load @{commit}"] = STEPS["dataset.load"]
        print(f"{'M':>11} {'step':<28} {'wall s':>16} {'CPU s':>7} {'peak RSS':>10} {'relations/s':>12}"
              "  vs floor", flush=True)
        for size in args.sizes:
            path = workdir / f"synthetic-{size}.jsonl"
            if not path.exists():
                write_jsonl(path, actors_for(size), size)
            floor = None
            for step, program in steps.items():
                loads = step.startswith("dataset.load")  # keeps every relation: far more memory
                up_to = args.baseline_up_to if "@" in step else args.load_up_to if loads else size
                if size > up_to:
                    continue
                runs = [measure(program, path, base if "@" in step else None) for _ in range(args.repeat)]
                counted = {found(step, run, base if "@" in step else HERE.parent) for run in runs}
                if not step.startswith("floor") and counted != {size}:
                    raise SystemExit(f"{step} read {counted} relations, not {size}")
                walls = sorted(r.wall for r in runs)
                wall = statistics.median(walls)
                spread = f" ({walls[0]:.1f}-{walls[-1]:.1f})" if len(runs) > 1 else ""
                floor = floor or wall
                cpu, rss = statistics.median(r.cpu for r in runs), max(r.rss for r in runs) / 2**20
                print(f"{size:>11,} {step:<28} {f'{wall:.1f}{spread}':>16} {cpu:>7.1f} {rss:>6,.0f} MiB "
                      f"{size / wall:>12,.0f}  {wall / floor:5.1f}x", flush=True)
            print(f"{'':>11} file: {path.stat().st_size / 1e6:,.0f} MB; "
                  f"load average now {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
