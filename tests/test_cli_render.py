"""relgraph render through CliRunner: dates and series, filters, formats, fragments, errors; files and Neo4j."""

import json
import os
import re
from datetime import date

import pytest
from click.testing import CliRunner

from relgraph import example_path
from relgraph.cli import cli
from relgraph.dataset import load
from relgraph.dates import Duration, dates_between
from relgraph.snapshot import snapshot


def frames(html):
    """The dates a page's slider goes through."""
    data = re.search(r'<script type="application/json">(.*?)</script>', html, re.S).group(1)
    return [frame["date"] for frame in json.loads(data)["frames"]]


def union_counts(days):
    """Actors, relations and sources over the snapshots of ``days``, counted here from the snapshots."""
    graphs = [snapshot(load(example_path()), day) for day in days]
    edges = {(u, v, k): a for g in graphs for u, v, k, a in g.edges(keys=True, data=True)}
    sources = {s["id"] for a in edges.values() for s in a["sources"]}
    return len(set().union(*graphs)), len(edges), len(sources)


def test_a_series_from_to_by_step(run, tmp_path):
    result = run("render", "--from", "2015-01-01", "--to", "2016-12-20", "--step", "1M")
    assert result.exit_code == 0, result.output
    actors, relations, sources = union_counts(dates_between(date(2015, 1, 1), date(2016, 12, 20), Duration(1, "M")))
    assert result.output == ("Wrote relgraph-2015-01-01-to-2016-12-20.html (25 dates from 2015-01-01 to "
                             f"2016-12-20; {actors} actors, {relations} relations, {sources} sources in all)\n")
    dates = frames((tmp_path / "relgraph-2015-01-01-to-2016-12-20.html").read_text())
    assert dates[:3] == ["2015-01-01", "2015-02-01", "2015-03-01"] and dates[-2:] == ["2016-12-01", "2016-12-20"]


def test_a_list_of_dates_repeated_or_with_commas(run, tmp_path):
    result = run("render", "--date", "2016-12-20,2015-06-01", "--date", "2016-01-01", "-o", "three.html")
    assert result.exit_code == 0, result.output
    assert frames((tmp_path / "three.html").read_text()) == ["2015-06-01", "2016-01-01", "2016-12-20"]


def test_filters_narrow_the_page(run, tmp_path):
    result = run("render", "--date", "2016-12-20", "--actor", "Putin", "--depth", "1", "--hide-events")
    assert result.output == "Wrote relgraph-2016-12-20.html (2 actors, 1 relation, 1 source)\n"
    result = run("render", "--date", "2016-12-20", "--types", "backs,fights", "--types", "leads",
                 "--min-confidence", "0.9", "-o", "typed.html")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "typed.html").read_text()
    assert "types: backs, fights, leads; confidence at least 0.9" in html
    types = set(re.findall(r'"type": "([a-z-]+)"', html))
    assert types == {"backs", "fights", "leads"}


def test_actor_by_one_word_of_its_name(run, tmp_path):
    result = run("render", "--date", "2016-12-20", "--actor", "Karlov", "--depth", "1", "-o", "karlov.html")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "karlov.html").read_text()
    assert "within 1 step of Andrei Karlov" in html


def test_images_by_format_or_by_suffix(run, tmp_path):
    result = run("render", "--date", "2016-12-20", "--format", "svg")
    assert result.output == "Wrote relgraph-2016-12-20.svg (22 actors, 42 relations, 2 sources)\n"
    assert (tmp_path / "relgraph-2016-12-20.svg").read_text().lstrip().startswith("<?xml")
    result = run("render", "--date", "2016-12-20", "-o", "print/moscow.png")
    assert result.output == "Wrote print/moscow.png (22 actors, 42 relations, 2 sources)\n"
    assert (tmp_path / "print" / "moscow.png").read_bytes().startswith(b"\x89PNG")
    result = run("render", "--from", "2016-10-01", "--to", "2016-12-01", "--format", "png")
    actors, relations, sources = union_counts(["2016-10-01", "2016-11-01", "2016-12-01"])
    assert result.output == ("Wrote 3 images, relgraph-2016-10-01.png to relgraph-2016-12-01.png "
                             f"({actors} actors, {relations} relations, {sources} sources in all)\n")
    assert {p.name for p in tmp_path.glob("relgraph-2016-1*.png")} == {
        "relgraph-2016-10-01.png", "relgraph-2016-11-01.png", "relgraph-2016-12-01.png"}


def test_a_fragment(run, tmp_path):
    result = run("render", "--date", "2016-12-20", "--fragment", "-o", "part.html")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "part.html").read_text()
    assert html.startswith('<div class="relgraph-graph"') and "<html" not in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render"], "Error: Missing option '--date'. Give --date, or --from and --to (and --step)."),
        (["render", "--date", "2016-02-30"], "Error: Invalid value for '--date': '2016-02-30' is not a calendar day"),
        (["render", "--date", "2016-12-20,2016"],
         "Error: Invalid value for '--date': '2016' is not a single day: give YYYY-MM-DD"),
        (["render", "--from", "2016-01-01"], "Error: --from and --to go together"),
        (["render", "--date", "2016-12-20", "--from", "2016-01-01", "--to", "2016-02-01"],
         "Error: give --date, or --from and --to, not both"),
        (["render", "--date", "2016-12-20", "--step", "1M"], "Error: --step needs --from and --to"),
        (["render", "--from", "2016-12-20", "--to", "2016-01-01"],
         "Error: Invalid value for '--from' / '--to' / '--step': the series ends (2016-01-01) before it "
         "starts (2016-12-20)"),
        (["render", "--from", "2000-01-01", "--to", "2016-01-01", "--step", "1d"],
         "Error: Invalid value for '--from' / '--to' / '--step': from 2000-01-01 to 2016-01-01 by 1d is "
         "more than 500 dates; take a longer step"),
        (["render", "--from", "2016-01-01", "--to", "2016-02-01", "--step", "soon"],
         "Error: Invalid value for '--step': 'soon' is not a duration"),
        (["render", "--date", "2016-12-20", "--actor", "Putn"],
         "Error: Invalid value for '--actor': no actor 'Putn' in the graph of 2016-12-20 (did you mean 'Putin'?)"),
        (["render", "--date", "2016-12-20", "--actor", "Karlv"],
         "Error: Invalid value for '--actor': no actor 'Karlv' in the graph of 2016-12-20 "
         "(did you mean 'Andrei Karlov'?)"),
        (["render", "--date", "2016-12-20", "--types", "backs,figths"],
         "Error: Invalid value for '--types': unknown relation type 'figths' (did you mean 'fights'?)"),
        (["render", "--date", "2016-12-20", "--min-confidence", "2"],
         "Error: Invalid value for '--min-confidence': 2.0 is not in the range 0<=x<=1."),
        (["render", "--date", "2016-12-20", "--fragment", "--format", "png"],
         "Error: Invalid value for '--format': png cannot go with --fragment, which is HTML"),
        (["render", "--date", "2016-12-20", "--format", "gif"], "Error: Invalid value for '--format'"),
    ],
)
def test_usage_mistakes_exit_2_with_one_line_and_write_nothing(run, tmp_path, args, message):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[-1].startswith(message), result.output
    assert "Traceback" not in result.output
    assert not list(tmp_path.iterdir())


@pytest.mark.neo4j
def test_neo4j_gives_the_same_pages_as_the_files(tmp_path, neo4j_target, neo4j_store):
    """The same options, on the same data in Neo4j, write the same bytes."""
    neo4j_store.write(load(example_path()))
    args = ["--from", "2016-01-01", "--to", "2016-12-20", "--step", "3M", "--actor", "turkey", "--depth", "2",
            "--min-confidence", "0.8"]
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        files = CliRunner().invoke(cli, ["render", *args, "-o", "files.html"],
                                   env={"RELGRAPH_DATA": None, "NEO4J_URI": None}, catch_exceptions=False)
        neo4j = CliRunner().invoke(cli, ["render", *args, "-o", "neo4j.html"], env=neo4j_target.env,
                                   catch_exceptions=False)
    finally:
        os.chdir(old)
    assert files.exit_code == neo4j.exit_code == 0, files.output + neo4j.output
    assert (tmp_path / "files.html").read_bytes() == (tmp_path / "neo4j.html").read_bytes()


def test_focus_every_relation_and_the_roles_of_people(run, tmp_path):
    result = run("render", "--date", "2016-12-20", "--focus", "Russia,ankara", "--focus", "Iran", "-o", "f.html")
    assert result.exit_code == 0, result.output
    data = json.loads(re.search(r'<script type="application/json">(.*?)</script>',
                                (tmp_path / "f.html").read_text(), re.S).group(1))
    assert sorted(data["nodes"][i]["id"] for i in data["focus"]) == ["iran", "russia", "turkey"]
    karlov = str(next(i for i, n in enumerate(data["nodes"]) if n["id"] == "andrei-karlov"))
    # the ambassador's relation ended on 19 December: the page still says whom he stood for
    assert data["frames"][0]["roles"][karlov] == "Russia's representative until 2016-12-19"
    result = run("render", "--date", "2016-12-20", "--all-relations", "-o", "all.html")
    data = json.loads(re.search(r'<script type="application/json">(.*?)</script>',
                                (tmp_path / "all.html").read_text(), re.S).group(1))
    assert len(data["lines"]) == len(data["relations"]) == 42


def test_an_unknown_focus_is_a_usage_error(run, tmp_path):
    result = run("render", "--date", "2016-12-20", "--focus", "Rusia")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: Invalid value for '--focus': no actor 'Rusia' in the graph of 2016-12-20 (did you mean 'Russia'?)")
    assert not list(tmp_path.glob("*.html"))


def test_series_images_are_titled_by_date(run, tmp_path):
    result = run("render", "--from", "2016-06-01", "--to", "2016-08-01", "--format", "svg", "--title", "Syria")
    assert result.exit_code == 0, result.output
    for day in ("2016-06-01", "2016-07-01", "2016-08-01"):
        assert f"Syria, {day}</text>" in (tmp_path / f"relgraph-{day}.svg").read_text()
