"""Exports read back with NetworkX: GEXF intervals for Gephi's timeline, GraphML, node-link JSON."""

import json
from datetime import date

import networkx as nx
import pytest
from signed_graphs import EXAMPLE, on

from relgraph.errors import FormatError
from relgraph.render import export
from relgraph.render.interchange import export_graph

HOSTILE = "russia.hostile-to.turkey.2015-11"
COOPERATES = "russia.cooperates.turkey.2016-summer"
SHOOT_DOWN = "turkey.shoots-down.russia.2015-11"


def edges_by_id(graph):
    return {a["id"]: a for _, _, a in graph.edges(data=True)}


@pytest.fixture(scope="module")
def gexf_history(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "history.gexf"
    export(EXAMPLE, path, format="gexf")
    return path


def test_the_history_gexf_is_dynamic_with_date_intervals(gexf_history):
    text = gexf_history.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    graph = nx.read_gexf(gexf_history)
    assert graph.graph["mode"] == "dynamic"
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (len(EXAMPLE.actors), len(EXAMPLE.relations))
    edges = edges_by_id(graph)
    # Hostile from November 2015 to the end of the summer of 2016; cooperating since the summer's first day.
    assert (edges[HOSTILE]["start"], edges[HOSTILE]["end"]) == ("2015-11-01", "2016-08-31")
    assert edges[COOPERATES]["start"] == "2016-06-01" and "end" not in edges[COOPERATES]
    assert (edges[SHOOT_DOWN]["start"], edges[SHOOT_DOWN]["end"]) == ("2015-11-01", "2015-11-30")
    # GEXF reserves type, start and end: there, and only there, they are renamed
    assert edges[HOSTILE]["relation"] == "hostile-to" and edges[HOSTILE]["start_text"] == "2015-11"
    assert (edges[HOSTILE]["first"], edges[HOSTILE]["last"]) == ("2015-11-01", "2016-08-31")
    sources = json.loads(edges[HOSTILE]["sources"])
    assert sources[0]["id"] == "syria-daily-2016-12-20" and sources[0]["evidence"]


def test_actors_appear_with_their_first_relation_and_leave_with_their_last(gexf_history):
    graph = nx.read_gexf(gexf_history)
    karlov = graph.nodes["andrei-karlov"]
    assert (karlov["start"], karlov["end"]) == ("2013-01-01", "2016-12-19")
    assert graph.nodes["bashar-al-assad"]["start"] == "2000-07-17"
    assert "end" not in graph.nodes["russia"]  # its backing of the regime is ongoing
    for u, v, a in graph.edges(data=True):
        for n in (graph.nodes[u], graph.nodes[v]):
            # Every edge lies within both of its actors' intervals (a missing bound is open).
            if "start" in n:
                assert "start" in a and n["start"] <= a["start"]
            if "end" in n:
                assert "end" in a and a["end"] <= n["end"]


def test_a_snapshot_gexf_is_static(tmp_path):
    path = tmp_path / "day.gexf"
    summary = export(on("2016-12-20"), path, format="gexf")
    graph = nx.read_gexf(path)
    assert graph.graph["mode"] == "static" and not summary.history
    assert graph.number_of_edges() == on("2016-12-20").number_of_edges() == summary.relations
    assert all("start" not in a for _, _, a in graph.edges(data=True))


def test_graphml_round_trip(tmp_path):
    path = tmp_path / "history.graphml"
    export(EXAMPLE, path, format="graphml")
    graph = nx.read_graphml(path)
    assert isinstance(graph, nx.MultiDiGraph)
    edges = {k: a for _, _, k, a in graph.edges(keys=True, data=True)}
    assert set(edges) == set(EXAMPLE.relations)
    assert (edges[HOSTILE]["sign"], edges[HOSTILE]["end"], edges[HOSTILE]["last"]) == (-1, "2016-summer",
                                                                                         "2016-08-31")
    assert edges[HOSTILE]["type"] == "hostile-to"
    assert json.loads(graph.nodes["russia"]["aliases"]) == ["Russian Federation", "Moscow"]


def test_json_is_node_link_and_keeps_lists(tmp_path):
    path = tmp_path / "day.json"
    export(on("2016-01-01"), path, format="json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["graph"]["date"] == "2016-01-01"
    graph = nx.node_link_graph(data, edges="edges")
    edges = edges_by_id(graph)
    assert HOSTILE in edges and COOPERATES not in edges
    assert isinstance(edges[HOSTILE]["sources"], list) and edges[HOSTILE]["end"] == "2016-summer"
    assert data["graph"]["version"] == 1


def test_the_export_graph_keeps_lists_and_none():
    graph = export_graph(EXAMPLE)
    assert graph.graph["history"] is True
    firsts = [a["first"] for _, _, a in graph.edges(data=True) if a["first"]]
    assert min(firsts) == date(2000, 7, 17).isoformat()
    assert graph.edges["russia", "turkey", COOPERATES]["last"] is None


def test_the_format_comes_from_the_option_else_the_suffix_else_gexf(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert export(EXAMPLE, "a.graphml").format == "graphml"
    assert export(EXAMPLE, "a.json", format="gexf").format == "gexf"
    assert export(EXAMPLE).paths == (tmp_path.joinpath("relgraph-history.gexf").relative_to(tmp_path),)
    assert export(on("2016-12-20"), format="json").paths[0].name == "relgraph-2016-12-20.json"


def test_an_unknown_format_is_refused(tmp_path):
    with pytest.raises(FormatError, match="unknown format 'dot'"):
        export(EXAMPLE, tmp_path / "x.dot", format="dot")
    with pytest.raises(FormatError, match=r"cannot tell the format from 'x\.dot'") as caught:
        export(EXAMPLE, tmp_path / "x.dot")
    assert caught.value.option == "output"
