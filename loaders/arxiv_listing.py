"""Bare arXiv listing fragments: one paper per ``Abstract:`` line.

Such a fragment is what is left when an arXiv listing page is copied as text and everything but the
abstracts is lost::

    and Other Contributors          <- junk before the first abstract: ignored
    Abstract:We propose ...         <- one paper
                                    <- blank lines between papers: ignored
    Abstract:Policy gradient ...

A non-blank line right after an abstract line (no blank line between) that is not a listing label
(``Submitted ...``, ``Comments:`` ...) is a hard wrap of that abstract and is joined to it with a space.
An ``arXiv:2601.00001`` line (as in full listings) gives the arXiv id of the next abstract; otherwise
papers have no title and no arXiv id. The ``△ Less`` / ``▽ More`` toggles of listing pages are dropped.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from loaders._common import BadRecord, make_paper, numbered_lines, record_error
from schemas import Paper, RecordError

FORMAT = "arxiv_listing"
SUFFIXES = (".txt",)

_ABSTRACT = re.compile(r"^\s*Abstract:\s?(?P<text>.*)$")
_ARXIV_LINE = re.compile(r"^\s*arXiv:(?P<id>\d{4}\.\d{4,5}(?:v\d+)?)\b")
_LABEL = re.compile(
    r"^\s*(?:Submitted\b|Comments:|Authors?:|Title:|arXiv:|Journal-ref:|DOI:|Subjects:|Categories:|Report number:)")
_TOGGLE = re.compile(r"\s*(?:△ Less|▽ More)\s*$")


def sniff(head: str) -> bool:
    """True when some line of ``head`` starts with ``Abstract:`` followed by text."""
    return re.search(r"^\s*Abstract:\s?\S", head, re.MULTILINE) is not None


def load(path: Path) -> Iterator[Paper | RecordError]:
    """Yield one :class:`Paper` per ``Abstract:`` line of ``path``, or a :class:`RecordError` for an empty one."""
    start: int | None = None
    parts: list[str] = []
    arxiv_id: str | None = None
    pending_id: str | None = None
    joinable = False

    def finish() -> Paper | RecordError:
        try:
            return make_paper(path=path, line=start, fmt=FORMAT, abstract=" ".join(parts), arxiv_id=arxiv_id)
        except BadRecord:
            return record_error(path, start, "empty abstract: nothing follows 'Abstract:'; put the abstract "
                                             "text on the same line or remove the line")

    for n, line in numbered_lines(path):
        m = _ABSTRACT.match(line)
        if m:
            if start is not None:
                yield finish()
            start, parts, joinable = n, [_TOGGLE.sub("", m.group("text"))], True
            arxiv_id, pending_id = pending_id, None
            continue
        if not line.strip():
            joinable = False
            continue
        idm = _ARXIV_LINE.match(line)
        if idm:
            pending_id = idm.group("id")
            joinable = False
            continue
        if start is not None and joinable and not _LABEL.match(line):
            parts.append(_TOGGLE.sub("", line))
        else:
            joinable = False
    if start is not None:
        yield finish()
