"""What pip may install: every dependency bounded to the major versions the suite runs on."""

import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement

PROJECT = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())["project"]
REQUIREMENTS = [Requirement(r) for r in PROJECT["dependencies"] + PROJECT["optional-dependencies"]["test"]]


@pytest.mark.parametrize("requirement", REQUIREMENTS, ids=lambda r: r.name)
def test_every_dependency_has_an_upper_bound(requirement):
    assert any(spec.operator == "<" for spec in requirement.specifier), (
        f"{requirement}: bound it below the next major version, as tested")


@pytest.mark.parametrize("requirement", REQUIREMENTS, ids=lambda r: r.name)
def test_the_suite_runs_on_versions_inside_the_bounds(requirement):
    assert requirement.specifier.contains(version(requirement.name), prereleases=True)


def test_a_browser_url_is_refused_by_name_not_with_a_traceback(run):
    """Issue 10: pasting Neo4j Browser's http:// address, which driver 6 would try to use."""
    result = run("show", "--date", "2016-12-20", env={"NEO4J_URI": "http://127.0.0.1:7474"})
    assert result.exit_code == 1, result.output
    assert result.output == ("Error: http://127.0.0.1:7474 is not a Neo4j URI relgraph can use: give bolt://HOST:7687 "
                             "or neo4j://HOST:7687 (or their +s and +ssc forms for TLS); Neo4j Browser's http:// "
                             "address is not one\n")
    assert "Traceback" not in result.output and "aiohttp" not in result.output
