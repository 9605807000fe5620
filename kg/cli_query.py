"""``kg query``: the named Cypher queries of :mod:`queries.library`, on the graph file or on Neo4j; and
:func:`cypher_embedded`, the library function behind ``kg cypher`` without ``--neo4j``.

Wire it into the app with ``register(app)``.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kg.errors import KGError

out = Console()
err = Console(stderr=True)


def cypher_embedded(query: str, params: dict[str, Any] | None = None, graph: Path | str | None = None
                    ) -> list[dict]:
    """Run read-only Cypher on the graph file (default ``$KG_GRAPH`` or ``kg-graph.json``) with no server.

    Rows are dicts, as :func:`kg.neo4j_store.run_cypher` returns them. Raises
    :class:`kg.embedded.EmbeddedWriteRefused` for a query that writes and
    :class:`kg.embedded.EmbeddedUnsupported` for one the embedded engine cannot answer as Neo4j would.
    """
    from kg.embedded import run_cypher
    from queries.library import default_graph

    return run_cypher(query, params, default_graph(graph))


def _fail(e: Exception) -> typer.Exit:
    err.print("[red]error:[/red] " + escape(str(e)), highlight=False, soft_wrap=True)
    return typer.Exit(code=1)


def print_rows(rows: list[dict], as_json: bool) -> None:
    """Rows as JSON, or as a table and a count."""
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
        return
    if rows:
        t = Table(*(escape(k) for k in rows[0]))
        for r in rows:
            t.add_row(*("" if v is None else escape(v if isinstance(v, str) else
                                                     json.dumps(v, ensure_ascii=False, default=str))
                        for v in r.values()))
        out.print(t)
    out.print(f"{len(rows)} rows")


def _list_table(queries, as_json: bool) -> None:
    if as_json:
        print(json.dumps([q.as_dict() for q in queries], ensure_ascii=False, indent=1))
        return
    t = Table("what it answers")
    t.add_column("name", no_wrap=True)
    t.add_column("params", no_wrap=True)
    t.columns.insert(2, t.columns.pop(0))  # name, params, then the description (which wraps)
    for q in queries:
        t.add_row(q.name, " ".join(f"${p}" for p in q.params), escape(q.description))
    out.print(t)


def query_cmd(
    name: Annotated[Optional[str], typer.Argument(help="A named query (see --list).", show_default=False)] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries and their parameters.")] = False,
    param: Annotated[Optional[list[str]], typer.Option(
        "--param", "-p", help="name=text, or name:=JSON for numbers, lists, true/false/null (repeatable).")] = None,
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Graph file (env KG_GRAPH).", envvar="KG_GRAPH")
                     ] = Path(os.environ.get("KG_GRAPH", "kg-graph.json")),
    neo4j: Annotated[bool, typer.Option("--neo4j", help="Ask the Neo4j server (NEO4J_URI etc.) instead of the "
                                                        "graph file.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Run a named Cypher query on the graph file (no server needed) or, with --neo4j, on Neo4j.

    Example: kg query papers-using-method-on-benchmark -p method=GRPO -p benchmark=AIME -g seeds.kg
    """
    from kg.neo4j_store import parse_params
    from queries.library import list_queries, run_query

    if list_ or name is None:
        if name is not None:
            raise _fail(KGError("give a query name or --list, not both"))
        _list_table(list_queries(), as_json)
        return
    try:
        rows = run_query(name, parse_params(param or []), "neo4j" if neo4j else "embedded", graph=graph)
    except KGError as e:
        raise _fail(e) from None
    print_rows(rows, as_json)


def register(app: typer.Typer) -> None:
    """Add ``kg query`` to ``app``."""
    app.command("query")(query_cmd)
