"""Every file in cypher/ runs pasted whole, as Neo4j Browser runs it, and answers what the article says.

Neo4j Browser, in its default multi-statement mode, splits what is pasted at the
semicolons that end statements, drops comments, and runs the statements in order;
a ``:param name => expression`` statement is evaluated on the server as
``RETURN expression AS name`` and kept for the statements after it. ``browse``
does the same through the driver.
"""

import re
from pathlib import Path

import pytest
from signed_graphs import on

from relgraph.analysis import balance
from relgraph.model import BUILTIN_TYPES
from relgraph.store.neo4j import schema_statements

CYPHER = Path(__file__).resolve().parents[1] / "cypher"
QUERIES = sorted(p.name for p in CYPHER.glob("*.cypher") if p.name != "schema.cypher")

_TOKENS = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/|;|[^'"`/;]+|/""", re.S)


def statements(text: str) -> list[str]:
    """The statements of a pasted text: split at semicolons outside strings and comments, comments dropped."""
    out, current = [], ""
    for token in _TOKENS.findall(text):
        if token == ";":
            out.append(current)
            current = ""
        elif not token.startswith(("//", "/*")):
            current += token
    out.append(current)
    return [s.strip() for s in out if s.strip()]


def test_statements_are_split_as_browser_splits_them():
    text = "// a; comment\n:param x => 'a;b';\nMATCH (n {name: \"c;d\"}) /* e; */ RETURN n;\n"
    assert statements(text) == [":param x => 'a;b'", 'MATCH (n {name: "c;d"})  RETURN n']


def browse(store, name: str, **overrides: str) -> list[dict]:
    """Run a file as Browser does (module docstring); ``overrides`` replace :param expressions."""
    text = (CYPHER / name).read_text(encoding="utf-8")
    params, results = {}, []
    for statement in statements(text):
        if m := re.fullmatch(r":param\s+(\w+)\s*=>\s*(.+)", statement, re.S):
            expression = overrides.get(m[1], m[2])
            params[m[1]] = store.query(f"RETURN {expression} AS value")[0]["value"]
        else:
            assert not statement.startswith(":"), f"{name}: Browser would not run {statement!r} here"
            results = store.query(statement, **params)
    return results


def test_every_file_opens_with_a_comment_and_sets_its_parameters():
    for name in QUERIES:
        text = (CYPHER / name).read_text(encoding="utf-8")
        assert text.startswith("//"), f"{name} must open with a comment saying what it answers"
        parts = statements(text)
        assert parts[-1].startswith(("MATCH", "WITH", "CALL")) and all(p.startswith(":param") for p in parts[:-1])
        assert len(parts) > 1, f"{name} must take its values as :param statements"


def test_schema_file_is_what_init_applies():
    text = (CYPHER / "schema.cypher").read_text(encoding="utf-8")
    assert statements(text) == schema_statements(BUILTIN_TYPES.values())


@pytest.fixture
def loaded(neo4j_store, example):
    neo4j_store.write(example)
    return neo4j_store


def test_every_query_file_is_checked():
    assert set(QUERIES) == set(EXPECTED_CHECKS)


def check_who_backs(store, example):
    rows = browse(store, "who-backs-on-date.cypher")
    assert {r["backer"] for r in rows} == {"russia", "iran"}
    assert browse(store, "who-backs-on-date.cypher", date="date('2010-01-01')") == []
    assert {r["backer"] for r in browse(store, "who-backs-on-date.cypher", actor="'syrian-opposition'")} == {
        "turkey"}


def check_relations_between(store, example):
    rows = browse(store, "relations-between.cypher")
    assert [(r["type"], r["from"], r["until"]) for r in rows] == [
        ("hostile-to", "2015-11", "2016-summer"), ("shoots-down", "2015-11", None),
        ("cooperates", "2016-summer", None), ("tolerates", "2016-08", None)]
    assert rows[1]["source"] == "turkey" and rows[1]["sign"] == -1


def check_allies_and_enemies(store, example):
    rows = browse(store, "allies-and-enemies.cypher")
    sides = {r["actor"]: r["side"] for r in rows}
    assert sides["russia"] == "ally" and sides["syrian-opposition"] == "ally"
    assert sides["assad-regime"] == "enemy" and sides["islamic-state"] == "enemy"
    early = {r["actor"]: r["side"] for r in browse(store, "allies-and-enemies.cypher", date="date('2016-01-01')")}
    assert early["russia"] == "enemy"


def check_changes(store, example):
    rows = {(r["change"], r["source"], r["type"], r["target"]) for r in browse(store, "changes-between-dates.cypher")}
    assert ("began", "russia", "cooperates", "turkey") in rows
    assert ("ended", "russia", "hostile-to", "turkey") in rows
    assert not any(r[2] == "backs" and r[1] == "russia" for r in rows)


def triangles_from_python(day: str) -> dict[frozenset, tuple[bool, tuple[int, ...]]]:
    report = balance(on(day))
    return {frozenset(t.actors): (t.balanced, tuple(sorted(x.sign for x in t.ties))) for t in report.triangles}


def check_triangles(store, example):
    rows = browse(store, "signed-triangles.cypher")
    by_actors = {frozenset((r["a"], r["b"], r["c"])): r for r in rows}
    tension = by_actors[frozenset(("russia", "turkey", "assad-regime"))]
    assert tension["balanced"] is False
    assert sorted((tension["ab_sign"], tension["ac_sign"], tension["bc_sign"])) == [-1, 1, 1]
    assert by_actors[frozenset(("iran", "assad-regime", "syrian-opposition"))]["balanced"] is True
    assert all(r["balanced"] == (r["ab_sign"] * r["ac_sign"] * r["bc_sign"] == 1) for r in rows)
    assert not any("aleppo-evacuation-deal-1" in key for key in by_actors)
    # The query applies relgraph's tie rule: the same triangles, signs and verdicts as `analyze balance`.
    for day in ("2015-11-30", "2016-01-01", "2016-08-31", "2016-12-19", "2016-12-20"):
        since = f"date('{day}') - duration('P30D')"
        found = {frozenset((r["a"], r["b"], r["c"])): (r["balanced"], tuple(sorted((r["ab_sign"], r["bc_sign"],
                                                                                     r["ac_sign"]))))
                 for r in browse(store, "signed-triangles.cypher", date=f"date('{day}')", since=since)}
        assert found == triangles_from_python(day), day


def check_source_supports(store, example):
    rows = browse(store, "source-supports.cypher")
    assert [r["when"] for r in rows] == ["2011-10-04", "2012-02-04", "2012-07-19", "2014-05-22", "2016-10-08",
                                         "2016-12-05"]
    assert {r["type"] for r in rows} == {"vetoes"}
    article = browse(store, "source-supports.cypher", source="'syria-daily-2016-12-20'")
    assert len(article) == len(example.relations)
    assert all(r["evidence"] for r in article)


EXPECTED_CHECKS = {
    "who-backs-on-date.cypher": check_who_backs,
    "relations-between.cypher": check_relations_between,
    "allies-and-enemies.cypher": check_allies_and_enemies,
    "changes-between-dates.cypher": check_changes,
    "signed-triangles.cypher": check_triangles,
    "source-supports.cypher": check_source_supports,
}


@pytest.mark.neo4j
@pytest.mark.parametrize("name", QUERIES)
def test_query_answers(loaded, example, name):
    EXPECTED_CHECKS[name](loaded, example)


@pytest.mark.neo4j
def test_the_schema_file_runs_pasted_whole(neo4j_store):
    with neo4j_store._session(write=True) as session:
        for statement in statements((CYPHER / "schema.cypher").read_text(encoding="utf-8")):
            session.run(statement).consume()
    names = {r["name"] for r in neo4j_store.query("SHOW INDEXES YIELD name RETURN name")}
    assert {"actor_id", "backs_first", "backs_last", "shoots_down_first"} <= names
