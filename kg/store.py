"""The graph file: NetworkX node-link JSON (optionally gzipped), written atomically.

An interrupted write never replaces the last good file: we write a temporary file beside it, fsync, then
``os.replace`` it over the target.
"""
from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

import networkx as nx

from kg.errors import GraphFileError

FORMAT_VERSION = 1


def graph_to_data(G: nx.MultiDiGraph) -> dict:
    data = nx.node_link_data(G, edges="edges")
    data["graph"] = {"kg_format": FORMAT_VERSION, **{k: v for k, v in G.graph.items() if k != "kg_format"}}
    return data


def atomic_write(path: Path, write) -> None:
    """Call ``write(fh)`` on a temporary binary file beside ``path``, then move it over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_graph(G: nx.MultiDiGraph, path: Path) -> None:
    """Write ``G`` to ``path`` (``.gz`` compresses), atomically."""
    blob = json.dumps(graph_to_data(G), ensure_ascii=False, sort_keys=True).encode("utf-8")
    if str(path).endswith(".gz"):
        blob = gzip.compress(blob, mtime=0)
    atomic_write(Path(path), lambda fh: fh.write(blob))


def load_graph(path: Path) -> nx.MultiDiGraph:
    """Read a graph file written by :func:`save_graph` (or any node-link JSON export)."""
    path = Path(path)
    if not path.exists():
        raise GraphFileError(f"{path}: no such graph file; build one with `kg build PATH... -o {path}`")
    try:
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        data = json.loads(raw)
        key = "edges" if "edges" in data else "links"
        return nx.node_link_graph(data, directed=True, multigraph=True, edges=key)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise GraphFileError(f"{path}: not a kg graph file ({e}); rebuild it with `kg build`") from None
