"""Loads and reads at the same time, and a server killed in the middle of a load, against a real Neo4j."""

import os
import re
import signal
import threading
from datetime import date

import pytest

from relgraph.dates import PartialDate
from relgraph.errors import StoreError
from relgraph.model import Actor, Dataset, Relation
from relgraph.store.neo4j import Neo4jStore

pytestmark = pytest.mark.neo4j

DAY = date(2016, 12, 20)


def dataset(n: int, rtype: str, sign: int, *, offset: int = 0, confidence: float = 0.5) -> Dataset:
    """``n`` relations r{offset}.. between 50 actors, all of type ``rtype``."""
    actors = {f"a{i}": Actor(f"a{i}", f"A{i}", "state") for i in range(50)}
    start = PartialDate.parse("2012")
    relations = {f"r{i}": Relation(f"r{i}", f"a{i % 50}", rtype, f"a{(i * 7 + 1) % 50}", sign, start=start,
                                   confidence=confidence)
                 for i in range(offset, offset + n)}
    return Dataset(actors=actors, relations=relations)


def stored(store: Neo4jStore) -> dict[str, list[str]]:
    """Relation id -> the types of the relationships that carry it."""
    rows = store.query("MATCH ()-[r]->() WHERE r.hash IS NOT NULL RETURN r.id AS id, type(r) AS type")
    out: dict[str, list[str]] = {}
    for row in rows:
        out.setdefault(row["id"], []).append(row["type"])
    return out


def connect(target) -> Neo4jStore:
    return Neo4jStore(target.uri, target.username, target.password, target.database)


def test_loads_at_once_give_one_relationship_per_id_and_wait_for_each_other(neo4j_target, neo4j_store):
    import neo4j

    from relgraph.store.loading import take_lock

    loads = [dataset(3000, "backs", 1), dataset(3000, "opposes", -1), dataset(3000, "opposes", -1, offset=1500)]
    waited, errors = [], []
    all_waiting = threading.Event()

    def run(data: Dataset) -> None:
        with connect(neo4j_target) as store:
            def wait() -> None:
                waited.append(data)
                if len(waited) == len(loads):
                    all_waiting.set()

            store.waiting = wait
            try:
                store.write(data)
            except StoreError as exc:
                errors.append(exc)

    # Hold the load lock as another load would, so that all three must wait, whatever the timing. That
    # load made the schema first; were it missing, the loads' schema statements would wait for the holder.
    neo4j_store.init()
    auth = (neo4j_target.username, neo4j_target.password)
    with neo4j.GraphDatabase.driver(neo4j_target.uri, auth=auth) as driver, \
            driver.session(database=neo4j_target.database) as session:
        holder = session.begin_transaction()
        take_lock(holder, load=True)
        threads = [threading.Thread(target=run, args=(data,)) for data in loads]
        for t in threads:
            t.start()
        assert all_waiting.wait(60), f"{len(waited)} of {len(loads)} loads said they were waiting"
        holder.commit()
    for t in threads:
        t.join()
    assert errors == []
    found = stored(neo4j_store)
    assert len(found) == 4500  # r0..r4499, whatever order the loads ran in
    assert all(len(types) == 1 for types in found.values()), {i: t for i, t in found.items() if len(t) > 1}
    assert neo4j_store.check() == []


def test_a_snapshot_during_a_load_sees_the_state_before_or_after_never_a_mix(neo4j_target, neo4j_store, monkeypatch):
    from relgraph.store import neo4j as neo4j_module

    # a snapshot is read by two readers side by side: four types, so that both read some
    def mixed(confidence: float) -> Dataset:
        parts = [dataset(1500, rtype, sign, offset=i * 1500, confidence=confidence)
                 for i, (rtype, sign) in enumerate([("backs", 1), ("opposes", -1), ("cooperates", 1),
                                                    ("fights", -1)])]
        return Dataset(actors=parts[0].actors,
                       relations={k: v for part in parts for k, v in part.relations.items()})

    readers: list[tuple[str, list[str]]] = []
    read_parts = neo4j_module._read_parts

    def watched(tx, *args):
        parts = read_parts(tx, *args)
        readers.append((threading.current_thread().name, [part.name for part in parts]))
        return parts

    monkeypatch.setattr(neo4j_module, "_read_parts", watched)
    before, after = mixed(0.5), mixed(0.9)
    neo4j_store.write(before)
    states = {frozenset((r.id, r.confidence) for r in data.relations.values()) for data in (before, after)}
    seen = []
    with connect(neo4j_target) as loader:
        thread = threading.Thread(target=loader.write, args=(after,))
        thread.start()
        while thread.is_alive() or not seen:
            readers.clear()
            if len(seen) % 2:  # the graph's records, and the dataset of Neo4jStore.at, in turn
                shown = neo4j_store.records(DAY, evidence=False)
                seen.append(frozenset((r["id"], r["confidence"]) for r in shown.relations))
            else:
                snapshot = neo4j_store.at(DAY)
                seen.append(frozenset((r.id, r.confidence) for r in snapshot.relations.values()))
            # every type read once (earlier tests leave others, empty), by one of two readers, each in
            # its own thread
            names = [name for _, names in readers for name in names]
            assert len(names) == len(set(names)) and {"backs", "cooperates", "fights", "opposes"} <= set(names)
            assert len({reader for reader, _ in readers}) == 2
        thread.join()
    assert all(s in states for s in seen)
    assert seen[-1] == frozenset((r.id, r.confidence) for r in after.relations.values())


def test_sources_shared_by_the_types_two_readers_read_are_cited_on_every_relation(neo4j_store):
    from dataclasses import replace

    from relgraph.model import Citation, Source

    # each source is fetched by whichever reader first meets it, so the other reader's part often reaches
    # the client before the source it cites
    sources = [Source(f"s{i}", f"Report {i}") for i in range(3)]
    data = Dataset(actors=dataset(1, "backs", 1).actors, sources={s.id: s for s in sources})
    for i, (rtype, sign) in enumerate([("backs", 1), ("opposes", -1), ("cooperates", 1), ("fights", -1)]):
        for r in dataset(500, rtype, sign, offset=i * 500).relations.values():
            cited = tuple(Citation(s, f"note {r.id}") for s in sources[: 1 + int(r.id[1:]) % 3])
            data.relations[r.id] = replace(r, sources=cited)
    neo4j_store.write(data)
    want = {r.id: [(c.source.id, c.evidence) for c in r.sources] for r in data.relations.values()}
    for _ in range(5):
        shown = neo4j_store.records(DAY)
        assert {r["id"]: [(c["id"], c["evidence"]) for c in r["sources"]] for r in shown.relations} == want


def test_ids_stored_twice_are_found_and_repaired(neo4j_store, run, neo4j_target):
    data = dataset(10, "backs", 1)
    neo4j_store.write(data)
    with neo4j_store._session(write=True) as session:  # what two loads of old, or a hand, could leave
        session.run("MATCH (a:Actor {id: 'a3'}), (b:Actor {id: 'a22'}) "
                    "CREATE (a)-[:OPPOSES {id: 'r3', type: 'opposes', hash: 'x', sign: -1}]->(b)").consume()
    checked = run("validate", env=neo4j_target.env)
    assert checked.exit_code == 1
    assert "relation 'r3' is stored 2 times (BACKS, OPPOSES)" in checked.output
    summary = neo4j_store.write(data)
    assert summary.repaired == 1
    assert stored(neo4j_store)["r3"] == ["BACKS"]
    assert run("validate", env=neo4j_target.env).output == "The database holds every relation id once\n"


def restart(home, running):
    from relgraph.store import server

    server.stop(home)  # clears the stale pid
    return server.start(home, password=PASSWORD, bolt_port=running.bolt_port, http_port=running.http_port,
                        heap="1g", pagecache="128m")


PASSWORD = "kill-test-password"


@pytest.fixture
def killable(tmp_path, free_port):
    """A server of the default heap that a test may kill: (its folder, the running server)."""
    from relgraph.store import server

    home = tmp_path / "neo4j"
    running = server.start(home, password=PASSWORD, bolt_port=free_port(), http_port=free_port(), heap="1g",
                           pagecache="128m")
    try:
        yield home, running
    finally:
        server.stop(home)


def kill_at(running, count: int):
    """A progress callback that kills the server with SIGKILL once ``count`` relations are written; and the
    counts it saw."""
    seen: list[int] = []

    def progress(written: int) -> None:
        seen.append(written)
        if written >= count and os.path.exists(f"/proc/{running.pid}"):
            os.kill(running.pid, signal.SIGKILL)  # type: ignore[arg-type]

    return progress, seen


@pytest.mark.slow
def test_a_server_killed_mid_load_of_one_transaction_keeps_the_state_before_and_the_load_runs_again_exactly(
        killable):
    from relgraph.store.loading import ONE_TRANSACTION

    home, running = killable
    # 11,000 new relations, 1,000 that change type (deleted and created): one transaction
    first, second = dataset(2000, "backs", 1), dataset(12000, "opposes", -1, offset=1000)
    assert ONE_TRANSACTION >= 11000 + 2 * 1000
    with Neo4jStore(running.uri, "neo4j", PASSWORD) as store:
        store.write(first)
        before = stored(store)
    progress, _ = kill_at(running, 6000)
    with Neo4jStore(running.uri, "neo4j", PASSWORD) as store, pytest.raises(StoreError) as failed:
        store.write(second, progress=progress)
    assert "nothing was written" in str(failed.value) or "may or may not" in str(failed.value)
    running = restart(home, running)
    with Neo4jStore(running.uri, "neo4j", PASSWORD) as store:
        assert stored(store) == before
        summary = store.write(second, prune=True)
        # r2000.. are new, r1000..r1999 change type, r0..r999 are not in the second dataset
        assert (summary.relations.created, summary.relations.updated, summary.relations.removed) == (
            11000, 1000, 1000)
        assert stored(store) == {i: ["OPPOSES"] for i in second.relations}


@pytest.mark.slow
def test_a_server_killed_mid_load_in_batches_leaves_whole_batches_that_the_next_load_finishes_exactly(
        killable, monkeypatch):
    import relgraph.store.loading as loading

    home, running = killable
    monkeypatch.setattr(loading, "BATCH", 1000)
    first, second = dataset(2000, "backs", 1), dataset(30000, "opposes", -1, offset=1000)
    with Neo4jStore(running.uri, "neo4j", PASSWORD) as store:
        store.write(first)
    progress, seen = kill_at(running, 12000)
    with Neo4jStore(running.uri, "neo4j", PASSWORD) as store, pytest.raises(StoreError) as failed:
        store.write(second, prune=True, progress=progress)
    said = re.search(r"stopped after writing ([\d,]+) of 30,000 relations in batches", str(failed.value))
    assert said, str(failed.value)
    written = int(said[1].replace(",", ""))  # what progress saw, and batches that committed beside them
    assert written >= seen[-1] >= 12000
    assert "load the same dataset again to finish it" in str(failed.value)
    running = restart(home, running)
    with Neo4jStore(running.uri, "neo4j", PASSWORD) as store:
        # The deletions come first (r0..r1999 of BACKS: gone, or retyped), then whole batches of the new
        # relations, committed side by side: every batch counted, perhaps one that committed as the server
        # died, nothing of one the kill interrupted.
        kept = stored(store)
        assert all(types == ["OPPOSES"] for types in kept.values())
        batches = {(int(i[1:]) - 1000) // 1000 for i in kept}
        assert set(kept) == {f"r{i}" for b in batches for i in range(1000 + 1000 * b, 2000 + 1000 * b)}
        assert written <= len(kept) <= written + 1000 * (loading.WRITERS - 1)
        with pytest.raises(StoreError, match="stopped part way"):
            store.at(DAY)
        assert "stopped part way" in store.check()[0]
        summary = store.write(second, prune=True)
        assert summary.resumed
        assert (summary.relations.created, summary.relations.unchanged, summary.relations.removed) == (
            30000 - len(kept), len(kept), 0)
        assert stored(store) == {i: ["OPPOSES"] for i in second.relations}
        assert store.check() == []
        assert len(store.at(DAY).relations) == 30000
