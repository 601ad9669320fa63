"""Filters on snapshot graphs: neighbourhood, types, confidence, events; the input is never changed."""

import pytest

from relgraph.errors import OptionError
from relgraph.filters import Filters, min_confidence, neighbourhood, only_types, without_events
from relgraph.snapshot import snapshot


@pytest.fixture(scope="module")
def day(example):
    return snapshot(example, "2016-12-20")


def test_neighbourhood_by_depth(day):
    assert set(neighbourhood(day, "vladimir-putin", 0)) == {"vladimir-putin"}
    one = neighbourhood(day, "vladimir-putin", 1)
    assert set(one) == {"vladimir-putin", "recep-tayyip-erdogan", "russia"}
    # every relation among the actors kept, whatever its direction
    assert {(u, v, a["type"]) for u, v, a in one.edges(data=True)} == {
        ("vladimir-putin", "russia", "leads"), ("recep-tayyip-erdogan", "vladimir-putin", "affirms-cooperation")}
    two = neighbourhood(day, "vladimir-putin", 2)
    assert {"turkey", "assad-regime", "draft-s-2016-1026"} <= set(two) and "islamic-state" not in two
    assert one.graph["date"] == "2016-12-20"


def test_an_actor_without_relations_that_day_gives_an_empty_graph(example):
    early = snapshot(example, "2014-01-01")
    assert "turkey" in early and "islamic-state" not in early  # fought from August 2016
    empty = neighbourhood(early, "islamic-state", 1)
    assert empty.number_of_nodes() == 0 and empty.graph["date"] == "2014-01-01"


def test_edge_filters_drop_actors_left_without_relations(day):
    backs = only_types(day, {"backs"})
    assert {a["type"] for _, _, a in backs.edges(data=True)} == {"backs"}
    assert set(backs) == {u for u, _ in backs.edges()} | {v for _, v in backs.edges()}
    sure = min_confidence(day, 0.9)
    assert sure.number_of_edges() and all(a["confidence"] >= 0.9 for _, _, a in sure.edges(data=True))
    assert "russia.cooperates.turkey.2016-summer" not in {k for _, _, k in sure.edges(keys=True)}
    stances = without_events(day)
    assert {a["kind"] for _, _, a in stances.edges(data=True)} == {"stance"}
    assert "ankara-gunman" not in stances  # its one relation is an assassination, an event


def test_filters_combine_relations_first_then_neighbourhood(day):
    before = (day.number_of_nodes(), day.number_of_edges(), dict(day.graph))
    graph = Filters(actor="Moscow", types=frozenset({"backs", "fights"}))(day)
    assert set(graph) == {"russia", "assad-regime", "syrian-opposition"}
    assert {a["type"] for _, _, a in graph.edges(data=True)} <= {"backs", "fights"}
    assert graph.graph["filters"] == "within 1 step of Russia; types: backs, fights"
    assert (day.number_of_nodes(), day.number_of_edges(), dict(day.graph)) == before


def test_a_series_is_filtered_date_by_date(example):
    graphs = Filters(actor="vladimir-putin", hide_events=True).apply(
        [snapshot(example, d) for d in ("2011-06-01", "2016-12-20")])
    assert graphs[0].number_of_nodes() == 0  # Putin leads Russia from 2012 in the dataset
    assert set(graphs[1]) == {"vladimir-putin", "russia"}
    assert all(g.graph["filters"] == "within 1 step of Vladimir Putin; no events" for g in graphs)


@pytest.mark.parametrize(
    ("filters", "option", "message"),
    [
        (Filters(actor="Putn"), "actor",
         "no actor 'Putn' in the graph of 2016-12-20 (did you mean 'Putin'?)"),
        (Filters(types=frozenset({"backs", "figths"})), "types",
         "unknown relation type 'figths' (did you mean 'fights'?)"),
    ],
)
def test_unknown_names_are_refused_with_a_suggestion(day, filters, option, message):
    with pytest.raises(OptionError) as caught:
        filters(day)
    assert (str(caught.value), caught.value.option) == (message, option)


def test_a_custom_type_of_the_dataset_is_known(write):
    from relgraph.dataset import load

    data = load(write("types:\n  - {name: menaces, sign: -1, kind: stance}\n"
                      "actors:\n  - {id: a, name: A, kind: state}\n  - {id: b, name: B, kind: state}\n"
                      "relations:\n  - {source: a, type: menaces, target: b, start: 2012}\n"))
    graph = Filters(types=frozenset({"menaces"}))(snapshot(data, "2013-01-01"))
    assert graph.number_of_edges() == 1


CANDIDATES = """
actors:
  - {id: a, name: A, kind: state}
  - {id: b, name: B, kind: state}
relations:
  - {id: curated, source: a, type: backs, target: b, start: 2012}
  - {id: waiting, source: a, type: opposes, target: b, start: 2012, review: pending}
  - {id: kept, source: b, type: backs, target: a, start: 2012, review: accepted}
  - {id: refused, source: b, type: opposes, target: a, start: 2012, review: rejected}
"""


def test_candidates_wait_for_review_before_they_are_shown(write, run):
    import relgraph

    with relgraph.open(write(CANDIDATES)) as rg:
        shown = rg.snapshot("2013-01-01")
        asked = rg.snapshot("2013-01-01", filters=Filters(candidates=True))
    assert sorted(k for _, _, k in shown.edges(keys=True)) == ["curated", "kept"]
    assert sorted(k for _, _, k in asked.edges(keys=True)) == ["curated", "kept", "waiting"]
    assert asked.graph["filters"] == "with candidates that wait for review"
    table = run("show", "--date", "2013-01-01", "--data", "data.yaml", "--include-candidates").output
    assert "opposes" in table and run("show", "--date", "2013-01-01", "--data", "data.yaml").output.count(
        "opposes") == 0
