"""Look-ups a researcher types: ``kg papers``, ``kg show``, ``kg stats``.

Names match through canonical names, aliases and long forms (normalised), and a family matches its
members: ``AIME`` finds AIME 2024 and AIME 2025, ``Qwen2.5`` finds Qwen2.5-7B-Instruct.
"""
from __future__ import annotations

from collections import Counter

import networkx as nx

from kg.errors import UnknownEntity
from kg.text import norm

ENTITY_KINDS = {"Method", "Model", "Benchmark", "Dataset", "Task", "Metric"}
# what "a paper uses X" / "a paper is on X" means, per filter
USE_RELS = {
    "method": {"USES", "COMPARES_WITH", "PROPOSES"},
    "model": {"USES_MODEL", "COMPARES_WITH", "PROPOSES"},
    "dataset": {"USES_DATASET", "EVALUATES_ON", "PROPOSES"},
    "benchmark": {"EVALUATES_ON"},
    "proposes": {"PROPOSES"},
}
FILTER_KINDS = {"method": {"Method"}, "model": {"Model"}, "dataset": {"Dataset"}, "benchmark": {"Benchmark", "Dataset"},
                "proposes": ENTITY_KINDS}


def _forms(d: dict) -> set[str]:
    out = {norm(d.get("name") or "")}
    out |= {norm(a) for a in d.get("aliases") or []}
    if d.get("long_form"):
        out.add(norm(d["long_form"]))
    return {f for f in out if f}


def find_entities(G: nx.MultiDiGraph, name: str, kinds: set[str] | None = None) -> list[str]:
    """Entity ids whose name, alias or long form matches ``name``; exact canonical names first."""
    key = norm(name)
    hits = []
    for n, d in G.nodes(data=True):
        if d.get("kind") in ENTITY_KINDS and (kinds is None or d["kind"] in kinds) and key in _forms(d):
            hits.append((norm(d.get("name") or "") != key, n))
    return [n for _, n in sorted(hits)]


def members(G: nx.MultiDiGraph, ids: list[str]) -> set[str]:
    """The entities and everything PART_OF them, transitively."""
    out, todo = set(ids), list(ids)
    while todo:
        n = todo.pop()
        for u, _, k in G.in_edges(n, keys=True):
            if k == "PART_OF" and u not in out:
                out.add(u)
                todo.append(u)
    return out


def _evidence(G: nx.MultiDiGraph, paper: str, target: str, rels: set[str]) -> str | None:
    for rel in sorted(rels):
        d = G.get_edge_data(paper, target, key=rel)
        if d and d.get("evidence"):
            return d["evidence"][0]["sentence"]
    return None


def _paper_matches(G: nx.MultiDiGraph, paper: str, targets: set[str], rels: set[str], variants: bool
                   ) -> tuple[str, str | None] | None:
    for _, v, k in G.out_edges(paper, keys=True):
        if v in targets and k in rels:
            return v, _evidence(G, paper, v, {k})
    if variants:
        # a paper that proposes a direct variant of the method uses it
        for _, v, k in G.out_edges(paper, keys=True):
            if k != "PROPOSES":
                continue
            for _, base, k2, d in G.out_edges(v, keys=True, data=True):
                if k2 == "BUILDS_ON" and base in targets and paper in (d.get("papers") or []):
                    ev = next((e["sentence"] for e in d.get("evidence") or []), None)
                    return base, ev
    return None


def papers(G: nx.MultiDiGraph, *, method: str | None = None, benchmark: str | None = None,
           model: str | None = None, dataset: str | None = None, proposes: str | None = None) -> list[dict]:
    """Papers matching every given filter, with the evidence sentence for each filter.

    Raises :class:`UnknownEntity` when a filter names nothing in the graph.
    """
    filters = {k: v for k, v in {"method": method, "benchmark": benchmark, "model": model,
                                 "dataset": dataset, "proposes": proposes}.items() if v}
    target_sets = {}
    for f, name in filters.items():
        ids = find_entities(G, name, FILTER_KINDS[f])
        if not ids:
            raise UnknownEntity(f"no {f} called {name!r} in the graph; try `kg show {name}` or `kg stats`")
        target_sets[f] = members(G, ids)
    rows = []
    for p, d in G.nodes(data=True):
        if d.get("kind") != "Paper":
            continue
        why = {}
        for f, targets in target_sets.items():
            hit = _paper_matches(G, p, targets, USE_RELS[f], variants=f == "method")
            if hit is None:
                break
            why[f] = {"entity": G.nodes[hit[0]]["name"], "evidence": hit[1]}
        else:
            rows.append({"id": p, "title": d.get("title"), "arxiv_id": d.get("arxiv_id"), "date": d.get("date"),
                         "matched": why})
    rows.sort(key=lambda r: (r["date"] or "", r["id"]), reverse=True)
    return rows


def top(counter: Counter, n: int) -> list[str]:
    """The n most frequent names, ties broken by name so that answers are the same on every run."""
    return [k for k, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].lower(), kv[0]))[:n]]


def _neighbours(G, node, rel, direction="out") -> list[str]:
    edges = G.out_edges(node, keys=True) if direction == "out" else G.in_edges(node, keys=True)
    idx = 1 if direction == "out" else 0
    return sorted({e[idx] for e in edges if e[2] == rel})


def _names(G, ids) -> list[str]:
    return sorted({G.nodes[i]["name"] for i in ids}, key=lambda x: (x.lower(), x))


def card(G: nx.MultiDiGraph, eid: str) -> dict:
    d = G.nodes[eid]
    proposing = _neighbours(G, eid, "PROPOSES", "in")
    users = set()
    for rel in ("USES", "USES_MODEL", "USES_DATASET", "EVALUATES_ON", "COMPARES_WITH"):
        users |= set(_neighbours(G, eid, rel, "in"))
    with_bench, with_model = Counter(), Counter()
    for p in users | set(proposing):
        for _, v, k in G.out_edges(p, keys=True):
            kind = G.nodes[v].get("kind")
            if v != eid and kind == "Benchmark" and k == "EVALUATES_ON":
                with_bench[G.nodes[v]["name"]] += 1
            elif v != eid and kind == "Model" and k in {"USES_MODEL"}:
                with_model[G.nodes[v]["name"]] += 1
    fam = _neighbours(G, eid, "PART_OF")
    return {
        "id": eid, "kind": d.get("kind"), "name": d.get("name"), "long_form": d.get("long_form"),
        "aliases": d.get("aliases") or [], "description": d.get("description"),
        "family": _names(G, fam), "members": _names(G, _neighbours(G, eid, "PART_OF", "in")),
        "proposed_by": [{"id": p, "title": G.nodes[p].get("title")} for p in proposing],
        "used_by": [{"id": p, "title": G.nodes[p].get("title")} for p in sorted(users - set(proposing))],
        "builds_on": _names(G, _neighbours(G, eid, "BUILDS_ON")),
        "built_on_by": _names(G, _neighbours(G, eid, "BUILDS_ON", "in")),
        "benchmarks": top(with_bench, 10),
        "models": top(with_model, 10),
    }


def show(G: nx.MultiDiGraph, name: str) -> list[dict]:
    """Cards of every entity the name denotes: an acronym with several meanings gives several cards."""
    ids = find_entities(G, name)
    if not ids:
        raise UnknownEntity(f"nothing called {name!r} in the graph; `kg stats` lists what is there")
    return [card(G, i) for i in ids]


def stats(G: nx.MultiDiGraph, top: int = 10) -> dict:
    kinds = Counter(d.get("kind") for _, d in G.nodes(data=True))
    rels = Counter(k for _, _, k in G.edges(keys=True))
    use = Counter(v for u, v in {(u, v) for u, v in G.edges()}
                  if G.nodes[u].get("kind") == "Paper" and G.nodes[v].get("kind") in ENTITY_KINDS)
    by_kind: dict[str, list] = {}
    for eid, n in use.most_common():
        kind = G.nodes[eid]["kind"]
        if len(by_kind.setdefault(kind, [])) < top:
            by_kind[kind].append({"name": G.nodes[eid]["name"], "papers": n})
    return {"nodes": dict(sorted(kinds.items())), "edges": dict(sorted(rels.items())), "top": by_kind,
            "sources": G.graph.get("sources", [])}
