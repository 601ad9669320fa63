"""The CLI through click's CliRunner: exit codes, exact error lines, no tracebacks."""

import json

import click
import pytest

from relgraph import __version__
from relgraph.cli import cli

BAD = """\
actors:
  - {id: a, name: A, kind: state}
relations:
  - {id: r1, source: a, type: backs, target: b, start: 2012}
  - {id: r2, source: a, type: backs, target: a, start: 2012-13}
"""


def all_commands(group: click.Group = cli, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize("command", [(), *all_commands()], ids=lambda c: " ".join(c) or "relgraph")
def test_help_on_every_command(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage: ")


def listed_options(run, *command):
    """The long option names in the order ``--help`` lists them."""
    import re

    help_text = run(*command, "--help").output
    return re.findall(r"^  (?:-\w, )?(--[\w-]+)", help_text.split("Options:")[1], re.M)


SOURCE = ["--data", "--neo4j", "--database", "--username"]


def test_render_help_lists_options_in_the_order_a_user_needs_them(run):
    """What to show, then filters, then how it looks and where it goes, then where the data comes from."""
    listed = listed_options(run, "render")
    wanted = ["--date", "--from", "--to", "--step", "--window", "--actor", "--depth", "--types", "--min-confidence",
              "--hide-events", "--include-candidates", "--focus", "--format", "--output", "--title", *SOURCE,
              "--help"]
    assert [option for option in listed if option in wanted] == wanted


def commands_reading_data():
    """The commands with the shared data options (--data and --neo4j)."""
    for command in all_commands():
        found = cli
        for name in command:
            found = found.commands[name]
        if {"--data", "--neo4j"} <= {option for p in found.params for option in getattr(p, "opts", ())}:
            yield command


@pytest.mark.parametrize("command", list(commands_reading_data()), ids=" ".join)
def test_where_the_data_comes_from_is_listed_last(run, command):
    """Every command that reads data lists --date (or what it shows) first and its source options last."""
    listed = listed_options(run, *command)
    assert listed[-len(SOURCE) - 1:] == [*SOURCE, "--help"]
    if "--date" in listed:
        assert listed.index("--date") < listed.index("--data")


def test_version(run):
    assert run("--version").output == f"relgraph, version {__version__}\n"


def test_validate_the_example(run):
    from relgraph import example_path

    result = run("validate", str(example_path()))
    assert result.exit_code == 0
    assert result.output.startswith("0 errors, 0 warnings in 3 files: 28 actors, 55 relations")


def test_validate_lists_every_problem_and_exits_1(run, tmp_path):
    (tmp_path / "bad.yaml").write_text(BAD)
    result = run("validate", "bad.yaml")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "bad.yaml:4: error: relation 'r1', field 'target': unknown actor 'b'",
        "bad.yaml:5: error: relation 'r2', field 'start': '2012-13' has no month 13",
        "Error: 2 errors, 0 warnings in 1 file: 1 actor, 0 relations, 0 sources, 0 custom types",
    ]


def test_warnings_alone_exit_0(run, tmp_path):
    (tmp_path / "warn.yaml").write_text(
        "actors:\n  - {id: a, name: A, kind: state}\nrelations:\n  - {source: a, type: meets, target: a, date: 2012}\n")
    result = run("validate", "warn.yaml")
    assert result.exit_code == 0
    assert "warning: relation 1 (a meets a), field 'sources': cites no source" in result.output


def test_render_writes_the_default_file_in_the_working_directory(run, tmp_path):
    result = run("render", "--date", "2016-12-20")
    assert result.exit_code == 0, result.output
    assert result.output == "Wrote relgraph-2016-12-20.html (22 actors, 42 relations, 2 sources)\n"
    html = (tmp_path / "relgraph-2016-12-20.html").read_text()
    assert "Relations on 2016-12-20" in html and "Assad regime" in html


def test_render_output_and_data_options(run, tmp_path, write):
    write("actors:\n  - {id: a, name: Aleph, kind: state}\n  - {id: b, name: Beth, kind: state}\n"
          "relations:\n  - {source: a, type: backs, target: b, start: 2012}\n", "mine.yaml")
    result = run("render", "--date", "2013-01-01", "--data", "mine.yaml", "--output", "out/page.html")
    assert result.exit_code == 0, result.output
    assert result.output == "Wrote out/page.html (2 actors, 1 relation, 0 sources)\n"
    assert "Aleph" in (tmp_path / "out" / "page.html").read_text()


def test_data_from_the_environment(run, write):
    write("actors:\n  - {id: a, name: Aleph, kind: state}\nrelations:\n"
          "  - {source: a, type: meets, target: a, date: 2012-05-01}\n", "env.yaml")
    result = run("show", "--date", "2012-05-02", "--format", "json", env={"RELGRAPH_DATA": "env.yaml"})
    assert [r["id"] for r in json.loads(result.output)["relations"]] == ["a.meets.a.2012-05-01"]


def test_show_breaks_between_stances_and_events(run):
    table = run("show", "--date", "2016-12-20", "--window", "7d").output.splitlines()
    events = table.index("events of the 7d up to 2016-12-20:")
    kinds = {r["id"]: r["kind"] for r in json.loads(
        run("show", "--date", "2016-12-20", "--window", "7d", "--format", "json").output)["relations"]}
    assert sum(k == "stance" for k in kinds.values()) == events - 3
    assert len(table) == events + 1 + sum(k == "event" for k in kinds.values())
    everything = run("show", "--date", "2016-12-20", "--window", "all").output.splitlines()
    assert everything[0].startswith("On 2016-12-20 (every event up to it): ")
    assert "events up to 2016-12-20:" in everything


def test_show_and_ego_say_when_a_pair_is_mixed(run):
    """Summer 2016: Russia's hostility to Turkey ends as their cooperation starts, at season precision."""
    table = run("show", "--date", "2016-07-01").output.splitlines()
    assert table[-2:] == [
        "Pairs with relations of both signs (the tie follows the one named first):",
        "  Russia – Turkey: Russia +cooperates Turkey; mixed: hostile-to until 2016-summer, "
        "cooperates from 2016-summer"]
    ego = run("analyze", "ego", "Russia", "--date", "2016-07-01").output.splitlines()
    turkey = next(line for line in ego if line.split()[1:2] == ["Turkey"])
    assert turkey.split()[0] == "ally"
    assert turkey.endswith("Russia +cooperates Turkey (mixed: hostile-to until 2016-summer, "
                           "cooperates from 2016-summer)")
    assert not any("mixed" in line for line in run("show", "--date", "2016-12-20").output.splitlines())


def test_show_table_and_json(run):
    table = run("show", "--date", "2016-12-20").output.splitlines()
    kinds = [r["kind"] for r in json.loads(run("show", "--date", "2016-12-20", "--format", "json").output)["relations"]]
    assert table[0] == (f"On 2016-12-20 (events of the 30d up to it): {kinds.count('stance')} stances, "
                        f"{kinds.count('event')} events")
    assert table[1] == ""
    assert table[2].split() == ["source", "type", "target", "sign", "when", "conf", "sources"]
    assert any(line.split()[:4] == ["Russia", "cooperates", "Turkey", "+"] for line in table)
    data = json.loads(run("show", "--date", "2016-12-20", "--format", "json").output)
    assert data["date"] == "2016-12-20" and data["event_window"] == "30d"
    assert "russia.cooperates.turkey.2016-summer" in {r["id"] for r in data["relations"]}
    early = json.loads(run("show", "--date", "2016-12-20", "--window", "all", "--format", "json").output)
    assert len(early["relations"]) > len(data["relations"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "--date", "2016-13-01"], "Error: Invalid value for '--date': '2016-13-01' is not a calendar day (month must be in 1..12)"),
        (["render", "--date", "2016"], "Error: Invalid value for '--date': '2016' is not a single day: give YYYY-MM-DD"),
        (["show", "--date", "2016-12-20", "--window", "soon"],
         "Error: Invalid value for '--window': 'soon' is not a duration"),
        (["render"], "Error: Missing option '--date'."),
        (["show", "--date", "2016-12-20", "--format", "xml"], "Error: Invalid value for '--format'"),
    ],
)
def test_usage_mistakes_exit_2_with_one_line(run, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1].startswith(message)
    assert "Traceback" not in result.output


def test_bad_data_exits_1_without_a_traceback(run, tmp_path):
    (tmp_path / "bad.yaml").write_text(BAD)
    result = run("render", "--date", "2016-12-20", "--data", "bad.yaml")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "Error: the dataset has 2 errors; nothing was read"
    assert not (tmp_path / "relgraph-2016-12-20.html").exists()
    missing = run("show", "--date", "2016-12-20", "--data", "nowhere.yaml")
    assert missing.exit_code == 1
    assert missing.output.splitlines() == ["nowhere.yaml: error: no such file or directory",
                                           "Error: the dataset has 1 error; nothing was read"]


def test_validate_of_nothing_readable_says_why_without_counting_what_it_never_read(run, tmp_path):
    (tmp_path / "empty").mkdir()
    for path, why in [("nowhere.yaml", "no such file or directory"),
                      ("empty", "no dataset files (.yaml, .yml, .jsonl) in this directory")]:
        result = run("validate", path)
        assert result.exit_code == 1
        assert result.output.splitlines() == [f"{path}: error: {why}", "Error: 1 error, 0 warnings"]


def test_help_is_fast_because_heavy_libraries_load_lazily():
    import subprocess
    import sys

    code = ("import sys, relgraph.cli; "
            "print(sorted(m for m in ('networkx', 'pyvis', 'neo4j', 'matplotlib', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
