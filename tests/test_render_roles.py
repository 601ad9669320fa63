"""Whom a person stands for on a date: roles from leads and represents, and roles that just ended."""

from datetime import date

import networkx as nx

from relgraph.render.roles import Role, note_ended_roles, possessive, recent_roles, role_text, roles
from relgraph.snapshot import snapshot


def test_roles_come_from_people_who_lead_or_represent(example):
    found = roles(snapshot(example, "2016-12-20"))
    assert {p: [r.text for r in held] for p, held in found.items()} == {
        "bashar-al-assad": ["Assad regime's leader"], "recep-tayyip-erdogan": ["Turkey's leader"],
        "sergei-lavrov": ["Russian Foreign Ministry's leader"], "vladimir-putin": ["Russia's leader"]}


def test_a_state_that_leads_a_militia_is_no_person_with_a_role(example):
    assert "iran" not in roles(snapshot(example, "2016-12-20"))


def test_a_role_that_ended_in_the_window_is_noted_with_its_end(example):
    day = snapshot(example, "2016-12-20")
    assert "andrei-karlov" not in roles(day)
    note_ended_roles(day, snapshot(example, "2016-11-21"))
    assert [r.text for r in roles(day)["andrei-karlov"]] == ["Russia's representative until 2016-12-19"]
    # a role that still holds is not noted as ended, and one ended long before the window is not seen at all
    assert [e["source"] for e in day.graph["ended_roles"]] == ["andrei-karlov"]


def test_recent_roles_asks_for_the_first_day_of_each_window(example):
    asked = []

    def snapshots(days):
        asked.extend(days)
        return [snapshot(example, d) for d in days]

    graphs = [snapshot(example, "2016-12-20"), snapshot(example, "2016-12-20", window=None)]
    recent_roles(graphs, snapshots)
    assert asked == [date(2016, 11, 21)]
    assert "ended_roles" in graphs[0].graph and "ended_roles" not in graphs[1].graph


def test_possessives_and_several_roles():
    assert possessive("Russia") == "Russia's" and possessive("United States") == "United States'"
    held = [Role("leads", "a", "A"), Role("represents", "b", "B", 0.5), Role("leads", "c", "C", 0.2)]
    assert role_text(held) == "A's leader; B's representative (+1)" and role_text([]) is None


def test_only_people_get_roles():
    g = nx.MultiDiGraph(date="2016-12-20")
    g.add_node("x", name="X", kind="organisation")
    g.add_node("y", name="Y", kind="state")
    g.add_edge("x", "y", key="r", type="represents", kind="stance", confidence=1.0)
    assert roles(g) == {}
