"""kg push against the real Neo4j test server: counts, properties, idempotence, increments, schema."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from kg.build import build_graph
from kg.errors import KGError
from kg.neo4j_store import (
    NODE_LABELS,
    REL_TYPES,
    Neo4jStoreError,
    check_label,
    check_type,
    ensure_schema,
    node_properties,
    push_graph,
    schema_statements,
)

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


def node_counts(driver) -> dict[str, int]:
    recs, _, _ = driver.execute_query("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")
    return {r["label"]: r["n"] for r in recs}


def rel_counts(driver) -> dict[str, int]:
    recs, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
    return {r["type"]: r["n"] for r in recs}


def graph_counts(G: nx.MultiDiGraph) -> tuple[dict[str, int], dict[str, int]]:
    return (dict(Counter(d["kind"] for _, d in G.nodes(data=True))),
            dict(Counter(k for _, _, k in G.edges(keys=True))))


def checksum(driver) -> str:
    """A hash of every node's labels and properties and every relationship's ends, type and properties."""
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY n.id")
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p ORDER BY a, t, b")
    blob = json.dumps([[r.data() for r in nodes], [r.data() for r in rels]], sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


def test_push_seed_graph_counts_match_the_graph(neo4j_driver, seed_graph):
    calls = []
    stats = push_graph(seed_graph, neo4j_driver, batch_size=200, progress=lambda d, t: calls.append((d, t)))
    kinds, rels = graph_counts(seed_graph)
    assert node_counts(neo4j_driver) == kinds
    assert rel_counts(neo4j_driver) == rels
    # the returned stats say the same: everything was created
    assert {k: v["created"] for k, v in stats["nodes"]["by_label"].items()} == kinds
    assert {k: v["total"] for k, v in stats["nodes"]["by_label"].items()} == kinds
    assert {k: v["created"] for k, v in stats["relationships"]["by_type"].items()} == rels
    assert stats["nodes"]["created"] == seed_graph.number_of_nodes()
    assert stats["relationships"]["created"] == stats["relationships"]["total"] == seed_graph.number_of_edges()
    assert stats["database"] == {"nodes": kinds, "relationships": rels}
    # progress: starts at 0, grows, ends at the total number of rows
    total = seed_graph.number_of_nodes() + seed_graph.number_of_edges()
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls) and len(calls) > 10


def test_pushed_properties_are_the_graphs(neo4j_driver, seed_graph):
    push_graph(seed_graph, neo4j_driver)
    recs, _, _ = neo4j_driver.execute_query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS p")
    in_db = {r["p"]["id"]: (r["labels"], r["p"]) for r in recs}
    assert set(in_db) == set(seed_graph.nodes)
    for n, d in seed_graph.nodes(data=True):
        labels, props = in_db[n]
        assert labels == [d["kind"]]
        assert props == node_properties(n, d)
        assert all(props[k] == v for k, v in d.items() if v is not None)  # scalars and lists of scalars as is
    grpo = in_db["method:grpo"][1]
    assert "grpo" in grpo["norm_forms"] and "grouprelativepolicyoptimization" in grpo["norm_forms"]

    recs, _, _ = neo4j_driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p")
    rels = {(r["a"], r["t"], r["b"]): r["p"] for r in recs}
    assert set(rels) == {(u, k, v) for u, v, k in seed_graph.edges(keys=True)}
    with_evidence = 0
    for u, v, k, d in seed_graph.edges(keys=True, data=True):
        p = rels[(u, k, v)]
        assert json.loads(p["evidence"]) == d["evidence"]  # a list of maps, kept as JSON text
        assert p["evidence_sentences"] == [e["sentence"] for e in d["evidence"]]
        assert p["confidence"] == d["confidence"] and p["rel"] == k
        if "papers" in d:
            assert p["papers"] == d["papers"]
        with_evidence += bool(d["evidence"])
    assert with_evidence > 100
    # out_index numbers each node's outgoing edges in graph order
    for u in list(seed_graph)[:50]:
        order = [(k, v) for _, v, k in seed_graph.out_edges(u, keys=True)]
        assert sorted(order, key=lambda kv: rels[(u, kv[0], kv[1])]["out_index"]) == order


def test_push_twice_changes_nothing(neo4j_driver, seed_graph):
    push_graph(seed_graph, neo4j_driver)
    before = (node_counts(neo4j_driver), rel_counts(neo4j_driver), checksum(neo4j_driver))
    again = push_graph(seed_graph, neo4j_driver, batch_size=333)
    assert again["nodes"]["created"] == 0 and again["relationships"]["created"] == 0
    assert all(v["created"] == 0 for v in again["nodes"]["by_label"].values())
    assert again["nodes"]["total"] == seed_graph.number_of_nodes()
    assert (node_counts(neo4j_driver), rel_counts(neo4j_driver), checksum(neo4j_driver)) == before


NEW_PAPERS = [
    {"id": "2612.99901", "title": "ZetaPO: Zero-Variance Group Policy Optimization for Math Reasoning",
     "authors": ["Imogen Quarry", "Tomasz Wielki"], "date": "2026-12-01", "categories": ["cs.LG"],
     "abstract": "We propose ZetaPO, a variant of GRPO that removes the variance of group-normalised advantages. "
                 "Training Qwen2.5-7B-Instruct with ZetaPO improves accuracy on AIME 2024 and MATH-500 "
                 "over GRPO and PPO baselines."},
    {"id": "2612.99902", "title": "OrbitBench: A Benchmark for Orbital Mechanics Question Answering",
     "authors": ["Imogen Quarry", "Ravi Subramanyam"], "date": "2026-12-02", "categories": ["cs.CL"],
     "abstract": "We introduce OrbitBench, a benchmark of 2,000 orbital mechanics questions. We evaluate "
                 "Llama-3.1-8B-Instruct and Qwen2.5-7B-Instruct fine-tuned with DPO on OrbitBench and find "
                 "that both models fail on multi-step transfer orbit problems."},
]


def test_push_larger_graph_adds_only_the_new_papers(neo4j_driver, tmp_path):
    small, _ = build_graph([EXAMPLES])
    first = push_graph(small, neo4j_driver)
    assert first["nodes"]["created"] == small.number_of_nodes()
    before = checksum(neo4j_driver)

    extra = tmp_path / "new.jsonl"
    extra.write_text("".join(json.dumps(p) + "\n" for p in NEW_PAPERS), encoding="utf-8")
    big, report = build_graph([EXAMPLES, extra])
    assert report.papers == small_papers(small) + 2
    stats = push_graph(big, neo4j_driver)

    new_nodes = set(big) - set(small)
    new_papers = {n for n in new_nodes if big.nodes[n]["kind"] == "Paper"}
    assert new_papers == {"arxiv:2612.99901", "arxiv:2612.99902"}
    expected_nodes = Counter(big.nodes[n]["kind"] for n in new_nodes)
    assert {k: v["created"] for k, v in stats["nodes"]["by_label"].items() if v["created"]} == expected_nodes
    assert stats["nodes"]["created"] == len(new_nodes) > 2  # the papers, their authors, new entities...
    new_edges = {(u, k, v) for u, v, k in big.edges(keys=True)} - {(u, k, v) for u, v, k in small.edges(keys=True)}
    expected_rels = Counter(k for _, k, _ in new_edges)
    assert {k: v["created"] for k, v in stats["relationships"]["by_type"].items() if v["created"]} == expected_rels
    assert stats["relationships"]["created"] == len(new_edges)
    # the database holds the union of both graphs
    assert sum(node_counts(neo4j_driver).values()) == len(set(big) | set(small))
    assert checksum(neo4j_driver) != before
    # and pushing the bigger graph again adds nothing
    again = push_graph(big, neo4j_driver)
    assert again["nodes"]["created"] == 0 and again["relationships"]["created"] == 0


def small_papers(G: nx.MultiDiGraph) -> int:
    return sum(1 for _, d in G.nodes(data=True) if d["kind"] == "Paper")


def test_schema_creates_constraints_and_indexes_idempotently(neo4j_driver):
    stmts = ensure_schema(neo4j_driver)
    assert stmts == schema_statements() and all("IF NOT EXISTS" in s for s in stmts)
    ensure_schema(neo4j_driver)  # a second run is a no-op
    recs, _, _ = neo4j_driver.execute_query(
        "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN labelsOrTypes[0] AS label, "
        "properties AS props, type")
    unique = {r["label"] for r in recs if r["props"] == ["id"] and r["type"] == "UNIQUENESS"}
    assert unique == set(NODE_LABELS)
    recs, _, _ = neo4j_driver.execute_query(
        "SHOW INDEXES YIELD labelsOrTypes, properties, state WHERE 'name' IN properties "
        "RETURN labelsOrTypes[0] AS label, state")
    assert {"Method", "Model", "Benchmark", "Dataset", "Task", "Metric"} <= {r["label"] for r in recs}
    assert {r["state"] for r in recs} == {"ONLINE"}


def test_duplicate_ids_are_refused_by_the_constraint(neo4j_driver, seed_graph):
    push_graph(seed_graph, neo4j_driver)
    with pytest.raises(Exception, match="already exists"):
        neo4j_driver.execute_query("CREATE (:Method {id: 'method:grpo'})")


def test_labels_and_types_outside_the_schema_never_reach_query_text():
    assert check_label("Paper") == "Paper" and check_type("PART_OF") == "PART_OF"
    for bad in ["Paper) DETACH DELETE (n", "paper", "Person", "", None, "Method`"]:
        with pytest.raises(Neo4jStoreError):
            check_label(bad)
    for bad in ["USES]->() DELETE r //", "KNOWS", "uses"]:
        with pytest.raises(Neo4jStoreError):
            check_type(bad)
    assert set(REL_TYPES) >= {"PROPOSES", "USES", "BUILDS_ON", "PART_OF", "AUTHORED", "REPORTS", "OF"}


def test_a_node_of_unknown_kind_is_refused_before_writing(neo4j_driver):
    G = nx.MultiDiGraph()
    G.add_node("paper:1", kind="Paper", title="t")
    G.add_node("x:1", kind="Person) DETACH DELETE (m")
    G.add_edge("paper:1", "x:1", key="USES", rel="USES", evidence=[], confidence=1.0)
    with pytest.raises(KGError, match="kind"):
        push_graph(G, neo4j_driver)
    assert node_counts(neo4j_driver) == {}


def test_properties_neo4j_cannot_store_are_encoded():
    d = {"kind": "Method", "name": "X", "aliases": [], "long_form": None, "mixed": [1, "a"],
         "meta": {"a": 1}, "flags": [True, False], "evidence": [{"sentence": "s", "start": 0, "end": 1}]}
    p = node_properties("method:x", d)
    assert p["id"] == "method:x" and p["aliases"] == [] and "long_form" not in p
    assert json.loads(p["mixed"]) == [1, "a"] and json.loads(p["meta"]) == {"a": 1}
    assert p["flags"] == [True, False]
    assert json.loads(p["evidence"]) == d["evidence"] and p["evidence_sentences"] == ["s"]
    assert p["norm_forms"] == ["x"]


def test_seed_graph_is_big_enough_to_mean_something(seed_graph):
    assert seed_graph.number_of_nodes() > 500 and seed_graph.number_of_edges() > 500
