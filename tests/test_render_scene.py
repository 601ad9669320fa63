"""What a picture shows: the scene built once from one snapshot or a series, for the page and the images."""

import math

import networkx as nx
import pytest

from relgraph.analysis.ties import signed_ties
from relgraph.dataset import load
from relgraph.errors import UnknownActor
from relgraph.render.scene import FOCUS_GROWTH, NODE_SCALE, Frame, build_scene, duration_words, is_web_url
from relgraph.render.style import node_size
from relgraph.render.view import DESIGN_WIDTH, fit
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
"""Nodes sort as a, b, c (0, 1, 2) and relations as r1, r2, r3 (0, 1, 2); each pair has one relation, so
one line. On 2016-03-01 only r1 holds; on 2016-07-01 r1 and r2; on 2016-12-20 r1 and the attack r3."""

DATES = ("2016-03-01", "2016-07-01", "2016-12-20")


@pytest.fixture
def data(write):
    return load(write(DATA))


@pytest.fixture
def series(data):
    return [snapshot(data, d) for d in DATES]


@pytest.fixture(scope="module")
def moscow(example):
    return snapshot(example, "2016-12-20")


def graph(day="2016-12-20", window="30d"):
    return nx.MultiDiGraph(date=day, event_window=window, types={})


def add_edge(g, u, v, key, sign=1, sources=(), kind="stance", **attrs):
    for node in (u, v):
        g.add_node(node, name=node.upper(), kind="state", aliases=[])
    g.add_edge(u, v, key=key, id=key, type=attrs.pop("type", "backs"), sign=sign, kind=kind,
               symmetric=attrs.pop("symmetric", False), confidence=attrs.pop("confidence", 1.0),
               sources=list(sources), **attrs)


def test_one_graph(data):
    scene = build_scene([snapshot(data, "2016-07-01")])
    assert scene.title == "Relations on 2016-07-01"
    assert [n["id"] for n in scene.nodes] == ["a", "b", "c"]
    assert [r["id"] for r in scene.relations] == ["r1", "r2"]
    (frame,) = scene.frames
    assert (frame.date, frame.window, frame.nodes, frame.relations, frame.sources) == (
        "2016-07-01", "30d", [0, 1, 2], [0, 1], 2)
    assert [scene.lines[k]["relations"] for k in frame.lines] == [[0], [1]]
    assert frame.caption == "3 actors and 2 relations on 2016-07-01"
    assert frame.title == "Relations on 2016-07-01"


def test_a_series_holds_the_union_and_each_frame_what_its_date_shows(series):
    scene = build_scene(series)
    assert scene.title == "Relations from 2016-03-01 to 2016-12-20"
    assert [(r["id"], r["source"], r["target"]) for r in scene.relations] == [("r1", 0, 1), ("r2", 0, 2), ("r3", 1, 2)]
    assert [(f.date, f.nodes, f.relations, f.sources) for f in scene.frames] == [
        ("2016-03-01", [0, 1], [0], 1),
        ("2016-07-01", [0, 1, 2], [0, 1], 2),
        ("2016-12-20", [0, 1, 2], [0, 2], 2),
    ]
    assert [f.since for f in scene.frames] == [
        None, "Since 2016-03-01: 1 relation appeared, 0 ended.", "Since 2016-07-01: 1 relation appeared, 1 ended."]


def test_each_date_has_its_own_title(series):
    assert [f.title for f in build_scene(series).frames] == [f"Relations on {d}" for d in DATES]
    titled = build_scene(series, title="Aleppo")
    assert titled.title == "Aleppo" and [f.title for f in titled.frames] == [f"Aleppo, {d}" for d in DATES]
    assert build_scene(series[:1], title="Aleppo").frames[0].title == "Aleppo"


def test_nodes_carry_the_actor_and_where_and_how_to_draw_it(series):
    a = build_scene(series).nodes[0]
    assert {k: a[k] for k in ("id", "name", "kind", "aliases", "country", "part_of", "description")} == {
        "id": "a", "name": "A", "kind": "state", "aliases": ["Alpha"], "country": None, "part_of": None,
        "description": None}
    assert (a["shape"], a["colour"], a["dashed"], a["focus"]) == ("dot", "#56B4E9", False, False)
    assert all(math.isfinite(n["x"]) and math.isfinite(n["y"]) for n in build_scene(series).nodes)


def test_relations_carry_their_record_and_sources_are_listed_once(series):
    scene = build_scene(series)
    r2 = scene.relations[1]
    assert (r2["type"], r2["sign"], r2["kind"], r2["start"], r2["end"], r2["confidence"], r2["colour"]) == (
        "opposes", -1, "stance", "2016-06", "2016-08", 0.5, "#D55E00")
    assert scene.sources == [
        {"title": "One", "publisher": "P", "published": "2016-07", "url": "https://example.org/1"},
        {"title": "Two", "publisher": None, "published": None, "url": None},
    ]
    assert [r["sources"] for r in scene.relations] == [[(0, "E1")], [(0, "E2"), (1, None)], [(1, "E3")]]


def test_one_line_per_pair_by_default(moscow):
    scene = build_scene([moscow])
    ids = {n["id"]: i for i, n in enumerate(scene.nodes)}
    pair = [ln for ln in scene.lines if {ln["source"], ln["target"]} == {ids["russia"], ids["assad-regime"]}]
    assert len(pair) == 1
    [line] = pair
    assert sorted(scene.relations[k]["type"] for k in line["relations"]) == ["backs", "fights-alongside"]
    assert (line["sign"], line["colour"], line["dashed"], line["head"]) == (1, "#0072B2", False, "arrow")
    assert line["label"].split(", ")[0] in ("backs", "fights-alongside") and "," in line["label"]
    assert len(scene.lines) < len(scene.relations) == 42
    assert sum(len(ln["relations"]) for ln in scene.lines) == 42  # every relation is on exactly one line


def test_a_lines_sign_is_the_tie_rule_of_the_analysis(moscow):
    """One rule for the sign of a pair: relgraph.analysis.ties, deals and neutral relations included as the
    figure needs them (deals are not dropped from a picture)."""
    scene = build_scene([moscow])
    ties = signed_ties(moscow, exclude_kinds=frozenset())
    by_pair = {frozenset((scene.nodes[ln["source"]]["id"], scene.nodes[ln["target"]]["id"])): ln for ln in scene.lines}
    for a, b, tie in ties.edges(data=True):
        assert by_pair[frozenset((a, b))]["sign"] == tie["sign"], (a, b)
    for pair, line in by_pair.items():
        if not ties.has_edge(*pair):
            assert line["sign"] == 0, pair


def test_every_relation_as_its_own_line_on_request(moscow):
    scene = build_scene([moscow], all_relations=True)
    assert len(scene.lines) == len(scene.relations) == 42
    assert all(len(ln["relations"]) == 1 for ln in scene.lines)
    ids = {n["id"]: i for i, n in enumerate(scene.nodes)}
    pair = [ln for ln in scene.lines if {ln["source"], ln["target"]} == {ids["russia"], ids["assad-regime"]}]
    assert len(pair) == 2 and {ln["curve"] == 0 for ln in pair} == {True, False}


def test_a_pair_of_both_signs_says_so(example):
    scene = build_scene([snapshot(example, "2016-07-01")])
    ids = {n["id"]: i for i, n in enumerate(scene.nodes)}
    [line] = [ln for ln in scene.lines if {ln["source"], ln["target"]} == {ids["russia"], ids["turkey"]}]
    assert line["mixed"] == "mixed: hostile-to until 2016-summer, cooperates from 2016-summer"
    assert line["sign"] == 1  # the cooperation that follows the hostility decides: the tie rule's 4a
    quiet = build_scene([snapshot(example, "2016-12-20")])
    ids = {n["id"]: i for i, n in enumerate(quiet.nodes)}
    [line] = [ln for ln in quiet.lines if {ln["source"], ln["target"]} == {ids["russia"], ids["turkey"]}]
    assert line["mixed"] is None


def test_candidates_are_lines_of_their_own_drawn_apart():
    g = graph()
    add_edge(g, "a", "b", "curated")
    add_edge(g, "a", "b", "extracted", type="opposes", sign=-1, review="pending")
    add_edge(g, "a", "c", "accepted", review="accepted")
    scene = build_scene([g])
    lines = {tuple(scene.relations[k]["id"] for k in ln["relations"]): ln for ln in scene.lines}
    assert set(lines) == {("curated",), ("extracted",), ("accepted",)}
    candidate = lines["extracted",]
    assert candidate["candidate"] and candidate["colour"] == "#EAAF80" and candidate["curve"] != 0  # #D55E00, lighter
    assert not lines["curated",]["candidate"] and not lines["accepted",]["candidate"]
    (frame,) = scene.frames
    assert frame.candidates == 1 and "1 candidate relation waiting for review, drawn dotted." in frame.text


def test_the_legend_of_each_date_lists_what_that_date_shows(series):
    scene = build_scene(series)
    assert [t["name"] for t in scene.types] == ["attacks", "backs", "opposes"]
    assert [(f.types, f.kinds) for f in scene.frames] == [
        (["backs"], ["state"]), (["backs", "opposes"], ["armed-group", "state"]),
        (["attacks", "backs"], ["armed-group", "state"])]
    assert scene.types[1]["description"] == "gives political, material or military support to"


def test_sizes_grow_with_degree_or_are_all_alike_and_the_focus_stands_out(series):
    sized = build_scene(series).frames[1]
    assert sized.sizes == [round(node_size(d) * NODE_SCALE, 1) for d in (2, 1, 1)]
    assert {s for f in build_scene(series, size_by="none").frames for s in f.sizes} == {round(16 * NODE_SCALE, 1)}
    focused = build_scene(series, focus=["alpha"])
    assert focused.focus == [0] and focused.nodes[0]["focus"] and not focused.nodes[1]["focus"]
    assert focused.frames[1].sizes[0] == round(node_size(2) * NODE_SCALE * FOCUS_GROWTH, 1)
    with pytest.raises(UnknownActor, match=r"no actor 'Zed' in the graphs from 2016-03-01 to 2016-12-20"):
        build_scene(series, focus=["Zed"])


def test_people_show_whom_they_stand_for_on_the_date(example):
    from relgraph.render.roles import recent_roles

    days = [snapshot(example, d) for d in ("2016-12-19", "2016-12-20")]
    scene = build_scene(days)
    karlov = next(i for i, n in enumerate(scene.nodes) if n["id"] == "andrei-karlov")
    putin = next(i for i, n in enumerate(scene.nodes) if n["id"] == "vladimir-putin")
    assert scene.frames[0].roles[karlov] == "Russia's representative"
    assert karlov not in scene.frames[1].roles  # his relation ended the day before: not in the snapshot
    assert scene.frames[1].roles[putin] == "Russia's leader"
    recent_roles(days, lambda earlier: [snapshot(example, d) for d in earlier])
    assert build_scene(days).frames[1].roles[karlov] == "Russia's representative until 2016-12-19"
    names = [lb.lines for lb in build_scene(days).frames[1].labels if lb.kind == "node" and lb.owner == karlov]
    assert [t[0] for t in names[0]] == ["Andrei Karlov", "Russia's representative", "until 2016-12-19"]


def test_every_name_of_the_example_has_a_place_at_the_design_width(example):
    """The layout makes room until each name fits: none waits for a zoom on the example's series."""
    scene = build_scene([snapshot(example, d) for d in ("2015-06-01", "2016-07-01", "2016-12-20")])
    level = max(k for k, x in enumerate(scene.levels) if x <= fit(scene.box, DESIGN_WIDTH).scale * (1 + 1e-9))
    for frame in scene.frames:
        names = [lb for lb in frame.labels if lb.kind == "node"]
        assert len(names) == len(frame.nodes)
        assert all(0 <= lb.level <= level for lb in names), [lb.lines[0][0] for lb in names if lb.level > level]


def test_bent_lines_of_a_pair_in_every_relation_mode():
    g = graph()
    for key in ("k1", "k2", "k3"):
        add_edge(g, "a", "b", key)
    add_edge(g, "b", "a", "k4", sign=-1, type="opposes")
    add_edge(g, "a", "c", "k5")
    lines = build_scene([g], all_relations=True).lines
    pair = [ln for ln in lines if {ln["source"], ln["target"]} == {0, 1}]
    bends = [ln["curve"] if ln["source"] == 0 else -ln["curve"] for ln in pair]
    assert sorted(bends).count(0.0) == 1 and len(set(bends)) == 4
    assert next(ln for ln in lines if ln["target"] == 2)["curve"] == 0.0


def test_a_graph_with_no_edges_and_nodes_without_names():
    g = graph(window=None)
    g.add_node("x", kind="mystery")
    scene = build_scene([g])
    assert [(n["id"], n["name"], n["aliases"], n["shape"]) for n in scene.nodes] == [("x", "x", [], "dot")]
    assert scene.relations == [] and scene.lines == [] and scene.sources == [] and scene.types == []
    assert scene.frames[0].caption == "1 actor and 0 relations on 2016-12-20"
    assert scene.frames[0].shows == "stances that hold that day, and every event up to it"


def test_frame_words():
    frame = Frame("2016-12-20", "30d", [0, 1], [14.0, 14.0], [0], [0], 1, filters="only type backs")
    assert frame.caption == "2 actors and 1 relation on 2016-12-20"
    assert frame.shows == "stances that hold that day, and events of the 30 days up to it; only type backs"
    assert frame.text == ("2 actors and 1 relation on 2016-12-20: stances that hold that day, and events of the "
                          "30 days up to it; only type backs. Citing 1 source.")
    assert Frame("2016-12-20", "1M", [], [], [], [], 0).shows == (
        "stances that hold that day, and events of the 1 month up to it")


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
