"""Small text helpers shared by extraction, linking and look-ups."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LATEX_CMD = re.compile(r"\\(?:mathrm|textbf|textit|texttt|textsc|text|emph|mathbf|mathcal|mathit)\s*")
_LATEX_MARKS = re.compile(r"[{}$^\\]")
_NONKEY = re.compile(r"[\s\-_.$^{}\\'’`\"(),:;/]+")
_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 17)  # the same few thousand names recur across abstracts
def norm(s: str) -> str:
    """Matching key for names: case, spaces, hyphens, dots and LaTeX marks ignored.

    >>> norm("Qwen-2.5-7B-Instruct") == norm("Qwen2.5 7B instruct")
    True
    """
    s = unicodedata.normalize("NFKC", s).lower()
    s = _LATEX_CMD.sub("", s)
    return _NONKEY.sub("", s)


def slug(s: str) -> str:
    """Readable id fragment.

    >>> slug("AIME 2024")
    'aime-2024'
    """
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = s.replace("++", "-plus-plus").replace("+", "-plus")
    return _SLUG.sub("-", s).strip("-") or "x"


@lru_cache(maxsize=1 << 14)
def clean_latex(s: str) -> str:
    r"""Strip LaTeX markup from a name: ``\textbf{FlowRL}`` -> ``FlowRL``, ``$R^2VPO$`` -> ``R2VPO``.

    >>> clean_latex(r"\textbf{FlowRL}")
    'FlowRL'
    """
    if not _LATEX_MARKS.search(s):
        return s.strip()
    s = _LATEX_CMD.sub("", s)
    return _LATEX_MARKS.sub("", s).strip()
