"""User lexicon edits change later builds; `kg review` points at what to edit; --min-confidence filters."""
import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.store import load_graph

runner = CliRunner()


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_USER_LEXICON", str(tmp_path / "user.jsonl"))
    corpus = tmp_path / "papers.jsonl"
    corpus.write_text("\n".join(json.dumps(x) for x in [
        {"id": "2601.90001", "title": "Notes on tuning", "abstract": "We apply supervised fine-tuning before GRPO."},
        {"id": "2601.90002", "title": "Wide search", "abstract": "We train FancyRL agents with a new curriculum."},
        {"id": "2601.90003", "title": "QuillBench: grading proofs",
         "abstract": "We present QuillBench, a benchmark of 300 proofs, and score eight systems on it."},
    ]) + "\n")
    return tmp_path, corpus


def build(tmp_path, corpus, *extra):
    out = tmp_path / "g.kg"
    r = runner.invoke(app, ["build", str(corpus), "-o", str(out), "--json", *extra])
    assert r.exit_code == 0, r.output
    return load_graph(out)


def ok(*args):
    r = runner.invoke(app, list(args))
    assert r.exit_code == 0, r.output
    return r


def targets(G, paper):
    return {v for _, v in G.out_edges(paper)}


def test_split_undoes_a_merge(env):
    tmp, corpus = env
    assert "method:sft" in targets(build(tmp, corpus), "arxiv:2601.90001")
    ok("lexicon", "split", "method:sft", "supervised fine-tuning")
    G = build(tmp, corpus)
    assert "method:sft" not in targets(G, "arxiv:2601.90001")
    assert "method:supervised-fine-tuning" in targets(G, "arxiv:2601.90001")


def test_alias_merges_a_new_name_into_an_entry(env):
    tmp, corpus = env
    ok("lexicon", "alias", "method:ppo", "FancyRL")
    G = build(tmp, corpus)
    assert "method:ppo" in targets(G, "arxiv:2601.90002")


def test_add_fixes_a_kind(env):
    tmp, corpus = env
    G = build(tmp, corpus)
    assert "benchmark:quillbench" in targets(G, "arxiv:2601.90003")
    ok("lexicon", "add", "QuillBench", "--kind", "Dataset")
    G = build(tmp, corpus)
    assert "dataset:quillbench" in targets(G, "arxiv:2601.90003")
    assert "benchmark:quillbench" not in G


def test_bad_edit_is_refused_with_a_clear_message(env):
    r = runner.invoke(app, ["lexicon", "alias", "method:no-such-thing", "X"])
    assert r.exit_code == 1 and "no lexicon entry" in r.output


def test_review_lists_new_names_with_a_fix(env):
    tmp, corpus = env
    build(tmp, corpus)
    rows = json.loads(ok("review", "-g", str(tmp / "g.kg"), "--json").stdout)
    quill = next(r for r in rows if r["name"] == "QuillBench")
    assert "new" in quill["reasons"] and quill["suggestion"].startswith("kg lexicon add")


def test_min_confidence_drops_weak_extractions(env):
    tmp, corpus = env
    G = build(tmp, corpus, "--min-confidence", "0.9")
    weak = [d["confidence"] for u, v, d in G.edges(data=True)
            if G.nodes[u].get("kind") == "Paper" and "confidence" in d and d["rel"] != "AUTHORED"]
    assert weak and min(weak) >= 0.9
    G_all = build(tmp, corpus)
    assert G_all.number_of_edges() > G.number_of_edges()
