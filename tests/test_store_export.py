"""Graph file and exports: atomic writes, deterministic output, readers accept GraphML and GEXF."""
import json

import networkx as nx
import pytest

from kg import store
from kg.build import build_graph
from kg.errors import GraphFileError
from kg.export import export
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def graph():
    G, _ = build_graph([EXAMPLES])
    return G


def test_json_round_trip_keeps_lists_and_evidence(graph, tmp_path):
    p = tmp_path / "g.json"
    store.save_graph(graph, p)
    H = store.load_graph(p)
    assert nx.utils.graphs_equal(graph, H) or (
        set(graph.nodes) == set(H.nodes) and set(graph.edges(keys=True)) == set(H.edges(keys=True)))
    paper_edges = [d for u, v, d in H.edges(data=True) if H.nodes[u].get("kind") == "Paper" and d["rel"] != "REPORTS"]
    assert paper_edges and all(d["evidence"] and "sentence" in d["evidence"][0] for d in paper_edges)


def test_rebuild_is_byte_identical(graph, tmp_path):
    G2, _ = build_graph([EXAMPLES])
    store.save_graph(graph, tmp_path / "a.json")
    store.save_graph(G2, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_interrupted_write_keeps_previous_file(graph, tmp_path, monkeypatch):
    p = tmp_path / "g.kg"
    store.save_graph(graph, p)
    before = p.read_bytes()

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(store.json, "dumps", boom)
    with pytest.raises(KeyboardInterrupt):
        store.save_graph(graph, p)
    assert p.read_bytes() == before
    assert [x.name for x in tmp_path.iterdir()] == ["g.kg"]  # no temp file left behind


def test_missing_or_corrupt_graph_file_is_a_clear_error(tmp_path):
    with pytest.raises(GraphFileError, match="kg build"):
        store.load_graph(tmp_path / "nope.kg")
    bad = tmp_path / "bad.kg"
    bad.write_text("{not json")
    with pytest.raises(GraphFileError, match="bad.kg"):
        store.load_graph(bad)


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_load_back_with_networkx(graph, tmp_path, fmt, reader):
    p = export(graph, fmt, tmp_path / f"g.{fmt}")
    H = reader(p)
    assert H.number_of_nodes() == graph.number_of_nodes()
    assert H.number_of_edges() == graph.number_of_edges()
    eid = next(n for n, d in graph.nodes(data=True) if d.get("aliases"))
    assert json.loads(H.nodes[eid]["aliases"]) == graph.nodes[eid]["aliases"]
    assert H.nodes[eid]["kind"] == graph.nodes[eid]["kind"]
