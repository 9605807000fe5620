"""The extraction pipeline: papers in, :class:`schemas.Extraction` out, through ``nlp.pipe`` in batches."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from kg.extraction import components  # noqa: F401  (registers the factories)
from kg.extraction.components import lexicon_patterns
from kg.extraction.learned_typing import LearnedTyper
from kg.extraction.lexicon import Lexicon, load_lexicon
from kg.extraction.mentions import Sentences, collect, decompose, everywhere, resolve, to_mentions
from kg.extraction.relations import relate
from kg.extraction.tokenizer import blank_english
from schemas import Extraction, Paper


def build_nlp(lexicon: Lexicon) -> Language:
    """Blank English with kg's sentence splitter and rule components.

    >>> from kg.extraction.lexicon import Lexicon
    >>> build_nlp(Lexicon()).pipe_names[:2]
    ['kg_sentences', 'kg_lexicon']
    """
    nlp = blank_english()
    nlp.add_pipe("kg_sentences")
    ruler = nlp.add_pipe("kg_lexicon")
    ruler.add_patterns(lexicon_patterns(lexicon))
    nlp.add_pipe("kg_acronyms")
    nlp.add_pipe("kg_model_names")
    nlp.add_pipe("kg_name_shapes")
    return nlp


def paper_text(p: Paper) -> str:
    return f"{p.title.strip()}\n\n{p.abstract}" if p.title and p.title.strip() else p.abstract


class Extractor:
    """Runs the pipeline over papers and returns typed mentions, relations and results per paper."""

    def __init__(self, lexicon: Lexicon | None = None, user_lexicons: Iterable[Path] = (),
                 typer: LearnedTyper | None | bool = True):
        self.lexicon = lexicon if lexicon is not None else load_lexicon(user_lexicons)
        self.nlp = build_nlp(self.lexicon)
        # True: the shipped learned typer; None/False: the rules' kinds alone (what the typer is trained from)
        self.typer = LearnedTyper.load() if typer is True else (typer or None)

    def extract(self, papers: Iterable[Paper], batch_size: int = 64) -> Iterator[Extraction]:
        stream = ((paper_text(p), p.id) for p in papers)
        for doc, pid in self.nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
            yield self.from_doc(doc, pid)

    def chosen(self, doc) -> tuple[Sentences, list, list]:
        """The rules' mentions of one doc: sentences, chosen candidates and acronym definitions."""
        sents = Sentences(doc, doc._.kg_title_len)
        cands, defs = collect(doc, self.lexicon, sents)
        chosen = decompose(everywhere(resolve(cands), sents.full, sents.title_len), self.lexicon, sents.full, cands)
        return sents, chosen, defs

    def from_doc(self, doc, paper_id: str) -> Extraction:
        sents, chosen, defs = self.chosen(doc)
        if self.typer is not None:
            self.typer.retype(chosen, sents)
        rels, claims = relate(sents.full, chosen, sents)
        mentions, acronyms = to_mentions(doc, chosen, defs, sents)
        return Extraction(paper_id=paper_id, mentions=tuple(mentions), relations=tuple(rels),
                          results=tuple(claims), acronyms=tuple(acronyms))
