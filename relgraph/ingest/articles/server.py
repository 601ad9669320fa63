"""A local Stanford CoreNLP server without Docker: assembled from Maven Central, run from a folder.

The design follows :mod:`relgraph.store.server`. :func:`assemble` has Maven
copy ``edu.stanford.nlp:stanford-corenlp`` with its English ``models`` jar
(about 474 MB) and dependencies into a shared cache folder once;
:func:`start` launches ``StanfordCoreNLPServer`` in the background with the
annotators relgraph uses preloaded (loading them takes about half a minute,
which is why it runs as a server) and waits until its ``/ready`` endpoint
answers; :func:`stop` ends it.

CoreNLP's server has no option to choose the address it listens on: it binds
every interface. relgraph makes it IPv4-only and gives it a block list of
every IPv4 subnet but 127.0.0.0/8, so only this machine is answered.

Layout of an instance folder: ``corenlp.pid``, ``corenlp.properties`` (the
port and memory it was started with), ``blocklist.txt``, ``logs/console.log``.
"""

from __future__ import annotations

import re
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from relgraph import services
from relgraph.errors import ServerError

__all__ = [
    "ANNOTATORS",
    "CORENLP_VERSION",
    "Server",
    "assemble",
    "default_cache",
    "default_home",
    "is_ready",
    "start",
    "status",
    "stop",
]

CORENLP_VERSION = "4.5.7"

ANNOTATORS = ("tokenize", "ssplit", "pos", "lemma", "ner", "depparse")
"""What relgraph asks for: tokens, sentences, lemmas, named entities with SUTime's
dates (``ner``), and the dependency parse the clause rules read. natlog and
openie are not needed: the rules read the parse itself, which keeps negation
and reported speech that OpenIE's triples drop."""

# Every IPv4 subnet except 127.0.0.0/8, for the server's -blockList.
NOT_LOOPBACK = (
    "0.0.0.0/2",
    "64.0.0.0/3",
    "96.0.0.0/4",
    "112.0.0.0/5",
    "120.0.0.0/6",
    "124.0.0.0/7",
    "126.0.0.0/8",
    "128.0.0.0/1",
)

POM = services.pom("relgraph.local", "corenlp-server", CORENLP_VERSION,
                   [("edu.stanford.nlp", "stanford-corenlp", CORENLP_VERSION, None),
                    ("edu.stanford.nlp", "stanford-corenlp", CORENLP_VERSION, "models")],
                   "Stanford CoreNLP, its English models and dependencies")

_MEMORY = re.compile(r"[1-9][0-9]*[mMgG]")


@dataclass(frozen=True)
class Server:
    """A local server instance: where it lives and how to reach it."""

    home: Path
    pid: int | None
    port: int
    memory: str

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self.pid is not None


def default_home() -> Path:
    """Where ``relgraph nlp start`` keeps its instance (pid file, logs) unless told otherwise."""
    return services.data_folder("corenlp")


def default_cache() -> Path:
    """Where the assembled jars are shared by every instance."""
    return services.cache_folder(f"corenlp-{CORENLP_VERSION}")


_INSTEAD = "run CoreNLP with Docker (docker/compose.yml) and set CORENLP_URL"


def assemble(cache: Path | None = None, *, maven_repo: Path | None = None) -> Path:
    """Copy CoreNLP's jars from Maven Central into ``cache/lib`` once; return that folder."""
    return services.assemble(cache or default_cache(), POM, f"CoreNLP {CORENLP_VERSION}", minimum_java=8,
                             instead=_INSTEAD, maven_repo=maven_repo)


def _markers(home: Path) -> tuple[str, ...]:
    """A JVM option naming the instance folder, so that a pid is known to be this instance's server."""
    return (f"-Drelgraph.corenlp.home={home}", "edu.stanford.nlp.pipeline.StanfordCoreNLPServer")


def _settings(home: Path) -> dict[str, str]:
    path = home / "corenlp.properties"
    if not path.exists():
        return {}
    pairs = (line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line)
    return {k.strip(): v.strip() for k, v in pairs}


def status(home: Path | None = None) -> Server | None:
    """The instance in ``home`` (running or not), or ``None`` if there is none."""
    home = (home or default_home()).resolve()
    settings = _settings(home)
    if not settings:
        return None
    pid = services.read_pid(home / "corenlp.pid", _markers(home))
    return Server(home, pid, int(settings.get("port", 9000)), settings.get("memory", "4g"))


def is_ready(url: str, timeout: float = 2.0) -> bool:
    """Whether the CoreNLP server at ``url`` answers ``/ready`` (it does once its annotators are loaded)."""
    if not url.startswith(("http://", "https://")):
        return False
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/ready", timeout=timeout) as response:  # noqa: S310
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError, ValueError):
        return False


def start(
    home: Path | None = None,
    *,
    port: int = 9000,
    memory: str = "4g",
    cache: Path | None = None,
    timeout: float = 240.0,
    threads: int = 2,
) -> Server:
    """Start (assembling first if needed) the server in ``home``; return once it is ready.

    ``memory`` is the JVM heap (``4g``; the preloaded annotators need about
    3 GB). Raises :class:`~relgraph.errors.ServerError` if Java or
    Maven is missing, the port is taken, or the server does not come up.
    """
    home = (home or default_home()).resolve()
    running = status(home)
    if running and running.running:
        return running
    if not _MEMORY.fullmatch(memory):
        raise ServerError(f"{memory!r} is not a heap size: use a number and m or g, e.g. 4g")
    java = services.java(8, f"CoreNLP {CORENLP_VERSION}", _INSTEAD)
    lib = assemble(cache)
    if not services.port_free(port):
        raise ServerError(
            f"port {port} on 127.0.0.1 is in use: choose another with --port, "
            "or point relgraph at that server with CORENLP_URL"
        )
    (home / "logs").mkdir(parents=True, exist_ok=True)
    settings = f"# Written by relgraph nlp start\nport={port}\nmemory={memory}\n"
    (home / "corenlp.properties").write_text(settings, encoding="utf-8")
    (home / "blocklist.txt").write_text("\n".join(NOT_LOOPBACK) + "\n", encoding="utf-8")
    command = [
        java,
        f"-Xmx{memory}",
        "-Djava.net.preferIPv4Stack=true",
        _markers(home)[0],
        "-cp",
        f"{lib}/*",
        "edu.stanford.nlp.pipeline.StanfordCoreNLPServer",
        "-port",
        str(port),
        "-timeout",
        "120000",
        "-threads",
        str(threads),
        "-quiet",
        "true",
        "-preload",
        ",".join(ANNOTATORS),
        "-blockList",
        str(home / "blocklist.txt"),
        "-server_id",
        f"relgraph-{port}",
    ]
    process = services.launch(command, home, home / "corenlp.pid")
    server = Server(home, process.pid, port, memory)
    _wait_until_ready(server, process, timeout)
    return server


def _wait_until_ready(server: Server, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            (server.home / "corenlp.pid").unlink(missing_ok=True)
            raise ServerError(
                f"CoreNLP exited during start-up (code {process.returncode}); "
                f"see {server.home / 'logs' / 'console.log'}"
            )
        if is_ready(server.url):
            return
        time.sleep(0.5)
    stop(server.home)
    raise ServerError(
        f"CoreNLP did not come up on {server.url} within {timeout:.0f} s; "
        f"see {server.home / 'logs' / 'console.log'}"
    )


def stop(home: Path | None = None, *, timeout: float = 30.0) -> bool:
    """Stop the server in ``home`` (SIGTERM, then SIGKILL after ``timeout``). Returns whether one ran."""
    server = status(home)
    if server is None or server.pid is None:
        return False
    services.terminate(server.pid, server.home / "corenlp.pid", timeout=timeout)
    return True
