"""relgraph neo4j import: a bulk import into a real local server, beside relgraph load of the same data."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bulk_cases import awkward_dataset, awkward_folder, links
from click.testing import CliRunner

from relgraph import dataset, example_path
from relgraph.cli import cli
from relgraph.errors import ServerError, StoreError
from relgraph.model import Actor, Dataset, Relation
from relgraph.store import bulk
from relgraph.store import server as neo4j_server
from relgraph.store.neo4j import Neo4jStore


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def instance(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """A server that relgraph neo4j start runs, for this module alone (the bulk import restarts it)."""
    home = tmp_path_factory.mktemp("bulk") / "neo4j"
    password = secrets.token_urlsafe(12)
    try:
        neo4j_server.start(home, password=password, bolt_port=_free_port(), http_port=_free_port(), heap="512m",
                           pagecache="64m")
    except ServerError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Neo4j is required in CI and could not be had: {exc}", pytrace=False)
        pytest.skip(f"no local Neo4j server: {exc}")
    try:
        yield Running(home, password)
    finally:
        neo4j_server.stop(home)


class Running:
    """The instance, its password, and a store on it (reopened after each restart)."""

    def __init__(self, home: Path, password: str) -> None:
        self.home, self.password = home, password

    @property
    def server(self) -> neo4j_server.Server:
        found = neo4j_server.status(self.home)
        assert found is not None and found.running
        return found

    def store(self) -> Neo4jStore:
        return Neo4jStore(self.server.uri, "neo4j", self.password)

    @property
    def env(self) -> dict[str, str | None]:
        return {"NEO4J_URI": self.server.uri, "NEO4J_PASSWORD": self.password, "NEO4J_USERNAME": None,
                "NEO4J_DATABASE": None, "RELGRAPH_DATA": None}

    def write(self, statement: str) -> None:
        from neo4j import GraphDatabase

        with GraphDatabase.driver(self.server.uri, auth=("neo4j", self.password)) as driver:
            driver.execute_query(statement)

    def empty(self) -> None:
        """No data and no schema but Neo4j's own token indexes: a database as new."""
        self.write("MATCH (n) DETACH DELETE n")
        with self.store() as store:
            for c in store.query("SHOW CONSTRAINTS YIELD name RETURN name"):
                self.write(f"DROP CONSTRAINT `{c['name']}`")
            for i in store.query("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name"):
                self.write(f"DROP INDEX `{i['name']}`")


def graph(store: Neo4jStore) -> list[str]:
    """Every node and relationship with its labels or type, ends, properties and the types of their values."""
    nodes = store.query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props, "
                        "[k IN keys(n) | k + ': ' + valueType(n[k])] AS types")
    rels = store.query("MATCH (s)-[r]->(t) RETURN type(r) AS type, coalesce(s.id, s.name) AS s, "
                       "coalesce(t.id, t.name) AS t, properties(r) AS props, "
                       "[k IN keys(r) | k + ': ' + valueType(r[k])] AS types")
    return sorted([repr((sorted(n["labels"]), sorted(n["props"].items()), sorted(n["types"]))) for n in nodes]
                  + [repr((r["type"], r["s"], r["t"], sorted(r["props"].items()), sorted(r["types"])))
                     for r in rels])


def schema(store: Neo4jStore) -> list[Any]:
    indexes = store.query("SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, owningConstraint "
                          "RETURN * ORDER BY name")
    constraints = store.query("SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties "
                              "RETURN * ORDER BY name")
    return indexes + constraints


def answers(run: Any, running: Running, tmp_path: Path, name: str) -> dict[str, str]:
    """What relgraph commands answer from the database: snapshots, a dump, a timeline."""
    out = {}
    for args in (["show", "--date", "2016-12-20", "--format", "json"], ["show", "--date", "2016-01-01"],
                 ["show", "--date", "2016-12-20", "--include-candidates"], ["timeline", "nobodys-actor"],
                 ["analyze", "balance", "--date", "2016-12-20"]):
        result = run(*args, env=running.env)
        assert result.exit_code == 0, result.output
        # stdout alone: a server just restarted may be slow to grant the read lock, and say so on stderr
        out[" ".join(args)] = result.stdout
    assert run("dump", name, env=running.env).exit_code == 0
    for path in sorted((tmp_path / name).iterdir()):
        out[path.name] = path.read_text(encoding="utf-8")
    return out


@pytest.mark.neo4j
@pytest.mark.parametrize("given", ["dataset", "json lines"])
def test_a_bulk_import_gives_the_graph_and_answers_of_a_load(instance, run, tmp_path, monkeypatch, given):
    data = awkward_dataset(tmp_path)  # with values only the Python API makes
    imported_from: Dataset | Path = data
    if given == "json lines":  # read, checked and written in parts by forked processes, as at scale
        data = dataset.load(awkward_folder(tmp_path))
        imported_from = tmp_path / "awkward.jsonl"
        dataset.write(data, imported_from)
        monkeypatch.setattr(dataset, "can_fork", lambda: True)
    instance.empty()
    pid = instance.server.pid
    done = bulk.import_dataset(imported_from, instance.home, password=instance.password)
    assert (done.actors, done.relations, done.sources, done.custom_types, done.replaced) == (33, 64, 5, 3, 0)
    assert list(done.seconds) == list(bulk.STEPS)
    assert instance.server.pid != pid  # restarted on the new database
    with instance.store() as store:
        imported, imported_schema = graph(store), schema(store)
        assert {i["state"] for i in store.query("SHOW INDEXES YIELD state")} == {"ONLINE"}
        assert store.query("MATCH (l:RelgraphLock) RETURN properties(l) AS l") == [{"l": {"name": "load", "version": 1}}]
    imported_answers = answers(run, instance, tmp_path, "dump-imported")
    with instance.store() as store:
        # a load of the same data finds every fingerprint equal: nothing to write, nothing stale
        again = store.write(data)
        assert (again.actors.unchanged, again.relations.unchanged) == (33, 64)
        assert (again.actors.created + again.actors.updated, again.relations.created + again.relations.updated) == (0, 0)
        assert store.stale(data) == []

    instance.empty()
    with instance.store() as store:
        store.write(data)
        loaded, loaded_schema = graph(store), schema(store)
    assert imported == loaded
    assert imported_schema == loaded_schema
    assert imported_answers == answers(run, instance, tmp_path, "dump-loaded")
    # every node (actors, sources, custom types, the lock) and relationship (relations, links) compared
    assert len(imported) == 33 + 5 + 3 + 1 + 64 + len(links(data))


@pytest.mark.neo4j
def test_the_command_refuses_a_database_with_data_then_replaces_it_whole(instance, run, tmp_path, example):
    instance.empty()
    with instance.store() as store:
        store.write(example)
        version = store.query("MATCH (l:RelgraphLock) RETURN l.version AS v")[0]["v"]
        before = graph(store)
    (tmp_path / "small.yaml").write_text(
        "actors:\n  - {id: russia, name: Russia, kind: state}\n  - {id: turkey, name: Turkey, kind: state}\n"
        "relations:\n  - {source: russia, type: cooperates, target: turkey, start: 2016-summer}\n")
    refused = run("neo4j", "import", "small.yaml", "--dir", str(instance.home), env=instance.env)
    assert refused.exit_code == 1
    held = len(example.actors) + len(example.sources)
    assert refused.output == (f"Error: the database of Neo4j in {instance.home} holds data ({held} nodes), and a bulk "
                              "import replaces the whole database: pass --replace to replace it, or use relgraph load "
                              "to add to it (nothing was changed)\n")
    with instance.store() as store:
        assert graph(store) == before

    replaced = run("neo4j", "import", "small.yaml", "--dir", str(instance.home), "--replace", env=instance.env)
    assert replaced.exit_code == 0, replaced.output
    lines = replaced.output.splitlines()
    assert lines[0] == (f"Imported small.yaml into Neo4j in {instance.home}, replacing {held} nodes: 2 actors, "
                        "1 relation, 0 sources, 0 custom types")
    assert lines[1].startswith("  in ") and "(files " in lines[1] and lines[1].endswith(f"at {instance.server.uri}")
    assert instance.password not in replaced.output
    with instance.store() as store:  # the whole database replaced: nothing of the example is merged or kept
        assert store.query("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label") == [
            {"label": "Actor", "n": 2}, {"label": "RelgraphLock", "n": 1}, {"label": "State", "n": 2}]
        assert store.query("MATCH ()-[r]->() RETURN r.id AS id") == [{"id": "russia.cooperates.turkey.2016-summer"}]
        assert store.query("MATCH (l:RelgraphLock) RETURN l.version AS v") == [{"v": version + 1}]
    assert not (instance.home / bulk.STAGING).exists()


@pytest.mark.neo4j
def test_an_importer_failure_leaves_the_live_database_untouched(instance, example):
    instance.empty()
    with instance.store() as store:
        store.write(example)
        before = graph(store)
    pid = instance.server.pid
    bad = Dataset(actors={"a": Actor("a", "A", "state")},
                  relations={"r": Relation("r", "a", "backs", "nobody", 1)})  # no actor nobody: made, not read
    temporary = set(Path(tempfile.gettempdir()).glob("relgraph-import-*"))
    with pytest.raises(ServerError) as caught:
        bulk.import_dataset(bad, instance.home, password=instance.password, replace=True)
    log = instance.home / "logs" / "import.log"
    assert str(caught.value) == ("neo4j-admin could not import the dataset (exit code 70): a (Actor)-[BACKS]->nobody "
                                 f"(Actor) referring to missing node nobody; see {log}. The live database was not "
                                 "touched")
    assert log.exists()
    assert instance.server.pid == pid  # never stopped
    with instance.store() as store:
        assert graph(store) == before
    assert not (instance.home / bulk.STAGING).exists()
    assert set(Path(tempfile.gettempdir()).glob("relgraph-import-*")) <= temporary


@pytest.mark.neo4j
def test_a_database_that_does_not_start_is_swapped_back(instance, example):
    """The imported store is damaged just before the swap: the server comes back on the database it had."""
    instance.empty()
    with instance.store() as store:
        store.write(example)
        before = graph(store)

    def damage(step: str) -> None:
        if step == "restart":
            shutil.rmtree(instance.home / bulk.STAGING / "data" / "transactions" / "neo4j")
            (instance.home / bulk.STAGING / "data" / "transactions" / "neo4j").mkdir()

    with pytest.raises(ServerError) as caught:
        bulk.import_dataset(example, instance.home, password=instance.password, replace=True, step=damage)
    assert str(caught.value).startswith(f"Neo4j in {instance.home} did not start on the imported database (")
    assert str(caught.value).endswith(f"so the database it held before is back; see {instance.home / 'logs' / 'neo4j.log'}")
    with instance.store() as store:
        assert graph(store) == before
    assert not (instance.home / bulk.STAGING).exists()


@pytest.mark.neo4j
def test_a_load_committed_during_the_import_stops_it_before_the_swap(instance, example):
    instance.empty()
    with instance.store() as store:
        store.write(example)
    meanwhile = Dataset(actors={"someone": Actor("someone", "Someone", "person")})

    def load_meanwhile(step: str) -> None:
        if step == "restart":  # the last moment before the swap takes the load lock
            with instance.store() as store:
                store.write(meanwhile)

    pid = instance.server.pid
    with pytest.raises(StoreError) as caught:
        bulk.import_dataset(example, instance.home, password=instance.password, replace=True, step=load_meanwhile)
    assert str(caught.value) == (f"a load into Neo4j in {instance.home} committed while the import ran, so nothing "
                                 "was replaced: import again")
    assert instance.server.pid == pid
    with instance.store() as store:  # the load that committed is there
        assert store.query("MATCH (a:Actor {id: 'someone'}) RETURN a.name AS name") == [{"name": "Someone"}]
        assert store.query("MATCH (l:RelgraphLock) RETURN l.version AS v") == [{"v": 2}]
    assert not (instance.home / bulk.STAGING).exists()


@pytest.mark.neo4j
def test_a_dataset_with_errors_imports_nothing(instance, run, tmp_path):
    (tmp_path / "bad.yaml").write_text("relations:\n  - {source: russia, type: backs, target: nobody, start: 2016}\n")
    result = run("neo4j", "import", "bad.yaml", "--dir", str(instance.home), "--replace", env=instance.env)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "Error: the dataset has 2 errors; nothing was imported"


@pytest.mark.neo4j
def test_a_wrong_password_is_one_line(instance, run):
    result = run("neo4j", "import", str(example_path()), "--dir", str(instance.home),
                 env={**instance.env, "NEO4J_PASSWORD": "not-the-password-1"})
    assert (result.exit_code, result.output) == (
        1, f"Error: Neo4j in {instance.home} was set up with another password than NEO4J_PASSWORD: set the one it "
           "was set up with (to change it, see 'Changing the password' in the README)\n")


@pytest.mark.neo4j
def test_no_java_is_one_line(instance, run, tmp_path):
    result = run("neo4j", "import", str(example_path()), "--dir", str(instance.home),
                 env={**instance.env, "PATH": str(tmp_path)})
    assert (result.exit_code, result.output) == (1, "Error: java is not installed: install Java 17 or 21 (Debian: "
                                                    "apt-get install openjdk-17-jre-headless), or use relgraph load\n")


@pytest.mark.parametrize("state", ["none", "stopped"])
def test_without_a_running_instance_it_says_what_to_do(run, tmp_path, state):
    home = tmp_path / "instance"
    if state == "stopped":
        neo4j_server.configure(home, tmp_path / "lib", neo4j_server.Settings())
    result = run("neo4j", "import", str(example_path()), "--dir", str(home), env={"NEO4J_PASSWORD": "whatever-123"})
    assert result.exit_code == 1
    assert result.output == {
        "none": f"Error: no Neo4j instance in {home}: relgraph neo4j start makes one (the bulk import works on the "
                "local server relgraph runs, on its own host; for any other server use relgraph load)\n",
        "stopped": f"Error: Neo4j in {home} is stopped: start it with relgraph neo4j start --dir {home}, then import "
                   "again (the import checks what its database holds, and restarts it)\n"}[state]


def test_without_a_password_it_is_a_usage_error(run, tmp_path):
    result = run("neo4j", "import", str(example_path()), "--dir", str(tmp_path))
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2, "Error: no password: set NEO4J_PASSWORD (the password of user neo4j)")


def test_help_says_what_replace_does():
    text = " ".join(CliRunner().invoke(cli, ["neo4j", "import", "--help"]).output.split())
    assert ("--replace Replace a database that holds data: everything in it is deleted, and it then holds PATH "
            "alone (a bulk import never merges with or prunes what was there).") in text
