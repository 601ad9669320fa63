"""GDELT events: 1.0 (57 columns, or 58 with SOURCEURL) and 2.0 (61 columns), tab-separated, no header.

The layout is told row by row from the number of columns, because real
files mix them (GDELT 1.0's daily files carry SOURCEURL, its historical
back-file rows do not). Columns 1-35 are the same in every layout; 2.0 adds
an ``ADM2Code`` to each of the three geographies, so ``DATEADDED`` and
``SOURCEURL`` move from 57/58 to 60/61.

Rows are read as 61 columns, shorter ones padded, so that a row with the
wrong number of columns is a row to report, not a reason to stop.

>>> actor = describe("SYRREB|SYR|REB|")
>>> actor.keys, actor.country, actor.role
(('SYRREB', 'SYRREB'), 'SYR', 'REB')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from relgraph.errors import Problem
from relgraph.ingest.events.actors import Described
from relgraph.ingest.events.base import Staged, one, url_or_null
from relgraph.ingest.events.inputs import rejected, sql_text

if TYPE_CHECKING:
    import duckdb

    from relgraph.ingest.events.inputs import Input

__all__ = ["COUNTS_SOURCES", "LABEL", "LAYOUTS", "NAME", "TEXTS", "describe", "stage"]

NAME = "gdelt"
LABEL = "GDELT"
COUNTS_SOURCES = True

LAYOUTS = {57: "GDELT 1.0 (57 columns, no SOURCEURL)", 58: "GDELT 1.0 (58 columns)",
           61: "GDELT 2.0 (61 columns)"}
"""Column count -> layout."""


# x1 SOURCEURL, x2 DATEADDED, x3 GoldsteinScale, x4 NumMentions, x5 NumSources, as written
TEXTS = {
    "src_id": f"""CASE WHEN {url_or_null('x1')} IS NOT NULL THEN 'web:' || md5(x1)[:16]
                      WHEN x1 IS NOT NULL THEN 'gdelt-source:' || md5(x1)[:16]
                      ELSE 'gdelt:event-database' END""",
    "src_title": """CASE WHEN x1 IS NOT NULL THEN regexp_replace(x1, '^https?://(www[.])?', '')
                         ELSE 'GDELT Event Database (records without a source URL)' END""",
    "src_publisher": f"""CASE WHEN {url_or_null('x1')} IS NOT NULL
                                   THEN regexp_extract(x1, '^https?://(?:www[.])?([^/:?#]+)', 1)
                              WHEN x1 IS NOT NULL THEN x1 ELSE 'The GDELT Project' END""",
    "src_url": f"CASE WHEN x1 IS NOT NULL THEN {url_or_null('x1')} ELSE 'https://www.gdeltproject.org/' END",
    "evidence": """'GDELT event ' || rid || ' (CAMEO ' || code || ', Goldstein ' || x3 || '; '
                   || x4 || ' mentions in ' || x5 || ' sources)'
                   || CASE WHEN x1 IS NOT NULL THEN ', first seen in this report' ELSE '' END""",
    "notes": """'GDELT event ' || rid || ': CAMEO ' || code || ', Goldstein ' || x3 || ', actors '
                || coalesce(c1, '-') || ' -> ' || coalesce(c2, '-') || ', ' || x5 || ' sources, '
                || x4 || ' mentions, added ' || coalesce(x2, '?')""",
}
"""The citation and notes of a written event, from its staged fields."""


def _actor(first: int) -> str:
    # Actor1 starts at column 6, Actor2 at 16: code, name, country, known group, ..., type 1 at +7
    code, country, group, role = (f"c{first}", f"c{first + 2}", f"c{first + 3}", f"c{first + 7}")
    return f"CASE WHEN {code} <> '' THEN concat_ws('|', {code}, {country}, {role}, {group}) END"


_NAMED = {1: ("GLOBALEVENTID", "BIGINT"), 2: ("SQLDATE", "DATE")}
_COLUMNS = "{" + ", ".join(f"'{_NAMED.get(i, (f'c{i}', ''))[0]}': '{_NAMED.get(i, ('', 'VARCHAR'))[1]}'"
                           for i in range(1, 62)) + "}"
# how many columns a row has, where it matters: padding (past its end) is NULL, an empty field is ''
# (nullstr is \x02); 0 for fewer than 57, which the second pass counts exactly
_COUNT = ("CASE WHEN c61 IS NOT NULL THEN 61 WHEN c60 IS NOT NULL THEN 60 WHEN c59 IS NOT NULL THEN 59 "
          "WHEN c58 IS NOT NULL THEN 58 WHEN c57 IS NOT NULL THEN 57 ELSE 0 END")
_WRONG_COUNT = "' tab-separated columns; GDELT 1.0 has 57 or 58, 2.0 has 61'"
_BAD = (f"CASE WHEN cols NOT IN (57, 58, 61) THEN 'has ' || cols || {_WRONG_COUNT} "
        "WHEN c31 <> '' AND TRY_CAST(c31 AS DOUBLE) IS NULL "
        "THEN 'GoldsteinScale ''' || c31 || ''' is not a number' END")


def _read(inp: Input, tables: str) -> str:
    # DuckDB's reader splits the columns (in parallel); it refuses, with their line, rows of more
    # than 61 columns, bytes that are not UTF-8, an id that is not a number and a date that is not one
    return (f"read_csv({sql_text(str(inp.path))}, columns={_COLUMNS}, header=false, delim=chr(9), "
            "quote='', escape='', auto_detect=false, null_padding=true, nullstr=chr(2), "
            f"dateformat='%Y%m%d', store_rejects=true, rejects_table='rej_errors_{tables}', "
            f"rejects_scan='rej_scans_{tables}')")


def stage(con: duckdb.DuckDBPyConnection, inp: Input) -> Staged:
    """Insert every row of ``inp`` into the staging table; return the counts and the refused rows."""
    n = inp.number
    layouts = " ".join(f"WHEN {cols} THEN '{name}'" for cols, name in LAYOUTS.items())
    con.execute(f"""
        INSERT INTO ev
        WITH rows AS (
            SELECT *, {_COUNT} AS cols FROM {_read(inp, str(n))}
        ), located AS (
            SELECT *, nullif(trim(CASE cols WHEN 58 THEN c58 WHEN 61 THEN c61 END), '') AS u FROM rows
        )
        SELECT {n}, CASE cols {layouts} END, {_BAD},
            CAST(GLOBALEVENTID AS VARCHAR), SQLDATE, c27, TRY_CAST(c31 AS DOUBLE),
            {_actor(6)}, {_actor(16)}, nullif(c6, ''), nullif(c16, ''),
            TRY_CAST(c33 AS INTEGER), TRY_CAST(c32 AS INTEGER),
            round(least(0.95, 1 - 0.5 ** greatest(coalesce(TRY_CAST(c33 AS INTEGER), 1), 1)), 3),
            u, CASE cols WHEN 61 THEN c60 ELSE c57 END, c31, c32, c33
        FROM located
    """)
    problems, refused = rejected(con, f"rej_errors_{n}", inp.shown)
    staged = Staged(problems=problems)
    if one(con, "SELECT count(*) FROM ev WHERE file_no = ? AND problem IS NOT NULL", [n])[0]:
        staged.problems = sorted(staged.problems + _numbered_problems(con, inp), key=lambda p: p.line or 0)
    for layout, count in con.execute(
            "SELECT layout, count(*) FROM ev WHERE file_no = ? AND layout IS NOT NULL GROUP BY layout "
            "ORDER BY layout", [n]).fetchall():
        staged.layouts[layout] = count
    staged.rows = one(con, "SELECT count(*) FROM ev WHERE file_no = ?", [n])[0] + len(refused)
    return staged


def _numbered_problems(con: duckdb.DuckDBPyConnection, inp: Input) -> list[Problem]:
    """The rows :func:`stage` marked bad, with their lines.

    Numbering the reader's rows keeps it to one thread, so this second pass is made only when
    there are such rows. It reads each line whole (a blank line is a row, unlike for the reader
    above) and counts its columns as the first pass did.
    """
    n = inp.number
    found = con.execute(f"""
        SELECT k, CASE WHEN len(f) NOT IN (57, 58, 61) AND len(f) < 61
                           THEN 'has ' || len(f) || {_WRONG_COUNT}
                       WHEN f[31] <> '' AND TRY_CAST(f[31] AS DOUBLE) IS NULL
                           THEN 'GoldsteinScale ''' || f[31] || ''' is not a number' END AS problem
        FROM (SELECT row_number() OVER () AS k, string_split(text, chr(9)) AS f
              FROM read_csv({sql_text(str(inp.path))}, columns={{'text': 'VARCHAR'}}, header=false,
                            delim=chr(1), quote='', escape='', auto_detect=false, store_rejects=true,
                            rejects_table='rej_errors_{n}_lines', rejects_scan='rej_scans_{n}_lines'))
        WHERE problem IS NOT NULL AND len(f) > 1 ORDER BY k""").fetchall()
    _, refused = rejected(con, f"rej_errors_{n}_lines", inp.shown)
    return [_problem(inp.shown, _real_line(int(row), refused), problem) for row, problem in found]


def _real_line(row: int, refused: list[int]) -> int:
    """The file line of the ``row``-th row the reader kept, given the lines it refused (sorted)."""
    line = row
    for r in refused:
        if r <= line:
            line += 1
    return line


def _problem(shown: str, line: int, message: str) -> Problem:
    return Problem("warning", shown, line, None, None, f"{message}; row skipped")


def describe(key: str) -> Described:
    """The actor a key written by :func:`stage` stands for: code, country, role, known group."""
    code, country, role, group = ([*key.split("|"), "", "", "", ""])[:4]
    keys = tuple(k for k in (code, country + role if country and role else "") if k)
    return Described(keys=keys, country=country or None, role=role or None, group=group or None)
