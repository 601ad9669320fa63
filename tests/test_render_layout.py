"""The signed layout: the same picture every time, allies close, adversaries apart, shared by a series."""

import math
import random

import networkx as nx
import pytest

from relgraph.render.layout import signed_layout
from relgraph.snapshot import snapshot


def distance(pos, u, v):
    return math.dist(pos[u], pos[v])


def pair_balance(graphs):
    """Net sign of each pair of actors over the relations of ``graphs`` (each relation once)."""
    seen, balance = set(), {}
    for g in graphs:
        for u, v, k, a in g.edges(keys=True, data=True):
            if (u, v, k) not in seen and u != v:
                seen.add((u, v, k))
                balance[frozenset((u, v))] = balance.get(frozenset((u, v)), 0) + a["sign"] * a["confidence"]
    return balance


def mean_distances(pos, balance):
    allies = [distance(pos, *pair) for pair, b in balance.items() if b > 0]
    foes = [distance(pos, *pair) for pair, b in balance.items() if b < 0]
    return sum(allies) / len(allies), sum(foes) / len(foes)


@pytest.fixture(scope="module")
def series(example):
    return [snapshot(example, d) for d in ("2015-01-01", "2015-12-01", "2016-06-01", "2016-12-20")]


def test_same_data_same_positions_whatever_the_order(example):
    g = snapshot(example, "2016-12-20")
    first = signed_layout(g)
    edges = list(g.edges(keys=True, data=True))
    random.Random(7).shuffle(edges)
    shuffled = nx.MultiDiGraph(**g.graph)
    shuffled.add_nodes_from(sorted(g.nodes(data=True), reverse=True))
    shuffled.add_edges_from(edges)
    assert signed_layout(shuffled) == first
    assert set(first) == set(g) and len(set(first.values())) == len(first)


def test_allies_sit_closer_than_adversaries_on_the_example(example, series):
    for graphs in ([snapshot(example, "2016-12-20")], series):
        pos = signed_layout(graphs)
        allies, foes = mean_distances(pos, pair_balance(graphs))
        assert allies * 1.5 < foes, (allies, foes)
    pos = signed_layout(snapshot(example, "2016-12-20"))
    assert distance(pos, "russia", "assad-regime") < distance(pos, "russia", "islamic-state")
    assert distance(pos, "iran", "assad-regime") < distance(pos, "iran", "syrian-opposition")


def test_a_series_is_laid_out_once_on_the_union_of_its_dates(series):
    pos = signed_layout(series)
    assert set(pos) == set().union(*series)
    union = nx.MultiDiGraph()
    for g in series:
        union.add_nodes_from(g.nodes(data=True))
        union.add_edges_from(g.edges(keys=True, data=True))
    assert signed_layout(union) == pos


def test_groups_without_ties_between_them_do_not_overlap():
    g = nx.MultiDiGraph()
    for i, (u, v, sign) in enumerate([("a", "b", 1), ("b", "c", 1), ("c", "a", -1), ("c", "d", 1),
                                      ("x", "y", -1)]):
        g.add_edge(u, v, key=str(i), sign=sign, confidence=1.0, kind="stance")
    pos = signed_layout(g)
    main_low = min(pos[n][1] for n in "abcd")
    main_high = max(pos[n][1] for n in "abcd")
    assert all(pos[n][1] > main_high for n in "xy") or all(pos[n][1] < main_low for n in "xy")


def planted(n, seed=3):
    """Five factions, a node's faction its number mod 5: friendly ties inside, hostile ones across.

    Both kinds join nodes with nearby numbers, so only the signs tell them apart.
    """
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    g.add_nodes_from(f"a{i:04d}" for i in range(n))
    for k in range(3 * n):
        u = rnd.randrange(n)
        hostile = rnd.random() < 0.5
        v = (u + 5 * rnd.randint(0, 3) + (rnd.randint(1, 4) if hostile else 5)) % n
        g.add_edge(f"a{u:04d}", f"a{v:04d}", key=str(k), sign=-1 if hostile else 1, confidence=0.8,
                   kind="stance")
    return g


def test_large_graphs_use_near_neighbours_and_stay_meaningful():
    g = planted(900)
    pos = signed_layout(g)
    assert pos == signed_layout(g)
    allies, foes = mean_distances(pos, pair_balance([g]))
    assert allies * 1.5 < foes, (allies, foes)


def test_empty_and_single_actor_graphs():
    assert signed_layout(nx.MultiDiGraph()) == {}
    g = nx.MultiDiGraph()
    g.add_node("alone")
    assert signed_layout(g) == {"alone": (0.0, 0.0)}
