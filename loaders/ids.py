"""Paper ids and matching keys.

A paper's id is ``arxiv:<id>`` (version suffix removed) when its arXiv id is known, otherwise
``sha1:`` followed by the first 16 hex digits of the SHA-1 of its normalised abstract
(lower-cased, runs of whitespace collapsed to one space, ends stripped).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = [
    "abstract_key",
    "normalise_abstract",
    "normalise_arxiv_id",
    "normalise_title",
    "paper_id",
]

_WS = re.compile(r"\s+")
# New-style ids (0704.0001 .. 2601.00001) and old-style ones (hep-th/9901001, math.GT/0309136).
_ARXIV_NEW = r"\d{4}\.\d{4,5}"
_ARXIV_OLD = r"[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7}"
_ARXIV_ID = re.compile(
    rf"^(?:(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/|arxiv:)?"
    rf"(?P<id>{_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?(?:\.pdf)?/?$",
    re.IGNORECASE,
)
_TITLE_NONWORD = re.compile(r"[\W_]+")


def normalise_abstract(abstract: str) -> str:
    """The text an abstract key is computed from: lower-cased, whitespace collapsed.

    >>> normalise_abstract("  We  propose\\nFooPO. ")
    'we propose foopo.'
    """
    return _WS.sub(" ", abstract).strip().lower()


def abstract_key(abstract: str) -> str:
    """First 16 hex digits of the SHA-1 of the normalised abstract.

    Two abstracts that differ only in case or whitespace get the same key.
    """
    return hashlib.sha1(normalise_abstract(abstract).encode("utf-8")).hexdigest()[:16]


def normalise_arxiv_id(value: str | None) -> str | None:
    """The bare arXiv id in ``value`` without its version, or None when ``value`` is not one.

    Accepts ``2601.00001``, ``2601.00001v2``, ``arXiv:2601.00001``, ``https://arxiv.org/abs/2601.00001v1``,
    ``https://arxiv.org/pdf/2601.00001.pdf`` and old-style ids such as ``hep-th/9901001``.

    >>> normalise_arxiv_id("https://arxiv.org/abs/2601.00001v3")
    '2601.00001'
    >>> normalise_arxiv_id("not an id") is None
    True
    """
    if not value:
        return None
    m = _ARXIV_ID.match(value.strip())
    return m.group("id") if m else None


def paper_id(arxiv_id: str | None, abstract: str) -> str:
    """``arxiv:<id without version>`` when an arXiv id is known, else ``sha1:<abstract_key>``.

    >>> paper_id("2601.00001v2", "whatever")
    'arxiv:2601.00001'
    """
    bare = normalise_arxiv_id(arxiv_id)
    if bare:
        return f"arxiv:{bare}"
    return f"sha1:{abstract_key(abstract)}"


def normalise_title(title: str | None) -> str:
    """Matching key for titles: Unicode-folded, lower-cased, punctuation and spacing ignored.

    >>> normalise_title("Dr. MAS:  Stable RL") == normalise_title("dr mas - stable rl")
    True
    """
    if not title:
        return ""
    t = unicodedata.normalize("NFKC", title).casefold()
    return _TITLE_NONWORD.sub(" ", t).strip()
