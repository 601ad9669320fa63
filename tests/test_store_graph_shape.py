"""How the model maps onto Neo4j's property graph and back, read without a server."""

import dataclasses
from datetime import date

import pytest

from relgraph import example_path
from relgraph.dataset import load
from relgraph.dates import PartialDate
from relgraph.errors import StoreError
from relgraph.model import ACTOR_KINDS, BUILTIN_TYPES, Citation, Relation, RelationType, Source
from relgraph.records import relation_record, source_record
from relgraph.store.graph_shape import (
    ACTOR_FIELDS,
    CITATION_FIELDS,
    OPEN_END,
    OPEN_START,
    RELATION_FIELDS,
    SOURCE_FIELDS,
    actor_from,
    actor_labels,
    actor_row,
    cite,
    neo4j_type,
    relation_from,
    relation_records_from,
    relation_row,
    row_of,
    source_from,
    source_row,
    type_from,
    type_row,
)

EXAMPLE = load(example_path())


def partial(text):
    return PartialDate.parse(text)


@pytest.mark.parametrize(("name", "expected"), [
    ("backs", "BACKS"), ("shoots-down", "SHOOTS_DOWN"), ("fights-alongside", "FIGHTS_ALONGSIDE"),
    ("affirms-cooperation", "AFFIRMS_COOPERATION"), ("a.b_c-d", "A_B_C_D"), ("x2", "X2"),
])
def test_neo4j_type(name, expected):
    assert neo4j_type(name) == expected


def test_every_built_in_type_has_a_distinct_neo4j_type():
    spliced = {neo4j_type(name) for name in BUILTIN_TYPES}
    assert len(spliced) == len(BUILTIN_TYPES)


@pytest.mark.parametrize("name", ["2nd-strike", "", "a b", "back`s", "backs]->(x", "évacue", "a/b", "_hidden"])
def test_names_unsafe_to_splice_are_refused(name):
    with pytest.raises(StoreError) as caught:
        neo4j_type(name)
    assert str(caught.value) == f"relation type {name!r} cannot be a Neo4j relationship type"


@pytest.mark.parametrize("name", ["speaks-about", "speaks_about", "speaks.about", "SPEAKS-ABOUT"])
def test_the_source_link_type_is_reserved(name):
    with pytest.raises(StoreError) as caught:
        neo4j_type(name)
    assert str(caught.value) == (f"relation type {name!r} is SPEAKS_ABOUT in Neo4j, which links sources to actors; "
                                 "choose another name")


@pytest.mark.parametrize(("kind", "labels"), [
    ("state", "State"), ("government", "Government"), ("person", "Person"), ("armed-group", "ArmedGroup"),
    ("organisation", "Organisation"), ("coalition", "Coalition"), ("agreement", "Agreement:Deal"),
    ("resolution", "Resolution:Deal"), ("meeting", "Meeting:Deal"),
])
def test_actor_labels(kind, labels):
    assert actor_labels(kind) == labels


def test_every_kind_has_labels():
    assert {k for k in ACTOR_KINDS if actor_labels(k).endswith(":Deal")} == {"agreement", "resolution", "meeting"}


# -- actors, sources, types ----------------------------------------------------------------------


def no_nulls(row):
    return all(v is not None for v in row.values())


@pytest.mark.parametrize("actor", list(EXAMPLE.actors.values()), ids=list(EXAMPLE.actors))
def test_actor_round_trip(actor):
    row = actor_row(actor)
    assert no_nulls(row) and isinstance(row["aliases"], list) and row["hash"]
    assert actor_from(row_of(row, ACTOR_FIELDS)) == actor


def test_actor_row_of_one_actor():
    row = actor_row(EXAMPLE.actors["russian-foreign-ministry"])
    assert {k: v for k, v in row.items() if k != "hash"} == {
        "id": "russian-foreign-ministry", "name": "Russian Foreign Ministry", "kind": "organisation",
        "aliases": ["Ministry of Foreign Affairs of Russia"], "country": "RUS", "part_of": "russia"}


@pytest.mark.parametrize("change", [{"id": "x"}, {"name": "X"}, {"kind": "government"}, {"aliases": ("Y",)},
                                    {"country": "SYR"}, {"wikidata": "Q1"}, {"part_of": "iran"},
                                    {"description": "d"}])
def test_the_actor_hash_follows_every_field(change):
    russia = EXAMPLE.actors["russia"]
    assert actor_row(dataclasses.replace(russia, **change))["hash"] != actor_row(russia)["hash"]
    assert actor_row(dataclasses.replace(russia))["hash"] == actor_row(russia)["hash"]


@pytest.mark.parametrize("source", [*EXAMPLE.sources.values(), Source("bare", "Bare"),
                                    Source("s", "S", "P", "https://example.org/s", partial("2016-summer"))],
                         ids=lambda s: s.id)
def test_source_round_trip(source):
    row = source_row(source)
    assert no_nulls(row)
    assert source_from(row_of(row, SOURCE_FIELDS)) == source


def test_source_row_keeps_the_date_as_recorded():
    row = source_row(Source("s", "S", published=partial("2016-12-17/2016-12-18")))
    assert row == {"id": "s", "title": "S", "published": "2016-12-17/2016-12-18"}


CUSTOM = RelationType("evacuates", 0, "event", "moves people out of", symmetric=True,
                      source_kinds=frozenset({"state", "armed-group"}), target_kinds=frozenset({"agreement"}))


@pytest.mark.parametrize("rtype", [*BUILTIN_TYPES.values(), CUSTOM, RelationType("bare", -1, "stance")],
                         ids=lambda t: t.name)
def test_type_round_trip(rtype):
    row = type_row(rtype)
    assert type_from(row) == rtype
    # Neo4j keeps no nulls: the row as it reads back
    assert type_from({k: v for k, v in row.items() if v is not None}) == rtype


def test_type_row_lists_kinds_sorted():
    assert type_row(CUSTOM) == {"name": "evacuates", "sign": 0, "kind": "event", "symmetric": True,
                                "description": "moves people out of", "source_kinds": ["armed-group", "state"],
                                "target_kinds": ["agreement"]}


# -- relations -------------------------------------------------------------------------------------


STORABLE = (str, int, float, date)


def test_a_stance_row():
    rel = EXAMPLE.relations["russia.hostile-to.turkey.2015-11"]
    row = relation_row(rel, EXAMPLE.types)
    assert (row["source"], row["target"], row["id"]) == ("russia", "turkey", rel.id)
    props = dict(row["props"])
    assert props.pop("hash")
    assert props == {
        "id": rel.id, "type": "hostile-to", "sign": -1, "kind": "stance",
        "start": "2015-11", "start_precision": "month", "end": "2016-summer", "end_precision": "season",
        "first": date(2015, 11, 1), "last": date(2016, 8, 31), "confidence": 0.9,
        # the spans of the start (November 2015) and the end (the summer) reach these days: rule 4a
        "start_last": date(2015, 11, 30), "end_first": date(2016, 6, 1),
        "source_ids": ["syria-daily-2016-12-20"],
        "evidence": ["After the shoot-down, ties between Moscow and Ankara were close to breaking; "
                     "the summer reconciliation ended the rupture."],
    }


def test_an_event_row():
    rel = EXAMPLE.relations["russia.vetoes.draft-s-2016-1026.2016-12-05"]
    props = relation_row(rel, EXAMPLE.types)["props"]
    assert (props["kind"], props["date"], props["date_precision"]) == ("event", "2016-12-05", "day")
    assert (props["first"], props["last"]) == (date(2016, 12, 5), date(2016, 12, 5))
    assert "start" not in props and "end" not in props
    assert "start_last" not in props and "end_first" not in props
    assert props["source_ids"] == ["syria-daily-2016-12-20", "un-veto-list"]
    assert "notes" not in props  # Neo4j stores no nulls


@pytest.mark.parametrize(("start", "end", "first", "last"), [
    ("2011-03", None, date(2011, 3, 1), date(9999, 12, 31)),
    (None, "2016", date(1, 1, 1), date(2016, 12, 31)),
    (None, None, date(1, 1, 1), date(9999, 12, 31)),
])
def test_open_ends_are_sentinels_so_one_range_test_serves(start, end, first, last):
    rel = Relation("r", "a", "backs", "b", 1, start=start and partial(start), end=end and partial(end))
    props = relation_row(rel, BUILTIN_TYPES)["props"]
    assert (props["first"], props["last"]) == (first, last)
    assert ("start" in props, "end" in props) == (start is not None, end is not None)
    assert ((props["first"] == OPEN_START), (props["last"] == OPEN_END)) == (start is None, end is None)


def test_citations_are_parallel_lists_with_missing_evidence_as_empty_text():
    rel = Relation("r", "a", "backs", "b", 1, start=partial("2016"), sources=(
        Citation(Source("s1", "One"), "says so"), Citation(Source("s2", "Two")), Citation(Source("s3", "3"), "too")))
    props = relation_row(rel, BUILTIN_TYPES)["props"]
    assert (props["source_ids"], props["evidence"]) == (["s1", "s2", "s3"], ["says so", "", "too"])
    bare = relation_row(Relation("r", "a", "backs", "b", 1), BUILTIN_TYPES)["props"]
    assert (bare["source_ids"], bare["evidence"]) == ([], [])


@pytest.mark.parametrize("rel", list(EXAMPLE.relations.values()), ids=list(EXAMPLE.relations))
def test_relation_round_trip(rel):
    row = relation_row(rel, EXAMPLE.types)
    props = row["props"]
    assert no_nulls(props)
    for name, value in props.items():
        assert isinstance(value, STORABLE) or (isinstance(value, list) and all(isinstance(v, str) for v in value)), name
    assert len(props["source_ids"]) == len(props["evidence"]) == len(rel.sources)
    assert relation_from(read_back(row), rel.type, EXAMPLE.sources) == rel


def read_back(row, evidence=True):
    """The list a snapshot query returns for the relationship a load writes from ``row``."""
    return [row["source"], row["target"], *row_of(row["props"], RELATION_FIELDS + (CITATION_FIELDS if evidence else ()))]


QUOTED = Relation("q", "turkey", "shoots-down", "russia", -1, date=partial("2015-11"), review="pending", sources=(
    Citation(Source("article", "An article"), None, "Turkish jets shot down a Russian bomber.", (120, 161)),
    Citation(Source("other", "Another"), "says so")))


@pytest.mark.parametrize("rel", [*EXAMPLE.relations.values(), QUOTED], ids=[*EXAMPLE.relations, "quoted"])
def test_a_relation_row_gives_the_relation_record_with_or_without_citations(rel):
    types = EXAMPLE.types
    cited = {c.source.id: source_record(c.source) for c in rel.sources}
    row = relation_row(rel, types)
    [bare] = relation_records_from([read_back(row, evidence=False)], rel.type, types.get(rel.type))
    assert bare == relation_record(rel, types, citations=False) and bare["sources"] == []
    records = relation_records_from([read_back(row)], rel.type, types.get(rel.type))
    cite(records, [read_back(row)], cited)
    assert records == [relation_record(rel, types)]


def test_a_quoted_candidate_reads_back():
    sources = {c.source.id: c.source for c in QUOTED.sources}
    assert relation_from(read_back(relation_row(QUOTED, BUILTIN_TYPES)), "shoots-down", sources) == QUOTED


BASE = Relation("r", "a", "backs", "b", 1, start=partial("2016"), end=partial("2016-12"), confidence=0.8,
                sources=(Citation(Source("s1", "One"), "E"),), notes="n")


@pytest.mark.parametrize("change", [
    {"id": "r2"}, {"source": "c"}, {"type": "opposes"}, {"target": "c"}, {"sign": -1},
    {"start": partial("2015")}, {"start": None}, {"start": partial("2016-01")}, {"end": partial("2016-11")},
    {"end": None}, {"date": partial("2016-05")}, {"confidence": 0.9}, {"notes": "m"}, {"notes": None},
    {"sources": ()}, {"sources": (Citation(Source("s2", "One"), "E"),)},
    {"sources": (Citation(Source("s1", "One"), "F"),)}, {"sources": (Citation(Source("s1", "One")),)},
    {"sources": (Citation(Source("s1", "One"), "E"),) * 2},
])
def test_the_relation_hash_follows_every_field(change):
    before = relation_row(BASE, BUILTIN_TYPES)["props"]["hash"]
    assert relation_row(dataclasses.replace(BASE, **change), BUILTIN_TYPES)["props"]["hash"] != before


def test_the_relation_hash_stays_when_nothing_it_stores_changes():
    before = relation_row(BASE, BUILTIN_TYPES)["props"]["hash"]
    assert relation_row(dataclasses.replace(BASE), BUILTIN_TYPES)["props"]["hash"] == before
    # a cited source's details live on its :Source node: the relation's hash keeps only its id
    retitled = dataclasses.replace(BASE, sources=(Citation(Source("s1", "Other title", "P"), "E"),))
    assert relation_row(retitled, BUILTIN_TYPES)["props"]["hash"] == before
    # neither does the vocabulary it was read with change what is stored about the relation
    assert relation_row(BASE, {})["props"]["hash"] == before
