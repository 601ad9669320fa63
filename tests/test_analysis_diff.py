"""What changed between two dates: on the example and on tiny graphs."""

import networkx as nx
from signed_graphs import on

from relgraph.analysis.diff import diff
from relgraph.dates import Duration


def test_the_russia_turkey_flip_of_2016():
    change = diff(on("2016-01-01"), on("2016-12-20"))
    [flip] = [t for t in change.flipped if (t.a, t.b) == ("russia", "turkey")]
    assert (flip.before.sign, flip.before.type) == (-1, "hostile-to")
    assert (flip.after.sign, flip.after.type) == (1, "cooperates")
    assert "russia.cooperates.turkey.2016-summer" in [r["id"] for r in change.began]
    assert "russia.hostile-to.turkey.2015-11" in [r["id"] for r in change.ended]
    assert (change.from_date, change.to_date) == ("2016-01-01", "2016-12-20")


def test_events_in_between_come_from_the_between_snapshot_in_date_order():
    between = on("2016-12-20", window=Duration(354, "d"))
    change = diff(on("2016-01-01"), on("2016-12-20"), between=between)
    ids = [r["id"] for r in change.events]
    reconciliation = "recep-tayyip-erdogan.reconciles-with.vladimir-putin.2016-summer"
    assassination = "ankara-gunman.assassinates.andrei-karlov.2016-12-19"
    assert ids.index(reconciliation) < ids.index(assassination)
    assert "turkey.shoots-down.russia.2015-11" not in ids  # before the first date
    assert all(r["kind"] == "event" for r in change.events)


def test_the_same_snapshot_twice_changes_nothing():
    change = diff(on("2016-12-20"), on("2016-12-20"))
    assert not (change.began or change.ended or change.flipped or change.formed or change.dissolved
                or change.camp_changes)
    assert change.events is None


def test_renumbered_camps_are_not_moves_but_a_real_switch_is():
    before = nx.Graph(date="2020-01-01")
    before.add_edges_from([("a1", "a2"), ("b1", "b2"), ("b2", "b3"), ("b3", "b4")], sign=1)
    before.add_edges_from([("a1", "b1"), ("x", "b1")], sign=-1)
    before.add_edge("x", "a1", sign=1)
    # Later the a-side outgrows the b-side, so the camps' numbers swap, and x changes sides.
    after = before.copy()
    after.graph["date"] = "2021-01-01"
    after.add_edges_from([("a2", "a3"), ("a3", "a4"), ("a4", "a5"), ("a5", "a6")], sign=1)
    after.edges["x", "a1"]["sign"] = -1
    after.edges["x", "b1"]["sign"] = 1
    change = diff(before, after)
    assert change.camps_before.camps[0][0] == "b1" and change.camps_after.camps[0][0] == "a1"
    assert [m.actor for m in change.camp_changes] == ["x"]
    assert {(t.a, t.b) for t in change.flipped} == {("a1", "x"), ("b1", "x")}
    assert {(t.a, t.b) for t in change.formed} == {("a2", "a3"), ("a3", "a4"), ("a4", "a5"), ("a5", "a6")}
