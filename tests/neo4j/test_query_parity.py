"""Every named query gives the same rows on the embedded graph and on a real Neo4j 5.26 server (the seed graph),
and so do queries that exercise the embedded engine's rewrites (relationship uniqueness, trails, functions)."""
from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from kg.embedded import open_graph
from kg.neo4j_store import run_cypher
from kg.store import save_graph
from queries.library import list_queries, run_query

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seed_file(seed_graph, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("parity") / "seeds.kg"
    save_graph(seed_graph, path)
    return path


def _top_author(G: nx.MultiDiGraph) -> str:
    """The author of the most seed papers (ties: the first name), so the parameter is from the graph."""
    count = Counter(G.nodes[u]["name"] for u, _, k in G.edges(keys=True) if k == "AUTHORED")
    return sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _params(G: nx.MultiDiGraph) -> dict[str, dict]:
    """Parameters that give rows on the seed graph, per query (a family for the benchmark: AIME)."""
    pick = {"method": "GRPO", "benchmark": "AIME", "author": _top_author(G), "name": "ARPO"}
    return {q.name: {p: pick[p] for p in q.params} for q in list_queries()}


def _canon(v):
    if isinstance(v, float) and not math.isnan(v):
        return round(v, 9)
    if isinstance(v, dict):
        return {k: _canon(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_canon(x) for x in v]
    return v


def _sorted_rows(rows: list[dict]) -> list[str]:
    return sorted(json.dumps(_canon(r), sort_keys=True, ensure_ascii=False) for r in rows)


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_named_query_parity(seeds_in_neo4j, seed_graph, seed_file, name):
    params = _params(seed_graph)[name]
    embedded = run_query(name, params, "embedded", graph=seed_file)
    neo4j = run_query(name, params, "neo4j", driver=seeds_in_neo4j)
    assert embedded, f"{name} {params}: no rows on the seed graph; pick parameters that give some"
    assert _sorted_rows(embedded) == _sorted_rows(neo4j)
    assert [list(r) for r in embedded] == [list(r) for r in neo4j]  # the same columns, in the same order


def test_named_queries_keep_neo4js_order_where_it_is_total(seeds_in_neo4j, seed_graph, seed_file):
    """Queries whose ORDER BY ends in a unique key give the very same list on both."""
    for name in ("methods-building-on", "methods-building-on-transitively", "acronym", "methods-per-month",
                 "used-with-method", "baselines-of-method", "co-occurring-methods"):
        params = _params(seed_graph)[name]
        assert run_query(name, params, "embedded", graph=seed_file) == \
            run_query(name, params, "neo4j", driver=seeds_in_neo4j), name


ADHOC = [
    # relationship uniqueness within one MATCH (bare and typed), and none across MATCH clauses
    "MATCH (a:Method)<-[:USES|COMPARES_WITH]-(p:Paper)-[:USES|COMPARES_WITH]->(b:Method) "
    "RETURN a.name AS a, b.name AS b, count(*) AS n",
    "MATCH (a)<--(p:Paper)-->(b) RETURN count(*) AS n",
    "MATCH (a:Method)<-[:USES]-(p:Paper), (p)-[:USES]->(b:Method) RETURN count(*) AS n",
    "MATCH (a:Method)<-[:USES]-(p:Paper) MATCH (p)-[:USES]->(b:Method) RETURN count(*) AS n",
    "MATCH (a:Method)<-[r1:USES]-(p:Paper)-[r2:USES]->(b:Method) WHERE a.name = 'GRPO' RETURN b.name AS b",
    # variable-length trails, unbounded and bounded, and shortest paths
    "MATCH (m:Method)-[:BUILDS_ON*]->(b:Method) RETURN m.name AS m, b.name AS b, count(*) AS n",
    "MATCH (m:Model)-[:PART_OF*0..]->(f:Model) RETURN m.name AS m, f.name AS f",
    "MATCH (m:Method)-[:BUILDS_ON*1..2]->(b:Method {name: 'GRPO'}) RETURN count(*) AS n",
    "MATCH (base:Method {name: 'GRPO'}) MATCH (m:Method) WHERE m.id <> base.id "
    "MATCH p = shortestPath((m)-[:BUILDS_ON*]->(base)) RETURN m.name AS m, length(p) AS d",
    # functions and aggregations
    "MATCH (p:Paper) WHERE p.date IS NOT NULL RETURN substring(p.date, 0, 7) AS month, count(*) AS n",
    "MATCH (p:Paper) RETURN substring(p.id, 6) AS tail",
    "MATCH (p:Paper) WHERE p.id = 'nothing' RETURN sum(p.upvotes) AS s, count(*) AS n",
    "MATCH (p:Paper) RETURN sum(p.upvotes) AS s, min(p.date) AS first, max(p.date) AS last",
    "MATCH (r:Result) RETURN r.value AS v, toFloat(replace(r.value, '%', '')) AS f",
    "UNWIND ['47.6', ' 3.5 ', '1e3', '+2.7', '7.3pp', '1.5f', '', '-.5', '1_0', 'Infinity'] AS s "
    "RETURN s, toFloat(s) AS f",
    "MATCH (n:Method {name: 'GRPO'}) RETURN labels(n) AS l, properties(n) AS p, n",
    "MATCH (:Method {name: 'GRPO'})<-[r]-(:Paper) RETURN type(r) AS t, count(*) AS n",
    "MATCH (n:Benchmark) WHERE n.name STARTS WITH 'AIME' RETURN n.name, n.aliases, n.long_form, size(n.aliases)",
    "MATCH (p:Paper)-[e:EVALUATES_ON]->(b:Benchmark) RETURN b.name AS b, count(DISTINCT p) AS papers, "
    "collect(DISTINCT b.kind) AS kinds",
    "MATCH (m:Method) WHERE m.name =~ 'G.*PO' RETURN m.name AS m",
    "MATCH (p:Paper) WHERE p.title CONTAINS 'Agent' AND NOT p.title ENDS WITH '.' RETURN count(*)",
    "MATCH (p:Paper) OPTIONAL MATCH (p)-[:PROPOSES]->(m:Method) RETURN p.id AS p, count(m) AS n",
    "MATCH (a:Author) WHERE NOT (a)-[:AUTHORED]->(:Paper {date: '2025-01-01'}) RETURN count(a) AS n",
    "MATCH (p:Paper)-[:USES]->(m) WITH m, count(*) AS n WHERE n > 2 RETURN m.name AS m, n",
    "MATCH p = (a:Method)-[:BUILDS_ON]->(b:Method {name: 'GRPO'}) RETURN p",
    "RETURN 7 / 2 AS a, 7 % 3 AS b, 'x' + 'y' AS c, toLower('AbC') AS d, left('2025-01-02', 7) AS e",
]


@pytest.mark.parametrize("query", ADHOC)
def test_adhoc_cypher_parity(seeds_in_neo4j, seed_file, query):
    embedded = open_graph(seed_file).run(query)
    neo4j = run_cypher(query, {}, driver=seeds_in_neo4j)
    assert _sorted_rows(embedded) == _sorted_rows(neo4j)
