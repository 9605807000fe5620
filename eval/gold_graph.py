"""One annotator's gold file as a graph export, so ``score.py`` can score one annotator against another.

Inter-annotator agreement bounds what any extractor can score against a gold set: if two careful annotators
of the same abstracts agree on 0.85 of the typed entities, a gold set made by one of them cannot tell an
extractor at 0.85 from a perfect one. This writes annotator B's annotations in the node-link form ``kg export
--format json`` writes; ``score.py A.jsonl B-graph.json`` then reads B as if it were kg's output.

Only B's core entities are B's "predictions" (its optional ones are borderline by definition), plus any
entity one of B's relations names.

usage: python eval/gold_graph.py B.jsonl -o B-graph.json [--with-optional]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

KINDS = {"method": "Method", "model": "Model", "benchmark": "Benchmark", "dataset": "Dataset",
         "task": "Task", "metric": "Metric"}
RELATIONS = (("proposes", "PROPOSES"), ("evaluated_on", "EVALUATES_ON"), ("uses_model", "USES_MODEL"),
             ("compared_with", "COMPARES_WITH"))


def paper_graph(gold: dict, with_optional: bool = False) -> tuple[list[dict], list[dict]]:
    """Nodes and edges for one gold line: the paper, its entities, relations and results."""
    pid = f"paper:{gold['id']}"
    nodes = [{"id": pid, "kind": "Paper", "title": gold.get("title"), "abstract": gold.get("abstract"),
              "arxiv_id": gold["id"]}]
    edges: list[dict] = []
    by_form: dict[str, str] = {}  # any surface form -> node id
    shown: set[str] = set()
    tiers = ("core", "optional")
    for tier in tiers:
        for kind, ents in (gold.get(tier) or {}).items():
            for i, e in enumerate(ents):
                nid = f"{gold['id']}:{tier}:{kind}:{i}"
                nodes.append({"id": nid, "kind": KINDS[kind], "name": e["name"], "aliases": e.get("aliases", [])})
                for form in [e["name"], *e.get("aliases", [])]:
                    by_form.setdefault(form, nid)
                if tier == "core" or with_optional:
                    shown.add(nid)

    def node_for(name: str) -> str:
        if name not in by_form:  # a relation naming something the entity lists lack: an untyped entity
            by_form[name] = f"{gold['id']}:named:{len(by_form)}"
            nodes.append({"id": by_form[name], "kind": "Entity", "name": name})
        return by_form[name]

    for key, rel in RELATIONS:
        for name in gold.get(key) or []:
            nid = node_for(name)
            shown.discard(nid)
            edges.append({"source": pid, "target": nid, "rel": rel})
    for new, base in gold.get("builds_on") or []:
        edges.append({"source": node_for(new), "target": node_for(base), "rel": "BUILDS_ON", "papers": [pid]})
    for i, r in enumerate(gold.get("results") or []):
        rid = f"{gold['id']}:result:{i}"
        nodes.append({"id": rid, "kind": "Result", "value": r.get("value"), "metric": r.get("metric")})
        edges.append({"source": pid, "target": rid, "rel": "REPORTS"})
        if r.get("benchmark"):
            edges.append({"source": rid, "target": node_for(r["benchmark"]), "rel": "ON_BENCHMARK"})
    edges += [{"source": pid, "target": nid, "rel": "MENTIONS"} for nid in sorted(shown)]
    return nodes, edges


def gold_graph(lines: list[dict], with_optional: bool = False) -> dict:
    nodes, edges = [], []
    for gold in lines:
        n, e = paper_graph(gold, with_optional)
        nodes += n
        edges += e
    return {"directed": True, "multigraph": True, "graph": {}, "nodes": nodes, "edges": edges}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("-o", "--out", type=Path, required=True)
    ap.add_argument("--with-optional", action="store_true", help="count optional entities as predictions too")
    a = ap.parse_args()
    lines = [json.loads(line) for line in a.gold.open(encoding="utf-8") if line.strip()]
    a.out.write_text(json.dumps(gold_graph(lines, a.with_optional), ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
