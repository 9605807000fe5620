"""`kg push` and `kg cypher` end to end through the CLI, against the real server."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.build import build_graph
from kg.cli import app
from kg.errors import KGError
from kg.neo4j_store import (
    Neo4jConfigError,
    Neo4jConnectionError,
    WriteNotAllowed,
    connect,
    parse_params,
    push_graph,
    run_cypher,
)
from kg.store import save_graph

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"

runner = CliRunner()


@pytest.fixture(scope="module")
def examples_graph():
    G, _ = build_graph([EXAMPLES])
    return G


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory, examples_graph):
    path = tmp_path_factory.mktemp("neo4j-cli") / "examples.kg"
    save_graph(examples_graph, path)
    return path


@pytest.fixture
def server_env(neo4j_server, neo4j_driver, monkeypatch):
    """NEO4J_URI/USER/PASSWORD of the test server in the environment, on an empty database."""
    for k, v in neo4j_server.env().items():
        monkeypatch.setenv(k, v)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    return neo4j_driver


def count_nodes(driver) -> int:
    return driver.execute_query("MATCH (n) RETURN count(n) AS n")[0][0]["n"]


def test_push_command(server_env, graph_file, examples_graph):
    r = runner.invoke(app, ["push", str(graph_file), "--json"])
    assert r.exit_code == 0, r.output
    stats = json.loads(r.stdout)
    assert stats["nodes"]["created"] == examples_graph.number_of_nodes()
    assert stats["relationships"]["created"] == examples_graph.number_of_edges()
    assert count_nodes(server_env) == examples_graph.number_of_nodes()
    r = runner.invoke(app, ["push", str(graph_file)])  # human output; nothing new the second time
    assert r.exit_code == 0, r.output
    assert f"pushed {examples_graph.number_of_nodes()} nodes (0 new)" in r.stdout
    assert "new: nothing" in r.stdout


def test_push_flags_override_the_environment(server_env, neo4j_server, graph_file, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")  # nothing listens there
    monkeypatch.setenv("NEO4J_USER", "nobody")
    r = runner.invoke(app, ["push", str(graph_file), "--uri", neo4j_server.uri, "--user", neo4j_server.user,
                            "--json"])
    assert r.exit_code == 0, r.output
    assert count_nodes(server_env) > 0


def test_cypher_write_is_refused_without_write_flag(server_env):
    r = runner.invoke(app, ["cypher", "--neo4j", "CREATE (:Paper {id: 'p:x', title: 'X'})"])
    assert r.exit_code == 1
    assert "--write" in r.stderr and "Traceback" not in r.output
    assert len(r.stderr.strip().splitlines()) == 1
    assert count_nodes(server_env) == 0
    # MERGE (read + write), schema commands and PROFILE'd writes are refused too
    for q in ["MERGE (n:Paper {id: 'p:y'}) RETURN n", "CREATE INDEX foo IF NOT EXISTS FOR (n:Paper) ON (n.title)",
              "PROFILE CREATE (:Paper {id: 'p:z'})", "MATCH (n) DETACH DELETE n"]:
        r = runner.invoke(app, ["cypher", "--neo4j", q])
        assert r.exit_code == 1 and "--write" in r.stderr, (q, r.output)
    assert count_nodes(server_env) == 0
    assert server_env.execute_query("SHOW INDEXES YIELD name WHERE name = 'foo' RETURN name")[0] == []


def test_cypher_write_with_flag_and_params(server_env):
    r = runner.invoke(app, ["cypher", "--neo4j", "CREATE (p:Paper {id: $id, title: $title, upvotes: $n}) RETURN p.id AS id",
                            "--param", "id=p:1", "-p", "title=Hello, world", "-p", "n:=7", "--write", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == [{"id": "p:1"}]
    recs = server_env.execute_query("MATCH (p:Paper) RETURN properties(p) AS p")[0]
    assert [x["p"] for x in recs] == [{"id": "p:1", "title": "Hello, world", "upvotes": 7}]


def test_cypher_read_query_with_params(server_env, examples_graph):
    push_graph(examples_graph, server_env)
    query = ("MATCH (p:Paper)-[:USES]->(m:Method) WHERE $name IN m.norm_forms "
             "RETURN p.id AS paper, m.name AS method ORDER BY paper LIMIT $limit")
    r = runner.invoke(app, ["cypher", "--neo4j", query, "--param", "name=grpo", "--param", "limit:=50", "--json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    expected = sorted(u for u, v, k in examples_graph.edges(keys=True) if k == "USES" and v == "method:grpo")
    assert expected and [row["paper"] for row in rows] == expected
    assert {row["method"] for row in rows} == {"GRPO"}
    # the table view works as well, nodes come back as their properties
    r = runner.invoke(app, ["cypher", "--neo4j", "MATCH (m:Method {id: $id}) RETURN m", "-p", "id=method:grpo"])
    assert r.exit_code == 0, r.output
    assert "1 rows" in r.stdout and "method:grpo" in r.stdout
    r = runner.invoke(app, ["cypher", "--neo4j", "MATCH (m:Method {id: $id}) RETURN m", "-p", "id=method:grpo", "--json"])
    assert json.loads(r.stdout)[0]["m"]["name"] == "GRPO"


def test_cypher_errors_are_one_line(server_env):
    for args in (["cypher", "--neo4j", "MATC (n) RETURN n"], ["cypher", "--neo4j", "RETURN $x", "-p", "nonsense"],
                 ["cypher", "--neo4j", "RETURN $x", "-p", "x:={bad json"]):
        r = runner.invoke(app, args)
        assert r.exit_code == 1, r.output
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.output, r.output


def test_wrong_password_is_one_line_without_the_password(neo4j_server, graph_file, monkeypatch):
    # ONE failed login per run (Neo4j locks the account after 3 failures in a row); test_server.py has another.
    wrong = "Wr0ng-Pa55word-for-this-test"
    for k, v in neo4j_server.env().items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv("NEO4J_PASSWORD", wrong)
    r = runner.invoke(app, ["push", str(graph_file)])
    assert r.exit_code == 1
    lines = r.output.strip().splitlines()
    assert len(lines) == 1, r.output
    assert "cannot log in" in lines[0] and neo4j_server.uri in lines[0] and "NEO4J_PASSWORD" in lines[0]
    assert wrong not in r.output and neo4j_server.password not in r.output
    assert "Traceback" not in r.output and isinstance(r.exception, SystemExit)  # a clean exit, not a crash
    # a successful login right after resets the failure count
    with neo4j_server.driver() as driver:
        driver.verify_connectivity()


def test_connection_problems_are_kg_errors(neo4j_server, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with pytest.raises(Neo4jConfigError, match="NEO4J_URI"):
        connect(password="x")
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    with pytest.raises(Neo4jConfigError, match="NEO4J_PASSWORD"):
        connect(uri=neo4j_server.uri)
    with pytest.raises(Neo4jConfigError, match="Bolt"):
        connect(uri="http://127.0.0.1:7474", password="x")
    with pytest.raises(Neo4jConnectionError, match="cannot reach Neo4j at bolt://127.0.0.1:1") as e:
        connect(uri="bolt://127.0.0.1:1", password="secret-never-shown")
    assert "secret-never-shown" not in str(e.value) and "\n" not in str(e.value)
    driver = connect(uri=neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password)
    driver.close()


def test_run_cypher_library(neo4j_driver):
    with pytest.raises(WriteNotAllowed):
        run_cypher("CREATE (:Paper {id: 'a'})", driver=neo4j_driver)
    assert run_cypher("CREATE (p:Paper {id: $id}) RETURN p.id AS id", {"id": "a"}, write=True,
                      driver=neo4j_driver) == [{"id": "a"}]
    assert run_cypher("EXPLAIN MATCH (n) RETURN n", driver=neo4j_driver) == []
    assert run_cypher("MATCH (p:Paper) RETURN p, date('2025-01-02') AS d, [1, 2] AS l",
                      driver=neo4j_driver) == [{"p": {"id": "a"}, "d": "2025-01-02", "l": [1, 2]}]
    with pytest.raises(KGError, match="Neo4j error"):
        run_cypher("RETURN $missing", driver=neo4j_driver)
    assert Counter(r["l"] for r in run_cypher("UNWIND [1, 1, 2] AS l RETURN l", driver=neo4j_driver)) == {1: 2, 2: 1}


def test_parse_params():
    assert parse_params(["a=text", "b:=3", "c:=[1, 2]", "d=2401.12345", "e=x=y", "f:=null", "g="]) == {
        "a": "text", "b": 3, "c": [1, 2], "d": "2401.12345", "e": "x=y", "f": None, "g": ""}
    for bad in ["noequals", "1a=x", "a:=nope", "=x"]:
        with pytest.raises(KGError):
            parse_params([bad])


def test_build_with_neo4j_pushes_and_reports_once(server_env, tmp_path, examples_graph):
    out = tmp_path / "built.kg"
    r = runner.invoke(app, ["build", str(EXAMPLES), "-o", str(out), "--neo4j", "--json"])
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)  # one JSON document: the build report with the push stats inside
    assert report["papers"] == 13
    assert report["neo4j"]["nodes"]["created"] == examples_graph.number_of_nodes()
    assert count_nodes(server_env) == examples_graph.number_of_nodes()
