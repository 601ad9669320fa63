"""Timelines over the whole history, in order, with sources."""

import pytest
from signed_graphs import EXAMPLE

from relgraph.analysis.timeline import timeline
from relgraph.errors import UnknownActor
from relgraph.records import when


def test_russia_and_turkey_from_the_shoot_down_to_cooperation():
    story = timeline(EXAMPLE, "Moscow", "Ankara")
    assert (story.actor, story.other, story.name, story.other_name) == ("russia", "turkey", "Russia", "Turkey")
    assert [e["type"] for e in story.entries] == ["shoots-down", "hostile-to", "cooperates", "tolerates"]
    assert when(story.entries[1]) == "2015-11 – 2016-summer"
    assert all(e["sources"] and e["sources"][0]["evidence"] for e in story.entries)


def test_stances_only():
    story = timeline(EXAMPLE, "russia", "turkey", events=False)
    assert [e["type"] for e in story.entries] == ["hostile-to", "cooperates", "tolerates"]


def test_the_ambassador_represents_russia_until_he_is_killed():
    story = timeline(EXAMPLE, "Andrei Karlov")
    assert [(e["type"], e["first"].isoformat(), e["last"].isoformat()) for e in story.entries] == [
        ("represents", "2013-01-01", "2016-12-19"), ("assassinates", "2016-12-19", "2016-12-19")]


def test_the_json_form_is_versioned_and_gives_days_as_text():
    data = timeline(EXAMPLE, "Andrei Karlov").to_dict()
    assert (data["version"], data["kind"], data["actor"], data["name"]) == (1, "timeline", "andrei-karlov",
                                                                           "Andrei Karlov")
    assert [(e["first"], e["last"]) for e in data["entries"]] == [("2013-01-01", "2016-12-19"),
                                                                  ("2016-12-19", "2016-12-19")]


@pytest.mark.parametrize("actor", sorted(EXAMPLE.actors))
def test_every_timeline_is_in_order_and_complete(actor):
    story = timeline(EXAMPLE, actor)
    firsts = [e["first"] for e in story.entries if e["first"]]
    assert firsts == sorted(firsts)
    assert all(e["first"] for e in story.entries[len(story.entries) - len(firsts):])  # open starts come first
    expected = {r.id for r in EXAMPLE.relations.values() if actor in (r.source, r.target)}
    assert {e["id"] for e in story.entries} == expected


def test_an_unknown_actor_gets_a_suggestion():
    with pytest.raises(UnknownActor, match=r"no actor 'Rusia' in the dataset \(did you mean 'Russia'\?\)"):
        timeline(EXAMPLE, "Rusia")
