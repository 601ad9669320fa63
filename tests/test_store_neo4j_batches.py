"""Loads written in batches, against a real Neo4j: the same graph as one transaction gives, a journal while a
load is unfinished that readers refuse, and an exact finish by loading again."""

import re
import threading
from dataclasses import replace
from datetime import date

import pytest

import relgraph.store.loading as loading
from relgraph.dates import PartialDate
from relgraph.errors import StoreError
from relgraph.model import Actor, Citation, Dataset, Relation, RelationType, Source
from relgraph.store.neo4j import Neo4jStore

pytestmark = pytest.mark.neo4j


@pytest.fixture
def in_batches(monkeypatch):
    """Every load written in batches of 7 records (the example's 55 relations take 8 or more), and compared
    with the database in runs of 4 ids of a type."""
    monkeypatch.setattr(loading, "ONE_TRANSACTION", 0)
    monkeypatch.setattr(loading, "BATCH", 7)
    monkeypatch.setattr(loading, "CHECK", 4)


def graph(store: Neo4jStore) -> tuple[list[str], list[str]]:
    """Every node (the lock aside) and relationship with its labels or type, ends and properties, sorted."""
    nodes = store.query("MATCH (n) WHERE NOT n:RelgraphLock RETURN labels(n) AS labels, properties(n) AS props")
    rels = store.query("MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.id, a.name) AS a, b.id AS b, "
                       "properties(r) AS props")
    return (sorted(repr((sorted(n["labels"]), sorted(n["props"].items()))) for n in nodes),
            sorted(repr((r["type"], r["a"], r["b"], sorted(r["props"].items()))) for r in rels))


def wipe(store: Neo4jStore) -> None:
    with store._session(write=True) as session:
        session.run("MATCH (n) DETACH DELETE n").consume()


def links_follow_relations(store: Neo4jStore) -> None:
    """A source links to an actor exactly when a stored relation citing it has the actor as an end, once."""
    links = store.query("MATCH (s:Source)-[:SPEAKS_ABOUT]->(a:Actor) RETURN s.id AS s, a.id AS a")
    supported = {(c, end) for r in store.query("MATCH (a:Actor)-[r]->(b:Actor) WHERE r.hash IS NOT NULL "
                                               "RETURN a.id AS a, b.id AS b, r.source_ids AS cited")
                 for c in r["cited"] for end in (r["a"], r["b"])}
    assert len(links) == len({(r["s"], r["a"]) for r in links}), "a link stored twice"
    assert {(r["s"], r["a"]) for r in links} == supported


def steps(example: Dataset) -> list[tuple[Dataset, bool]]:
    """Loads that exercise every kind of change, each with whether it prunes."""
    rels, actors = example.relations, example.actors
    veto = example.sources["un-veto-list"]
    evacuates = RelationType("evacuates", 0, "event", "moves people out of")
    changed = {
        **rels,
        # in place: a new confidence, and a new citation (the article's links to Russia and Turkey stay,
        # other relations cite it)
        "russia.cooperates.turkey.2016-summer": replace(rels["russia.cooperates.turkey.2016-summer"], confidence=0.6),
        "turkey.shoots-down.russia.2015-11": replace(rels["turkey.shoots-down.russia.2015-11"],
                                                     sources=(Citation(veto, "moved"),)),
        # another type, and other ends: deleted and created again
        "turkey.opposes.assad-regime.2011-03": replace(rels["turkey.opposes.assad-regime.2011-03"], type="backs",
                                                       sign=1),
        "iran.leads.iraqi-militias.2016": replace(rels["iran.leads.iraqi-militias.2016"], target="afghan-militias"),
        "e1": replace(rels["russia.excludes.united-states.2016-12-20"], id="e1", type="evacuates", sign=0),
    }
    # one relation dropped: kept without --prune, deleted with it (with the un-veto-list's link to its draft)
    del changed["russia.vetoes.draft-s-2016-1026.2016-12-05"]
    renamed = {**actors, "turkey": replace(actors["turkey"], name="Türkiye"),
               "iran": replace(actors["iran"], kind="government"),
               "new-actor": Actor("new-actor", "A new actor", "person")}
    changed["r-new"] = replace(rels["russia.backs.assad-regime.2011-03"], id="r-new", target="new-actor",
                               sources=(Citation(Source("new-source", "A new source"), "says so"),))
    sources = {**example.sources, "new-source": changed["r-new"].sources[0].source}
    second = Dataset(actors=renamed, relations=changed, sources=sources,
                     types={**example.types, "evacuates": evacuates})
    fewer = {k: v for k, v in actors.items() if k != "draft-s-2016-1026"}
    third = Dataset(actors=fewer, relations={k: v for k, v in rels.items()
                                             if k != "russia.vetoes.draft-s-2016-1026.2016-12-05"},
                    sources=example.sources, types=example.types)
    return [(example, False), (example, False), (second, False), (second, True), (third, True), (example, False)]


def run_steps(store: Neo4jStore, example: Dataset) -> list[tuple[object, tuple[list[str], list[str]]]]:
    seen = []
    for data, prune in steps(example):
        summary = store.write(data, prune=prune)
        links_follow_relations(store)
        assert store.check() == []
        seen.append((summary, graph(store)))
    return seen


def test_loads_in_batches_give_the_graph_and_summaries_of_one_transaction(neo4j_store, example, monkeypatch):
    whole = run_steps(neo4j_store, example)
    wipe(neo4j_store)
    monkeypatch.setattr(loading, "ONE_TRANSACTION", 0)
    monkeypatch.setattr(loading, "BATCH", 7)
    monkeypatch.setattr(loading, "CHECK", 4)  # compared in ranges of ids, with changes and extras across them
    batched = run_steps(neo4j_store, example)
    assert [s for s, _ in batched] == [s for s, _ in whole]
    for step, ((_, expected), (_, found)) in enumerate(zip(whole, batched, strict=True)):
        assert found == expected, f"step {step}"
    # what the steps did, derived from steps(): created, updated, unchanged, removed
    counts = [(s.relations.created, s.relations.updated, s.relations.unchanged, s.relations.removed)
              for s, _ in whole]
    n = len(example.relations)
    assert counts == [(n, 0, 0, 0), (0, 0, n, 0), (2, 4, n - 5, 0), (0, 0, n + 1, 1), (0, 4, n - 5, 2),
                      (1, 0, n - 1, 0)]
    assert whole[2][0].stale == ["russia.vetoes.draft-s-2016-1026.2016-12-05"]


def test_a_load_stopped_part_way_is_refused_by_readers_and_finished_exactly_by_loading_again(
        neo4j_store, example, in_batches, run, neo4j_target, db_counts):
    old = Dataset(actors=example.actors, sources=example.sources, types=example.types,
                  relations={k: replace(r, confidence=0.5) for k, r in list(example.relations.items())[:30]})
    neo4j_store.write(old)

    counted = []

    def stop(written: int) -> None:
        counted.append(written)
        if written >= 20:
            raise KeyboardInterrupt

    with pytest.raises(StoreError) as stopped:
        neo4j_store.write(example, progress=stop)
    said = re.match(f"interrupted: the load into Neo4j at {re.escape(neo4j_store.shown)} stopped after writing "
                    f"(\\d+) of {len(example.relations)} relations in batches", str(stopped.value))
    assert said, str(stopped.value)
    written = int(said[1])  # what progress saw, and batches that committed beside them
    assert written >= counted[-1] >= 20
    assert len(counted) >= 3  # batches of at most 7
    links_follow_relations(neo4j_store)  # the graph is whole after every batch
    assert 0 < db_counts(neo4j_store)[":RelgraphLoad"] == 1
    for read in (neo4j_store.read, lambda: neo4j_store.at(date(2016, 12, 20))):
        with pytest.raises(StoreError, match=f"a load of {len(example.relations)} relations started .* stopped part "
                                             "way, so the database holds part of it: load that dataset again"):
            read()
    (problem,) = neo4j_store.check()
    assert "stopped part way" in problem
    shown = run("show", "--date", "2016-12-20", env=neo4j_target.env)
    assert shown.exit_code == 1 and "stopped part way" in shown.output and len(shown.output.splitlines()) == 1

    finished = neo4j_store.write(example)
    assert finished.resumed
    # what was written before the stop is there already; the rest is written now
    assert finished.relations.unchanged == written
    assert finished.relations.created + finished.relations.updated == len(example.relations) - written
    assert ":RelgraphLoad" not in db_counts(neo4j_store)
    assert neo4j_store.read().relations == example.relations
    expected = graph(neo4j_store)
    wipe(neo4j_store)
    neo4j_store.write(example)
    assert graph(neo4j_store) == expected


def test_a_batch_the_server_refuses_stops_the_load_and_says_what_is_left(neo4j_store, example, in_batches,
                                                                         db_counts):
    neo4j_store.init()
    rel = example.relations["turkey.shoots-down.russia.2015-11"]
    with neo4j_store._session(write=True) as session:  # an id the load will create, put there by hand
        session.run("CREATE (:Outside)-[:SHOOTS_DOWN {id: $id}]->(:Outside)", id=rel.id).consume()
    with pytest.raises(StoreError) as refused:
        neo4j_store.write(example)
    message = str(refused.value)
    assert "Neo4j refused a batch (Neo.ClientError.Schema.ConstraintValidationFailed" in message
    assert "marked as holding an unfinished load" in message
    assert db_counts(neo4j_store)[":RelgraphLoad"] == 1
    with neo4j_store._session(write=True) as session:
        session.run("MATCH (o:Outside) DETACH DELETE o").consume()
    assert neo4j_store.write(example).resumed
    assert neo4j_store.read().relations == example.relations


def test_a_load_in_batches_holds_the_lock_to_its_end(neo4j_target, neo4j_store, example, in_batches):
    """Readers and other loads wait for all of its batches: a snapshot sees the state before or after."""
    before = Dataset(actors=example.actors, sources=example.sources, types=example.types,
                     relations={k: replace(r, confidence=0.5) for k, r in example.relations.items()})
    neo4j_store.write(before)
    states = {frozenset((r.id, r.confidence) for r in d.relations.values()) for d in (before, example)}
    seen, waited = [], []
    neo4j_store.waiting = lambda: waited.append(True)
    with Neo4jStore(neo4j_target.uri, neo4j_target.username, neo4j_target.password,
                    neo4j_target.database) as loader:
        slow = threading.Event()

        def pause(written: int) -> None:
            slow.set()
            threading.Event().wait(0.3)  # long enough for a reader to try in the middle

        thread = threading.Thread(target=loader.write, args=(example,), kwargs={"progress": pause})
        thread.start()
        slow.wait(30)
        while thread.is_alive() or not seen:
            seen.append(frozenset((r.id, r.confidence) for r in neo4j_store.read().relations.values()))
        thread.join()
    assert all(s in states for s in seen)
    assert seen[-1] == frozenset((r.id, r.confidence) for r in example.relations.values())
    assert waited  # the first read came while batches were being written, and waited


def test_ids_of_any_text_are_compared_exactly(neo4j_store, in_batches):
    """Ids are compared in ranges bounded by ids sorted in Python, by code point; Neo4j's filters compare
    text in Java's UTF-16 order, which differs beyond the Basic Multilingual Plane (U+1F600 sorts before
    U+FFFF there), so a relationship can come back from a neighbouring range: it must still be matched,
    neither taken for a copy (and deleted) nor for a new relation."""
    ids = ["a", "b", "\uffff", "\U0001F600", "z", "\u00e9", "\ud7ff", "m", "c", "d"]
    actors = {"x": Actor("x", "X", "state"), "y": Actor("y", "Y", "state")}
    data = Dataset(actors=actors, relations={i: replace(relation, id=i) for i in ids for relation in [
        Relation("-", "x", "backs", "y", 1, start=PartialDate.parse("2012"))]})
    assert neo4j_store.write(data).relations.created == len(ids)
    again = neo4j_store.write(data)
    assert (again.relations.unchanged, again.repaired, again.stale) == (len(ids), 0, [])
    assert sorted(neo4j_store.read().relations) == sorted(ids)
    smiling = Dataset(actors=actors, relations={**data.relations, "\U0001F600": replace(
        data.relations["\U0001F600"], confidence=0.4)})
    changed = neo4j_store.write(smiling)
    assert (changed.relations.updated, changed.relations.unchanged, changed.repaired) == (1, len(ids) - 1, 0)
    assert neo4j_store.read().relations["\U0001F600"].confidence == 0.4
    assert neo4j_store.write(data).relations.updated == 1
    fewer = Dataset(actors=actors, relations={i: replace(r, confidence=0.3) for i, r in data.relations.items()
                                              if i not in ("\U0001F600", "a")})
    summary = neo4j_store.write(fewer)
    assert (summary.relations.updated, sorted(summary.stale)) == (len(ids) - 2, sorted(["\U0001F600", "a"]))
    assert neo4j_store.write(fewer, prune=True).relations.removed == 2
    assert sorted(neo4j_store.read().relations) == sorted(fewer.relations)


def test_batches_that_only_add_commit_side_by_side_and_the_others_alone(neo4j_store, example, in_batches,
                                                                          monkeypatch):
    """Units that create relations overlap, up to WRITERS; a unit that updates or deletes has the server to
    itself, so it sees every unit before it and is seen by every unit after it."""
    import neo4j

    lock = threading.Lock()
    under_way: list[str] = []  # the first statement of each unit being committed
    overlaps: list[tuple[str, ...]] = []
    execute_write = neo4j.Session.execute_write

    def watched(self, work, *args, **kwargs):
        unit = args[0] if args and isinstance(args[0], loading.Unit) else None
        if unit is None:  # the load itself, under its lock
            return execute_write(self, work, *args, **kwargs)
        first = unit.statements[0][0]
        with lock:
            under_way.append(first)
            overlaps.append(tuple(under_way))
        try:
            return execute_write(self, work, *args, **kwargs)
        finally:
            with lock:
                under_way.remove(first)

    monkeypatch.setattr(neo4j.Session, "execute_write", watched)
    monkeypatch.setattr(loading, "BATCH", 2)
    for data, prune in steps(example):
        neo4j_store.write(data, prune=prune)
    together = [units for units in overlaps if len(units) > 1]
    assert together, "no two units were committed at the same time"
    assert max(map(len, together)) <= loading.WRITERS
    for units in together:
        assert all(" CREATE (s)-[:" in first for first in units), units
    assert any("SET r = " in units[0] for units in overlaps)  # updates ran, alone
