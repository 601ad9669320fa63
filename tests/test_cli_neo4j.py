"""relgraph load / dump / init / render / show --neo4j, and neo4j start / stop / status, for real."""

import json
import secrets
from pathlib import Path

import pytest
from click.testing import CliRunner

from relgraph import example_path
from relgraph.cli import cli
from relgraph.dataset import load
from relgraph.store import server as neo4j_server

pytestmark = pytest.mark.neo4j


@pytest.fixture
def run(run, neo4j_target, neo4j_store):
    """relgraph with the test server's coordinates in the environment."""
    return lambda *args, env=None: run(*args, env={**neo4j_target.env, **(env or {})})


def test_load_twice_then_render_show_and_dump(run, tmp_path, example, neo4j_target):
    first = run("load", str(example_path()))
    assert first.exit_code == 0, first.output
    assert first.output == (  # one line: no progress bar (nor its label) when stderr is not a terminal
        f"Loaded {example_path()}: actors: 28 created, 0 updated, 0 unchanged, 0 removed; "
        "relations: 55 created, 0 updated, 0 unchanged, 0 removed\n")
    second = run("load", str(example_path()))
    assert second.output.splitlines()[-1].endswith(
        "actors: 0 created, 0 updated, 28 unchanged, 0 removed; relations: 0 created, 0 updated, 55 unchanged, 0 removed")

    rendered = run("render", "--date", "2016-12-20")
    assert rendered.output == "Wrote relgraph-2016-12-20.html (22 actors, 42 relations, 2 sources)\n"
    shown = json.loads(run("show", "--date", "2016-01-01", "--format", "json").output)
    assert "russia.hostile-to.turkey.2015-11" in {r["id"] for r in shown["relations"]}

    dumped = run("dump", "dump")
    assert dumped.output == "Wrote dump: 28 actors, 55 relations, 2 sources, 0 custom types\n"
    again = load(tmp_path / "dump")
    assert (again.actors, again.relations, again.sources) == (example.actors, example.relations, example.sources)
    for result in (first, second, rendered, dumped):
        assert neo4j_target.password not in result.output


def test_a_dataset_with_an_error_halfway_through_writes_nothing(run, tmp_path, neo4j_store, db_counts):
    text = example_path().joinpath("relations.yaml").read_text()
    middle = text.index("  # --- the forces taking Aleppo")
    (tmp_path / "bad").mkdir()
    for name in ("actors.yaml", "sources.yaml"):
        (tmp_path / "bad" / name).write_text(example_path().joinpath(name).read_text())
    (tmp_path / "bad" / "relations.yaml").write_text(
        text[:middle] + "  - {source: russia, type: backs, target: nobody, start: 2016}\n" + text[middle:])
    result = run("load", "bad")
    assert result.exit_code == 1
    assert "field 'target': unknown actor 'nobody'" in result.output
    assert result.output.splitlines()[-1] == "Error: the dataset has 1 error; nothing was written"
    assert db_counts(neo4j_store) == {}


def test_removed_relations_are_reported_then_pruned(run, tmp_path, example):
    run("load", str(example_path()))
    (tmp_path / "small.yaml").write_text(
        "actors:\n  - {id: russia, name: Russia, kind: state, country: RUS, wikidata: Q159, "
        "aliases: [Russian Federation, Moscow]}\n")
    kept = run("load", "small.yaml")
    assert kept.exit_code == 0
    assert f"{len(example.relations)} relations in the database are not in small.yaml" in kept.output
    assert "load with --prune to delete them" in kept.output
    pruned = run("load", "small.yaml", "--prune")
    assert pruned.output.splitlines()[-1].endswith(
        f"actors: 0 created, 0 updated, 1 unchanged, {len(example.actors) - 1} removed; "
        f"relations: 0 created, 0 updated, 0 unchanged, {len(example.relations)} removed")


def test_init_is_repeatable(run):
    assert run("init").output.startswith("Schema ready: ")
    assert run("init").exit_code == 0


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"NEO4J_URI": "bolt://127.0.0.1:1"},
         "Error: cannot reach Neo4j at bolt://127.0.0.1:1: is the server running? (relgraph neo4j start, or see the README)"),
        ({"NEO4J_PASSWORD": "wrong-password-123"},
         "refused the credentials for user 'neo4j' (check NEO4J_USERNAME and NEO4J_PASSWORD)"),
        ({"NEO4J_DATABASE": "nosuchdb"}, "has no database 'nosuchdb'"),
    ],
)
def test_connection_problems_are_one_line_and_exit_1(run, env, message):
    result = run("show", "--date", "2016-12-20", env=env)
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1 and message in result.output
    assert "Traceback" not in result.output and "wrong-password-123" not in result.output


def test_load_needs_a_server_and_data_and_neo4j_together_is_a_usage_error(run, tmp_path):
    result = run("load", str(example_path()), env={"NEO4J_URI": None})
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2, "Error: no Neo4j server given: pass --neo4j URI or set NEO4J_URI")
    both = run("show", "--date", "2016-12-20", "--data", str(example_path()), "--neo4j", "bolt://127.0.0.1:1")
    assert both.exit_code == 2
    assert "choose one with --data or --neo4j" in both.output
    # --data typed on the command line beats NEO4J_URI from the environment
    files = run("show", "--date", "2016-12-20", "--data", str(example_path()), env={"NEO4J_URI": "bolt://127.0.0.1:1"})
    assert files.exit_code == 0


def test_neo4j_start_status_stop(tmp_path, free_port):
    home = tmp_path / "instance"
    bolt, http = free_port(), free_port()
    env = {"NEO4J_PASSWORD": secrets.token_urlsafe(10), "NEO4J_URI": None}
    runner = CliRunner()
    absent = runner.invoke(cli, ["neo4j", "status", "--dir", str(home)], env=env)
    assert (absent.exit_code, absent.output) == (4, f"No Neo4j instance in {home} (relgraph neo4j start makes one)\n")
    started = runner.invoke(cli, ["neo4j", "start", "--dir", str(home), "--bolt-port", str(bolt),
                                  "--http-port", str(http), "--heap", "512m", "--pagecache", "64m"], env=env)
    try:
        assert started.exit_code == 0, started.output
        assert f"Bolt:    bolt://127.0.0.1:{bolt}" in started.output
        assert f"Browser: http://127.0.0.1:{http}/browser/" in started.output
        assert env["NEO4J_PASSWORD"] not in started.output
        status = runner.invoke(cli, ["neo4j", "status", "--dir", str(home)], env=env)
        assert status.exit_code == 0 and f"at bolt://127.0.0.1:{bolt}" in status.output
        import urllib.request

        with urllib.request.urlopen(f"http://127.0.0.1:{http}/browser/", timeout=10) as page:
            assert page.status == 200 and b"Neo4j Browser" in page.read()
        loaded = runner.invoke(cli, ["load", str(example_path()), "--neo4j", f"bolt://127.0.0.1:{bolt}"], env=env)
        assert loaded.exit_code == 0, loaded.output
        other = {**env, "NEO4J_PASSWORD": "another-password-9"}
        wrong = runner.invoke(cli, ["neo4j", "start", "--dir", str(home)], env=other)
        assert wrong.exit_code == 1
        assert wrong.output.startswith(f"Error: Neo4j in {home} was set up with another password than NEO4J_PASSWORD")
        assert "another-password-9" not in wrong.output
        logs = "".join(p.read_text(errors="replace") for p in (home / "logs").rglob("*") if p.is_file())
        assert logs and env["NEO4J_PASSWORD"] not in logs and "another-password-9" not in logs
        assert runner.invoke(cli, ["neo4j", "start", "--dir", str(home)], env=env).exit_code == 0
    finally:
        stopped = runner.invoke(cli, ["neo4j", "stop", "--dir", str(home)], env=env)
    assert stopped.output == "Stopped Neo4j\n"
    down = runner.invoke(cli, ["neo4j", "status", "--dir", str(home)], env=env)
    assert (down.exit_code, down.output) == (3, f"Neo4j in {home} is stopped (relgraph neo4j start starts it)\n")
    wrong = runner.invoke(cli, ["neo4j", "start", "--dir", str(home)], env=other)
    assert wrong.exit_code == 1 and "was set up with another password" in wrong.output
    assert runner.invoke(cli, ["neo4j", "status", "--dir", str(home)], env=env).exit_code == 3  # not left running
    unset = runner.invoke(cli, ["neo4j", "start", "--dir", str(home)], env={**env, "NEO4J_PASSWORD": None})
    assert (unset.exit_code, unset.output.splitlines()[-1]) == (
        2, "Error: no password: set NEO4J_PASSWORD (the password of user neo4j)")
    assert runner.invoke(cli, ["neo4j", "stop", "--dir", str(home)], env=env).output == "Neo4j was not running\n"
    # the data outlives a restart
    server = neo4j_server.start(home, password=env["NEO4J_PASSWORD"], bolt_port=bolt, http_port=http, heap="512m",
                                pagecache="64m")
    try:
        again = runner.invoke(cli, ["show", "--date", "2016-12-20", "--neo4j", server.uri], env=env)
        assert "cooperates" in again.output
        # its JVM maps the class archive the first start made: a JVM that found it unfit would not
        archives = neo4j_server.default_cache() / "class-archives"
        mapped = {line.split()[-1] for line in Path(f"/proc/{server.pid}/maps").read_text().splitlines()
                  if line.rstrip().endswith(".jsa")}
        assert len([m for m in mapped if Path(m).parent == archives]) == 1, mapped  # beside Java's own
    finally:
        neo4j_server.stop(home)


def test_start_refuses_a_taken_port_and_a_short_password(tmp_path, neo4j_target):
    port = int(neo4j_target.uri.rsplit(":", 1)[1]) if neo4j_target.how == "relgraph neo4j start" else None
    runner = CliRunner()
    short = runner.invoke(cli, ["neo4j", "start", "--dir", str(tmp_path / "x"), "--password", "short"])
    assert short.output == "Error: the Neo4j password must have at least 8 characters\n"
    if port is not None:
        taken = runner.invoke(cli, ["neo4j", "start", "--dir", str(tmp_path / "y"), "--bolt-port", str(port),
                                    "--password", "long-enough-1"])
        assert taken.exit_code == 1
        assert taken.output == (f"Error: port {port} on 127.0.0.1 is in use: "
                                "choose another with --bolt-port / --http-port\n")


def test_no_password_is_ever_printed(neo4j_target, tmp_path, run):
    """Whatever the driver says, and wherever the password came from, relgraph prints no credential."""
    secret = "Sup3r-s3cret-pw"
    host = neo4j_target.uri.split("://", 1)[1]
    cases = [
        ({"NEO4J_URI": f"bolt://neo4j:{secret}@127.0.0.1:1", "NEO4J_PASSWORD": secret}, ["show", "--date", "2016-12-20"]),
        ({"NEO4J_URI": f"bolt://neo4j:{secret}@{host}", "NEO4J_PASSWORD": secret}, ["show", "--date", "2016-12-20"]),
        ({"NEO4J_URI": f"neo4j://neo4j:{secret}@127.0.0.1:1", "NEO4J_PASSWORD": secret}, ["load", str(example_path())]),
        ({"NEO4J_URI": f"http://neo4j:{secret}@{host}", "NEO4J_PASSWORD": secret}, ["show", "--date", "2016-12-20"]),
        ({"NEO4J_URI": neo4j_target.uri, "NEO4J_PASSWORD": secret}, ["show", "--date", "2016-12-20"]),
    ]
    for env, args in cases:
        result = run(*args, env=env)
        assert result.exit_code == 1, result.output
        assert secret not in result.output, result.output
        assert len(result.output.strip().splitlines()) == 1 or args[0] == "load", result.output


def test_a_database_a_load_left_unfinished_is_refused_until_a_load_finishes_it(run, neo4j_store):
    assert run("load", str(example_path())).exit_code == 0
    with neo4j_store._session(write=True) as session:  # what a load in batches that stopped leaves behind
        session.run("CREATE (:RelgraphLoad {name: 'load', relations: 55, "
                    "started: datetime('2016-12-20T09:30:00Z')})").consume()
    refusal = ("a load of 55 relations started 2016-12-20 09:30 UTC stopped part way, so the database holds "
               "part of it: load that dataset again to finish it (or any dataset with --prune)")
    for command in (("show", "--date", "2016-12-20"), ("dump", "dumped")):
        refused = run(*command)
        assert (refused.exit_code, refused.output) == (1, f"Error: {refusal}\n")
    checked = run("validate")
    assert checked.exit_code == 1
    assert checked.output.splitlines() == [refusal, "Error: the database has 1 problem"]
    finished = run("load", str(example_path()))
    assert finished.exit_code == 0
    assert finished.output.splitlines()[-1] == (
        "The database held part of an earlier load that had stopped; this load finished it")
    assert run("show", "--date", "2016-12-20").exit_code == 0
    assert run("validate").output == "The database holds every relation id once\n"


def test_validate_without_a_path_lists_each_problem_of_the_database_and_counts_them(run, neo4j_store):
    assert run("load", str(example_path())).exit_code == 0
    with neo4j_store._session(write=True) as session:  # one id under two types, twice: left by old loads
        session.run("MATCH (a:Actor {id: 'russia'}), (b:Actor {id: 'turkey'}) "
                    "UNWIND ['x1', 'x2'] AS id "
                    "CREATE (a)-[:BACKS {id: id, hash: 'h'}]->(b), (a)-[:OPPOSES {id: id, hash: 'h'}]->(b)").consume()
    checked = run("validate")
    assert checked.exit_code == 1
    fix = "load a dataset that holds it, or load with --prune, to make it one"
    assert checked.output.splitlines() == [
        f"relation 'x1' is stored 2 times (BACKS, OPPOSES): {fix}",
        f"relation 'x2' is stored 2 times (BACKS, OPPOSES): {fix}",
        "Error: the database has 2 problems",
    ]
