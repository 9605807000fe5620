"""The graph in Neo4j: push it (idempotent, incremental), ask it the same look-ups, run Cypher.

Connection settings come from the environment -- ``NEO4J_URI`` (e.g. ``bolt://localhost:7687``),
``NEO4J_USER`` (default ``neo4j``), ``NEO4J_PASSWORD`` and optionally ``NEO4J_DATABASE`` -- or from
arguments, which win. The password is never printed or logged; failures raise :class:`Neo4jStoreError`
subclasses (:class:`kg.errors.KGError`) whose message is one line saying what to fix.

Mapping (see README "Graph schema"): a node's ``kind`` is its label and its key is the ``id`` property
(unique per label, see ``kg/data/schema.cypher``); an edge's key (its ``rel``) is the relationship type, and
(source id, type, target id) identifies a relationship. Properties are those of the JSON export, encoded for
Neo4j, which stores only scalars and lists of one scalar type:

- ``None`` values are left out;
- ``evidence`` (a list of ``{sentence, start, end, field}``) becomes a JSON string ``evidence`` plus
  ``evidence_sentences``, the list of its sentences, in order;
- other lists of scalars of one type stay lists (``aliases``, ``authors``, ``papers``, ...); any other list or
  dict is stored as JSON text;
- derived properties, so that Cypher can answer the look-ups of :mod:`queries.lookups` exactly:
  ``norm_forms`` on entity nodes (``kg.text.norm`` of name, aliases and long form: match a name with
  ``$key IN n.norm_forms``), and ``out_index`` on relationships (the edge's position among its source
  node's outgoing edges in the graph, which decides which match the embedded look-ups report first).

A push writes a node's and a relationship's properties to mirror the graph (``SET n = $props``: a property
the graph no longer has is removed); it never deletes nodes or relationships.
"""
from __future__ import annotations

import json
import logging
import os
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any, get_args

import networkx as nx

from kg.errors import KGError, UnknownEntity
from kg.text import norm
from queries.lookups import ENTITY_KINDS as _LOOKUP_KINDS
from queries.lookups import FILTER_KINDS, USE_RELS, top
from queries.lookups import _forms as _lookup_forms  # the exact forms the embedded look-ups match
from schemas import ENTITY_KINDS
from schemas.models import RelType

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

#: Node labels (= node ``kind``) and relationship types (= edge key) that may appear in query text.
NODE_LABELS: tuple[str, ...] = ("Paper", *ENTITY_KINDS, "Author", "Result")
REL_TYPES: tuple[str, ...] = (*get_args(RelType), "REPORTS", "ON_BENCHMARK", "OF", "PART_OF", "AUTHORED")
_NAME_RE = re.compile(r"^[A-Z][A-Za-z_]*$")
_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
DEFAULT_USER = "neo4j"

# relationships the look-ups read (see queries.lookups.card)
_USER_RELS = ("USES", "USES_MODEL", "USES_DATASET", "EVALUATES_ON", "COMPARES_WITH")


# ------------------------------------------------------------------------------------------ errors


class Neo4jStoreError(KGError):
    """Something went wrong talking to Neo4j; the message (one line) says what to do."""


class Neo4jConfigError(Neo4jStoreError):
    """NEO4J_URI / NEO4J_PASSWORD missing or malformed."""


class Neo4jConnectionError(Neo4jStoreError):
    """The server cannot be reached."""


class Neo4jAuthError(Neo4jStoreError):
    """The server rejected the user name or password."""


class Neo4jQueryError(Neo4jStoreError):
    """The server rejected a query (syntax, constraint, ...)."""


class WriteNotAllowed(Neo4jStoreError):
    """A query that writes was run without ``write=True`` (``kg cypher --write``)."""


def _one_line(text: object, limit: int = 300) -> str:
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _safe_uri(uri: str) -> str:
    """The URI without any ``user:password@`` part, for messages."""
    return re.sub(r"//[^/@]*@", "//", uri)


def _neo4j_message(e: Exception) -> str:
    return _one_line(getattr(e, "message", None) or e)


@contextmanager
def _translated(doing: str) -> Iterator[None]:
    """Turn driver exceptions raised while ``doing`` something into one-line :class:`KGError`s."""
    from neo4j import exceptions as nx4

    try:
        yield
    except KGError:
        raise
    except nx4.AuthError as e:
        raise Neo4jAuthError(f"Neo4j rejected the login while {doing}: check NEO4J_USER/NEO4J_PASSWORD "
                             f"({_neo4j_message(e)})") from None
    except (nx4.ServiceUnavailable, nx4.SessionExpired) as e:
        raise Neo4jConnectionError(f"lost the connection to Neo4j while {doing}: {_one_line(e)}") from None
    except nx4.Neo4jError as e:
        if e.code == "Neo.ClientError.Statement.AccessMode":
            raise WriteNotAllowed("refused: this query writes to the database; add --write to run it") from None
        raise Neo4jQueryError(f"Neo4j error while {doing}: {_neo4j_message(e)}") from None
    except nx4.DriverError as e:
        raise Neo4jStoreError(f"Neo4j driver error while {doing}: {type(e).__name__}: {_one_line(e)}") from None


# ------------------------------------------------------------------------------------------ connecting


def _database(database: str | None = None) -> str | None:
    return database or os.environ.get("NEO4J_DATABASE") or None


def connect(uri: str | None = None, user: str | None = None, password: str | None = None):
    """A ``neo4j.Driver`` that has logged in (the caller closes it).

    Arguments override ``NEO4J_URI`` / ``NEO4J_USER`` (default ``neo4j``) / ``NEO4J_PASSWORD``. One login
    attempt only: a rejected password raises :class:`Neo4jAuthError` at once (Neo4j locks an account after a
    few failures in a row, so retrying would only make things worse).
    """
    import neo4j
    from neo4j import exceptions as nx4

    uri = uri or os.environ.get("NEO4J_URI")
    if not uri:
        raise Neo4jConfigError("no Neo4j server given: set NEO4J_URI (e.g. bolt://localhost:7687) or pass --uri")
    user = user or os.environ.get("NEO4J_USER") or DEFAULT_USER
    if password is None:
        password = os.environ.get("NEO4J_PASSWORD")
    if password is None:
        raise Neo4jConfigError(f"no password for {user} on {_safe_uri(uri)}: set NEO4J_PASSWORD")
    safe = _safe_uri(uri)
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in _SCHEMES:
        raise Neo4jConfigError(f"NEO4J_URI {safe!r} is not a Bolt URI: use bolt://HOST:7687 "
                               f"(schemes: {', '.join(_SCHEMES)})")
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=(user, password), notifications_min_severity="OFF",
                                            connection_timeout=15.0)
    except (nx4.ConfigurationError, ValueError) as e:
        raise Neo4jConfigError(f"bad NEO4J_URI {safe!r}: {_one_line(e)}") from None
    try:
        driver.verify_connectivity()
    except nx4.AuthError as e:
        driver.close()
        hint = ""
        if "AuthenticationRateLimit" in str(getattr(e, "code", "")):
            hint = " (too many failed logins in a row: the account is locked for a few seconds)"
        raise Neo4jAuthError(f"cannot log in to {safe} as {user}: check NEO4J_USER/NEO4J_PASSWORD{hint}") from None
    except (nx4.ServiceUnavailable, nx4.SessionExpired, OSError) as e:
        driver.close()
        reason = re.search(r"reason ([^)]*)\)", str(e))
        raise Neo4jConnectionError(f"cannot reach Neo4j at {safe}: is the server running? check NEO4J_URI "
                                   f"({reason.group(1) if reason else _one_line(e, 160)})") from None
    except nx4.DriverError as e:
        driver.close()
        raise Neo4jConnectionError(f"cannot connect to Neo4j at {safe}: {_one_line(e, 200)}") from None
    except nx4.Neo4jError as e:
        driver.close()
        raise Neo4jConnectionError(f"Neo4j at {safe} refused the connection: {_neo4j_message(e)}") from None
    return driver


@contextmanager
def _using(driver=None, uri: str | None = None, user: str | None = None, password: str | None = None):
    """The given driver, or a new one from the settings that is closed afterwards."""
    if driver is not None:
        yield driver
        return
    own = connect(uri, user, password)
    try:
        yield own
    finally:
        own.close()


# ------------------------------------------------------------------------------------------ schema


def check_label(label: object) -> str:
    """``label`` if it is a known node label (it goes into query text, so it must be one)."""
    if not isinstance(label, str) or not _NAME_RE.match(label) or label not in NODE_LABELS:
        raise Neo4jStoreError(f"{label!r} is not a node kind kg knows ({', '.join(NODE_LABELS)})")
    return label


def check_type(rel: object) -> str:
    """``rel`` if it is a known relationship type (it goes into query text, so it must be one)."""
    if not isinstance(rel, str) or not _NAME_RE.match(rel) or rel not in REL_TYPES:
        raise Neo4jStoreError(f"{rel!r} is not a relationship type kg knows ({', '.join(REL_TYPES)})")
    return rel


def schema_statements() -> list[str]:
    """The statements of ``kg/data/schema.cypher`` (comments dropped), in order."""
    text = resources.files("kg").joinpath("data/schema.cypher").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [s.strip() for s in body.split(";") if s.strip()]


def ensure_schema(driver, database: str | None = None) -> list[str]:
    """Create kg's constraints and indexes if missing (``IF NOT EXISTS``), wait until they are online.

    Returns the statements run.
    """
    stmts = schema_statements()
    db = _database(database)
    with _translated("creating the schema (constraints and indexes)"):
        for stmt in stmts:
            driver.execute_query(stmt, database_=db)
        driver.execute_query("CALL db.awaitIndexes(300)", database_=db)
    return stmts


# ------------------------------------------------------------------------------------------ encoding


def _scalar_type(v: object) -> str | None:
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "long"
    if isinstance(v, float):
        return "double"
    if isinstance(v, str):
        return "string"
    return None


def _json(v: object) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)


def encode_properties(d: dict) -> dict[str, Any]:
    """Graph attributes -> Neo4j properties (see the module docstring)."""
    out: dict[str, Any] = {}
    for k, v in d.items():
        if v is None:
            continue
        if k == "evidence" and isinstance(v, list | tuple):
            out["evidence"] = _json(list(v))
            out["evidence_sentences"] = [str((e or {}).get("sentence") or "") if isinstance(e, dict) else str(e)
                                         for e in v]
        elif isinstance(v, list | tuple):
            types = {_scalar_type(x) for x in v}
            out[k] = list(v) if None not in types and len(types) <= 1 else _json(list(v))
        elif isinstance(v, dict):
            out[k] = _json(v)
        elif _scalar_type(v) is not None:
            out[k] = v
        else:
            out[k] = str(v)
    return out


def node_properties(node_id: str, d: dict) -> dict[str, Any]:
    """The Neo4j properties of one node (``id`` included; ``norm_forms`` on entities)."""
    props = encode_properties(d)
    props["id"] = node_id
    if d.get("kind") in _LOOKUP_KINDS:
        props["norm_forms"] = sorted(_lookup_forms(d))
    return props


def node_label(G: nx.MultiDiGraph, node_id: str) -> str:
    kind = G.nodes[node_id].get("kind")
    if kind not in NODE_LABELS:
        raise Neo4jStoreError(f"node {node_id!r} has kind {kind!r}; kg pushes only {', '.join(NODE_LABELS)} "
                              "(rebuild the graph with `kg build`)")
    return check_label(kind)


def graph_rows(G: nx.MultiDiGraph) -> tuple[dict[str, list[dict]], dict[tuple[str, str, str], list[dict]]]:
    """Rows to write: nodes by label (``{id, props}``) and relationships by (source label, type, target
    label) (``{source, target, props}``). Raises :class:`Neo4jStoreError` on an unknown kind or type."""
    labels = {n: node_label(G, n) for n in G.nodes}
    nodes: dict[str, list[dict]] = defaultdict(list)
    for n, d in G.nodes(data=True):
        nodes[labels[n]].append({"id": n, "props": node_properties(n, d)})
    rels: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    out_index: Counter = Counter()
    for u, v, k, d in G.edges(keys=True, data=True):  # per node, in G.out_edges(u) order
        props = encode_properties(d)
        props["out_index"] = out_index[u]
        out_index[u] += 1
        rels[(labels[u], check_type(k), labels[v])].append({"source": u, "target": v, "props": props})
    return dict(nodes), dict(rels)


# ------------------------------------------------------------------------------------------ push


def node_query(label: str) -> str:
    return (f"UNWIND $rows AS row MERGE (n:{check_label(label)} {{id: row.id}}) SET n = row.props "
            "RETURN count(*) AS n")


def relationship_query(source_label: str, rel: str, target_label: str) -> str:
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{check_label(source_label)} {{id: row.source}}) "
            f"MATCH (b:{check_label(target_label)} {{id: row.target}}) "
            f"MERGE (a)-[r:{check_type(rel)}]->(b) SET r = row.props RETURN count(*) AS n")


def _chunks(rows: list, size: int) -> Iterable[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _label_order(label: str) -> int:
    return NODE_LABELS.index(label)


def database_counts(driver, database: str | None = None) -> dict[str, dict[str, int]]:
    """Nodes per label and relationships per type currently in the database (kg's labels and types)."""
    db = _database(database)
    with _translated("counting nodes and relationships"):
        nodes = {}
        for label in NODE_LABELS:
            recs, _, _ = driver.execute_query(f"MATCH (n:{check_label(label)}) RETURN count(n) AS n",
                                              database_=db, routing_="r")
            if recs[0]["n"]:
                nodes[label] = recs[0]["n"]
        rels = {}
        for rel in REL_TYPES:
            recs, _, _ = driver.execute_query(f"MATCH ()-[r:{check_type(rel)}]->() RETURN count(r) AS n",
                                              database_=db, routing_="r")
            if recs[0]["n"]:
                rels[rel] = recs[0]["n"]
    return {"nodes": nodes, "relationships": dict(sorted(rels.items()))}


def push_graph(G: nx.MultiDiGraph, driver=None, batch_size: int = 1000, progress: Progress | None = None, *,
               uri: str | None = None, user: str | None = None, password: str | None = None,
               database: str | None = None) -> dict:
    """Write ``G`` to Neo4j, idempotently: ``MERGE`` on ``id`` per label and on (source, type, target).

    Creates the schema first (:func:`ensure_schema`), then writes nodes grouped by label and relationships
    grouped by (source label, type, target label), ``batch_size`` rows per transaction
    (``UNWIND $rows ...``). ``progress(done, total)`` is called after each batch (rows of both kinds).
    Without ``driver``, connects with ``uri``/``user``/``password`` or the NEO4J_* environment.

    Returns ``{"nodes": {"created", "total", "by_label": {label: {"created", "total"}}},
    "relationships": {"created", "total", "by_type": {type: {"created", "total"}}},
    "database": {"nodes": {label: n}, "relationships": {type: n}}, "seconds"}`` where ``total`` counts what
    this graph has and ``created`` what was new to the database. Raises :class:`Neo4jStoreError` if a batch
    did not write every row.
    """
    if batch_size < 1:
        raise KGError(f"batch_size must be at least 1 (got {batch_size})")
    t0 = time.perf_counter()
    nodes, rels = graph_rows(G)
    total = sum(map(len, nodes.values())) + sum(map(len, rels.values()))
    by_label = {lab: {"created": 0, "total": len(nodes[lab])} for lab in sorted(nodes, key=_label_order)}
    by_type = {rel: {"created": 0, "total": 0} for rel in sorted({rel for _, rel, _ in rels})}
    for (_, rel, _), rows in rels.items():
        by_type[rel]["total"] += len(rows)
    done = 0
    db = _database(database)
    with _using(driver, uri, user, password) as drv:
        ensure_schema(drv, db)
        if progress:
            progress(0, total)
        with _translated("writing nodes"):
            for label in by_label:
                query = node_query(label)
                for chunk in _chunks(nodes[label], batch_size):
                    recs, summary, _ = drv.execute_query(query, parameters_={"rows": chunk}, database_=db)
                    if recs[0]["n"] != len(chunk):
                        raise Neo4jStoreError(f"Neo4j wrote {recs[0]['n']} of {len(chunk)} {label} nodes; "
                                              "nothing else was changed by this batch")
                    by_label[label]["created"] += summary.counters.nodes_created
                    done += len(chunk)
                    if progress:
                        progress(done, total)
        with _translated("writing relationships"):
            for (src, rel, dst), rows in sorted(rels.items()):
                query = relationship_query(src, rel, dst)
                for chunk in _chunks(rows, batch_size):
                    recs, summary, _ = drv.execute_query(query, parameters_={"rows": chunk}, database_=db)
                    if recs[0]["n"] < len(chunk):  # (more: duplicates made outside kg, all updated)
                        raise Neo4jStoreError(f"Neo4j wrote {recs[0]['n']} of {len(chunk)} {rel} relationships "
                                              f"({src}->{dst}): some end nodes are missing")
                    by_type[rel]["created"] += summary.counters.relationships_created
                    done += len(chunk)
                    if progress:
                        progress(done, total)
        in_db = database_counts(drv, db)
    log.info("pushed %d nodes (%d new), %d relationships (%d new) in %.1f s",
             sum(c["total"] for c in by_label.values()), sum(c["created"] for c in by_label.values()),
             sum(c["total"] for c in by_type.values()), sum(c["created"] for c in by_type.values()),
             time.perf_counter() - t0)
    return {
        "nodes": {"created": sum(c["created"] for c in by_label.values()),
                  "total": sum(c["total"] for c in by_label.values()), "by_label": by_label},
        "relationships": {"created": sum(c["created"] for c in by_type.values()),
                          "total": sum(c["total"] for c in by_type.values()), "by_type": by_type},
        "database": in_db,
        "seconds": round(time.perf_counter() - t0, 3),
    }


# ------------------------------------------------------------------------------------------ Cypher


_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def parse_params(pairs: Iterable[str]) -> dict[str, Any]:
    """``["name=text", "k:=3", "ids:=[\\"a\\",\\"b\\"]"]`` -> ``{"name": "text", "k": 3, "ids": ["a", "b"]}``.

    ``name=value`` gives the string ``value``; ``name:=json`` parses the value as JSON (numbers, lists,
    true/false/null), so that ``--param id=2401.12345`` stays a string.
    """
    params: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise KGError(f"--param {pair!r}: write name=value (text) or name:=JSON")
        as_json = name.endswith(":")
        name = name[:-1] if as_json else name
        if not _PARAM_NAME.match(name):
            raise KGError(f"--param {pair!r}: {name!r} is not a parameter name (letters, digits, _)")
        if as_json:
            try:
                params[name] = json.loads(value)
            except ValueError as e:
                raise KGError(f"--param {pair!r}: not JSON ({e}); use {name}=... for text") from None
        else:
            params[name] = value
    return params


def _plain(v: Any) -> Any:
    """Record values -> JSON-friendly Python (temporal values as ISO text)."""
    if v is None or isinstance(v, str | int | float | bool):
        return v
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_plain(x) for x in v]
    if hasattr(v, "iso_format"):
        return v.iso_format()
    return str(v)


_EXPLAIN = re.compile(r"^\s*(EXPLAIN|PROFILE)\b", re.IGNORECASE)


def query_type(session, query: str, params: dict | None = None) -> str:
    """Neo4j's classification of a query without running it: ``r``, ``w``, ``rw`` or ``s`` (schema)."""
    m = _EXPLAIN.match(query)
    if m and m.group(1).upper() == "EXPLAIN":
        return "r"  # EXPLAIN never runs anything
    probe = "EXPLAIN " + (query[m.end():] if m else query)
    return session.run(probe, params or {}).consume().query_type


def run_cypher(query: str, params: dict | None = None, write: bool = False, driver=None, *,
               uri: str | None = None, user: str | None = None, password: str | None = None,
               database: str | None = None) -> list[dict]:
    """Run ``query`` with ``params`` and return its rows as dicts (nodes as their property maps).

    Read-only unless ``write``: the query is classified with ``EXPLAIN`` first and refused
    (:class:`WriteNotAllowed`) unless Neo4j says it only reads, then run in a READ transaction, which the
    server also enforces. With ``write=True`` it runs as an auto-commit transaction (so that
    ``CALL {...} IN TRANSACTIONS`` and schema commands work).
    """
    params = dict(params or {})
    db = _database(database)
    with _using(driver, uri, user, password) as drv, _translated("running the query"):
        with drv.session(database=db) as session:
            if not write:
                kind = query_type(session, query, params)
                if kind != "r":
                    what = {"w": "writes", "rw": "reads and writes", "s": "changes the schema"}.get(kind, kind)
                    raise WriteNotAllowed(f"refused: this query {what} (Neo4j query type {kind!r}); "
                                          "add --write to run it")
                return session.execute_read(lambda tx: [_plain(r.data()) for r in tx.run(query, params)])
            return [_plain(r.data()) for r in session.run(query, params)]


# ------------------------------------------------------------------------------------------ look-ups


def _label_expr(kinds: Iterable[str]) -> str:
    return "|".join(check_label(k) for k in sorted(kinds))


def _rel_expr(rels: Iterable[str]) -> str:
    return "|".join(check_type(r) for r in sorted(rels))


def _find(tx, name: str, kinds: Iterable[str] | None = None) -> list[dict]:
    """Like ``queries.lookups.find_entities``: ``[{id, eid, kind}]``, exact canonical names first, then id."""
    key = norm(name)
    rows = tx.run(f"MATCH (n:{_label_expr(kinds or _LOOKUP_KINDS)}) WHERE $key IN n.norm_forms "
                  "RETURN n.id AS id, elementId(n) AS eid, n.kind AS kind, n.name AS name", key=key).data()
    return sorted(rows, key=lambda r: (norm(r["name"] or "") != key, r["id"]))


def _members(tx, eids: list[str]) -> list[str]:
    """Element ids of the entities and of everything PART_OF them, transitively."""
    rows = tx.run("MATCH (t) WHERE elementId(t) IN $eids MATCH (m)-[:PART_OF*0..]->(t) "
                  "RETURN DISTINCT elementId(m) AS eid", eids=eids).data()
    return [r["eid"] for r in rows]


def _first_hits(tx, targets: list[str], rels: set[str], variants: bool) -> dict[str, dict]:
    """For each paper with an edge of ``rels`` to a target, the first such edge (``out_index`` order) as
    ``{entity, evidence}``; then, when ``variants``, papers proposing a method that BUILDS_ON a target in that
    paper's words (as in ``queries.lookups._paper_matches``)."""
    hits: dict[str, dict] = {}
    for r in tx.run(f"MATCH (t) WHERE elementId(t) IN $targets MATCH (p:Paper)-[r:{_rel_expr(rels)}]->(t) "
                    "WITH p, r, t ORDER BY r.out_index "
                    "WITH p, collect({entity: t.name, evidence: r.evidence_sentences[0]}) AS hits "
                    "RETURN p.id AS id, hits[0] AS hit", targets=targets):
        hits[r["id"]] = r["hit"]
    if variants:
        for r in tx.run("MATCH (base) WHERE elementId(base) IN $targets "
                        "MATCH (p:Paper)-[pr:PROPOSES]->(v)-[b:BUILDS_ON]->(base) WHERE p.id IN b.papers "
                        "WITH p, pr, b, base ORDER BY pr.out_index, b.out_index "
                        "WITH p, collect({entity: base.name, evidence: b.evidence_sentences[0]}) AS hits "
                        "RETURN p.id AS id, hits[0] AS hit", targets=targets):
            hits.setdefault(r["id"], r["hit"])
    return hits


def _papers_tx(tx, filters: dict[str, str]) -> list[dict]:
    target_sets = {}
    for f, name in filters.items():
        found = _find(tx, name, FILTER_KINDS[f])
        if not found:
            raise UnknownEntity(f"no {f} called {name!r} in the graph; try `kg show {name}` or `kg stats`")
        target_sets[f] = _members(tx, [r["eid"] for r in found])
    matched: dict[str, dict[str, dict]] | None = None
    for f, targets in target_sets.items():
        hits = _first_hits(tx, targets, USE_RELS[f], variants=f == "method")
        if matched is None:
            matched = {p: {f: h} for p, h in hits.items()}
        else:
            matched = {p: {**why, f: hits[p]} for p, why in matched.items() if p in hits}
    if matched is None:
        query, params = "MATCH (p:Paper) RETURN p.id AS id, p.title AS title, p.arxiv_id AS arxiv_id, " \
                        "p.date AS date", {}
    else:
        query = ("MATCH (p:Paper) WHERE p.id IN $ids RETURN p.id AS id, p.title AS title, "
                 "p.arxiv_id AS arxiv_id, p.date AS date")
        params = {"ids": sorted(matched)}
    rows = []
    for r in tx.run(query, params):
        why = matched[r["id"]] if matched is not None else {}
        rows.append({"id": r["id"], "title": r["title"], "arxiv_id": r["arxiv_id"], "date": r["date"],
                     "matched": {f: {"entity": h["entity"], "evidence": h["evidence"]} for f, h in why.items()}})
    rows.sort(key=lambda r: (r["date"] or "", r["id"]), reverse=True)
    return rows


def neo4j_papers(method: str | None = None, benchmark: str | None = None, model: str | None = None,
                 dataset: str | None = None, proposes: str | None = None, driver=None, *,
                 database: str | None = None) -> list[dict]:
    """:func:`queries.lookups.papers` asked of Neo4j: the same rows, in the same order.

    Raises :class:`kg.errors.UnknownEntity` when a filter names nothing in the database.
    """
    filters = {k: v for k, v in {"method": method, "benchmark": benchmark, "model": model,
                                 "dataset": dataset, "proposes": proposes}.items() if v}
    with _using(driver) as drv, _translated("looking up papers"):
        with drv.session(database=_database(database)) as session:
            return session.execute_read(_papers_tx, filters)


def _card_tx(tx, entity: dict) -> dict:
    """``queries.lookups.card`` from Neo4j. The sets and sorts are built exactly as there, so that ties
    (equal counts, names equal but for case) come out in the same order."""
    eid = entity["eid"]
    d = tx.run("MATCH (e) WHERE elementId(e) = $eid RETURN properties(e) AS p", eid=eid).single()["p"]
    ins: dict[str, set[str]] = defaultdict(set)
    name_of: dict[str, str] = {d["id"]: d.get("name")}
    title_of: dict[str, str | None] = {}
    for r in tx.run(f"MATCH (e)<-[r:{_rel_expr({*_USER_RELS, 'PROPOSES', 'PART_OF', 'BUILDS_ON'})}]-(u) "
                    "WHERE elementId(e) = $eid RETURN type(r) AS rel, u.id AS id, u.name AS name, u.title AS title",
                    eid=eid):
        ins[r["rel"]].add(r["id"])
        name_of[r["id"]], title_of[r["id"]] = r["name"], r["title"]
    outs: dict[str, set[str]] = defaultdict(set)
    for r in tx.run("MATCH (e)-[r:PART_OF|BUILDS_ON]->(v) WHERE elementId(e) = $eid "
                    "RETURN type(r) AS rel, v.id AS id, v.name AS name", eid=eid):
        outs[r["rel"]].add(r["id"])
        name_of[r["id"]] = r["name"]
    edges: dict[str, list] = defaultdict(list)
    for r in tx.run(f"MATCH (e)<-[:{_rel_expr({*_USER_RELS, 'PROPOSES'})}]-(p) WHERE elementId(e) = $eid "
                    "WITH DISTINCT p MATCH (p)-[r:EVALUATES_ON|USES_MODEL]->(v) "
                    "RETURN p.id AS paper, r.out_index AS i, type(r) AS rel, v.id AS id, v.kind AS kind, "
                    "v.name AS name", eid=eid):
        edges[r["paper"]].append((r["i"], r["rel"], r["id"], r["kind"], r["name"]))

    def neighbours(table: dict[str, set[str]], rel: str) -> list[str]:
        return sorted(table.get(rel, set()))

    def names(ids: list[str]) -> list[str]:
        return sorted({name_of[i] for i in ids}, key=lambda x: (x.lower(), x))

    me = d["id"]
    proposing = neighbours(ins, "PROPOSES")
    users: set[str] = set()
    for rel in _USER_RELS:
        users |= set(neighbours(ins, rel))
    with_bench, with_model = Counter(), Counter()
    for p in users | set(proposing):
        for _, rel, v, kind, vname in sorted(edges.get(p, []), key=lambda e: e[0]):
            if v != me and kind == "Benchmark" and rel == "EVALUATES_ON":
                with_bench[vname] += 1
            elif v != me and kind == "Model" and rel in {"USES_MODEL"}:
                with_model[vname] += 1
    return {
        "id": me, "kind": d.get("kind"), "name": d.get("name"), "long_form": d.get("long_form"),
        "aliases": d.get("aliases") or [], "description": d.get("description"),
        "family": names(neighbours(outs, "PART_OF")), "members": names(neighbours(ins, "PART_OF")),
        "proposed_by": [{"id": p, "title": title_of.get(p)} for p in proposing],
        "used_by": [{"id": p, "title": title_of.get(p)} for p in sorted(users - set(proposing))],
        "builds_on": names(neighbours(outs, "BUILDS_ON")),
        "built_on_by": names(neighbours(ins, "BUILDS_ON")),
        "benchmarks": top(with_bench, 10),
        "models": top(with_model, 10),
    }


def _show_tx(tx, name: str) -> list[dict]:
    found = _find(tx, name)
    if not found:
        raise UnknownEntity(f"nothing called {name!r} in the graph; `kg stats` lists what is there")
    return [_card_tx(tx, e) for e in found]


def neo4j_show(name: str, driver=None, *, database: str | None = None) -> list[dict]:
    """:func:`queries.lookups.show` asked of Neo4j: the same cards."""
    with _using(driver) as drv, _translated("looking up an entity"):
        with drv.session(database=_database(database)) as session:
            return session.execute_read(_show_tx, name)
