"""Camps of least frustration: exact against brute force, the heuristic above the threshold, the example."""

import random

import networkx as nx
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from signed_graphs import brute_camps, on, signed_graphs, two_cliques

from relgraph.analysis.camps import _local_search, _score, camps, exact_limit, frustration


def test_exact_limits_follow_the_labeling_budget():
    # 2^19 labelings: k^(n-1) <= 524288.
    assert [exact_limit(k) for k in (2, 3, 4)] == [20, 12, 10]


@settings(max_examples=60, deadline=None)
@given(signed_graphs(max_nodes=7), st.sampled_from([2, 3]))
def test_the_exact_method_finds_the_least_frustration(graph, k):
    result = camps(graph, k)
    assert result.method == "exact"
    best, count = brute_camps(graph, k)
    assert result.frustration == best
    assert frustration(graph, result.assignment) == result.frustration == len(result.frustrated)
    if graph.number_of_edges() and nx.is_connected(graph.subgraph(n for n in graph if graph.degree(n))):
        assert result.optimal_partitions == count


@settings(max_examples=40, deadline=None)
@given(signed_graphs(max_nodes=8), st.integers(0, 3))
def test_the_heuristic_reports_an_upper_bound_it_really_reaches(graph, seed):
    assume(graph.number_of_edges())
    exact = camps(graph)
    guess = camps(graph, exact_max=0, seed=seed)
    assert guess.method == "heuristic" and guess.optimal_partitions is None
    assert guess.frustration >= exact.frustration
    assert frustration(graph, guess.assignment) == guess.frustration


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 16), st.integers(1, 16), st.data())
def test_two_positive_cliques_joined_by_negative_ties_split_with_frustration_0(a, b, data):
    cross = data.draw(st.sets(st.tuples(st.integers(0, a - 1), st.integers(0, b - 1)), min_size=1))
    graph = two_cliques(a, b, cross)
    result = camps(graph)
    assert result.method == ("exact" if a + b <= 20 else "heuristic")
    assert result.frustration == 0
    expected = {frozenset(f"A{i}" for i in range(a)), frozenset(f"B{i}" for i in range(b))}
    assert set(map(frozenset, result.camps)) == expected


def test_above_the_threshold_the_heuristic_recovers_planted_camps():
    rng = random.Random(7)
    graph = nx.Graph()
    nodes = [f"x{i}" for i in range(60)]
    side = {n: i % 2 for i, n in enumerate(nodes)}
    for u, v in nx.gnm_random_graph(60, 240, seed=7).edges:
        graph.add_edge(nodes[u], nodes[v], sign=1 if side[nodes[u]] == side[nodes[v]] else -1)
    flipped = rng.sample(sorted(graph.edges), 5)
    for u, v in flipped:
        graph.edges[u, v]["sign"] *= -1
    result = camps(graph)
    assert result.method == "heuristic"
    # The planted split breaks exactly the 5 flipped ties, so the optimum is at most 5.
    assert result.frustration <= 5
    assert camps(graph).camps == result.camps  # deterministic for a seed


def test_the_heuristic_opens_more_camps_than_its_spectral_start():
    # Three mutually hostile cliques of 8: above the exact limit for three camps (12 actors).
    graph = nx.Graph()
    cliques = [[f"{c}{i}" for i in range(8)] for c in "xyz"]
    for members in cliques:
        graph.add_edges_from(((u, v) for u in members for v in members if u < v), sign=1)
    for one, other in [(0, 1), (1, 2), (0, 2)]:
        graph.add_edges_from(((u, v) for u in cliques[one][:3] for v in cliques[other][:3]), sign=-1)
    result = camps(graph, 3)
    assert (result.method, result.frustration) == ("heuristic", 0)
    assert result.camps == sorted(sorted(c) for c in cliques)


@given(signed_graphs(max_nodes=10), st.data())
def test_greedy_moves_end_where_no_single_move_helps(graph, data):
    nodes = sorted(graph)
    index = {n: i for i, n in enumerate(nodes)}
    adj = [[(index[m], graph.edges[n, m]["sign"]) for m in graph.adj[n]] for n in nodes]
    k = data.draw(st.integers(2, 3))
    start = data.draw(st.lists(st.integers(0, k - 1), min_size=len(nodes), max_size=len(nodes)))
    labels = _local_search(adj, start, k)
    assert _score(adj, labels) <= _score(adj, start)
    for i in range(len(nodes)):
        for camp in range(k):
            moved = [*labels[:i], camp, *labels[i + 1:]]
            assert _score(adj, moved) >= _score(adj, labels)


def test_among_equally_frustrated_partitions_the_least_confident_tie_is_broken():
    g = nx.Graph()
    g.add_edge("a", "b", sign=1, confidence=0.9)
    g.add_edge("b", "c", sign=1, confidence=0.5)
    g.add_edge("a", "c", sign=-1, confidence=1.0)
    result = camps(g)
    assert (result.frustration, result.optimal_partitions) == (1, 3)
    assert result.camps == [["a", "b"], ["c"]]
    assert [(t.a, t.b) for t in result.frustrated] == [("b", "c")]
    assert result.undecided == ["b", "c"]  # read against a, which comes first among equals


def test_separate_groups_and_untied_actors():
    g = nx.Graph()
    g.add_edge("a", "b", sign=-1)
    g.add_edge("c", "d", sign=1)
    g.add_node("loner")
    result = camps(g)
    assert result.components == [["a", "b"], ["c", "d"]]
    assert result.unaligned == ["loner"]
    assert result.frustration == 0 and "loner" not in result.assignment


def test_fewer_than_two_camps_is_refused():
    with pytest.raises(ValueError, match="at least 2"):
        camps(nx.Graph(), 1)


@pytest.mark.parametrize("day", ["2016-01-01", "2016-12-20"])
def test_iran_and_the_regime_share_a_camp_and_the_opposition_is_in_the_other(day):
    result = camps(on(day))
    where = result.assignment
    assert where["iran"] == where["assad-regime"] != where["syrian-opposition"]
    assert where["russia"] == where["assad-regime"]  # Russia is one of Assad's two essential backers
    assert where["turkey"] == where["syrian-opposition"]  # Turkey supports the opposition
    assert result.method == "exact"


def test_the_example_before_and_after_the_reconciliation():
    assert camps(on("2016-01-01")).frustration == 0  # Russia and Turkey still hostile: all consistent
    after = camps(on("2016-12-20"))
    broken = {(t.a, t.b) for t in after.frustrated}
    assert ("russia", "turkey") in broken  # their cooperation cuts across the camps
