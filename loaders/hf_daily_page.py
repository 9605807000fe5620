"""Hugging Face Daily Papers pages saved as text.

Layout (blank lines between items are ignored)::

    page header: a badge, a newsletter prompt, the page name,
    its byline, then the page date (e.g. "Oct 27")           <- header, skipped
    Paper title                                               <- record starts here
    Abstract (one line)
      • 7 authors        or   nvidia NVIDIA                   <- optional: author count, or "<org id> <org name>"
    ·                                                          <- optional, then the date line:
    Nov 20, 2025 1                                            <- date (ISO when it has a year) + upvotes

A paper may have no meta lines at all (title, abstract, next title). A title directly followed by
another title and abstract (or by meta lines) is an entry without abstract: it becomes a
:class:`RecordError` and the next entry is read normally.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from loaders._common import BadRecord, make_paper, month_day_date, numbered_lines, record_error
from schemas import Paper, RecordError

FORMAT = "hf_daily_page"
SUFFIXES = (".txt",)

# the page chrome above the list (badge, newsletter prompt, page name, byline), matched loosely
_HEADER = re.compile(r"^(?:new|subscribe|daily papers|get trending .*|byak and .*)$", re.IGNORECASE)
_AUTHORS = re.compile(r"^\s*[•·*\-]?\s*(?P<n>\d+)\s+authors?\s*$")
_DOT = "·"
# "Nov 20, 2025 1", "Jul 26 8", "Sep 23", "May 16, 2025"
_DATE_LINE = re.compile(
    r"^(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)(?:\s+(?P<up>\d+))?$")


def sniff(head: str) -> bool:
    """True for the page header (``Daily Papers`` / ``byAK and the research community``), or for the
    ``• N authors`` + ``·`` meta lines of the paper list."""
    if re.search(r"^(?:Daily Papers|byAK and the research community)\s*$", head, re.MULTILINE):
        return True
    return (re.search(r"^\s*•\s*\d+\s+authors?\s*$", head, re.MULTILINE) is not None
            and re.search(r"^·\s*$", head, re.MULTILINE) is not None)


def _is_meta(text: str) -> bool:
    return bool(_AUTHORS.match(text)) or text == _DOT


def _date_line(text: str) -> tuple[str, int | None] | None:
    m = _DATE_LINE.match(text)
    if not m:
        return None
    date = month_day_date(m.group("date"))
    if date is None:
        return None
    return date, int(m.group("up")) if m.group("up") else None


def _looks_like_abstract(text: str) -> bool:
    """Abstracts are long or made of sentences; titles are short and do not end with a full stop."""
    if len(text) >= 250:
        return True
    return text.endswith((".", "。")) and len(text) >= 60


def load(path: Path) -> Iterator[Paper | RecordError]:
    """Yield one :class:`Paper` per entry of the page ``path``."""
    lines = ((n, t.strip()) for n, t in numbered_lines(path))
    window: deque[tuple[int, str]] = deque()

    def peek(k: int = 0) -> tuple[int, str] | None:
        while len(window) <= k:
            for n, t in lines:
                if t:
                    window.append((n, t))
                    break
            else:
                return None
        return window[k]

    # Header: the fixed lines and the page date, before the first title.
    while (item := peek()) is not None:
        text = item[1]
        if _HEADER.match(text) or _date_line(text):
            window.popleft()
            continue
        break

    while (item := peek()) is not None:
        tline, title = window.popleft()
        if _is_meta(title) or _date_line(title) and not _looks_like_abstract(title):
            # A stray meta line (e.g. left behind by a broken entry): nothing to read here.
            yield record_error(path, tline, f"unexpected line {title!r} where a paper title was expected; "
                                            "each entry must start with its title line")
            continue
        nxt, after = peek(), peek(1)
        missing = (
            nxt is None
            or _is_meta(nxt[1])
            or (after is not None and after[1] == _DOT)  # next line is an organisation line
            or (not _looks_like_abstract(nxt[1]) and after is not None
                and not _is_meta(after[1]) and _looks_like_abstract(after[1]))
        )
        abstract = None
        if not missing:
            abstract = window.popleft()[1]
        author_count = organization = date = upvotes = None
        # Optional meta: "• N authors" and/or "<org id> <org name>", then "·", then the date line.
        if (m := peek()) is not None and (am := _AUTHORS.match(m[1])):
            author_count = int(am.group("n"))
            window.popleft()
        if (m := peek()) is not None and (d := peek(1)) is not None and d[1] == _DOT and not _is_meta(m[1]):
            org = m[1]
            organization = org.split(" ", 1)[1] if " " in org else org
            window.popleft()
        if (m := peek()) is not None and m[1] == _DOT:
            window.popleft()
            if (m := peek()) is not None and (dl := _date_line(m[1])):
                date, upvotes = dl
                window.popleft()
        if missing:
            yield record_error(path, tline, f"paper '{title}' has no abstract: the line after a title must be "
                                            "its abstract; add it or remove the entry")
            continue
        try:
            yield make_paper(path=path, line=tline, fmt=FORMAT, abstract=abstract, title=title,
                             author_count=author_count, organization=organization, date=date,
                             upvotes=upvotes, what=f"paper '{title}'")
        except BadRecord as exc:
            yield record_error(path, tline, str(exc))
