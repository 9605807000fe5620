"""Pushing a graph to Neo4j: batched ``UNWIND`` (what ``kg push`` does) vs one statement per row.

Starts a throw-away Neo4j 5.26 server (kg.neo4j_server), builds the seed graph and copies it ``--copies``
times with renamed ids (default 20: ~22k nodes, ~32k relationships; the shape of the real graph, the size
of a large one), then:

  1. batched:  ``push_graph`` on an empty database (schema first, not timed); node and relationship rates
               from its progress callback; then a second push of the same graph (all MERGEs match);
  2. per row:  empty database again (same schema), one ``MERGE ... SET`` auto-commit statement per node and
               per relationship in one session -- the same queries without UNWIND -- for ``--per-row``
               nodes (an even sample: every k-th row, so the mix of labels is the graph's), then, after
               the other nodes are written batched (untimed), as many relationships. Rates come from
               those samples; the whole graph would take rows / rate seconds.

The machine is shared, so the figure that matters is the ratio batched / per-row within this one run.

usage: python bench/neo4j_push.py [--copies 20] [--per-row 3000] [--batch-size 1000]
                                  [--seeds ../shared/seeds] [--out bench/results/neo4j_push.json]
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402


def replicate(G: nx.MultiDiGraph, copies: int) -> nx.MultiDiGraph:
    """``copies`` disjoint copies of ``G``, ids suffixed ``~k`` (edge ``papers`` lists renamed too)."""
    H = nx.MultiDiGraph()
    for k in range(copies):
        ren = {n: f"{n}~{k}" for n in G.nodes}
        H.add_nodes_from((ren[n], dict(d)) for n, d in G.nodes(data=True))
        for u, v, key, d in G.edges(keys=True, data=True):
            d = dict(d)
            if "papers" in d:
                d["papers"] = [ren.get(p, p) for p in d["papers"]]
            H.add_edge(ren[u], ren[v], key=key, **d)
    return H


def per_row_push(driver, nodes: dict, rels: dict, limit: int, batch_size: int) -> dict:
    """One auto-commit MERGE per row for ``limit`` nodes, then ``limit`` relationships (timed)."""
    from kg.neo4j_store import check_label, check_type, node_query

    node_rows = [(label, r) for label, rows in nodes.items() for r in rows]
    rel_rows = [(key, r) for key, rows in sorted(rels.items()) for r in rows]
    # an even sample (every k-th row), so that the mix of labels and types is the graph's
    step = max(1, -(-len(node_rows) // limit))
    timed_nodes = node_rows[::step]
    rest = [row for i, row in enumerate(node_rows) if i % step]
    with driver.session() as session:
        t0 = time.perf_counter()
        for label, r in timed_nodes:
            session.run(f"MERGE (n:{check_label(label)} {{id: $id}}) SET n = $props",
                        id=r["id"], props=r["props"]).consume()
        node_s = time.perf_counter() - t0
    by_label: dict[str, list] = {}
    for label, r in rest:  # the other nodes, batched and untimed, so that every relationship finds its ends
        by_label.setdefault(label, []).append(r)
    for label, rows in by_label.items():
        for i in range(0, len(rows), batch_size):
            driver.execute_query(node_query(label), parameters_={"rows": rows[i:i + batch_size]})
    timed_rels = rel_rows[::max(1, -(-len(rel_rows) // limit))]
    with driver.session() as session:
        t0 = time.perf_counter()
        for (src, rel, dst), r in timed_rels:
            session.run(f"MATCH (a:{check_label(src)} {{id: $source}}) MATCH (b:{check_label(dst)} {{id: $target}}) "
                        f"MERGE (a)-[r:{check_type(rel)}]->(b) SET r = $props",
                        source=r["source"], target=r["target"], props=r["props"]).consume()
        rel_s = time.perf_counter() - t0
    return {"nodes": len(timed_nodes), "nodes_seconds": round(node_s, 3),
            "nodes_per_s": round(len(timed_nodes) / node_s, 1),
            "relationships": len(timed_rels), "relationships_seconds": round(rel_s, 3),
            "relationships_per_s": round(len(timed_rels) / rel_s, 1)}


def batched_push(driver, G: nx.MultiDiGraph, n_nodes: int, batch_size: int) -> dict:
    from kg.neo4j_store import push_graph

    marks: dict[str, float] = {}

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if done == 0:
            marks["start"] = now
        if done >= n_nodes and "nodes" not in marks:
            marks["nodes"] = now
        if done == total:
            marks["end"] = now

    stats = push_graph(G, driver, batch_size=batch_size, progress=progress)
    node_s, rel_s = marks["nodes"] - marks["start"], marks["end"] - marks["nodes"]
    return {"nodes": stats["nodes"]["total"], "nodes_created": stats["nodes"]["created"],
            "nodes_seconds": round(node_s, 3), "nodes_per_s": round(stats["nodes"]["total"] / node_s, 1),
            "relationships": stats["relationships"]["total"],
            "relationships_created": stats["relationships"]["created"],
            "relationships_seconds": round(rel_s, 3),
            "relationships_per_s": round(stats["relationships"]["total"] / rel_s, 1),
            "seconds_with_schema": stats["seconds"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--per-row", type=int, default=3000, help="rows of each kind pushed one statement at a time")
    ap.add_argument("--batch-size", type=int, default=1000)
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "neo4j_push.json")
    a = ap.parse_args()

    import neo4j

    from kg.build import build_graph
    from kg.neo4j_server import reset_database, start
    from kg.neo4j_store import ensure_schema, graph_rows

    t0 = time.perf_counter()
    seed, _ = build_graph([a.seeds])
    G = replicate(seed, a.copies)
    nodes, rels = graph_rows(G)
    n_nodes, n_rels = G.number_of_nodes(), G.number_of_edges()
    print(f"graph: {a.copies} copies of the seed graph = {n_nodes} nodes, {n_rels} relationships "
          f"(built in {time.perf_counter() - t0:.1f} s)", flush=True)

    with tempfile.TemporaryDirectory(prefix="kg-bench-neo4j-") as tmp, start(Path(tmp)) as server:
        with server.driver() as driver:
            reset_database(driver)
            ensure_schema(driver)
            batched = batched_push(driver, G, n_nodes, a.batch_size)
            print("batched:", json.dumps(batched), flush=True)
            t = time.perf_counter()
            again = batched_push(driver, G, n_nodes, a.batch_size)
            again["seconds"] = round(time.perf_counter() - t, 3)
            print("batched again (idempotent):", json.dumps(again), flush=True)
            assert again["nodes_created"] == 0 and again["relationships_created"] == 0, again

            reset_database(driver)
            ensure_schema(driver)
            per_row = per_row_push(driver, nodes, rels, a.per_row, a.batch_size)
            print("per row:", json.dumps(per_row), flush=True)
            versions = driver.execute_query("CALL dbms.components() YIELD versions RETURN versions[0] AS v")[0]

    summary = {
        "graph": {"copies_of_seed_graph": a.copies, "nodes": n_nodes, "relationships": n_rels},
        "batch_size": a.batch_size,
        "batched": batched,
        "batched_again": again,
        "per_row": per_row,
        "per_row_full_graph_estimate_s": round(n_nodes / per_row["nodes_per_s"]
                                               + n_rels / per_row["relationships_per_s"], 1),
        "speedup_batched_vs_per_row": {
            "nodes": round(batched["nodes_per_s"] / per_row["nodes_per_s"], 1),
            "relationships": round(batched["relationships_per_s"] / per_row["relationships_per_s"], 1),
        },
        "neo4j": versions[0]["v"], "driver": neo4j.__version__, "python": platform.python_version(),
    }
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(summary, indent=1) + "\n")
    print(json.dumps(summary, indent=1))
    s = summary["speedup_batched_vs_per_row"]
    print(f"batched UNWIND is {s['nodes']}x faster for nodes and {s['relationships']}x for relationships "
          f"than one statement per row; wrote {a.out}")


if __name__ == "__main__":
    main()
