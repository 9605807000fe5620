"""Tokenizer tweak: split hyphens, slashes and parentheses between any two alphanumerics, so that
"AIME-2024", "Qwen-2.5" and "GRPO-based" give the same token boundaries in patterns and in text."""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

# one alternative keeps the infix regex cheap: "AIME-2024", "25/24", "aggregation(MPFA" split alike
_INFIX = r"(?<=[A-Za-z0-9])[-–—/()](?=[A-Za-z0-9])"


class _KeepText:
    """Tokenizer wrapper that keeps the input string on the Doc: ``Doc.text`` rebuilds it from the tokens
    on every access, which cost as much as tokenizing."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        doc = self.tokenizer(text)
        doc.user_data["kg_text"] = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name):  # to_disk, from_disk, explain, ... go to the real tokenizer
        return getattr(self.tokenizer, name)


def blank_english() -> Language:
    nlp = spacy.blank("en")
    infixes = list(nlp.Defaults.infixes) + [_INFIX]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer = _KeepText(nlp.tokenizer)
    return nlp
