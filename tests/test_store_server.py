"""The local server's set-up checks that need no server: missing tools, the config it writes."""

import fcntl
import hashlib
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from relgraph import services
from relgraph.cli import cli
from relgraph.store import server as neo4j_server


def test_missing_java_or_maven_is_one_line_saying_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    result = CliRunner().invoke(cli, ["neo4j", "start", "--dir", str(tmp_path / "i"), "--password", "long-enough-1"])
    assert result.exit_code == 1
    assert result.output == ("Error: java is not installed: install Java 17 or 21 (Debian: apt-get install "
                             "openjdk-17-jre-headless), or run Neo4j with Docker (docker/compose.yml)\n")
    java = tmp_path / "bin" / "java"
    java.parent.mkdir()
    java.write_text('#!/bin/sh\necho \'openjdk version "17.0.15"\' >&2\n')
    java.chmod(0o755)
    monkeypatch.setenv("PATH", str(java.parent))
    result = CliRunner().invoke(cli, ["neo4j", "start", "--dir", str(tmp_path / "i"), "--password", "long-enough-1"])
    assert result.output == ("Error: mvn is not installed: install Maven (Debian: apt-get install maven), "
                             "or run Neo4j with Docker (docker/compose.yml)\n")


def test_too_old_java_is_refused(tmp_path, monkeypatch):
    java = tmp_path / "bin" / "java"
    java.parent.mkdir()
    java.write_text('#!/bin/sh\necho \'openjdk version "11.0.2"\' >&2\n')
    java.chmod(0o755)
    monkeypatch.setenv("PATH", str(java.parent))
    result = CliRunner().invoke(cli, ["neo4j", "start", "--dir", str(tmp_path / "i"), "--password", "long-enough-1"])
    assert result.exit_code == 1
    assert "needs Java 17 or 21" in result.output


def test_status_of_a_folder_without_an_instance(tmp_path):
    assert neo4j_server.status(tmp_path) is None
    result = CliRunner().invoke(cli, ["neo4j", "status", "--dir", str(tmp_path)])
    assert (result.exit_code, result.output) == (4, f"No Neo4j instance in {tmp_path} (relgraph neo4j start makes one)\n")


def test_config_listens_on_loopback_with_auth_and_explicit_memory(tmp_path):
    conf = neo4j_server._conf(tmp_path, tmp_path / "lib", 7700, 7701, "1g", "512m")
    lines = set(conf.splitlines())
    assert {"server.default_listen_address=127.0.0.1", "server.bolt.listen_address=127.0.0.1:7700",
            "server.http.listen_address=127.0.0.1:7701", "dbms.security.auth_enabled=true",
            "server.memory.heap.max_size=1g", "server.memory.pagecache.size=512m"} <= lines
    assert neo4j_server._read_ports_from(conf) == (7700, 7701)


def test_initial_password_file_has_neo4js_format(tmp_path):
    neo4j_server._set_initial_password(tmp_path, "correct horse")
    auth = (tmp_path / "data" / "dbms" / "auth.ini").read_text()
    user, scheme = auth.strip().split(":", 1)[0], auth.split(":")[1]
    algorithm, digest, salt, iterations = scheme.split(",")
    assert (user, algorithm, iterations) == ("neo4j", "SHA-256", "1024")
    expected = hashlib.sha256(bytes.fromhex(salt) + b"correct horse").digest()
    for _ in range(1023):
        expected = hashlib.sha256(expected).digest()
    assert digest == expected.hex()
    assert (tmp_path / "data" / "dbms" / "auth.ini").stat().st_mode & 0o077 == 0


def test_settings_read_back_what_an_instance_was_configured_with(tmp_path):
    for how in (neo4j_server.Settings(7700, 7701, "2g", "256m"), neo4j_server.Settings(7702, None, "1g", "1g")):
        neo4j_server.configure(tmp_path, tmp_path / "lib", how)
        assert neo4j_server.settings(tmp_path) == how
    conf = (tmp_path / "conf" / "neo4j.conf").read_text().splitlines()
    assert "server.http.enabled=false" in conf and not any(line.startswith("server.http.listen") for line in conf)
    # a stop ends open transactions at once: the bulk import stops the server while holding the load lock
    assert "db.shutdown_transaction_end_timeout=1s" in conf


def _jars(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "a.jar").write_bytes(b"a")
    return lib


def test_a_class_archive_is_made_once_and_its_option_given(tmp_path):
    lib, trained = _jars(tmp_path), []

    def train(option):
        trained.append(option)
        Path(option.split("=", 1)[1]).write_bytes(b"classes")
        return True

    first = services.class_archive(tmp_path / "cache", sys.executable, lib, ("-Xflag",), train)
    again = services.class_archive(tmp_path / "cache", sys.executable, lib, ("-Xflag",), train)
    assert first == again and len(trained) == 1
    archive = Path(first[0].removeprefix("-XX:SharedArchiveFile="))
    assert first[0].startswith("-XX:SharedArchiveFile=") and archive.read_bytes() == b"classes"
    assert trained[0].startswith("-XX:ArchiveClassesAtExit=") and not Path(trained[0].split("=", 1)[1]).exists()
    # other jars (or options) need another archive, which replaces the first
    (lib / "b.jar").write_bytes(b"b")
    other = services.class_archive(tmp_path / "cache", sys.executable, lib, ("-Xflag",), train)
    assert other != first and len(trained) == 2 and not archive.exists()
    assert services.class_archive(tmp_path / "cache", sys.executable, lib, ("-Xother",), train) not in (first, other)


def test_a_failed_or_killed_training_leaves_no_archive_and_the_start_goes_on(tmp_path):
    lib = _jars(tmp_path)

    def killed(option):  # the JVM did not exit by itself: what it wrote may be half an archive
        Path(option.split("=", 1)[1]).write_bytes(b"half")
        return False

    def broken(option):
        raise RuntimeError("the training server did not answer")

    for train in (killed, broken):
        assert services.class_archive(tmp_path / "cache", sys.executable, lib, (), train) == ()
        assert [p.name for p in (tmp_path / "cache" / "class-archives").iterdir()] == ["making.lock"]


def test_no_second_training_while_another_process_makes_the_archive(tmp_path):
    lib = _jars(tmp_path)
    folder = tmp_path / "cache" / "class-archives"
    folder.mkdir(parents=True)
    with (folder / "making.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process's training
        code = ("import sys; from pathlib import Path; from relgraph import services; "
                "print(services.class_archive(Path(sys.argv[1]), sys.executable, Path(sys.argv[2]), (), "
                "lambda option: sys.exit('trained')))")
        out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "cache"), str(lib)],
                             capture_output=True, text=True, check=True).stdout
    assert out == "()\n"
