"""ICEWS events: the Dataverse layout, tab-separated, with a header row.

Actors are names with a country and sectors (``Government (Syria)``,
``Vladimir Putin`` of ``Russia``); the role that CAMEO codes as ``GOV``,
``REB``, ``OPP`` ... is read from the name's prefix or the sectors, so a
user's map can say ``SYRGOV: assad-regime`` for ICEWS as for GDELT.

>>> actor = describe("Government (Syria)|Syria|Government,Executive")
>>> actor.keys, actor.country, actor.role
(('Government (Syria)', 'SYRGOV'), 'SYR', 'GOV')
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from relgraph.ingest.events.actors import Described
from relgraph.ingest.events.base import Staged, marked, nonempty, one
from relgraph.ingest.events.countries import GROUPS, country_by_name
from relgraph.ingest.events.inputs import headed, rejected

if TYPE_CHECKING:
    import duckdb

    from relgraph.ingest.events.inputs import Input

__all__ = ["COLUMNS", "COUNTS_SOURCES", "LABEL", "NAME", "TEXTS", "describe", "stage"]

NAME = "icews"
LABEL = "ICEWS"
COUNTS_SOURCES = False

COLUMNS = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
           "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
           "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
           "Longitude")

_ROLES = (("GOV", r"government|executive|cabinet|ministry"), ("MIL", r"military|army|armed forces"),
          ("COP", r"police"), ("REB", r"rebel"), ("INS", r"insurgen"), ("SEP", r"separatist"),
          ("OPP", r"opposition|dissident"))
_GROUP_NAMES = {g.name.lower(): g.code for g in GROUPS.values()}


# x1 Story ID, x2 Sentence Number, x3 Publisher, x4 event text with code and intensity, x5 place
TEXTS = {
    "src_id": """CASE WHEN regexp_full_match(lower(x1), '[a-z0-9]+') THEN 'icews-story:' || lower(x1)
                      ELSE 'icews-publisher:' || md5(coalesce(x3, ''))[:16] END""",
    "src_title": "coalesce(x3, 'ICEWS') || ' story ' || coalesce(x1, '?')",
    "src_publisher": "coalesce(x3, 'ICEWS')",
    "src_url": "NULL",
    "evidence": """'ICEWS event ' || rid || ', sentence ' || coalesce(x2, '?') || ' of story '
                   || coalesce(x1, '?') || ': ' || x4""",
    "notes": """'ICEWS event ' || rid || ': ' || x4 || ', ' || coalesce(c1, '-') || ' -> '
                || coalesce(c2, '-') || coalesce(', in ' || x5, '')""",
}
"""The citation and notes of a written event, from its staged fields."""


def _side(which: str) -> str:
    name, country, sectors = (f'"{which} Name"', f'"{which} Country"', f'"{which} Sectors"')
    return (f"CASE WHEN {nonempty(name)} IS NOT NULL THEN concat_ws('|', trim({name}), "
            f"coalesce({country}, ''), coalesce({sectors}, '')) END")


def stage(con: duckdb.DuckDBPyConnection, inp: Input) -> Staged:
    """Insert every row of ``inp`` into the staging table; return the counts and the refused rows."""
    source = headed(con, inp, delim="\t", required=COLUMNS[:14], date_column="Event Date",
                    date_format="%Y-%m-%d", what="an ICEWS events file")
    n = inp.number
    con.execute(f"""
        INSERT INTO ev
        SELECT {n}, 'ICEWS (Dataverse, header row)',
            CASE WHEN NOT regexp_full_match(lower(trim("Event ID")), '[a-z0-9]+([-_.][a-z0-9]+)*')
                     THEN 'Event ID ''' || coalesce("Event ID", '') || ''' cannot be an id'
                 WHEN "Intensity" <> '' AND TRY_CAST("Intensity" AS DOUBLE) IS NULL
                     THEN 'Intensity ''' || "Intensity" || ''' is not a number'
            END,
            lower(trim("Event ID")), "Event Date", trim("CAMEO Code"), TRY_CAST("Intensity" AS DOUBLE),
            {_side('Source')}, {_side('Target')}, {nonempty('"Source Name"')}, {nonempty('"Target Name"')},
            NULL, NULL, 0.5,
            {nonempty('"Story ID"')}, {nonempty('"Sentence Number"')}, {nonempty('"Publisher"')},
            coalesce("Event Text", '') || ' (CAMEO ' || coalesce("CAMEO Code", '') || ', intensity '
                || coalesce("Intensity", '') || ')',
            nullif(concat_ws(', ', nullif("City", ''), nullif("Province", ''), nullif("Country", '')), '')
        FROM {source}
    """)
    problems, refused = rejected(con, f"rej_errors_{n}", inp.shown)
    rows = one(con, "SELECT count(*) FROM ev WHERE file_no = ?", [n])
    # rows this module marks bad have no line: the reader numbers only those it refuses
    problems += marked(con, inp)
    return Staged(rows=rows[0] + len(refused), problems=problems,
                  layouts={"ICEWS (Dataverse, header row)": rows[0]} if rows[0] else {})


def describe(key: str) -> Described:
    """The actor a key written by :func:`stage` stands for: name, country, sectors."""
    name, country_name, sectors = ([*key.split("|"), "", ""])[:3]
    country = country_by_name(country_name) if country_name else None
    prefix = re.match(r"^(.*?) \((.+)\)$", name)
    text = (prefix.group(1) if prefix else "") + " " + ("" if prefix else sectors)
    role = next((code for code, pattern in _ROLES if re.search(pattern, text, re.I)), None)
    if country is not None and name.lower() == country.name.lower():
        role = None
    iso = country.code if country else None
    keys = tuple(k for k in (name, f"{iso}{role}" if iso and role else "") if k)
    group = _GROUP_NAMES.get(name.lower())
    if iso is None and group is None:
        return Described(keys=keys, name=name, missing="no country or known group")
    return Described(keys=keys, country=iso, role=role, group=group, name=name)
