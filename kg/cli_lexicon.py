"""``kg lexicon ...`` and ``kg review``: fix names without touching code."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from kg import user_lexicon as ul
from kg.errors import KGError

lexicon_app = typer.Typer(help="Edit your user lexicon (applied by every later build).", no_args_is_help=True)
out = Console()
err = Console(stderr=True)
FileOpt = Annotated[Optional[Path], typer.Option("--file", help="User lexicon file (default $KG_USER_LEXICON or "
                                                               "~/.config/kg/lexicon.jsonl).")]


def _done(obj: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(obj, ensure_ascii=False))
    else:
        out.print(f"added to {ul.user_lexicon_path()}: {json.dumps(obj, ensure_ascii=False)}", highlight=False)
        out.print("rebuild the graph (kg build ...) to apply it")


def _run(fn, *a, as_json: bool = False, **kw) -> None:
    try:
        _done(fn(*a, **kw), as_json)
    except KGError as e:
        err.print("[red]error:[/red] " + escape(str(e)), highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None


@lexicon_app.command("add")
def add_cmd(
    name: Annotated[str, typer.Argument(help="Canonical name, e.g. ReMax.")],
    kind: Annotated[str, typer.Option(help="Method, Model, Benchmark, Dataset, Task or Metric.")],
    alias: Annotated[Optional[list[str]], typer.Option(help="Another name (repeatable).")] = None,
    family: Annotated[Optional[str], typer.Option(help="Id of the family entry, e.g. benchmark:aime.")] = None,
    description: Annotated[Optional[str], typer.Option(help="One line about it.")] = None,
    entry_id: Annotated[Optional[str], typer.Option("--id", help="Id to use or replace (default kind:slug).")] = None,
    file: FileOpt = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Add an entity, or fix the kind of one. Example: kg lexicon add MemSearcher --kind Method"""
    _run(ul.add, name, kind, alias, family, description, entry_id, file, as_json=as_json)


@lexicon_app.command("alias")
def alias_cmd(
    entry_id: Annotated[str, typer.Argument(help="Entry id, e.g. method:grpo.")],
    alias: Annotated[str, typer.Argument(help="The other name.")],
    file: FileOpt = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Make ALIAS another name of an entry (merge). Example: kg lexicon alias method:grpo "GRPO-style RL" """
    _run(ul.alias, entry_id, alias, file, as_json=as_json)


@lexicon_app.command("split")
def split_cmd(
    entry_id: Annotated[str, typer.Argument(help="Entry id, e.g. benchmark:math.")],
    alias: Annotated[str, typer.Argument(help="The name that must stop meaning this entry.")],
    kind: Annotated[Optional[str], typer.Option(help="Kind of the new entity (default: the entry's).")] = None,
    file: FileOpt = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Undo a wrong merge: ALIAS becomes an entity of its own. Example: kg lexicon split method:rm RM"""
    _run(ul.split, entry_id, alias, kind, file, as_json=as_json)


@lexicon_app.command("list")
def list_cmd(file: FileOpt = None) -> None:
    """Print your lexicon edits, in the order builds apply them."""
    for obj in ul.read_edits(file):
        print(json.dumps(obj, ensure_ascii=False))


def review_cmd(
    graph: Annotated[Path, typer.Option("--graph", "-g", envvar="KG_GRAPH", help="Graph file.")] = Path("kg-graph.json"),
    max_confidence: Annotated[float, typer.Option(help="Flag entities below this confidence.")] = 0.7,
    limit: Annotated[int, typer.Option(help="Show at most this many rows (0 = all).")] = 50,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """New, low-confidence or conflicting names of a build, with the command that would fix each."""
    from kg.review import review
    from kg.store import load_graph

    try:
        rows = review(load_graph(graph), max_confidence, limit or None)
    except KGError as e:
        err.print("[red]error:[/red] " + escape(str(e)), highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    t = Table("name", "kind", "papers", "why", "fix")
    for r in rows:
        t.add_row(r["name"], r["kind"], str(r["papers"]), "; ".join(r["reasons"]), r["suggestion"])
    out.print(t)
