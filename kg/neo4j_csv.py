"""Neo4j bulk-import CSV: ``kg export GRAPH --format neo4j-csv -o DIR``, then ``DIR/import.sh``.

For big graphs ``neo4j-admin database import full`` (an offline import into an empty database) is much
faster than ``kg push``. The files hold exactly what ``kg push`` writes (see :mod:`kg.neo4j_store`: same
labels, types and encoded properties, including ``norm_forms`` and ``out_index``), so ``kg papers --neo4j``
and ``kg show --neo4j`` work on an imported database too.

Layout of DIR:

- ``nodes_<Label>.csv``, one per node label: ``id:ID,:LABEL,<property>:<type>,...``. One global ID space
  (kg ids are unique across kinds: ``method:grpo``, ``arxiv:2401.1``), stored as the ``id`` property.
- ``rels_<TYPE>.csv``, one per relationship type: ``:START_ID,:END_ID,:TYPE,<property>:<type>,...``.
- ``import.sh`` (the exact ``neo4j-admin`` command), ``schema.cypher`` (constraints and indexes, to run
  once the database is started), ``README.md``.

Column types: ``string``, ``long``, ``double`` (64-bit, as ``kg push`` stores Python floats; ``float`` would
be 32-bit), ``boolean``, and arrays ``string[]``, ``long[]``, ... whose elements are separated by the
ASCII unit separator U+001F (``--array-delimiter=U+001F``): evidence sentences often contain ``;``, the
default delimiter, while U+001F never occurs in text (it is replaced by a space if it does). Fields are
RFC 4180 quoted (``"`` doubled) and may contain newlines (``--multiline-fields=true``). An empty field means
"no property": ``None``, empty strings and empty lists are not stored (``kg push`` keeps ``""`` and ``[]``).
Every file is written atomically (temporary file, then rename).
"""
from __future__ import annotations

import csv
import io
import json
import re
import shlex
from collections import defaultdict
from importlib import resources
from pathlib import Path

import networkx as nx

from kg.errors import KGError
from kg.neo4j_store import NODE_LABELS, _scalar_type, graph_rows
from kg.store import atomic_write

ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ORDER = {"string": 0, "long": 1, "double": 2, "boolean": 3}


def _type(v: object) -> str:
    return _scalar_type(v) or "string"


def _column_type(values: list) -> str:
    """The neo4j-admin type of a column from its (non-None) values: ``long``, ``double``, ``string[]``..."""
    lists = [v for v in values if isinstance(v, list)]
    scalars = [v for v in values if not isinstance(v, list)]
    if lists and scalars:
        return "string"  # mixed: everything as JSON text
    items = [x for v in lists for x in v] if lists else scalars
    kinds = {_type(x) for x in items}
    if kinds <= {"long", "double"} and kinds:
        base = "double" if "double" in kinds else "long"
    elif len(kinds) == 1:
        base = kinds.pop()
    else:
        base = "string"  # empty or mixed
    return base + "[]" if lists else base


def _cell(v: object, typ: str) -> str:
    if v is None:
        return ""
    if typ.endswith("[]"):
        base = typ[:-2]
        return ARRAY_DELIMITER.join(_scalar(x, base) for x in v)
    if typ == "string" and isinstance(v, list):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    return _scalar(v, typ)


def _scalar(x: object, typ: str) -> str:
    if typ == "boolean":
        return "true" if x else "false"
    if typ == "double":
        return repr(float(x))
    if typ == "long":
        return str(int(x))
    s = x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)
    return s.replace(ARRAY_DELIMITER, " ")


def _columns(rows: list[dict], skip: set[str]) -> list[tuple[str, str]]:
    values: dict[str, list] = defaultdict(list)
    for props in rows:
        for k, v in props.items():
            if k not in skip and v is not None:
                values[k].append(v)
    cols = []
    for k in sorted(values):
        if not _KEY.match(k):
            raise KGError(f"property {k!r} cannot be a neo4j-admin column name (letters, digits, _)")
        cols.append((k, _column_type(values[k])))
    return cols


def _csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def node_file(label: str) -> str:
    return f"nodes_{label}.csv"


def relationship_file(rel: str) -> str:
    return f"rels_{rel}.csv"


def import_command(node_files: list[str], rel_files: list[str], directory: Path | None = None,
                   database: str = "neo4j") -> str:
    """The ``neo4j-admin database import full`` command for these files in ``directory`` (default: the
    shell variable ``$DIR``, as in ``import.sh``)."""

    def path(f: str) -> str:
        return f'"$DIR/{f}"' if directory is None else shlex.quote(str(Path(directory) / f))

    parts = ["neo4j-admin database import full", "--id-type=string",
             f"--array-delimiter={ARRAY_DELIMITER_OPTION}", "--multiline-fields=true"]
    parts += [f"--nodes={path(f)}" for f in node_files]
    parts += [f"--relationships={path(f)}" for f in rel_files]
    parts.append(shlex.quote(database))
    return " \\\n  ".join(parts)


_SCRIPT = """#!/bin/sh
# Load this folder into an EMPTY Neo4j 5 database with neo4j-admin (an offline import: stop the server first,
# or import into a new database and CREATE DATABASE it afterwards). Written by `kg export --format neo4j-csv`.
#   usage: ./import.sh [DATABASE] [more neo4j-admin options, e.g. --overwrite-destination]
#   NEO4J_ADMIN=/path/to/neo4j-admin ./import.sh   (default: neo4j-admin on PATH)
# Then start Neo4j and create kg's constraints and indexes:
#   cypher-shell -a "$NEO4J_URI" -u "$NEO4J_USER" -f "$DIR/schema.cypher"
set -eu
DIR=$(cd "$(dirname "$0")" && pwd)
DB=${{1:-neo4j}}
if [ $# -gt 0 ]; then shift; fi
exec ${{NEO4J_ADMIN:-neo4j-admin}} database import full \\
  --id-type=string --array-delimiter={delim} --multiline-fields=true \\
{files}  "$@" "$DB"
"""

_README = """# Neo4j import files for a kg graph

Written by `kg export --format neo4j-csv`: {n_nodes} nodes in {n_node_files} files, {n_rels} relationships in
{n_rel_files} files.

Import into an empty database (offline; stop Neo4j first or use a new database name):

```sh
./import.sh            # = the command below, with DIR this folder and the database `neo4j`
{command}
```

then start Neo4j and run `cypher-shell -f schema.cypher` for kg's uniqueness constraints and indexes.

- One global string ID space: `id:ID` (kg ids are unique across labels), stored as the `id` property;
  relationship files use `:START_ID`/`:END_ID` and have a `:TYPE` column.
- Typed columns: `name:string`, `confidence:double`, `upvotes:long`, arrays such as `aliases:string[]`.
- Array elements are separated by U+001F (ASCII unit separator), hence `--array-delimiter=U+001F`:
  sentences often contain `;`, neo4j-admin's default.
- Values may span lines (`--multiline-fields=true`); an empty field means the property is absent.
- `evidence` is JSON text (a list of `{{sentence, start, end, field}}`) and `evidence_sentences` its sentences;
  `norm_forms` and `out_index` serve `kg papers --neo4j` / `kg show --neo4j`, exactly as after `kg push`.
"""


def write_csv(G: nx.MultiDiGraph, out_dir: Path) -> dict[str, int]:
    """Write ``G`` as neo4j-admin import files into ``out_dir`` (created if needed; see the module doc).

    Returns the number of data rows per file name.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise KGError(f"{out_dir}: exists and is not a folder; neo4j-csv writes a folder of files")
    nodes, rels = graph_rows(G)
    written: dict[str, int] = {}
    node_files = []
    for label in sorted(nodes, key=NODE_LABELS.index):
        props = [r["props"] for r in nodes[label]]
        cols = _columns(props, skip={"id"})
        header = ["id:ID", ":LABEL", *(f"{k}:{t}" for k, t in cols)]
        body = [[p["id"], label, *(_cell(p.get(k), t) for k, t in cols)] for p in props]
        name = node_file(label)
        blob = _csv_bytes(header, body)
        atomic_write(out_dir / name, lambda fh, b=blob: fh.write(b))
        written[name] = len(body)
        node_files.append(name)
    by_type: dict[str, list[dict]] = defaultdict(list)
    for (_, rel, _), rows in sorted(rels.items()):
        by_type[rel].extend(rows)
    rel_files = []
    for rel in sorted(by_type):
        rows = by_type[rel]
        cols = _columns([r["props"] for r in rows], skip=set())
        header = [":START_ID", ":END_ID", ":TYPE", *(f"{k}:{t}" for k, t in cols)]
        body = [[r["source"], r["target"], rel, *(_cell(r["props"].get(k), t) for k, t in cols)] for r in rows]
        name = relationship_file(rel)
        blob = _csv_bytes(header, body)
        atomic_write(out_dir / name, lambda fh, b=blob: fh.write(b))
        written[name] = len(body)
        rel_files.append(name)

    files = "".join(f'  --nodes="$DIR/{f}" \\\n' for f in node_files)
    files += "".join(f'  --relationships="$DIR/{f}" \\\n' for f in rel_files)
    script = _SCRIPT.format(delim=ARRAY_DELIMITER_OPTION, files=files).encode()
    atomic_write(out_dir / "import.sh", lambda fh: fh.write(script))
    (out_dir / "import.sh").chmod(0o755)
    schema = resources.files("kg").joinpath("data/schema.cypher").read_bytes()
    atomic_write(out_dir / "schema.cypher", lambda fh: fh.write(schema))
    readme = _README.format(
        n_nodes=sum(written[f] for f in node_files), n_node_files=len(node_files),
        n_rels=sum(written[f] for f in rel_files), n_rel_files=len(rel_files),
        command=import_command(node_files, rel_files, out_dir.resolve()),
    ).encode()
    atomic_write(out_dir / "README.md", lambda fh: fh.write(readme))
    return written
