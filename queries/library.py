"""The named query library: parameterised Cypher in ``queries/*.cypher`` that runs unchanged on the embedded
graph (:mod:`kg.embedded`) and on Neo4j (:mod:`kg.neo4j_store`).

Each file is one query; its stem is the query's name. It starts with

    // <one-line description>
    // params: $a, $b            (or: // params: none)

and may have more ``//`` comment lines before the Cypher text. Queries take their inputs only as
``$parameters`` and use only Cypher that both engines read the same way (see README "Cypher").
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from kg.errors import KGError

Backend = Literal["embedded", "neo4j"]
BACKENDS: tuple[str, ...] = ("embedded", "neo4j")
_PARAMS_LINE = re.compile(r"^//\s*params:\s*(.*)$", re.IGNORECASE)
_PARAM = re.compile(r"^\$([A-Za-z_][A-Za-z0-9_]*)$")
_USED = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class UnknownQuery(KGError):
    """No named query has that name."""


class QueryParamError(KGError):
    """Parameters missing or not known to the query."""


class QueryFileError(KGError):
    """A .cypher file of the library is malformed."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[str, ...]
    text: str  # the whole file: comments included (both engines skip them)

    def as_dict(self) -> dict:
        return {"name": self.name, "description": self.description, "params": list(self.params)}


def parse_query(name: str, text: str) -> NamedQuery:
    """A library file's text -> :class:`NamedQuery`. Raises :class:`QueryFileError` if its header is wrong."""
    lines = text.splitlines()
    if len(lines) < 3 or not lines[0].startswith("//") or not lines[0][2:].strip():
        raise QueryFileError(f"{name}.cypher: the first line must be `// <one-line description>`")
    description = lines[0][2:].strip()
    m = _PARAMS_LINE.match(lines[1].strip())
    if not m:
        raise QueryFileError(f"{name}.cypher: the second line must be `// params: $a, $b` (or `// params: none`)")
    spec = m.group(1).strip()
    params: list[str] = []
    if spec.lower() not in ("", "none"):
        for p in (s.strip() for s in spec.split(",")):
            pm = _PARAM.match(p)
            if not pm:
                raise QueryFileError(f"{name}.cypher: {p!r} in the params line is not a $parameter")
            params.append(pm.group(1))
    body = "\n".join(line for line in lines if not line.lstrip().startswith("//"))
    used = sorted(set(_USED.findall(body)))
    if sorted(params) != used:
        raise QueryFileError(f"{name}.cypher: the params line lists {sorted(params)} but the query uses {used}")
    return NamedQuery(name, description, tuple(params), text)


@lru_cache(maxsize=1)
def _library() -> dict[str, NamedQuery]:
    files = {f.name[: -len(".cypher")]: f for f in resources.files("queries").iterdir()
             if f.name.endswith(".cypher")}
    return {name: parse_query(name, files[name].read_text(encoding="utf-8")) for name in sorted(files)}


def list_queries() -> list[NamedQuery]:
    """Every named query, by name."""
    return list(_library().values())


def get(name: str) -> NamedQuery:
    """The named query ``name``; :class:`UnknownQuery` (with the closest names) if there is none."""
    lib = _library()
    if name in lib:
        return lib[name]
    close = difflib.get_close_matches(name, list(lib), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise UnknownQuery(f"no named query {name!r}{hint} (`kg query --list` lists them)")


def check_params(q: NamedQuery, params: dict[str, Any] | None) -> dict[str, Any]:
    """``params`` if they are exactly the query's parameters; :class:`QueryParamError` otherwise."""
    params = dict(params or {})
    missing = [p for p in q.params if p not in params]
    extra = sorted(set(params) - set(q.params))
    if missing or extra:
        want = " ".join(f"--param {p}=..." for p in q.params) or "no parameters"
        what = []
        if missing:
            what.append("missing " + ", ".join(f"${p}" for p in missing))
        if extra:
            what.append("unknown " + ", ".join(f"${p}" for p in extra))
        raise QueryParamError(f"query {q.name!r}: {'; '.join(what)} (it takes {want})")
    return params


def run_query(name: str, params: dict[str, Any] | None = None, backend: Backend = "embedded", *,
              graph: Path | str | None = None, driver=None, database: str | None = None) -> list[dict]:
    """Run the named query and return its rows as dicts, in the query's order.

    ``backend="embedded"`` runs it on the graph file ``graph`` (default ``$KG_GRAPH`` or ``kg-graph.json``)
    with no server; ``backend="neo4j"`` on Neo4j (``driver``, or a connection from ``NEO4J_URI`` etc.).
    """
    q = get(name)
    params = check_params(q, params)
    if backend == "embedded":
        from kg.embedded import run_cypher as run_embedded

        return run_embedded(q.text, params, default_graph(graph))
    if backend == "neo4j":
        from kg.neo4j_store import run_cypher

        return run_cypher(q.text, params, write=False, driver=driver, database=database)
    raise KGError(f"unknown backend {backend!r} (one of {', '.join(BACKENDS)})")


def default_graph(graph: Path | str | None = None) -> Path:
    """``graph``, else ``$KG_GRAPH``, else ``kg-graph.json`` (as the CLI's ``-g``)."""
    import os

    return Path(graph) if graph is not None else Path(os.environ.get("KG_GRAPH", "kg-graph.json"))


def source_dir() -> Path:
    """The folder the library's files are read from (for messages and docs)."""
    return Path(str(resources.files("queries")))
