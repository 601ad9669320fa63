"""Every query in cypher/ runs against the loaded example and answers what the article says."""

import re
from pathlib import Path

import pytest

from relgraph.model import BUILTIN_TYPES
from relgraph.store.neo4j import schema_statements

CYPHER = Path(__file__).resolve().parents[1] / "cypher"
QUERIES = sorted(p.name for p in CYPHER.glob("*.cypher") if p.name != "schema.cypher")


def test_schema_file_is_what_init_applies():
    text = (CYPHER / "schema.cypher").read_text(encoding="utf-8")
    statements = [line.rstrip(";") for line in text.splitlines() if line and not line.startswith("//")]
    assert statements == schema_statements(BUILTIN_TYPES.values())


def run_file(store, name: str, **overrides) -> list[dict]:
    """Run a query file as Neo4j Browser would: evaluate its :param lines on the server, then the query."""
    params, body = {}, []
    text = (CYPHER / name).read_text(encoding="utf-8")
    assert text.startswith("//"), f"{name} must open with a comment saying what it answers"
    for line in text.splitlines():
        if m := re.match(r"^:param (\w+) => (.+)$", line):
            params[m[1]] = store.query(f"RETURN {m[2]} AS value")[0]["value"]
        elif not line.startswith("//"):
            body.append(line)
    assert params, f"{name} must take its values as :param lines"
    for key, expression in overrides.items():
        params[key] = store.query(f"RETURN {expression} AS value")[0]["value"]
    return store.query("\n".join(body), **params)


@pytest.fixture
def loaded(neo4j_store, example):
    neo4j_store.write(example)
    return neo4j_store


def test_every_query_file_is_checked():
    assert set(QUERIES) == set(EXPECTED_CHECKS)


def check_who_backs(store):
    rows = run_file(store, "who-backs-on-date.cypher")
    assert {r["backer"] for r in rows} == {"russia", "iran"}
    assert run_file(store, "who-backs-on-date.cypher", date="date('2010-01-01')") == []
    assert {r["backer"] for r in run_file(store, "who-backs-on-date.cypher", actor="'syrian-opposition'")} == {
        "turkey"}


def check_relations_between(store):
    rows = run_file(store, "relations-between.cypher")
    assert [(r["type"], r["from"], r["until"]) for r in rows] == [
        ("hostile-to", "2015-11", "2016-summer"), ("shoots-down", "2015-11", None),
        ("cooperates", "2016-summer", None), ("tolerates", "2016-08", None)]
    assert rows[1]["source"] == "turkey" and rows[1]["sign"] == -1


def check_allies_and_enemies(store):
    rows = run_file(store, "allies-and-enemies.cypher")
    sides = {r["actor"]: r["side"] for r in rows}
    assert sides["russia"] == "ally" and sides["syrian-opposition"] == "ally"
    assert sides["assad-regime"] == "enemy" and sides["islamic-state"] == "enemy"
    early = {r["actor"]: r["side"] for r in run_file(store, "allies-and-enemies.cypher", date="date('2016-01-01')")}
    assert early["russia"] == "enemy"


def check_changes(store):
    rows = {(r["change"], r["source"], r["type"], r["target"]) for r in run_file(store, "changes-between-dates.cypher")}
    assert ("began", "russia", "cooperates", "turkey") in rows
    assert ("ended", "russia", "hostile-to", "turkey") in rows
    assert not any(r[2] == "backs" and r[1] == "russia" for r in rows)


def check_triangles(store):
    rows = run_file(store, "signed-triangles.cypher")
    by_actors = {frozenset((r["a"], r["b"], r["c"])): r for r in rows}
    tension = by_actors[frozenset(("russia", "turkey", "assad-regime"))]
    assert tension["balanced"] is False
    assert sorted((tension["ab_sign"], tension["ac_sign"], tension["bc_sign"])) == [-1, 1, 1]
    assert by_actors[frozenset(("iran", "assad-regime", "syrian-opposition"))]["balanced"] is True
    assert all(r["balanced"] == (r["ab_sign"] * r["ac_sign"] * r["bc_sign"] == 1) for r in rows)
    assert not any("aleppo-evacuation-deal-1" in key for key in by_actors)


def check_source_supports(store, example):
    rows = run_file(store, "source-supports.cypher")
    assert [r["when"] for r in rows] == ["2011-10-04", "2012-02-04", "2012-07-19", "2014-05-22", "2016-10-08",
                                         "2016-12-05"]
    assert {r["type"] for r in rows} == {"vetoes"}
    article = run_file(store, "source-supports.cypher", source="'syria-daily-2016-12-20'")
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
    check = EXPECTED_CHECKS[name]
    if check is check_source_supports:
        check(loaded, example)
    else:
        check(loaded)
