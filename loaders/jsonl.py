"""JSON Lines: one paper object per line (gzip too).

Each line is an object with at least ``abstract`` (or ``summary``); see
:func:`loaders._json.paper_from_mapping` for the other fields understood. This covers the
daily-arxiv-ai-enhanced dumps (``summary`` with hard line wraps, joined with spaces) and the
``id``/``title``/``abstract``/``date`` corpus files. Blank lines are skipped; a line that is not a JSON
object with an abstract becomes a :class:`RecordError` and the next line is read.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from loaders._common import BadRecord, numbered_lines, record_error
from loaders._json import paper_from_mapping
from schemas import Paper, RecordError

FORMAT = "jsonl"
SUFFIXES = (".jsonl", ".ndjson")


def sniff(head: str) -> bool:
    """True when the first non-blank line of ``head`` starts a JSON object and names a paper field."""
    for line in head.splitlines():
        if line.strip():
            return line.lstrip().startswith("{") and re.search(
                r'"(?:abstract|summary|title|arxiv_id|id)"\s*:', line) is not None
    return False


def load(path: Path) -> Iterator[Paper | RecordError]:
    """Yield one :class:`Paper` per line of ``path``."""
    for n, line in numbered_lines(path):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield record_error(path, n, f"line is not valid JSON ({exc.msg}, column {exc.colno}); "
                                        "each line must be one JSON object: fix or remove the line")
            continue
        try:
            yield paper_from_mapping(obj, path=path, line=n, fmt=FORMAT)
        except BadRecord as exc:
            yield record_error(path, n, str(exc))
