"""Lines of a figure: one per pair (sign by the tie rule, types in the label), or one per relation."""

from datetime import date

import networkx as nx
import pytest

from relgraph.render.lines import bend_parallel, frame_lines, mixed_text


def graph(*edges):
    g = nx.MultiDiGraph(date="2016-12-20")
    for u, v, key, attrs in edges:
        g.add_node(u, kind="state")
        g.add_node(v, kind=attrs.pop("node_kind", "state"))
        g.add_edge(u, v, key=key, id=key, **{"sign": 1, "kind": "stance", "symmetric": False, "confidence": 1.0,
                                             "type": "backs", "first": date(2016, 1, 1), **attrs})
    return g


def test_a_pair_is_one_line_with_its_types_the_deciding_one_first():
    g = graph(("ru", "sy", "b", {"type": "backs", "confidence": 0.9}),
              ("ru", "sy", "f", {"type": "fights-alongside", "symmetric": True, "confidence": 0.95}))
    [line] = frame_lines(g)
    assert (line.source, line.target, line.relations, line.label) == ("ru", "sy", ("f", "b"), "fights-alongside, backs")
    assert (line.sign, line.head, line.tail, line.dashed, line.width) == (1, "arrow", "none", False, 2.9)


def test_heads_each_way_and_events_dashed_only_when_all_are():
    g = graph(("tr", "op", "b", {"type": "backs"}), ("op", "tr", "a", {"type": "attacks", "sign": -1, "kind": "event"}))
    [line] = frame_lines(g)
    assert (line.source, line.head, line.tail, line.dashed) == ("tr", "arrow", "vee", False)
    [event] = frame_lines(graph(("a", "b", "m", {"type": "meets", "sign": 0, "kind": "event", "symmetric": True})))
    assert (event.sign, event.dashed, event.head, event.tail) == (0, True, "none", "none")


def test_the_sign_follows_the_tie_rule_stances_before_events():
    g = graph(("a", "b", "s", {"type": "backs", "confidence": 0.5, "start": "2011-03", "first": date(2011, 3, 1)}),
              ("a", "b", "e", {"type": "attacks", "sign": -1, "kind": "event", "confidence": 1.0,
                               "date": "2016-12-10", "first": date(2016, 12, 10)}))
    [line] = frame_lines(g)
    assert line.sign == 1 and line.relations == ("s", "e")
    assert line.mixed == "mixed: backs from 2011-03, attacks on 2016-12-10"


@pytest.mark.parametrize(("rels", "text"), [
    ([{"id": "h", "type": "hostile-to", "sign": -1, "kind": "stance", "start": "2015-11", "end": "2016-summer",
       "first": date(2015, 11, 1)},
      {"id": "c", "type": "cooperates", "sign": 1, "kind": "stance", "start": "2016-summer", "end": None,
       "first": date(2016, 6, 1)}],
     "mixed: hostile-to until 2016-summer, cooperates from 2016-summer"),
    ([{"id": "x", "type": "attacks", "sign": -1, "kind": "event", "date": "2016-12-10", "first": date(2016, 12, 10)},
      {"id": "y", "type": "backs", "sign": 1, "kind": "stance", "start": None, "end": None, "first": None}],
     "mixed: backs since before the record, attacks on 2016-12-10"),
    ([{"id": "y", "type": "backs", "sign": 1, "kind": "stance", "start": "2011", "end": None, "first": None},
      {"id": "n", "type": "tolerates", "sign": 0, "kind": "stance", "start": "2016", "end": None, "first": None}],
     None),
])
def test_mixed_text(rels, text):
    assert mixed_text(rels) == text


def test_candidates_never_merge_into_a_curated_line():
    g = graph(("a", "b", "cur", {}), ("a", "b", "cand", {"review": "pending", "sign": -1, "type": "opposes"}),
              ("a", "b", "ok", {"review": "accepted", "type": "cooperates", "symmetric": True}))
    lines = frame_lines(g)
    assert [(ln.relations, ln.candidate, ln.curve != 0) for ln in lines] == [
        (("cur", "ok"), False, False), (("cand",), True, True)]
    assert lines[1].sign == -1


def test_every_relation_its_own_line_and_parallel_ones_bend_apart():
    g = graph(("a", "b", "1", {}), ("a", "b", "2", {}), ("b", "a", "3", {"type": "opposes", "sign": -1}))
    lines = bend_parallel(frame_lines(g, all_relations=True))
    assert [ln.relations for ln in lines] == [("1",), ("2",), ("3",)]
    geometric = [ln.curve if ln.source == "a" else -ln.curve for ln in lines]
    assert geometric[0] == 0 and geometric[1] * geometric[2] < 0


def test_lines_do_not_depend_on_the_order_edges_come_in():
    edges = [("a", "b", "1", {}), ("b", "a", "2", {"type": "opposes", "sign": -1}), ("a", "c", "3", {})]
    forward = frame_lines(graph(*[(u, v, k, dict(a)) for u, v, k, a in edges]))
    backward = frame_lines(graph(*[(u, v, k, dict(a)) for u, v, k, a in reversed(edges)]))
    assert forward == backward
