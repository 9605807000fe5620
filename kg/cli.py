"""The ``kg`` command line: thin commands over library functions (see each command's --help)."""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.errors import KGError

app = typer.Typer(help="Build and query a knowledge graph of ML papers from their abstracts.",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
out = Console()
err = Console(stderr=True)

DEFAULT_GRAPH = Path(os.environ.get("KG_GRAPH", "kg-graph.json"))
GraphOpt = Annotated[Path, typer.Option("--graph", "-g", help="Graph file (env KG_GRAPH).", envvar="KG_GRAPH")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
UriOpt = Annotated[Optional[str], typer.Option(help="Neo4j Bolt URI (env NEO4J_URI).", envvar="NEO4J_URI",
                                               show_default=False)]
UserOpt = Annotated[Optional[str], typer.Option(help="Neo4j user (env NEO4J_USER; default neo4j).",
                                                envvar="NEO4J_USER", show_default=False)]
PasswordOpt = Annotated[Optional[str], typer.Option(help="Neo4j password (better: env NEO4J_PASSWORD).",
                                                    envvar="NEO4J_PASSWORD", show_default=False)]


def _fail(e: Exception) -> typer.Exit:
    """One line on stderr, never a traceback; the message is text, not rich markup."""
    err.print("[red]error:[/red] " + escape(str(e)), highlight=False, soft_wrap=True)
    return typer.Exit(code=1)


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=1))


def _load(graph: Path):
    from kg.store import load_graph

    return load_graph(graph)


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of abstracts (any supported format).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Graph file to write (atomically).")] = DEFAULT_GRAPH,
    fmt: Annotated[Optional[str], typer.Option("--format", help="Force an input format (default: detect).")] = None,
    min_confidence: Annotated[float, typer.Option(help="Drop extractions below this confidence (0-1).")] = 0.0,
    lexicon: Annotated[Optional[list[Path]], typer.Option(help="Extra user lexicon file(s).")] = None,
    neo4j: Annotated[bool, typer.Option("--neo4j", help="Also push the graph to Neo4j (NEO4J_URI etc.).")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Read abstracts, extract entities and relations, write the graph file.

    Example: kg build ../shared/seeds -o seeds.kg
    """
    from kg.build import build as run
    from kg.user_lexicon import user_lexicon_paths

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise _fail(KGError(f"{missing[0]}: no such file or folder"))
    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=as_json or not err.is_terminal) as bar:
        task = bar.add_task("build", total=None)
        try:
            report = run(paths, output, fmt=fmt, min_confidence=min_confidence,
                         user_lexicons=[*user_lexicon_paths(), *(lexicon or [])],
                         progress=lambda done, total: bar.update(task, completed=done, total=total))
        except (KGError, ValueError) as e:
            raise _fail(e) from None
    for e in report.errors:
        err.print(f"[yellow]skipped[/yellow] {e}", highlight=False)
    pushed = _push_stats(output) if neo4j and as_json else None
    if neo4j and not as_json:
        push(output)
    if as_json:
        _print_json({**report.as_dict(), **({"neo4j": pushed} if pushed else {})})
    else:
        _print_build(report, output)


def _push_stats(graph: Path) -> dict:
    from kg.neo4j_store import push_graph

    try:
        return push_graph(_load(graph))
    except KGError as e:
        raise _fail(e) from None


def _print_build(report, output: Path) -> None:
    out.print(f"read {report.records} records -> {report.papers} papers "
              f"({report.duplicates} duplicates merged, {len(report.errors)} skipped)")
    out.print("nodes: " + ", ".join(f"{k} {v}" for k, v in report.entities.items()))
    out.print(f"edges: {sum(report.edges.values())} (" + ", ".join(f"{k} {v}" for k, v in report.edges.items()) + ")")
    out.print(f"wrote {output}")


@app.command()
def papers(
    method: Annotated[Optional[str], typer.Option(help="Uses this method (applies, compares with, or proposes a variant of it).")] = None,
    benchmark: Annotated[Optional[str], typer.Option(help="Evaluates on this benchmark or any member of its family.")] = None,
    model: Annotated[Optional[str], typer.Option(help="Uses this model or a member of its family.")] = None,
    dataset: Annotated[Optional[str], typer.Option(help="Uses or evaluates on this dataset.")] = None,
    proposes: Annotated[Optional[str], typer.Option(help="Introduces this entity.")] = None,
    graph: GraphOpt = DEFAULT_GRAPH,
    neo4j: Annotated[bool, typer.Option("--neo4j", help="Ask the Neo4j server instead of the graph file.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Papers matching all the given filters, with the sentence that shows each match.

    Example: kg papers --method GRPO --benchmark AIME -g seeds.kg
    """
    from queries import papers as find

    try:
        if neo4j:
            from kg.neo4j_store import neo4j_papers

            rows = neo4j_papers(method=method, benchmark=benchmark, model=model, dataset=dataset, proposes=proposes)
        else:
            rows = find(_load(graph), method=method, benchmark=benchmark, model=model, dataset=dataset,
                        proposes=proposes)
    except KGError as e:
        raise _fail(e) from None
    if as_json:
        _print_json(rows)
        return
    t = Table("date", "id", "title", "evidence", show_lines=True)
    for r in rows:
        ev = "\n".join(f"[b]{f}[/b] {m['entity']}: {m['evidence'] or ''}" for f, m in r["matched"].items())
        t.add_row(r["date"] or "", r["arxiv_id"] or r["id"], r["title"] or "(untitled)", ev)
    out.print(t)
    out.print(f"{len(rows)} papers")


@app.command()
def show(
    name: Annotated[str, typer.Argument(help="A method, model, benchmark, dataset, task or metric (any alias).")],
    graph: GraphOpt = DEFAULT_GRAPH,
    neo4j: Annotated[bool, typer.Option("--neo4j", help="Ask the Neo4j server instead of the graph file.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """An entity's card: kind, long form, aliases, family, papers proposing and using it, what it builds on.

    Example: kg show GRPO -g seeds.kg
    """
    from queries import show as cards

    try:
        if neo4j:
            from kg.neo4j_store import neo4j_show

            result = neo4j_show(name)
        else:
            result = cards(_load(graph), name)
    except KGError as e:
        raise _fail(e) from None
    if as_json:
        _print_json(result)
        return
    if len(result) > 1:
        out.print(f"[b]{name}[/b] names {len(result)} different things:")
    for c in result:
        out.rule(f"{c['name']} ({c['kind']})")
        rows = [("id", c["id"]), ("long form", c["long_form"] or ""), ("aliases", ", ".join(c["aliases"])),
                ("family", ", ".join(c["family"])), ("members", ", ".join(c["members"])),
                ("builds on", ", ".join(c["builds_on"])), ("built on by", ", ".join(c["built_on_by"])),
                ("benchmarks", ", ".join(c["benchmarks"])), ("models", ", ".join(c["models"])),
                ("proposed by", "; ".join(p["title"] or p["id"] for p in c["proposed_by"])),
                ("used by", f"{len(c['used_by'])} papers")]
        for k, v in rows:
            if v:
                out.print(f"[b]{k:>12}[/b]  {v}", highlight=False)


@app.command()
def stats(graph: GraphOpt = DEFAULT_GRAPH, as_json: JsonOpt = False) -> None:
    """Counts of nodes and edges, and the most used entities of each kind."""
    from queries import stats as count

    try:
        s = count(_load(graph))
    except KGError as e:
        raise _fail(e) from None
    if as_json:
        _print_json(s)
        return
    out.print("nodes: " + ", ".join(f"{k} {v}" for k, v in s["nodes"].items()))
    out.print("edges: " + ", ".join(f"{k} {v}" for k, v in s["edges"].items()))
    for kind, rows in s["top"].items():
        out.print(f"[b]{kind}[/b]: " + ", ".join(f"{r['name']} ({r['papers']})" for r in rows), highlight=False)


@app.command()
def export(
    graph: Annotated[Path, typer.Argument(help="Graph file written by `kg build`.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json | graphml | gexf | neo4j-csv")] = "json",
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (a folder for neo4j-csv).")] = Path("graph.json"),
) -> None:
    """Write the graph for other tools. Example: kg export seeds.kg --format graphml -o seeds.graphml"""
    from kg.export import export as run

    try:
        path = run(_load(graph), fmt, output)
    except KGError as e:
        raise _fail(e) from None
    out.print(f"wrote {path}")


@app.command()
def push(
    graph: Annotated[Path, typer.Argument(help="Graph file written by `kg build`.")] = DEFAULT_GRAPH,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    batch_size: Annotated[int, typer.Option(help="Rows per transaction.", min=1)] = 1000,
    as_json: JsonOpt = False,
) -> None:
    """Load the graph into Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD); idempotent and incremental.

    Example: NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=... kg push seeds.kg
    """
    from rich.markup import escape

    from kg.neo4j_store import push_graph

    with Progress(TextColumn("pushing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=as_json or not err.is_terminal) as bar:
        task = bar.add_task("push", total=None)
        try:
            stats_ = push_graph(_load(graph), batch_size=batch_size, uri=uri, user=user, password=password,
                                progress=lambda done, total: bar.update(task, completed=done, total=total))
        except KGError as e:  # one line, however narrow the terminal (no wrapping, no markup)
            err.print("[red]error:[/red] " + escape(str(e)), highlight=False, soft_wrap=True)
            raise typer.Exit(code=1) from None
    if as_json:
        _print_json(stats_)
        return
    n, r = stats_["nodes"], stats_["relationships"]
    out.print(f"pushed {n['total']} nodes ({n['created']} new) and {r['total']} relationships "
              f"({r['created']} new) in {stats_['seconds']:.1f} s")
    out.print("new: " + (", ".join(f"{k} {v['created']}" for k, v in {**n["by_label"], **r["by_type"]}.items()
                                   if v["created"]) or "nothing"), highlight=False)
    db = stats_["database"]
    out.print(f"database: {sum(db['nodes'].values())} nodes, {sum(db['relationships'].values())} relationships")


@app.command()
def cypher(
    query: Annotated[str, typer.Argument(help="A Cypher query; use $name for parameters.")],
    param: Annotated[Optional[list[str]], typer.Option(
        "--param", "-p", help="name=text, or name:=JSON for numbers, lists, true/false/null (repeatable).")] = None,
    graph: GraphOpt = DEFAULT_GRAPH,
    neo4j: Annotated[bool, typer.Option("--neo4j", help="Run on the Neo4j server (NEO4J_URI etc.) instead of "
                                                        "the graph file.")] = False,
    write: Annotated[bool, typer.Option("--write", help="Allow a query that changes the database (Neo4j only).")
                     ] = False,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Run Cypher on the graph file (no server needed) or, with --neo4j, on Neo4j; read-only unless --write.

    Example: kg cypher 'MATCH (p:Paper)-[:USES]->(m:Method {name: $m}) RETURN p.title AS title' -p m=GRPO -g seeds.kg
    """
    from kg.cli_query import cypher_embedded, print_rows
    from kg.neo4j_store import parse_params, run_cypher

    try:
        params = parse_params(param or [])
        if neo4j:
            rows = run_cypher(query, params, write=write, uri=uri, user=user, password=password)
        else:
            rows = cypher_embedded(query, params, graph)
    except KGError as e:
        raise _fail(e) from None
    print_rows(rows, as_json)


from kg.cli_lexicon import lexicon_app, review_cmd  # noqa: E402  (sub-commands live in their own modules)
from kg.cli_query import register as register_query  # noqa: E402

register_query(app)

app.add_typer(lexicon_app, name="lexicon")
app.command("review")(review_cmd)


def main() -> None:
    logging.basicConfig(level=os.environ.get("KG_LOG", "WARNING"), format="%(levelname)s %(name)s: %(message)s")
    app()


if __name__ == "__main__":
    main()
