"""Daily arXiv digest JSON: ``{"count": N, "papers": [{title, authors[], arxiv_id, summary,
categories[], published, pdf_url, ...}, ...]}``.

Each item of ``papers`` is mapped with :func:`loaders._json.paper_from_mapping`; its line is the line
where the item starts. Items are decoded one at a time.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from loaders._common import BadRecord, open_text, record_error
from loaders._json import JSONLayoutError, iter_key_array, paper_from_mapping
from schemas import Paper, RecordError

FORMAT = "arxiv_daily_json"
SUFFIXES = (".json",)


def sniff(head: str) -> bool:
    """True when the document is an object with a ``"papers"`` array."""
    return re.match(r"\s*\{", head) is not None and re.search(r'"papers"\s*:\s*\[', head) is not None


def load(path: Path) -> Iterator[Paper | RecordError]:
    """Yield one :class:`Paper` per item of ``papers`` in ``path``."""
    with open_text(path) as fh:
        text = fh.read()
    seen_papers = False
    try:
        for kind, line, value in iter_key_array(text, "papers"):
            if kind == "array":
                seen_papers = True
            if kind != "item":
                continue
            try:
                yield paper_from_mapping(value, path=path, line=line, fmt=FORMAT)
            except BadRecord as exc:
                yield record_error(path, line, str(exc))
    except JSONLayoutError as exc:
        yield record_error(path, exc.line, f"{exc.message}; the file must be a JSON object with a 'papers' "
                                           "array, fix it (items after this point were not read)")
        return
    if not seen_papers:
        yield record_error(path, 1, "no 'papers' array found; expected {\"papers\": [...]}")
