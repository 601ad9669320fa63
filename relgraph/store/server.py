"""A local Neo4j Community server without Docker: assembled from Maven Central, run from a folder.

Neo4j 5.26 (the 5.x long-term-support line, which runs on Java 17) is
published on Maven Central as jars. :func:`assemble` has Maven copy the
server's jars and Neo4j Browser's into a shared cache folder once;
:func:`start` writes a ``neo4j.conf`` into an instance folder (data, logs,
configuration), sets the initial password, launches the server in the
background on 127.0.0.1 and waits until Bolt answers (the first start also
has a throwaway server write an archive of the classes every start loads,
which later starts map instead of loading them); :func:`stop` ends it
cleanly, keeping the data. Several instances can run at once on different
ports (the tests do).

Layout of an instance folder: ``conf/neo4j.conf``, ``data/``, ``logs/``
(``neo4j.log``, ``debug.log``, ``console.log``), ``run/``, ``neo4j.pid``.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from relgraph import services
from relgraph.errors import ServerError

__all__ = [
    "NEO4J_VERSION",
    "Server",
    "Settings",
    "assemble",
    "check_password",
    "configure",
    "default_cache",
    "default_home",
    "java",
    "settings",
    "start",
    "status",
    "stop",
]

NEO4J_VERSION = "5.26.31"
BROWSER_VERSION = "5.24.0"

# What Neo4j's own launcher adds from neo4j.conf's server.jvm.additional (5.26 defaults).
JVM_FLAGS = (
    "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields", "-XX:+DisableExplicitGC", "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true", "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true", "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true", "-Dfile.encoding=UTF-8",
)

DIRECTORIES = ("data", "logs", "run", "plugins", "import")

POM = services.pom("relgraph.local", "neo4j-server", NEO4J_VERSION,
                   [("org.neo4j", "neo4j", NEO4J_VERSION, None),
                    ("org.neo4j.client", "neo4j-browser", BROWSER_VERSION, None)],
                   "a Neo4j Community server and Neo4j Browser")


@dataclass(frozen=True)
class Server:
    """A local server instance: where it lives and how to reach it."""

    home: Path
    pid: int | None
    bolt_port: int
    http_port: int | None

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def browser(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"

    @property
    def running(self) -> bool:
        return self.pid is not None


def default_home() -> Path:
    """Where ``relgraph neo4j start`` keeps its instance unless told otherwise."""
    return services.data_folder("neo4j")


def default_cache() -> Path:
    """Where the assembled server jars are shared by every instance."""
    return services.cache_folder(f"neo4j-{NEO4J_VERSION}")


_INSTEAD = "run Neo4j with Docker (docker/compose.yml)"


def assemble(cache: Path | None = None, *, maven_repo: Path | None = None) -> Path:
    """Copy the server's jars from Maven Central into ``cache/lib`` once; return that folder."""
    return services.assemble(cache or default_cache(), POM, f"Neo4j {NEO4J_VERSION}", minimum_java=17,
                             java_versions="17 or 21", instead=_INSTEAD, maven_repo=maven_repo)


def java() -> str:
    """The ``java`` command, checked to run Neo4j (and its admin tool)."""
    return services.java(17, f"Neo4j {NEO4J_VERSION}", _INSTEAD, versions="17 or 21")


@dataclass(frozen=True)
class Settings:
    """How an instance runs, as its ``neo4j.conf`` keeps what ``start`` was given."""

    bolt_port: int = 7687
    http_port: int | None = 7474
    heap: str = "1g"
    pagecache: str = "512m"
    database: str | None = None


def settings(home: Path) -> Settings:
    """The settings the instance in ``home`` was last started with (so that a restart keeps them)."""
    conf = (home / "conf" / "neo4j.conf").read_text(encoding="utf-8")
    bolt, http = _read_ports_from(conf)

    def value(name: str, default: str) -> str:
        m = re.search(rf"^{re.escape(name)}=(.+)$", conf, re.M)
        return m[1].strip() if m else default

    return Settings(bolt, http, value("server.memory.heap.max_size", Settings.heap),
                    value("server.memory.pagecache.size", Settings.pagecache),
                    value("initial.dbms.default_database", "") or None)


def configure(home: Path, lib: Path, how: Settings) -> None:
    """Make the instance's folders and write its ``neo4j.conf``."""
    for name in ("conf", *DIRECTORIES):
        (home / name).mkdir(parents=True, exist_ok=True)
    conf = _conf(home, lib, how.bolt_port, how.http_port, how.heap, how.pagecache, how.database)
    (home / "conf" / "neo4j.conf").write_text(conf, encoding="utf-8")


def _conf(home: Path, lib: Path, bolt_port: int, http_port: int | None, heap: str, pagecache: str,
          database: str | None = None) -> str:
    """``neo4j.conf`` of an instance; ``http_port`` ``None`` runs it without HTTP (and Browser)."""
    http = ([f"server.http.listen_address=127.0.0.1:{http_port}",
             f"server.http.advertised_address=127.0.0.1:{http_port}"] if http_port is not None else [])
    return "\n".join([
        "# Written by relgraph neo4j start; edit the options of that command rather than this file.",
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{bolt_port}",
        f"server.bolt.advertised_address=127.0.0.1:{bolt_port}",
        f"server.http.enabled={'true' if http_port is not None else 'false'}",
        *http,
        "server.https.enabled=false",
        *(f"server.directories.{name}={home / name}" for name in DIRECTORIES),
        f"server.directories.lib={lib}",
        f"server.memory.heap.initial_size={heap}",
        f"server.memory.heap.max_size={heap}",
        f"server.memory.pagecache.size={pagecache}",
        "dbms.security.auth_enabled=true",
        "dbms.usage_report.enabled=false",
        # a new instance takes about 2 MB of disk instead of 500 MB of preallocated logs
        "db.tx_log.preallocate=false",
        # stop in about a second instead of waiting out Bolt's idle connections
        "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
        # a stop ends open transactions after a second, not ten: a bulk import stops the server while it
        # holds the load lock, so that no load commits to the database it is about to replace
        "db.shutdown_transaction_end_timeout=1s",
        # Community holds one user database; its name is fixed when the instance is first created
        *([f"initial.dbms.default_database={database}"] if database else []),
        "",
    ])


def _read_ports(home: Path) -> tuple[int, int | None]:
    return _read_ports_from((home / "conf" / "neo4j.conf").read_text(encoding="utf-8"))


def _read_ports_from(conf: str) -> tuple[int, int | None]:
    bolt = re.search(r"^server\.bolt\.listen_address=.*:(\d+)$", conf, re.M)
    http = re.search(r"^server\.http\.listen_address=.*:(\d+)$", conf, re.M)
    if re.search(r"^server\.http\.enabled=false$", conf, re.M):
        return int(bolt[1]) if bolt else 7687, None
    return int(bolt[1]) if bolt else 7687, int(http[1]) if http else 7474


def _markers(home: Path) -> tuple[str, ...]:
    """What the command line of this instance's server holds (a reused pid of another program does not)."""
    return ("org.neo4j.server.CommunityEntryPoint", f"--home-dir={home}")


def status(home: Path | None = None) -> Server | None:
    """The instance in ``home`` (running or not), or ``None`` if there is none."""
    home = (home or default_home()).resolve()
    if not (home / "conf" / "neo4j.conf").exists():
        return None
    bolt, http = _read_ports(home)
    return Server(home, services.read_pid(home / "neo4j.pid", _markers(home)), bolt, http)


def start(home: Path | None = None, *, password: str, bolt_port: int = 7687, http_port: int | None = 7474,
          heap: str = "1g", pagecache: str = "512m", cache: Path | None = None,
          timeout: float = 180.0, database: str | None = None) -> Server:
    """Start (assembling first if needed) the server in ``home``; return once Bolt answers.

    The password is set when the instance is first created (at least 8
    characters); later starts keep the stored one. The JVM maps the server's
    classes from an archive in ``cache`` (made by the first start, see
    :func:`relgraph.services.class_archive`). Raises
    :class:`ServerError` if a port is taken, Java or Maven is missing, or the
    server does not come up. ``http_port`` ``None`` starts it without HTTP. ``database`` names the
    instance's database (``neo4j`` if not given) when the instance is created.
    """
    home = (home or default_home()).resolve()
    running = status(home)
    if running and running.running:
        check_password(running, password)
        return running
    if len(password) < 8:
        raise ServerError("the Neo4j password must have at least 8 characters")
    command = java()
    lib = assemble(cache)
    for port in (bolt_port, http_port):
        if port is not None and not services.port_free(port):
            raise ServerError(f"port {port} on 127.0.0.1 is in use: "
                              "choose another with --bolt-port / --http-port")
    archive = services.class_archive(cache or default_cache(), command, lib, JVM_FLAGS,
                                     lambda option: _train(command, lib, option))
    how = Settings(bolt_port, http_port, heap, pagecache, database)
    process = _launch(home, command, lib, how, password, archive)
    server = Server(home, process.pid, bolt_port, http_port)
    _wait_for_bolt(server, process, password, timeout)
    return server


def _launch(home: Path, command: str, lib: Path, how: Settings, password: str,
            options: tuple[str, ...]) -> subprocess.Popen[bytes]:
    """Configure the instance in ``home`` and launch its server with the JVM ``options`` besides Neo4j's."""
    configure(home, lib, how)
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    if not (home / "data" / "dbms" / "auth.ini").exists():
        _set_initial_password(home, password)
    return services.launch(
        [command, f"-Xms{how.heap}", f"-Xmx{how.heap}", *JVM_FLAGS, *options, "-cp",
         f"{home / 'plugins'}/*:{lib}/*", "org.neo4j.server.CommunityEntryPoint", f"--home-dir={home}",
         f"--config-dir={home / 'conf'}"],
        home, home / "neo4j.pid", env=env)


def _train(command: str, lib: Path, option: str) -> bool:
    """Run a throwaway server with the JVM ``option`` that writes the class archive, through what a start and
    relgraph's first queries load; stop it. Whether it exited by itself (its archive then complete)."""
    from neo4j import GraphDatabase

    with tempfile.TemporaryDirectory(prefix="relgraph-neo4j-classes-") as tmp:
        home, password = Path(tmp), secrets.token_urlsafe(18)
        how = Settings(services.free_port(), services.free_port(), "512m", "64m")
        process = _launch(home, command, lib, how, password, (option,))
        server = Server(home, process.pid, how.bolt_port, how.http_port)
        try:
            _wait_for_bolt(server, process, password, timeout=120)
            with GraphDatabase.driver(server.uri, auth=("neo4j", password)) as driver:
                for query in _TRAINING:
                    driver.execute_query(query)
        finally:
            services.terminate(process.pid, home / "neo4j.pid", timeout=60)
            process.wait()
    return process.returncode in (0, 128 + signal.SIGTERM)


_TRAINING = (
    "CREATE CONSTRAINT trained IF NOT EXISTS FOR (n:Trained) REQUIRE n.id IS UNIQUE",
    "UNWIND range(1, 100) AS i MERGE (a:Trained {id: i}) SET a.name = toString(i), a.on = date('2016-12-20')",
    "MATCH (a:Trained), (b:Trained {id: a.id + 1}) MERGE (a)-[r:TRAINED]->(b) SET r.w = a.id",
    "MATCH (a:Trained)-[r]->(b) WHERE r.w > 10 RETURN a.id, collect(b.name) AS names ORDER BY a.id",
    "CALL db.awaitIndexes(60)",
)


def _set_initial_password(home: Path, password: str) -> None:
    """Write ``data/dbms/auth.ini`` as ``neo4j-admin dbms set-initial-password`` does.

    The same bytes as the admin tool's (salted SHA-256, 1024 iterations),
    without starting a JVM and without the password appearing in a process list.
    """
    salt = secrets.token_bytes(32)
    digest = hashlib.sha256(salt + password.encode("utf-8")).digest()
    for _ in range(1023):
        digest = hashlib.sha256(digest).digest()
    auth = home / "data" / "dbms" / "auth.ini"
    auth.parent.mkdir(parents=True, exist_ok=True)
    auth.write_text(f"neo4j:SHA-256,{digest.hex()},{salt.hex()},1024:\n", encoding="utf-8")
    auth.chmod(0o600)


def _another_password(home: Path) -> ServerError:
    return ServerError(f"Neo4j in {home} was set up with another password than NEO4J_PASSWORD: set the one "
                       "it was set up with (to change it, see 'Changing the password' in the README)")


def check_password(server: Server, password: str) -> None:
    """Refuse, in one line, a running server whose password is not ``password``."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError

    from relgraph.store.neo4j import quiet_driver

    quiet_driver()
    try:
        with GraphDatabase.driver(server.uri, auth=("neo4j", password), connection_timeout=5) as driver:
            driver.verify_connectivity()
    except AuthError:
        raise _another_password(server.home) from None


def _wait_for_bolt(server: Server, process: subprocess.Popen[bytes], password: str, timeout: float) -> None:
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

    from relgraph.store.neo4j import quiet_driver

    quiet_driver()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            (server.home / "neo4j.pid").unlink(missing_ok=True)
            raise ServerError(f"Neo4j exited during start-up (code {process.returncode}); "
                              f"see {server.home / 'logs' / 'neo4j.log'} and console.log there")
        if services.port_free(server.bolt_port):
            time.sleep(0.2)
            continue
        try:
            with GraphDatabase.driver(server.uri, auth=("neo4j", password), connection_timeout=3) as driver:
                # the system database says how the default one is doing, rather than a query to it being
                # retried while it is down
                records, _, _ = driver.execute_query(
                    "SHOW DEFAULT DATABASE YIELD name, currentStatus, statusMessage", database_="system")
            if not records or records[0]["currentStatus"] == "online":
                return
            default = records[0]
            if default["currentStatus"] == "offline" and default["statusMessage"]:
                stop(server.home)
                raise ServerError(f"Neo4j in {server.home} started, but its database {default['name']!r} did "
                                  f"not: {default['statusMessage']}")
            time.sleep(0.2)
        except AuthError:
            stop(server.home)  # started for nothing: leave it as it was
            raise _another_password(server.home) from None
        except (ServiceUnavailable, SessionExpired, OSError):
            time.sleep(0.2)
    stop(server.home)
    raise ServerError(f"Neo4j did not answer on {server.uri} within {timeout:.0f} s; "
                      f"see {server.home / 'logs' / 'neo4j.log'}")


def stop(home: Path | None = None, *, timeout: float = 60.0) -> bool:
    """Stop the server in ``home`` cleanly (SIGTERM, then SIGKILL after ``timeout``); keep its data.

    Returns whether a server was running.
    """
    server = status(home)
    if server is None or server.pid is None:
        return False
    services.terminate(server.pid, server.home / "neo4j.pid", timeout=timeout)
    return True
