"""A learned second opinion on the kind of coined names (names the lexicon does not know).

The rules type a coined name from its shape and the words around it. On abstracts they were not written
from, they get about one coined name in eight wrong (Model vs Method, Dataset vs Benchmark). A multinomial
logistic regression, trained on the held-out gold sets kg is developed on, reads the same evidence plus
the rules' own kind and overrules the rules when it is confident; cross-validated, it is now about level
with them (eval/README.md has the figures). It is a linear model over hashed features: a few dictionary
look-ups per name, no network.

Train (reproducibly) with ``python eval/typing_experiment.py out/eval --save kg/data/typer.npz``.
"""
from __future__ import annotations

import math
import re
import zlib
from pathlib import Path

import numpy as np

KINDS = ("Method", "Model", "Benchmark", "Dataset")
DIM = 1 << 15
DEFAULT_WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "typer.npz"
_CTX = 4  # sentences per name that the features read
CONFIDENT = 0.8  # the model's kind replaces the rules' only with at least this probability

_WORD = re.compile(r"[a-z]+|\d+")
_UPPER, _LOWER, _DIGITS = re.compile(r"[A-Z]+"), re.compile(r"[a-z]+"), re.compile(r"\d+")
_PARTS = re.compile(r"[-\s_./]+")
_SIZE = re.compile(r"\d+(?:\.\d+)?[bm]\b")
_APPOSED = re.compile(r"\s*(?:\([^)]*\))?\s*,\s*(?:a|an|the)\s+(.*)")


def _words(s: str) -> list[str]:
    return _WORD.findall(s.lower())


def name_rows(chosen, sents) -> dict[str, dict]:
    """The evidence for each coined name of one abstract: its kind and origins from the rules, its long
    form, and up to four (sentence, mention text) pairs; ``cands`` are the mentions to retype."""
    rows: dict[str, dict] = {}
    for c in chosen:
        if c.key is not None or c.kind not in KINDS:
            continue
        row = rows.setdefault(c.name, {"name": c.name, "kind": c.kind, "origins": set(), "long": c.long_form,
                                       "ctx": [], "cands": []})
        row["origins"].add(c.origin)
        row["cands"].append(c)
        if len(row["ctx"]) < _CTX:
            row["ctx"].append((sents.text(sents.index(c.start)).strip(), sents.full[c.start:c.end]))
    return rows


def features(row: dict, rule_kind: bool = True) -> list[int]:
    """Hashed feature ids: origins, the name's first and last part and shape, a size, the long form's last
    words, the words just before and after each mention, and the words of an apposition after it."""
    name = row["name"]
    parts = _PARTS.split(name)
    shape = _LOWER.sub("a", _UPPER.sub("A", _DIGITS.sub("9", name)))[:8]
    f = [f"origin={o}" for o in row["origins"]] + [f"last={parts[-1].lower()}", f"first={parts[0].lower()}",
                                                    f"shape={shape}"]
    if rule_kind:
        f.append(f"rule={row['kind']}")
    if _SIZE.search(name.lower()):
        f.append("size")
    f += [f"long={w}" for w in _words(row["long"] or "")[-2:]]
    for sentence, text in row["ctx"]:
        i = sentence.find(text)
        if i >= 0:
            f += [f"before={w}" for w in _words(sentence[max(0, i - 80):i])[-4:]]
            after = sentence[i + len(text):i + len(text) + 80]
            f += [f"after={w}" for w in _words(after)[:6]]
            told = _APPOSED.match(after) if "," in after else None  # "X (Y), a 7B prover": what it is called
            if told:
                f += [f"apposed={w}" for w in _words(told.group(1))[:6]]
    return sorted({zlib.crc32(x.encode()) % DIM for x in f})


def save_weights(weights: np.ndarray, path: Path) -> None:
    """Only the rows some feature reached (most of the hashed space stays zero)."""
    used = np.flatnonzero(np.abs(weights).sum(1))
    np.savez_compressed(path, rows=used.astype(np.int32), weights=weights[used].astype(np.float32))


class LearnedTyper:
    def __init__(self, rows: np.ndarray, weights: np.ndarray):
        self._w = {int(r): tuple(map(float, w)) for r, w in zip(rows, weights)}

    @classmethod
    def load(cls, path: Path = DEFAULT_WEIGHTS) -> LearnedTyper:
        with np.load(path) as data:
            return cls(data["rows"], data["weights"])

    def kind(self, row: dict) -> str:
        # plain floats summed column-wise: a few numbers per name, where numpy's per-call cost would dominate
        known = [w for i in features(row) if (w := self._w.get(i)) is not None]
        if not known:
            return row["kind"]  # nothing the model learned applies: the rules' kind stands
        score = [sum(col) for col in zip(*known)]
        top = max(score)
        if 1.0 / sum(math.exp(x - top) for x in score) < CONFIDENT:
            return row["kind"]  # not sure enough to overrule the rules (cross-validation: eval/README.md)
        return KINDS[score.index(top)]

    def retype(self, chosen, sents) -> None:
        """Give every mention of a coined name the model's kind for it."""
        for row in name_rows(chosen, sents).values():
            kind = self.kind(row)
            if kind != row["kind"]:
                for c in row["cands"]:
                    c.kind = kind
