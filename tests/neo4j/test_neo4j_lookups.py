"""`kg papers --neo4j` / `kg show --neo4j` give exactly what the embedded look-ups give."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg.build import build_graph
from kg.errors import UnknownEntity
from kg.neo4j_store import neo4j_papers, neo4j_show, push_graph
from queries.lookups import ENTITY_KINDS, papers, show

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


PAPER_QUERIES = [
    {"method": "GRPO", "benchmark": "AIME"},
    {"model": "Qwen2.5"},
    {"benchmark": "GAIA"},
    {"proposes": "ARPO"},
    {"proposes": "GRPO"},
    {"proposes": "AIME 2024"},
    {"method": "PPO"},
    {"method": "GRPO"},  # includes papers proposing a variant that builds on GRPO
    {"method": "grpo", "model": "qwen-2.5"},  # names match through kg.text.norm and aliases
    {"method": "Group Relative Policy Optimization"},  # a long form
    {"benchmark": "AIME 2024"},
    {"dataset": "GSM8K"},
    {},
]


@pytest.mark.parametrize("query", PAPER_QUERIES, ids=lambda q: ",".join(f"{k}={v}" for k, v in q.items()) or "all")
def test_papers_parity_on_seed_graph(seed_graph, seeds_in_neo4j, query):
    G, driver = seed_graph, seeds_in_neo4j
    try:
        expected = papers(G, **query)
    except UnknownEntity as e:
        with pytest.raises(UnknownEntity) as got:
            neo4j_papers(**query, driver=driver)
        assert str(got.value) == str(e)
        return
    assert neo4j_papers(**query, driver=driver) == expected


def test_the_parity_queries_are_not_trivial(seed_graph):
    G = seed_graph
    assert papers(G, method="GRPO", benchmark="AIME")
    assert papers(G, model="Qwen2.5") and papers(G, benchmark="GAIA")
    assert len(show(G, "ARPO")) >= 2  # one acronym, two methods


@pytest.mark.parametrize("name", ["GRPO", "ARPO", "AIME 2024", "AIME", "Qwen2.5", "Qwen", "PPO", "GAIA",
                                  "MATH-500", "pass@1", "group relative policy optimization"])
def test_show_parity_on_seed_graph(seed_graph, seeds_in_neo4j, name):
    G, driver = seed_graph, seeds_in_neo4j
    assert neo4j_show(name, driver=driver) == show(G, name)


def test_unknown_names_raise_the_same_errors(seed_graph, seeds_in_neo4j):
    G, driver = seed_graph, seeds_in_neo4j
    for call_embedded, call_neo4j in [
        (lambda: papers(G, method="NoSuchMethodXYZ"), lambda: neo4j_papers(method="NoSuchMethodXYZ", driver=driver)),
        (lambda: papers(G, method="GRPO", benchmark="NoSuchBench"),
         lambda: neo4j_papers(method="GRPO", benchmark="NoSuchBench", driver=driver)),
        (lambda: show(G, "NoSuchThingXYZ"), lambda: neo4j_show("NoSuchThingXYZ", driver=driver)),
    ]:
        with pytest.raises(UnknownEntity) as a:
            call_embedded()
        with pytest.raises(UnknownEntity) as b:
            call_neo4j()
        assert str(a.value) == str(b.value)


def test_every_entity_and_filter_agrees_on_examples(neo4j_driver):
    """Exhaustive on the small example graph: show for every entity name, papers for every filter."""
    G, _ = build_graph([EXAMPLES])
    push_graph(G, neo4j_driver)
    names = sorted({d["name"] for _, d in G.nodes(data=True) if d.get("kind") in ENTITY_KINDS})
    assert len(names) > 30
    for name in names:
        assert neo4j_show(name, driver=neo4j_driver) == show(G, name), name
    by_kind = {"method": "Method", "model": "Model", "benchmark": "Benchmark", "dataset": "Dataset"}
    checked = 0
    for f, kind in by_kind.items():
        for name in sorted({d["name"] for _, d in G.nodes(data=True) if d.get("kind") == kind}):
            assert neo4j_papers(**{f: name}, driver=neo4j_driver) == papers(G, **{f: name}), (f, name)
            assert neo4j_papers(proposes=name, driver=neo4j_driver) == papers(G, proposes=name), name
            checked += 1
    assert checked > 30


def test_lookups_use_the_environment_when_no_driver_is_given(neo4j_driver, neo4j_server, monkeypatch):
    G = nx.MultiDiGraph()
    G.add_node("arxiv:1", kind="Paper", title="T", date="2025-01-01", arxiv_id="1")
    G.add_node("method:m", kind="Method", name="M", aliases=["Em"], family=None, long_form="Method Em")
    G.add_edge("arxiv:1", "method:m", key="USES", rel="USES", confidence=1.0,
               evidence=[{"sentence": "We use M.", "start": 7, "end": 8, "field": "abstract"}])
    push_graph(G, neo4j_driver)
    for k, v in neo4j_server.env().items():
        monkeypatch.setenv(k, v)
    assert neo4j_papers(method="method em") == papers(G, method="method em") == [
        {"id": "arxiv:1", "title": "T", "arxiv_id": "1", "date": "2025-01-01",
         "matched": {"method": {"entity": "M", "evidence": "We use M."}}}]
    assert neo4j_show("Em") == show(G, "Em")


def test_every_entity_and_filter_agrees_on_seed_graph(seed_graph, seeds_in_neo4j):
    """Exhaustive on the seed graph: ties in `benchmarks`/`models` and case-only name differences included."""
    G, driver = seed_graph, seeds_in_neo4j
    entities = [d for _, d in G.nodes(data=True) if d.get("kind") in ENTITY_KINDS]
    names = sorted({d["name"] for d in entities})
    for name in names:
        assert neo4j_show(name, driver=driver) == show(G, name), name
    by_kind = {"method": {"Method"}, "model": {"Model"}, "benchmark": {"Benchmark"}, "dataset": {"Dataset"},
               "proposes": ENTITY_KINDS}
    for f, kinds in by_kind.items():
        for name in sorted({d["name"] for d in entities if d["kind"] in kinds}):
            assert neo4j_papers(**{f: name}, driver=driver) == papers(G, **{f: name}), (f, name)
