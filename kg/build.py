"""The main job: files in, graph file out. loaders -> merge -> extraction -> linking -> graph -> store."""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

import loaders
from kg.extraction.lexicon import load_lexicon
from kg.extraction.pipeline import Extractor
from kg.graph import GraphBuilder
from kg.linking import Linker
from kg.store import save_graph
from schemas import ENTITY_KINDS, Paper, RecordError

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass
class BuildReport:
    records: int = 0
    papers: int = 0
    duplicates: int = 0
    errors: list[RecordError] = field(default_factory=list)
    entities: dict[str, int] = field(default_factory=dict)
    edges: dict[str, int] = field(default_factory=dict)
    output: str | None = None

    def as_dict(self) -> dict:
        return {"records": self.records, "papers": self.papers, "duplicates": self.duplicates,
                "skipped": [str(e) for e in self.errors], "entities": self.entities,
                "edges": self.edges, "edges_total": sum(self.edges.values()), "output": self.output}


def read_papers(paths: Iterable[Path], fmt: str | None, report: BuildReport) -> list[Paper]:
    """Every readable record of every file, the same paper merged; unreadable records go to the report."""
    papers: list[Paper] = []
    for rec in loaders.read_paths([Path(p) for p in paths], format=fmt):
        if isinstance(rec, RecordError):
            log.warning("skipped %s", rec)
            report.errors.append(rec)
        else:
            papers.append(rec)
    report.records = len(papers)
    merged = loaders.merge(papers)
    report.papers = len(merged)
    report.duplicates = report.records - report.papers
    return merged


def graph_summary(G: nx.MultiDiGraph) -> tuple[dict[str, int], dict[str, int]]:
    kinds = Counter(d.get("kind") for _, d in G.nodes(data=True))
    rels = Counter(k for _, _, k in G.edges(keys=True))
    order = ["Paper", *ENTITY_KINDS, "Author", "Result"]
    return ({k: kinds[k] for k in order if kinds.get(k)}, dict(sorted(rels.items())))


def build_graph(paths: Iterable[Path], *, fmt: str | None = None, min_confidence: float = 0.0,
                user_lexicons: Iterable[Path] = (), progress: Progress | None = None,
                batch_size: int = 64) -> tuple[nx.MultiDiGraph, BuildReport]:
    """Build the graph in memory. ``progress(done, total)`` is called as papers are processed."""
    report = BuildReport()
    papers = read_papers(paths, fmt, report)
    lexicon = load_lexicon(user_lexicons)
    extractor = Extractor(lexicon)
    builder = GraphBuilder(Linker(lexicon), min_confidence=min_confidence)
    total = len(papers)
    for n, (paper, ex) in enumerate(zip(papers, extractor.extract(papers, batch_size=batch_size)), 1):
        builder.add(paper, ex)
        if progress and (n % 50 == 0 or n == total):
            progress(n, total)
    G = builder.finish()
    G.graph["sources"] = sorted({s.file for p in papers for s in p.sources})
    report.entities, report.edges = graph_summary(G)
    return G, report


def build(paths: Iterable[Path], out: Path, **kw) -> BuildReport:
    """Build and write the graph file atomically: an interrupted build leaves the previous file intact."""
    G, report = build_graph(paths, **kw)
    save_graph(G, Path(out))
    report.output = str(out)
    return report
