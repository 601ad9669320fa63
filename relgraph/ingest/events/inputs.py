"""Event files as DuckDB reads them: plain, gzipped (read as is) or zipped (each member extracted).

DuckDB reads ``.gz`` itself but not ``.zip``; a zip's members are streamed
to a temporary folder (never wholly into memory) and read from there, named
``archive.zip!member.csv`` in messages.

Rows DuckDB's reader refuses (bytes that are not UTF-8, a wrong number of
columns, a date it cannot read) go to a rejects table with their line; the
formats turn those into :class:`~relgraph.errors.Problem` s.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from relgraph.errors import EventDataError, Problem

if TYPE_CHECKING:
    import duckdb

__all__ = ["Input", "opened", "rejected", "sql_text"]


@dataclass(frozen=True)
class Input:
    """One file to read: ``path`` on disk, ``shown`` as messages name it, ``number`` its place in the run."""

    path: Path
    shown: str
    number: int


def sql_text(value: str) -> str:
    """A SQL string literal (DuckDB's table functions take file names as literals, not parameters).

    >>> sql_text("it's.tsv")
    "'it''s.tsv'"
    """
    return "'" + value.replace("'", "''") + "'"


@contextlib.contextmanager
def opened(paths: list[Path]) -> Iterator[list[Input]]:
    """The files to read, zip members extracted to a folder that is removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="relgraph-import-") as tmp:
        inputs: list[Input] = []
        for path in paths:
            if not path.is_file():
                raise EventDataError(f"{path}: no such file")
            if path.suffix.lower() != ".zip":
                inputs.append(Input(path, str(path), len(inputs)))
                continue
            try:
                with zipfile.ZipFile(path) as archive:
                    members = [m for m in archive.infolist() if not m.is_dir()]
                    if not members:
                        raise EventDataError(f"{path}: the zip archive holds no file")
                    for member in members:
                        target = Path(tmp) / str(len(inputs)) / Path(member.filename).name
                        target.parent.mkdir(parents=True)
                        with archive.open(member) as src, target.open("wb") as out:
                            shutil.copyfileobj(src, out, 1 << 20)
                        inputs.append(Input(target, f"{path}!{member.filename}", len(inputs)))
            except (zipfile.BadZipFile, OSError) as exc:
                raise EventDataError(f"{path}: cannot read the zip archive: {exc}") from None
        yield inputs


def rejected(con: duckdb.DuckDBPyConnection, table: str, shown: str) -> tuple[list[Problem], list[int]]:
    """The rows DuckDB's reader refused, one problem per line, and every refused line number."""
    rows = con.sql(f"""
        SELECT line, arg_min(column_name, column_idx), arg_min(error_type, column_idx),
               arg_min(error_message, column_idx)
        FROM {table} GROUP BY line ORDER BY line""").fetchall()
    problems = [Problem("warning", shown, int(line), None, None if "INVALID" in kind else column,
                        _message(kind, message))
                for line, column, kind, message in rows]
    return problems, [int(r[0]) for r in rows]


def _message(kind: str, message: str) -> str:
    if kind == "INVALID ENCODING" or kind == "INVALID UNICODE":
        return "bytes that are not UTF-8; row skipped"
    if kind in ("MISSING COLUMNS", "TOO MANY COLUMNS"):
        found = message.rsplit("Found:", 1)[-1].strip()
        expected = message.split("Expected Number of Columns:", 1)[-1].split("Found")[0].strip()
        return f"{found} columns where {expected} are expected; row skipped"
    if kind == "CAST":
        value = message.split('Could not convert string "', 1)[-1].split('"', 1)[0]
        what = "a date" if "DATE" in message.split(value, 1)[-1] else "a number"
        return f"{value!r} is not {what}; row skipped"
    return f"{message}; row skipped"


def headed(con: duckdb.DuckDBPyConnection, inp: Input, *, delim: str, required: tuple[str, ...],
           date_column: str, date_format: str | None = None, what: str) -> str:
    """SQL reading a file with a header row: every column text, ``date_column`` a DATE.

    Checks the header first: a file without the ``required`` columns is an
    :class:`~relgraph.errors.EventDataError`. ``date_format`` (strptime) is
    the form of the dates; ``None`` tells it from the first row (see :data:`DATE_FORMS`).
    """
    import duckdb

    common = f"{sql_text(str(inp.path))}, header=true, delim={sql_text(delim)}, all_varchar=true"
    try:
        columns = [row[0] for row in con.execute(f"DESCRIBE SELECT * FROM read_csv({common})").fetchall()]
        missing = [c for c in required if c not in columns]
        if missing:
            raise EventDataError(f"{inp.shown}: not {what}: the header lacks {', '.join(missing)}")
        if date_format is None:
            first = con.execute(f'SELECT "{date_column}" FROM read_csv({common}) '
                                f'WHERE "{date_column}" IS NOT NULL LIMIT 1').fetchone()
            date_format = _date_form(first[0] if first else "")
    except duckdb.Error as exc:
        raise EventDataError(f"{inp.shown}: cannot read it as {what}: {str(exc).splitlines()[0]}") from None
    n = inp.number
    return (f"read_csv({common}, types={{{sql_text(date_column)}: 'DATE'}}, "
            f"dateformat={sql_text(date_format)}, "
            f"store_rejects=true, rejects_table='rej_errors_{n}', rejects_scan='rej_scans_{n}')")


DATE_FORMS = ("%Y-%m-%d", "%d-%b-%y", "%d %B %Y", "%d-%B-%Y")
"""Date forms tried on a file's first row: 2020-05-09, 9-May-20, 09 May 2020, 9-May-2020."""


def _date_form(sample: str) -> str:
    from datetime import datetime

    for form in DATE_FORMS:
        try:
            datetime.strptime(sample.strip(), form)
        except ValueError:
            continue
        return form
    return DATE_FORMS[0]  # every row will be reported as a bad date, with its line
