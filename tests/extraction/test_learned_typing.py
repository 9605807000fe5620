"""The learned typer: it retypes every mention of a coined name and nothing the lexicon knows, the shipped
extractor uses it, and the shipped weights are what the training command in eval/ produces."""
import subprocess
import sys

import numpy as np
from tests.conftest import ROOT, SHARED

from kg.extraction.learned_typing import DEFAULT_WEIGHTS, DIM, KINDS, LearnedTyper, features, name_rows
from kg.extraction.pipeline import Extractor
from tests.extraction.helpers import names, run

TEXT = "We propose ZorbNet for routing. ZorbNet is tuned with GRPO and beats PPO on AIME 2024."


def _chosen(extractor, text: str):
    doc = next(extractor.nlp.pipe([text]))
    sents, chosen, _ = extractor.chosen(doc)
    return sents, chosen


def test_rows_hold_coined_names_only_with_their_sentences(extractor):
    sents, chosen = _chosen(extractor, TEXT)
    rows = name_rows(chosen, sents)
    assert set(rows) == {"ZorbNet"}
    assert rows["ZorbNet"]["kind"] == "Method" and len(rows["ZorbNet"]["cands"]) == 2
    assert rows["ZorbNet"]["ctx"][0] == ("We propose ZorbNet for routing.", "ZorbNet")


def test_retype_moves_every_mention_of_the_name_and_leaves_lexicon_names(extractor):
    sents, chosen = _chosen(extractor, TEXT)
    row = name_rows(chosen, sents)["ZorbNet"]
    idx = np.array(features(row))
    weights = np.zeros((len(idx), len(KINDS)))
    weights[:, KINDS.index("Dataset")] = 1.0  # every feature of this name votes Dataset
    LearnedTyper(idx, weights).retype(chosen, sents)
    kinds = {c.name: c.kind for c in chosen}
    assert [c.kind for c in chosen if c.name == "ZorbNet"] == ["Dataset", "Dataset"]
    assert kinds["GRPO"] == "Method" and kinds["AIME 2024"] == "Benchmark"


def test_a_hesitant_model_leaves_the_rules_kind(extractor):
    sents, chosen = _chosen(extractor, TEXT)
    row = name_rows(chosen, sents)["ZorbNet"]
    idx = np.array(features(row))
    weights = np.zeros((len(idx), len(KINDS)))
    weights[0, KINDS.index("Dataset")] = 0.5  # Dataset is the model's best guess, at well under CONFIDENT
    assert LearnedTyper(idx, weights).kind(row) == "Method"
    weights[0, KINDS.index("Dataset")] = 5.0  # and now a confident one
    assert LearnedTyper(idx, weights).kind(row) == "Dataset"


def test_without_evidence_the_rules_kind_stands(extractor):
    sents, chosen = _chosen(extractor, "We train ZorbLM-7B on code and release ZorbLM-7B.")
    assert {c.kind for c in chosen if c.name == "ZorbLM-7B"} == {"Model"}
    LearnedTyper(np.array([], dtype=np.int32), np.zeros((0, len(KINDS)))).retype(chosen, sents)
    assert {c.kind for c in chosen if c.name == "ZorbLM-7B"} == {"Model"}


def test_the_default_extractor_uses_the_shipped_typer(small_lexicon):
    ex = Extractor(lexicon=small_lexicon)
    assert isinstance(ex.typer, LearnedTyper) and Extractor(lexicon=small_lexicon, typer=None).typer is None
    assert "ZorbNet" in names(run(ex, TEXT))


def test_shipped_weights_are_what_the_training_command_writes(tmp_path):
    opts = dict(check=True, cwd=ROOT, capture_output=True)
    subprocess.run([sys.executable, str(ROOT / "eval" / "materialise.py"), "--out", str(tmp_path),
                    "--corpus", str(SHARED / "corpora" / "arxiv-cs-169k.jsonl.gz")], **opts)
    subprocess.run([sys.executable, str(ROOT / "eval" / "typing_experiment.py"), str(tmp_path),
                    "--save", str(tmp_path / "typer.npz")], **opts)
    with np.load(tmp_path / "typer.npz") as fresh, np.load(DEFAULT_WEIGHTS) as shipped:
        assert np.array_equal(fresh["rows"], shipped["rows"])
        assert np.allclose(fresh["weights"], shipped["weights"], atol=1e-6)
        assert fresh["rows"].max() < DIM
