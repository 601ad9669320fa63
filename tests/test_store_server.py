"""The local server's set-up checks that need no server: missing tools, the config it writes."""

import hashlib

from click.testing import CliRunner

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
