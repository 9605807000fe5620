"""kg's tokenizer: words (letters and digits, with inner "." and "'" kept: "Qwen2.5", "AIME'24") and single
punctuation marks, so hyphens, slashes and parentheses always split ("AIME-2024", "Qwen-2.5", "GRPO-based",
"aggregation(MPFA"), and patterns and text get the same boundaries.

spaCy's rule-based English tokenizer (prefix, suffix and infix rules, exceptions) cost a quarter of the
extraction time; kg's components need only consistent boundaries, which one regex gives, and the Doc is
built from words and spaces in one call.
"""
from __future__ import annotations

import re

import spacy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

# a token and the whitespace after it; "AIME'24" is a word, "X's" is X + 's
_TOKEN = re.compile(r"(\w+(?:\.\w+|['’](?![sS]\b)\w+)*|[^\w\s])(\s*)")
# and, in a text with LaTeX superscripts, "PT$^2$" is one word too (a few abstracts in a thousand: a regex of its
# own, so the rest do not pay for the extra alternative)
_TOKEN_TEX = re.compile(r"(\w+(?:\.\w+|['’](?![sS]\b)\w+|\$\^\{?\w{1,3}\}?\$\w*)*|[^\w\s])(\s*)")


class RegexTokenizer:
    """Text -> Doc; ``doc.text`` equals the input exactly (extra whitespace becomes whitespace tokens, as in
    spaCy). The input string is also kept on ``doc.user_data["kg_text"]``: ``Doc.text`` rebuilds it from
    the tokens on every access.

    >>> nlp = blank_english()
    >>> [t.text for t in nlp("Qwen2.5-7B (GRPO++) got 41.5% on AIME'24 and GAIA's set.")]
    ['Qwen2.5', '-', '7B', '(', 'GRPO', '+', '+', ')', 'got', '41.5', '%', 'on', "AIME'24", 'and', 'GAIA', "'", 's', 'set', '.']
    """

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        lead = len(text) - len(text.lstrip())
        found = (_TOKEN_TEX if "$^" in text else _TOKEN).findall(text, lead)
        words = [word for word, _ in found]
        spaces = [gap == " " for _, gap in found]
        # a gap other than one space ("\n\n" after the title, "  "): a space on the word, the rest a token
        for i in reversed([i for i, (_, gap) in enumerate(found) if gap and gap != " "]):
            gap = found[i][1]
            spaces[i] = gap[0] == " "
            words.insert(i + 1, gap[1:] if spaces[i] else gap)
            spaces.insert(i + 1, False)
        if lead:  # whitespace before the first token is a token of its own
            words.insert(0, text[:lead])
            spaces.insert(0, False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["kg_text"] = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "RegexTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> "RegexTokenizer":
        return self


def blank_english() -> Language:
    """Blank English with kg's tokenizer. Its components match on ORTH and LOWER only, so a new word's
    lexeme gets just those: computing spaCy's other twenty lexical attributes (shape, stop word, like_num,
    ...) for every word never seen before was a tenth of extraction time.

    >>> sorted(blank_english().vocab.lex_attr_getters) == [LOWER]
    True
    """
    nlp = spacy.blank("en")
    nlp.vocab.lex_attr_getters = {LOWER: nlp.vocab.lex_attr_getters[LOWER]}
    nlp.tokenizer = RegexTokenizer(nlp.vocab)
    return nlp
