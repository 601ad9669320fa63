"""The Neo4j store against a real server: idempotent, all-or-nothing loads; snapshots equal to files."""

from dataclasses import replace
from datetime import date

import networkx as nx
import pytest

import relgraph.store.loading as loading_module
import relgraph.store.neo4j as neo4j_module
from relgraph.dataset import load
from relgraph.dates import PartialDate
from relgraph.errors import StoreError, StoreUnavailable
from relgraph.explorer import Explorer
from relgraph.filters import Filters
from relgraph.model import Actor, Citation, Dataset, Relation, RelationType, Source
from relgraph.snapshot import snapshot, to_graph
from relgraph.store.neo4j import Neo4jStore

pytestmark = pytest.mark.neo4j

DAYS = [date(2010, 1, 1), date(2015, 11, 15), date(2016, 1, 1), date(2016, 8, 31), date(2016, 12, 19),
        date(2016, 12, 20), date(2020, 1, 1)]


def test_load_is_idempotent(neo4j_store, example, db_counts):
    first = neo4j_store.write(example)
    assert (first.actors.created, first.relations.created) == (len(example.actors), len(example.relations))
    after_first = db_counts(neo4j_store)
    second = neo4j_store.write(example)
    assert (second.actors.unchanged, second.relations.unchanged) == (len(example.actors), len(example.relations))
    assert (second.actors.created, second.actors.updated, second.relations.created, second.relations.updated) == (
        0, 0, 0, 0)
    assert db_counts(neo4j_store) == after_first
    assert after_first[":Actor"] == len(example.actors)
    assert after_first[":Source"] == len(example.sources)
    assert sum(n for k, n in after_first.items() if k.startswith("[") and k != "[SPEAKS_ABOUT]") == len(
        example.relations)


def test_graph_shape(neo4j_store, example):
    neo4j_store.write(example)
    (row,) = neo4j_store.query(
        "MATCH (t:Actor:State {id: 'turkey'})-[r:SHOOTS_DOWN]->(r2:Actor:State {id: 'russia'}) "
        "RETURN r.first AS first, r.last AS last, r.date AS date, r.date_precision AS precision, "
        "r.sign AS sign, r.source_ids AS sources")
    assert (row["first"].to_native(), row["last"].to_native()) == (date(2015, 11, 1), date(2015, 11, 30))
    assert (row["date"], row["precision"], row["sign"], row["sources"]) == (
        "2015-11", "month", -1, ["syria-daily-2016-12-20"])
    (open_end,) = neo4j_store.query(
        "MATCH (:Actor {id: 'russia'})-[r:BACKS]->(:Actor {id: 'assad-regime'}) "
        "RETURN r.first AS first, r.last AS last, r.start AS start, r.end AS end")
    assert (open_end["first"].to_native(), open_end["last"].to_native(), open_end["start"], open_end["end"]) == (
        date(2011, 3, 1), date(9999, 12, 31), "2011-03", None)
    labels = {r["id"]: sorted(r["labels"]) for r in neo4j_store.query(
        "MATCH (a:Actor) WHERE a.id IN ['iraqi-militias', 'aleppo-evacuation-deal-1', 'moscow-talks-2016-12-20'] "
        "RETURN a.id AS id, labels(a) AS labels")}
    assert labels == {"iraqi-militias": ["Actor", "ArmedGroup"],
                      "aleppo-evacuation-deal-1": ["Actor", "Agreement", "Deal"],
                      "moscow-talks-2016-12-20": ["Actor", "Deal", "Meeting"]}


def source_links(data):
    """The (source, actor) pairs a dataset's citations support: what SPEAKS_ABOUT must hold."""
    return {(c.source.id, end) for r in data.relations.values() for c in r.sources for end in (r.source, r.target)}


def stored_links(store):
    return {(r["s"], r["a"]) for r in store.query("MATCH (s:Source)-[:SPEAKS_ABOUT]->(a:Actor) "
                                                  "RETURN s.id AS s, a.id AS a")}


def test_sources_link_to_the_actors_their_claims_are_about_and_follow_every_change(neo4j_store, example):
    neo4j_store.write(example)
    assert stored_links(neo4j_store) == source_links(example)
    assert ("un-veto-list", "draft-s-2011-612") in stored_links(neo4j_store)
    # Re-cite the shoot-down to the veto list: the article still speaks of both actors elsewhere, so
    # only the new links appear; then drop every Russia-Turkey relation and prune.
    rid = "turkey.shoots-down.russia.2015-11"
    veto = example.sources["un-veto-list"]
    recited = Dataset(actors=example.actors, sources=example.sources, types=example.types,
                      relations={**example.relations, rid: replace(example.relations[rid],
                                                                   sources=(Citation(veto, "moved"),))})
    neo4j_store.write(recited)
    assert stored_links(neo4j_store) == source_links(recited)
    assert ("un-veto-list", "turkey") in stored_links(neo4j_store)
    fewer = Dataset(actors=example.actors, sources=example.sources, types=example.types,
                    relations={k: r for k, r in example.relations.items()
                               if {r.source, r.target} != {"russia", "turkey"}
                               and not (r.source == "turkey" or r.target == "turkey")})
    neo4j_store.write(fewer, prune=True)
    assert stored_links(neo4j_store) == source_links(fewer)
    assert not {a for _, a in stored_links(neo4j_store)} & {"turkey"}


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_snapshot_from_neo4j_equals_snapshot_from_files(neo4j_store, example, day):
    neo4j_store.write(example)
    from_files = to_graph(example.at(day), day)
    from_db = to_graph(neo4j_store.at(day), day)
    assert nx.utils.graphs_equal(from_files, from_db)
    assert from_files.number_of_edges() == from_db.number_of_edges()


def in_id_order(graph: nx.MultiDiGraph, *, evidence: bool = True) -> nx.MultiDiGraph:
    """``graph`` rebuilt as the Neo4j read built snapshots before issue 14: actors and then relations added
    one by one in id order (without ``evidence``, every relation's citations left out)."""
    ordered = nx.MultiDiGraph(**graph.graph, **({} if evidence else {"evidence": False}))
    ordered.add_nodes_from(sorted(graph.nodes(data=True)))
    for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda edge: edge[2]):
        ordered.add_edge(u, v, key=key, **(attrs if evidence else {**attrs, "sources": []}))
    return ordered


@pytest.mark.parametrize("evidence", [True, False], ids=["evidence", "no-evidence"])
def test_explorer_snapshots_from_neo4j_equal_those_from_files_to_the_order(neo4j_store, example, evidence):
    """The graph Explorer builds from Neo4j's records holds what the files' snapshot holds, its nodes and
    edges in the same order as ever (actors by id, relations added by id), with or without citations."""
    neo4j_store.write(example)
    explorer = Explorer(neo4j_store)
    for day in DAYS:
        got = explorer.snapshot(day, evidence=evidence)
        want = in_id_order(snapshot(example, day), evidence=evidence)
        assert got.graph == want.graph
        assert list(got.nodes(data=True)) == list(want.nodes(data=True))
        assert list(got.edges(keys=True, data=True)) == list(want.edges(keys=True, data=True))
        assert got.number_of_edges() > 0 or day == DAYS[0]


def test_candidates_are_left_out_of_neo4j_snapshots_unless_asked_for(neo4j_store):
    """Explorer tells the filters whether a snapshot holds candidates from its records: pending and rejected
    ones are left out as they are from the files' snapshot, and pending ones shown when asked for."""
    actors = {a: Actor(a, a.title(), "state") for a in ("a", "b", "c")}
    since = PartialDate.parse("2015")
    relations = {"r1": Relation("r1", "a", "backs", "b", 1, start=since),
                 "r2": Relation("r2", "a", "opposes", "c", -1, start=since, review="pending"),
                 "r3": Relation("r3", "b", "opposes", "c", -1, start=since, review="rejected"),
                 "r4": Relation("r4", "c", "backs", "b", 1, start=since, review="accepted")}
    data = Dataset(actors=actors, relations=relations)
    neo4j_store.write(data)
    explorer, day = Explorer(neo4j_store), date(2016, 1, 1)
    for filters, shown in ((Filters(), {"r1", "r4"}), (Filters(candidates=True), {"r1", "r2", "r4"})):
        got = explorer.snapshot(day, filters=filters)
        assert {key for _, _, key in got.edges(keys=True)} == shown
        assert nx.utils.graphs_equal(got, filters(snapshot(data, day)))


def test_files_to_neo4j_to_files(neo4j_store, example, tmp_path):
    neo4j_store.write(example)
    back = neo4j_store.read()
    assert back.actors == example.actors
    assert back.relations == example.relations
    assert back.sources == example.sources
    from relgraph.dataset import write

    write(back, tmp_path / "dump")
    again = load(tmp_path / "dump")
    assert (again.actors, again.relations, again.sources) == (example.actors, example.relations, example.sources)


def test_a_changed_relation_is_updated_in_place(neo4j_store, example):
    neo4j_store.write(example)
    rid = "russia.cooperates.turkey.2016-summer"
    query = "MATCH ()-[r:COOPERATES {id: $id}]->() RETURN elementId(r) AS element, r.confidence AS confidence"
    (before,) = neo4j_store.query(query, id=rid)
    changed = Dataset(actors=example.actors, sources=example.sources, types=example.types,
                      relations={**example.relations, rid: replace(example.relations[rid], confidence=0.6)})
    summary = neo4j_store.write(changed)
    assert (summary.relations.updated, summary.relations.created) == (1, 0)
    (after,) = neo4j_store.query(query, id=rid)
    assert after == {"element": before["element"], "confidence": 0.6}


def test_a_relation_that_changes_type_or_ends_is_moved_not_duplicated(neo4j_store, example):
    neo4j_store.write(example)
    rid = "russia.cooperates.turkey.2016-summer"
    moved = replace(example.relations[rid], type="backs", target="syrian-opposition")
    data = Dataset(actors=example.actors, sources=example.sources, types=example.types,
                   relations={**example.relations, rid: moved})
    assert neo4j_store.write(data).relations.updated == 1
    rows = neo4j_store.query("MATCH (s)-[r {id: $id}]->(t) RETURN type(r) AS type, t.id AS target", id=rid)
    assert rows == [{"type": "BACKS", "target": "syrian-opposition"}]


def test_removed_relations_are_reported_and_deleted_only_with_prune(neo4j_store, example, db_counts):
    neo4j_store.write(example)
    gone = "russia.cooperates.turkey.2016-summer"
    fewer = Dataset(actors=example.actors, sources=example.sources, types=example.types,
                    relations={k: v for k, v in example.relations.items() if k != gone})
    assert neo4j_store.write(fewer).relations.removed == 0
    assert neo4j_store.stale(fewer) == [gone]
    assert db_counts(neo4j_store)["[COOPERATES]"] == 1
    assert neo4j_store.write(fewer, prune=True).relations.removed == 1
    assert neo4j_store.stale(fewer) == []
    assert "[COOPERATES]" not in db_counts(neo4j_store)


def test_a_failure_halfway_through_a_load_writes_nothing(neo4j_store, example, db_counts, monkeypatch):
    monkeypatch.setattr(loading_module, "BATCH", 5)
    written = []

    def fail_after_the_first_batches(n: int) -> None:
        written.append(n)
        if n >= 20:
            raise RuntimeError("the load broke off halfway")

    with pytest.raises(RuntimeError, match="halfway"):
        neo4j_store.write(example, progress=fail_after_the_first_batches)
    assert written and written[-1] < len(example.relations)  # relations had really been sent
    assert db_counts(neo4j_store) == {}


def test_a_failed_load_leaves_the_previous_data_as_it_was(neo4j_store, example, db_counts, monkeypatch):
    neo4j_store.write(example)
    before = db_counts(neo4j_store)
    snapshot_before = neo4j_store.read()
    monkeypatch.setattr(loading_module, "BATCH", 3)
    renamed = {k: replace(a, name=a.name.upper()) for k, a in example.actors.items()}
    changed = Dataset(actors=renamed, sources=example.sources, types=example.types,
                      relations={k: replace(r, confidence=0.5) for k, r in example.relations.items()})

    def fail(n: int) -> None:
        if n > 9:
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        neo4j_store.write(changed, prune=True, progress=fail)
    assert db_counts(neo4j_store) == before
    assert neo4j_store.read() == snapshot_before


def test_a_load_the_server_refuses_says_so_in_one_line_and_writes_nothing(neo4j_store, example, db_counts):
    """A relationship written behind relgraph's back holds an id the load will create: the
    uniqueness constraint stops the load on the server, in mid-transaction."""
    neo4j_store.init()
    rel = example.relations["russia.backs.assad-regime.2011-03"]
    with neo4j_store._session(write=True) as session:
        session.run("CREATE (:Outside)-[:BACKS {id: $id}]->(:Outside)", id=rel.id).consume()
    before = db_counts(neo4j_store)
    with pytest.raises(StoreError, match=r"refused the load, so nothing was written "
                                         r"\(Neo.ClientError.Schema.ConstraintValidationFailed\)"):
        neo4j_store.write(example)
    assert db_counts(neo4j_store) == before


def test_running_out_of_transaction_memory_is_explained():
    message = neo4j_module._failed_load("bolt://127.0.0.1:7687",
                                        "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
                                        "dbms.memory.transaction.total.max threshold reached")
    assert "ran out of transaction memory, so nothing was written" in message
    assert "--heap" in message and "threshold reached" in message


INJECTIONS = [
    "'}) MATCH (n) DETACH DELETE n //",
    '"}) DETACH DELETE n RETURN 1 //',
    "`]->() DELETE r //",
    "Robert'); DROP TABLE actors;--",
    "$param {id: 'x'} \\u0027",
]


def test_cypher_injection_is_stored_as_plain_text(neo4j_store, db_counts):
    source = Source("s1", INJECTIONS[0], publisher=INJECTIONS[1], url="https://example.org/?q='})//")
    actors = {f"a{i}": Actor(f"a{i}", text, "person", aliases=(text,), description=text)
              for i, text in enumerate(INJECTIONS)}
    relations = {f"r{i}": Relation(f"r{i}", f"a{i}", "opposes", f"a{(i + 1) % len(INJECTIONS)}", -1,
                                   notes=text, sources=(Citation(source, text),))
                 for i, text in enumerate(INJECTIONS)}
    data = Dataset(actors=actors, relations=relations, sources={"s1": source})
    neo4j_store.write(data)
    back = neo4j_store.read()
    assert back.actors == actors and back.relations == relations and back.sources == {"s1": source}
    assert db_counts(neo4j_store) == {":Actor": 5, ":Person": 5, ":Source": 1, ":RelgraphLock": 1, "[OPPOSES]": 5,
                                      "[SPEAKS_ABOUT]": 5}


def test_types_that_cannot_be_spliced_are_refused_before_anything_is_written(neo4j_store, db_counts):
    bad = RelationType("x`]->() DELETE r //", -1, "event")
    data = Dataset(actors={"a": Actor("a", "A", "state")})
    data.types[bad.name] = bad
    with pytest.raises(StoreError, match="cannot be a Neo4j relationship type"):
        neo4j_store.write(data)
    assert db_counts(neo4j_store) == {}


def test_types_that_would_share_a_relationship_type_are_refused(neo4j_store, db_counts):
    data = Dataset(actors={"a": Actor("a", "A", "state")})
    data.types["shoots_down"] = RelationType("shoots_down", -1, "event")
    with pytest.raises(StoreError, match="'shoots-down' and 'shoots_down' would both be SHOOTS_DOWN"):
        neo4j_store.write(data)
    assert db_counts(neo4j_store) == {}


def test_candidates_keep_their_review_and_quotations(neo4j_store):
    article = Source("article", "An article")
    quoted = Citation(article, None, "Turkish jets shot down a Russian bomber on Tuesday.", (120, 171))
    data = Dataset(actors={"turkey": Actor("turkey", "Turkey", "state"), "russia": Actor("russia", "Russia", "state")},
                   sources={"article": article},
                   relations={"c": Relation("c", "turkey", "shoots-down", "russia", -1, date=PartialDate.parse("2015-11"),
                                            sources=(quoted,), review="pending")})
    neo4j_store.write(data)
    assert neo4j_store.read().relations == data.relations


def test_custom_types_round_trip(neo4j_store):
    evacuates = RelationType("evacuates", 0, "event", "moves people out of", symmetric=False,
                             target_kinds=frozenset({"coalition"}))
    data = Dataset(actors={"a": Actor("a", "A", "state"), "b": Actor("b", "B", "coalition")})
    data.types["evacuates"] = evacuates
    from relgraph.dates import PartialDate

    data.relations["e"] = Relation("e", "a", "evacuates", "b", 0, date=PartialDate.parse("2016-12-17/2016-12-18"))
    neo4j_store.write(data)
    back = neo4j_store.read()
    assert back.types["evacuates"] == evacuates
    assert back.relations == data.relations
    assert list(neo4j_store.at(date(2016, 12, 20)).relations) == ["e"]


def test_unreachable_server_wrong_password_and_missing_database(neo4j_target):
    with pytest.raises(StoreUnavailable, match=r"^cannot reach Neo4j at bolt://127.0.0.1:1: is the server running"):
        Neo4jStore("bolt://127.0.0.1:1", "neo4j", "whatever")
    with pytest.raises(StoreUnavailable, match="refused the credentials for user 'neo4j'") as info:
        Neo4jStore(neo4j_target.uri, "neo4j", "not-the-password-7")
    assert "not-the-password-7" not in str(info.value)
    with pytest.raises(StoreUnavailable, match="has no database 'nosuchdb'"):
        Neo4jStore(neo4j_target.uri, neo4j_target.username, neo4j_target.password, "nosuchdb")
    with pytest.raises(StoreUnavailable, match=r"^no password for Neo4j at bolt://127.0.0.1:1: set NEO4J_PASSWORD"):
        Neo4jStore("bolt://127.0.0.1:1", "neo4j", None)
    with pytest.raises(StoreUnavailable, match=r"^http://127.0.0.1:7474 is not a Neo4j URI relgraph can use: give "
                                               r"bolt://HOST:7687 or neo4j://HOST:7687"):
        Neo4jStore("http://127.0.0.1:7474", "neo4j", "whatever")
