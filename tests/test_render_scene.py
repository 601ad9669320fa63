"""What a picture shows: the scene built once from one snapshot or a series, for the page and the images."""

import math

import networkx as nx
import pytest

from relgraph.dataset import load
from relgraph.render.scene import Frame, build_scene, duration_words, is_web_url
from relgraph.snapshot import snapshot

DATA = """
sources:
  - {id: s1, title: One, publisher: P, url: "https://example.org/1", published: 2016-07}
  - {id: s2, title: Two}
actors:
  - {id: a, name: A, kind: state, aliases: [Alpha]}
  - {id: b, name: B, kind: state}
  - {id: c, name: C, kind: armed-group}
  - {id: d, name: D, kind: person}
relations:
  - {id: r1, source: a, type: backs, target: b, start: 2016, sources: [{ref: s1, evidence: E1}]}
  - {id: r2, source: a, type: opposes, target: c, start: 2016-06, end: 2016-08, confidence: 0.5,
     sources: [{ref: s1, evidence: E2}, {ref: s2}]}
  - {id: r3, source: b, type: attacks, target: c, date: 2016-12-10, sources: [{ref: s2, evidence: E3}]}
"""
"""Nodes sort as a, b, c (0, 1, 2) and edges as (a, b, r1), (a, c, r2), (b, c, r3) (0, 1, 2).
On 2016-03-01 only r1 holds; on 2016-07-01 r1 and r2; on 2016-12-20 r1 and the attack r3. D never appears."""

DATES = ("2016-03-01", "2016-07-01", "2016-12-20")


@pytest.fixture
def data(write):
    return load(write(DATA))


@pytest.fixture
def series(data):
    return [snapshot(data, d) for d in DATES]


def graph(day="2016-12-20", window="30d"):
    return nx.MultiDiGraph(date=day, event_window=window, types={})


def add_edge(g, u, v, key, sign=1, sources=(), **attrs):
    for node in (u, v):
        g.add_node(node, name=node.upper(), kind="state", aliases=[])
    g.add_edge(u, v, key=key, id=key, type=attrs.pop("type", "backs"), sign=sign, kind="stance",
               symmetric=False, confidence=1.0, sources=list(sources), **attrs)


def test_one_graph(data):
    scene = build_scene([snapshot(data, "2016-07-01")])
    assert scene.title == "Relations on 2016-07-01"
    assert [n["id"] for n in scene.nodes] == ["a", "b", "c"]
    assert [e["id"] for e in scene.edges] == ["r1", "r2"]
    (frame,) = scene.frames
    assert (frame.date, frame.window, frame.nodes, frame.edges, frame.sources) == (
        "2016-07-01", "30d", [0, 1, 2], [0, 1], 2)
    assert frame.caption == "3 actors and 2 relations on 2016-07-01"


def test_a_series_holds_the_union_and_each_frame_what_its_date_shows(series):
    scene = build_scene(series)
    assert scene.title == "Relations from 2016-03-01 to 2016-12-20"
    assert [n["id"] for n in scene.nodes] == ["a", "b", "c"]
    assert [(e["id"], e["source"], e["target"]) for e in scene.edges] == [("r1", 0, 1), ("r2", 0, 2), ("r3", 1, 2)]
    assert [(f.date, f.nodes, f.edges, f.sources) for f in scene.frames] == [
        ("2016-03-01", [0, 1], [0], 1),
        ("2016-07-01", [0, 1, 2], [0, 1], 2),
        ("2016-12-20", [0, 1, 2], [0, 2], 2),
    ]


def test_a_title_given_wins(series):
    assert build_scene(series, title="Aleppo").title == "Aleppo"


def test_nodes_carry_the_actor_and_where_and_how_to_draw_it(series):
    a = build_scene(series).nodes[0]
    assert {k: a[k] for k in ("id", "name", "kind", "aliases", "country", "part_of", "description")} == {
        "id": "a", "name": "A", "kind": "state", "aliases": ["Alpha"], "country": None, "part_of": None,
        "description": None}
    assert (a["shape"], a["colour"]) == ("dot", "#56B4E9")
    assert all(math.isfinite(n["x"]) and math.isfinite(n["y"]) for n in build_scene(series).nodes)


def test_edges_carry_the_relation_and_how_to_draw_it(series):
    r2 = build_scene(series).edges[1]
    assert set(r2) == {"id", "type", "sign", "kind", "symmetric", "start", "start_precision", "end",
                       "end_precision", "date", "date_precision", "confidence", "notes", "source", "target",
                       "colour", "dashed", "head", "width", "curve", "sources"}
    assert (r2["type"], r2["sign"], r2["kind"], r2["start"], r2["end"], r2["confidence"]) == (
        "opposes", -1, "stance", "2016-06", "2016-08", 0.5)
    assert (r2["dashed"], r2["head"], r2["curve"]) == (False, "bar", 0.0)
    r3 = build_scene(series).edges[2]
    assert (r3["kind"], r3["date"], r3["dashed"], r3["head"]) == ("event", "2016-12-10", True, "vee")


def test_sources_are_listed_once_and_edges_point_into_the_list(series):
    scene = build_scene(series)
    assert scene.sources == [
        {"title": "One", "publisher": "P", "published": "2016-07", "url": "https://example.org/1"},
        {"title": "Two", "publisher": None, "published": None, "url": None},
    ]
    assert [e["sources"] for e in scene.edges] == [[(0, "E1")], [(0, "E2"), (1, None)], [(1, "E3")]]


def test_sources_without_an_id_are_told_apart_by_title_and_url_and_unsafe_links_are_dropped():
    g = graph()
    evil = {"title": "T", "url": "javascript:alert(1)", "evidence": "x"}
    add_edge(g, "a", "b", "r1", sources=[evil])
    add_edge(g, "a", "c", "r2", sources=[{**evil, "evidence": "y"}, {"title": "T", "url": "https://e.org/t"}])
    scene = build_scene([g])
    assert [(s["title"], s["url"]) for s in scene.sources] == [("T", None), ("T", "https://e.org/t")]
    assert [e["sources"] for e in scene.edges] == [[(0, "x")], [(0, "y"), (1, None)]]
    assert scene.frames[0].sources == 2


def test_sizes_grow_with_degree_or_are_all_alike(series):
    # 10 + 4 * sqrt(degree), to one decimal: degree 1 -> 14.0, degree 2 -> 15.7
    by_degree = build_scene(series).frames
    assert [f.sizes for f in by_degree] == [[14.0, 14.0], [15.7, 14.0, 14.0], [14.0, 15.7, 14.0]]
    alike = build_scene(series, size_by="none").frames
    assert [f.sizes for f in alike] == [[16.0, 16.0], [16.0, 16.0, 16.0], [16.0, 16.0, 16.0]]


def test_the_legend_lists_the_types_used_and_the_kinds_shown(series):
    scene = build_scene(series)
    assert [(t["name"], t["sign"], t["kind"], t["head"], t["dashed"]) for t in scene.types] == [
        ("attacks", -1, "event", "vee", True), ("backs", 1, "stance", "arrow", False),
        ("opposes", -1, "stance", "bar", False)]
    assert scene.types[1]["description"] == "gives political, material or military support to"
    assert scene.kinds == ["armed-group", "state"]
    assert [t["name"] for t in build_scene(series[:1]).types] == ["backs"]


def geometric(edge, pair):
    """The bend as seen from the pair's lower node: an edge drawn the other way bends the other way."""
    return edge["curve"] if edge["source"] == pair[0] else -edge["curve"]


def test_parallel_edges_bend_apart():
    g = graph()
    for key in ("k1", "k2", "k3"):
        add_edge(g, "a", "b", key)
    add_edge(g, "b", "a", "k4", sign=-1, type="opposes")
    add_edge(g, "a", "c", "k5")
    edges = build_scene([g]).edges
    assert [e["id"] for e in edges] == ["k1", "k2", "k3", "k5", "k4"]
    pair = [e for e in edges if {e["source"], e["target"]} == {0, 1}]
    assert pair[0]["curve"] == 0.0  # the first of a pair is straight
    assert all(e["curve"] != 0 for e in pair[1:])
    assert len({geometric(e, (0, 1)) for e in pair}) == 4
    assert next(e for e in edges if e["id"] == "k5")["curve"] == 0.0  # alone on its pair


def test_two_edges_in_opposite_directions_do_not_overlap():
    g = graph()
    add_edge(g, "a", "b", "ab1")
    add_edge(g, "a", "b", "ab2")
    add_edge(g, "b", "a", "ba")
    edges = build_scene([g]).edges
    bends = [geometric(e, (0, 1)) for e in edges]
    assert len(set(bends)) == 3
    # the second a->b edge and the b->a edge sit on opposite sides of the straight one
    assert bends[0] == 0 and bends[1] * bends[2] < 0


def test_a_graph_with_no_edges_and_nodes_without_names():
    g = graph(window=None)
    g.add_node("x", kind="mystery")
    scene = build_scene([g])
    assert [(n["id"], n["name"], n["aliases"], n["shape"]) for n in scene.nodes] == [("x", "x", [], "dot")]
    assert scene.edges == [] and scene.sources == [] and scene.types == []
    assert scene.frames[0].caption == "1 actor and 0 relations on 2016-12-20"
    assert scene.frames[0].shows == "stances that hold that day, and every event up to it"


def test_frame_words():
    frame = Frame("2016-12-20", "30d", [0, 1], [14.0, 14.0], [0], 1, filters="only type backs")
    assert frame.caption == "2 actors and 1 relation on 2016-12-20"
    assert frame.shows == "stances that hold that day, and events of the 30 days up to it; only type backs"
    assert Frame("2016-12-20", "1M", [], [], [], 0).shows == (
        "stances that hold that day, and events of the 1 month up to it")


def test_filters_of_the_graph_reach_the_frame():
    g = graph()
    g.graph["filters"] = "only Russia's relations"
    g.add_node("x", name="X", kind="state")
    assert build_scene([g]).frames[0].filters == "only Russia's relations"


def test_nothing_to_draw_or_a_bad_size_measure():
    with pytest.raises(ValueError, match=r"^a scene needs at least one snapshot graph$"):
        build_scene([])
    with pytest.raises(ValueError, match=r"^size_by must be one of degree, none, not 'area'$"):
        build_scene([graph()], size_by="area")


@pytest.mark.parametrize(("text", "words"), [
    ("30d", "30 days"), ("1d", "1 day"), ("2w", "2 weeks"), ("1w", "1 week"), ("1M", "1 month"),
    ("3M", "3 months"), ("1y", "1 year"), ("10y", "10 years"), ("0d", "0 days"),
    ("all", "all"), ("30 d", "30 d"), ("1m", "1m"),
])
def test_duration_words(text, words):
    assert duration_words(text) == words


@pytest.mark.parametrize(("url", "shown"), [
    ("https://example.org", True), ("http://example.org/a?b=c", True), ("HTTPS://EXAMPLE.ORG", True),
    ("javascript:alert(1)", False), ("JavaScript:alert(1)", False), ("data:text/html,<b>x</b>", False),
    ("ftp://example.org", False), ("//example.org", False), ("https:", False), (" https://example.org", False),
    ("", False), (None, False), (42, False),
])
def test_is_web_url(url, shown):
    assert is_web_url(url) is shown
