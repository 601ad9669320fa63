"""Messages: short excerpts of any value, credentials scrubbed, and suggestions for typos."""

import pytest

from relgraph.errors import did_you_mean, excerpt, scrub


def test_a_suggestion_is_the_closest_option():
    assert did_you_mean("turky", ["turkey", "russia"]) == " (did you mean 'turkey'?)"
    assert did_you_mean("narnia", ["turkey", "russia"]) == ""


@pytest.mark.parametrize("word", [12, None, "x" * 201])
def test_no_suggestion_for_what_is_not_a_plausible_typo(word):
    assert did_you_mean(word, ["x"]) == ""


def test_among_many_options_a_typo_still_finds_its_id():
    ids = [f"actor-{i}" for i in range(50_000)] + ["recep-tayyip-erdogan"]
    assert did_you_mean("recep-tayip-erdogan", ids) == " (did you mean 'recep-tayyip-erdogan'?)"
    assert did_you_mean("actor-4999x", ids) == " (did you mean 'actor-4999'?)"


def test_among_many_options_only_ids_that_start_alike_are_weighed():
    # The price of bounded time: a typo in the first letter finds nothing among thousands of ids,
    # while among a few it is found.
    many = [f"actor-{i}" for i in range(5_000)] + ["turkey"]
    assert did_you_mean("yurkey", many) == ""
    assert did_you_mean("yurkey", ["turkey", "russia"]) == " (did you mean 'turkey'?)"


def test_an_excerpt_is_short_whatever_the_value():
    assert excerpt("x" * 1_000_000).endswith("(1000000 characters)")
    assert len(excerpt("x" * 1_000_000)) < 100
    deep: list = []
    for _ in range(1_000):
        deep = [deep]
    assert len(excerpt(deep)) < 100


def test_scrub_takes_out_user_info_and_secrets():
    assert scrub("bolt://neo4j:pw-123@db:7687 said pw-123") == "bolt://db:7687 said pw-123"
    assert scrub("bolt://neo4j:pw-123@db:7687 said pw-123", ["pw-123"]) == "bolt://db:7687 said ***"
    assert scrub("a b c", ["a"]) == "a b c"  # too short to be told from a word
