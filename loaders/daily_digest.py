"""Bilingual (English/Chinese) daily arXiv digests.

Layout (one block per paper, after a few header lines)::

    生成时间: 2026-01-05 ...; Arxiv 发布时间: 2026-01-05 20:00 EDT (...)   <- header: gives the date
    今天共有 2 篇相关文章                                                   <- header
    Keyword: reinforcement learning                                       <- section line
    English Title                                                         <- record starts here
    中文标题
    - Authors: A, B, C
    - Subjects: Subjects:
    Software Engineering (cs.SE); Digital Libraries (cs.DL)
    - Arxiv link: https://arxiv.org/abs/2601.00001
    - Pdf link: https://arxiv.org/pdf/2601.00001
    - Abstract
    English abstract (one or more lines)
    - 中文摘要
    Chinese abstract (dropped)

The English title is the line two above ``- Authors:`` (the line just above is the Chinese title); when
the line just above has no CJK character and the one before it is Chinese text, the Chinese title is
taken to be missing. The Chinese title and abstract are not kept.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from loaders._common import BadRecord, make_paper, numbered_lines, record_error, split_list
from schemas import Paper, RecordError

FORMAT = "daily_digest"
SUFFIXES = (".txt", ".md")

_AUTHORS = re.compile(r"^- Authors:\s*(?P<v>.*)$")
_SUBJECTS = re.compile(r"^- Subjects:\s*(?:Subjects:)?\s*(?P<v>.*)$")
_ARXIV = re.compile(r"^- Arxiv link:\s*(?P<v>\S*)")
_PDF = re.compile(r"^- Pdf link:\s*(?P<v>\S*)")
_ABSTRACT = re.compile(r"^- Abstract\b\s*:?\s*(?P<v>.*)$")
_ZH_ABSTRACT = re.compile(r"^- 中文摘要")
_HEADER = re.compile(r"^(?:生成时间|今天共有|Keyword:|There is no result)")
_PUB_DATE = re.compile(r"(?:Arxiv 发布时间|发布时间)\s*[:：]\s*(\d{4}-\d{2}-\d{2})")
_GEN_DATE = re.compile(r"生成时间\s*[:：]\s*(\d{4}-\d{2}-\d{2})")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def sniff(head: str) -> bool:
    """True when ``head`` has the digest's ``- Arxiv link:`` line, or ``- Authors:`` and ``- Abstract`` lines."""
    if re.search(r"^- Arxiv link:", head, re.MULTILINE):
        return True
    return (re.search(r"^- Authors:", head, re.MULTILINE) is not None
            and re.search(r"^- Abstract\b", head, re.MULTILINE) is not None)


@dataclass
class _Rec:
    line: int
    title: str | None
    authors: str = ""
    subjects: list[str] = field(default_factory=list)
    arxiv: str | None = None
    pdf: str | None = None
    abstract: list[str] = field(default_factory=list)
    state: str = "meta"  # meta | subjects | abstract | done


def _split_title(pending: list[tuple[int, str]], bilingual: bool) -> tuple[int | None, str | None, int]:
    """From the free lines before ``- Authors:``, pick the English title.

    ``bilingual`` is False when the previous paper had no Chinese section (then a paper is expected to
    have no Chinese title either). Returns (the title's line, its text, how many trailing lines of
    ``pending`` belong to the new record).
    """
    if not pending:
        return None, None, 0
    last = pending[-1][1]
    if len(pending) >= 2:
        before = pending[-2][1]
        if _CJK.search(last) or (bilingual and not _CJK.search(before)):
            return pending[-2][0], before, 2
    if _CJK.search(last):  # a lone Chinese title
        return pending[-1][0], None, 1
    return pending[-1][0], last, 1


def load(path: Path) -> Iterator[Paper | RecordError]:
    """Yield one :class:`Paper` per paper block of the digest ``path``."""
    date: str | None = None
    rec: _Rec | None = None
    pending: list[tuple[int, str]] = []  # free lines since the last structural line

    def finish(r: _Rec) -> Paper | RecordError:
        what = f"paper '{r.title}'" if r.title else "paper"
        if not r.abstract and r.state in ("meta", "subjects"):
            return record_error(path, r.line, f"{what} has no '- Abstract' section; add '- Abstract' "
                                              "followed by the English abstract, or remove the paper")
        try:
            return make_paper(
                path=path, line=r.line, fmt=FORMAT, abstract=" ".join(r.abstract), arxiv_id=r.arxiv,
                title=r.title, authors=split_list(r.authors, ", "),
                subjects=split_list("; ".join(r.subjects), "; "), date=date,
                links=tuple(u for u in (r.arxiv, r.pdf) if u), what=what)
        except BadRecord as exc:
            return record_error(path, r.line, str(exc))

    for n, raw in numbered_lines(path):
        line = raw.strip()
        if not line:
            continue
        if _HEADER.match(line):
            if date is None:
                m = _PUB_DATE.search(line) or _GEN_DATE.search(line)
                if m:
                    date = m.group(1)
            continue
        m = _AUTHORS.match(line)
        if m:
            tline, title, used = _split_title(pending, bilingual=rec is None or rec.state == "done")
            if rec is not None and rec.state != "done":
                if rec.state == "abstract":  # no '- 中文摘要' marker: free lines up to the title are abstract
                    rec.abstract.extend(t for _, t in pending[: len(pending) - used])
                yield finish(rec)
            rec = _Rec(line=tline or n, title=title, authors=m.group("v"))
            pending = []
            continue
        if rec is None:  # text before the first paper
            pending.append((n, line))
            pending = pending[-3:]
            continue
        if (m := _SUBJECTS.match(line)) is not None:
            rec.state = "subjects"
            if m.group("v"):
                rec.subjects.append(m.group("v"))
        elif (m := _ARXIV.match(line)) is not None:
            rec.arxiv, rec.state = m.group("v") or None, "meta"
        elif (m := _PDF.match(line)) is not None:
            rec.pdf, rec.state = m.group("v") or None, "meta"
        elif (m := _ABSTRACT.match(line)) is not None:
            rec.state = "abstract"
            if m.group("v"):
                pending.append((n, m.group("v")))
        elif _ZH_ABSTRACT.match(line):
            if rec.state == "abstract":
                rec.abstract.extend(t for _, t in pending)
            pending = []
            yield finish(rec)
            rec.state = "done"
        elif rec.state == "subjects":
            rec.subjects.append(line)
        else:  # abstract text, Chinese abstract, or the next paper's titles
            pending.append((n, line))
    if rec is not None and rec.state != "done":
        if rec.state == "abstract":
            rec.abstract.extend(t for _, t in pending)
        yield finish(rec)
