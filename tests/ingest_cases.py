"""Event files for the import tests: the committed fixtures, the shared GDELT sample when present, helpers."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
EXCERPT = DATA / "gdelt" / "gdelt1-excerpt.tsv"
ICEWS = DATA / "icews" / "events.tab"
ACLED_API = DATA / "acled" / "api.csv"
ACLED_EXPORT = DATA / "acled" / "export.csv"
SHARED_SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "gdelt" / "gdelt1-events-sample-2016.tsv"
"""The real 710-row GDELT 1.0 sample beside the repository; CI's clone may not have it."""

SAMPLE = SHARED_SAMPLE if SHARED_SAMPLE.exists() else EXCERPT


def excerpt_rows() -> list[list[str]]:
    return [line.rstrip("\n").split("\t") for line in EXCERPT.read_text(encoding="utf-8").splitlines()]


def to_v2(fields: list[str]) -> list[str]:
    """A 58-column GDELT 1.0 row in the 61-column 2.0 layout: an empty ADM2Code after each ADM1Code."""
    out = [*fields[:39], "", *fields[39:46], "", *fields[46:53], "", *fields[53:56], fields[56] + "000000",
           fields[57]]
    assert len(out) == 61
    return out


ROLES = {"REB", "GOV", "MIL", "OPP", "CVL", "BUS", "COP"}


def gdelt_row(ident: int, day: str, actor1: str, actor2: str, code: str, goldstein: float,
              sources: int = 1, mentions: int = 2, url: str | None = None) -> list[str]:
    """A GDELT 2.0 row (61 columns) with the fields the import reads; actor codes like SYRREB."""
    f = [""] * 61
    f[0], f[1], f[26], f[27], f[28] = str(ident), day, code, code[:3], code[:2]
    f[30], f[31], f[32], f[33] = str(goldstein), str(mentions), str(sources), str(mentions)
    for first, actor in ((5, actor1), (15, actor2)):
        f[first] = actor
        if actor[:3] in ROLES:  # a role without a country, as GDELT codes "REB"
            f[first + 7] = actor[:3]
        elif actor:
            f[first + 2], f[first + 7] = actor[:3], actor[3:6]
    f[59] = day + "120000"
    f[60] = url or f"https://news.example.org/{ident}"
    return f


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def records(folder: Path, name: str = "relations") -> list[dict]:
    path = folder / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def by_id(folder: Path, name: str = "relations") -> dict[str, dict]:
    return {r.get("id", r.get("name")): r for r in records(folder, name)}
