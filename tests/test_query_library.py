"""The named Cypher queries (queries/*.cypher) on the embedded graph, and the embedded engine's guarantees.

Expected rows come from reading the hand-built graph below (``fixture_graph``), not from running code.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.embedded import (EmbeddedError, EmbeddedUnsupported, EmbeddedWriteRefused, database_dir, neo4j_to_float,
                         open_graph, translate)
from kg.neo4j_store import node_properties
from kg.store import save_graph
from queries.library import (QueryFileError, QueryParamError, UnknownQuery, get, list_queries, parse_query,
                             run_query)

QUERY_DIR = Path(__file__).resolve().parents[1] / "queries"


# ------------------------------------------------------------------------------------------ the fixture


def _ev(sentence: str) -> list[dict]:
    return [{"sentence": sentence, "start": 0, "end": len(sentence), "field": "abstract"}]


def _paper(G, pid, title, date, authors=()):
    G.add_node(pid, kind="Paper", name=title, title=title, abstract=f"Abstract of {title}.", arxiv_id=None,
               date=date, authors=list(authors), author_count=len(authors) or None, organization=None,
               subjects=[], links=[], upvotes=None, sources=[f"fixture.jsonl:{len(G)}"])
    for a in authors:
        aid = "author:" + a.lower().replace(" ", "-")
        G.add_node(aid, kind="Author", name=a)
        G.add_edge(aid, pid, key="AUTHORED", rel="AUTHORED", evidence=[], confidence=1.0)


def _entity(G, eid, kind, name, aliases=(), long_form=None, family=None):
    G.add_node(eid, kind=kind, name=name, aliases=list(aliases), family=family, description=None,
               long_form=long_form, origin="lexicon", confidence=0.9)
    if family:
        G.add_edge(eid, family, key="PART_OF", rel="PART_OF", evidence=[], confidence=1.0)


def _rel(G, u, v, rel, **extra):
    G.add_edge(u, v, key=rel, rel=rel, evidence=_ev(f"{u} {rel} {v}."), confidence=0.9, **extra)


def _result(G, rid, paper, value, metric, bench, of=None):
    G.add_node(rid, kind="Result", name=f"{value} on {G.nodes[bench]['name']}", value=value, metric=metric)
    _rel(G, paper, rid, "REPORTS")
    G.add_edge(rid, bench, key="ON_BENCHMARK", rel="ON_BENCHMARK", evidence=[], confidence=0.9)
    if of:
        G.add_edge(rid, of, key="OF", rel="OF", evidence=[], confidence=0.9)


P1, P2, P3, P4, P5, P6, P7 = (f"arxiv:2501.0000{i}" for i in range(1, 8))


def build_fixture() -> nx.MultiDiGraph:
    """Seven papers around GRPO; see each test for what it reads from here."""
    G = nx.MultiDiGraph()
    _paper(G, P1, 'Alpha: "GRPO" on AIME, with commas, and a\nnewline', "2025-01-10", ["Ada Lovelace", "Alan Turing"])
    _paper(G, P2, "Beta: DAPO — décor ünïcode \\ backslash", "2025-02-03", ["Ada Lovelace"])
    _paper(G, P3, "Gamma: VAPO", "2025-02-20", ["Grace Hopper"])
    _paper(G, P4, "Delta: replay ARPO", None)
    _paper(G, P5, "Epsilon: PPO and ARPO", "2024-12-31", ["Alan Turing"])
    _paper(G, P6, "Zeta: Foo", "Aug 28")
    _paper(G, P7, "Eta: DAPO again, and KTO", "2025-03-05")

    _entity(G, "method:grpo", "Method", "GRPO", ["Group Relative Policy Optimization"],
            "Group Relative Policy Optimization")
    _entity(G, "method:ppo", "Method", "PPO", [], "Proximal Policy Optimization")
    _entity(G, "method:dapo", "Method", "DAPO")
    _entity(G, "method:vapo", "Method", "VAPO")
    _entity(G, "method:kto", "Method", "KTO")
    _entity(G, "method:foo", "Method", "Foo")
    _entity(G, "method:arpo", "Method", "ARPO", ["Agentic Reinforced Policy Optimization"],
            "Agentic Reinforced Policy Optimization")
    _entity(G, "method:arpo--agentic-replay-policy-optimization", "Method", "ARPO",
            ["Agentic Replay Policy Optimization"], "Agentic Replay Policy Optimization")
    _entity(G, "method:x", "Method", "X")
    _entity(G, "method:y", "Method", "Y")
    _entity(G, "model:qwen2-5-7b", "Model", "Qwen2.5-7B", ["Qwen-2.5-7B"])
    _entity(G, "model:llama-3-8b", "Model", "Llama-3-8B")
    _entity(G, "benchmark:aime", "Benchmark", "AIME")
    _entity(G, "benchmark:aime-2024", "Benchmark", "AIME 2024", ["AIME24", "AIME'24"], family="benchmark:aime")
    _entity(G, "benchmark:aime-2025", "Benchmark", "AIME 2025", ["AIME25"], family="benchmark:aime")
    _entity(G, "benchmark:math-500", "Benchmark", "MATH-500", ["MATH500"])
    _entity(G, "dataset:gsm8k", "Dataset", "GSM8K")

    # P1 applies GRPO with Qwen2.5-7B on AIME 2024 and MATH-500, against PPO
    _rel(G, P1, "method:grpo", "USES")
    _rel(G, P1, "model:qwen2-5-7b", "USES_MODEL")
    _rel(G, P1, "benchmark:aime-2024", "EVALUATES_ON")
    _rel(G, P1, "benchmark:math-500", "EVALUATES_ON")
    _rel(G, P1, "method:ppo", "COMPARES_WITH")
    _result(G, "result:r1", P1, "47.6%", "Pass@1", "benchmark:aime-2024", of="method:grpo")
    # P2 proposes DAPO (built on GRPO), compares with GRPO, on AIME 2025 with Qwen2.5-7B
    _rel(G, P2, "method:dapo", "PROPOSES")
    _rel(G, P2, "method:grpo", "COMPARES_WITH")
    _rel(G, P2, "benchmark:aime-2025", "EVALUATES_ON")
    _rel(G, P2, "model:qwen2-5-7b", "USES_MODEL")
    _rel(G, "method:dapo", "method:grpo", "BUILDS_ON", papers=[P2])
    _result(G, "result:r2", P2, "50.0", None, "benchmark:aime-2025", of="method:dapo")
    _result(G, "result:r3", P2, "+3.1", None, "benchmark:aime-2025", of="method:dapo")
    # P3 proposes VAPO (built on DAPO), uses DAPO, on MATH-500 with Llama-3-8B
    _rel(G, P3, "method:vapo", "PROPOSES")
    _rel(G, P3, "method:dapo", "USES")
    _rel(G, P3, "benchmark:math-500", "EVALUATES_ON")
    _rel(G, P3, "model:llama-3-8b", "USES_MODEL")
    _rel(G, "method:vapo", "method:dapo", "BUILDS_ON", papers=[P3])
    _result(G, "result:r5", P3, "12", "accuracy", "benchmark:math-500")
    # P4 (no date) proposes the replay ARPO (built on GRPO), uses GRPO, compares with PPO and Llama-3-8B,
    # names AIME in passing, evaluates on GSM8K (a dataset)
    _rel(G, P4, "method:arpo--agentic-replay-policy-optimization", "PROPOSES")
    _rel(G, P4, "method:grpo", "USES")
    _rel(G, P4, "method:ppo", "COMPARES_WITH")
    _rel(G, P4, "model:llama-3-8b", "COMPARES_WITH")
    _rel(G, P4, "benchmark:aime", "MENTIONS")
    _rel(G, P4, "dataset:gsm8k", "EVALUATES_ON")
    _rel(G, "method:arpo--agentic-replay-policy-optimization", "method:grpo", "BUILDS_ON", papers=[P4, P1])
    # P5 proposes PPO and the agentic ARPO, on AIME 2024
    _rel(G, P5, "method:ppo", "PROPOSES")
    _rel(G, P5, "method:arpo", "PROPOSES")
    _rel(G, P5, "benchmark:aime-2024", "EVALUATES_ON")
    _result(G, "result:r4", P5, "80.6%", None, "benchmark:aime-2024", of="method:ppo")
    # P6 has a date that is not ISO; P7 proposes DAPO again (later) and KTO
    _rel(G, P6, "method:foo", "PROPOSES")
    _rel(G, P7, "method:dapo", "PROPOSES")
    _rel(G, P7, "method:kto", "PROPOSES")
    # a BUILDS_ON cycle, for variable-length semantics
    _rel(G, "method:x", "method:y", "BUILDS_ON", papers=[P7])
    _rel(G, "method:y", "method:x", "BUILDS_ON", papers=[P7])
    return G


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("query-library") / "fixture.kg"
    save_graph(build_fixture(), path)
    return path


# ------------------------------------------------------------------------------------------ the library


def test_every_file_is_a_named_query_with_description_and_params():
    files = sorted(p.stem for p in QUERY_DIR.glob("*.cypher"))
    assert [q.name for q in list_queries()] == files
    assert len(files) >= 10
    for q in list_queries():
        assert q.description and "\n" not in q.description
        lines = q.text.splitlines()
        assert lines[0] == "// " + q.description
        assert lines[1].startswith("// params: ")
        assert '"' not in "\n".join(ln for ln in lines if not ln.startswith("//")), "single-quoted strings only"


def test_get_and_params_checks():
    q = get("papers-using-method-on-benchmark")
    assert q.params == ("method", "benchmark")
    assert get("methods-per-month").params == ()
    with pytest.raises(UnknownQuery, match="did you mean leaderboard"):
        get("leaderbord")
    with pytest.raises(QueryParamError, match=r"missing \$benchmark"):
        run_query("papers-using-method-on-benchmark", {"method": "GRPO"})
    with pytest.raises(QueryParamError, match=r"unknown \$foo"):
        run_query("methods-per-month", {"foo": "1"})


def test_parse_query_rejects_bad_headers():
    with pytest.raises(QueryFileError, match="first line"):
        parse_query("x", "MATCH (n) RETURN n\n// params: none\nRETURN 1")
    with pytest.raises(QueryFileError, match="second line"):
        parse_query("x", "// d\nMATCH (n) RETURN n\nRETURN 1")
    with pytest.raises(QueryFileError, match="uses"):
        parse_query("x", "// d\n// params: $a\nRETURN $b")
    assert parse_query("x", "// d\n// params: $a, $b\nRETURN $a, $b").params == ("a", "b")


# ------------------------------------------------------------------------------------------ every query

TITLE = {n: d["title"] for n, d in build_fixture().nodes(data=True) if d["kind"] == "Paper"}

EXPECTED = {
    # papers using GRPO: P1 (USES), P2 (COMPARES_WITH), P4 (USES); on the AIME family: P1 -> AIME 2024,
    # P2 -> AIME 2025; P4 only names AIME in passing. Newest first.
    ("papers-using-method-on-benchmark", (("method", "GRPO"), ("benchmark", "AIME"))): [
        {"paper": P2, "title": TITLE[P2], "date": "2025-02-03", "method": "GRPO", "benchmark": "AIME 2025"},
        {"paper": P1, "title": TITLE[P1], "date": "2025-01-10", "method": "GRPO", "benchmark": "AIME 2024"},
    ],
    # names through long forms and aliases, ignoring case and punctuation
    ("papers-using-method-on-benchmark", (("method", "group relative policy optimization"),
                                          ("benchmark", "aime-24"))): [
        {"paper": P1, "title": TITLE[P1], "date": "2025-01-10", "method": "GRPO", "benchmark": "AIME 2024"},
    ],
    ("methods-building-on", (("method", "GRPO"),)): [
        {"method": "ARPO", "builds_on": "GRPO", "papers": 2, "id": "method:arpo--agentic-replay-policy-optimization"},
        {"method": "DAPO", "builds_on": "GRPO", "papers": 1, "id": "method:dapo"},
    ],
    ("methods-building-on-transitively", (("method", "GRPO"),)): [
        {"method": "ARPO", "builds_on": "GRPO", "depth": 1, "id": "method:arpo--agentic-replay-policy-optimization"},
        {"method": "DAPO", "builds_on": "GRPO", "depth": 1, "id": "method:dapo"},
        {"method": "VAPO", "builds_on": "GRPO", "depth": 2, "id": "method:vapo"},
    ],
    ("methods-building-on-transitively", (("method", "X"),)): [
        {"method": "Y", "builds_on": "X", "depth": 1, "id": "method:y"},
    ],
    # papers using/proposing GRPO: P1, P2, P4 -> Qwen2.5-7B (P1, P2); AIME 2024, MATH-500 (P1); AIME 2025 (P2);
    # P4's GSM8K is a Dataset
    ("used-with-method", (("method", "GRPO"),)): [
        {"kind": "Model", "name": "Qwen2.5-7B", "papers": 2},
        {"kind": "Benchmark", "name": "AIME 2024", "papers": 1},
        {"kind": "Benchmark", "name": "AIME 2025", "papers": 1},
        {"kind": "Benchmark", "name": "MATH-500", "papers": 1},
    ],
    # papers proposing or applying GRPO: P1, P4 -> PPO (both), Llama-3-8B (P4)
    ("baselines-of-method", (("method", "GRPO"),)): [
        {"baseline": "PPO", "kind": "Method", "papers": 2},
        {"baseline": "Llama-3-8B", "kind": "Model", "papers": 1},
    ],
    ("leaderboard", (("benchmark", "AIME"),)): [
        {"benchmark": "AIME 2024", "value": "80.6%", "metric": None, "paper": P5, "title": TITLE[P5],
         "subject": "PPO", "score": 80.6},
        {"benchmark": "AIME 2024", "value": "47.6%", "metric": "Pass@1", "paper": P1, "title": TITLE[P1],
         "subject": "GRPO", "score": 47.6},
        {"benchmark": "AIME 2025", "value": "50.0", "metric": None, "paper": P2, "title": TITLE[P2],
         "subject": "DAPO", "score": 50.0},
        {"benchmark": "AIME 2025", "value": "+3.1", "metric": None, "paper": P2, "title": TITLE[P2],
         "subject": "DAPO", "score": None},
    ],
    ("leaderboard", (("benchmark", "MATH500"),)): [
        {"benchmark": "MATH-500", "value": "12", "metric": "accuracy", "paper": P3, "title": TITLE[P3],
         "subject": None, "score": 12.0},
    ],
    # first proposals with ISO dates: PPO, ARPO (P5, 2024-12); DAPO (P2 before P7), VAPO (2025-02); KTO (2025-03);
    # P4 has no date, P6's "Aug 28" is not ISO
    ("methods-per-month", ()): [
        {"month": "2024-12", "methods": 2},
        {"month": "2025-02", "methods": 2},
        {"month": "2025-03", "methods": 1},
    ],
    # papers with GRPO: P1 (PPO), P2 (DAPO), P4 (replay ARPO, PPO)
    ("co-occurring-methods", (("method", "GRPO"),)): [
        {"method": "PPO", "papers": 2},
        {"method": "ARPO", "papers": 1},
        {"method": "DAPO", "papers": 1},
    ],
    ("papers-by-author", (("author", "ada lovelace"),)): [
        {"paper": P2, "title": TITLE[P2], "date": "2025-02-03", "author": "Ada Lovelace"},
        {"paper": P1, "title": TITLE[P1], "date": "2025-01-10", "author": "Ada Lovelace"},
    ],
    ("acronym", (("name", "ARPO"),)): [
        {"name": "ARPO", "kind": "Method", "long_form": "Agentic Reinforced Policy Optimization",
         "aliases": ["Agentic Reinforced Policy Optimization"], "papers": 1, "id": "method:arpo"},
        {"name": "ARPO", "kind": "Method", "long_form": "Agentic Replay Policy Optimization",
         "aliases": ["Agentic Replay Policy Optimization"], "papers": 1,
         "id": "method:arpo--agentic-replay-policy-optimization"},
    ],
    # every paper with any edge to GRPO: P1, P2, P4 (a Result OF it is not a paper)
    ("acronym", (("name", "grpo"),)): [
        {"name": "GRPO", "kind": "Method", "long_form": "Group Relative Policy Optimization",
         "aliases": ["Group Relative Policy Optimization"], "papers": 3, "id": "method:grpo"},
    ],
}


def test_every_named_query_has_an_expected_result():
    assert {name for name, _ in EXPECTED} == {q.name for q in list_queries()}


@pytest.mark.parametrize("name,params", list(EXPECTED), ids=lambda x: x if isinstance(x, str) else
                         ",".join(f"{k}={v}" for k, v in x))
def test_named_query_on_the_embedded_graph(graph_file, name, params):
    rows = run_query(name, dict(params), "embedded", graph=graph_file)
    assert rows == EXPECTED[(name, params)]


def test_unknown_names_give_no_rows(graph_file):
    assert run_query("papers-using-method-on-benchmark", {"method": "NoSuchMethod", "benchmark": "AIME"},
                     graph=graph_file) == []


# ------------------------------------------------------------------------------------------ the engine


def test_the_embedded_copy_holds_every_property_as_neo4j_would(graph_file):
    G = build_fixture()
    for label in ("Paper", "Method", "Benchmark", "Author", "Result", "Model", "Dataset"):
        rows = open_graph(graph_file).run(f"MATCH (n:{label}) RETURN n")
        got = {r["n"]["id"]: r["n"] for r in rows}
        want = {n: node_properties(n, d) for n, d in G.nodes(data=True) if d["kind"] == label}
        assert got == want


def test_many_nodes_with_awkward_text_load_exactly(tmp_path):
    """More rows than one vector (2048) with quotes, commas, newlines, backslashes, non-ASCII, empty strings and
    empty list elements: the CSV dialect and list decoding must round-trip every value."""
    G = nx.MultiDiGraph()
    awkward = ['a,b', 'q"uote', "it's", "back\\slash", "new\nline", "[br]", "tab\tx", "ünï ∑ 日本", "", " pad ",
               "=lead", "\\", '\\"', '""', "%,", "semi;colon"]
    for i in range(3000):
        s = awkward[i % len(awkward)]
        G.add_node(f"method:m{i}", kind="Method", name=f"{s}{i}", aliases=[s, "", f"alt {s}"] if i % 3 else [],
                   family=None, description=s if i % 2 else None, long_form=None, origin="lexicon",
                   confidence=0.5)
    path = tmp_path / "awkward.kg"
    save_graph(G, path)
    rows = open_graph(path).run("MATCH (n:Method) RETURN n")
    assert len(rows) == 3000
    assert {r["n"]["id"]: r["n"] for r in rows} == {n: node_properties(n, d) for n, d in G.nodes(data=True)}


def test_the_copy_lives_beside_the_graph_and_follows_it(tmp_path):
    path = tmp_path / "g.kg"
    G = build_fixture()
    save_graph(G, path)
    assert run_query("acronym", {"name": "KTO"}, graph=path)[0]["papers"] == 1
    assert database_dir(path) == tmp_path / "g.kg.ladybug"
    assert (tmp_path / "g.kg.ladybug" / "graph.lbug").exists()
    G.add_node("arxiv:9", kind="Paper", name="new", title="new", abstract="x", date="2026-01-01", authors=[],
               subjects=[], links=[], sources=[])
    G.add_edge("arxiv:9", "method:kto", key="USES", rel="USES", evidence=[], confidence=1.0)
    time.sleep(0.01)
    save_graph(G, path)  # a new file: the embedded copy is rebuilt
    assert run_query("acronym", {"name": "KTO"}, graph=path)[0]["papers"] == 2


def test_missing_graph_file_says_how_to_make_one(tmp_path):
    with pytest.raises(EmbeddedError.__mro__[1], match="kg build"):
        run_query("methods-per-month", {}, graph=tmp_path / "none.kg")


@pytest.mark.parametrize("query", [
    "CREATE (n:Method {id: 'x'})",
    "MATCH (n:Method) SET n.name = 'x'",
    "MATCH (n:Method) DETACH DELETE n",
    "MERGE (n:Method {id: 'method:grpo'}) RETURN n",
    "MATCH (n:Method) REMOVE n.name",
    "COPY Method FROM 'x.csv'",
    "LOAD FROM 'x.csv' RETURN *",
])
def test_write_queries_are_refused(graph_file, query):
    with pytest.raises(EmbeddedWriteRefused, match="read-only"):
        open_graph(graph_file).run(query)


@pytest.mark.parametrize("query,why", [
    ("MATCH (p:Paper) RETURN p.authors[0] AS a", "0-based"),
    ("MATCH (p:Paper) RETURN p.authors[0..1] AS a", "0-based"),
    ("MATCH (n:Method:Model) RETURN n.name", "both labels"),
    ("CALL db.labels()", "procedures"),
    ("MATCH (n:Method) RETURN elementId(n)", "ids"),
    ("MATCH (a:Method)-[r:BUILDS_ON]->(b) RETURN r", "whole relationship"),
    ("MATCH (p:Paper) RETURN split(p.title, ':') AS s", "SPLIT"),
    ("MATCH (a:Method)-[:BUILDS_ON*]->(b)-[:BUILDS_ON]->(c) RETURN count(*)", "overlapping"),
    ("MATCH (n:Method) RETURN n.no_such_property", "no_such_property"),
])
def test_what_the_engine_cannot_run_says_so(graph_file, query, why):
    with pytest.raises(EmbeddedUnsupported, match="run it on Neo4j with --neo4j") as e:
        open_graph(graph_file).run(query)
    assert why in str(e.value)
    assert str(e.value).startswith("the embedded engine cannot run this query")


def test_relationship_uniqueness_is_neo4js(graph_file):
    """Neo4j never binds one relationship twice in a MATCH; without the rewrite the engine pairs each method
    with itself."""
    q = ("MATCH (a:Method)<-[:USES|COMPARES_WITH]-(p:Paper)-[:USES|COMPARES_WITH]->(b:Method) "
         "RETURN a.name AS x, b.name AS y ORDER BY x, y")
    # P1: GRPO (USES), PPO (COMPARES_WITH); P4: GRPO (USES), PPO (COMPARES_WITH); P2: GRPO only; P3: DAPO only
    assert open_graph(graph_file).run(q) == [{"x": "GRPO", "y": "PPO"}] * 2 + [{"x": "PPO", "y": "GRPO"}] * 2
    bare = ("MATCH (a:Method)<--(p:Paper)-->(b:Method) WHERE p.id = $p "
            "RETURN a.name AS x, b.name AS y ORDER BY x, y")
    assert open_graph(graph_file).run(bare, {"p": P1}) == [{"x": "GRPO", "y": "PPO"}, {"x": "PPO", "y": "GRPO"}]
    assert "<>" in translate(q).query


def test_variable_length_patterns_are_trails(graph_file):
    """X and Y build on each other: from X, the trails are X->Y and X->Y->X (no relationship twice)."""
    rows = open_graph(graph_file).run("MATCH (x:Method {name: 'X'})-[:BUILDS_ON*]->(n) RETURN n.name AS name "
                                      "ORDER BY name")
    assert rows == [{"name": "X"}, {"name": "Y"}]
    rows = open_graph(graph_file).run("MATCH (x:Method {name: 'X'})-[:BUILDS_ON*0..]->(n) RETURN count(*) AS c")
    assert rows == [{"c": 3}]


def test_functions_mean_what_they_mean_on_neo4j(graph_file):
    g = open_graph(graph_file)
    assert g.run("RETURN substring('2025-02-03', 0, 7) AS a, substring('2025-02-03', 5) AS b") == \
        [{"a": "2025-02", "b": "02-03"}]
    assert g.run("MATCH (p:Paper) WHERE p.id = 'none' RETURN sum(p.upvotes) AS s") == [{"s": 0}]
    assert g.run("MATCH (n:Method {name: 'KTO'}) RETURN labels(n) AS l, properties(n).name AS name") == \
        [{"l": ["Method"], "name": "KTO"}]
    assert g.run("MATCH (:Method {name: 'VAPO'})-[r]->() RETURN type(r) AS t") == [{"t": "BUILDS_ON"}]
    assert g.run("RETURN toFloat('47.6') AS a, toFloat('+2.7') AS b, toFloat('7.3pp') AS c, toFloat(' 1e3 ') AS d") \
        == [{"a": 47.6, "b": 2.7, "c": None, "d": 1000.0}]
    # unaliased columns are named by their text, as Neo4j names them
    assert g.run("MATCH (n:Method) RETURN count(*), count(DISTINCT n.name)") == \
        [{"count(*)": 10, "count(DISTINCT n.name)": 9}]


def test_shortest_path_and_paths(graph_file):
    g = open_graph(graph_file)
    q = ("MATCH (m:Method {name: 'VAPO'}), (b:Method {name: 'GRPO'}) "
         "MATCH p = shortestPath((m)-[:BUILDS_ON*]->(b)) RETURN length(p) AS n, [x IN nodes(p) | x.name] AS names")
    with pytest.raises(EmbeddedUnsupported):  # list comprehensions are not supported by the engine
        g.run(q)
    q = ("MATCH (m:Method {name: 'VAPO'}) MATCH (b:Method {name: 'GRPO'}) "
         "MATCH p = shortestPath((m)-[:BUILDS_ON*]->(b)) RETURN length(p) AS n, p")
    [row] = g.run(q)
    assert row["n"] == 2
    assert [x if isinstance(x, str) else x["name"] for x in row["p"]] == ["VAPO", "BUILDS_ON", "DAPO", "BUILDS_ON",
                                                                            "GRPO"]


def test_missing_and_unused_parameters(graph_file):
    g = open_graph(graph_file)
    with pytest.raises(EmbeddedError, match=r"missing parameter\(s\): \$name"):
        g.run("MATCH (n:Method) WHERE n.name = $name RETURN n.id")
    assert g.run("MATCH (n:Method) WHERE n.name = $name RETURN n.id AS id", {"name": "KTO", "unused": 1}) == \
        [{"id": "method:kto"}]


def test_neo4j_to_float_follows_java():
    assert neo4j_to_float("47.6") == 47.6
    assert neo4j_to_float(" 3 ") == 3.0
    assert neo4j_to_float("1.5f") == 1.5
    assert neo4j_to_float("-1e-2") == -0.01
    assert neo4j_to_float(".5") == 0.5
    assert neo4j_to_float("Infinity") == float("inf")
    for bad in ("47.6%", "7.3pp", "", "1_000", "inf", "nan", "1,5", None):
        assert neo4j_to_float(bad) is None


# ------------------------------------------------------------------------------------------ the CLI


def _app():
    import typer

    from kg.cli_query import register

    app = typer.Typer()

    @app.callback()
    def main() -> None:  # a group, so that `query` is a sub-command
        pass

    register(app)
    return app


def test_cli_query_list_and_run(graph_file):
    runner = CliRunner()
    res = runner.invoke(_app(), ["query", "--list", "--json"])
    assert res.exit_code == 0
    assert [q["name"] for q in json.loads(res.stdout)] == [q.name for q in list_queries()]
    res = runner.invoke(_app(), ["query", "papers-by-author", "-p", "author=Ada Lovelace", "-g", str(graph_file),
                                 "--json"])
    assert res.exit_code == 0, res.output
    assert [r["paper"] for r in json.loads(res.stdout)] == [P2, P1]
    res = runner.invoke(_app(), ["query", "papers-by-author", "-g", str(graph_file)])
    assert res.exit_code == 1
    assert "missing $author" in res.output


def test_cypher_embedded_is_the_library_function(graph_file, monkeypatch):
    from kg.cli_query import cypher_embedded

    monkeypatch.setenv("KG_GRAPH", str(graph_file))
    assert cypher_embedded("MATCH (p:Paper) RETURN count(p) AS n") == [{"n": 7}]
    assert cypher_embedded("MATCH (m:Method {name: $n}) RETURN m.long_form AS lf", {"n": "PPO"}, graph_file) == \
        [{"lf": "Proximal Policy Optimization"}]
    with pytest.raises(EmbeddedWriteRefused):
        cypher_embedded("MATCH (m:Method) DELETE m", {}, graph_file)
    assert os.environ["KG_GRAPH"] == str(graph_file)
