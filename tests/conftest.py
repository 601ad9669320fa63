"""Shared fixtures: the example dataset, small dataset files, the CLI runner, and a real Neo4j server.

The Neo4j server comes from, in order: ``NEO4J_URI`` (with ``NEO4J_USERNAME``,
``NEO4J_PASSWORD``, ``NEO4J_DATABASE``) if set; else testcontainers' Neo4j
container if a Docker engine answers; else ``relgraph neo4j start`` on free
ports in a temporary folder. With ``CI=true`` a missing server fails the run.
"""

from __future__ import annotations

import os
import secrets
import socket
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from relgraph import example_path
from relgraph.dataset import load
from relgraph.model import Dataset


@pytest.fixture(scope="session")
def example() -> Dataset:
    """The bundled 2016 Syria dataset, loaded once."""
    return load(example_path())


CLEAN_ENV = dict.fromkeys(("RELGRAPH_DATA", "NEO4J_URI", "NEO4J_DATABASE", "NEO4J_USERNAME", "NEO4J_PASSWORD",
                           "CORENLP_URL"))
"""The variables relgraph reads, unset, so that the caller's environment cannot steer a test."""


@pytest.fixture
def run(tmp_path: Path) -> Callable[..., Any]:
    """Run ``relgraph ARGS`` through click's CliRunner in ``tmp_path``, with a clean environment plus ``env``."""
    from click.testing import CliRunner

    from relgraph.cli import cli

    def _run(*args: str, env: dict[str, str | None] | None = None) -> Any:
        old = os.getcwd()
        os.chdir(tmp_path)
        try:
            return CliRunner().invoke(cli, list(args), env={**CLEAN_ENV, **(env or {})}, prog_name="relgraph",
                                      catch_exceptions=False)
        finally:
            os.chdir(old)

    return _run


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write dedented text to a file under tmp_path and return its path."""

    def _write(text: str, name: str = "data.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


@dataclass(frozen=True)
class Neo4jTarget:
    uri: str
    username: str
    password: str
    database: str | None
    how: str

    @property
    def env(self) -> dict[str, str | None]:
        """The environment a relgraph command needs to reach this server."""
        return {"NEO4J_URI": self.uri, "NEO4J_USERNAME": self.username, "NEO4J_PASSWORD": self.password,
                "NEO4J_DATABASE": self.database, "RELGRAPH_DATA": None}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"Neo4j is required in CI and could not be had: {reason}", pytrace=False)
    pytest.skip(f"no Neo4j server: {reason}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def free_port() -> Callable[[], int]:
    """A function returning a TCP port on 127.0.0.1 that nothing listens on."""
    return _free_port


def _docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=3).ping()
    except Exception:  # any failure means: no usable engine
        return False
    return True


@pytest.fixture(scope="session")
def neo4j_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jTarget]:
    """A running Neo4j server for the session (see the module docstring for where it comes from)."""
    if os.environ.get("NEO4J_URI"):
        target = Neo4jTarget(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USERNAME", "neo4j"),
                             os.environ.get("NEO4J_PASSWORD", ""), os.environ.get("NEO4J_DATABASE") or None,
                             "NEO4J_URI")
        _refuse_a_database_with_data(target)
        yield target
        return
    password = secrets.token_urlsafe(12)
    if _docker_answers():
        from testcontainers.neo4j import Neo4jContainer

        with Neo4jContainer("neo4j:5.26", password=password) as container:
            yield Neo4jTarget(container.get_connection_url(), "neo4j", password, None, "testcontainers")
        return
    from relgraph.store import server as neo4j_server

    home = tmp_path_factory.mktemp("neo4j")
    try:
        server = neo4j_server.start(home, password=password, bolt_port=_free_port(), http_port=_free_port(),
                                    heap="768m", pagecache="128m")
    except neo4j_server.ServerError as exc:
        _unavailable(str(exc))
    try:
        yield Neo4jTarget(server.uri, "neo4j", password, None, "relgraph neo4j start")
    finally:
        neo4j_server.stop(home)


def _refuse_a_database_with_data(target: Neo4jTarget) -> None:
    """The tests empty the database they use: never one that holds someone's data."""
    from relgraph.errors import StoreUnavailable
    from relgraph.store.neo4j import Neo4jStore

    try:
        with Neo4jStore(target.uri, target.username, target.password, target.database) as store:
            nodes = store.query("MATCH (n) RETURN count(n) AS n")[0]["n"]
    except StoreUnavailable as exc:
        _unavailable(str(exc))
    if nodes:
        pytest.fail(f"the database at NEO4J_URI holds {nodes} nodes and the tests would delete them: "
                    "point NEO4J_URI at an empty database", pytrace=False)


@pytest.fixture
def neo4j_store(neo4j_target: Neo4jTarget):
    """A Neo4jStore on an empty database; emptied again afterwards."""
    from relgraph.store.neo4j import Neo4jStore

    store = Neo4jStore(neo4j_target.uri, neo4j_target.username, neo4j_target.password, neo4j_target.database)
    wipe(store)
    try:
        yield store
    finally:
        wipe(store)
        store.close()


def wipe(store) -> None:
    with store._session(write=True) as session:
        session.run("MATCH (n) DETACH DELETE n").consume()


@pytest.fixture
def db_counts() -> Callable[..., dict[str, int]]:
    """How many nodes of each label and relationships of each type a store's database holds."""

    def count(store) -> dict[str, int]:
        nodes = store.query("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
        rels = store.query("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
        return {**{f":{r['label']}": r["n"] for r in nodes}, **{f"[{r['type']}]": r["n"] for r in rels}}

    return count


@pytest.fixture(scope="session")
def corenlp_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a running CoreNLP server: ``CORENLP_URL`` if set, else ``relgraph nlp start`` on a free
    port in a temporary folder (about 15 s), stopped at the end. With ``CI=true`` a missing server fails."""
    from relgraph.errors import ServerError
    from relgraph.ingest.articles import server as corenlp_server

    def unavailable(reason: str) -> None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CoreNLP is required in CI and could not be had: {reason}", pytrace=False)
        pytest.skip(f"no CoreNLP server: {reason}")

    if os.environ.get("CORENLP_URL"):
        url = os.environ["CORENLP_URL"]
        if not corenlp_server.is_ready(url):
            unavailable(f"nothing ready at CORENLP_URL={url}")
        yield url
        return
    home = tmp_path_factory.mktemp("corenlp")
    try:
        server = corenlp_server.start(home, port=_free_port(), memory="3g")
    except ServerError as exc:
        unavailable(str(exc))
    try:
        yield server.url
    finally:
        corenlp_server.stop(home)
