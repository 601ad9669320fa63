"""Finding an actor by what a person types: id, name or alias, forgiving case, accents and spacing."""

import networkx as nx
import pytest

from relgraph import example_path
from relgraph.actors import dataset_actors, find_actor, graph_actors
from relgraph.dataset import load
from relgraph.errors import OptionError, UnknownActor
from relgraph.snapshot import snapshot

EXAMPLE = load(example_path())
KNOWN = dataset_actors(EXAMPLE)


@pytest.mark.parametrize(("query", "expected"), [
    ("russia", "russia"),                                 # the id
    ("Russian Federation", "russia"),                     # an alias
    ("RUSSIAN FEDERATION", "russia"),                     # any case
    ("Recep Tayyip Erdogan", "recep-tayyip-erdogan"),     # the name without its accent
    ("erdoğan", "recep-tayyip-erdogan"),                  # an alias with it
    ("recep tayyip erdogan", "recep-tayyip-erdogan"),     # the id with spaces for hyphens
    ("Bashar al Assad", "bashar-al-assad"),               # the name with a space for its hyphen
    ("  Islamic   State ", "islamic-state"),              # extra spacing
    ("pro assad forces", "assad-regime"),                 # an alias with a hyphen left out
    ("Daesh", "islamic-state"),
    ("unsc", "un-security-council"),
])
def test_names_and_aliases_of_the_example(query, expected):
    assert find_actor(query, KNOWN) == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("Karlov", "andrei-karlov"),        # one word of the name
    ("karlov", "andrei-karlov"),        # any case
    ("ERDOGAN", "recep-tayyip-erdogan"),  # one word, accent left out
    ("tayyip erdogan", "recep-tayyip-erdogan"),  # several words, all in the name
])
def test_a_word_of_a_name_finds_its_actor(query, expected):
    assert find_actor(query, KNOWN) == expected


def test_a_word_shared_by_several_names_lists_them_with_names():
    actors = [("a", "Vladimir Putin", []), ("b", "Vladimir Zelensky", []), ("c", "Recep Erdogan", [])]
    with pytest.raises(UnknownActor) as caught:
        find_actor("vladimir", actors)
    assert str(caught.value) == "'vladimir' could be any of a (Vladimir Putin), b (Vladimir Zelensky): give the id"


def test_a_whole_name_wins_over_a_word_of_another():
    actors = [("iran", "Iran", []), ("iran-backed-militias", "Iran-backed militias", [])]
    assert find_actor("iran", actors) == "iran"
    assert find_actor("Iran", actors) == "iran"


def test_a_misspelt_word_suggests_the_whole_name():
    with pytest.raises(UnknownActor) as caught:
        find_actor("Karlv", KNOWN)
    assert str(caught.value) == "no actor 'Karlv' in the dataset (did you mean 'Andrei Karlov'?)"


def test_an_exact_id_wins_over_a_name_or_alias_of_another():
    actors = [("turkey", "Turkey", []), ("ankara-government", "Ankara government", ["turkey"])]
    assert find_actor("turkey", actors) == "turkey"


def test_several_matches_name_every_candidate():
    actors = [("turkey", "Turkey", []), ("ankara-government", "Ankara government", ["turkey"])]
    with pytest.raises(UnknownActor) as caught:
        find_actor("Turkey", actors)
    assert str(caught.value) == ("'Turkey' could be any of ankara-government (Ankara government), "
                                 "turkey (Turkey): give the id")
    assert caught.value.option == "ACTOR"


def test_no_match_suggests_the_name_not_the_id():
    with pytest.raises(UnknownActor) as caught:
        find_actor("Rusia", KNOWN)
    assert str(caught.value) == "no actor 'Rusia' in the dataset (did you mean 'Russia'?)"


def test_no_match_and_nothing_close():
    with pytest.raises(UnknownActor, match=r"^no actor 'Narnia' in the graph of 2016-12-20$"):
        find_actor("Narnia", KNOWN, where="the graph of 2016-12-20")


def test_several_suggestions_are_joined_with_or():
    actors = [("a", "Vladimir Putin", []), ("b", "Vladimir Puton", [])]
    with pytest.raises(UnknownActor) as caught:
        find_actor("Vladimir Putn", actors)
    message = str(caught.value)
    assert message.startswith("no actor 'Vladimir Putn' in the dataset (did you mean ")
    assert message.endswith("?)")
    assert set(message.split("did you mean ")[1][:-2].split(" or ")) == {"'Vladimir Putin'", "'Vladimir Puton'"}


@pytest.mark.parametrize("query", ["Narnia", "Turkey"])
def test_the_error_names_the_option_it_was_given_for(query):
    actors = [("turkey", "Turkey", []), ("ankara-government", "Ankara government", ["turkey"])]
    with pytest.raises(UnknownActor) as caught:
        find_actor(query, actors, option="OTHER")
    assert caught.value.option == "OTHER"
    assert isinstance(caught.value, OptionError)


def test_nothing_to_choose_from():
    with pytest.raises(UnknownActor, match=r"^no actor 'russia' in the dataset$"):
        find_actor("russia", [])


def test_dataset_actors_lists_every_actor_once():
    assert len(KNOWN) == len(EXAMPLE.actors) == 28
    assert [k[0] for k in KNOWN] == list(EXAMPLE.actors)
    by_id = {actor_id: (name, tuple(aliases)) for actor_id, name, aliases in KNOWN}
    assert by_id["assad-regime"] == ("Assad regime", ("Syrian government", "Damascus", "pro-Assad forces"))
    assert by_id["iraqi-militias"] == ("Iraqi militias (Iranian-led)", ())


def test_graph_actors_reads_the_snapshot_nodes():
    graph = snapshot(EXAMPLE, "2016-12-20")
    known = {actor_id: (name, aliases) for actor_id, name, aliases in graph_actors(graph)}
    assert known.keys() == set(graph.nodes)
    assert known["united-states"] == ("United States", ["US", "USA", "Washington"])
    assert find_actor("Washington", graph_actors(graph)) == "united-states"


def test_graph_actors_of_a_node_without_attributes():
    graph = nx.MultiDiGraph()
    graph.add_node("x")
    assert graph_actors(graph) == [("x", "x", [])]


def test_an_actor_absent_from_a_date_is_not_found_there():
    # The Security Council is in no relation (a veto is of one of its drafts): never in a snapshot.
    graph = snapshot(EXAMPLE, "2016-01-01")
    assert "un-security-council" not in graph
    with pytest.raises(UnknownActor, match=r"^no actor 'UNSC' in the graph of 2016-01-01$"):
        find_actor("UNSC", graph_actors(graph), where="the graph of 2016-01-01")
    assert find_actor("UNSC", KNOWN) == "un-security-council"


NON_LATIN = [("russia", "Russia", ["Россия"]), ("islamic-state", "Islamic State", ["داعش"])]
"""Aliases in the scripts the actors' own media use: Cyrillic and Arabic."""


@pytest.mark.parametrize(("query", "expected"), [("Россия", "russia"), ("داعش", "islamic-state")])
def test_an_alias_in_another_script_is_found(query, expected):
    assert find_actor(query, NON_LATIN) == expected


@pytest.mark.parametrize("query", ["Лавров"])
def test_an_unknown_name_in_another_script_is_not_found(query):
    with pytest.raises(UnknownActor, match=rf"^no actor '{query}' in the dataset$"):
        find_actor(query, NON_LATIN)
