"""Import event files into a dataset folder: stage in DuckDB, resolve actors and codes, write JSON Lines.

The steps, each a SQL statement over all rows (DuckDB, in bounded memory,
spilling to a temporary folder) except the two small look-ups done in
Python on distinct values only:

1. each file's rows go to a staging table (:mod:`relgraph.ingest.events.base`),
   bad rows marked with their line;
2. the distinct actor keys are resolved by :class:`~relgraph.ingest.events.actors.ActorMap`
   and the distinct event codes by :class:`~relgraph.ingest.events.mapping.Mapping`;
3. every row is judged: kept, filtered out, or skipped with a reason;
4. the kept events (or, with ``aggregate``, the stances derived from them)
   are written with ``COPY ... TO`` as JSON Lines, sorted, so that the same
   input always gives the same files.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relgraph.errors import EventDataError
from relgraph.ingest.events import acled, gdelt, icews
from relgraph.ingest.events.actors import ActorMap
from relgraph.ingest.events.aggregate import PERIODS, stances_sql
from relgraph.ingest.events.base import STAGING, TEXT_COLUMNS, EventFormat, one
from relgraph.ingest.events.countries import country_by_name
from relgraph.ingest.events.inputs import opened, sql_text
from relgraph.ingest.events.mapping import Mapping
from relgraph.ingest.events.summary import OUTPUT_FILES, ImportSummary

if TYPE_CHECKING:
    import duckdb

__all__ = ["FORMATS", "import_events"]

FORMATS: dict[str, EventFormat] = {m.NAME: m for m in (gdelt, icews, acled)}


def import_events(format: str, files: list[str | Path], output: str | Path, *,
                  country: tuple[str, ...] = (), start: date | None = None, end: date | None = None,
                  min_sources: int | None = None, min_mentions: int | None = None,
                  codes: tuple[str, ...] = (), aggregate: str | None = None,
                  actors_map: str | Path | None = None, mapping: str | Path | None = None,
                  memory_limit: str = "1GB") -> ImportSummary:
    """Read event ``files`` of ``format`` (gdelt, icews, acled) and write a dataset folder at ``output``.

    ``country`` keeps events with an actor of these countries on either side
    (ISO codes or names); ``start``/``end`` keep events on those days or
    between; ``min_sources``/``min_mentions`` (GDELT) keep events reported
    that widely; ``codes`` keeps CAMEO codes starting with one of these, or
    ACLED event types. ``aggregate`` (week, month, year) writes one stance per
    ordered pair and period instead of the events (see
    :mod:`relgraph.ingest.events.aggregate`). ``actors_map`` and ``mapping`` are YAML
    files overriding the default actors and types. Raises
    :class:`~relgraph.errors.EventDataError` for unusable input; bad rows are
    counted and reported in the returned summary.
    """
    fmt = FORMATS.get(format)
    if fmt is None:
        raise EventDataError(f"unknown format {format!r}: use {', '.join(FORMATS)}")
    if (min_sources or min_mentions) and not fmt.COUNTS_SOURCES:
        raise EventDataError(f"{format} records do not count sources or mentions: "
                             "--min-sources and --min-mentions are for gdelt")
    if aggregate is not None and aggregate not in PERIODS:
        raise EventDataError(f"aggregate must be one of {', '.join(PERIODS)}, not {aggregate!r}")
    isos = []
    for name in country:
        found = country_by_name(name)
        if found is None:
            raise EventDataError(f"unknown country {name!r}: give an ISO 3166 alpha-3 code or a name")
        isos.append(found.code)
    table, actors = Mapping.load(mapping), ActorMap.load(actors_map)
    output = Path(output)
    _check_output(output)
    summary = ImportSummary(format=format, output=output, aggregate=aggregate)
    import duckdb

    with tempfile.TemporaryDirectory(prefix="relgraph-duckdb-") as tmp, \
            opened([Path(f) for f in files]) as inputs:
        con = duckdb.connect()
        con.execute(f"SET memory_limit = {sql_text(memory_limit)}")
        con.execute(f"SET temp_directory = {sql_text(tmp)}")
        con.execute(STAGING)
        for inp in inputs:
            staged = fmt.stage(con, inp)
            summary.add_file(inp.shown, staged)
        _resolve(con, fmt, actors, table, Path(tmp))
        filters = _filters(isos, start, end, min_sources, min_mentions, codes)
        con.execute(_judged(table, filters, fmt.TEXTS))
        summary.count_skipped(con.execute(
            "SELECT skip, count(*), list(DISTINCT detail) FILTER (WHERE detail IS NOT NULL) "
            "FROM judged WHERE skip IS NOT NULL GROUP BY skip").fetchall())
        kept = _kept(con, summary)
        staging = output.parent / f".{output.name}.importing"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        try:
            _write(con, fmt, kept, aggregate, table, actors, staging, summary)
            _replace(staging, output)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        con.close()
    return summary


def _check_output(output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise EventDataError(f"{output} is a file: give a directory for the imported dataset")
    if output.is_dir():
        others = sorted(p.name for p in output.iterdir()
                        if p.suffix in (".yaml", ".yml", ".jsonl") and p.name not in OUTPUT_FILES)
        if others:
            raise EventDataError(f"{output} holds other dataset files ({others[0]}, ...): "
                                 "import into a new or empty directory")


def _resolve(con: duckdb.DuckDBPyConnection, fmt: EventFormat, actors: ActorMap, table: Mapping,
             tmp: Path) -> None:
    """Tables ``who`` (actor key -> actor) and ``codes`` (event code -> type), from distinct values."""
    keys = con.execute("SELECT a1 FROM ev WHERE problem IS NULL AND a1 IS NOT NULL UNION "
                       "SELECT a2 FROM ev WHERE problem IS NULL AND a2 IS NOT NULL").fetchall()
    who = tmp / "who.jsonl"
    with who.open("w", encoding="utf-8") as out:
        for (key,) in keys:
            found = actors.resolve(fmt.describe(key))
            country = actors.actors[found.id].country if found.id else None
            out.write(json.dumps({"key": key, "actor": found.id, "country": country,
                                  "reason": found.reason, "detail": found.detail}) + "\n")
    names = ("key", "actor", "country", "reason", "detail")
    columns = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in names) + "}"
    con.execute(f"CREATE TABLE who AS SELECT * FROM read_json({sql_text(str(who))}, "
                f"format='newline_delimited', columns={columns})")
    con.execute("CREATE TABLE codes (code VARCHAR, type VARCHAR, fixed_sign INTEGER, score DOUBLE, "
                "label VARCHAR)")
    rows = []
    for (code,) in con.execute("SELECT DISTINCT code FROM ev WHERE problem IS NULL AND code IS NOT NULL"
                               ).fetchall():
        entry = (table.acled_entry(*code.split("|", 1)) if fmt.NAME == "acled"
                 else table.cameo_entry(code) if code.isdigit() else None)
        if entry is not None:
            rows.append((code, entry.type, entry.sign, entry.score, entry.label))
    if rows:
        con.executemany("INSERT INTO codes VALUES (?, ?, ?, ?, ?)", rows)


def _filters(isos: list[str], start: date | None, end: date | None, min_sources: int | None,
             min_mentions: int | None, codes: tuple[str, ...]) -> tuple[str, str]:
    """SQL conditions a row must meet: on the record (before actors) and on its actors' countries."""
    row = []
    if start:
        row.append(f"e.day >= DATE '{start.isoformat()}'")
    if end:
        row.append(f"e.day <= DATE '{end.isoformat()}'")
    if min_sources:
        row.append(f"coalesce(e.n_sources, 0) >= {int(min_sources)}")
    if min_mentions:
        row.append(f"coalesce(e.n_mentions, 0) >= {int(min_mentions)}")
    if codes:
        row.append("(" + " OR ".join(f"starts_with(e.code, {sql_text(c.strip())})" for c in codes) + ")")
    countries = ", ".join(sql_text(c) for c in isos)
    sides = f"(w1.country IN ({countries}) OR w2.country IN ({countries}))" if isos else "true"
    return (" AND ".join(row) or "true"), sides


def _judged(table: Mapping, filters: tuple[str, str], texts: dict[str, str]) -> str:
    row, sides = filters
    n = float(table.neutral)
    built = ", ".join(f"{texts[c]} AS {c}" for c in TEXT_COLUMNS)
    return f"""
        CREATE VIEW judged AS SELECT *, {built} FROM (
        SELECT e.*, e.rowid AS pos, w1.actor AS source, w2.actor AS target, c.type, c.label,
               coalesce(e.score, c.score) AS s,
               coalesce(c.fixed_sign, CASE WHEN coalesce(e.score, c.score) > 0
                                                AND coalesce(e.score, c.score) >= {n} THEN 1
                                           WHEN coalesce(e.score, c.score) < 0
                                                AND coalesce(e.score, c.score) <= -{n} THEN -1
                                           ELSE 0 END) AS sign,
               CASE WHEN NOT ({row}) THEN 'outside the filters'
                    WHEN e.a1 IS NULL THEN 'no actor 1'
                    WHEN e.a2 IS NULL THEN 'no actor 2'
                    WHEN w1.actor IS NULL THEN 'actor 1: ' || w1.reason
                    WHEN w2.actor IS NULL THEN 'actor 2: ' || w2.reason
                    WHEN c.type IS NULL THEN 'event code not in the mapping'
                    WHEN w1.actor = w2.actor THEN 'both sides are the same actor'
                    WHEN NOT {sides} THEN 'outside the filters'
               END AS skip,
               CASE WHEN w1.actor IS NULL THEN w1.detail WHEN w2.actor IS NULL THEN w2.detail
                    WHEN c.type IS NULL THEN e.code END AS detail
        FROM ev e LEFT JOIN who w1 ON w1.key = e.a1 LEFT JOIN who w2 ON w2.key = e.a2
             LEFT JOIN codes c ON c.code = e.code
        WHERE e.problem IS NULL)
    """


def _kept(con: duckdb.DuckDBPyConnection, summary: ImportSummary) -> str:
    """The relation of kept rows, one per record id (the first read, when files repeat a record).

    ``pos`` is the staging table's row id: rows are inserted in file and line order.
    """
    total, distinct = one(con, "SELECT count(*), count(DISTINCT rid) FROM judged WHERE skip IS NULL")
    summary.duplicates = total - distinct
    summary.events = distinct
    if total == distinct:
        return "(SELECT * FROM judged WHERE skip IS NULL)"
    return ("(SELECT * FROM judged WHERE skip IS NULL "
            "QUALIFY row_number() OVER (PARTITION BY rid ORDER BY pos) = 1)")


def _write(con: duckdb.DuckDBPyConnection, fmt: EventFormat, kept: str, aggregate: str | None,
           table: Mapping, actors: ActorMap, folder: Path, summary: ImportSummary) -> None:
    relations = folder / "relations.jsonl"
    if aggregate:
        score = {"gdelt": "Goldstein", "icews": "Intensity"}.get(fmt.NAME, "score")
        stances = stances_sql(kept, aggregate, fmt.NAME, fmt.LABEL, score, table.neutral)
        con.execute(f"CREATE TEMP TABLE out AS {stances}")
        con.execute(f"COPY (SELECT * FROM out ORDER BY start, source, target) TO {sql_text(str(relations))} "
                    "(FORMAT JSON)")
        cited = "(SELECT DISTINCT unnest(sources).ref AS src_id FROM out)"
        sources = f"SELECT k.* FROM {kept} k SEMI JOIN {cited} c ON k.src_id = c.src_id"
        used = "SELECT DISTINCT unnest([source, target]) FROM out"
        types = "SELECT DISTINCT type FROM out"
    else:
        con.execute(f"""COPY (
            SELECT 'relation' AS record, '{fmt.NAME}:' || rid AS id, source, type, target, sign, day AS date,
                   confidence, [struct_pack(ref := src_id, evidence := evidence)] AS sources,
                   notes || coalesce(' (' || label || ')', '') AS notes
            FROM {kept} ORDER BY day, rid) TO {sql_text(str(relations))} (FORMAT JSON)""")
        sources = f"SELECT * FROM {kept}"
        # not a UNION of two scans of the view: DuckDB 1.5 returned one side only
        used = f"SELECT DISTINCT unnest([source, target]) FROM {kept}"
        types = f"SELECT DISTINCT type FROM {kept}"
    summary.relations = one(con, f"SELECT count(*) FROM read_json({sql_text(str(relations))}, "
                                 "format='newline_delimited', columns={'id': 'VARCHAR'})")[0]
    summary.sources = one(con, f"SELECT count(DISTINCT src_id) FROM ({sources})")[0]
    con.execute(f"""COPY (
        SELECT 'source' AS record, src_id AS id, min(src_title) AS title, min(src_publisher) AS publisher,
               min(src_url) AS url
        FROM ({sources}) GROUP BY src_id ORDER BY src_id)
        TO {sql_text(str(folder / 'sources.jsonl'))} (FORMAT JSON)""")
    ids = sorted(r[0] for r in con.execute(used).fetchall())
    _json_lines(folder / "actors.jsonl", [_actor_record(actors.actors[i]) for i in ids])
    summary.actors = len(ids)
    declared = sorted(t for (t,) in con.execute(types).fetchall() if t in table.types)
    _json_lines(folder / "types.jsonl", [_type_record(table.types[t]) for t in declared])
    summary.types = len(declared)
    for name in OUTPUT_FILES:
        path = folder / name
        if path.exists() and path.stat().st_size == 0:
            path.unlink()


def _actor_record(actor: Any) -> dict[str, Any]:
    fields = {"record": "actor", "id": actor.id, "name": actor.name, "kind": actor.kind,
              "aliases": list(actor.aliases), "country": actor.country, "wikidata": actor.wikidata,
              "part_of": actor.part_of, "description": actor.description}
    return {k: v for k, v in fields.items() if v not in (None, [], "")}


def _type_record(rtype: Any) -> dict[str, Any]:
    fields = {"record": "type", "name": rtype.name, "sign": rtype.sign, "kind": rtype.kind,
              "description": rtype.description, "symmetric": rtype.symmetric or None}
    return {k: v for k, v in fields.items() if v not in (None, "")}


def _json_lines(path: Path, records: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _replace(staging: Path, output: Path) -> None:
    """Swap the new files in, removing our files of an earlier import that this one did not write."""
    output.mkdir(parents=True, exist_ok=True)
    for name in OUTPUT_FILES:
        (output / name).unlink(missing_ok=True)
        if (staging / name).exists():
            (staging / name).replace(output / name)
