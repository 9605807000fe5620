"""Graph files for other tools: node-link JSON, GraphML, GEXF (and Neo4j import CSV in kg.neo4j_csv).

GraphML and GEXF take only scalar attributes, so lists and dicts are stored as JSON strings and None
values are left out; ``read_graphml``/``read_gexf`` from networkx load the files back.
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.errors import KGError
from kg.store import atomic_write, save_graph

FORMATS = ("json", "graphml", "gexf", "neo4j-csv")


def flat_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only str/int/float/bool attribute values (lists and dicts as JSON text)."""

    def flat(d: dict) -> dict:
        out = {}
        for k, v in d.items():
            if v is None:
                continue
            out[k] = json.dumps(v, ensure_ascii=False, sort_keys=True) if isinstance(v, (list, dict, tuple)) else v
        return out

    H = nx.MultiDiGraph()
    H.add_nodes_from((n, flat(d)) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, k, flat(d)) for u, v, k, d in G.edges(keys=True, data=True))
    return H


def write_graphml(G: nx.MultiDiGraph, path: Path) -> None:
    H = flat_copy(G)
    atomic_write(Path(path), lambda fh: nx.write_graphml(H, fh, encoding="utf-8"))


def write_gexf(G: nx.MultiDiGraph, path: Path) -> None:
    H = flat_copy(G)
    atomic_write(Path(path), lambda fh: nx.write_gexf(H, fh, encoding="utf-8"))


def export(G: nx.MultiDiGraph, fmt: str, out: Path) -> Path:
    """Write ``G`` as ``fmt`` to ``out`` (a directory for neo4j-csv)."""
    if fmt == "json":
        save_graph(G, out)
    elif fmt == "graphml":
        write_graphml(G, out)
    elif fmt == "gexf":
        write_gexf(G, out)
    elif fmt == "neo4j-csv":
        from kg.neo4j_csv import write_csv

        write_csv(G, out)
    else:
        raise KGError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return Path(out)
