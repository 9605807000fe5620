from __future__ import annotations

from schemas import Extraction, Paper


def run(extractor, abstract: str, title: str | None = None, pid: str = "p") -> Extraction:
    return next(extractor.extract([Paper(id=pid, title=title, abstract=abstract)]))


def names(ex: Extraction, kind: str | None = None) -> set[str]:
    return {m.name for m in ex.mentions if kind is None or m.kind == kind}


def rel_names(ex: Extraction, rel: str) -> set[str]:
    return {ex.mentions[r.object].name for r in ex.relations if r.rel == rel}


def pairs(ex: Extraction, rel: str = "BUILDS_ON") -> set[tuple[str, str]]:
    return {(ex.mentions[r.subject].name, ex.mentions[r.object].name) for r in ex.relations
            if r.rel == rel and r.subject is not None}


def results(ex: Extraction) -> set[tuple[str, str]]:
    return {(r.value, ex.mentions[r.benchmark].name) for r in ex.results}
