"""A synthetic dataset written straight to JSON Lines, one record at a time, for the benchmarks.

The records, and the bytes of the file, are those ``benchmarks/load.py`` writes with
``dataset.write(synthetic(n_actors, n_relations, seed), path)``: the same random draws in the same
order. Only the actors and sources are held in memory, never the relations, so that files of 10M
relations can be written by a process of a few hundred megabytes.

    python benchmarks/_synthetic.py 1000000 /tmp/synthetic-1000000.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

from relgraph.dates import PartialDate
from relgraph.model import ACTOR_KINDS, BUILTIN_TYPES

START, YEARS = date(2000, 1, 1), 20
STANCE_TYPES = [t for t in BUILTIN_TYPES.values() if t.kind == "stance" and t.source_kinds is None
                and t.target_kinds is None]
EVENT_TYPES = [t for t in BUILTIN_TYPES.values() if t.kind == "event" and t.source_kinds is None
               and t.target_kinds is None]
PRECISIONS = ["day"] * 6 + ["month"] * 3 + ["year"]


def _when(rng: random.Random, precision: str) -> str:
    day = START + timedelta(days=rng.randrange(YEARS * 365))
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[precision]


def actors_for(n_relations: int) -> int:
    """How many actors the benchmarks give a dataset of ``n_relations``: one for every 20 relations."""
    return max(100, n_relations // 20)


def write_jsonl(path: Path, n_actors: int, n_relations: int, seed: int = 7) -> int:
    """Write the dataset to ``path``; return its size in bytes."""
    rng = random.Random(seed)
    kinds = [k for k in ACTOR_KINDS if k not in ("agreement", "resolution", "meeting")]
    actors = [{"record": "actor", "id": f"actor-{i}", "name": f"Actor {i}", "kind": rng.choice(kinds),
               "aliases": [f"A{i}"], "country": "XXX"} for i in range(n_actors)]
    ids = [a["id"] for a in actors]
    n_sources = max(1, n_relations // 50)
    sources = [{"record": "source", "id": f"src-{i}", "title": f"Report {i}", "publisher": "Synthetic Wire",
                "url": f"https://example.org/{i}", "published": _when(rng, "day")} for i in range(n_sources)]
    source_ids = [s["id"] for s in sources]
    with path.open("w", encoding="utf-8") as out:
        for record in (*sources, *actors):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        for i in range(n_relations):
            a, b = rng.sample(ids, 2)
            cited = rng.sample(source_ids, rng.randint(1, 2))
            rel: dict[str, object] = {"record": "relation", "id": f"r{i}", "source": a}
            if rng.random() < 0.35:
                rtype = rng.choice(STANCE_TYPES)
                start = _when(rng, rng.choice(PRECISIONS))
                rel |= {"type": rtype.name, "target": b, "sign": rtype.sign, "start": start}
                if rng.random() < 0.5:
                    last = PartialDate.parse(start).last
                    rel["end"] = (last + timedelta(days=rng.randrange(1, 2000))).isoformat()
            else:
                rtype = rng.choice(EVENT_TYPES)
                rel |= {"type": rtype.name, "target": b, "sign": rtype.sign,
                        "date": _when(rng, rng.choice(PRECISIONS))}
            rel["confidence"] = round(rng.random(), 2)
            rel["sources"] = [{"ref": s, "evidence": f"Evidence note {i}."} for s in cited]
            out.write(json.dumps(rel, ensure_ascii=False) + "\n")
    return path.stat().st_size


if __name__ == "__main__":
    size = write_jsonl(Path(sys.argv[2]), actors_for(int(sys.argv[1])), int(sys.argv[1]))
    print(f"wrote {sys.argv[2]}: {size / 1e6:.0f} MB")
