"""Collapsing a snapshot into one signed tie per pair: the rule in relgraph.analysis.ties."""

import networkx as nx
import pytest
from signed_graphs import on

from relgraph.analysis.ties import signed_ties, tie_of
from relgraph.dates import PartialDate


def pair(*relations, kinds=("state", "state")):
    """A snapshot-shaped graph of actors a and b with the given relations (dicts of edge attributes).

    ``start`` (a stance's) or ``date`` (an event's) is written as text; the edge gets its ``first`` day.
    """
    g = nx.MultiDiGraph(date="2016-12-20")
    g.add_node("a", name="A", kind=kinds[0])
    g.add_node("b", name="B", kind=kinds[1])
    for i, rel in enumerate(relations):
        attrs = {"id": f"r{i}", "type": "t", "kind": "stance", "confidence": 1.0, "start": None, "date": None, **rel}
        when = attrs["date"] or attrs["start"]
        attrs["first"] = PartialDate.parse(when).first if when else None
        u, v = attrs.pop("ends", ("a", "b"))
        g.add_edge(u, v, key=attrs["id"], **attrs)
    return g


def test_a_stance_outranks_an_event_even_a_more_confident_one():
    g = pair({"sign": 1, "confidence": 0.5, "start": "2010"},
             {"sign": -1, "kind": "event", "date": "2016-12-19", "confidence": 1.0})
    assert signed_ties(g).edges["a", "b"]["sign"] == 1


def test_events_decide_when_there_is_no_signed_stance():
    g = pair({"sign": 0, "start": "2013-09"}, {"sign": -1, "kind": "event", "date": "2016-12-20"})
    tie = tie_of(signed_ties(g), "a", "b")
    assert (tie.sign, tie.relation, tie.relations) == (-1, "r1", ("r1",))


def test_the_most_confident_stance_decides():
    g = pair({"sign": -1, "confidence": 0.9, "start": "2011"}, {"sign": 1, "confidence": 0.6, "start": "2016"})
    tie = tie_of(signed_ties(g), "a", "b")
    assert (tie.sign, tie.relation, tie.mixed) == (-1, "r0", True)


def test_then_the_latest_start_decides_and_an_open_start_is_the_oldest():
    g = pair({"sign": -1, "start": None}, {"sign": 1, "start": "2016-summer"}, {"sign": -1, "start": "2016-06"})
    # 2016-summer and 2016-06 both begin on 1 June 2016; the negative one wins that tie.
    assert tie_of(signed_ties(g), "a", "b").relation == "r2"
    g = pair({"sign": -1, "start": None}, {"sign": 1, "start": "2016-07"})
    assert signed_ties(g).edges["a", "b"]["sign"] == 1


def test_a_stance_gives_way_to_the_one_that_follows_it_at_the_same_precision():
    # Hostile until the summer, cooperating from the summer: on a summer day both hold, the newer decides
    # although the older was stated more confidently (rule 4a).
    g = pair({"sign": -1, "type": "hostile-to", "confidence": 0.9, "start": "2015-11", "end": "2016-summer"},
             {"sign": 1, "type": "cooperates", "confidence": 0.8, "start": "2016-summer"})
    tie = tie_of(signed_ties(g), "a", "b")
    assert (tie.sign, tie.relation, tie.mixed) == (1, "r1", True)
    assert tie.mix == "mixed: hostile-to until 2016-summer, cooperates from 2016-summer"


def test_a_stance_that_ends_after_the_next_one_starts_still_counts():
    # The spans of the end (December) and the start (June) do not overlap: two stances, rule 5 decides.
    g = pair({"sign": -1, "confidence": 0.9, "start": "2015", "end": "2016-12"},
             {"sign": 1, "confidence": 0.8, "start": "2016-06"})
    tie = tie_of(signed_ties(g), "a", "b")
    assert (tie.sign, tie.relation, tie.mixed) == (-1, "r0", True)


def test_an_event_neither_supersedes_nor_is_superseded():
    g = pair({"sign": -1, "confidence": 0.9, "start": "2015", "end": "2016-12"},
             {"sign": 1, "kind": "event", "date": "2016-12-05"})
    tie = tie_of(signed_ties(g), "a", "b")
    assert (tie.sign, tie.relation) == (-1, "r0")
    assert tie.mix == "mixed: t until 2016-12, t on 2016-12-05"


def test_a_pair_whose_relations_agree_is_not_mixed():
    g = pair({"sign": 1, "start": "2011", "end": "2016-summer"}, {"sign": 1, "start": "2016-summer"})
    tie = tie_of(signed_ties(g), "a", "b")
    assert (tie.mixed, tie.mix) == (False, None)


def test_direction_is_dropped_and_the_tie_reads_as_its_deciding_relation():
    g = pair({"sign": 1, "type": "backs", "ends": ("b", "a")})
    tie = tie_of(signed_ties(g), "a", "b")
    assert (tie.a, tie.b, tie.source, tie.target) == ("a", "b", "b", "a")
    assert tie.description == "B +backs A"


def test_neutral_relations_and_deals_make_no_tie():
    assert signed_ties(pair({"sign": 0})).number_of_edges() == 0
    g = pair({"sign": 1}, kinds=("state", "agreement"))
    ties = signed_ties(g)
    assert "b" not in ties and ties.number_of_edges() == 0


def test_the_sign_attribute_is_named_by_the_caller():
    g = pair({"polarity": -1, "sign": 1})
    assert signed_ties(g, sign="polarity").edges["a", "b"]["sign"] == -1


@pytest.mark.parametrize(("day", "a", "b", "sign", "relation"), [
    # The article: Russia and Iran have backed Assad since March 2011, Turkey the opposition.
    ("2016-12-20", "russia", "assad-regime", 1, "russia.backs.assad-regime.2011-03"),
    ("2016-12-20", "iran", "assad-regime", 1, "iran.backs.assad-regime.2011-03"),
    ("2016-12-20", "turkey", "syrian-opposition", 1, "turkey.backs.syrian-opposition.2011-03"),
    # Relations at breaking point after November 2015; cooperation since the summer reconciliation.
    ("2016-01-01", "russia", "turkey", -1, "russia.hostile-to.turkey.2015-11"),
    # In the summer both are dated "2016-summer": the cooperation that follows the hostility decides.
    ("2016-07-01", "russia", "turkey", 1, "russia.cooperates.turkey.2016-summer"),
    ("2016-12-20", "russia", "turkey", 1, "russia.cooperates.turkey.2016-summer"),
    # Talks since 2013 are neutral; Lavrov's exclusion of the US on the day is what signs the pair.
    ("2016-12-20", "russia", "united-states", -1, "russia.excludes.united-states.2016-12-20"),
])
def test_ties_in_the_example(day, a, b, sign, relation):
    tie = tie_of(signed_ties(on(day)), a, b)
    assert tie.sign == sign
    assert relation in tie.relations


def test_of_two_equally_confident_stances_the_later_decides_in_the_example():
    # Turkey backs the opposition (since 2011-03) and fights alongside it (since 2016-08), both at 0.85.
    tie = tie_of(signed_ties(on("2016-12-20")), "turkey", "syrian-opposition")
    assert tie.relation == "turkey.fights-alongside.syrian-opposition.2016-08"


def test_the_meeting_and_the_agreements_take_no_side_in_the_example():
    ties = signed_ties(on("2016-12-20"))
    assert not {"moscow-talks-2016-12-20", "aleppo-evacuation-deal-1", "unsc-aleppo-monitors"} & set(ties)
