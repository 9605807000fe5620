"""Loaders: read paper abstracts from the supported file formats into :class:`schemas.Paper` records.

Every format lives in its own module with ``FORMAT`` (its name), ``SUFFIXES`` (a hint only),
``sniff(head) -> bool`` (decides from the first ~4 KB of text) and ``load(path)``, which yields
:class:`~schemas.Paper` and :class:`~schemas.RecordError` records one at a time. Gzip files are read
transparently in every format.

Typical use::

    records = list(read_paths(["examples/"]))
    papers = merge(r for r in records if isinstance(r, Paper))
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType

from loaders import (
    arxiv_daily_json,
    arxiv_listing,
    daily_digest,
    digest_page_md,
    hf_api_json,
    hf_daily_page,
    jsonl,
)
from loaders._common import read_head, record_error
from loaders.ids import abstract_key, normalise_arxiv_id, normalise_title, paper_id
from loaders.merge import merge
from schemas import Paper, RecordError

__all__ = [
    "FORMATS",
    "LOADERS",
    "UnknownFormat",
    "abstract_key",
    "detect_format",
    "merge",
    "normalise_arxiv_id",
    "normalise_title",
    "paper_id",
    "read",
    "read_paths",
]

# Sniffing order: the most specific formats first (an arXiv listing is recognised by any "Abstract:" line).
_MODULES: tuple[ModuleType, ...] = (
    hf_api_json,
    arxiv_daily_json,
    jsonl,
    digest_page_md,
    daily_digest,
    hf_daily_page,
    arxiv_listing,
)
LOADERS: dict[str, ModuleType] = {m.FORMAT: m for m in _MODULES}
FORMATS: list[str] = list(LOADERS)

# Files a directory walk passes over without reporting them.
_NOT_DATA = re.compile(r"^(?:readme|license|licence|changelog|notice)(?:\.[a-z]+)?$", re.IGNORECASE)


class UnknownFormat(ValueError):
    """A file whose format cannot be detected, or a format name that does not exist.

    ``str(exc)`` is ``"<file>: <reason>"``; ``exc.path`` and ``exc.reason`` hold the parts.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def _suffixes(path: Path) -> list[str]:
    """The format suffix of ``path`` ignoring a trailing ``.gz``: ``a.jsonl.gz`` -> ``.jsonl``."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return [Path(name).suffix] if Path(name).suffix else []


def detect_format(path: str | os.PathLike[str]) -> str:
    """The name of the format of ``path``, decided from its first ~4 KB of (decompressed) text.

    The suffix is only a hint: it breaks ties between formats that both recognise the text, and makes
    a ``.jsonl`` file whose first line is broken read as JSON Lines (that line then becomes a record error).

    Raises :class:`UnknownFormat` (a ``ValueError``) naming the file and the known formats when no
    format recognises it, and ``FileNotFoundError`` when it does not exist.
    """
    path = Path(path)
    head = read_head(path)
    if not head.strip():
        raise UnknownFormat(path, f"the file is empty; known formats: {', '.join(FORMATS)}")
    matches = [m for m in _MODULES if m.sniff(head)]
    suffix = _suffixes(path)
    if matches:
        for m in matches:
            if any(s in m.SUFFIXES for s in suffix):
                return m.FORMAT
        return matches[0].FORMAT
    if suffix and suffix[0] in jsonl.SUFFIXES:  # a JSON Lines file whose first line is broken
        return jsonl.FORMAT
    raise UnknownFormat(
        path, f"cannot tell the format of this file from its content; known formats: "
              f"{', '.join(FORMATS)} (pass format=... to read it as one of them)")


def read(path: str | os.PathLike[str], format: str | None = None) -> Iterator[Paper | RecordError]:
    """Yield the records of one file, detecting its format unless ``format`` names one of :data:`FORMATS`."""
    path = Path(path)
    if format is None:
        format = detect_format(path)
    elif format not in LOADERS:
        raise UnknownFormat(path, f"unknown format {format!r}; known formats: {', '.join(FORMATS)}")
    return LOADERS[format].load(path)


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def read_paths(
    paths: Iterable[str | os.PathLike[str]], format: str | None = None,
) -> Iterator[Paper | RecordError]:
    """Yield the records of every file in ``paths``; directories are walked (sorted, hidden entries skipped).

    A file named directly must be readable (:class:`UnknownFormat` otherwise). A file found by walking a
    directory whose format cannot be detected yields a :class:`RecordError` (line 1) and the walk goes
    on; README/LICENSE/CHANGELOG files are passed over.
    """
    for p in paths:
        p = Path(p)
        if not p.is_dir():
            yield from read(p, format)
            continue
        for f in _walk(p):
            if _NOT_DATA.match(f.name):
                continue
            try:
                records = read(f, format)
            except UnknownFormat as exc:
                yield record_error(f, 1, f"skipped: {exc.reason}")
                continue
            yield from records
