"""Canonical linking: alias and family merging, and keeping same-acronym-different-thing apart."""
import networkx as nx

from kg.graph import GraphBuilder
from kg.linking import Linker
from schemas import Paper


def build(extractor, lexicon, abstracts: dict[str, str]) -> nx.MultiDiGraph:
    papers = [Paper(id=k, abstract=v) for k, v in abstracts.items()]
    b = GraphBuilder(Linker(lexicon))
    for p, ex in zip(papers, extractor.extract(papers)):
        b.add(p, ex)
    return b.finish()


def nodes_named(G, name):
    return [n for n, d in G.nodes(data=True) if d.get("name") == name]


def test_aliases_merge_into_one_node_with_family(extractor, small_lexicon):
    G = build(extractor, small_lexicon, {
        "a": "We evaluate on AIME24 with GRPO.",
        "b": "Scores on AIME 2024 improve with Group Relative Policy Optimization.",
        "c": "Our method wins on AIME'24.",
    })
    assert nodes_named(G, "AIME 2024") == ["benchmark:aime-2024"]
    assert G.has_edge("benchmark:aime-2024", "benchmark:aime", key="PART_OF")
    assert "AIME24" in G.nodes["benchmark:aime-2024"]["aliases"]
    assert {u for u, _ in G.in_edges("benchmark:aime-2024")} == {"a", "b", "c"}
    assert nodes_named(G, "GRPO") == ["method:grpo"]


def test_model_spellings_merge_and_join_their_family(extractor, small_lexicon):
    G = build(extractor, small_lexicon, {
        "a": "We fine-tune Qwen-2.5-7B-Instruct on math.",
        "b": "We fine-tune Qwen2.5-7B-Instruct on code.",
    })
    ids = [n for n, d in G.nodes(data=True) if d.get("kind") == "Model" and "7B" in d["name"]]
    assert len(ids) == 1
    assert G.has_edge(ids[0], "model:qwen2-5", key="PART_OF")
    assert G.has_edge("model:qwen2-5", "model:qwen", key="PART_OF")


def test_long_form_and_acronym_merge_across_papers(extractor, small_lexicon):
    G = build(extractor, small_lexicon, {
        "a": "We propose Sparse Token Advantage Reweighting (STAR) for math.",
        "b": "Sparse Token Advantage Reweighting (STAR) is a strong baseline. We improve on STAR.",
        "c": "We compare against STAR on GAIA.",
    })
    star = nodes_named(G, "STAR")
    assert len(star) == 1
    assert {u for u, _ in G.in_edges(star[0])} == {"a", "b", "c"}


def test_same_acronym_with_different_long_forms_stays_apart(extractor, small_lexicon):
    G = build(extractor, small_lexicon, {
        "a": "We propose Agentic Replay Policy Optimization (ARPO) for GUI agents.",
        "b": "We propose Agentic Reinforced Policy Optimization (ARPO) for tool use.",
        "c": "We propose Multi-Agent Reward Sharing (MARS) for games.",
        "d": "We propose Memory-Augmented Retrieval Search (MARS) for QA.",
    })
    arpo = sorted(nodes_named(G, "ARPO"))
    assert len(arpo) == 2 and "method:arpo" in arpo
    other = next(n for n in arpo if n != "method:arpo")
    assert G.nodes[other]["long_form"] == "Agentic Replay Policy Optimization"
    assert len(nodes_named(G, "MARS")) == 2
