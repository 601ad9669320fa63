"""The analysis and export commands through click's CliRunner: exit codes, outputs, exact error lines."""

import json

import networkx as nx
import pytest
from signed_graphs import EXAMPLE, on

COMMANDS = [("analyze",), ("analyze", "balance"), ("analyze", "camps"), ("analyze", "brokers"),
            ("analyze", "ego"), ("diff",), ("timeline",), ("export",)]

BAD = """\
actors:
  - {id: a, name: A, kind: state}
relations:
  - {id: r1, source: a, type: backs, target: nobody, start: 2012}
"""


def last_line(result):
    return result.output.strip().splitlines()[-1]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert result.output.startswith(f"Usage: relgraph {' '.join(command)} ")
    if command != ("analyze",):
        assert "--data" in result.output and "--format" in result.output


def test_balance_lists_the_russia_turkey_assad_tension(run):
    result = run("analyze", "balance", "--date", "2016-12-20")
    assert result.exit_code == 0
    assert result.output.startswith("Balance on 2016-12-20 (events of the 30d up to it):")
    line = next(x for x in result.output.splitlines() if "Russia +cooperates Turkey, Turkey -opposes" in x)
    assert line.split()[:2] == ["++-", "NO"]
    assert line.endswith("Russia +backs Assad regime, Russia +cooperates Turkey, Turkey -opposes Assad regime")


def test_balance_as_json_carries_its_date_and_ties(run):
    result = run("analyze", "balance", "--date", "2016-01-01", "--window", "all", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert (data["date"], data["event_window"]) == ("2016-01-01", None)
    tie = next(t for t in data["signed_ties"] if (t["a"], t["b"]) == ("russia", "turkey"))
    assert (tie["sign"], tie["type"]) == (-1, "hostile-to")


def test_camps_put_iran_and_the_regime_together_and_the_opposition_apart(run):
    result = run("analyze", "camps", "--date", "2016-12-20", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["method"] == "exact" and data["date"] == "2016-12-20"
    where = {actor: i for i, camp in enumerate(data["camps"]) for actor in camp}
    assert where["iran"] == where["assad-regime"] != where["syrian-opposition"]
    table = run("analyze", "camps", "--date", "2016-12-20").output
    assert table.startswith("Camps on 2016-12-20") and "(exact;" in table.splitlines()[0]
    assert "  Russia +cooperates Turkey" in table.splitlines()


def test_brokers_name_the_deal_brokers(run):
    result = run("analyze", "brokers", "--date", "2016-12-10")
    assert result.exit_code == 0
    assert "  Russia brokers First Aleppo evacuation agreement (2016-12-01/2016-12-16), across camps:" in \
        result.output


def test_ego_marks_inferred_adversaries(run):
    result = run("analyze", "ego", "turkey", "--date", "2016-12-20")
    assert result.exit_code == 0
    rows = {line.split("  ")[0]: line for line in result.output.splitlines() if "Iran " in line}
    assert "adversary (inferred)" in rows
    assert "friend of my enemy: Assad regime" in rows["adversary (inferred)"]


def test_ego_of_an_unknown_actor(run):
    result = run("analyze", "ego", "Narnia", "--date", "2016-12-20")
    assert result.exit_code == 2
    assert last_line(result) == "Error: Invalid value for ACTOR: no actor 'Narnia' in the graph of 2016-12-20"


def test_diff_reports_the_russia_turkey_flip(run):
    result = run("diff", "--from", "2016-01-01", "--to", "2016-12-20")
    assert result.exit_code == 0
    assert "  Russia – Turkey: Russia -hostile-to Turkey -> Russia +cooperates Turkey" in result.output.splitlines()
    data = json.loads(run("diff", "--from", "2016-01-01", "--to", "2016-12-20", "--format", "json").output)
    assert (data["version"], data["kind"], data["from_date"], data["to_date"]) == (1, "diff", "2016-01-01",
                                                                                  "2016-12-20")
    assert [(t["a"], t["b"]) for t in data["flipped"]] == [("russia", "turkey")]
    assert "ankara-gunman.assassinates.andrei-karlov.2016-12-19" in [e["id"] for e in data["events"]]


def test_diff_backwards_is_a_usage_error(run):
    result = run("diff", "--from", "2016-12-20", "--to", "2016-01-01")
    assert result.exit_code == 2
    assert last_line(result) == "Error: Invalid value for '--to': 2016-01-01 is before the earlier date, 2016-12-20"


def test_timeline_of_a_pair_by_alias(run):
    result = run("timeline", "Moscow", "Ankara")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Russia and Turkey: 4 relations"
    assert lines[1].startswith("2015-11 ") and "Turkey -shoots-down Russia" in lines[1]
    assert lines[2].startswith("    Russia, Iran and Turkey to confer in Moscow on Syria (2016-12-20): ")
    data = json.loads(run("timeline", "russia", "turkey", "--no-events", "--format", "json").output)
    assert [e["type"] for e in data["entries"]] == ["hostile-to", "cooperates", "tolerates"]


def test_timeline_by_one_word_of_a_name(run):
    result = run("timeline", "karlov")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("Andrei Karlov: ")


def test_timeline_errors(run):
    result = run("timeline", "Rusia")
    assert result.exit_code == 2
    assert last_line(result) == "Error: Invalid value for ACTOR: no actor 'Rusia' in the dataset (did you mean 'Russia'?)"
    result = run("timeline", "russia", "Moscow")
    assert result.exit_code == 2
    assert last_line(result) == "Error: Invalid value for OTHER: give two different actors"


def test_export_the_history_as_gexf_by_default(run, tmp_path):
    result = run("export")
    assert result.exit_code == 0
    assert result.output == ("Wrote relgraph-history.gexf (gexf, the whole history, with time intervals: "
                             f"{len(EXAMPLE.actors)} actors, {len(EXAMPLE.relations)} relations, "
                             f"{len(EXAMPLE.sources)} sources)\n")
    graph = nx.read_gexf(tmp_path / "relgraph-history.gexf")
    assert graph.graph["mode"] == "dynamic"


def test_export_a_snapshot_with_the_format_from_the_suffix(run, tmp_path):
    result = run("export", "--date", "2016-12-20", "--output", "moscow.graphml")
    assert result.exit_code == 0
    assert result.output.startswith("Wrote moscow.graphml (graphml, 2016-12-20: ")
    assert nx.read_graphml(tmp_path / "moscow.graphml").number_of_edges() == on("2016-12-20").number_of_edges()


def test_export_errors(run, tmp_path):
    result = run("export", "--output", "graph.dot")
    assert result.exit_code == 2
    assert last_line(result) == ("Error: Invalid value for '--output': cannot tell the format from 'graph.dot': "
                                 "give --format gexf, graphml or json")
    (tmp_path / "a-file").write_text("")
    result = run("export", "--output", "a-file/graph.gexf")
    assert result.exit_code == 1
    assert last_line(result) == "Error: cannot write a-file/graph.gexf: File exists"


@pytest.mark.parametrize("command", [("analyze", "balance", "--date", "2016-12-20"), ("timeline", "a"),
                                     ("export",), ("diff", "--from", "2016-01-01", "--to", "2016-02-01")])
def test_a_dataset_with_errors_is_refused_whole(run, tmp_path, command):
    (tmp_path / "bad.yaml").write_text(BAD, encoding="utf-8")
    result = run(*command, "--data", "bad.yaml")
    assert result.exit_code == 1
    assert last_line(result) == "Error: the dataset has 1 error; nothing was read"
    assert not list(tmp_path.glob("relgraph-*"))


@pytest.mark.neo4j
def test_the_answers_are_the_same_from_neo4j(run, tmp_path, example, neo4j_store, neo4j_target):
    neo4j_store.write(example)
    for command in (("analyze", "balance", "--date", "2016-12-20"), ("analyze", "camps", "--date", "2016-12-20"),
                    ("analyze", "ego", "Turkey", "--date", "2016-01-01"),
                    ("diff", "--from", "2016-01-01", "--to", "2016-12-20"), ("timeline", "russia", "turkey")):
        from_files = run(*command, "--format", "json")
        from_neo4j = run(*command, "--format", "json", env=neo4j_target.env)
        assert from_neo4j.exit_code == from_files.exit_code == 0, from_neo4j.output
        assert json.loads(from_neo4j.output) == json.loads(from_files.output), command
    assert run("export", "--output", "db.json", env=neo4j_target.env).exit_code == 0
    assert run("export", "--output", "files.json").exit_code == 0
    db, files = (json.loads((tmp_path / name).read_text(encoding="utf-8")) for name in ("db.json", "files.json"))
    assert db == files
