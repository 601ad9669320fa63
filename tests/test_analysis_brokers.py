"""Brokers: betweenness on positive ties, bridges between camps, and who brokers deals."""

import networkx as nx
from signed_graphs import on, two_cliques

from relgraph.analysis.brokers import brokers


def bridged():
    """Two cliques of three at odds, and m, a friend of A0 and A1 and of B0."""
    g = two_cliques(3, 3, {(0, 0), (1, 1), (2, 2)})
    g.add_edges_from([("m", "A0"), ("m", "A1"), ("m", "B0")], sign=1)
    return g


def test_the_go_between_has_the_highest_betweenness_and_friends_in_both_camps():
    report = brokers(bridged())
    assert report.centrality[0].actor == "m"
    [m] = [b for b in report.bridges if b.actor == "m"]
    assert sorted(m.friends_by_camp.values()) == [["A0", "A1"], ["B0"]]
    assert {b.actor for b in report.bridges} == {"m", "B0"}  # B0's friend m sits in the other camp


def test_negative_ties_carry_no_betweenness():
    g = nx.Graph()
    g.add_edge("a", "x", sign=-1)
    g.add_edge("x", "b", sign=-1)
    g.add_edge("a", "c", sign=1)
    by_actor = {c.actor: c for c in brokers(g).centrality}
    assert by_actor["x"].betweenness == 0 and (by_actor["x"].friends, by_actor["x"].enemies) == (0, 2)


def test_a_plain_signed_graph_has_no_deal_brokers():
    assert brokers(bridged()).deal_brokers == []


def test_russia_and_turkey_broker_the_evacuation_deals_that_iran_undermined():
    report = brokers(on("2016-12-10"))
    deals = {(d.actor, d.deal): d for d in report.deal_brokers}
    assert set(deals) == {(a, f"aleppo-evacuation-deal-{n}") for a in ("russia", "turkey") for n in (1, 2)}
    first = deals["russia", "aleppo-evacuation-deal-1"]
    others = {(p.actor, p.type) for p in first.others}
    assert {("turkey", "brokers"), ("iran", "undermines"), ("assad-regime", "party-to"),
            ("syrian-opposition", "party-to")} <= others
    assert first.across_camps  # the regime and the opposition, parties to it, are in different camps


def test_russia_and_turkey_are_bridges_on_20_december_2016():
    report = brokers(on("2016-12-20"))
    bridges = {b.actor: b for b in report.bridges}
    assert {"russia", "turkey"} <= set(bridges)
    where = report.camps.assignment
    assert "turkey" in bridges["russia"].friends_by_camp[where["turkey"]]
    assert "russia" in bridges["turkey"].friends_by_camp[where["russia"]]
    assert report.to_dict()["date"] == "2016-12-20"


def test_above_500_actors_betweenness_is_estimated_from_sampled_sources():
    g = nx.Graph()
    for side in "ab":
        for u, v in nx.gnm_random_graph(300, 900, seed=3).edges:
            g.add_edge(f"{side}{u}", f"{side}{v}", sign=1)
    g.add_edges_from([("m", "a0"), ("m", "b0")], sign=1)
    g.add_edge("a1", "b1", sign=-1)
    report = brokers(g)
    assert report.sampled == 500 and report.to_dict()["sampled"] == 500
    assert report.centrality[0].actor in {"m", "a0", "b0"}  # every path between the halves runs a0-m-b0
    assert brokers(bridged()).sampled is None


def positive_ties(g):
    out = nx.Graph()
    out.add_nodes_from(g)
    out.add_edges_from((u, v) for u, v, s in g.edges(data="sign") if s > 0)
    return out


def test_betweenness_is_networkx_exact_up_to_500_actors_and_the_seeded_estimate_above():
    from relgraph.analysis.betweenness import betweenness

    small = bridged()
    exact = nx.betweenness_centrality(positive_ties(small))
    assert {c.actor: c.betweenness for c in brokers(small).centrality} == {
        v: round(x, 4) for v, x in exact.items() if small.degree(v)}
    big = nx.Graph()
    for u, v in nx.powerlaw_cluster_graph(600, 3, 0.3, seed=4).edges:
        big.add_edge(f"a{u}", f"a{v}", sign=1 if (u + v) % 5 else -1)
    for seed in (0, 3):
        estimate = betweenness(positive_ties(big), sources=500, seed=seed)
        assert {c.actor: c.betweenness for c in brokers(big, seed=seed).centrality} == {
            v: round(x, 4) for v, x in estimate.items()}
