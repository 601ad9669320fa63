"""The docs keep up with the code: every command has help text and a row in the README."""

import itertools
import re
import shlex
from pathlib import Path

import click
import pytest

import relgraph.render
from relgraph.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group = cli, prefix: str = "relgraph"):
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            yield from commands(command, path)
        else:
            yield path, command


@pytest.mark.parametrize(("path", "command"), list(commands()), ids=lambda x: x if isinstance(x, str) else "")
def test_every_command_has_help_and_a_row_in_the_command_reference(path, command):
    assert command.help and len(command.help.split()) >= 5, f"{path} needs help text"
    reference = README.split("## Command reference", 1)[1].split("\n## ", 1)[0]
    assert re.search(rf"^\| `{re.escape(path)}[ `]", reference, re.M), f"{path} is missing from the README"


def test_readme_opens_with_exactly_two_setup_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block and README.index(first_block.group(0)) < README.index("\n## ")
    lines = [line for line in first_block.group(1).splitlines() if line.strip()]
    assert lines == ["pip install . && relgraph render --date 2016-12-20",
                     "pip install -e '.[test]' && pytest"]


def test_ci_runs_the_readme_test_command():
    test_command = re.search(r"```sh\n(.*?)```", README, re.S).group(1).splitlines()[1]
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_the_development_layout_lists_every_render_module():
    """Each file and folder of relgraph/render/ has its own line, with words saying what it holds."""
    layout = re.search(r"^## Development\n.*?^```\nrelgraph/\n(.*?)^```", README, re.S | re.M).group(1)
    render = layout.split("\n  render/", 1)[1].split("\n  cli.py", 1)[0]
    listed = dict(re.findall(r"^    (\S+/?) +(\S.*)$", render, re.M))
    here = Path(relgraph.render.__file__).parent
    shipped = {p.name + ("/" if p.is_dir() else "") for p in here.iterdir()
               if (p.suffix == ".py" or p.is_dir()) and p.name != "__pycache__"}
    assert set(listed) == shipped
    assert all(len(words.split()) >= 4 for words in listed.values())


def test_the_committed_example_report_is_what_its_build_command_writes(tmp_path):
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("report_build", root / "examples" / "report" / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    fresh = build.build(tmp_path / "report.html").read_text(encoding="utf-8")
    committed = (root / "examples" / "report" / "report.html").read_text(encoding="utf-8")
    assert fresh == committed, "examples/report/report.html is stale: run python examples/report/build.py"


def console_examples():
    """``(command, shown output lines, piped)`` for each ``$ relgraph`` line of the README's console blocks
    that runs on the bundled example (not those that need a Neo4j server, or a file the README does not hold)."""
    for block in re.findall(r"```console\n(.*?)```", README, re.S):
        if "NEO4J" in block or "../shared" in block:
            continue  # a server, or files beside the repository that a clone does not have
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if not line.startswith("$ relgraph "):
                continue
            shown = list(itertools.takewhile(lambda x: not x.startswith("$ "), lines[i + 1:]))
            while shown and not shown[-1].strip():  # the blank line before the next command
                shown.pop()
            command = line[2:].split("  #")[0].strip()
            words = shlex.split(command.split(" | ")[0])[1:]
            if words[0] in ("neo4j", "load", "dump", "init") or "bad.yaml" in words:
                continue
            yield pytest.param(words, shown, " | " in command, id=command[:60])


@pytest.mark.parametrize(("words", "shown", "piped"), list(console_examples()))
def test_readme_console_output_is_what_the_command_prints(run, tmp_path, words, shown, piped):
    (tmp_path / "examples").symlink_to(Path(__file__).resolve().parents[1] / "examples")
    result = run(*words)
    assert result.exit_code == 0, result.output
    printed = result.output.splitlines()
    if not piped:
        assert printed == shown
        return
    rest = iter(printed)  # a pipe shows some of the lines: each must be printed, in this order
    assert all(line in rest for line in shown), (shown, printed)


def test_the_readme_python_session_runs_as_shown(tmp_path, monkeypatch):
    import doctest

    block = re.search(r"## Python API.*?```pycon\n(.*?)```", README, re.S).group(1)
    monkeypatch.chdir(tmp_path)
    for name in ("NEO4J_URI", "RELGRAPH_DATA"):
        monkeypatch.delenv(name, raising=False)
    test = doctest.DocTestParser().get_doctest(block, {}, "README.md#python-api", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert (tmp_path / "syria.html").exists() and (tmp_path / "history.gexf").exists()
