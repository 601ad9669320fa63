"""A bulk import into the local server: its database built aside by ``neo4j-admin``, then swapped in.

:func:`import_dataset` gives the server that ``relgraph neo4j start`` runs in
an instance folder a new database holding one dataset, at the speed of
Neo4j's offline importer rather than of transactions:

1. checks the instance (it runs, the password opens it) and what its
   database holds: one that holds data is replaced only when asked to;
2. writes the importer's CSV files (:mod:`relgraph.store.bulk_input`) into a
   temporary folder, deleted once the importer has read them; given a path,
   it reads, checks and writes the dataset in one pass, in parts side by
   side, never holding every relation (a dataset with an error imports
   nothing);
3. runs ``neo4j-admin database import full`` into a staging folder inside
   the instance (``bulk-import/``), beside the live database;
4. starts a second server on the staging folder (loopback, random ports and
   password, no HTTP) and builds there what the importer cannot: the schema
   of ``relgraph init`` (Community's importer refuses ``--schema``), the
   dataset's own relation types, the load lock node, and the values the CSV
   files cannot hold; it waits for the indexes and checks the counts;
5. swaps: takes the live database's load lock (so that no load commits in
   between, and one that did since step 1 stops the import), stops the live
   server, moves the imported store into its place and starts it again with
   its settings; if it does not start, the database before is put back.

Any failure before step 5 leaves the live database untouched (the live
server keeps serving throughout); the staging folder is removed whatever
happens. The result has the graph shape of ``relgraph load`` of the same
dataset into an empty database (a parity test holds them equal), with the
lock's version one past the replaced database's.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from relgraph import services
from relgraph.errors import ServerError, StoreError
from relgraph.model import Dataset
from relgraph.store import bulk_input, loading, server
from relgraph.store.graph_shape import type_row

if TYPE_CHECKING:
    from neo4j import ManagedTransaction

__all__ = ["MAX_OFF_HEAP", "STAGING", "STEPS", "Imported", "import_dataset"]

MAX_OFF_HEAP = "2G"
"""What the importer may use beside its heap (``--max-off-heap-memory``)."""

IMPORTER_HEAP = "1g"
ASIDE = server.Settings(bolt_port=0, http_port=None, heap="1g", pagecache="1g")
"""The server that builds the schema aside: small, beside the live one (ports are chosen when it starts)."""

STAGING = "bulk-import"
"""The folder of the instance where the new database is built; removed when the import ends."""

STEPS = ("files", "import", "schema", "restart")
"""The steps :attr:`Imported.seconds` times: reading and validating the dataset (given a path) and writing
the importer's files, the importer, the schema built aside, the swap and restart of the live server."""

_ADMIN_FLAGS = tuple(f for f in server.JVM_FLAGS
                     if f.startswith(("--add-opens", "--enable-native", "-Dfile")))


@dataclass
class Imported:
    """What :func:`import_dataset` did: the database now holds the dataset, and nothing else."""

    path: Path | None
    server: server.Server
    actors: int
    relations: int
    sources: int
    custom_types: int
    links: int
    replaced: int  # nodes the database held before (0: it was empty)
    seconds: dict[str, float] = field(default_factory=dict)  # by step (:data:`STEPS`)
    importer_memory: int = 0  # peak resident memory of neo4j-admin, in bytes


def import_dataset(data: Dataset | str | Path, home: Path | None = None, *, password: str,
                   replace: bool = False, max_off_heap: str = MAX_OFF_HEAP,
                   step: Callable[[str], None] | None = None) -> Imported:
    """Replace the database of the local server in ``home`` with ``data`` (a dataset or a path to one).

    ``password`` is that of user ``neo4j`` of the instance. A database that
    holds data (any node beside the load lock) is replaced only with
    ``replace``: everything in it goes, the import does not merge. ``step`` is
    called with each step's name (:data:`STEPS`) as it begins. Raises
    :class:`~relgraph.errors.ServerError` (no server, no Java, the importer
    failed), :class:`~relgraph.errors.StoreError` (data it will not replace)
    or :class:`~relgraph.errors.DatasetError` (a dataset with errors); the
    module says what each failure leaves.
    """
    home = (home or server.default_home()).resolve()
    seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def timed(name: str) -> Iterator[None]:
        if step is not None:
            step(name)
        t0 = time.perf_counter()
        yield
        seconds[name] = time.perf_counter() - t0

    with _exclusive(home):
        live = _running(home)
        java = services.java(17, "neo4j-admin (the bulk import)", "use relgraph load", versions="17 or 21")
        lib = server.assemble()
        held, version = _held(live, password)
        if held and not replace:
            raise StoreError(f"the database of Neo4j in {home} holds data ({held:,} nodes), and a bulk "
                             "import replaces the whole database: pass --replace to replace it, or use "
                             "relgraph load to add to it (nothing was changed)")
        path = None if isinstance(data, Dataset) else Path(data)
        staging = home / STAGING
        _remove(staging)
        try:
            with tempfile.TemporaryDirectory(prefix="relgraph-import-") as tmp:
                with timed("files"):
                    if isinstance(data, Dataset):
                        declared, relations = data, len(data.relations)
                        files = bulk_input.write(data, Path(tmp))
                    else:
                        declared, relations, files = bulk_input.read_and_write(Path(data), Path(tmp))
                with timed("import"):
                    memory = _run_importer(java, lib, staging, home / "logs", files, max_off_heap)
            with timed("schema"):
                _build_aside(staging, home / "logs", declared, relations, files, version + 1)
            with timed("restart"):
                restarted = _swap(home, staging, password, version)
        finally:
            _remove(staging)
    return Imported(path, restarted, len(declared.actors), relations, len(declared.sources),
                    len(declared.custom_types), files.links, held, seconds, memory)


@contextlib.contextmanager
def _exclusive(home: Path) -> Iterator[None]:
    """One bulk import per instance at a time."""
    if not (home / "conf").is_dir():
        raise ServerError(_no_instance(home))
    with (home / "conf" / "bulk-import.lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ServerError(f"another bulk import into Neo4j in {home} is running") from None
        yield


def _no_instance(home: Path) -> str:
    return (f"no Neo4j instance in {home}: relgraph neo4j start makes one (the bulk import works on the "
            "local server relgraph runs, on its own host; for any other server use relgraph load)")


def _running(home: Path) -> server.Server:
    live = server.status(home)
    if live is None:
        raise ServerError(_no_instance(home))
    if not live.running:
        where = "" if home == server.default_home().resolve() else f" --dir {home}"
        raise ServerError(f"Neo4j in {home} is stopped: start it with relgraph neo4j start{where}, then "
                          "import again (the import checks what its database holds, and restarts it)")
    return live


def _held(live: server.Server, password: str) -> tuple[int, int]:
    """How many nodes the live database holds beside the load lock, and the lock's version (0: none)."""
    from relgraph.store.neo4j import Neo4jStore

    server.check_password(live, password)
    with Neo4jStore(live.uri, "neo4j", password) as store:
        nodes = store.query("MATCH (n) RETURN count(n) AS n")[0]["n"]
        locks = store.query("MATCH (l:RelgraphLock) RETURN count(l) AS n, max(l.version) AS version")[0]
    return nodes - locks["n"], locks["version"] or 0


def _remove(staging: Path) -> None:
    """Delete the staging folder, stopping the server an interrupted import may have left running there."""
    if (staging / "conf").exists():
        server.stop(staging)
    shutil.rmtree(staging, ignore_errors=True)


def _run_importer(java: str, lib: Path, staging: Path, logs: Path, files: bulk_input.Input,
                  max_off_heap: str) -> int:
    """Run ``neo4j-admin database import full`` into ``staging``; return its peak resident memory in bytes."""
    server.configure(staging, lib, ASIDE)
    logs.mkdir(parents=True, exist_ok=True)
    log, report = logs / "import.log", logs / "import.report"
    report.unlink(missing_ok=True)
    command = [java, f"-Xmx{IMPORTER_HEAP}", *_ADMIN_FLAGS, "-cp", f"{lib}/*", "org.neo4j.cli.AdminTool",
               "database", "import", "full", "neo4j", "--verbose", f"--max-off-heap-memory={max_off_heap}",
               f"--report-file={report}", *files.arguments()]
    env = {**os.environ, "NEO4J_HOME": str(staging), "NEO4J_CONF": str(staging / "conf")}
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out,  # noqa: S603
                                   stderr=subprocess.STDOUT, env=env)
        try:
            status, peak = _wait_measuring(process.pid)
        except BaseException:  # interrupted: do not leave it running
            process.kill()
            process.wait()
            raise
    code = process.returncode = os.waitstatus_to_exitcode(status)
    if code != 0:
        cause = _cause(log.read_text(encoding="utf-8", errors="replace"))
        raise ServerError(f"neo4j-admin could not import the dataset (exit code {code}){cause}; see {log}"
                          f"{f' and {report}' if report.exists() and report.stat().st_size else ''}. "
                          "The live database was not touched")
    return peak


def _wait_measuring(pid: int) -> tuple[int, int]:
    """Wait for a process; its exit status and peak resident memory in bytes.

    The peak is the kernel's high-water mark of the program's own memory,
    read while it runs: ``wait4``'s ``ru_maxrss`` would also count what the
    process held before it started the program, a copy of this process.
    """
    peak = 0
    status_file = Path(f"/proc/{pid}/status")
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, peak or usage.ru_maxrss * 1024
        with contextlib.suppress(OSError, ValueError, IndexError):
            for line in status_file.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) * 1024)
        time.sleep(0.1)


def _cause(output: str) -> str:
    """The importer's own reason for failing, from its verbose output: ``: <reason>``, or nothing."""
    causes = re.findall(r"^(?:Caused by: )?(?:[\w$]+\.)+[\w$]*(?:Exception|Error): (.+)$", output, re.M)
    if not causes:
        return ""
    reason = re.sub(r"^(?:[\w$]+\.)+[\w$]*(?:Exception|Error): ", "", causes[-1]).strip()
    return f": {reason[:300]}"


def _build_aside(staging: Path, logs: Path, data: Dataset, relations: int, files: bulk_input.Input,
                 version: int) -> None:
    """Start a server on the imported store, give it what the importer could not, check it, stop it.

    ``data`` holds the dataset's declarations (its relations need not be there: ``relations`` counts them).

    On a failure its logs are kept in ``logs/import-aside`` (the staging folder goes).
    """
    try:
        found = _fill_aside(staging, data, files, version)
    except Exception as exc:
        kept = logs / "import-aside"
        shutil.rmtree(kept, ignore_errors=True)
        shutil.copytree(staging / "logs", kept)
        reason = str(exc).replace(str(staging / "logs"), str(kept))
        raise ServerError(f"the server that builds the schema aside failed ({reason}); see "
                          f"{kept / 'neo4j.log'}. The live database was not touched") from None
    expected = (len(data.actors), len(data.sources), relations + files.links)
    if found != expected:
        raise ServerError(f"the imported database holds {found[0]} actors, {found[1]} sources and {found[2]} "
                          f"relationships where {expected[0]}, {expected[1]} and {expected[2]} were written. "
                          "The live database was not touched")


def _fill_aside(staging: Path, data: Dataset, files: bulk_input.Input, version: int) -> tuple[int, int, int]:
    """The aside server's work; returns the actors, sources and relationships it holds."""
    from neo4j import GraphDatabase

    from relgraph.store.neo4j import Neo4jStore, quiet_driver

    password = secrets.token_urlsafe(18)
    aside = server.start(staging, password=password, bolt_port=services.free_port(), http_port=None,
                         heap=ASIDE.heap, pagecache=ASIDE.pagecache)
    try:
        with Neo4jStore(aside.uri, "neo4j", password) as store:
            store.init(data.types.values())  # what a load creates first, in the same way
        quiet_driver()
        with GraphDatabase.driver(aside.uri, auth=("neo4j", password)) as driver, driver.session() as session:
            session.execute_write(_complete, data, files.fixes, version)
            session.run("CALL db.awaitIndexes(86400)").consume()
            found = session.run("RETURN COUNT { (:Actor) } AS actors, COUNT { (:Source) } AS sources, "
                                "COUNT { ()-[]->() } AS relationships").single(strict=True)
    finally:
        server.stop(staging)
    return found["actors"], found["sources"], found["relationships"]


def _complete(tx: ManagedTransaction, data: Dataset, fixes: bulk_input.Fixes, version: int) -> None:
    """Write what the importer's files do not hold, with the statements of a load where there is one."""
    tx.run("UNWIND $rows AS row MERGE (t:RelationType {name: row.name}) SET t = row",
           rows=[type_row(t) for t in data.custom_types.values()])
    tx.run("MERGE (l:RelgraphLock {name: 'load'}) SET l.version = $version", version=version)
    for label, rows in fixes.nodes.items():
        if label not in ("Actor", "Source"):  # spliced: only the two labels the files hold
            raise ValueError(label)
        for i in range(0, len(rows), loading.BATCH):
            tx.run(f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) SET n += row.props",
                   rows=rows[i:i + loading.BATCH])
    for rel_type, rows in fixes.relationships.items():  # types from graph_shape.neo4j_type
        for i in range(0, len(rows), loading.BATCH):
            tx.run(f"UNWIND $rows AS row MATCH ()-[r:{rel_type} {{id: row.id}}]->() SET r += row.props",
                   rows=rows[i:i + loading.BATCH])


def _swap(home: Path, staging: Path, password: str, version: int) -> server.Server:
    """Stop the live server holding its load lock, put the imported store in its database's place, restart.

    If the server does not come up on the imported store, the store it had is
    put back and the server started on it again.
    """
    live = _running(home)
    how = server.settings(home)

    def start() -> server.Server:
        return server.start(home, password=password, bolt_port=how.bolt_port, http_port=how.http_port,
                            heap=how.heap, pagecache=how.pagecache)

    _stop_holding_the_lock(live, password, version)
    (staging / "replaced").mkdir()
    done: list[tuple[Path, Path]] = []  # (where a folder is now, where it was)
    try:
        for kind in ("databases", "transactions"):
            place, new = home / "data" / kind / "neo4j", staging / "data" / kind / "neo4j"
            if place.exists():
                place.rename(staging / "replaced" / kind)
                done.append((staging / "replaced" / kind, place))
            new.rename(place)
            done.append((place, new))
        restarted = start()
        _check_lock(restarted, password, version + 1)
        return restarted
    except BaseException as exc:
        server.stop(home)
        for now, before in reversed(done):
            now.rename(before)
        try:
            start()
            after = "so the database it held before is back"
        except Exception:
            after = "and the database it held before, put back, did not start either"
        if not isinstance(exc, Exception):
            raise
        raise ServerError(f"Neo4j in {home} did not start on the imported database ({exc}), {after}; see "
                          f"{home / 'logs' / 'neo4j.log'}") from None


def _check_lock(running: server.Server, password: str, version: int) -> None:
    """Check that the server runs the imported database: its lock has the version the import gave it."""
    from neo4j import GraphDatabase

    with GraphDatabase.driver(running.uri, auth=("neo4j", password)) as driver:
        records, _, _ = driver.execute_query("MATCH (l:RelgraphLock {name: 'load'}) RETURN l.version AS v")
    found = records[0]["v"] if records else None
    if found != version:
        raise ServerError(f"its load lock has version {found}, where the import wrote {version}")


def _stop_holding_the_lock(live: server.Server, password: str, version: int) -> None:
    """Stop the live server from inside a transaction that holds the load lock.

    A load that began before commits first, which changes the lock's version:
    the import then stops, having replaced nothing. One that begins after
    waits for the lock and fails with the server, writing nothing. The
    transaction is explicit, not managed, since a managed one would be retried
    once the server is gone.

    A stopping server waits a second (``db.shutdown_transaction_end_timeout``)
    for open transactions, then ends them all at once and waits for their
    clients to close them: the transaction asks the server a trivial question
    until it is refused as ended (or the server is gone), and is closed then,
    not later, which shortens the stop by about a second. Closed before that,
    it would let a load waiting for the lock commit.
    """
    from neo4j import GraphDatabase

    from relgraph.store.neo4j import quiet_driver

    quiet_driver()
    driver = GraphDatabase.driver(live.uri, auth=("neo4j", password))
    try:
        session = driver.session()
        tx = session.begin_transaction()
        now = loading.take_lock(cast("ManagedTransaction", tx), load=False)
        if now != version:
            tx.rollback()
            raise StoreError(f"a load into Neo4j in {live.home} committed while the import ran, so nothing "
                             "was replaced: import again")
        with contextlib.suppress(ProcessLookupError):
            os.kill(cast("int", live.pid), signal.SIGTERM)  # a running server's (see _running)
        deadline = time.monotonic() + 60
        with contextlib.suppress(Exception):  # ended by the server, or the server is gone
            while time.monotonic() < deadline:
                tx.run("RETURN 1").consume()
                time.sleep(0.05)
        with contextlib.suppress(Exception):
            session.close()
        server.stop(live.home)  # waits for it to exit
    finally:
        with contextlib.suppress(Exception):
            driver.close()
