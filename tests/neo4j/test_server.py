"""Real tests against the Neo4j test server (no mocks)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import neo4j
import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from kg.neo4j_server import NEO4J_VERSION_PREFIX, build

REPO = Path(__file__).resolve().parents[2]


def test_query_round_trip(neo4j_driver):
    neo4j_driver.execute_query(
        "CREATE (:Person {name: $name, age: $age})-[:KNOWS {since: $since}]->(:Person {name: $other})",
        name="Ada",
        age=36,
        since=1833,
        other="Charles",
    )
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (a:Person {name: $name})-[k:KNOWS]->(b:Person) RETURN a.name AS a, a.age AS age, "
        "k.since AS since, b.name AS b",
        name="Ada",
    )
    assert [r.data() for r in records] == [{"a": "Ada", "age": 36, "since": 1833, "b": "Charles"}]


def test_database_is_wiped_between_tests(neo4j_driver):
    # Runs after test_query_round_trip in file order: the fixture must have emptied the database.
    records, _, _ = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS n")
    assert records[0]["n"] == 0
    neo4j_driver.execute_query("CREATE CONSTRAINT person_name IF NOT EXISTS FOR (p:Person) REQUIRE p.name IS UNIQUE")
    neo4j_driver.execute_query("CREATE INDEX person_age IF NOT EXISTS FOR (p:Person) ON (p.age)")
    neo4j_driver.execute_query("CREATE (:Person {name: 'x'})")


def test_schema_is_wiped_between_tests(neo4j_driver):
    constraints, _, _ = neo4j_driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name")
    indexes, _, _ = neo4j_driver.execute_query("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")
    assert constraints == [] and indexes == []
    records, _, _ = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS n")
    assert records[0]["n"] == 0


def test_return_1_on_default_database(neo4j_server):
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as driver:
        records, summary, _ = driver.execute_query("RETURN 1 AS one")
        assert records[0]["one"] == 1
        assert summary.database == "neo4j"


def test_wrong_password_is_rejected(neo4j_server):
    # One failed attempt only: three in a row would lock the user out for 5 s.
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, "definitely-wrong-pw")) as driver:
        with pytest.raises(AuthError):
            driver.verify_connectivity()
    # ...and the right password still works afterwards.
    with neo4j_server.driver() as driver:
        driver.verify_connectivity()


def test_server_version_is_5_26_community(neo4j_driver):
    records, _, _ = neo4j_driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition"
    )
    kernel = [r for r in records if r["name"] == "Neo4j Kernel"]
    assert kernel, records
    assert kernel[0]["versions"][0].startswith(NEO4J_VERSION_PREFIX + "."), kernel[0]["versions"]
    assert kernel[0]["edition"] == "community"


def test_server_binds_loopback_only_without_http(neo4j_server):
    assert neo4j_server.uri.startswith("bolt://127.0.0.1:")
    assert neo4j_server.is_running()
    with neo4j_server.driver() as driver:
        records, _, _ = driver.execute_query(
            "SHOW SETTINGS YIELD name, value WHERE name IN ['server.http.enabled', 'server.https.enabled', "
            "'server.bolt.listen_address', 'dbms.security.auth_enabled'] RETURN name, value"
        )
    settings = {r["name"]: r["value"] for r in records}
    assert settings["server.http.enabled"] == "false"
    assert settings["server.https.enabled"] == "false"
    assert settings["server.bolt.listen_address"].startswith("127.0.0.1:")
    assert settings["dbms.security.auth_enabled"] == "true"


def test_password_never_written_to_logs(neo4j_server):
    leaks = []
    for path in neo4j_server.workdir.rglob("*"):
        if path.is_file():
            try:
                if neo4j_server.password.encode() in path.read_bytes():
                    leaks.append(path)
            except OSError:
                pass
    assert leaks == []
    assert neo4j_server.password not in repr(neo4j_server)


def test_build_is_up_to_date_and_lists_the_jars():
    classpath = build()
    entries = classpath.split(os.pathsep)
    assert any(f"neo4j-harness-{NEO4J_VERSION_PREFIX}." in e for e in entries)
    assert all(os.path.exists(e) for e in entries)


def test_cli_start_writes_env_file_and_stops_on_stdin_eof(tmp_path, neo4j_server):
    # A second, independent server through the command line (depends on neo4j_server only so that
    # the build has already happened and failures show up in one place).
    workdir = tmp_path / "cli"
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.neo4j_server", "start", "--dir", str(workdir)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        uri = proc.stdout.readline().strip()
        assert uri.startswith("bolt://127.0.0.1:"), (uri, proc.stderr.read() if proc.poll() is not None else "")
        env_file = workdir / "env"
        assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
        env = {}
        for line in env_file.read_text().splitlines():
            key, _, value = line.removeprefix("export ").partition("=")
            env[key] = value.strip("'")
        assert env["NEO4J_URI"] == uri and env["NEO4J_USER"] == "neo4j"
        assert env["NEO4J_URI"] != neo4j_server.uri
        with GraphDatabase.driver(uri, auth=(env["NEO4J_USER"], env["NEO4J_PASSWORD"])) as driver:
            records, _, _ = driver.execute_query("RETURN 41 + 1 AS answer")
            assert records[0]["answer"] == 42
        t0 = time.monotonic()
        proc.stdin.close()
        assert proc.wait(timeout=90) == 0
        assert time.monotonic() - t0 < 90
        stdout_rest = proc.stdout.read()
        stderr = proc.stderr.read()
        assert env["NEO4J_PASSWORD"] not in stdout_rest + stderr + uri
        assert env["NEO4J_PASSWORD"] not in (workdir / "server.log").read_text()
        assert not env_file.exists()  # credentials are removed with the server
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_driver_version_speaks_to_server():
    assert int(neo4j.__version__.split(".")[0]) >= 5
