"""The signed layout: the same picture every time, allies close, adversaries apart, shared by a series."""

import math
import random

import networkx as nx
import pytest

from relgraph.model import DEAL_KINDS
from relgraph.render.layout import SPACING, signed_layout
from relgraph.snapshot import snapshot


def distance(pos, u, v):
    return math.dist(pos[u], pos[v])


def pair_balance(graphs):
    """Net sign of each pair of actors over the relations of ``graphs`` (each relation once).

    Pairs with an agreement, a resolution or a meeting are left out: a deal takes no side (rule 1 of
    relgraph.analysis.ties), so it is neither an ally nor an adversary of those who broker, back or
    undermine it.
    """
    seen, balance = set(), {}
    for g in graphs:
        deals = {n for n, kind in g.nodes(data="kind") if kind in DEAL_KINDS}
        for u, v, k, a in g.edges(keys=True, data=True):
            if (u, v, k) not in seen and u != v and not {u, v} & deals:
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


def test_a_deal_takes_no_side_in_the_layout():
    """Relations with a deal pull as neutral ties do, whatever their sign: an agreement one ally brokers
    and the other undermines sits among them, and a vetoed draft is not flung away from its vetoer."""
    def graph(sign_of_spoiler, sign_of_veto):
        g = nx.MultiDiGraph()
        for node, kind in [("a", "state"), ("b", "state"), ("c", "state"), ("deal", "agreement"),
                           ("draft", "resolution")]:
            g.add_node(node, kind=kind)
        for i, (u, v, sign, kind) in enumerate([
                ("a", "b", 1, "stance"), ("c", "a", -1, "stance"), ("c", "b", -1, "stance"),
                ("a", "deal", 1, "event"), ("b", "deal", sign_of_spoiler, "event"), ("c", "deal", 1, "stance"),
                ("a", "draft", sign_of_veto, "event")]):
            g.add_edge(u, v, key=str(i), sign=sign, confidence=0.9, kind=kind)
        return g

    pos = signed_layout(graph(-1, -1))
    assert pos == signed_layout(graph(1, 1)) == signed_layout(graph(0, 0))
    assert distance(pos, "deal", "b") < distance(pos, "c", "b")  # nearer the spoiler than its foe is


def test_a_series_is_laid_out_once_on_the_union_of_its_dates(series):
    pos = signed_layout(series)
    assert set(pos) == set().union(*series)
    union = nx.MultiDiGraph()
    for g in series:
        union.add_nodes_from(g.nodes(data=True))
        union.add_edges_from(g.edges(keys=True, data=True))
    assert signed_layout(union) == pos


def test_groups_without_ties_between_them_go_beside_the_main_one():
    g = nx.MultiDiGraph()
    for i, (u, v, sign) in enumerate([("a", "b", 1), ("b", "c", 1), ("c", "a", -1), ("c", "d", 1),
                                      ("x", "y", -1), ("p", "q", 1)]):
        g.add_edge(u, v, key=str(i), sign=sign, confidence=1.0, kind="stance")
    pos = signed_layout(g)
    main_right = max(pos[n][0] for n in "abcd")
    main_top, main_bottom = min(pos[n][1] for n in "abcd"), max(pos[n][1] for n in "abcd")
    # to the right of the main group, not below it: a figure is wider than it is high
    assert all(pos[n][0] > main_right for n in "xypq")
    # stacked in a column no higher than the main group (or three spacings, for a flat one)
    reach = main_top + max(main_bottom - main_top, 3 * SPACING) + SPACING
    assert all(main_top - 1 <= pos[n][1] <= reach for n in "xypq")


def test_evening_out_keeps_who_is_left_of_and_above_whom(example):
    import numpy as np

    from relgraph.render.layout import _even_out

    rnd = np.random.default_rng(1)
    crowded = np.vstack([rnd.normal(0, 0.2, (20, 2)), rnd.normal(0, 5, (10, 2))])
    spread = _even_out(crowded)
    for axis in (0, 1):
        assert (np.argsort(crowded[:, axis], kind="stable") == np.argsort(spread[:, axis], kind="stable")).all()
    def nearest(p):
        return np.sort(np.linalg.norm(p[:, None] - p[None], axis=2), axis=1)[:, 1]

    assert np.median(nearest(spread[:20])) > np.median(nearest(crowded[:20]))


def test_relax_clears_blocks_and_lines_within_the_area():
    import numpy as np

    from relgraph.render.layout import relax

    pos = np.array([[100.0, 100.0], [105.0, 102.0], [0.0, 100.0], [200.0, 100.0]])
    blocks = np.array([[0.0, 0.0, 20.0, 10.0]] * 4)
    lines = np.array([[2, 3]])
    out = relax(pos, blocks, lines, (300.0, 300.0))
    assert abs(out[0, 1] - out[1, 1]) >= 20 or abs(out[0, 0] - out[1, 0]) >= 40  # the two blocks part
    for k in (0, 1):  # and leave the line from 2 to 3 alone
        y_on_line = out[2, 1] + (out[3, 1] - out[2, 1]) * (out[k, 0] - out[2, 0]) / (out[3, 0] - out[2, 0])
        assert abs(out[k, 1] - y_on_line) >= 10
    assert (out >= 0).all() and (out <= 300).all()
    assert (relax(pos, blocks, lines, (300.0, 300.0)) == out).all()


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
