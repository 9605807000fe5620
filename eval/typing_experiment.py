"""Would a learned typer beat the rules? A measured answer, not a component.

For every coined name the extractor finds (a mention with no lexicon id) in the development gold sets, the
label is the gold type of the entity whose name or alias it matches. A multinomial logistic regression over
hashed features (the rules' kind and origin, the name's shape and parts, the long form's last words, the
words around each mention) is scored by 5-fold cross-validation with papers as the folds, and compared
with the rules' kind alone and with the two combined (the model's kind where it disagrees with confidence
at least T). numpy only; deterministic.

usage: python eval/materialise.py --out out/eval
       python eval/typing_experiment.py out/eval [--sets a b ... ad] [--no-rule-kind]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

from kg.extraction.pipeline import Extractor
from kg.text import norm
from schemas import Paper

KINDS = ["Method", "Model", "Benchmark", "Dataset"]
GOLD_KIND = {"method": "Method", "model": "Model", "benchmark": "Benchmark", "dataset": "Dataset",
             "task": "Task", "metric": "Metric"}
DIM = 1 << 15
DEV_SETS = [*"abcdefghijklmnopqrstuvwxyz", "ac", "ad"]  # aa, ab and ae-ah are kept unseen


def _key(s: str) -> str:
    return re.sub(r"[\W_]+", "", norm(s or "").lower())


def rows(gold_path: Path, papers_path: Path, extractor: Extractor) -> list[dict]:
    """One row per coined entity of each paper: its mentions and its gold label (None when gold lacks it)."""
    gold = {g["id"]: g for g in map(json.loads, gold_path.open(encoding="utf-8"))}
    papers = [Paper(id=d["id"], title=d.get("title"), abstract=d["abstract"])
              for d in map(json.loads, papers_path.open(encoding="utf-8"))]
    out = []
    for paper, ex in zip(papers, extractor.extract(papers)):
        labels = {}
        for tier in ("core", "optional"):
            for kind, ents in (gold[paper.id].get(tier) or {}).items():
                for ent in ents:
                    for name in [ent["name"], *ent.get("aliases", [])]:
                        labels.setdefault(_key(name), GOLD_KIND[kind])
        by_name: dict[str, list] = {}
        for m in ex.mentions:
            if m.key is None and m.kind in KINDS:
                by_name.setdefault(m.name, []).append(m)
        for name, ms in by_name.items():
            label = next((labels[k] for m in ms for k in (_key(name), _key(m.text), _key(m.long_form))
                          if k and k in labels), None)
            out.append({"paper": paper.id, "name": name, "kind": ms[0].kind, "origins": {m.origin for m in ms},
                        "long": ms[0].long_form, "ctx": [(m.evidence.sentence, m.text) for m in ms[:4]],
                        "label": label})
    return out


def _words(s: str) -> list[str]:
    return re.findall(r"[a-z]+|\d+", s.lower())


def features(row: dict, rule_kind: bool = True) -> list[int]:
    name = row["name"]
    parts = re.split(r"[-\s_./]+", name)
    f = [f"origin={o}" for o in row["origins"]] + [f"last={parts[-1].lower()}", f"first={parts[0].lower()}",
                                                    "shape=" + re.sub(r"[a-z]+", "a", re.sub(r"[A-Z]+", "A",
                                                                      re.sub(r"\d+", "9", name)))[:8]]
    if rule_kind:
        f.append(f"rule={row['kind']}")
    if re.search(r"\d+(?:\.\d+)?[bm]\b", name.lower()):
        f.append("size")
    f += [f"long={w}" for w in _words(row["long"] or "")[-2:]]
    for sentence, text in row["ctx"]:
        i = sentence.find(text)
        if i >= 0:
            f += [f"before={w}" for w in _words(sentence[:i])[-4:]]
            f += [f"after={w}" for w in _words(sentence[i + len(text):])[:6]]
    return sorted({zlib.crc32(x.encode()) % DIM for x in f})


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
            for t in (0.6, 0.8, 0.9):
                both = model if model != r["kind"] and p.max() >= t else r["kind"]
                got[f"combined (T={t}) right"] += both == r["label"]
    return got


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="where eval/materialise.py wrote the held-out sets")
    ap.add_argument("--sets", nargs="+", default=DEV_SETS)
    ap.add_argument("--no-rule-kind", action="store_true", help="leave the rules' kind out of the features")
    a = ap.parse_args()
    extractor = Extractor()
    data = []
    for s in a.sets:
        data += rows(a.folder / f"heldout-{s}.jsonl", a.folder / f"heldout-{s}-papers.jsonl", extractor)
    got = cross_validate(data, rule_kind=not a.no_rule_kind)
    print(json.dumps({"coined names": len(data), "with a gold type": sum(r["label"] is not None for r in data),
                      **{k: int(v) for k, v in got.items()}}, indent=1))


if __name__ == "__main__":
    main()
