"""Actors: country codes to the curated example's ids, roles apart where they matter, the user's map."""

import pytest

from relgraph import example_path
from relgraph.dataset import load
from relgraph.errors import EventDataError
from relgraph.ingest.events.actors import ActorMap, Described
from relgraph.ingest.events.countries import COUNTRIES, GROUPS


def test_state_ids_are_those_of_the_curated_example():
    curated = load(example_path()).actors
    states = [a for a in curated.values() if a.kind == "state"]
    assert states
    for actor in states:
        country = COUNTRIES[actor.country]
        assert (country.id, country.name, country.wikidata) == (actor.id, actor.name, actor.wikidata)


def test_ids_are_unique_slugs():
    ids = [c.id for c in COUNTRIES.values()] + [g.id for g in GROUPS.values()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("described", "expected"), [
    (Described(keys=("RUS",), country="RUS"), "russia"),
    (Described(keys=("RUSGOV", "RUSGOV"), country="RUS", role="GOV"), "russia"),
    (Described(keys=("SYRREB", "SYRREB"), country="SYR", role="REB"), "syria-rebels"),
    (Described(keys=("ROM",), country="ROM"), "romania"),
    (Described(keys=("IGOUNO",), group="UNO"), "united-nations"),
])
def test_default_resolution(described, expected):
    assert ActorMap().resolve(described).id == expected


def test_what_has_no_actor_says_why():
    actors = ActorMap()
    assert actors.resolve(Described(keys=("CVL",), role="CVL")).reason == "no country or known group"
    assert actors.resolve(Described(keys=("MEA",), country="MEA")).reason == "a region or place, not a state"
    assert actors.resolve(Described(keys=("XYZ",), country="XYZ")).reason == "unknown country"


def test_the_users_map_wins_most_specific_key_first(write):
    path = write("""
        SYRGOV: {id: assad-regime, name: Assad regime, kind: government, country: SYR}
        SYR: syria-state
        SYRREBISL: islamic-state
        """, "actors.yaml")
    actors = ActorMap.load(path)
    assert actors.resolve(Described(keys=("SYRGOV", "SYRGOV"), country="SYR", role="GOV")).id == "assad-regime"
    assert actors.resolve(Described(keys=("SYRREBISL", "SYRREB"), country="SYR", role="REB")).id == "islamic-state"
    assert actors.resolve(Described(keys=("SYRREB", "SYRREB"), country="SYR", role="REB")).id == "syria-state"
    assert actors.actors["assad-regime"].kind == "government"
    assert (actors.actors["syria-state"].name, actors.actors["syria-state"].kind) == ("Syria state", "state")


@pytest.mark.parametrize(("text", "message"), [
    ("SYRGOV: Assad Regime", "'SYRGOV': 'Assad Regime' is not an id"),
    ("SYRGOV: {id: assad-regime, kind: regime}", "'SYRGOV': 'regime' is not one of: state"),
    ("SYRGOV: {id: assad-regime, colour: red}", "'SYRGOV': unknown field 'colour'"),
    ("- SYRGOV", "expected a mapping of codes or names to actor ids"),
])
def test_a_bad_user_map_is_one_clear_error(write, text, message):
    path = write(text + "\n", "actors.yaml")
    with pytest.raises(EventDataError) as caught:
        ActorMap.load(path)
    assert str(caught.value).startswith(f"{path}: {message}")
