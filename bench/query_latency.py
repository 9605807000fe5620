"""Latency of every named query (queries/*.cypher) on the embedded graph and on Neo4j.

Graphs: the first 10,000 and 100,000 papers of ``../shared/corpora/arxiv-cs-169k.jsonl.gz`` built with
``kg.build.build_graph`` (the 100k build takes ~5 minutes). Built graph files are cached in ``--cache``
(default ``$TMPDIR/kg-bench``, never in the repository), with their embedded copies beside them.

For each graph size:
  - embedded: the one-off cost of building the embedded copy from the graph file, the cost of opening it
    (what a fresh ``kg query`` process pays before its first query), then each named query ``--runs`` times
    (after one warm-up run) on an open connection: median and p95;
  - neo4j (10k by default; ``--neo4j-sizes 10000 100000`` for both): a throw-away Neo4j 5.26 server
    (kg.neo4j_server), the graph pushed with ``push_graph``, then the same named queries through
    ``run_cypher`` (a read transaction per query, EXPLAIN-checked first, as ``kg query --neo4j`` does).

Parameters are fixed words a person would type (GRPO, AIME, ARPO, an author of the graph when it has any).
The machine is shared: compare numbers within one run.

usage: python bench/query_latency.py [--sizes 10000 100000] [--runs 20] [--neo4j-sizes 10000]
                                     [--cache DIR] [--out bench/results/query_latency.json]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpora" / "arxiv-cs-169k.jsonl.gz"
# the look-ups a person types (target: p95 <= 50 ms embedded at 100k papers); the rest are summaries
TYPED = {"papers-using-method-on-benchmark", "acronym", "papers-by-author", "methods-building-on",
         "baselines-of-method", "leaderboard", "used-with-method", "co-occurring-methods"}


def corpus_graph(n: int, cache: Path) -> Path:
    """The graph file of the corpus's first ``n`` papers, built once and cached."""
    out = cache / f"arxiv-{n}.kg"
    if out.exists():
        return out
    from kg.build import build_graph
    from kg.store import save_graph

    cache.mkdir(parents=True, exist_ok=True)
    sub = cache / f"arxiv-{n}.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f, open(sub, "w", encoding="utf-8") as w:
        for i, line in enumerate(f):
            if i >= n:
                break
            w.write(line)
    t = time.perf_counter()
    G, _ = build_graph([sub])
    save_graph(G, out)
    print(f"built {out} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges) "
          f"in {time.perf_counter() - t:.0f} s", flush=True)
    return out


def pick_params(G) -> dict[str, str]:
    authors = Counter(G.nodes[u]["name"] for u, _, k in G.edges(keys=True) if k == "AUTHORED")
    author = sorted(authors.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if authors else "Yi Yu"
    return {"method": "GRPO", "benchmark": "AIME", "name": "ARPO", "author": author}


def timed(fn, runs: int) -> dict:
    fn()  # warm-up (plans, caches)
    ms, rows = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        rows = len(fn())
        ms.append((time.perf_counter() - t) * 1000)
    ms.sort()
    return {"median_ms": round(statistics.median(ms), 2),
            "p95_ms": round(ms[min(len(ms) - 1, max(0, round(0.95 * len(ms)) - 1))], 2),
            "max_ms": round(ms[-1], 2), "rows": rows}


def embedded_latency(path: Path, params: dict, runs: int) -> dict:
    import shutil

    from kg import embedded
    from queries.library import list_queries, run_query

    shutil.rmtree(embedded.database_dir(path), ignore_errors=True)
    embedded.close_all()
    t = time.perf_counter()
    embedded.ensure_database(path)
    build_s = time.perf_counter() - t
    t = time.perf_counter()
    embedded.open_graph(path)
    open_s = time.perf_counter() - t
    out = {"build_copy_s": round(build_s, 2), "open_s": round(open_s, 3),
           "db_mb": round((embedded.database_dir(path) / embedded.DB_FILE).stat().st_size / 2**20, 1),
           "queries": {}}
    for q in list_queries():
        p = {k: params[k] for k in q.params}
        out["queries"][q.name] = timed(lambda: run_query(q.name, p, "embedded", graph=path), runs)
        print(f"  embedded {q.name}: {out['queries'][q.name]}", flush=True)
    embedded.close_all()
    return out


def neo4j_latency(G, params: dict, runs: int) -> dict:
    from kg.neo4j_server import reset_database, start
    from kg.neo4j_store import push_graph
    from queries.library import list_queries, run_query

    with tempfile.TemporaryDirectory(prefix="kg-bench-neo4j-") as tmp, \
            start(Path(tmp), heap="2g", pagecache_mb=1024) as server, server.driver() as driver:
        reset_database(driver)
        t = time.perf_counter()
        push_graph(G, driver, batch_size=5000)
        out = {"push_s": round(time.perf_counter() - t, 1), "queries": {}}
        version = driver.execute_query("CALL dbms.components() YIELD versions RETURN versions[0] AS v")[0][0]["v"]
        out["neo4j"] = version
        for q in list_queries():
            p = {k: params[k] for k in q.params}
            out["queries"][q.name] = timed(lambda: run_query(q.name, p, "neo4j", driver=driver), runs)
            print(f"  neo4j {q.name}: {out['queries'][q.name]}", flush=True)
    return out


def table(results: dict) -> str:
    sizes = list(results["sizes"])
    head = ["query"]
    for n in sizes:
        head += [f"embedded {int(n) // 1000}k median / p95 ms"]
        if "neo4j" in results["sizes"][n]:
            head += [f"Neo4j {int(n) // 1000}k median / p95 ms"]
    head += ["rows (largest)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    names = list(next(iter(results["sizes"].values()))["embedded"]["queries"])
    for name in names:
        row = [f"`{name}`" + (" *" if name in TYPED else "")]
        for n in sizes:
            e = results["sizes"][n]["embedded"]["queries"][name]
            row.append(f"{e['median_ms']:.1f} / {e['p95_ms']:.1f}")
            if "neo4j" in results["sizes"][n]:
                q = results["sizes"][n]["neo4j"]["queries"][name]
                row.append(f"{q['median_ms']:.1f} / {q['p95_ms']:.1f}")
        row.append(str(results["sizes"][sizes[-1]]["embedded"]["queries"][name]["rows"]))
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--neo4j-sizes", type=int, nargs="*", default=[10_000])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "kg-bench")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "query_latency.json")
    a = ap.parse_args()

    import ladybug
    import neo4j

    from kg.store import load_graph

    results: dict = {"runs": a.runs, "sizes": {}, "ladybug": ladybug.__version__, "driver": neo4j.__version__,
                     "python": platform.python_version(), "cpus": os.cpu_count()}
    for n in a.sizes:
        path = corpus_graph(n, a.cache)
        G = load_graph(path)
        params = pick_params(G)
        entry = {"papers": n, "nodes": G.number_of_nodes(), "relationships": G.number_of_edges(), "params": params}
        print(f"{n} papers: {entry['nodes']} nodes, {entry['relationships']} relationships", flush=True)
        entry["embedded"] = embedded_latency(path, params, a.runs)
        if n in a.neo4j_sizes:
            entry["neo4j"] = neo4j_latency(G, params, a.runs)
        results["sizes"][str(n)] = entry
        del G
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(results, indent=1) + "\n")
    print()
    print(table(results))
    print("\n* a look-up a person types (target p95 <= 50 ms embedded at 100k papers)")
    for n, e in results["sizes"].items():
        print(f"{n} papers: embedded copy built in {e['embedded']['build_copy_s']} s ({e['embedded']['db_mb']} MB), "
              f"opened in {e['embedded']['open_s']} s" + (f"; Neo4j push {e['neo4j']['push_s']} s" if "neo4j" in e
                                                          else ""))
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
