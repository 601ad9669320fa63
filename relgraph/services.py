"""Local Java servers for people without one: Neo4j (:mod:`relgraph.store.server`) and Stanford CoreNLP
(:mod:`relgraph.ingest.articles.server`).

Both are published on Maven Central as jars. :func:`assemble` has Maven copy
a server's jars into a shared cache folder once; the server modules write
their own configuration, :func:`launch` the JVM in the background with its
output in a log, and keep its pid in the instance folder. A pid is only
trusted while the process still carries the instance's markers on its
command line (:func:`alive`), so a pid reused by another program is never
mistaken for the server; :func:`terminate` stops one cleanly, then firmly.

>>> pom("relgraph.local", "demo", "1.0", [("org.example", "lib", "1.0", None)]).count("<dependency>")
1
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from relgraph.errors import ServerError

__all__ = ["alive", "assemble", "cache_folder", "class_archive", "data_folder", "exited", "free_port", "java",
           "launch", "pom", "port_free", "read_pid", "require", "terminate"]

_POM = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by relgraph: copies {what} into lib/. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>{group}</groupId>
  <artifactId>{artifact}</artifactId>
  <version>{version}</version>
  <packaging>pom</packaging>
  <dependencies>
{dependencies}
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
        <executions>
          <execution>
            <id>copy-{artifact}</id>
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


def pom(group: str, artifact: str, version: str, dependencies: Sequence[tuple[str, str, str, str | None]],
        what: str = "a server and its dependencies") -> str:
    """A Maven project that copies ``dependencies`` (group, artifact, version, classifier) into ``lib/``."""
    lines = "\n".join(
        f"    <dependency><groupId>{g}</groupId><artifactId>{a}</artifactId><version>{v}</version>"
        + (f"<classifier>{c}</classifier>" if c else "") + "</dependency>"
        for g, a, v, c in dependencies)
    return _POM.format(what=what, group=group, artifact=artifact, version=version, dependencies=lines)


def data_folder(name: str) -> Path:
    """``~/.local/share/relgraph/NAME`` (or under ``XDG_DATA_HOME``): an instance's folder by default."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "relgraph" / name


def cache_folder(name: str) -> Path:
    """``~/.cache/relgraph/NAME`` (or under ``XDG_CACHE_HOME``): where assembled jars are shared."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "relgraph" / name


def require(tool: str, advice: str, instead: str) -> str:
    """The path of ``tool``, or a :class:`~relgraph.errors.ServerError` saying how to install it."""
    found = shutil.which(tool)
    if not found:
        raise ServerError(f"{tool} is not installed: {advice}, or {instead}")
    return found


def java(minimum: int, what: str, instead: str, *, versions: str | None = None) -> str:
    """The ``java`` command, checked to be at least version ``minimum`` (8 means 1.8).

    ``versions`` says which versions ``what`` runs on, in words (``17 or 21``).
    """
    versions = versions or f"{minimum} or later"
    command = require("java", f"install Java {versions} (Debian: apt-get install openjdk-17-jre-headless)",
                      instead)
    out = subprocess.run([command, "-version"], capture_output=True, text=True, check=False).stderr  # noqa: S603
    m = re.search(r'version "(?:1\.)?(\d+)', out)
    if not m or int(m[1]) < minimum:
        raise ServerError(f"{what} needs Java {versions}; found: {out.splitlines()[:1]}")
    return command


def assemble(cache: Path, project: str, what: str, *, minimum_java: int, instead: str,
             java_versions: str | None = None, maven_repo: Path | None = None) -> Path:
    """Copy the jars of the Maven ``project`` (a POM) into ``cache/lib`` once; return that folder.

    Maven keeps its downloads in ``~/.m2/repository`` (or ``maven_repo``), so a
    second assembly on the same machine downloads nothing.
    """
    lib = cache / "lib"
    done = cache / "assembled"
    if done.exists() and lib.is_dir():
        return lib
    mvn = require("mvn", "install Maven (Debian: apt-get install maven)", instead)
    java(minimum_java, what, instead, versions=java_versions)
    cache.mkdir(parents=True, exist_ok=True)
    (cache / "pom.xml").write_text(project, encoding="utf-8")
    shutil.rmtree(lib, ignore_errors=True)
    command = [mvn, "-B", "-q", "package"]
    if maven_repo:
        command.append(f"-Dmaven.repo.local={maven_repo}")
    result = subprocess.run(command, cwd=cache, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        (cache / "maven.log").write_text(result.stdout + result.stderr, encoding="utf-8")
        raise ServerError(f"Maven could not assemble {what} (is Maven Central reachable?); "
                          f"see {cache / 'maven.log'}")
    done.write_text(what, encoding="utf-8")
    return lib


def port_free(port: int) -> bool:
    """Whether nothing listens on ``port`` of 127.0.0.1."""
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on now (the system's choice)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def class_archive(cache: Path, command: str, lib: Path, flags: Sequence[str],
                  train: Callable[[str], bool]) -> tuple[str, ...]:
    """The JVM options that map a server's classes from its class-data-sharing archive, made first if need be.

    A JVM starting a large server spends seconds finding, parsing and verifying
    the same few thousand classes every time; Java's dynamic archive (AppCDS)
    keeps them ready to map (Neo4j starts in about 6 s instead of 8.5 s).
    One archive is made per Java, set of jars in ``lib`` and ``flags``, by
    ``train(option)``: run the server with ``option`` (which has the JVM write
    the archive as it exits), stop it cleanly and say whether it exited by
    itself (a JVM killed while writing leaves half a file, which is dropped).
    Making it is best effort: if training fails, or another process is making
    the archive at that moment, the server starts without one, only slower; a
    JVM that finds the archive does not fit it (other jars on the class path,
    say) ignores it and says so in its console log.
    """
    archive = cache / "class-archives" / f"{_archive_key(command, lib, flags)}.jsa"
    if not archive.exists():
        archive.parent.mkdir(parents=True, exist_ok=True)
        with (archive.parent / "making.lock").open("w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return ()
            if not archive.exists():
                _make_archive(archive, train)
    return (f"-XX:SharedArchiveFile={archive}",) if archive.exists() else ()


def _make_archive(archive: Path, train: Callable[[str], bool]) -> None:
    for stale in archive.parent.glob("*.partial"):  # an interrupted training's (this one holds the lock)
        stale.unlink(missing_ok=True)
    partial = archive.with_name(f"{archive.stem}.{os.getpid()}.partial")
    # whatever goes wrong in training (the server, the driver, the disk), the real start goes on without
    with contextlib.suppress(Exception):
        if train(f"-XX:ArchiveClassesAtExit={partial}") and partial.stat().st_size:
            partial.replace(archive)
            for old in archive.parent.glob("*.jsa"):  # made for another Java or other jars
                if old != archive:
                    old.unlink(missing_ok=True)
    partial.unlink(missing_ok=True)


def _archive_key(command: str, lib: Path, flags: Sequence[str]) -> str:
    """What an archive fits: the Java (its launcher and its VM, as files), the jars and the options."""
    java = Path(command).resolve()
    vms = sorted(java.parent.parent.glob("lib/*/libjvm.so"))
    parts = [f"{f}:{f.stat().st_size}:{f.stat().st_mtime_ns}" for f in (java, *vms)]
    parts += sorted(f"{j.name}:{j.stat().st_size}:{j.stat().st_mtime_ns}" for j in lib.glob("*.jar"))
    return hashlib.sha256("\n".join([*parts, *flags]).encode()).hexdigest()[:20]


def launch(command: Sequence[str], home: Path, pid_file: Path, *,
           env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Start ``command`` in the background from ``home``, its output appended to ``home/logs/console.log``."""
    (home / "logs").mkdir(parents=True, exist_ok=True)
    with (home / "logs" / "console.log").open("ab") as console:
        process = subprocess.Popen(  # noqa: S603
            list(command), cwd=home, env=env, stdin=subprocess.DEVNULL, stdout=console,
            stderr=subprocess.STDOUT, start_new_session=True)
    pid_file.write_text(str(process.pid), encoding="utf-8")
    return process


def alive(pid: int, markers: Sequence[str]) -> bool:
    """Whether process ``pid`` runs with every one of ``markers`` on its command line."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return False
    return all(marker in cmdline for marker in markers)


def read_pid(pid_file: Path, markers: Sequence[str]) -> int | None:
    """The pid in ``pid_file`` if that process is still the instance's server; a stale file is removed."""
    pid = int(pid_file.read_text()) if pid_file.exists() else None
    if pid is not None and not alive(pid, markers):
        pid_file.unlink(missing_ok=True)
        pid = None
    return pid


def exited(pid: int) -> bool:
    """Whether every thread of ``pid`` has ended.

    A JVM's first thread can end (leaving an empty ``cmdline``) while the
    server's threads still hold the port, so threads are what count.
    """
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return True
    for task in tasks:
        try:
            state = (task / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state not in ("Z", "X"):
            return False
    return True


def _reap(pid: int) -> None:
    """Collect the exit status if this process started the server, so no zombie lingers."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def terminate(pid: int, pid_file: Path, *, timeout: float) -> None:
    """Stop ``pid`` cleanly (SIGTERM), firmly (SIGKILL) if it is still there after ``timeout`` seconds."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not exited(pid):
        _reap(pid)
        time.sleep(0.1)
    if not exited(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    _reap(pid)
    pid_file.unlink(missing_ok=True)
