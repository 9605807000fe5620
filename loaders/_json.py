"""JSON helpers: decode the items of a JSON array one at a time, and map a paper object to a Paper."""
from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from loaders._common import BadRecord, iso_date, make_paper, split_list, to_int
from loaders.ids import normalise_arxiv_id
from schemas import Paper

_DECODER = json.JSONDecoder()
_WS = " \t\r\n"


class JSONLayoutError(ValueError):
    """The document is not valid JSON (or not shaped as expected) at ``line``."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _Cursor:
    """A position in a JSON text that knows its 1-based line number."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line, self._counted = text, 0, 1, 0

    def skip_ws(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in _WS:
            self.pos += 1

    def lineno(self) -> int:
        self.line += self.text.count("\n", self._counted, self.pos)
        self._counted = self.pos
        return self.line

    def expect(self, ch: str) -> None:
        self.skip_ws()
        if self.text[self.pos:self.pos + 1] != ch:
            found = self.text[self.pos:self.pos + 1] or "end of file"
            raise JSONLayoutError(self.lineno(), f"expected {ch!r} but found {found!r}")
        self.pos += 1

    def peek(self) -> str:
        self.skip_ws()
        return self.text[self.pos:self.pos + 1]

    def value(self) -> object:
        self.skip_ws()
        try:
            obj, self.pos = _DECODER.raw_decode(self.text, self.pos)
        except json.JSONDecodeError as exc:
            self.pos = exc.pos
            raise JSONLayoutError(self.lineno(), f"invalid JSON ({exc.msg})") from None
        return obj


def iter_array(cur: _Cursor) -> Iterator[tuple[int, object]]:
    """Yield ``(line where the item starts, item)`` for each item of the array at the cursor."""
    cur.expect("[")
    if cur.peek() == "]":
        cur.pos += 1
        return
    while True:
        cur.skip_ws()
        line = cur.lineno()
        yield line, cur.value()
        nxt = cur.peek()
        if nxt == ",":
            cur.pos += 1
            continue
        cur.expect("]")
        return


def iter_top_array(text: str) -> Iterator[tuple[int, object]]:
    """Items of a document that is a JSON array."""
    yield from iter_array(_Cursor(text))


def iter_key_array(text: str, key: str) -> Iterator[tuple[str, int, object]]:
    """For a document that is a JSON object: yield ``("item", line, item)`` for each item of the array
    under ``key`` (after one ``("array", line, key)``), and ``("field", line, (name, value))`` for every
    other top-level field.

    The array's items are decoded one at a time; other top-level values are decoded whole.
    """
    cur = _Cursor(text)
    cur.expect("{")
    if cur.peek() == "}":
        return
    while True:
        cur.skip_ws()
        line = cur.lineno()
        name = cur.value()
        if not isinstance(name, str):
            raise JSONLayoutError(line, "expected a field name")
        cur.expect(":")
        if name == key and cur.peek() == "[":
            yield "array", line, name
            for item_line, item in iter_array(cur):
                yield "item", item_line, item
        else:
            yield "field", line, (name, cur.value())
        if cur.peek() == ",":
            cur.pos += 1
            continue
        cur.expect("}")
        return


def _first(obj: Mapping[str, object], *keys: str) -> object:
    for k in keys:
        v = obj.get(k)
        if v not in (None, "", [], {}):
            return v
    return None


def _organization(value: object) -> str | None:
    if isinstance(value, Mapping):
        v = value.get("fullname") or value.get("name")
        return str(v) if v else None
    return str(value) if value else None


def paper_from_mapping(obj: object, *, path: Path, line: int, fmt: str) -> Paper:
    """Map one JSON paper object to a :class:`Paper`.

    Field names understood (first non-empty wins): abstract ``abstract``/``summary``; arXiv id
    ``arxiv_id``/``id``/``arxiv`` (or the ``abs``/``url``/``link`` link); ``title``; ``authors`` (list of
    names or of ``{name}``, or a ``", "``-separated string); ``date``/``published``/``publishedAt``/
    ``update_date``; subjects ``categories``/``subjects`` (list, or a string split on ``"; "`` or spaces);
    links ``abs``/``url``/``link``/``pdf``/``pdf_url``; ``upvotes``; ``organization``; ``author_count``.
    Raises :class:`BadRecord` when ``obj`` is not an object or has no abstract.
    """
    if not isinstance(obj, Mapping):
        raise BadRecord(f"expected a JSON object with an 'abstract' field, found {type(obj).__name__}; "
                        "make each record an object")
    title = obj.get("title")
    what = f"record '{' '.join(str(title).split())}'" if title else "record"
    abstract = _first(obj, "abstract", "summary")
    if abstract is None:
        if "abstract" in obj or "summary" in obj:
            raise BadRecord(f"{what} has an empty abstract; add the abstract text or remove the record")
        raise BadRecord(f"{what} has no 'abstract' (or 'summary') field; add the abstract text or "
                        "remove the record")
    if not isinstance(abstract, str):
        raise BadRecord(f"'abstract' must be a string, found {type(abstract).__name__}")
    arxiv = None
    for k in ("arxiv_id", "id", "arxiv", "abs", "url", "link"):
        v = obj.get(k)
        if isinstance(v, str) and normalise_arxiv_id(v):
            arxiv = v
            break
    subjects = _first(obj, "categories", "subjects")
    if isinstance(subjects, str):
        subjects = split_list(subjects, "; ") if ";" in subjects else tuple(subjects.split())
    links = []
    for k in ("abs", "url", "link", "pdf", "pdf_url"):
        v = obj.get(k)
        if isinstance(v, str) and v.strip().startswith(("http://", "https://")):
            links.append(v.strip())
    return make_paper(
        path=path, line=line, fmt=fmt, abstract=abstract, arxiv_id=arxiv,
        title=str(title) if title else None,
        authors=split_list(obj.get("authors"), ", "),
        author_count=to_int(obj.get("author_count")),
        organization=_organization(obj.get("organization")),
        subjects=split_list(subjects, "; "),
        date=iso_date(_first(obj, "date", "published", "publishedAt", "update_date")),
        links=tuple(links),
        upvotes=to_int(obj.get("upvotes")),
        what=what,
    )
