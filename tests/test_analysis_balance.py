"""Structural balance on tiny graphs, on the example, and as properties (hypothesis)."""

import networkx as nx
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from signed_graphs import brute_triangles, on, signed_graphs, two_cliques

from relgraph.analysis.balance import balance, triangles


@pytest.mark.parametrize(("signs", "pattern", "balanced"), [
    ((1, 1, 1), "+++", True), ((1, 1, -1), "++-", False), ((1, -1, -1), "+--", True), ((-1, -1, -1), "---", False),
])
def test_each_pattern_of_a_triangle(signs, pattern, balanced):
    g = nx.Graph()
    for (u, v), s in zip([("a", "b"), ("b", "c"), ("a", "c")], signs, strict=True):
        g.add_edge(u, v, sign=s)
    report = balance(g)
    [t] = report.triangles
    assert (t.pattern, t.balanced) == (pattern, balanced)
    assert report.share_balanced == (1.0 if balanced else 0.0)


def test_a_neutral_edge_closes_no_triangle_and_no_triangle_means_no_share():
    g = nx.Graph()
    g.add_edge("a", "b", sign=1)
    g.add_edge("b", "c", sign=-1)
    g.add_edge("a", "c", sign=0)
    report = balance(g)
    assert report.triangles == [] and report.share_balanced is None


def test_the_russia_turkey_assad_triangle_is_unbalanced_on_20_december_2016():
    report = balance(on("2016-12-20"))
    [t] = [t for t in report.triangles if t.actors == ("assad-regime", "russia", "turkey")]
    assert not t.balanced
    assert t.description == ("Russia +backs Assad regime, Russia +cooperates Turkey, "
                             "Turkey -opposes Assad regime")
    assert t in report.tensions


def test_the_same_triangle_was_balanced_while_russia_and_turkey_were_hostile():
    report = balance(on("2016-01-01"))
    [t] = [t for t in report.triangles if t.actors == ("assad-regime", "russia", "turkey")]
    assert t.balanced and t.pattern == "+--"


def test_counts_agree_with_the_triangles_listed():
    report = balance(on("2016-12-20"))
    data = report.to_dict()
    assert (data["version"], data["kind"]) == (1, "balance")
    assert data["date"] == "2016-12-20" and data["event_window"] == "30d"
    assert data["balanced"] + data["unbalanced"] == len(data["triangles"]) == sum(data["by_pattern"].values())
    assert data["share_balanced"] == pytest.approx(data["balanced"] / len(data["triangles"]))
    assert sum(not t["balanced"] for t in data["triangles"]) == data["unbalanced"] == 2
    assert {t["description"] for t in data["triangles"] if not t["balanced"]} == {
        t.description for t in report.tensions}
    assert {"a": "russia", "b": "turkey"}.items() <= next(
        t for t in data["signed_ties"] if (t["a"], t["b"]) == ("russia", "turkey")).items()


@given(signed_graphs())
def test_triangles_are_exactly_the_all_tied_triples(graph):
    assert sorted(triangles(graph)) == sorted(brute_triangles(graph))
    report = balance(graph)
    for t in report.triangles:
        product = graph.edges[t.actors[0], t.actors[1]]["sign"] * graph.edges[t.actors[1], t.actors[2]]["sign"] \
            * graph.edges[t.actors[0], t.actors[2]]["sign"]
        assert t.balanced == (product > 0)


@given(st.integers(1, 7), st.integers(1, 7), st.data())
def test_two_positive_cliques_joined_by_negative_ties_are_fully_balanced(a, b, data):
    cross = data.draw(st.sets(st.tuples(st.integers(0, a - 1), st.integers(0, b - 1))))
    report = balance(two_cliques(a, b, cross))
    assert report.unbalanced == 0
    assert report.share_balanced in (None, 1.0)
    if a >= 3:
        assert report.triangles  # the share is not vacuous


@given(signed_graphs(min_nodes=3, max_nodes=9), st.data())
def test_flipping_one_tie_changes_exactly_the_triangles_that_contain_it(graph, data):
    edges = sorted(tuple(sorted(e)) for e in graph.edges)
    assume(edges)
    u, v = data.draw(st.sampled_from(edges))
    before = {t.actors: t.balanced for t in balance(graph).triangles}
    flipped = graph.copy()
    flipped.edges[u, v]["sign"] *= -1
    after = {t.actors: t.balanced for t in balance(flipped).triangles}
    assert before.keys() == after.keys()
    changed = {t for t in before if before[t] != after[t]}
    assert changed == {t for t in before if u in t and v in t}
