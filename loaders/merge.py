"""Merge the records of one paper read from several files (or several times from one file).

Two records are the same paper when they share the arXiv id, the normalised title (both have one) or
the abstract key (:func:`loaders.ids.abstract_key`). Records whose arXiv ids are both known and differ
are never merged, even with equal titles or abstracts. Matching uses dict indexes (one pass, no pairwise
comparison); chains are followed (A~B by title and B~C by abstract puts A, B, C together).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from loaders.ids import abstract_key, normalise_title, paper_id
from schemas import Paper

__all__ = ["merge"]

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _keys(p: Paper) -> list[str]:
    keys = []
    if p.arxiv_id:
        keys.append(f"arxiv:{p.arxiv_id}")
    t = normalise_title(p.title)
    if t:
        keys.append(f"title:{t}")
    keys.append(f"abstract:{abstract_key(p.abstract)}")
    return keys


def _first(values: Iterable[object]) -> object:
    for v in values:
        if v not in (None, "", ()):
            return v
    return None


def _union(values: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for tup in values:
        for v in tup:
            seen.setdefault(v, None)
    return tuple(seen)


def combine(members: list[Paper]) -> Paper:
    """One :class:`Paper` from records of the same paper (in input order).

    Scalar fields take the first non-empty value (a date with a year, ``YYYY-MM-DD``, wins over one
    without); subjects, links and sources are concatenated without repeats; the id is recomputed.
    """
    if len(members) == 1:
        return members[0]
    arxiv_id = _first(p.arxiv_id for p in members)
    abstract = _first(p.abstract for p in members)
    dates = [p.date for p in members if p.date]
    return Paper(
        id=paper_id(arxiv_id, abstract),
        abstract=abstract,
        title=_first(p.title for p in members),
        arxiv_id=arxiv_id,
        authors=_first(p.authors for p in members) or (),
        author_count=_first(p.author_count for p in members),
        organization=_first(p.organization for p in members),
        subjects=_union(p.subjects for p in members),
        date=_first([d for d in dates if _ISO.match(d)] + dates),
        links=_union(p.links for p in members),
        upvotes=_first(p.upvotes for p in members),
        sources=_union(p.sources for p in members),
    )


def merge(records: Iterable[Paper]) -> list[Paper]:
    """Merge records of the same paper into one :class:`Paper` carrying all their sources.

    Returns the papers in the order of their first record in ``records``. Raises ``TypeError`` for an
    item that is not a :class:`Paper` (filter out :class:`schemas.RecordError` first).
    """
    members: list[list[tuple[int, Paper]]] = []  # group -> (input position, record); only at roots
    parent: list[int] = []            # union-find over groups; a root is its own parent
    arxiv_of: list[str | None] = []   # a root's arXiv id, if any member has one
    index: dict[str, int] = {}        # matching key -> a group that has it

    def find(g: int) -> int:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    for seq, rec in enumerate(records):
        if not isinstance(rec, Paper):
            raise TypeError(f"merge() takes Paper records, got {type(rec).__name__}: "
                            "filter out RecordError items first")
        keys = _keys(rec)
        target: int | None = None
        aid = rec.arxiv_id
        for key in keys:
            if key not in index:
                continue
            g = find(index[key])
            if g == target or (aid and arxiv_of[g] and arxiv_of[g] != aid):
                continue
            if target is None:
                target = g
            else:  # the record links two groups: join them, the earlier one stays the root
                lo, hi = min(target, g), max(target, g)
                parent[hi] = lo
                members[lo].extend(members[hi])
                members[hi] = []
                arxiv_of[lo] = arxiv_of[lo] or arxiv_of[hi]
                target = lo
            aid = aid or arxiv_of[target]
        if target is None:
            target = len(members)
            members.append([])
            parent.append(target)
            arxiv_of.append(None)
        members[target].append((seq, rec))
        arxiv_of[target] = arxiv_of[target] or rec.arxiv_id
        for key in keys:
            index.setdefault(key, target)

    # Roots in index order are in order of first appearance: a group is created by its first record,
    # and a join keeps the earlier group as the root.
    return [combine([rec for _, rec in sorted(members[g], key=lambda m: m[0])])
            for g in range(len(members)) if parent[g] == g]
