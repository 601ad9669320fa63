"""Betweenness on sparse matrices: NetworkX's exact values, and an unbiased, seeded estimate from sampled sources."""

import random

import networkx as nx
import pytest

from relgraph.analysis.betweenness import betweenness


def graphs():
    """Graphs of every shape the searches meet: random, disconnected, with lone nodes, deep, tiny."""
    rng = random.Random(5)
    for seed in range(12):
        yield f"gnm-{seed}", nx.gnm_random_graph(rng.randint(3, 80), rng.randint(0, 240), seed=seed)
    yield "path", nx.path_graph(150)  # 149 levels deep
    yield "star", nx.star_graph(40)
    yield "complete", nx.complete_graph(12)
    yield "ladder", nx.ladder_graph(30)  # many shortest paths of equal length
    lone = nx.disjoint_union(nx.complete_graph(5), nx.cycle_graph(9))
    lone.add_nodes_from(["x", "y"])
    yield "components", lone
    yield "two", nx.path_graph(2)
    yield "clustered", nx.powerlaw_cluster_graph(400, 3, 0.3, seed=1)


@pytest.mark.parametrize(("name", "graph"), list(graphs()), ids=lambda x: x if isinstance(x, str) else "")
def test_exact_values_are_networkx_values(name, graph):
    expected = nx.betweenness_centrality(graph, normalized=True)
    got = betweenness(graph)
    assert got.keys() == expected.keys()
    assert all(abs(got[v] - expected[v]) < 1e-12 for v in graph), name
    assert all(round(got[v], 4) == round(expected[v], 4) for v in graph)  # what the report shows


def test_self_loops_and_edge_data_change_nothing():
    g = nx.gnm_random_graph(30, 60, seed=4)
    plain = betweenness(g)
    g.add_edge(3, 3)
    nx.set_edge_attributes(g, -1, "sign")
    assert betweenness(g) == plain


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_a_sampled_estimate_sums_the_dependencies_on_the_sources_networkx_would_draw(seed):
    """Checked against NetworkX's subset betweenness from the same sources (the same draw: random.Random(seed)
    sampling the nodes in order), scaled as the module says: by k(n-2), or (k-1)(n-2) for a source."""
    g = nx.powerlaw_cluster_graph(300, 3, 0.3, seed=seed)
    k, n = 40, 300
    chosen = random.Random(seed).sample(list(g), k)
    # subset betweenness of an undirected graph counts each path half: twice it is the sum of dependencies
    summed = nx.betweenness_centrality_subset(g, chosen, list(g), normalized=False)
    got = betweenness(g, sources=k, seed=seed)
    for v in g:
        scale = 1 / ((k - 1) * (n - 2)) if v in chosen else 1 / (k * (n - 2))
        assert abs(got[v] - 2 * summed[v] * scale) < 1e-12


def test_the_estimate_is_seeded_and_close_to_the_exact_values():
    g = nx.powerlaw_cluster_graph(700, 3, 0.3, seed=2)
    exact = betweenness(g)
    first, again, other = (betweenness(g, sources=500, seed=s) for s in (0, 0, 1))
    assert first == again and first != other
    # sampling sources is noisy for an actor whose betweenness comes from a few leaves around it, not for hubs
    assert max(abs(first[v] - exact[v]) for v in g) < 0.1 * max(exact.values())
    top = sorted(g, key=lambda v: -exact[v])[:5]
    assert sorted(g, key=lambda v: -first[v])[:5] == top  # the hubs stand out whatever the sample
    # unbiased: averaged over many samples, the estimate comes to the exact value
    small = nx.powerlaw_cluster_graph(60, 2, 0.3, seed=3)
    exact = betweenness(small)
    runs = [betweenness(small, sources=10, seed=s) for s in range(400)]
    mean = {v: sum(run[v] for run in runs) / len(runs) for v in small}
    assert max(abs(mean[v] - exact[v]) for v in small) < 0.1 * max(exact.values())


def test_as_many_sources_as_nodes_is_exact():
    g = nx.gnm_random_graph(25, 50, seed=6)
    assert betweenness(g, sources=25) == betweenness(g)


def test_search_batches_add_up(monkeypatch):
    """Sources are searched in batches bounded by memory: any cut gives the same values."""
    import relgraph.analysis.betweenness as module

    g = nx.powerlaw_cluster_graph(120, 3, 0.3, seed=8)
    whole = betweenness(g)
    monkeypatch.setattr(module, "_BATCH_CELLS", 120 * 7)  # batches of 7 sources
    cut = betweenness(g)
    assert all(abs(cut[v] - whole[v]) < 1e-12 for v in g)
