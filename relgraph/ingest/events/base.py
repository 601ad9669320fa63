"""What every event format gives the import: rows in one staging table, and its actors described.

A format module (``gdelt``, ``icews``, ``acled``) inserts each row of a file
into the table :data:`STAGING` with the columns below, marking a row it
cannot use with ``problem`` and reporting it as a located
:class:`~relgraph.errors.Problem`; it says how to read the actor keys it
wrote (``a1``, ``a2``) back into :class:`~relgraph.ingest.events.actors.Described`
actors, and how to build a written event's citation and notes (``TEXTS``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from relgraph.errors import Problem
from relgraph.ingest.events.actors import Described

if TYPE_CHECKING:
    import duckdb

    from relgraph.ingest.events.inputs import Input

__all__ = ["STAGING", "TEXT_COLUMNS", "EventFormat", "Staged", "marked", "nonempty", "one", "url_or_null"]

STAGING = """
CREATE TABLE ev (
    file_no INTEGER,     -- the file's place in the run
    layout VARCHAR,      -- e.g. 'GDELT 2.0 (61 columns)'
    problem VARCHAR,     -- why the row is bad, or NULL
    rid VARCHAR,         -- the record's own id, lowercase
    day DATE,
    code VARCHAR,        -- CAMEO event code, or ACLED 'Event type|Sub-event type'
    score DOUBLE,        -- Goldstein or Intensity, -10..+10; NULL for ACLED (the mapping scores it)
    a1 VARCHAR,          -- actor keys, read by EventFormat.describe; NULL when the side is empty
    a2 VARCHAR,
    c1 VARCHAR,          -- the actors as the record names them, for notes
    c2 VARCHAR,
    n_sources INTEGER,   -- GDELT NumSources, else NULL
    n_mentions INTEGER,  -- GDELT NumMentions, else NULL
    confidence DOUBLE,
    x1 VARCHAR,          -- raw fields the format's TEXTS build the citation and notes from
    x2 VARCHAR,
    x3 VARCHAR,
    x4 VARCHAR,
    x5 VARCHAR
)
"""
"""The staging table every format fills. Citation texts are built (by the format's
``TEXTS``) only for the rows that are written, not for the many that are skipped."""

TEXT_COLUMNS = ("src_id", "src_title", "src_publisher", "src_url", "evidence", "notes")
"""What a format's ``TEXTS`` give, as SQL over the staging columns."""


@dataclass
class Staged:
    """What reading one file gave: how many data rows, which were refused and why, which layouts."""

    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    layouts: dict[str, int] = field(default_factory=dict)


class EventFormat(Protocol):
    """A format module, as :func:`relgraph.ingest.events.import_events` uses it."""

    NAME: str
    LABEL: str
    COUNTS_SOURCES: bool  # whether --min-sources and --min-mentions apply
    TEXTS: dict[str, str]  # TEXT_COLUMNS -> SQL over the staging columns

    def stage(self, con: duckdb.DuckDBPyConnection, inp: Input) -> Staged: ...

    def describe(self, key: str) -> Described: ...


def nonempty(expr: str) -> str:
    """SQL: the trimmed text, NULL when empty (empty texts are not valid dataset values)."""
    return f"nullif(trim({expr}), '')"


def url_or_null(expr: str) -> str:
    """SQL: the value when it is an http(s) URL the dataset accepts, else NULL."""
    return f"CASE WHEN regexp_full_match({expr}, 'https?://\\S+') THEN {expr} END"


def marked(con: duckdb.DuckDBPyConnection, inp: Input) -> list[Problem]:
    """The rows of ``inp`` a format marked bad in SQL, named by their record id.

    Files with a header may quote line breaks inside a field, so only the
    reader knows lines; the rows it refuses carry theirs (see
    :func:`~relgraph.ingest.events.inputs.rejected`).
    """
    return [Problem("warning", inp.shown, None, f"event {rid!r}", None, f"{problem}; row skipped")
            for rid, problem in con.execute(
                "SELECT rid, problem FROM ev WHERE file_no = ? AND problem IS NOT NULL ORDER BY rid",
                [inp.number]).fetchall()]


def one(con: duckdb.DuckDBPyConnection, sql: str, params: list[object] | None = None) -> tuple[Any, ...]:
    """The one row of an aggregate query (a count always has one)."""
    row = con.execute(sql, params or []).fetchone()
    assert row is not None, sql
    return row
