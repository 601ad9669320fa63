"""The model: the declared vocabularies and what relations say about time."""

from datetime import date

import pytest

from relgraph.dates import PartialDate
from relgraph.model import (
    ACTOR_KINDS,
    BUILTIN_TYPES,
    DEAL_KINDS,
    Relation,
    RelationType,
    relation_id,
    sign_symbol,
)


def test_the_design_types_exist_with_their_sign_and_kind():
    expected = {"backs": (1, "stance"), "opposes": (-1, "stance"),
                "brokers": (1, "event"), "shoots-down": (-1, "event")}
    assert {name: (BUILTIN_TYPES[name].sign, BUILTIN_TYPES[name].kind) for name in expected} == expected


def test_vocabulary_is_consistent():
    for name, t in BUILTIN_TYPES.items():
        assert t.name == name
        assert t.sign in (-1, 0, 1) and t.kind in ("stance", "event")
        assert t.description
        for kinds in (t.source_kinds, t.target_kinds):
            assert kinds is None or kinds <= ACTOR_KINDS.keys()


def test_whether_a_type_is_built_in_does_not_make_it_another_type():
    own = RelationType("backs", 1, "stance", "gives political, material or military support to")
    assert not own.builtin and BUILTIN_TYPES["backs"].builtin
    assert own == BUILTIN_TYPES["backs"]


def test_actor_kinds_include_the_required_ones_and_deals_are_declared_as_data():
    required = {"state", "government", "person", "armed-group", "organisation", "coalition", "agreement"}
    assert required <= ACTOR_KINDS.keys()
    assert {"agreement", "resolution", "meeting"} == DEAL_KINDS
    assert BUILTIN_TYPES["brokers"].target_kinds == DEAL_KINDS


def test_relation_ids_are_deterministic_and_readable():
    when = PartialDate.parse("2016-summer")
    assert relation_id("russia", "cooperates", "turkey", when) == "russia.cooperates.turkey.2016-summer"
    assert relation_id("a", "backs", "b", None) == "a.backs.b.open"
    assert relation_id("a", "meets", "b", PartialDate.parse("2016-12-17/2016-12-18")) == "a.meets.b.2016-12-17_2016-12-18"


def test_stance_and_event_activity():
    stance = Relation("s", "a", "backs", "b", 1, start=PartialDate.parse("2011-03"),
                      end=PartialDate.parse("2012"))
    assert stance.active_on(date(2012, 12, 31)) and not stance.active_on(date(2013, 1, 1))
    event = Relation("e", "a", "brokers", "x", 1, date=PartialDate.parse("2016-12-18"))
    assert event.is_event and not stance.is_event
    assert event.active_on(date(2016, 12, 20)) and not event.active_on(date(2016, 12, 17))


@pytest.mark.parametrize(("relation", "first", "last"), [
    (Relation("s", "a", "backs", "b", 1, start=PartialDate.parse("2011-03"), end=PartialDate.parse("2016-summer")),
     date(2011, 3, 1), date(2016, 8, 31)),
    (Relation("o", "a", "backs", "b", 1), None, None),
    (Relation("e", "a", "meets", "b", 0, date=PartialDate.parse("2016-12-17/2016-12-18")),
     date(2016, 12, 17), date(2016, 12, 18)),
])
def test_first_and_last_days(relation, first, last):
    assert (relation.first, relation.last) == (first, last)


def test_sign_symbols():
    assert [sign_symbol(s) for s in (1, 0, -1)] == ["+", "0", "-"]
