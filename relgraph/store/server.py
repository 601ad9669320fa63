"""A local Neo4j Community server without Docker: assembled from Maven Central, run from a folder.

Neo4j 5.26 (the 5.x long-term-support line, which runs on Java 17) is
published on Maven Central as jars. :func:`assemble` has Maven copy the
server's jars and Neo4j Browser's into a shared cache folder once;
:func:`start` writes a ``neo4j.conf`` into an instance folder (data, logs,
configuration), sets the initial password, launches the server in the
background on 127.0.0.1 and waits until Bolt answers; :func:`stop` ends it
cleanly, keeping the data. Several instances can run at once on different
ports (the tests do).

Layout of an instance folder: ``conf/neo4j.conf``, ``data/``, ``logs/``
(``neo4j.log``, ``debug.log``, ``console.log``), ``run/``, ``neo4j.pid``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from relgraph.errors import ServerError

__all__ = [
    "NEO4J_VERSION",
    "Server",
    "assemble",
    "default_cache",
    "default_home",
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

POM = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by relgraph: copies a Neo4j Community server and Neo4j Browser into lib/. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>relgraph.local</groupId>
  <artifactId>neo4j-server</artifactId>
  <version>{neo4j}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>{neo4j}</version></dependency>
    <dependency><groupId>org.neo4j.client</groupId><artifactId>neo4j-browser</artifactId><version>{browser}</version></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
        <executions>
          <execution>
            <id>copy-neo4j</id>
            <phase>package</phase>
            <goals><goal>copy-dependencies</goal></goals>
            <configuration>
              <outputDirectory>${{project.basedir}}/lib</outputDirectory>
              <includeScope>runtime</includeScope>
            </configuration>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
"""


@dataclass(frozen=True)
class Server:
    """A local server instance: where it lives and how to reach it."""

    home: Path
    pid: int | None
    bolt_port: int
    http_port: int

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
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "relgraph" / "neo4j"


def default_cache() -> Path:
    """Where the assembled server jars are shared by every instance."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "relgraph" / f"neo4j-{NEO4J_VERSION}"


def _require(tool: str, advice: str) -> str:
    found = shutil.which(tool)
    if not found:
        raise ServerError(f"{tool} is not installed: {advice}, or run Neo4j with Docker (docker/compose.yml)")
    return found


def _java() -> str:
    java = _require("java", "install Java 17 or 21 (Debian: apt-get install openjdk-17-jre-headless)")
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr  # noqa: S603
    m = re.search(r'version "(\d+)', out)
    if not m or int(m[1]) < 17:
        raise ServerError(f"Neo4j {NEO4J_VERSION} needs Java 17 or 21; found: {out.splitlines()[:1]}")
    return java


def assemble(cache: Path | None = None, *, maven_repo: Path | None = None) -> Path:
    """Copy the server's jars from Maven Central into ``cache/lib`` once; return that folder.

    Maven keeps its downloads in ``~/.m2/repository`` (or ``maven_repo``), so a
    second assembly on the same machine downloads nothing.
    """
    cache = cache or default_cache()
    lib = cache / "lib"
    done = cache / "assembled"
    if done.exists() and lib.is_dir():
        return lib
    mvn = _require("mvn", "install Maven (Debian: apt-get install maven)")
    _java()
    cache.mkdir(parents=True, exist_ok=True)
    (cache / "pom.xml").write_text(POM.format(neo4j=NEO4J_VERSION, browser=BROWSER_VERSION), encoding="utf-8")
    shutil.rmtree(lib, ignore_errors=True)
    command = [mvn, "-B", "-q", "package"]
    if maven_repo:
        command.append(f"-Dmaven.repo.local={maven_repo}")
    result = subprocess.run(command, cwd=cache, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        (cache / "maven.log").write_text(result.stdout + result.stderr, encoding="utf-8")
        raise ServerError(f"Maven could not assemble Neo4j {NEO4J_VERSION} (is Maven Central reachable?); "
                          f"see {cache / 'maven.log'}")
    done.write_text(NEO4J_VERSION, encoding="utf-8")
    return lib


def _conf(home: Path, lib: Path, bolt_port: int, http_port: int, heap: str, pagecache: str) -> str:
    return "\n".join([
        "# Written by relgraph neo4j start; edit the options of that command rather than this file.",
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{bolt_port}",
        f"server.bolt.advertised_address=127.0.0.1:{bolt_port}",
        "server.http.enabled=true",
        f"server.http.listen_address=127.0.0.1:{http_port}",
        f"server.http.advertised_address=127.0.0.1:{http_port}",
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
        "",
    ])


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def _read_ports(home: Path) -> tuple[int, int]:
    return _read_ports_from((home / "conf" / "neo4j.conf").read_text(encoding="utf-8"))


def _read_ports_from(conf: str) -> tuple[int, int]:
    bolt = re.search(r"^server\.bolt\.listen_address=.*:(\d+)$", conf, re.M)
    http = re.search(r"^server\.http\.listen_address=.*:(\d+)$", conf, re.M)
    return int(bolt[1]) if bolt else 7687, int(http[1]) if http else 7474


def _alive(pid: int, home: Path) -> bool:
    """Whether ``pid`` is this instance's server (not a reused pid of another program)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return False
    return "CommunityEntryPoint" in cmdline and f"--home-dir={home}" in cmdline


def _reap(pid: int) -> None:
    """Collect the exit status if this process started the server, so no zombie lingers."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def status(home: Path | None = None) -> Server | None:
    """The instance in ``home`` (running or not), or ``None`` if there is none."""
    home = (home or default_home()).resolve()
    if not (home / "conf" / "neo4j.conf").exists():
        return None
    bolt, http = _read_ports(home)
    pid_file = home / "neo4j.pid"
    pid = int(pid_file.read_text()) if pid_file.exists() else None
    if pid is not None and not _alive(pid, home):
        pid_file.unlink(missing_ok=True)
        pid = None
    return Server(home, pid, bolt, http)


def start(home: Path | None = None, *, password: str, bolt_port: int = 7687, http_port: int = 7474,
          heap: str = "1g", pagecache: str = "512m", cache: Path | None = None,
          timeout: float = 180.0) -> Server:
    """Start (assembling first if needed) the server in ``home``; return once Bolt answers.

    The password is set when the instance is first created (at least 8
    characters); later starts keep the stored one. Raises
    :class:`ServerError` if a port is taken, Java or Maven is missing, or the
    server does not come up.
    """
    home = (home or default_home()).resolve()
    running = status(home)
    if running and running.running:
        _check_password(running, password)
        return running
    if len(password) < 8:
        raise ServerError("the Neo4j password must have at least 8 characters")
    java = _java()
    lib = assemble(cache)
    for port in (bolt_port, http_port):
        if not _port_free(port):
            raise ServerError(f"port {port} on 127.0.0.1 is in use: "
                              "choose another with --bolt-port / --http-port")
    for name in ("conf", *DIRECTORIES):
        (home / name).mkdir(parents=True, exist_ok=True)
    (home / "conf" / "neo4j.conf").write_text(_conf(home, lib, bolt_port, http_port, heap, pagecache),
                                              encoding="utf-8")
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    if not (home / "data" / "dbms" / "auth.ini").exists():
        _set_initial_password(home, password)
    command = [java, f"-Xms{heap}", f"-Xmx{heap}", *JVM_FLAGS, "-cp", f"{home / 'plugins'}/*:{lib}/*",
               "org.neo4j.server.CommunityEntryPoint", f"--home-dir={home}", f"--config-dir={home / 'conf'}"]
    with (home / "logs" / "console.log").open("ab") as console:
        process = subprocess.Popen(  # noqa: S603
            command, cwd=home, env=env, stdin=subprocess.DEVNULL, stdout=console,
            stderr=subprocess.STDOUT, start_new_session=True)
    (home / "neo4j.pid").write_text(str(process.pid), encoding="utf-8")
    server = Server(home, process.pid, bolt_port, http_port)
    _wait_for_bolt(server, process, password, timeout)
    return server


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


def _check_password(server: Server, password: str) -> None:
    """Refuse a running server whose password is not ``password``, rather than pretend it was started."""
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
        if _port_free(server.bolt_port):
            time.sleep(0.2)
            continue
        try:
            with GraphDatabase.driver(server.uri, auth=("neo4j", password), connection_timeout=3) as driver:
                driver.execute_query("RETURN 1")
            return
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
    os.kill(server.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _alive(server.pid, server.home):
        _reap(server.pid)
        time.sleep(0.1)
    if _alive(server.pid, server.home):
        os.kill(server.pid, signal.SIGKILL)
    (server.home / "neo4j.pid").unlink(missing_ok=True)
    return True
