"""What a build found that deserves a human look: new names (not in the lexicon), low-confidence ones,
and conflicts (one name, several entities). Each row suggests the ``kg lexicon`` command that fixes it."""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kg.text import norm

ENTITY_KINDS = {"Method", "Model", "Benchmark", "Dataset", "Task", "Metric"}


def review(G: nx.MultiDiGraph, max_confidence: float = 0.7, limit: int | None = None) -> list[dict]:
    """Rows ``{id, name, kind, reasons, papers, confidence, origin, suggestion}``, most-cited first."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for n, d in G.nodes(data=True):
        if d.get("kind") in ENTITY_KINDS:
            by_name[norm(d["name"])].append(n)
    rows = []
    for n, d in G.nodes(data=True):
        if d.get("kind") not in ENTITY_KINDS:
            continue
        reasons = []
        if d.get("origin") != "lexicon":
            reasons.append("new")
        if (d.get("confidence") or 1.0) < max_confidence:
            reasons.append("low-confidence")
        twins = [t for t in by_name[norm(d["name"])] if t != n]
        if twins:
            reasons.append("conflict: " + ", ".join(sorted(twins)))
        if not reasons:
            continue
        papers = {u for u, _ in G.in_edges(n) if G.nodes[u].get("kind") == "Paper"}
        if twins:
            hint = f'kg lexicon split {n} "{d["name"]}"  (or alias to merge)'
        else:
            hint = f'kg lexicon add "{d["name"]}" --kind {d["kind"]}'
        rows.append({"id": n, "name": d["name"], "kind": d["kind"], "reasons": reasons, "papers": len(papers),
                     "confidence": d.get("confidence"), "origin": d.get("origin"), "long_form": d.get("long_form"),
                     "suggestion": hint})
    rows.sort(key=lambda r: (-r["papers"], r["name"].lower(), r["id"]))
    return rows[:limit] if limit else rows
