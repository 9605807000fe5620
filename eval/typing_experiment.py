"""Does a learned typer beat the rules? The measurement behind, and the training of, kg's learned typer.

For every coined name the extractor finds (a mention with no lexicon id) in the development gold sets, the
label is the gold type of the entity whose name or alias it matches. A multinomial logistic regression over
hashed features (the rules' kind and origin, the name's shape and parts, the long form's last words, the
words around each mention) is scored by 5-fold cross-validation with papers as the folds, and compared
with the rules' kind alone and with the two combined (the model's kind where it disagrees with confidence
at least T). numpy only; deterministic. The features and the per-name evidence are the shipped typer's
(``kg.extraction.learned_typing``), read from the rules' output with the typer switched off.

usage: python eval/materialise.py --out out/eval
       python eval/typing_experiment.py out/eval [--sets a b ... ad] [--test aa ab] [--no-rule-kind]
       python eval/typing_experiment.py out/eval --save kg/data/typer.npz   # train on --sets, write weights
"""
from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path

import numpy as np

from kg.extraction.learned_typing import DIM, KINDS, features, name_rows, save_weights
from kg.extraction.pipeline import Extractor, paper_text
from kg.text import norm
from schemas import Paper

GOLD_KIND = {"method": "Method", "model": "Model", "benchmark": "Benchmark", "dataset": "Dataset",
             "task": "Task", "metric": "Metric"}
# the development sets a-er: adding es-fh moved two borderline names of the dev gold (eval/README.md)
DEV_SETS = [*"abcdefghijklmnopqrstuvwxyz", *(f"a{c}" for c in "abcdefghijklmnopqrstuvwxyz"),
            *(f"b{c}" for c in "abcdefghijklmnopqrstuvwxyz"), *(f"c{c}" for c in "abcdefghijklmnopqrstuvwxyz"),
            *(f"d{c}" for c in "abcdefghijklmnopqrstuvwxyz"), *(f"e{c}" for c in "abcdefghijklmnopqr")]


def _key(s: str) -> str:
    return re.sub(r"[\W_]+", "", norm(s or "").lower())


def rows(gold_path: Path, papers_path: Path, extractor: Extractor) -> list[dict]:
    """One row per coined name of each paper, as the rules type it, with its gold label (None when gold
    lacks it). ``extractor`` must have no typer, so the rows hold the rules' kinds."""
    gold = {g["id"]: g for g in map(json.loads, gold_path.open(encoding="utf-8"))}
    papers = [json.loads(line) for line in papers_path.open(encoding="utf-8") if line.strip()]
    stream = ((paper_text(Paper(id=d["id"], title=d.get("title"), abstract=d["abstract"])), d["id"]) for d in papers)
    out = []
    for doc, pid in extractor.nlp.pipe(stream, as_tuples=True):
        labels = {}
        for tier in ("core", "optional"):
            for kind, ents in (gold[pid].get(tier) or {}).items():
                for ent in ents:
                    for name in [ent["name"], *ent.get("aliases", [])]:
                        labels.setdefault(_key(name), GOLD_KIND[kind])
        sents, chosen, _ = extractor.chosen(doc)
        for name, row in name_rows(chosen, sents).items():
            texts = {sents.full[c.start:c.end] for c in row["cands"]}
            label = next((labels[k] for k in map(_key, [name, *sorted(texts), row["long"] or ""])
                          if k and k in labels), None)
            out.append({"paper": pid, **{k: v for k, v in row.items() if k != "cands"}, "label": label})
    return out


def train(items: list[tuple[list[int], int]], epochs: int = 30, rate: float = 0.5, l2: float = 1e-4) -> np.ndarray:
    weights = np.zeros((DIM, len(KINDS)))
    for epoch in range(epochs):
        random.Random(epoch).shuffle(items)
        for idx, y in items:
            p = _softmax(weights[idx].sum(0))
            p[y] -= 1
            weights[idx] -= rate * (p + l2 * weights[idx])
    return weights


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return e / e.sum()


def cross_validate(data: list[dict], rule_kind: bool = True, folds: int = 5) -> Counter:
    labelled = [r for r in data if r["label"] in KINDS]
    papers = sorted({r["paper"] for r in labelled})
    random.Random(0).shuffle(papers)
    fold_of = {p: i % folds for i, p in enumerate(papers)}
    vecs = [features(r, rule_kind) for r in labelled]
    got: Counter = Counter()
    for k in range(folds):
        weights = train([(v, KINDS.index(r["label"])) for v, r in zip(vecs, labelled) if fold_of[r["paper"]] != k])
        for v, r in zip(vecs, labelled):
            if fold_of[r["paper"]] != k:
                continue
            p = _softmax(weights[v].sum(0))
            model = KINDS[int(p.argmax())]
            got["names"] += 1
            got["rules right"] += r["kind"] == r["label"]
            got["model right"] += model == r["label"]
            for t in (0.6, 0.7, 0.8, 0.9):
                both = model if model != r["kind"] and p.max() >= t else r["kind"]
                got[f"combined (T={t}) right"] += both == r["label"]
    return got


def train_test(train_data: list[dict], test_data: list[dict], rule_kind: bool = True) -> Counter:
    """Train on every labelled name of ``train_data``; count right kinds on ``test_data`` (text the rules were
    not written from, where their in-sample accuracy no longer flatters them)."""
    items = [(features(r, rule_kind), KINDS.index(r["label"])) for r in train_data if r["label"] in KINDS]
    weights = train(items)
    got: Counter = Counter()
    for r in test_data:
        if r["label"] not in KINDS:
            continue
        p = _softmax(weights[features(r, rule_kind)].sum(0))
        model = KINDS[int(p.argmax())]
        got["names"] += 1
        got["rules right"] += r["kind"] == r["label"]
        got["model right"] += model == r["label"]
        got["only the model right"] += model == r["label"] != r["kind"]
        got["only the rules right"] += r["kind"] == r["label"] != model
        for t in (0.6, 0.7, 0.8, 0.9):
            both = model if model != r["kind"] and p.max() >= t else r["kind"]
            got[f"combined (T={t}) right"] += both == r["label"]
    return got


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="where eval/materialise.py wrote the held-out sets")
    ap.add_argument("--sets", nargs="+", default=DEV_SETS)
    ap.add_argument("--test", nargs="+", default=[], help="train on --sets, count right kinds on these sets")
    ap.add_argument("--no-rule-kind", action="store_true", help="leave the rules' kind out of the features")
    ap.add_argument("--save", type=Path, help="train on every labelled name of --sets and write the weights here")
    a = ap.parse_args()
    extractor = Extractor(typer=None)

    def load(sets: list[str]) -> list[dict]:
        return [r for s in sets
                for r in rows(a.folder / f"heldout-{s}.jsonl", a.folder / f"heldout-{s}-papers.jsonl", extractor)]

    data = load(a.sets)
    if a.save:
        save_weights(train([(features(r), KINDS.index(r["label"])) for r in data if r["label"] in KINDS]), a.save)
        print(f"{a.save}: trained on {sum(r['label'] in KINDS for r in data)} names")
        return
    if a.test:
        got = train_test(data, load(a.test), rule_kind=not a.no_rule_kind)
    else:
        got = cross_validate(data, rule_kind=not a.no_rule_kind)
    print(json.dumps({"coined names": len(data), "with a gold type": sum(r["label"] is not None for r in data),
                      **{k: int(v) for k, v in got.items()}}, indent=1))


if __name__ == "__main__":
    main()
