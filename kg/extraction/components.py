"""spaCy components that find candidate names. Each writes candidates only; typing, linking and relations
happen later on the collected candidates (:mod:`kg.extraction.mentions`).

- ``kg_sentences``: sentence spans from the text (the title is a sentence of its own).
- ``kg_lexicon``: phrase matches against the lexicon -> ``doc.spans["kg_lexicon"]`` (label kind, id lexicon id)
- ``kg_acronyms``: "Long Form (LF)" and "LF (Long Form)" definitions -> ``doc._.kg_acronyms``
- ``kg_model_names``: model names by their grammar (family, version, size, variant) -> ``doc.spans["kg_models"]``
- ``kg_name_shapes``: tokens shaped like names (CamelCase, digits, capitals, "++") -> ``doc.spans["kg_names"]``
"""
from __future__ import annotations

import re

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import ensure_path, from_disk, to_disk

from kg.extraction import acronyms as acr
from kg.extraction import shapes

if not Doc.has_extension("kg_acronyms"):
    Doc.set_extension("kg_acronyms", default=None)
if not Doc.has_extension("kg_title_len"):
    Doc.set_extension("kg_title_len", default=0)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def _char_spans(doc: Doc, found, label: str, kb: str = "") -> list[Span]:
    out = []
    for start, end in found:
        sp = doc.char_span(start, end, label=label, span_id=kb, alignment_mode="expand")
        if sp is not None and len(sp):
            out.append(sp)
    return out


# the mark is matched, not looked behind for: a pattern that starts with a character set is scanned for fast
_SENT_BREAK = re.compile(r"[.!?]([\"')\]]?)\s+(?=[\"'(\[]?[A-Z0-9\\$])|\n\s*\n")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|et al|vs|cf|Fig|Figs|Eq|Eqs|Sec|Tab|approx|resp|Dr|Mr|Ms|Prof|No|Vol|etc|"
                     r"St|Jr|Inc|Ltd|Co|al)|(?<![\w.])[A-Z])\.$")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentence char spans: a break after ., ! or ? before a capital or digit (not after "e.g.", "et al.",
    "Dr." or an initial), and at a blank line (the title's end).

    >>> t = "We use GRPO, e.g. for math. Results improve by 3.5%. Dr. Lee agrees."
    >>> [t[a:b] for a, b in sentence_bounds(t)]
    ['We use GRPO, e.g. for math.', 'Results improve by 3.5%.', 'Dr. Lee agrees.']
    """
    bounds, start = [], 0
    for m in _SENT_BREAK.finditer(text):
        if m.group(1) is None:  # a blank line
            end = m.start()
        elif _ABBREV.search(text, max(0, m.start() - 7), m.start() + 1):
            continue
        else:
            end = m.end(1)
        if text[start:end].strip():
            bounds.append((start, end))
        start = m.end()
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds or [(0, len(text))]


class SentenceSplitter:
    """Sentence boundaries as char offsets on ``doc.user_data["kg_sents"]``, from the text alone.

    kg only needs sentence spans (for evidence and sentence-level rules), and finding them on the string is
    several times cheaper than setting ``Token.is_sent_start`` on every token as spaCy's sentencizer does.
    Text is ``title + "\\n\\n" + abstract`` (loaders collapse whitespace inside abstracts): the title's
    length goes on ``doc._.kg_title_len``."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        doc._.kg_title_len = max(text.find("\n\n", 0, 600), 0)
        doc.user_data["kg_sents"] = sentence_bounds(text)
        return doc


@Language.factory("kg_sentences", assigns=["doc._.kg_title_len"])
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()


_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


class LexiconRuler:
    """Phrase matcher over the lexicon's names and aliases.

    Short all-capital forms (acronyms) match case-sensitively; other forms match in any case.

    Args:
        nlp (Language): the pipeline, for its tokenizer.
        name (str): the component's name.
        patterns (list[dict]): ``{"id", "kind", "form"}`` rows. Defaults to [] (add with ``add_patterns``).
    """

    def __init__(self, nlp: Language, name: str = "kg_lexicon", *, patterns: list[dict] | None = None):
        self.nlp = nlp
        self.name = name
        self.clear()
        if patterns:
            self.add_patterns(patterns)

    def clear(self) -> None:
        self.patterns: list[dict] = []
        self._exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._kinds: dict[str, str] = {}
        # entries with a short form capitalised inside ("MiMo"): their forms in capitals ("MIMO" is another thing)
        self._caps_forms: dict[str, set[str]] = {}

    def add_patterns(self, patterns: list[dict]) -> None:
        exact: dict[str, list] = {}
        lower: dict[str, list] = {}
        for p in patterns:
            self.patterns.append(p)
            self._kinds[p["id"]] = p["kind"]
            if len(p["form"]) <= 5 and _INNER_CAPITAL.search(p["form"]):
                self._caps_forms.setdefault(p["id"], set())
            if p["form"].isupper():
                self._caps_forms.setdefault(p["id"], set()).add(p["form"])
            doc = self.nlp.make_doc(p["form"])
            exact_case = shapes.case_sensitive(p["form"]) and not p.get("any_case")
            (exact if exact_case else lower).setdefault(p["id"], []).append(doc)
        for key, docs in exact.items():
            self._exact.add(key, docs)
        for key, docs in lower.items():
            self._lower.add(key, docs)

    def match(self, doc: Doc) -> list[tuple[int, int, str]]:
        vocab = self.nlp.vocab.strings
        found = [(s, e, vocab[m]) for m, s, e in self._exact(doc)]
        caps = self._caps_forms
        for m, s, e in self._lower(doc):
            key = vocab[m]
            if key in caps and e - s == 1 and (text := doc[s].text).isupper() and text not in caps[key]:
                continue  # "MIMO" in capitals is an acronym of its own, not the model MiMo (but "LLAMA" is Llama)
            found.append((s, e, key))
        return found

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, str]]) -> None:
        doc.spans[self.name] = [Span(doc, s, e, label=self._kinds[k], span_id=k) for s, e, k in matches]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def to_disk(self, path, *, exclude=()) -> None:
        to_disk(ensure_path(path), {"patterns": lambda p: srsly.write_jsonl(p, self.patterns)}, exclude)

    def from_disk(self, path, *, exclude=()) -> "LexiconRuler":
        self.clear()
        path = ensure_path(path)
        if not (path / "patterns").exists():
            raise ValueError(f"{path}: no patterns file; was this written by LexiconRuler.to_disk?")
        from_disk(path, {"patterns": lambda p: self.add_patterns(list(srsly.read_jsonl(p)))}, exclude)
        return self


@Language.factory("kg_lexicon", assigns=["doc.spans"], default_config={"patterns": []})
def make_lexicon_ruler(nlp: Language, name: str, patterns: list[dict]) -> LexiconRuler:
    return LexiconRuler(nlp, name, patterns=patterns)


class AcronymFinder:
    """Schwartz–Hearst style acronym definitions, both orders; results as char offsets
    ``(short_start, short_end, long_start, long_end)`` on ``doc._.kg_acronyms``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_acronyms = acr.find_definitions(doc_text(doc))
        return doc


@Language.factory("kg_acronyms", assigns=["doc._.kg_acronyms"])
def make_acronym_finder(nlp: Language, name: str) -> AcronymFinder:
    return AcronymFinder()


class ModelNames:
    """Model names by their grammar: family, version, size and variant (``Qwen2.5-7B-Instruct``,
    ``DeepSeek-R1-Distill-Qwen-1.5B``, ``Llama-3.1-8B``, ``GPT-4o``)."""

    def __init__(self, name: str = "kg_models"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.name] = _char_spans(doc, shapes.find_model_names(doc_text(doc)), "Model")
        return doc


@Language.factory("kg_model_names", assigns=["doc.spans"])
def make_model_names(nlp: Language, name: str) -> ModelNames:
    return ModelNames(name)


class NameShapes:
    """Tokens shaped like coined names: ``DeepResearcher``, ``XRPO``, ``GRPO++``, ``C3EBench``, ``Jet-RL``."""

    def __init__(self, name: str = "kg_names"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.name] = _char_spans(doc, shapes.find_name_shapes(doc_text(doc)), "NAME")
        return doc


@Language.factory("kg_name_shapes", assigns=["doc.spans"])
def make_name_shapes(nlp: Language, name: str) -> NameShapes:
    return NameShapes(name)


def _plural(form: str) -> str | None:
    """The plural a text may use for a method's name: "variational autoencoders", "PRMs"."""
    if form[-1:] in "sSxzy" or not form[-1:].isalpha():
        return None
    if " " in form and re.fullmatch(r"[A-Za-z][A-Za-z-]*[a-z]", form.split()[-1]):
        return form + "s"
    if form.isupper() and 2 <= len(form) <= 6:
        return form + "s"
    return None


def lexicon_patterns(lexicon) -> list[dict]:
    """Pattern rows for :class:`LexiconRuler` from a :class:`kg.extraction.lexicon.Lexicon` (methods and
    models also by their plural: "reward models", "PRMs")."""
    rows = []
    for e in lexicon:
        if e.kind == "Method" and shapes.is_stop_form(e.name):
            continue  # an umbrella technique ("test-time scaling") is not named by any of its spellings either
        forms = list(e.forms())
        # "T5 model" adds nothing to "T5" but length, and would win "FLAN-T5 model" from the longer name
        forms = [f for f in forms if not (f.endswith((" model", " models")) and f.rsplit(" ", 1)[0] in forms)]
        if e.kind in {"Method", "Model"}:
            forms += [p for p in map(_plural, forms) if p]
        for form in dict.fromkeys(forms):
            if len(form) >= 2 and not shapes.is_stop_form(form):
                row = {"id": e.id, "kind": e.kind, "form": form}
                if e.kind == "Model" and len(form) >= 4 and not form.rstrip("s").isupper() and form[:1].isupper():
                    row["any_case"] = True  # model names are written Llama, LLaMA, LLAMA alike
                elif e.kind in {"Benchmark", "Dataset"} and len(form) >= 5 and re.search(
                        r"[A-Za-z]\d|\d[A-Za-z]|[A-Za-z]-[A-Za-z]", form):
                    # "GSM8k", "GSM-symbolic": letters with digits or a hyphen spell no English word
                    row["any_case"] = True
                rows.append(row)
    return rows


__all__ = ["AcronymFinder", "LexiconRuler", "ModelNames", "NameShapes", "SentenceSplitter", "lexicon_patterns",
           "sentence_bounds"]
