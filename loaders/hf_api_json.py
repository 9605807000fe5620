"""Hugging Face Daily Papers API dumps: a JSON array of ``{paper: {...}, title, summary, ...}``.

Read from each item's ``paper``: ``id`` (an arXiv id), ``title``, ``summary`` (hard-wrapped: joined),
``authors[].name``, ``publishedAt`` (kept as YYYY-MM-DD), ``upvotes``, ``organization.fullname``
(else the item's ``organization`` or ``submitterOrganization``), and ``githubRepo``/``projectPage`` links.
The text is decoded one array item at a time; each record's line is the line where its item starts.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from loaders._common import BadRecord, clean, iso_date, make_paper, open_text, record_error, split_list, to_int
from loaders._json import JSONLayoutError, iter_top_array
from schemas import Paper, RecordError

FORMAT = "hf_api_json"
SUFFIXES = (".json",)


def sniff(head: str) -> bool:
    """True when the document is an array whose first item starts with a ``"paper"`` object."""
    return re.match(r'\s*\[\s*\{\s*"paper"\s*:\s*\{', head) is not None


def _org(value: object) -> str | None:
    if isinstance(value, Mapping):
        v = value.get("fullname") or value.get("name")
        return str(v) if v else None
    return None


def _paper(item: object, path: Path, line: int) -> Paper:
    if not isinstance(item, Mapping):
        raise BadRecord(f"expected an object with a 'paper' field, found {type(item).__name__}")
    paper = item.get("paper") if isinstance(item.get("paper"), Mapping) else item
    title = paper.get("title") or item.get("title")
    what = f"paper '{clean(str(title))}'" if title else "paper"
    abstract = paper.get("summary") or item.get("summary") or paper.get("abstract")
    if not isinstance(abstract, str) or not abstract.strip():
        raise BadRecord(f"{what} has no 'summary' (abstract); add it or remove the item")
    links = [v for k in ("githubRepo", "projectPage") if isinstance(v := paper.get(k), str) and v.startswith("http")]
    return make_paper(
        path=path, line=line, fmt=FORMAT, abstract=abstract,
        arxiv_id=str(paper.get("id")) if paper.get("id") else None,
        title=str(title) if title else None,
        authors=split_list(paper.get("authors"), ", "),
        organization=_org(paper.get("organization")) or _org(item.get("organization"))
        or _org(item.get("submitterOrganization")),
        date=iso_date(paper.get("publishedAt") or item.get("publishedAt")),
        links=tuple(links),
        upvotes=to_int(paper.get("upvotes")),
        what=what,
    )


def load(path: Path) -> Iterator[Paper | RecordError]:
    """Yield one :class:`Paper` per item of the array in ``path``."""
    with open_text(path) as fh:
        text = fh.read()
    try:
        for line, item in iter_top_array(text):
            try:
                yield _paper(item, path, line)
            except BadRecord as exc:
                yield record_error(path, line, str(exc))
    except JSONLayoutError as exc:
        yield record_error(path, exc.line, f"{exc.message}; the file must be a JSON array of paper items, "
                                           "fix it (items after this point were not read)")
