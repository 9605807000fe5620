"""Helpers shared by the format modules: opening files (gzip too), cleaning text, building records."""
from __future__ import annotations

import gzip
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from loaders.ids import normalise_arxiv_id, paper_id
from schemas import Paper, RecordError, Source

HEAD_CHARS = 4096
_GZIP_MAGIC = b"\x1f\x8b"
_WS = re.compile(r"\s+")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
# "Nov 20, 2025", "Sep 23", "Sept 3 2025"
_MONTH_DAY = re.compile(r"^(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>\d{4}))?$")


class BadRecord(Exception):
    """Raised inside a loader for a record it cannot read; turned into a :class:`RecordError`."""


def is_gzip(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == _GZIP_MAGIC


def open_text(path: Path) -> IO[str]:
    """Open ``path`` for reading text (UTF-8, BOM dropped), decompressing gzip transparently.

    Gzip is recognised by its magic bytes, so ``x.jsonl.gz`` and a gzip file without the suffix both work.
    Undecodable bytes become U+FFFD rather than stopping the load.
    """
    if is_gzip(path):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", errors="replace", newline=None)
    return open(path, encoding="utf-8-sig", errors="replace", newline=None)


def read_head(path: Path, n: int = HEAD_CHARS) -> str:
    """The first ``n`` characters of the (decompressed) text of ``path``."""
    with open_text(path) as fh:
        return fh.read(n)


def numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(1-based line number, line without its line break)``, streaming."""
    with open_text(path) as fh:
        for n, line in enumerate(fh, start=1):
            yield n, line.rstrip("\r\n")


def clean(text: str | None) -> str:
    """Strip and collapse every run of whitespace (hard line wraps included) to one space. LaTeX is kept."""
    if not text:
        return ""
    return _WS.sub(" ", text).strip()


def split_list(value: object, sep: str) -> tuple[str, ...]:
    """A tuple of clean, non-empty strings from a list, or from a string split on ``sep``."""
    if value is None:
        return ()
    if isinstance(value, str):
        items: Iterable[object] = value.split(sep)
    elif isinstance(value, (list, tuple)):
        items = value
    else:
        items = [value]
    out = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name") or item.get("fullname") or ""
        s = clean(str(item)) if item is not None else ""
        if s:
            out.append(s)
    return tuple(out)


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """Items in first-seen order without repeats or empties."""
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return tuple(seen)


def month_day_date(text: str) -> str | None:
    """``"Nov 20, 2025"`` -> ``"2025-11-20"``; ``"Sep 23"`` -> ``"Sep 23"`` (kept as written); else None."""
    m = _MONTH_DAY.match(text.strip())
    if not m:
        return None
    mon = _MONTHS.get(m.group("mon")[:3].lower())
    day = int(m.group("day"))
    if mon is None or not 1 <= day <= 31:
        return None
    if m.group("year"):
        return f"{int(m.group('year')):04d}-{mon:02d}-{day:02d}"
    return f"{m.group('mon')} {day}"


def iso_date(value: object) -> str | None:
    """A date as ``YYYY-MM-DD`` when it starts with one (``2025-09-28T17:58:59Z`` too), else as written."""
    if value is None:
        return None
    s = clean(str(value))
    if not s:
        return None
    m = _ISO_DATE.match(s)
    if m:
        return m.group(0)
    return month_day_date(s) or s


def make_paper(
    *,
    path: Path,
    line: int,
    fmt: str,
    abstract: str | None,
    arxiv_id: str | None = None,
    title: str | None = None,
    authors: tuple[str, ...] = (),
    author_count: int | None = None,
    organization: str | None = None,
    subjects: tuple[str, ...] = (),
    date: str | None = None,
    links: tuple[str, ...] = (),
    upvotes: int | None = None,
    what: str = "record",
) -> Paper:
    """Build a :class:`Paper`: clean the text, drop the arXiv version, compute the id.

    Raises :class:`BadRecord` when the abstract is empty.
    """
    text = clean(abstract)
    if not text:
        raise BadRecord(f"{what} has an empty abstract; add the abstract text or remove it")
    bare = normalise_arxiv_id(arxiv_id)
    authors = tuple(a for a in (clean(a) for a in authors) if a)
    if author_count is None and authors:
        author_count = len(authors)
    return Paper(
        id=paper_id(bare, text),
        abstract=text,
        title=clean(title) or None,
        arxiv_id=bare,
        authors=authors,
        author_count=author_count,
        organization=clean(organization) or None,
        subjects=unique(clean(s) for s in subjects),
        date=clean(date) or None,
        links=unique(clean(u) for u in links),
        upvotes=upvotes,
        sources=(Source(file=str(path), line=line, format=fmt),),
    )


def record_error(path: Path, line: int, message: str) -> RecordError:
    return RecordError(file=str(path), line=line, message=message)


def to_int(value: object) -> int | None:
    """``78``, ``"78"`` -> 78; anything else -> None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None
