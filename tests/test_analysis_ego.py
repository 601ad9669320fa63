"""Allies, adversaries and the ones balance implies."""

import networkx as nx
import pytest
from hypothesis import given
from signed_graphs import on, signed_graphs

from relgraph.analysis.ego import ego
from relgraph.errors import UnknownActor


def test_turkey_on_20_december_2016():
    report = ego(on("2016-12-20"), "Turkey")
    assert {"russia", "syrian-opposition"} <= {t.actor for t in report.allies}
    assert {"assad-regime", "islamic-state"} <= {t.actor for t in report.adversaries}
    iran = next(i for i in report.inferred if i.actor == "iran")
    # Iran backs the regime Turkey opposes and fights the opposition Turkey backs (two votes against),
    # while it fights alongside Russia, which cooperates with Turkey (one vote for).
    assert iran.sign == -1 and iran.inferred
    assert {(p.via, p.reason) for p in iran.via} == {("assad-regime", "friend of my enemy"),
                                                     ("syrian-opposition", "enemy of my friend"),
                                                     ("russia", "friend of my friend")}


def test_russia_and_turkey_were_adversaries_on_1_january_2016():
    report = ego(on("2016-01-01"), "ankara")  # an alias, any case
    assert report.actor == "turkey"
    assert "russia" in {t.actor for t in report.adversaries}


def test_the_enemy_of_my_enemy_and_contested_candidates():
    g = nx.Graph()
    g.add_edge("me", "foe", sign=-1)
    g.add_edge("foe", "x", sign=-1)
    g.add_edge("me", "pal", sign=1)
    g.add_edge("pal", "y", sign=1)
    g.add_edge("foe", "y", sign=1)
    report = ego(g, "me")
    inferred = {i.actor: i for i in report.inferred}
    assert inferred["x"].sign == 1 and inferred["x"].via[0].reason == "enemy of my enemy"
    assert inferred["y"].sign == 0  # friend of my friend, and friend of my enemy
    assert [i.actor for i in report.inferred] == ["x", "y"]


@given(signed_graphs(min_nodes=2))
def test_inferred_actors_are_never_directly_tied_and_each_path_multiplies_signs(graph):
    report = ego(graph, "n0")
    direct = {t.actor for t in report.allies + report.adversaries}
    assert direct == set(graph.adj["n0"])
    for i in report.inferred:
        assert i.actor not in direct and i.actor != "n0"
        for p in i.via:
            assert p.sign == graph.edges["n0", p.via]["sign"] * graph.edges[p.via, i.actor]["sign"]


def test_unknown_actors_and_deals_are_refused():
    with pytest.raises(UnknownActor, match=r"no actor 'Narnia' in the graph of 2016-12-20"):
        ego(on("2016-12-20"), "Narnia")
    with pytest.raises(UnknownActor, match="takes no side"):
        ego(on("2016-12-20"), "moscow-talks-2016-12-20")
