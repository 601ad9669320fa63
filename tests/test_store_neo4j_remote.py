"""What a cluster or Aura needs, tried on the local server: a routing ``neo4j://`` URI and a named database.

A single server answers a routing driver with a routing table that names
itself for reads and writes, so ``neo4j://`` goes through the same routing
code a cluster uses (the driver fetches the table, then sends writes to the
writer and reads to the readers). Community keeps one user database; the
second test's server has it named ``graphs`` when created, so that every
command must name it (``NEO4J_DATABASE``) and ``neo4j``, the usual default,
is an error there: the database each command uses is the one it is given.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator

import pytest
from test_cypher import EXPECTED_CHECKS, QUERIES

from relgraph import example_path
from relgraph.store.neo4j import Neo4jStore

pytestmark = pytest.mark.neo4j

DAY = "2016-12-20"


def routing_uri(uri: str) -> str:
    """The routing form of a Bolt URI (``bolt+s://h`` -> ``neo4j+s://h``); a routing URI as it is."""
    scheme, rest = uri.split("://", 1)
    return f"{scheme.replace('bolt', 'neo4j')}://{rest}"


def snapshots_agree(run, env: dict[str, str | None]) -> None:
    """``show`` from the database gives what it gives from the dataset files, as text and as JSON."""
    for fmt in ("table", "json"):
        stored = run("show", "--date", DAY, "--format", fmt, env=env)
        files = run("show", "--date", DAY, "--format", fmt, "--data", str(example_path()))
        assert stored.exit_code == 0, stored.output
        assert stored.output == files.output
    assert len(json.loads(stored.output)["relations"]) == 42  # what the example shows that day (README)


def cypher_pack_answers(store: Neo4jStore, example) -> None:
    for name in QUERIES:
        EXPECTED_CHECKS[name](store, example)


def test_a_routing_uri_loads_shows_and_runs_the_cypher_pack(run, neo4j_target, neo4j_store, example):
    uri = routing_uri(neo4j_target.uri)
    env = {**neo4j_target.env, "NEO4J_URI": uri}
    loaded = run("load", str(example_path()), env=env)
    assert loaded.exit_code == 0, loaded.output
    assert "relations: 55 created" in loaded.output
    snapshots_agree(run, env)
    with Neo4jStore(uri, neo4j_target.username, neo4j_target.password, neo4j_target.database) as store:
        assert type(store._driver).__name__ == "Neo4jDriver"  # the routing driver, not the direct one
        cypher_pack_answers(store, example)


@pytest.fixture(scope="module")
def named(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, str]]:
    """A server of its own whose one database is named ``graphs``: its Bolt port and password."""
    from conftest import _free_port

    from relgraph.store import server as neo4j_server

    home = tmp_path_factory.mktemp("neo4j-named")
    password = secrets.token_urlsafe(12)
    ports = _free_port(), _free_port()
    try:
        server = neo4j_server.start(home, password=password, bolt_port=ports[0], http_port=ports[1],
                                    heap="512m", pagecache="64m", database="graphs")
    except neo4j_server.ServerError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Neo4j is required in CI and could not be started: {exc}", pytrace=False)
        pytest.skip(f"no Neo4j server: {exc}")
    try:
        yield server.bolt_port, password
    finally:
        neo4j_server.stop(home)


@pytest.mark.parametrize("scheme", ["neo4j", "bolt"])
def test_a_named_database_takes_loads_snapshots_and_the_cypher_pack(run, named, example, scheme):
    port, password = named
    env: dict[str, str | None] = {"NEO4J_URI": f"{scheme}://127.0.0.1:{port}", "NEO4J_USERNAME": "neo4j",
                                  "NEO4J_PASSWORD": password, "NEO4J_DATABASE": "graphs"}
    elsewhere = run("load", str(example_path()), env={**env, "NEO4J_DATABASE": "neo4j"})
    assert elsewhere.exit_code == 1
    assert elsewhere.output.endswith(f"Neo4j at {scheme}://127.0.0.1:{port} has no database 'neo4j'\n")
    loaded = run("load", str(example_path()), env=env)
    assert loaded.exit_code == 0, loaded.output
    snapshots_agree(run, env)
    with Neo4jStore(f"{scheme}://127.0.0.1:{port}", "neo4j", password, "graphs") as store:
        cypher_pack_answers(store, example)
