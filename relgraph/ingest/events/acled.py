"""ACLED events: CSV with a header row, as the API or the export tool gives it.

``event_date`` comes as ``2020-05-09`` from the API and as ``9-May-20`` from
spreadsheet exports; the form is told from the first row, and a row in
another form is reported with its line. Relation ids are
``acled:`` + ``event_id_cnty`` in lowercase (``acled:syr12345``), since ids
are lowercase.

Actors are names with an ``inter`` code (1 state forces, 2 rebel groups, 3
political militias, 4 identity militias, 5 rioters, 6 protesters, 7
civilians, 8 external or other forces; newer files write the words). State
forces (``Military Forces of Syria (2000-)``) go to their state, like
GDELT's ``SYRMIL``; groups are actors of their own; rioters, protesters and
civilians are not political actors unless the user's map names them.

>>> describe("Military Forces of Russia (2000-)|1").keys
('Military Forces of Russia (2000-)', 'Military Forces of Russia', 'RUSMIL')
>>> describe("Civilians (Syria)|7").missing
'civilians, not a political actor'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from relgraph.ingest.events.actors import Described
from relgraph.ingest.events.base import Staged, marked, nonempty, one
from relgraph.ingest.events.countries import country_by_name
from relgraph.ingest.events.inputs import headed, rejected

if TYPE_CHECKING:
    import duckdb

    from relgraph.ingest.events.inputs import Input

__all__ = ["COLUMNS", "COUNTS_SOURCES", "LABEL", "NAME", "TEXTS", "describe", "stage"]

NAME = "acled"
LABEL = "ACLED"
COUNTS_SOURCES = False

COLUMNS = ("data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision",
           "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
           "inter2", "interaction", "region", "country", "admin1", "admin2", "admin3", "location",
           "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
           "timestamp", "iso3")
_REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "inter1", "actor2",
             "inter2", "source", "notes", "fatalities")

_INTER = {"1": "state forces", "2": "rebel group", "3": "political militia", "4": "identity militia",
          "5": "rioters", "6": "protesters", "7": "civilians", "8": "external/other forces"}
_NOT_POLITICAL = {"rioters", "protesters", "civilians"}
_STATE_FORCES = re.compile(r"^(Military|Police|Government) (?:Forces )?of (.+)$", re.I)
_ROLE = {"military": "MIL", "police": "COP", "government": "GOV"}


# x1 source, x2 notes, x3 fatalities, x4 event_id_cnty as written, x5 place
TEXTS = {
    "src_id": "CASE WHEN x1 IS NOT NULL THEN 'acled-source:' || md5(x1)[:16] ELSE 'acled:database' END",
    "src_title": "coalesce(x1, 'ACLED')",
    "src_publisher": "coalesce(x1, 'ACLED')",
    "src_url": "CASE WHEN x1 IS NULL THEN 'https://acleddata.com/' END",
    "evidence": """coalesce(x2, replace(code, '|', ': ')) || ' (ACLED ' || x4 || '; fatalities: '
                   || coalesce(x3, '?') || ')'""",
    "notes": """'ACLED ' || x4 || ': ' || replace(code, '|', ' / ') || ', ' || coalesce(c1, '-')
                || ' -> ' || coalesce(c2, '-') || coalesce(', in ' || x5, '') || '; fatalities '
                || coalesce(x3, '?')""",
}
"""The citation and notes of a written event, from its staged fields."""


def _side(name: str, inter: str) -> str:
    return (f"CASE WHEN {nonempty(name)} IS NOT NULL "
            f"THEN trim({name}) || '|' || coalesce(trim({inter}), '') END")


def stage(con: duckdb.DuckDBPyConnection, inp: Input) -> Staged:
    """Insert every row of ``inp`` into the staging table; return the counts and the refused rows."""
    source = headed(con, inp, delim=",", required=_REQUIRED, date_column="event_date",
                    what="an ACLED events file")
    n = inp.number
    rid = "lower(trim(event_id_cnty))"
    con.execute(f"""
        INSERT INTO ev
        SELECT {n}, 'ACLED (CSV, header row)',
            CASE WHEN NOT regexp_full_match({rid}, '[a-z0-9]+([-_.][a-z0-9]+)*')
                     THEN 'event_id_cnty ''' || coalesce(event_id_cnty, '') || ''' cannot be an id'
            END,
            {rid}, event_date, trim(event_type) || '|' || trim(coalesce(sub_event_type, '')), NULL,
            {_side('actor1', 'inter1')}, {_side('actor2', 'inter2')},
            {nonempty('actor1')}, {nonempty('actor2')},
            NULL, NULL, 0.8,
            {nonempty('source')}, {nonempty('notes')}, {nonempty('fatalities')}, trim(event_id_cnty),
            nullif(concat_ws(', ', nullif(location, ''), nullif(admin1, ''), nullif(country, '')), '')
        FROM {source}
    """)
    problems, refused = rejected(con, f"rej_errors_{n}", inp.shown)
    rows = one(con, "SELECT count(*) FROM ev WHERE file_no = ?", [n])[0]
    return Staged(rows=rows + len(refused), problems=problems + marked(con, inp),
                  layouts={"ACLED (CSV, header row)": rows} if rows else {})


def describe(key: str) -> Described:
    """The actor a key written by :func:`stage` stands for: name and inter code."""
    name, inter = ([*key.split("|"), ""])[:2]
    inter = _INTER.get(inter.strip(), inter.strip().lower())
    base = re.sub(r"\s*\(\d{4}-(\d{4})?\)$", "", name)
    forces = _STATE_FORCES.match(base)
    if forces and (country := country_by_name(forces.group(2))):
        role = _ROLE[forces.group(1).lower()]
        return Described(keys=(name, base, country.code + role), country=country.code, role=role, name=base)
    keys = (name, base) if base != name else (name,)
    if inter in _NOT_POLITICAL:
        return Described(keys=keys, name=base, missing=f"{inter}, not a political actor")
    suffix = re.match(r"^.*\(([^()]+)\)$", base)
    country = country_by_name(suffix.group(1)) if suffix else None
    kind = "organisation" if inter == "external/other forces" else "armed-group"
    return Described(keys=keys, country=country.code if country else None, name=base, kind=kind)
