"""Tokenizer tweak: split hyphens between any two alphanumerics, so that "AIME-2024", "Qwen-2.5" and
"GRPO-based" give the same token boundaries in patterns and in text."""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

_HYPHEN_INFIX = r"(?<=[A-Za-z0-9])(?:-|–|—)(?=[A-Za-z0-9])"
_SLASH_INFIX = r"(?<=[A-Za-z0-9])/(?=[A-Za-z])"
_PAREN_INFIX = r"(?<=[A-Za-z0-9])[()](?=[A-Za-z0-9])"


def blank_english() -> Language:
    nlp = spacy.blank("en")
    infixes = list(nlp.Defaults.infixes) + [_HYPHEN_INFIX, _SLASH_INFIX, _PAREN_INFIX]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp
