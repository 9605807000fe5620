"""One paper's Chinese arXiv digest page in Markdown (Jekyll front matter).

Layout::

    ---
    layout: default
    title: "Paper title"
    ---
    # Paper title
    <a href="https://arxiv.org/abs/2601.00001" ...>arXiv: 2601.00001v1</a>
    <a href="https://arxiv.org/pdf/2601.00001.pdf" ...>PDF</a>
    **作者**: A, B                   <- authors (", ")
    **分类**: cs.LG, cs.AI           <- subjects (", ")
    **发布日期**: 2025-06-18         <- date
    **🔗 代码/项目**: [GITHUB](https://github.com/...)
    ## ... Chinese sections ...
    ## 📄 摘要（原文）                <- the English abstract: the "> " block quote under this heading
    > English abstract ...

The English abstract is the block quote under a heading naming the original abstract (``原文`` or
``Abstract``); without such a heading, the last block quote of the page. One record per file,
starting at line 1.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from loaders._common import BadRecord, iso_date, make_paper, numbered_lines, record_error, split_list
from schemas import Paper, RecordError

FORMAT = "digest_page_md"
SUFFIXES = (".md",)

_FM_TITLE = re.compile(r"""^title:\s*(?P<q>["']?)(?P<v>.*?)(?P=q)\s*$""")
_H1 = re.compile(r"^#\s+(?P<v>.+)$")
_HEADING = re.compile(r"^#{2,6}\s+(?P<v>.*)$")
_FIELD = re.compile(r"^\*\*(?P<k>[^*]+)\*\*\s*[:：]\s*(?P<v>.*)$")
_ABS_LINK = re.compile(r"https?://arxiv\.org/abs/[^\s\"'<>)]+")
_PDF_LINK = re.compile(r"https?://arxiv\.org/pdf/[^\s\"'<>)]+")
_MD_LINK = re.compile(r"\]\((?P<u>https?://[^)\s]+)\)")
_ORIGINAL = re.compile(r"原文|abstract", re.IGNORECASE)


def sniff(head: str) -> bool:
    """True for a page with front matter (``---`` first, a ``title:`` in it) that links to arxiv.org/abs."""
    if not re.match(r"\s*---\s*\n", head):
        return False
    fm_end = head.find("\n---", 3)
    front = head[: fm_end if fm_end > 0 else len(head)]
    return re.search(r"^title:", front, re.MULTILINE) is not None and "arxiv.org/abs/" in head


def load(path: Path) -> Iterator[Paper | RecordError]:
    """Yield the one :class:`Paper` of the page ``path`` (or a :class:`RecordError`)."""
    title = h1 = None
    fields: dict[str, str] = {}
    links: list[str] = []
    quotes: list[list[str]] = []      # every block quote, in order
    original: list[str] | None = None  # the block quote under the "original abstract" heading
    in_front = False
    under_original = False
    in_quote = False
    for n, line in numbered_lines(path):
        s = line.strip()
        if n == 1 and s == "---":
            in_front = True
            continue
        if in_front:
            if s == "---":
                in_front = False
            elif (m := _FM_TITLE.match(s)) is not None:
                title = m.group("v").replace('\\"', '"')
            continue
        if s.startswith(">"):
            text = s[1:].strip()
            if not in_quote:
                quotes.append([])
                in_quote = True
                if under_original and original is None:
                    original = quotes[-1]
            quotes[-1].append(text)
            continue
        in_quote = False
        if (m := _HEADING.match(s)) is not None:
            under_original = bool(_ORIGINAL.search(m.group("v")))
            continue
        if h1 is None and (m := _H1.match(s)) is not None:
            h1 = m.group("v")
            continue
        if (m := _FIELD.match(s)) is not None:
            fields.setdefault(re.sub(r"[^\w]+", "", m.group("k")), m.group("v"))
            links.extend(u.group("u") for u in _MD_LINK.finditer(m.group("v")))
            continue
        links.extend(_ABS_LINK.findall(s))
        links.extend(_PDF_LINK.findall(s))

    chosen = original if original is not None else (quotes[-1] if quotes else None)
    name = title or h1
    what = f"page '{name}'" if name else "page"
    if chosen is None:
        yield record_error(path, 1, f"{what} has no English abstract: expected a '> ' block quote under "
                                    "a heading such as '## 摘要（原文）'; add it")
        return
    abs_links = [u for u in links if "/abs/" in u]
    try:
        yield make_paper(
            path=path, line=1, fmt=FORMAT, abstract=" ".join(chosen),
            arxiv_id=abs_links[0] if abs_links else None, title=name,
            authors=split_list(fields.get("作者") or fields.get("Authors"), ", "),
            subjects=split_list(fields.get("分类") or fields.get("Categories"), ", "),
            date=iso_date(fields.get("发布日期") or fields.get("Date")),
            links=tuple(links), what=what)
    except BadRecord as exc:
        yield record_error(path, 1, str(exc))
