"""The typed graph: a NetworkX MultiDiGraph whose edges are keyed by relationship type.

Paper nodes keep the paper's fields; entity nodes their canonical name, aliases and family; every
Paper->entity edge keeps its evidence (sentence, span, field) and confidence. See README "Graph schema".
"""
from __future__ import annotations

import hashlib

import networkx as nx

from kg.linking import Linker
from kg.text import slug
from schemas import Extraction, Paper

MAX_EVIDENCE = 5  # per edge: enough to show why, bounded so that big builds stay small


def _ev(e) -> dict:
    return {"sentence": e.sentence, "start": e.start, "end": e.end, "field": e.field}


class GraphBuilder:
    """Adds papers with their extractions to a graph; ``finish()`` writes the entity nodes."""

    def __init__(self, linker: Linker, min_confidence: float = 0.0):
        self.G = nx.MultiDiGraph()
        self.linker = linker
        self.min_conf = min_confidence

    def _edge(self, u: str, v: str, rel: str, evidence: dict | None = None, confidence: float = 1.0,
              paper: str | None = None, **attrs) -> None:
        data = self.G.get_edge_data(u, v, key=rel)
        if data is None:
            self.G.add_edge(u, v, key=rel, rel=rel, evidence=[], confidence=confidence, **attrs)
            data = self.G.edges[u, v, rel]
        data["confidence"] = max(data["confidence"], confidence)
        if evidence is not None and len(data["evidence"]) < MAX_EVIDENCE and evidence not in data["evidence"]:
            data["evidence"].append(evidence)
        if paper is not None and paper not in data.setdefault("papers", []):
            data["papers"].append(paper)

    def add_paper(self, p: Paper) -> None:
        self.G.add_node(
            p.id, kind="Paper", name=p.title or p.abstract[:80], title=p.title, abstract=p.abstract,
            arxiv_id=p.arxiv_id, date=p.date, authors=list(p.authors), author_count=p.author_count,
            organization=p.organization, subjects=list(p.subjects), links=list(p.links), upvotes=p.upvotes,
            sources=[f"{s.file}:{s.line}" for s in p.sources],
        )
        for a in p.authors:
            aid = f"author:{slug(a)}"
            self.G.add_node(aid, kind="Author", name=a)
            self._edge(aid, p.id, "AUTHORED")

    def add(self, p: Paper, ex: Extraction) -> None:
        self.add_paper(p)
        ids = [self.linker.link(m) for m in ex.mentions]
        for r in ex.relations:
            if r.confidence < self.min_conf:
                continue
            ev = _ev(r.evidence)
            if r.rel == "BUILDS_ON" and r.subject is not None:
                if ids[r.subject] != ids[r.object]:
                    self._edge(ids[r.subject], ids[r.object], "BUILDS_ON", ev, r.confidence, paper=p.id)
            else:
                self._edge(p.id, ids[r.object], r.rel, ev, r.confidence)
        for res in ex.results:
            if res.confidence < self.min_conf:
                continue
            bench = ids[res.benchmark]
            rid = "result:" + hashlib.sha1(f"{p.id}|{bench}|{res.value}".encode()).hexdigest()[:16]
            self.G.add_node(rid, kind="Result", name=res.value, value=res.value, metric=res.metric)
            self._edge(p.id, rid, "REPORTS", _ev(res.evidence), res.confidence)
            self._edge(rid, bench, "ON_BENCHMARK", confidence=res.confidence)
            if res.subject is not None and ids[res.subject] != bench:
                self._edge(rid, ids[res.subject], "OF", confidence=res.confidence)

    def finish(self) -> nx.MultiDiGraph:
        for e in self.linker.entities():
            self.G.add_node(e.id, kind=e.kind, name=e.name, aliases=list(e.aliases), family=e.family,
                            description=e.description, long_form=e.long_form, origin=e.origin,
                            confidence=e.confidence)
        for e in self.linker.entities():
            if e.family and e.family in self.G:
                self._edge(e.id, e.family, "PART_OF")
        for rid, d in self.G.nodes(data=True):
            if d.get("kind") == "Result":  # named once the benchmark's canonical name is known
                bench = next((v for _, v, k in self.G.out_edges(rid, keys=True) if k == "ON_BENCHMARK"), None)
                if bench:
                    d["name"] = f"{d['value']} on {self.G.nodes[bench]['name']}"
        return self.G
