from datetime import date

import networkx as nx
import pytest

from relgraph.dataset import load
from relgraph.dates import Duration
from relgraph.snapshot import history_graph, relations, snapshot, to_graph

DATA = """
sources:
  - {id: s, title: T, publisher: P, url: "https://example.org/t", published: 2016-12-20}
actors:
  - {id: a, name: A, kind: state, aliases: [Alpha]}
  - {id: b, name: B, kind: state}
  - {id: c, name: C, kind: person}
  - {id: deal, name: Deal, kind: agreement}
relations:
  - {id: ab-backs, source: a, type: backs, target: b, start: 2016-summer, confidence: 0.8,
     sources: [{ref: s, evidence: E}]}
  - {id: ab-coop, source: a, type: cooperates, target: b, start: 2016}
  - {id: ab-hostile, source: a, type: hostile-to, target: b, start: 2015-11, end: 2016-05}
  - {id: brokered, source: a, type: brokers, target: deal, date: 2016-12-18}
  - {id: old-event, source: c, type: attacks, target: b, date: 2016-10}
"""


@pytest.fixture
def data(write):
    return load(write(DATA))


def test_documented_attributes(data):
    g = snapshot(data, "2016-12-20")
    assert isinstance(g, nx.MultiDiGraph)
    assert g.graph["date"] == "2016-12-20" and g.graph["event_window"] == "30d"
    assert g.graph["types"]["backs"] == {"sign": 1, "kind": "stance", "symmetric": False,
                                         "description": "gives political, material or military support to"}
    assert g.nodes["a"] == {"id": "a", "name": "A", "kind": "state", "aliases": ["Alpha"], "country": None,
                            "wikidata": None, "part_of": None, "description": None}
    assert g.edges["a", "b", "ab-backs"] == {
        "id": "ab-backs", "type": "backs", "sign": 1, "kind": "stance", "symmetric": False,
        "start": "2016-summer", "start_precision": "season", "end": None, "end_precision": None,
        "date": None, "date_precision": None, "first": date(2016, 6, 1), "last": None,
        "confidence": 0.8, "notes": None, "review": None,
        "sources": [{"id": "s", "title": "T", "publisher": "P", "url": "https://example.org/t",
                     "published": "2016-12-20", "notes": None, "evidence": "E", "quote": None, "offsets": None}],
    }
    brokered = g.edges["a", "deal", "brokered"]
    assert (brokered["date"], brokered["kind"], brokered["first"], brokered["last"]) == (
        "2016-12-18", "event", date(2016, 12, 18), date(2016, 12, 18))
    assert g.edges["a", "b", "ab-coop"]["symmetric"]


def test_parallel_relations_are_kept_apart(data):
    g = snapshot(data, "2016-12-20")
    assert set(g["a"]["b"]) == {"ab-backs", "ab-coop"}


def test_what_holds_changes_with_the_date(data):
    assert set(snapshot(data, "2016-01-15")["a"]["b"]) == {"ab-coop", "ab-hostile"}
    assert set(snapshot(data, "2015-12-01")["a"]["b"]) == {"ab-hostile"}
    assert not snapshot(data, "2015-10-31").number_of_edges()


def test_only_actors_with_relations_unless_isolated_is_asked(data):
    assert set(snapshot(data, "2016-12-20")) == {"a", "b", "deal"}
    assert set(snapshot(data, "2016-12-20", isolated=True)) == {"a", "b", "c", "deal"}


def test_event_window(data):
    assert not snapshot(data, "2016-12-20").has_edge("c", "b")
    assert snapshot(data, "2016-12-20", window=Duration.parse("3M")).has_edge("c", "b")
    assert snapshot(data, "2016-12-20", window=None).has_edge("c", "b")
    assert snapshot(data, "2016-12-20", window=None).graph["event_window"] is None
    assert not snapshot(data, "2016-12-17", window=None).has_edge("a", "deal")


def test_to_graph_shows_every_relation_a_store_selected(data):
    # A store selects what a day shows; to_graph draws whatever it is handed, under that day's name.
    g = to_graph(data, date(2000, 1, 1), window=None)
    assert {k for _, _, k in g.edges(keys=True)} == set(data.relations)
    assert (g.graph["date"], g.graph["event_window"]) == ("2000-01-01", None)


def test_the_history_graph_holds_every_relation_and_actor(data):
    g = history_graph(data)
    assert g.graph["history"] is True and "date" not in g.graph
    assert set(g) == set(data.actors) and g.number_of_edges() == len(data.relations)
    assert g.edges["a", "b", "ab-hostile"]["last"] == date(2016, 5, 31)


def test_relations_gives_back_the_records_with_their_ends(data):
    g = snapshot(data, "2016-12-20")
    records = relations(g)
    assert [r["id"] for r in records] == ["ab-backs", "ab-coop", "brokered"]
    assert (records[0]["source"], records[0]["target"]) == ("a", "b")
    assert [r["id"] for r in relations(g, "event")] == ["brokered"]
    assert relations(nx.Graph()) == []
