"""Cypher on the graph file, with no server: an embedded LadybugDB copy of the graph.

The NetworkX graph file stays the graph of record. The first query on ``GRAPH`` builds a LadybugDB
database from it in the sibling folder ``GRAPH.ladybug/`` (or, when that folder cannot be written, in
``$XDG_CACHE_HOME/kg/ladybug/``) and rebuilds it whenever the graph file changes (size, mtime or inode)
or this module's storage layout does. Queries open it read-only.

The layout mirrors what :func:`kg.neo4j_store.push_graph` writes to Neo4j, row for row (it uses the same
:func:`kg.neo4j_store.graph_rows`), so that the same Cypher text gives the same rows on both:

- one node table per node kind (``Paper``, ``Method``, ... = the Neo4j labels), keyed by ``id``; every
  node table has every node property of the graph (null where a node has none, as Neo4j answers for a
  missing property), including ``kind`` and, on entities, ``norm_forms``;
- one relationship table per relationship type (= the Neo4j type) over every (from kind, to kind) pair
  of the schema and of the data, all with the same properties (``rel``, ``confidence``, ``evidence`` as
  JSON text, ``evidence_sentences``, ``papers``, ``out_index``);
- lists of strings are ``STRING[]`` columns.

Before a query runs, :func:`translate` checks it and rewrites the few constructs where the embedded
engine's Cypher means something else than Neo4j's, so that a query either gives Neo4j's rows or fails
with :class:`EmbeddedUnsupported` saying why (never a different answer):

- relationship uniqueness: Neo4j never binds one relationship twice in one ``MATCH``; the engine would.
  Relationship patterns of one ``MATCH`` whose types can overlap get ``r1 <> r2`` conditions;
- variable-length patterns get ``TRAIL`` (Neo4j's semantics; the engine's default is WALK), and the
  unbounded upper bound is the number of relationships (no trail is longer); one sharing a ``MATCH`` with
  another pattern of an overlapping type is refused. ``shortestPath(...)`` becomes ``* SHORTEST``;
- ``sum()`` of nothing is 0 in Neo4j (null in the engine): wrapped in ``coalesce(..., 0)``;
- ``substring()`` is 0-based in Neo4j, 1-based in the engine: the start is shifted;
- ``type(r)`` -> ``label(r)``, ``labels(n)`` -> ``[label(n)]``, ``properties(x)`` -> ``x``;
  ``toFloat`` is a function registered with Neo4j's (Java's) parsing rules; unaliased result columns are
  named by their text, as Neo4j names them; nodes come back as property maps without nulls and paths as
  ``[node, TYPE, node, ...]``, as :func:`kg.neo4j_store.run_cypher` returns them;
- refused: list subscripts and slices (0-based vs 1-based), ``:A:B`` label conjunctions (both labels in
  Neo4j, either in the engine), procedures (``CALL``), ``elementId()``/``id()``, returning whole
  relationships, and anything that writes (the graph file is the record: rebuild it with ``kg build``).
  Whatever else the engine rejects (functions it lacks, ...) is reported the same way.
"""
from __future__ import annotations

import csv
import fcntl
import hashlib
import json
import math
import os
import re
import shutil
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import KGError

#: bump when the on-disk layout changes: every cached database is then rebuilt
LAYOUT_VERSION = 2
DB_FILE = "graph.lbug"
STAMP_FILE = "stamp.json"

ENTITY_KINDS = ("Method", "Model", "Benchmark", "Dataset", "Task", "Metric")
# (from kinds, to kinds) per relationship type: README "Graph schema" (Paper -> entity types are declared
# for every entity kind, so that any label in a query binds), plus whatever else the data has
_PAPER_RELS = ("PROPOSES", "USES", "USES_MODEL", "USES_DATASET", "EVALUATES_ON", "COMPARES_WITH",
               "ADDRESSES", "MEASURES", "MENTIONS")
SCHEMA_PAIRS: dict[str, set[tuple[str, str]]] = {
    **{rel: {("Paper", k) for k in ENTITY_KINDS} for rel in _PAPER_RELS},
    "REPORTS": {("Paper", "Result")},
    "ON_BENCHMARK": {("Result", "Benchmark"), ("Result", "Dataset")},
    "OF": {("Result", "Method"), ("Result", "Model")},
    "BUILDS_ON": {("Method", "Method")},
    "PART_OF": {(k, k) for k in ENTITY_KINDS},
    "AUTHORED": {("Author", "Paper")},
}
#: the properties of README "Graph schema" (as :func:`kg.neo4j_store.node_properties` encodes them)
SCHEMA_NODE_COLUMNS = {
    "kind": "STRING", "name": "STRING", "title": "STRING", "abstract": "STRING", "arxiv_id": "STRING",
    "date": "STRING", "authors": "STRING[]", "author_count": "INT64", "organization": "STRING",
    "subjects": "STRING[]", "links": "STRING[]", "upvotes": "INT64", "sources": "STRING[]",
    "aliases": "STRING[]", "long_form": "STRING", "family": "STRING", "description": "STRING", "origin": "STRING",
    "confidence": "DOUBLE", "norm_forms": "STRING[]", "value": "STRING", "metric": "STRING",
}
SCHEMA_REL_COLUMNS = {"rel": "STRING", "confidence": "DOUBLE", "evidence": "STRING",
                      "evidence_sentences": "STRING[]", "papers": "STRING[]", "out_index": "INT64"}
_SEP = "\x1f"  # list elements in the load files (a character that names and sentences do not contain)


class EmbeddedError(KGError):
    """The embedded engine failed; the message says what to do."""


class EmbeddedUnsupported(EmbeddedError):
    """The embedded engine cannot run this query the way Neo4j would."""


class EmbeddedWriteRefused(EmbeddedError):
    """A query that writes, run on the (read-only) embedded graph."""


def _unsupported(why: str) -> EmbeddedUnsupported:
    return EmbeddedUnsupported(f"the embedded engine cannot run this query ({why}); "
                               "run it on Neo4j with --neo4j")


# =========================================================================================== translate

_TOKEN = re.compile(r"""
  (?P<ws>\s+)
 |(?P<comment>//[^\n]*|/\*.*?\*/)
 |(?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
 |(?P<bt>`(?:[^`]|``)*`)
 |(?P<param>\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|`(?:[^`]|``)*`))
 |(?P<num>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)
 |(?P<word>[A-Za-z_][A-Za-z0-9_]*)
 |(?P<op>->|<-|\.\.|<>|<=|>=|=~|!=|\+=|.)
""", re.S | re.X)

_CLAUSE_WORDS = {"MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "UNWIND", "ORDER", "SKIP", "LIMIT", "UNION",
                 "CALL", "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "LOAD", "USE",
                 "YIELD", "FINISH"}
_WRITE_WORDS = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "ALTER", "COPY", "FOREACH",
                "INSTALL", "UNINSTALL", "ATTACH", "EXPORT", "IMPORT", "CHECKPOINT", "TRUNCATE"}
_OPEN = {"(": ")", "[": "]", "{": "}"}
_LIST_CONTEXT_WORDS = {"IN", "RETURN", "WITH", "WHERE", "AND", "OR", "XOR", "NOT", "UNWIND", "THEN", "ELSE",
                       "WHEN", "CASE", "DISTINCT", "CONTAINS", "STARTS", "ENDS", "BY", "AS", "IS", "SKIP",
                       "LIMIT", "YIELD", "SET"}


@dataclass
class _Tok:
    kind: str
    text: str
    start: int
    end: int

    @property
    def up(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


@dataclass
class _Rel:
    first: int              # token index of the leading '-' or '<-'
    last: int               # token index of the trailing '-' or '->'
    open_: int | None       # token index of '[' (None for a bare --)
    close: int | None       # token index of ']'
    var: str | None
    types: frozenset[str] | None  # None: any type
    star: int | None        # token index of '*' for variable-length patterns

    def overlaps(self, other: _Rel) -> bool:
        return self.types is None or other.types is None or bool(self.types & other.types)


@dataclass
class Translation:
    """The query as the embedded engine runs it."""
    query: str
    params: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    columns: list[str] | None = None  # Neo4j's column names (the engine names unaliased ones its own way)
    property_columns: frozenset[int] = frozenset()  # columns that are `properties(x)`: a map even for a rel


def _tokens(query: str) -> list[_Tok]:
    toks = []
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        if kind in ("ws", "comment"):
            continue
        toks.append(_Tok(kind, m.group(), m.start(), m.end()))
    return toks


def _is_key(toks: list[_Tok], i: int) -> bool:
    """A word used as a property key (``n.set``) or a map key (``{set: 1}``), not as a keyword."""
    return (i > 0 and toks[i - 1].text == ".") or (i + 1 < len(toks) and toks[i + 1].text == ":"
                                                     and i > 0 and toks[i - 1].text in ("{", ","))


def _match_close(toks: list[_Tok], i: int) -> int:
    """Index of the bracket closing the one at ``i`` (len(toks) if unbalanced)."""
    want: list[str] = []
    for j in range(i, len(toks)):
        t = toks[j].text
        if toks[j].kind != "op":
            continue
        if t in _OPEN:
            want.append(_OPEN[t])
        elif want and t == want[-1]:
            want.pop()
            if not want:
                return j
    return len(toks)


def _depths(toks: list[_Tok]) -> list[int]:
    out, d = [], 0
    for t in toks:
        if t.kind == "op" and t.text in ")]}":
            d -= 1
        out.append(d)
        if t.kind == "op" and t.text in "([{":
            d += 1
    return out


def _rel_patterns(toks: list[_Tok]) -> list[_Rel]:
    rels = []
    i = 0
    n = len(toks)
    while i < n - 1:
        t = toks[i]
        prev_close = i > 0 and toks[i - 1].text == ")"
        if t.kind == "op" and t.text in ("-", "<-") and prev_close and toks[i + 1].text == "[":
            close = _match_close(toks, i + 1)
            if close + 1 >= n or toks[close + 1].text not in ("-", "->"):
                i += 1
                continue
            k = i + 2
            var = None
            if k < close and toks[k].kind in ("word", "bt"):
                var = toks[k].text
                k += 1
            types: set[str] | None = None
            if k < close and toks[k].text == ":":
                types = set()
                k += 1
                while k < close:
                    if toks[k].kind in ("word", "bt"):
                        types.add(toks[k].text.strip("`"))
                        k += 1
                    elif toks[k].text in ("|", ":"):
                        k += 1
                    elif toks[k].text in ("&", "!", "%", "("):
                        types = None  # a label expression: assume it can match anything
                        break
                    else:
                        break
            star = None
            for j in range(k, close):
                if toks[j].text == "*":
                    star = j
                    break
            rels.append(_Rel(i, close + 1, i + 1, close, var, frozenset(types) if types is not None else None,
                             star))
            i = close + 2
            continue
        if t.kind == "op" and prev_close and (
                (t.text == "-" and toks[i + 1].text in ("-", "->") and toks[i + 1].start == t.end)
                or (t.text == "<-" and toks[i + 1].text == "-" and toks[i + 1].start == t.end)):
            if i + 2 < n and toks[i + 2].text == "(":
                rels.append(_Rel(i, i + 1, None, None, None, None, None))
                i += 2
                continue
        i += 1
    return rels


@dataclass
class _Match:
    kw: int            # token index of MATCH
    pattern_end: int   # index of the first token after the pattern part
    where: int | None  # index of WHERE
    end: int           # index of the first token after the clause


def _match_clauses(toks: list[_Tok], depth: list[int]) -> list[_Match]:
    out = []
    for i, t in enumerate(toks):
        if t.up != "MATCH" or _is_key(toks, i):
            continue
        d = depth[i]
        j = i + 1
        where = None
        pattern_end = None
        while j < len(toks):
            tj = toks[j]
            if depth[j] < d:
                break
            if depth[j] == d and tj.kind == "word" and not _is_key(toks, j) and tj.up in _CLAUSE_WORDS:
                if tj.up == "WHERE" and where is None:
                    where = j
                    pattern_end = j
                else:
                    break
            j += 1
        out.append(_Match(i, pattern_end if pattern_end is not None else j, where, j))
    return out


def _params_used(toks: list[_Tok]) -> set[str]:
    return {t.text[1:].strip("`") for t in toks if t.kind == "param"}


def _call_args(toks: list[_Tok], open_i: int) -> tuple[int, list[tuple[int, int]]]:
    """For ``f(`` at ``open_i``: the index of ``)`` and the (first, last) token index of each argument."""
    close = _match_close(toks, open_i)
    depth = 0
    args, start = [], open_i + 1
    for j in range(open_i + 1, close):
        t = toks[j].text
        if toks[j].kind == "op" and t in "([{":
            depth += 1
        elif toks[j].kind == "op" and t in ")]}":
            depth -= 1
        elif t == "," and depth == 0:
            args.append((start, j - 1))
            start = j + 1
    if start <= close - 1:
        args.append((start, close - 1))
    return close, args


def _return_columns(query: str, toks: list[_Tok], depth: list[int]) -> tuple[list[str] | None, frozenset[int]]:
    """The column names Neo4j gives the first top-level RETURN (an alias, or the expression's text), and
    which columns are ``properties(...)``."""
    start = next((i for i, t in enumerate(toks) if t.up == "RETURN" and depth[i] == 0 and not _is_key(toks, i)),
                 None)
    if start is None:
        return None, frozenset()
    i = start + 1
    if i < len(toks) and toks[i].up == "DISTINCT":
        i += 1
    items, first = [], i
    j = i
    while j < len(toks):
        t = toks[j]
        if depth[j] == 0 and ((t.kind == "word" and t.up in ("ORDER", "SKIP", "LIMIT", "UNION")
                               and not _is_key(toks, j)) or t.text == ";"):
            break
        if depth[j] == 0 and t.text == ",":
            items.append((first, j - 1))
            first = j + 1
        j += 1
    if first <= j - 1:
        items.append((first, j - 1))
    cols = []
    props = frozenset(k for k, (a, b) in enumerate(items)
                      if toks[a].text.lower() == "properties" and a + 1 <= b and toks[a + 1].text == "("
                      and _match_close(toks, a + 1) in (b, b - 2))
    for a, b in items:
        if a == b and toks[a].text == "*":
            return None, props
        if b - a >= 2 and toks[b - 1].up == "AS":
            name = toks[b].text
            cols.append(name[1:-1].replace("``", "`") if name.startswith("`") else name)
        else:
            cols.append(query[toks[a].start:toks[b].end])
    return cols, props


def translate(query: str, params: dict[str, Any] | None = None) -> Translation:
    """Check ``query`` for the embedded engine and rewrite it to mean what it means on Neo4j.

    Raises :class:`EmbeddedWriteRefused` for a query that writes and :class:`EmbeddedUnsupported` for one
    the engine would answer differently from Neo4j.
    """
    params = dict(params or {})
    toks = _tokens(query)
    if not toks:
        raise EmbeddedError("empty query")
    depth = _depths(toks)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in query characters
    notes: list[str] = []

    # ---- refusals by keyword
    for i, t in enumerate(toks):
        if t.kind != "word" or _is_key(toks, i):
            continue
        up = t.up
        if up in _WRITE_WORDS or (up == "LOAD" and i + 1 < len(toks) and toks[i + 1].up in ("FROM", "WITH",
                                                                                            "CSV")):
            raise EmbeddedWriteRefused(
                f"refused: this query writes or loads files ({t.text}); the embedded graph is read-only -- "
                "the graph file is the record: rebuild it with `kg build`, or use Neo4j (--neo4j --write)")
        if up == "CALL":
            raise _unsupported("procedures and CALL subqueries differ from Neo4j's")
        if up == "SHORTEST":
            raise _unsupported("SHORTEST path selectors are not supported; use shortestPath()")

    # ---- label conjunction (n:A:B) and label expressions with &
    for i in range(1, len(toks) - 2):
        if (toks[i].text == ":" and toks[i + 1].kind in ("word", "bt") and toks[i + 2].text == ":"
                and toks[i - 1].kind in ("word", "bt", "op")):
            # inside a map literal a key is followed by ':' only once; `x:A:B` is a label conjunction
            prev_open = toks[i - 1].text in ("(", ",") or toks[i - 1].kind in ("word", "bt")
            if prev_open:
                second = toks[i + 3].text if i + 3 < len(toks) else ""
                raise _unsupported(f"the label conjunction :{toks[i + 1].text}:{second} "
                                   "means 'both labels' on Neo4j and 'either label' here; a kg node has one label "
                                   "-- write :A|B for either")
    # ---- list subscripts and slices
    rels = _rel_patterns(toks)
    rel_brackets = {r.open_ for r in rels if r.open_ is not None}
    for i, t in enumerate(toks):
        if t.text != "[" or t.kind != "op" or i == 0 or i in rel_brackets:
            continue
        p = toks[i - 1]
        if p.text in (")", "]", "}") or p.kind in ("param", "str", "bt") or (
                p.kind == "word" and p.up not in _LIST_CONTEXT_WORDS):
            raise _unsupported("list indexes and slices are 0-based in Neo4j and 1-based here; "
                               "use head()/last()-free forms such as list membership (x IN list)")

    # ---- relationship uniqueness and variable-length semantics
    clauses = _match_clauses(toks, depth)
    in_clause: dict[int, _Match] = {}
    for c in clauses:
        for r in rels:
            if c.kw < r.first < c.pattern_end:
                in_clause[r.first] = c
    counter = [0]

    def fresh() -> str:
        counter[0] += 1
        return f"__kg_r{counter[0]}"

    def name_of(r: _Rel) -> str:
        if r.var:
            return r.var
        v = fresh()
        if r.open_ is None:  # bare -- / --> / <--
            a, b = toks[r.first], toks[r.last]
            left = "<-" if a.text == "<-" else "-"
            right = "->" if b.text == "->" else "-"
            edits.append((a.start, b.end, f"{left}[{v}]{right}"))
        else:
            edits.append((toks[r.open_].end, toks[r.open_].end, v))
        r.var = v
        return v

    # shortestPath((a)-[:T*]->(b)) -> (a)-[:T* SHORTEST]->(b): one shortest path per pair, as Neo4j
    shortest: dict[int, str] = {}
    for i, t in enumerate(toks[:-1]):
        if t.up not in ("SHORTESTPATH", "ALLSHORTESTPATHS") or toks[i + 1].text != "(" or _is_key(toks, i):
            continue
        close = _match_close(toks, i + 1)
        inner = [r for r in rels if i + 1 < r.first and r.last < close]
        if len(inner) != 1 or inner[0].star is None or close >= len(toks):
            raise _unsupported(f"{t.text}() over anything but one variable-length relationship")
        r = inner[0]
        if r.star + 1 < len(toks) and toks[r.star + 1].text == "0":
            raise _unsupported(f"{t.text}() with a lower bound of 0")
        shortest[r.first] = "ALL SHORTEST" if t.up == "ALLSHORTESTPATHS" else "SHORTEST"
        edits.append((t.start, toks[i + 1].end, ""))
        edits.append((toks[close].start, toks[close].end, ""))

    def trail(r: _Rel) -> None:  # TRAIL, Neo4j's semantics; shortest paths keep their own selector
        edits.append((toks[r.star].end, toks[r.star].end, f" {shortest.get(r.first, 'TRAIL')} "))

    by_clause: dict[int, list[_Rel]] = defaultdict(list)
    loose: list[_Rel] = []
    for r in rels:
        c = in_clause.get(r.first)
        if c is not None:
            by_clause[c.kw].append(r)
        else:
            loose.append(r)
    for c in clauses:
        rs = by_clause.get(c.kw, [])
        pairs = [(a, b) for k, a in enumerate(rs) for b in rs[k + 1:] if a.overlaps(b)]
        for a, b in pairs:
            if a.star is not None or b.star is not None:
                raise _unsupported("a variable-length pattern shares a MATCH with another pattern of an "
                                   "overlapping relationship type, whose relationships Neo4j keeps distinct")
        for r in rs:
            if r.star is not None:
                trail(r)
        if pairs:
            conds = " AND ".join(f"{name_of(a)} <> {name_of(b)}" for a, b in pairs)
            if c.where is not None:
                w = toks[c.where]
                last = toks[c.end - 1]
                edits.append((w.end, w.end, f" ({conds}) AND ("))
                edits.append((last.end, last.end, ")"))
            else:
                last = toks[c.pattern_end - 1]
                edits.append((last.end, last.end, f" WHERE {conds}"))
            notes.append(f"relationship uniqueness: {conds}")
    # patterns outside MATCH (WHERE predicates, EXISTS {...} without MATCH): chains of relationships
    chains: list[list[_Rel]] = []
    for r in loose:
        if chains and chains[-1][-1].last + 1 < len(toks) and toks[chains[-1][-1].last + 1].text == "(" \
                and _match_close(toks, chains[-1][-1].last + 1) + 1 == r.first:
            chains[-1].append(r)
        else:
            chains.append([r])
    for ch in chains:
        if any(a.overlaps(b) for k, a in enumerate(ch) for b in ch[k + 1:]):
            raise _unsupported("a pattern outside MATCH repeats an overlapping relationship type, "
                               "whose relationships Neo4j keeps distinct")
        for r in ch:
            if r.star is not None:
                trail(r)

    # ---- functions
    for i, t in enumerate(toks[:-1]):
        if t.kind != "word" or toks[i + 1].text != "(" or (i > 0 and toks[i - 1].text == "."):
            continue
        low = t.text.lower()
        if low == "sum":
            close = _match_close(toks, i + 1)
            if close < len(toks):
                edits.append((t.start, t.start, "coalesce("))
                edits.append((toks[close].end, toks[close].end, ", 0)"))
        elif low == "substring":
            close, args = _call_args(toks, i + 1)
            if len(args) in (2, 3):
                s0, s1 = args[1]
                a0, a1 = args[0]
                rest = f", size({query[toks[a0].start:toks[a1].end]})" if len(args) == 2 else ""
                edits.append((toks[s0].start, toks[s0].start, "("))
                edits.append((toks[s1].end, toks[s1].end, ") + 1" + rest))
        elif low == "type":
            edits.append((t.start, t.end, "label"))
        elif low == "labels":
            close = _match_close(toks, i + 1)
            if close < len(toks):
                edits.append((t.start, t.end, "[label"))
                edits.append((toks[close].end, toks[close].end, "]"))
        elif low == "properties":
            edits.append((t.start, t.end, ""))
        elif low in ("elementid", "id"):
            raise _unsupported(f"{t.text}() gives engine-specific ids; use the `id` property (n.id)")

    # ---- parameters: every one the query uses must be given; the engine rejects unused ones
    used = _params_used(toks)
    missing = sorted(used - set(params))
    if missing:
        raise EmbeddedError("missing parameter(s): " + ", ".join(f"${m}" for m in missing)
                            + " (give them with --param name=value)")
    params = {k: v for k, v in params.items() if k in used}

    out = query
    for start, end, text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        out = out[:start] + text + out[end:]
    return Translation(out, params, notes, *_return_columns(query, toks, depth))


# =========================================================================================== functions

_JAVA_DOUBLE = re.compile(r"[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)[fFdD]?)")
_JAVA_HEX = re.compile(r"[+-]?0[xX]([0-9a-fA-F]*\.?[0-9a-fA-F]*)[pP][+-]?\d+[fFdD]?")


def neo4j_to_float(value: str | None) -> float | None:
    """Neo4j's ``toFloat`` on a string: Java's ``Double.parseDouble`` (surrounding blanks ignored), null
    when the text is not a number."""
    if value is None:
        return None
    s = str(value).strip("".join(chr(c) for c in range(33)))
    if _JAVA_DOUBLE.fullmatch(s):
        body = s.rstrip("fFdD") if not s.endswith(("NaN", "Infinity")) else s
        if body.lstrip("+-") == "NaN":
            return math.nan
        if body.lstrip("+-") == "Infinity":
            return -math.inf if body.startswith("-") else math.inf
        return float(body)
    if _JAVA_HEX.fullmatch(s):
        try:
            return float.fromhex(s.rstrip("fFdD"))
        except ValueError:
            return None
    return None


def _register_functions(conn) -> None:
    # (a lambda: the engine reads a function's annotations, and these are strings here)
    conn.create_function("toFloat", lambda s: neo4j_to_float(s), ["STRING"], "DOUBLE", catch_exceptions=True)


# =========================================================================================== building


def _value_type(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return "BOOL"
    if isinstance(v, int):
        return "INT64"
    if isinstance(v, float):
        return "DOUBLE"
    if isinstance(v, str):
        return "STRING"
    if isinstance(v, list):
        inner = {_value_type(x) for x in v}
        if not inner:
            return "[]"
        if inner <= {"INT64", "DOUBLE"} and "DOUBLE" in inner:
            return "DOUBLE[]"
        if len(inner) == 1 and next(iter(inner)) in ("BOOL", "INT64", "DOUBLE", "STRING"):
            return next(iter(inner)) + "[]"
    return "JSON"


def _column_types(rows: Iterable[dict]) -> dict[str, str]:
    seen: dict[str, set[str]] = defaultdict(set)
    for props in rows:
        for k, v in props.items():
            t = _value_type(v)
            if t is not None:
                seen[k].add(t)
    out = {}
    for k, ts in seen.items():
        ts = set(ts)
        if "[]" in ts:
            ts.discard("[]")
            if not ts:
                ts = {"STRING[]"}
            elif not all(t.endswith("[]") for t in ts):
                ts.add("JSON")
        if ts == {"INT64", "DOUBLE"}:
            ts = {"DOUBLE"}
        if ts == {"INT64[]", "DOUBLE[]"}:
            ts = {"DOUBLE[]"}
        out[k] = ts.pop() if len(ts) == 1 and "JSON" not in ts else "STRING"
    return out


_COLNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _encode_cell(v: Any, typ: str) -> str | None:
    """One CSV cell: '' for null; strings and list elements carry a leading '=' so that an empty string
    is not read as null; list elements are joined with \\x1f."""
    if v is None:
        return ""
    if typ == "STRING":
        if isinstance(v, str):
            return "=" + v
        return "=" + json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)
    if typ.endswith("[]"):
        base = typ[:-2]
        return "=" + _SEP.join("=" + _scalar_text(x, base).replace(_SEP, " ") for x in v)
    return _scalar_text(v, typ)


def _scalar_text(v: Any, typ: str) -> str:
    if typ == "BOOL":
        return "true" if v else "false"
    if typ == "DOUBLE":
        return repr(float(v))
    if typ == "INT64":
        return str(int(v))
    return str(v)


def _decode_expr(col: str, typ: str) -> str:
    """The LOAD FROM expression that turns a CSV cell back into a value of ``typ``."""
    # right(s, size(s) - 1) drops the leading '=' (substring() inside list_transform crashes ladybug 0.22
    # on some non-ASCII text, and string_split drops empty elements, hence a marker on every element)
    strip = f"right({col}, size({col}) - 1)"
    if typ == "STRING":
        return f"CASE WHEN {col} IS NULL THEN NULL ELSE {strip} END"
    if typ.endswith("[]"):
        base = typ[:-2]
        elem = "right(x, size(x) - 1)" if base == "STRING" else f"CAST(right(x, size(x) - 1) AS {base})"
        return (f"CASE WHEN {col} IS NULL THEN NULL WHEN {col} = '=' THEN CAST([] AS {typ}) "
                f"ELSE list_transform(string_split({strip}, '{_SEP}'), x -> {elem}) END")
    return f"CAST({col} AS {typ})"


def _ddl_type(typ: str) -> str:
    return typ


def _write_csv(path: Path, header: list[str], rows: Iterable[list[str | None]]) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow(row)
            n += 1
    return n


# explicit dialect: the engine's sniffer looks at the first rows only and may decide there is no quoting;
# serial, because quoted fields may span lines
_CSV_OPTIONS = "(header=true, parallel=false, auto_detect=false, quote='\"', escape='\"', delim=',')"


def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def build_database(G: nx.MultiDiGraph, db_file: Path, *, workdir: Path | None = None) -> dict:
    """Write ``G`` into a new LadybugDB database at ``db_file`` (which must not exist). Returns counts."""
    import ladybug

    from kg.neo4j_store import NODE_LABELS, REL_TYPES, graph_rows

    t0 = time.perf_counter()
    nodes, rels = graph_rows(G)
    node_types = _column_types(r["props"] for rows in nodes.values() for r in rows)
    node_types.pop("id", None)
    rel_types = _column_types(r["props"] for rows in rels.values() for r in rows)
    for k, t in SCHEMA_NODE_COLUMNS.items():  # a property no node has is still a column (null), as in Neo4j
        node_types.setdefault(k, t)
    for k, t in SCHEMA_REL_COLUMNS.items():
        rel_types.setdefault(k, t)
    node_cols = sorted(k for k in node_types if _COLNAME.match(k))
    rel_cols = sorted(k for k in rel_types if _COLNAME.match(k))
    pairs: dict[str, set[tuple[str, str]]] = {r: set(SCHEMA_PAIRS.get(r, ())) for r in REL_TYPES}
    for (src, rel, dst) in rels:
        pairs.setdefault(rel, set()).add((src, dst))

    db = ladybug.Database(str(db_file), buffer_pool_size=1 << 30)
    conn = ladybug.Connection(db)
    counts = {"nodes": 0, "relationships": 0}
    tmp = Path(tempfile.mkdtemp(prefix="kg-ladybug-", dir=workdir))
    try:
        def run(q: str) -> None:
            conn.execute(q)

        for label in NODE_LABELS:
            cols = ", ".join(f"{_quote(c)} {_ddl_type(node_types[c])}" for c in node_cols)
            run(f"CREATE NODE TABLE {label}(id STRING PRIMARY KEY, {cols})")
        for rel in REL_TYPES:
            if not pairs.get(rel):
                continue
            ends = ", ".join(f"FROM {a} TO {b}" for a, b in sorted(pairs[rel]))
            cols = ", ".join(f"{_quote(c)} {_ddl_type(rel_types[c])}" for c in rel_cols)
            run(f"CREATE REL TABLE {rel}({ends}, {cols})")

        head = ["c_id", *(f"c{i}" for i in range(len(node_cols)))]
        for label, rows in nodes.items():
            f = tmp / f"n-{label}.csv"
            _write_csv(f, head, ([r["id"], *(_encode_cell(r["props"].get(c), node_types[c]) for c in node_cols)]
                                 for r in rows))
            decl = ", ".join(f"{h} STRING" for h in head)
            ret = ", ".join(["c_id", *(_decode_expr(f"c{i}", node_types[c]) for i, c in enumerate(node_cols))])
            run(f"COPY {label} FROM (LOAD WITH HEADERS ({decl}) FROM '{f}' {_CSV_OPTIONS} RETURN {ret})")
            counts["nodes"] += len(rows)
        rhead = ["c_from", "c_to", *(f"c{i}" for i in range(len(rel_cols)))]
        for (src, rel, dst), rows in sorted(rels.items()):
            f = tmp / f"r-{src}-{rel}-{dst}.csv"
            _write_csv(f, rhead, ([r["source"], r["target"],
                                   *(_encode_cell(r["props"].get(c), rel_types[c]) for c in rel_cols)]
                                  for r in rows))
            decl = ", ".join(f"{h} STRING" for h in rhead)
            ret = ", ".join(["c_from", "c_to", *(_decode_expr(f"c{i}", rel_types[c])
                                                 for i, c in enumerate(rel_cols))])
            run(f"COPY {rel} FROM (LOAD WITH HEADERS ({decl}) FROM '{f}' {_CSV_OPTIONS} RETURN {ret}) "
                f"(from='{src}', to='{dst}')")
            counts["relationships"] += len(rows)
    finally:
        conn.close()
        db.close()
        shutil.rmtree(tmp, ignore_errors=True)
    counts["seconds"] = round(time.perf_counter() - t0, 3)
    return counts


# =========================================================================================== the cache


def _graph_stamp(graph: Path) -> dict:
    import ladybug

    st = graph.stat()
    return {"graph": str(graph.resolve()), "size": st.st_size, "mtime_ns": st.st_mtime_ns, "inode": st.st_ino,
            "layout": LAYOUT_VERSION, "ladybug": ladybug.__version__}


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kg" / "ladybug"


def database_dir(graph: Path) -> Path:
    """Where the embedded copy of ``graph`` lives: ``GRAPH.ladybug/`` beside it when that folder can be
    written, else a folder under ``$XDG_CACHE_HOME/kg/ladybug/`` named after the graph file's path."""
    graph = Path(graph).resolve()
    sibling = graph.with_name(graph.name + ".ladybug")
    if os.access(graph.parent, os.W_OK) or (sibling.exists() and os.access(sibling, os.W_OK)):
        return sibling
    return _cache_root() / hashlib.sha1(str(graph).encode()).hexdigest()[:16]


def _read_stamp(d: Path) -> dict | None:
    try:
        return json.loads((d / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def ensure_database(graph: Path, *, rebuild: bool = False) -> Path:
    """The embedded database file for ``graph``, built or rebuilt first if missing or stale."""
    from kg.store import load_graph

    graph = Path(graph)
    if not graph.exists():
        load_graph(graph)  # raises the usual "no such graph file" error
    d = database_dir(graph)
    stamp = _graph_stamp(graph)
    if not rebuild and _read_stamp(d) == stamp and (d / DB_FILE).exists():
        return d / DB_FILE
    d.parent.mkdir(parents=True, exist_ok=True)
    lock_path = d.with_name("." + d.name + ".lock")
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not rebuild and _read_stamp(d) == stamp and (d / DB_FILE).exists():
            return d / DB_FILE  # another process built it while we waited
        G = load_graph(graph)
        tmp = Path(tempfile.mkdtemp(prefix="." + d.name + ".tmp-", dir=d.parent))
        try:
            try:
                build_database(G, tmp / DB_FILE, workdir=tmp)
            except RuntimeError as e:
                raise EmbeddedError(f"could not build the embedded copy of {graph} in {d}: "
                                    f"{' '.join(str(e).split())[:300]}") from None
            (tmp / STAMP_FILE).write_text(json.dumps(stamp, indent=1), encoding="utf-8")
            old = None
            if d.exists():
                old = d.with_name("." + d.name + f".old-{os.getpid()}-{time.monotonic_ns()}")
                os.replace(d, old)
            os.replace(tmp, d)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    return d / DB_FILE


# =========================================================================================== running


def _plain(v: Any, as_map: bool = False) -> Any:
    """Engine values -> what :func:`kg.neo4j_store.run_cypher` returns for the same value."""
    if isinstance(v, dict):
        if "_NODES" in v and "_RELS" in v:  # a path: [node, TYPE, node, ...] as neo4j's Record.data()
            out = [_plain(v["_NODES"][0])] if v["_NODES"] else []
            for rel, node in zip(v["_RELS"], v["_NODES"][1:]):
                out.append(rel.get("_LABEL"))
                out.append(_plain(node))
            return out
        if "_SRC" in v and "_DST" in v and as_map:  # properties(r)
            return {k: _plain(x) for k, x in v.items() if not k.startswith("_") and x is not None}
        if "_SRC" in v and "_DST" in v:
            raise _unsupported("returning a whole relationship; return its properties or type(r)")
        if "_ID" in v and "_LABEL" in v:  # a node: its properties, as Neo4j has them (no nulls)
            return {k: _plain(x) for k, x in v.items() if not k.startswith("_") and x is not None}
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_plain(x) for x in v]
    if v is None or isinstance(v, str | int | float | bool):
        return v
    if isinstance(v, Decimal):  # sums of integers are INT128
        return int(v) if v == v.to_integral_value() else float(v)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)


class EmbeddedGraph:
    """A read-only connection to the embedded copy of one graph file."""

    def __init__(self, graph: Path):
        import ladybug

        self.graph = Path(graph)
        self.db_file = ensure_database(self.graph)
        self.stamp = _read_stamp(self.db_file.parent)
        self.db = ladybug.Database(str(self.db_file), read_only=True, buffer_pool_size=1 << 30)
        self.conn = ladybug.Connection(self.db)
        _register_functions(self.conn)
        n_rels = self._scalar("MATCH ()-[r]->() RETURN count(r)") or 0
        # an unbounded *.. must see every trail: no trail is longer than the number of relationships
        self.conn.execute(f"CALL var_length_extend_max_depth={max(30, int(n_rels))}")
        self.lock = threading.Lock()

    def _scalar(self, q: str) -> Any:
        r = self.conn.execute(q)
        return r.get_next()[0] if r.has_next() else None

    def fresh(self) -> bool:
        try:
            return _graph_stamp(self.graph) == self.stamp
        except OSError:
            return False

    def run(self, query: str, params: dict[str, Any] | None = None) -> list[dict]:
        tr = translate(query, params)
        with self.lock:
            try:
                res = self.conn.execute(tr.query, tr.params)
            except RuntimeError as e:
                msg = " ".join(str(e).split())
                if "read-only" in msg.lower() or "read only" in msg.lower():
                    raise EmbeddedWriteRefused("refused: the embedded graph is read-only") from None
                raise EmbeddedUnsupported(f"the embedded engine cannot run this query ({msg[:300]}); "
                                          "run it on Neo4j with --neo4j") from None
            cols = res.get_column_names()
            if tr.columns is not None and len(tr.columns) == len(cols):
                cols = tr.columns
            rows = []
            while res.has_next():
                rows.append(dict(zip(cols, (_plain(v, k in tr.property_columns)
                                            for k, v in enumerate(res.get_next())))))
            res.close()
        return rows

    def close(self) -> None:
        self.conn.close()
        self.db.close()


_OPEN_GRAPHS: dict[str, EmbeddedGraph] = {}
_OPEN_LOCK = threading.Lock()


def open_graph(graph: Path) -> EmbeddedGraph:
    """The (cached) embedded graph of ``graph``, reopened when the graph file changed."""
    key = str(Path(graph).resolve())
    with _OPEN_LOCK:
        g = _OPEN_GRAPHS.get(key)
        if g is not None and g.fresh():
            return g
        if g is not None:
            g.close()
            del _OPEN_GRAPHS[key]
        g = _OPEN_GRAPHS[key] = EmbeddedGraph(Path(graph))
        return g


def close_all() -> None:
    with _OPEN_LOCK:
        for g in _OPEN_GRAPHS.values():
            g.close()
        _OPEN_GRAPHS.clear()


def run_cypher(query: str, params: dict[str, Any] | None, graph: Path) -> list[dict]:
    """Run read-only Cypher on the embedded copy of ``graph``; rows as dicts (nodes as property maps)."""
    return open_graph(graph).run(query, params)
