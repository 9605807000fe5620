"""From the components' candidates to typed, non-overlapping mentions with evidence."""
from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from kg.extraction import phrases, shapes
from kg.extraction.components import doc_text
from kg.extraction.lexicon import Lexicon
from kg.extraction.typing import (METHOD_WORDS, apposition_kind, kind_from_context, kind_from_long_form,
                                  kind_from_shape, named_kind, said_collection_kind)
from kg.text import clean_latex, norm
from schemas import Acronym, Evidence, Mention

AND_CUE = re.compile(r"and (?:then )?(propose|introduce|present)s?\b")
PROPOSE_CUE = re.compile(
    r"(?=[wtoncdripu])(?:"  # every cue starts with one of these letters: a cheap test before the alternation
    r"\b(?:we|this (?:paper|work|study|report)|our (?:work|paper))\s+"
    r"(?:\w+ly\s+|also\s+|then\s+|further\s+|first\s+|finally\s+|here\s+)?"
    r"(?:propose|introduce|present|develop|design|build|construct|create|release|curate|contribute|establish|"
    r"devise|offer|unveil|open-source|put forward|train|collect|name|call|dub|term|instantiate)(?:s|d|ed)?\b"
    r"|\bwe\s+(?:\w+ly\s+|also\s+|then\s+|further\s+|first\s+)?built\b"
    r"|\b(?:us|we\s+(?:aim|seek|set\s+out|want|choose))\s+to\s+(?:propose|introduce|present|develop|design|build)\b"
    r"|\b(?:named|called|dubbed|termed|coined|namely|refer(?:red)? to as)\b|\bintroducing\b|\bproposing\b"
    r"|\b(?:introduces|proposes|presents)\b"
    r"|\bour(?<![A-Za-z]\sour)\s+(?!previous|prior|earlier|foundational|existing|original)(?:[\w-]+\s+){0,2}?"
    r"(?:model|method|algorithm|framework|approach|system|agent|benchmark|dataset|pipeline|implementation|"
    r"(?:protocol|mechanism|module|strategy|objective|architecture|scheme|estimator|paradigm|recipe|workflow|"
    r"technique)(?=,\s+(?-i:[A-Z]))),"  # "Our protocol, MTPO (...)", not "our workflow, with automatic ..."
    r")",
    re.I,
)
# every cue starts with one of these words: found with str.find, each place then tried with the regex, instead of
# the regex scanning every position (a twentieth of extraction time)
_CUE_ANCHORS = ("we", "this", "our", "us", "named", "called", "dubbed", "termed", "coined", "namely", "refer",
                "introduc", "propos", "present")


def _propose_cues(text: str, start: int) -> list[re.Match]:
    """``PROPOSE_CUE.finditer(text, start)``, faster: the same matches, tried only where a cue word starts.

    >>> t = "We propose Foo. It answers; our method, Bar, is called Baz."
    >>> [m.group(0) for m in _propose_cues(t, 0)] == [m.group(0) for m in PROPOSE_CUE.finditer(t)]
    True
    """
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: offsets would shift
        return list(PROPOSE_CUE.finditer(text, start))
    places = set()
    for word in _CUE_ANCHORS:
        i = low.find(word, start)
        while i >= 0:
            places.add(i)
            i = low.find(word, i + 1)
    out, end = [], start
    for i in sorted(places):
        if i >= end and (m := PROPOSE_CUE.match(text, i)) is not None:
            out.append(m)
            end = m.end()
    return out


# origin -> (priority at equal span, confidence)
ORIGINS = {"acronym": (5, 0.9), "lexicon": (4, 0.95), "model": (3, 0.9), "proposal": (2, 0.8),
           "title": (2, 0.8), "shape": (1, 0.65), "phrase": (1, 0.6), "context": (1, 0.6), "list": (0, 0.55)}


@dataclass
class Cand:
    start: int
    end: int
    kind: str
    name: str
    origin: str
    key: str | None = None
    long_form: str | None = None
    family: str | None = None
    guessed: bool = False  # kind is the default guess (Method), not read from the text
    defining: bool = False  # the short or long form of an acronym definition itself
    collides: bool = False  # a short form the lexicon knows, defined here as something else (a second "ARPO")

    @property
    def conf(self) -> float:
        return ORIGINS[self.origin][1]


class Sentences:
    """Char-offset sentence look-up for one doc; the title (if any) is the first sentence."""

    def __init__(self, doc: Doc, title_len: int):
        self.doc = doc
        self.full = doc_text(doc)
        self.title_len = title_len
        self.bounds = doc.user_data["kg_sents"]
        self.starts = [b[0] for b in self.bounds]
        body = range(1 if title_len else 0, len(self.bounds))
        # sentences that introduce something ("we propose ..."): asked by several rules, found once
        first = body.start
        body_start = self.bounds[first][0] if first < len(self.bounds) else len(self.full)
        # every "we propose ..." cue of the abstract, found once; the rules that ask ask this list
        self.cues = [(m.start(), m.end()) for m in _propose_cues(self.full, body_start)]
        # "We study X and propose Y": a second, literal-led search (as one more alternative of PROPOSE_CUE it
        # doubled that regex's cost)
        more = [(m.start(1), m.end()) for m in AND_CUE.finditer(self.full, body_start)
                if not self.full[m.start() - 1].isalnum()]
        if more:
            self.cues = sorted(self.cues + more)
        self._cue_starts = [c[0] for c in self.cues]
        self.proposals = {i for c0, _ in self.cues if (i := self.index(c0)) >= first}
        self._evidence: dict[tuple[int, int], Evidence] = {}

    def cues_in(self, a: int, b: int) -> list[tuple[int, int]]:
        """The proposal cues that start in ``[a, b)``, in order."""
        return self.cues[bisect.bisect_left(self._cue_starts, a):bisect.bisect_left(self._cue_starts, b)]

    def last_cue_before(self, char: int) -> tuple[int, int] | None:
        """The last cue in ``char``'s sentence that ends before ``char``."""
        a = self.bounds[self.index(char)][0] if self.bounds else 0
        found = None
        for c0, c1 in self.cues_in(a, char):
            if c1 <= char:
                found = (c0, c1)
        return found

    def index(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def text(self, i: int) -> str:
        a, b = self.bounds[i]
        return self.full[a:b]

    def evidence(self, start: int, end: int) -> Evidence:
        key = (start, end)
        ev = self._evidence.get(key)
        if ev is None:  # mentions and their relations share one (frozen) Evidence
            ev = self._evidence[key] = self._make_evidence(start, end)
        return ev

    def _make_evidence(self, start: int, end: int) -> Evidence:
        a, b = self.bounds[self.index(start)]
        sentence = self.full[a:b].strip()
        if self.title_len and start < self.title_len:
            return Evidence(sentence=sentence, start=start, end=end, field="title")
        off = self.title_len + 2 if self.title_len else 0
        return Evidence(sentence=sentence, start=start - off, end=end - off)


def _lexicon_model_key(lex: Lexicon, name: str) -> str | None:
    hits = lex.lookup(name, "Model")
    return hits[0].id if hits else None


_VARIANT_RE = re.compile(r"([A-Z](?<![\w-].)[A-Za-z]*[A-Za-z](?:[\s'’~-]|\s-\s)?v?\d{1,4}(?:\.\d)?)(?![\w.-]\w)")


# a version is small ("2.0", "v1.5"); "IFEval 79.9" is a score
_VERSION_AFTER = re.compile(r"[\s~-]?(v\d+(?:\.\d+)?|V\d+(?:\.\d+)?|\d\.\d+(?![-\w.%])"
                            r"|\d(?=\s(?:competition|challenge|leaderboard|benchmark|suite|and|or|by|with)\b|[,;:)]"
                            r"|\.(?!\d)))")
_DIGIT_SLASH = re.compile(r"\d\s?/\s?\d")
_YEAR_PAIR = re.compile(r"\b([A-Z][A-Za-z]+)([\s'’-]?)(\d{2}|\d{4})\s?/\s?(\d{2}|\d{4})\b")


def _spelling_variants(text: str, lex: Lexicon) -> list:
    """"AIME 24", "Math 500", "AIME-2025": a name and a number that the lexicon knows written together;
    "AIME 2024/2025" names two benchmarks."""
    out = []
    for m in _VARIANT_RE.finditer(text):
        hits = lex.lookup(m.group(1).replace("~", " "))  # LaTeX's "~" is a space
        if hits and hits[0].kind in {"Benchmark", "Dataset", "Model"}:
            out.append((m.start(1), m.end(1), hits[0]))
    for m in _YEAR_PAIR.finditer(text) if _DIGIT_SLASH.search(text) else ():  # the slash first: a fast scan
        second = lex.lookup(m.group(1) + m.group(2) + m.group(4), "Benchmark")
        if second:
            out.append((m.start(4), m.end(4), second[0]))
    return out


# "Position: ...", "Demo: ...": what kind of paper it is, not a name
_PAPER_KINDS = {"Position", "Survey", "Review", "Tutorial", "Perspective", "Demo", "Opinion", "Commentary", "Editorial"}


def _title_prefix(text: str, title_end: int) -> list[tuple[int, int]]:
    """"Youtu-Agent: Scaling ...", "Foo$^2$: ..." — a one-word title prefix before a colon names what the paper
    introduces."""
    if not title_end:
        return []
    m = re.match(r"\s*([A-Za-z][\w.+-]*[\w+](?:\$\^\{?\w{1,3}\}?\$)?"
                 r"(?:\s(?:Flash|Pro|Base|Max|Mini|Lite|Plus|Ultra|Turbo|Preview|Zero|"
                 r"[Vv]\d+(?:\.\d+)?|\d+(?:\.\d+)?))*)\s*[:：]\s", text[:title_end + 1])  # "JoyAI-LLM Flash:"
    if m and (m.group(1)[0].isupper() or shapes.is_name_shaped(m.group(1))) and m.group(1) not in shapes.COMMON_CAPS \
            and m.group(1) not in _PAPER_KINDS:
        return [(m.start(1), m.end(1))]
    m = _TITLED_PREFIX.match(text, 0, title_end + 1)
    if m and m.group(1).split()[0] not in shapes.COMMON_CAPS and text.find(m.group(1), title_end) >= 0:
        return [(m.start(1), m.end(1))]  # "Quill Router: ..." and "Quill Router" again in the abstract: a name
    m = _REPORT_TITLE.match(text, 0, title_end)
    if m and m.group(1) not in shapes.COMMON_CAPS:
        return [m.span(1)]
    return []


# "Quillon2 Technical Report": what a technical report reports is, more often than not, a model
_REPORT_TITLE = re.compile(r"\s*([A-Z][\w.+-]*[\w+](?:\s[vV]?\d+(?:\.\d+)*)?)\s+Technical\s+Report\s*$")


_TITLED_PREFIX = re.compile(r"\s*([A-Z][\w.+-]*(?:\s[A-Z][\w.+-]*){1,2})\s*[:：]\s")


_COLLECTION_IN_TITLE = re.compile(r"\b(benchmark|dataset|corpus|suite|arena|testbed|leaderboard)s?\b", re.I)
_BENCHMARK_WORD = re.compile(r"\bbenchmarks?\b", re.I)
_MODEL_SUBTITLE = re.compile(r"\s*(?:an?\s+)?(?:(?!\w+ing\b|of\b|the\b)[\w-]+\s+){0,4}?"
                             r"(Language Models?|LLMs?|VLMs?|MLLMs?|Models?)(?=\s+(?:for|via|with|in|on|that)\b|\s*$)")


def _title_kind(text: str, title_end: int) -> str | None:
    """"X: A Benchmark for ..." / "X: a dataset of ..." / "X: Compact Multimodal Language Model for ..." — the
    subtitle says what the prefix names (its head noun, before "for", "via", "with", ...)."""
    sub = text[:title_end].partition(":")[2]
    m = _COLLECTION_IN_TITLE.search(sub)
    if m:  # "A Dataset and Benchmark for ...", "A Benchmark Dataset for ...": a benchmark
        data = m.group(1).lower() in {"dataset", "corpus"} and not _BENCHMARK_WORD.search(sub)
        return "Dataset" if data else "Benchmark"
    # a noun phrase, not a verb phrase with a model as its object ("Training LLMs to Reason")
    head = _MODEL_SUBTITLE.match(sub)
    return "Model" if head else None


_ENUM = re.compile(  # starts with its literal "(": what may come before it is checked in _enumerated
    r"\((?:\d|i{1,3}|iv|v|[a-e])\)\s+(?:"
    r"(?:(?:A|An|The)\s+(?=[A-Z]))?((?:[A-Z][\w-]*\s+){1,4}[A-Z][\w-]*)"
    r"\s*(?=[,:(]|\s(?:that|which|to|for)\b|\s[a-z]{3,}(?<!ss)s\s(?:[a-z]|\w+ed\b))"
    # "(i) gradient echo weighting, which rescales ...": a lower-case component the clause describes
    r"|((?!(?:a|an|the|we|our|it|its|this|these|to|how|what|when|whether)\s)[a-z][\w-]*(?:\s[a-z][\w-]*){1,3})"
    r"(?=,\s(?:which|that)\s))")


_ENUM_COINED = re.compile(r"\((?:\d|i{1,3}|iv|v|[a-e])\)\s+([A-Za-z][\w.+-]*[\w+])(?=\s*[,:]\s|\s+\()")
_TECHNIQUE_END = re.compile(r"(?:ing|tion|sion|ment|ance|ence|ity|ization|isation)$")
_NOT_FIRST = {"including", "using", "where", "when", "which", "while", "during", "following", "according",
              "regarding", "analyze", "analyse", "improve", "enable", "achieve", "reduce", "provide"}


def _descriptive_name_ok(phrase: str) -> bool:
    """A lower-case phrase names a technique when it ends in a process noun ("ledger-guided caching",
    "sparse anchor pruning"), not a thing or a plural ("formal foundations", "code sandbox")."""
    words = phrase.split()
    return (bool(_TECHNIQUE_END.search(words[-1])) and words[0] not in _NOT_FIRST
            and not shapes.is_stop_form(phrase))


def _enumerated(text: str) -> list[tuple[int, int]]:
    """"(1) Adaptive Drafter, a lightweight ..." — capitalised components a paper enumerates (without an article
    before one: "(1) A Verified Foo System that ..."); "(2) DriveFoo, a generator that ...": a coined one-word
    name too."""
    out = [m.span(1) if m.group(1) else m.span(2) for m in _ENUM.finditer(text)
           if (not m.start() or text[m.start() - 1].isspace() or text[m.start() - 1] in ";:,")
           and (_descriptive_name_ok(m.group(2)) if m.group(2) else not shapes.is_stop_form(m.group(1)))]
    out += [m.span(1) for m in _ENUM_COINED.finditer(text)
            if (not m.start() or text[m.start() - 1].isspace() or text[m.start() - 1] in ";:,")
            and shapes.is_name_shaped(m.group(1))]
    return out


# "The Strategic Planner analyzes ...", "Rule-Guided Dispatch uses ...": a Title-Case part of the system, the
# subject of a sentence that says what it does
_COMPONENT_VERBS = (r"uses|utilizes|analyzes|analyses|combines|organizes|organises|generates|performs|employs|"
                    r"leverages|integrates|decomposes|produces|selects|maps|converts|encodes|predicts|refines|"
                    r"retrieves|verifies|evaluates|identifies|extracts|transforms|constructs|aggregates|filters|"
                    r"computes|estimates|assigns|routes|translates|captures|enforces|detects|executes|synthesizes|"
                    r"stores|ranks|rewrites|checks|replaces|enables|provides|ensures|learns|guides|adapts|balances|"
                    r"prunes|injects|aligns|allocates|schedules|monitors|coordinates|decides|distills|compresses")
_COMPONENT_SUBJECT = re.compile(
    r"\s*(?:The\s+)?((?!(?:The|This|These|Our|Each|Recent|Existing|Current)\s)"
    r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,3})"
    r"\s+(?:(?:then|first|also|further|finally|jointly|dynamically|adaptively|explicitly|automatically|"
    r"iteratively)\s+)?"
    r"(?:" + _COMPONENT_VERBS + r")\b")


def _component_subjects(d: "_Doc") -> list[tuple[int, int]]:
    if not d.sents.cues:
        return []  # a paper that proposes nothing names no parts of its own
    out = []
    for a, _ in d.sents.bounds:  # sentence starts only: a match anywhere else is a name's tail
        m = _COMPONENT_SUBJECT.match(d.text, a) if a >= d.title_end else None
        if m and m.group(1).split()[0] not in shapes.COMMON_CAPS and not shapes.is_stop_form(m.group(1)) \
                and not shapes.is_umbrella(m.group(1)):
            out.append(m.span(1))
    return out


_NEAR_CUE = re.compile(r"[\s\w,()'’-]{0,110}")
# "we build Foo-QA, a tuning set drawn from existing sets like BarMath-9K": those are not new
_NOT_NEW = re.compile(r"\b(?:existing|such as|like|including|e\.g|prior|previous|public|popular|widely[- ]used)\b",
                      re.I)


def _after_proposal_cue(sents: "Sentences", start: int) -> bool:
    """The name follows "we propose/introduce ..." closely: "we develop an online RL approach, SCoRe"."""
    cue = sents.last_cue_before(start)
    return (cue is not None and cue[0] >= start - 160 and _NEAR_CUE.fullmatch(sents.full, cue[1], start) is not None
            and not _NOT_NEW.search(sents.full, cue[1], start))


def _trim(span, text: str) -> tuple[int, int]:
    """Char offsets of a span without punctuation that tokenization glued on ("8B.", "(MPFA")."""
    start = span.start_char
    t = text[start:span.end_char]
    lead = len(t) - len(t.lstrip("([{\"'"))
    t = t.rstrip(".,;:)]}\"'")
    return start + lead, start + max(len(t), lead)


class _Doc:
    """What every candidate source needs: text, sentences, lexicon, and the acronyms defined so far."""

    def __init__(self, doc: Doc, lex: Lexicon, sents: Sentences):
        self.doc = doc
        self.lex = lex
        self.sents = sents
        self.text = sents.full
        self.title_end = sents.title_len
        self.local: dict[str, Cand] = {}  # short form -> its definition in this abstract
        self.suppressed: set[str] = set()  # short forms defined as umbrella terms ("LLMs", "RL")
        self.method_forms = lex.names_of_kind("Method")

    def around(self, s0: int, s1: int) -> tuple[str, str]:
        a, b = self.sents.bounds[self.sents.index(s0)]
        return self.text[a:s0], self.text[s1:b]


_SMALL_WORDS = {"with", "from", "for", "of", "via", "and", "the", "a", "an", "to", "in", "on", "by", "using"}


def _content_words(phrase: str) -> set[str]:
    return {w for w in re.split(r"[\s-]+", phrase.lower()) if w and w not in _SMALL_WORDS}


def _same_thing(long: str, entry) -> bool:
    """A known short form defined with a long form the lexicon does not list: the same thing when the entry
    lists no long form at all and the long form reads as the same kind ("DAPO"); not when the entry has a
    different long form (a second "ARPO") or is another kind of thing ("Policy-Paced Learning (PPL)" is not
    perplexity)."""
    long_forms = [f for f in entry.forms() if len(f.split()) >= 2]
    # a spelling variant ("Optimisation", "Group-Relative") or other small words ("with Human Feedback" for
    # "from Human Feedback") is the same; "Replay" for "Reinforced" is not
    if long_forms:
        key, words = norm(long), _content_words(long)
        return any(difflib.SequenceMatcher(None, key, norm(f)).ratio() >= 0.9 or _content_words(f) == words
                   for f in long_forms)
    return kind_from_long_form(long) in {None, entry.kind}


def _cut_short(text: str, long_end: int, entry) -> bool:
    """Schwartz–Hearst took too short a tail: "Decoupled Clip and Dynamic sAmpling Policy Optimization (DAPO)"
    gives "Dynamic sAmpling Policy Optimization", but the entry's own long form ends right there."""
    return any(len(f.split()) >= 2 and text[max(0, long_end - len(f)):long_end].lower() == f.lower()
               for f in entry.forms())


def _names_a_known_method(lex: Lexicon, short: str, long: str) -> bool:
    """"Layout-aware Retrieval Augmented Generation (LA-RAG)": a name ending in a known method's acronym or
    long form is a variant of that method, whatever its head noun would say."""
    tail = re.split(r"[-\s]", short)[-1]
    if tail != short and len(tail) >= 3 and lex.lookup(tail, "Method"):
        return True
    words = long.split()
    return any(lex.lookup(" ".join(words[-k:]), "Method") for k in (2, 3, 4) if len(words) > k)


_COLLECTION_HEAD = re.compile(r"(?:bench|benchmark|dataset|corpus|suite|challenge)s?$", re.I)


def _from_acronyms(d: _Doc) -> tuple[list[Cand], list[tuple[Cand, Cand]]]:
    """Definitions: the lexicon's entity when the long form (or an unambiguous short form) is known, else a
    new entity typed by its long form; umbrella terms are suppressed."""
    cands, defs = [], []
    prev_end, prev_kind = -1, None  # the last definition: "A (AA) and B (BB)" coordinates two of a kind
    for s0, s1, l0, l1 in d.doc._.kg_acronyms or ():
        short, long = d.text[s0:s1], clean_latex(d.text[l0:l1])
        if shapes.is_stop_form(short) or shapes.is_umbrella(long):
            d.suppressed.add(short)
            continue
        key = kind = None
        name = clean_latex(short)
        by_long, by_short = d.lex.lookup(long), d.lex.lookup(short)
        if by_long:
            key, kind, name = by_long[0].id, by_long[0].kind, by_long[0].name
        elif by_short and (_same_thing(long, by_short[0]) or _cut_short(d.text, l1, by_short[0]) or ", " in long):
            # a "long form" across a comma is letters picked out of a clause, not a second meaning
            key, kind, name = by_short[0].id, by_short[0].kind, by_short[0].name
        if kind is None:
            end = max(s1, l1)
            told = apposition_kind(d.text[end:end + 160].lstrip(")]"))  # "PARL (...), a framework that"
            said = kind_from_long_form(long)
            if told == "Method" and said in {"Benchmark", "Dataset"} and _COLLECTION_HEAD.search(long):
                told = None  # "FooBench (Foo Reasoning Benchmark), a framework for ...": the long form's head says it
            kind = told or said or (
                "Method" if any(w in d.method_forms for w in long.split()) else None)  # "discrete SAC (DSAC)"
            if not told and kind in {None, "Task"} and _names_a_known_method(d.lex, name, long):
                kind = "Method"
            cue = d.sents.last_cue_before(l0)
            if kind is None and long[:1].isupper() and cue and re.fullmatch(
                    r"\s*(?:(?:a|an|the)\s+)?(?:(?:new|novel)\s+)?", d.text[cue[1]:l0]):
                kind = "Method"  # "we propose a Complementary Information Bottleneck (CIB)": named, so not a phenomenon
            if kind is None and _TECHNIQUE_END.search(long) and _COMPONENT_BEFORE.search(
                    d.text, max(0, l0 - 80), l0) and not _MEASURE_AFTER.match(d.text, max(s1, l1) + 1):
                kind = "Method"  # "we propose token-selective quill computation (TsQC)": a process it names
            if kind is None:
                d.suppressed.add(short)
                continue
            if kind == "Task" and re.search(r"\b(?:approach|method|framework|algorithm|technique|strategy),\s*$",
                                            d.text[max(0, l0 - 40):l0]):
                kind = "Method"  # "a new augmentation approach, Classifier-Free Diffusion Generation (CFDG)"
            if kind == "Task" and _COMPONENT_BEFORE.search(d.text, max(0, l0 - 80), l0) and \
                    long.split()[-1].lower() not in _TASK_ONLY_HEADS:
                kind = "Method"  # "two channels: True-False Verification (TFV)", "(i) Sigmoid Advantage Guidance (SAG)"
            if kind in {"Task", "Metric"} and not told and _TECHNIQUE_AFTER.match(d.text, max(s1, l1) + 1):
                kind = "Method"  # "a Task Difficulty Assessment (TDA) mechanism", "a Cost-Aware F1 (CAF) reward"
            if kind == "Task" and not told and (
                    (prev_kind == "Method" and _COORDINATED.match(d.text, prev_end, min(s0, l0)))
                    or (s0 < d.title_end and not d.text[:s0].strip() and d.text[s1:s1 + 2].startswith(":"))):
                kind = "Method"  # "A (AA) and Zerb-Entity Verification (ZEV)"; "QAVR: Quill-Adaptive Valve Routing"
            if kind == "Method" and not told and (_PROBLEM_VERB_AFTER.match(d.text, max(s1, l1) + 1)
                                                  or _PROBLEM_NOUN_AFTER.match(d.text, max(s1, l1) + 1)
                                                  or _title_topic(d, long, l0)):
                kind = "Task"  # "Quill Graph Reasoning (QGR) aims to ...": a problem the field works on
            if kind in {"Method", None} and not told and _METRIC_BEFORE.search(d.text, max(0, l0 - 400), l0):
                kind = "Metric"  # "two new metrics: Quill Rate (QR) and ...", "minimizing Quill Setup Time (QST)"
            if kind == "Method" and not told:
                before, _ = d.around(l0, l1)
                ctx = kind_from_context(before, d.text[s1 + 1:s1 + 80])
                kind = ctx if ctx in {"Benchmark", "Dataset"} else kind
        collides = key is None and bool(by_short)
        sc = Cand(s0, s1, kind, name, "acronym", key=key, long_form=long if key is None else None, defining=True,
                  collides=collides)
        lc = Cand(l0, l1, kind, name, "acronym", key=key, long_form=sc.long_form, defining=True, collides=collides)
        cands += [sc, lc]
        defs.append((sc, lc))
        prev_end, prev_kind = max(s1, l1) + 1, kind
        d.local.setdefault(short, sc)
        d.local.setdefault(clean_latex(short), sc)  # "\\textbf{FGO}" defines "FGO" too
    return cands, defs


# a defined long form named as a part of the paper's system: "comprises three components: the", "(ii)", "we propose"
_COMPONENT_BEFORE = re.compile(
    r"(?:\bpropos\w*|\bintroduc\w*|\bpresent\w*|\bdevelop\w*|\bemploy\w*|\bcompris\w*|\bconsists? of|"
    r"\b(?:components?|channels?|modules?|stages?):|\((?:i{1,3}|iv|v|\d)\)|\bnovel|\bour|\binstantiat\w*|"
    r"\bimplement\w*|\bequipped with|\bthrough|\bthe proposed)\s+(?:(?:a|an|the|two|three|four)\s+)?(?:[\w-]+\s+){0,2}$",
    re.I)


def _title_topic(d: _Doc, long: str, l0: int) -> bool:
    """"Critic Balancing for Quill Valve Adaptation" (title) ... "Quill Valve Adaptation (QVA) shifts ...": a
    long form the title names as what its method is for, defined outside a proposal, is the problem."""
    if not d.title_end or l0 < d.title_end or d.sents.cues_in(*d.sents.bounds[d.sents.index(l0)]):
        return False
    title = d.text[:d.title_end].lower()
    i = title.find(long.lower())
    return i > 0 and re.search(r"\b(?:for|in|of)\s+(?:the\s+)?$", title[:i]) is not None


_METRIC_BEFORE = re.compile(r"(?:\bmetrics?\s*(?::|--|—|,|\(|such as|including|namely)\s*"
                            r"(?:[^.;:()]{0,60}\([^()]{1,12}\)[^.;:()]{0,40}?(?:,|\band\b)\s*){0,6}"
                            r"|\b(?:minimiz|maximiz|minimis|maximis)\w*\s+(?:the\s+)?"
                            r"|\bmeasured\s+(?:by|with|via|using|as)\s+(?:the\s+)?)$", re.I)
_PROBLEM_NOUN_AFTER = re.compile(r"\}?\s(?:tasks?|problems?)\b")
_MEASURE_AFTER = re.compile(r"\}?\s(?:metric|score|measure|index|rate)s?\b")
_PROBLEM_VERB_AFTER = re.compile(r"\s+(?:aims|requires|remains|necessitates|involves|seeks|plays|refers)\b")
_COORDINATED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:a|an|the)\s+)?$")
_TECHNIQUE_AFTER = re.compile(r"\}?\s(?:mechanism|module|reward|framework|algorithm|method|strategy|controller|scheme|"
                              r"technique|approach|loss|objective)s?\b")
# heads that name a problem whatever introduces them ("we propose ... Visual Question Answering (VQA)")
_TASK_ONLY_HEADS = {"answering", "detection", "recognition", "grounding", "translation", "classification", "retrieval",
                    "captioning", "dialogue", "conversation", "prediction", "problem", "understanding", "comprehension",
                    "completion", "segmentation", "summarization", "navigation", "forecasting", "localization"}


_VARIANT_SUFFIX = re.compile(r"(?:-[A-Z0-9][A-Za-z0-9]*|-(?:mini|lite|pro|hard|easy|full|[a-z](?!\w))|\+{1,2}"
                             r"|\s(?:Plus|Pro|Lite|Verified|Hard|Easy|Complex|Real|Extended|Live|Mini|Full|Ultra|"
                             r"Retail|Airline|Telecom|"
                             r"Parallel|Multilingual|Multimodal|[A-Z]{1,2}\d{1,2}))"
                             r"(?![\w+-])")
_EDITION = re.compile(r"\s(?:II|III|IV)(?![\w-])")
_VARIANT_PREFIX = re.compile(r"(?<![\w-])[A-Z][A-Za-z0-9]*-$")


def _benchmark_variant(d: _Doc, c: Cand) -> Cand | None:
    """"AndroidWorld-Generalization", "LIBERO-PRO", "AndroidWorld Plus", "Multi-SWE-bench": a known benchmark
    with a glued suffix or prefix is a variant of it, a new benchmark in its family."""
    s0, s1 = c.start, c.end
    pre = _VARIANT_PREFIX.search(d.text, max(0, s0 - 20), s0)
    if pre and not any(ch.isdigit() for ch in pre.group(0)):  # "MolmoAct2-LIBERO" is a model tuned on it
        maker = d.lex.lookup(pre.group(0)[:-1], "Model")
        if maker and not _VARIANT_SUFFIX.match(d.text, s1):  # "Baichuan-M4": a model of a known family
            return Cand(pre.start(), s1, "Model", d.text[pre.start():s1], "lexicon", family=maker[0].id)
        s0 = pre.start()
    suf = _VARIANT_SUFFIX.match(d.text, s1)
    if suf and not re.fullmatch(r"-\d+(?:\.\d+)?", suf.group(0)):
        s1 = suf.end()
    if (s0, s1) == (c.start, c.end):
        return None
    known = d.lex.lookup(d.text[s0:s1])
    if known:  # the lexicon writes it another way ("WorkArena L1" for "WorkArena-L1")
        e = known[0]
        return Cand(s0, s1, e.kind, e.name, "lexicon", key=e.id, family=e.family)
    kind = "Benchmark" if re.search(r"-(?:Evals?|Test|Bench)$", d.text[s0:s1]) else c.kind  # "Foo-Evals": a test of it
    return Cand(s0, s1, kind, d.text[s0:s1], "lexicon", family=c.key)


def _by_context(d: _Doc, cands: list[Cand]) -> list[Cand]:
    """One span the lexicon knows as two kinds of thing ("Minerva" the model, "Minerva" the math benchmark):
    the words around it choose; without a hint the lexicon's first entry stands."""
    spans: dict[tuple[int, int], list[Cand]] = {}
    for c in cands:
        spans.setdefault((c.start, c.end), []).append(c)
    out = []
    for (s0, s1), group in spans.items():
        if len({c.kind for c in group}) > 1:
            told = kind_from_context(*d.around(s0, s1), d.text[s0:s1])
            group = [c for c in group if c.kind == told] or group[:1]
        out += group
    return out


_SPACED_SIZE = re.compile(r"(?:[\s-](\d+(?:\.\d+)?[BM])|:(\d+(?:\.\d+)?[bm]))((?:-(?:[A-Z][A-Za-z]*|\d+[Kk]))*)"
                          r"(?![\w.%-])")  # ":120b" is a local runner's tag
_MODEL_VERSION = re.compile(r"\s(\d{1,2}(?:\.\d)?)(?![\w%-]|\.\d|\s*(?:%|points?|times|percent)\b)")
_METHOD_VERSION = re.compile(r"(?:-v?|\sv)(\d{1,2}(?:\.\d)?)(?![\w%-]|\.\d)")


_LIKENESS_AFTER = re.compile(r"-(?:style|like)\b")
_GLUED_BEFORE = re.compile(r"\w-")


def _from_lexicon(d: _Doc) -> list[Cand]:
    out = []
    text = d.text
    for span in d.doc.spans.get("kg_lexicon", []):
        e = d.lex.entries.get(span.id_)
        if e is None:
            continue
        start, end = span.start_char, span.end_char  # each Span property builds Token objects: read them once
        written = text[start:end]
        if written in d.suppressed:
            continue
        if e.kind == "Model" and (s0 := _maker_before(d, start, end, e.id)) is not None:
            out.append(Cand(s0, end, e.kind, e.name, "lexicon", key=e.id, family=e.family))
            continue
        if e.kind == "Model" and _among_makers(text, start, end, written):
            d.suppressed.add(written)  # "chat models made by Google, OpenAI and DeepSeek": the company, not a model
            continue
        if text.startswith("-free", end):
            continue  # "backprop-free optimization" is without it
        if text.startswith("-", end) and e.kind == "Model" and _LIKENESS_AFTER.match(text, end) and not any(
                ch.isdigit() for ch in written):
            continue  # "a CLIP-style encoder", "GPT-like models": built like the family, not one of its models
        if (e.kind != "Benchmark" and not written.split()[0].isupper()
                and _GLUED_BEFORE.fullmatch(text, max(0, start - 2), start)):
            # the tail of a compound: "class-incremental learning" is another thing; "Q-Value Iteration" (a
            # one-letter prefix) is a variant of the known method, named as written
            prefix = text[max(0, start - 3):start]
            if e.kind == "Method" and re.search(r"(?<![\w-])[A-Z]-$", prefix):
                s0 = start - 2
                out.append(Cand(s0, end, "Method", text[s0:end], "phrase", family=e.id))
            continue
        own = d.local.get(written)
        if own is not None and own.key != e.id:
            continue  # the text defines this acronym as something else
        out.append(Cand(start, end, e.kind, e.name, "lexicon", key=e.id, family=e.family))
    out = _by_context(d, out)
    for c in [c for c in out if c.kind == "Method" and c.key]:
        v = _METHOD_VERSION.match(d.text, c.end) if d.text.startswith(("-", " v"), c.end) else None
        if v and d.text[c.end - 1].isalpha():  # "FlashAttention-4": a version of a known method
            out.append(Cand(c.start, v.end(), "Method", c.name + d.text[c.end:v.end()], "lexicon", family=c.key))
    for c in [c for c in out if c.kind == "Model" and c.key and not shapes.has_size(d.text[c.start:c.end])]:
        size = _SPACED_SIZE.match(d.text, c.end)
        if size and not shapes.COUNTED.match(d.text, size.end()):
            # "an R1-Distill 1.5B model", "Nemotron-H-8B-Base": a size of a known model, part of its family
            base = c.name if not shapes.has_size(c.name) else d.text[c.start:c.end]  # "Starling" of Starling-7B
            full = f"{base}-{(size.group(1) or size.group(2).upper())}{size.group(3)}"
            key = _lexicon_model_key(d.lex, full)
            out.append(Cand(c.start, size.end(), "Model", d.lex.entries[key].name if key else full, "lexicon",
                            key=key, family=c.key))
    for c in [c for c in out if c.kind == "Model" and c.key and not any(ch.isdigit() for ch in c.name)]:
        v = _MODEL_VERSION.match(d.text, c.end)
        if v:  # "Veo 3.1", "Gemma 3": a version of a known model family, part of it
            full = f"{c.name} {v.group(1)}"
            known = d.lex.lookup(full, "Model")
            out.append(Cand(c.start, v.end(), "Model", known[0].name if known else full, "lexicon",
                            key=known[0].id if known else None, family=c.key))
    for c in [c for c in out if c.kind in {"Benchmark", "Dataset"}]:
        v = _VERSION_AFTER.match(d.text, c.end)
        if v:  # "Terminal-Bench 2.0", "VerilogEval v2": a version of a known benchmark, part of its family
            out.append(Cand(c.start, v.end(), c.kind, f"{c.name} {v.group(1)}", "lexicon", family=c.key))
        elif (variant := _benchmark_variant(d, c)) is not None:
            out.append(variant)
    out += _maker_possessive(d, out)
    taken = {(c.start, c.end) for c in out}
    for s0, s1, e in _spelling_variants(d.text, d.lex):
        if (s0, s1) not in taken:
            out.append(Cand(s0, s1, e.kind, e.name, "lexicon", key=e.id, family=e.family))
    return out


_MAKER_BEFORE = re.compile(r"([A-Z][\w]+)(?:\s|-)$")
_POSSESSED = re.compile(r"['’]s\s([A-Z][\w.-]*\w)")


_MAKERS = (r"(?:OpenAI|Google|Meta|Anthropic|xAI|Microsoft|Alibaba|Amazon|Apple|NVIDIA|Nvidia|Baidu|ByteDance|Tencent|"
           r"Huawei|IBM)")
_MAKER_ITEM_BEFORE = re.compile(_MAKERS + r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_MAKER_ITEM_AFTER = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)" + _MAKERS + r"(?![\w-])")


def _among_makers(text: str, start: int, end: int, written: str) -> bool:
    """A bare family name ("DeepSeek", "Claude") listed next to a company is the company that makes it."""
    if any(ch.isdigit() for ch in written) or not text[end:end + 1] in {",", " ", ")", "."}:
        return False
    return bool(_MAKER_ITEM_BEFORE.search(text, max(0, start - 20), start) or _MAKER_ITEM_AFTER.match(text, end))


def _maker_before(d: _Doc, s0: int, s1: int, key: str) -> int | None:
    """Start of "Mistral " in "Mistral Pixtral", "Qwen-QwQ": a model family's name written before one of
    its members is part of that member's name, not a second model (unless the name goes on: "Qwen
    Qwen2.5-7B" is read by the model grammar)."""
    if s0 < 2 or d.text[s0 - 1] not in " -" or not d.text[s0 - 2].isalpha():
        return None
    m = _MAKER_BEFORE.search(d.text, max(0, s0 - 30), s0)
    if m is None or re.match(r"[\w.-]*\w", d.text[s1:s1 + 2]):
        return None
    hits = d.lex.lookup(m.group(1), "Model")
    return m.start() if hits and hits[0].id in d.lex.family_chain(key) else None


def _maker_possessive(d: _Doc, cands: list[Cand]) -> list[Cand]:
    """"DeepSeek's R1" is DeepSeek-R1."""
    out = []
    for a in cands:
        m = _POSSESSED.match(d.text, a.end) if a.kind == "Model" and a.key else None
        hits = d.lex.lookup(f"{a.name}-{m.group(1)}", "Model") if m else ()
        if hits and a.key in d.lex.family_chain(hits[0].id):
            out.append(Cand(a.start, m.end(), "Model", hits[0].name, "lexicon", key=hits[0].id,
                            family=hits[0].family))
    return out


_PAREN_SIZE = re.compile(r"\s?\((\d+(?:\.\d+)?[BM])\)")


def _from_model_grammar(d: _Doc) -> list[Cand]:
    out = []
    for span in d.doc.spans.get("kg_model_names", []):
        s0, s1 = _trim(span, d.text)
        told = apposition_kind(d.around(s0, s1)[1])
        if told and told != "Model":  # "Orca9, a benchmark of ...": the text says what it is
            out.append(Cand(s0, s1, told, clean_latex(d.text[s0:s1]), "context"))
            continue
        name = shapes.canonical_model(d.text[s0:s1])
        size = _PAREN_SIZE.match(d.text, s1)
        if size and not shapes.has_size(name):  # "Qwen2.5-VL (7B)" is Qwen2.5-VL-7B
            name, s1 = f"{name}-{size.group(1)}", size.end()
        for a0, a1, full in [(s0, s1, name)] + shapes.slash_alternates(name, d.text, s1):
            key = _lexicon_model_key(d.lex, full)
            fam = None if key else shapes.model_family(full)
            out.append(Cand(a0, a1, "Model", d.lex.entries[key].name if key else full, "model", key=key, family=fam))
    return out


# a capitalised name and a parameter count: "Meltemi 7B", "TriLM 3.9B" (not "Raspberry Pi 3B", "Stage 2B");
# the size is searched first (few abstracts have one), then the word before it
_SPACED_COUNT = re.compile(r"\s(\d+(?:\.\d+)?B)(?![\w%-]|\.\d)")
_NAME_BEFORE = re.compile(r"(?<![\w.-])([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*|[A-Z]{2,}[A-Z0-9]*)$")  # "Meltemi", "CWM"
_NOT_SIZED_NAMES = {"Dataset", "Module", "Task", "Coder", "Pro", "Even", "With", "Code", "Stage", "Phase", "Table",
                    "Figure", "Level", "Version", "Only", "Both", "All", "Each", "Model", "Models", "Size", "Scale",
                    "Mini", "Base", "Step", "Pi", "Top", "Around", "About", "Over", "Under", "Than", "Up"}


def _digit_before_b(text: str) -> bool:
    """A quick test for "7B" anywhere (str.find: thirty times faster than a regex scan of the abstract)."""
    i = text.find("B")
    while i > 0:
        if text[i - 1].isdigit():
            return True
        i = text.find("B", i + 1)
    return False


def _from_sized_names(d: _Doc) -> list[Cand]:
    """A name the model grammar does not know, written with its size: a model of that size."""
    out = []
    if not _digit_before_b(d.text):
        return out  # most abstracts give no parameter count
    for size in _SPACED_COUNT.finditer(d.text):
        m = _NAME_BEFORE.search(d.text, max(0, size.start() - 40), size.start())
        if m is None:
            continue
        word = m.group(1)
        if (word in shapes.COMMON_CAPS or word in _NOT_SIZED_NAMES or shapes.is_stop_form(word)
                or word.endswith(("ish", "ese", "ian", "ean")) or shapes.COUNTED.match(d.text, size.end())
                or re.search(r"\b(?:a|an)\s$", d.text[max(0, m.start() - 4):m.start()])):
            continue  # "a Polish 11B model": a description, not a name
        full = f"{word}-{size.group(1)}"
        key = _lexicon_model_key(d.lex, full)
        fam = d.lex.lookup(word, "Model")
        out.append(Cand(m.start(), size.end(), "Model", d.lex.entries[key].name if key else full, "model", key=key,
                        family=fam[0].id if fam and not key else None))
    return out


# an apposition that names a technique outright ("X-Gym, a framework for ...")
_KIND_SAID = re.compile(r"^\s*(?:,|:)\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:framework|method|algorithm|approach|"
                        r"technique|model|agent|system)s?(?=\s+(?:for|of|that|which|to|with|in|on)\b|\s*[,.;:]|\s*$)",
                        re.I)
_WRAP_OPEN = re.compile(r"(?:\\\w+\{|\*\*)$")
_WRAP_CLOSE = re.compile(r"^(?:\}|\*\*)")
_CUE_NAMED = re.compile(r"\b(?:(?:that|which) we call|named|called|dubbed|termed|namely)\s*$")
_HEAD_IN_NAME = re.compile(r"\s(?:Benchmark|Dataset|Corpus|Arena|Gym)(?:\s[vV]\d+(?:\.\d+)*)?(?![\w-])")
_YEAR_AFTER = re.compile(r"\s(?:19|20)\d\d(?![\w%-]|\.\d)")
_NAME_YEAR = re.compile(r"[A-Za-z]-?(?:19|20)\d\d$")
_TASK_AFTER = re.compile(r"\s(?:Shared\s)?Task\s\d+\b")  # "FooEval-2025 Task 7": one task of a yearly challenge
# LaTeX and markdown emphasis
# a stressed fragment glued to the rest of its word, as in "\textbf{Q}uick-\textbf{R}eading \textbf{Notes}"
_INITIALS_BEFORE = re.compile(r"\\(?:textbf|textit|emph|underline)\{[A-Za-z]{1,3}\}[a-z]+[\s-]*$")
_EMPHASIS = re.compile(r"\\(?:textbf|textit|texttt|emph|textsc)\{([^{}\\$]{2,60})\}|\*\*([^*\n]{2,60})\*\*")
# a lowercase stressed phrase names a part only when its head is a technique or component word: "\emph{echo
# buffer}", "\textit{online refiner}"; not a description or limit ("\emph{latency-fidelity bound}")
_PART_HEADS = METHOD_WORDS | {"guard", "buffer", "buffers", "constraint", "constraints", "pairing", "verification",
                              "bank", "cache", "router", "gate", "gating", "head", "layer", "block", "tree", "graph",
                              "queue", "pool", "library", "store", "trick", "schedule", "scheduler", "selector",
                              "monitor", "tracker", "evaluator", "judge", "mode", "modes", "stage", "phase"}
_NOT_NAMES = {"results", "result", "conclusion", "conclusions", "method", "methods", "ours", "our method",
              "abstract", "background", "motivation", "contributions", "code", "key idea", "findings", "not",
              "all", "only", "both", "first", "new", "without", "before", "after", "more", "less"}
_NAME_AFTER_CUE = re.compile(r"\s+([A-Za-z][\w.+-]*[\w+]|\d[A-Z][\w.+-]*)(?=\s*[,:(—–]|\s+\(|\s+--\s)")


_PASSIVE_TAIL = (r" (?:is|are) (?:then |further |also |thus )?"
                 r"(?:proposed|introduced|presented|developed|designed|devised)\b")
_IS_PROPOSED = re.compile(_PASSIVE_TAIL)  # a quick test before the slower scan for the name before it
_PROPOSED_PASSIVE = re.compile(r"(?<![\w-])((?:[A-Z][\w-]*\s){1,4}[A-Z][\w-]*)" + _PASSIVE_TAIL)
# "with Foo," or "with Quiet Lantern,", not "Pull Foo,"
_APPOSED_WORD = re.compile(r"(?<![\w-])[a-z]+\s((?:[A-Z][a-z]{2,}\s){0,2}[A-Z][a-z]{3,})(?=,\s+(?:a|an)\s)")
_PAIR_AFTER_CUE = re.compile(r"\s+([A-Z][\w.+-]*[\w+])\s+and\s+([A-Z][\w.+-]*[\w+]),\s+(?:two|both)\s")
_HYPHENED = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]*)+")
_OUR_HEAD_NAME = re.compile(  # starts with a literal so the scan is fast; the "O"/"o" before is checked after
    r"ur\s+(?:[\w-]+\s+){0,3}?(framework|method|approach|system|implementation|tool|toolkit|algorithm|"
    r"pipeline|agent|model|benchmark|dataset|simulator|library|protocol|mechanism|module|strategy|objective|"
    r"architecture|scheme|estimator|paradigm|recipe|workflow|technique),\s+([A-Z][\w.+-]*[\w+])(?:,\s|\s\()")
_PHRASE_AFTER_CUE = re.compile(
    r"\s+([A-Z][\w-]*(?:\s(?:[A-Z][\w-]*|of|for|as|via|with|and|in|on|to)){1,5}(?<=[A-Za-z0-9]))"
    r"(?=\s*,\s*(?:a|an|the)\s)")
# "we propose ledger-guided caching, a novel approach that ...": a lower-case name an apposition types
_LOWER_AFTER_CUE = re.compile(
    r"\s+((?!(?:a|an|the|this|that|these|those|our|its|their|it|them|to|how|what|two|three|several|new|novel|"
    r"both|each|all|some|more|such|various|multiple|one)\s)[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
    r"(?:\s[a-z][a-z0-9]*(?:-[a-z0-9]+)*){1,3}(?<!ly))(?=\s*,\s*(?:a|an)\s)")
_LOWER_WHICH_AFTER_CUE = re.compile(_LOWER_AFTER_CUE.pattern[:-len(r"(?=\s*,\s*(?:a|an)\s)")]
                                    + r"(?=,\s(?:which|that)\s)")
# "we introduce a simple approach, lattice voting, that ..." / "we train a 3B model, Wren-Thinker."
_NAME_AFTER_HEAD = re.compile(
    r"\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(approach|method|framework|technique|strategy|paradigm|algorithm|"
    r"model|agent|benchmark|dataset|system|pipeline|mechanism|objective),\s+"
    r"((?!(?:a|an|the|which|that|and|or|we|it|as|in|to|for|with|by|while)\s)"
    r"(?:[a-z][\w-]*(?:\s[a-z][\w-]*){1,3}|[A-Z][\w.+-]*(?:\s[A-Z][\w.+-]*){0,3}))"
    r"(?=\s*(?:[,.;]|\s(?:which|that|inspired|designed|trained|built)\b))")
# "we propose Layered Budget Planner, which ...": a Title Case phrase right after the cue, before a clause
_TITLED_AFTER_CUE = re.compile(
    r"\s+(?:the\s+)?((?:[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*)(?:\s(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*|of|for|with|via)){1,5}"
    r"(?<=[a-z]))(?=\s*,\s*(?:which|that|where|whereby|in which)\s|\s*:\s|\s+(?:to|for|that|which|with|by)\s)")
_TITLE_GLUE = {"of", "for", "with", "via"}


def _titled_name_ok(name: str) -> bool:
    words = name.split()
    return (words[0] not in shapes.COMMON_CAPS and words[-1] not in _TITLE_GLUE
            and not shapes.is_stop_form(name) and not shapes.is_umbrella(name))


def _later_initials(text: str, name: str, after: int) -> str | None:
    """"Layered Budget Planner ... LBP is trained": the initials the abstract uses later for the name."""
    words = [w for w in name.split() if w not in _TITLE_GLUE]
    for parts in ([w for word in words for w in word.split("-")], words):
        short = "".join(w[0] for w in parts).upper()
        if len(short) >= 2 and re.search(r"(?<![\w-])" + short + r"s?(?![\w-])", text[after:]):
            return short
    return None


def _from_structure(d: _Doc) -> list[Cand]:
    """Names the abstract's structure introduces: the title's "X:" prefix (and its later mentions), a
    capitalised word right after a proposal cue ("we introduce Kinetix: ..."), "(1) Named Component"."""
    out = []
    spans = _title_prefix(d.text, d.title_end) + _enumerated(d.text) + _component_subjects(d)
    repeated = {s for s in spans if s[0] < d.title_end}  # names the abstract may use again
    for _, cue_end in d.sents.cues:
        m = _NAME_AFTER_CUE.match(d.text, cue_end)
        if m and m.group(1)[0].isdigit() and apposition_kind(d.text[m.end(1):m.end(1) + 160]):
            spans.append(m.span(1))  # "we introduce 4Q, a prompt optimization framework": a digit first
        elif m and m.group(1)[0].isupper() and m.group(1) not in shapes.COMMON_CAPS and (
                m.group(1)[1:].islower() or (_HYPHENED.fullmatch(m.group(1)) and apposition_kind(
                    d.text[m.end(1):m.end(1) + 160]))):
            # plain capitalised, or a hyphened name an apposition types ("Agent-as-Judges, a framework"): the
            # shape finder misses both
            spans.append((m.start(1), m.end(1)))
            repeated.add(spans[-1])
        m = _PAIR_AFTER_CUE.match(d.text, cue_end)
        if m and all(g not in shapes.COMMON_CAPS and not shapes.is_stop_form(g) for g in m.group(1, 2)):
            spans += [m.span(1), m.span(2)]  # "we propose Loop-Quill and Zerb-Quill, two simple controls"
            continue
        m = _TITLED_AFTER_CUE.match(d.text, cue_end)
        if m and _titled_name_ok(m.group(1)):
            name, (s0, s1) = m.group(1), m.span(1)
            told = apposition_kind(d.text[s1:s1 + 160]) or phrases.head_kind(name.split()[-1])
            short = _later_initials(d.text, name, s1)
            c = Cand(s0, s1, told or "Method", short or name, "proposal", long_form=name if short else None,
                     guessed=told is None, defining=short is not None)
            out.append(c)
            if short:
                d.local.setdefault(short, c)
            continue
        m = _PHRASE_AFTER_CUE.match(d.text, cue_end)
        if not m and (low := _LOWER_AFTER_CUE.match(d.text, cue_end)) and _descriptive_name_ok(low.group(1)):
            m = low
        if m and apposition_kind(d.text[m.end(1):m.end(1) + 160]) and not shapes.is_stop_form(m.group(1)):
            spans.append((m.start(1), m.end(1)))  # "we introduce Foo Bar as Baz, a paradigm that"
            continue
        low = _LOWER_WHICH_AFTER_CUE.match(d.text, cue_end)
        if low and _descriptive_name_ok(low.group(1)) and not shapes.is_stop_form(low.group(1)):
            spans.append(low.span(1))  # "we introduce quill subtraction, which strips ...": a process it names
            continue
        m = _NAME_AFTER_HEAD.match(d.text, cue_end)
        if m and not shapes.is_stop_form(m.group(2)) and m.group(2).split()[0] not in shapes.COMMON_CAPS and (
                not m.group(2).islower() or _descriptive_name_ok(m.group(2))):
            # "we introduce a simple decoding approach, lattice voting, ...": the head noun types it
            kind = {"model": "Model", "benchmark": "Benchmark", "dataset": "Dataset"}.get(m.group(1), "Method")
            out.append(Cand(*m.span(2), kind, clean_latex(m.group(2)), "proposal"))
    for _, cue_end in d.sents.cues:
        _, sent_end = d.sents.bounds[d.sents.index(cue_end)]
        for m in _APPOSED_WORD.finditer(d.text, cue_end, sent_end) if ", a" in d.text[cue_end:sent_end] else ():
            if (m.group(1).split()[0] not in shapes.COMMON_CAPS and _after_proposal_cue(d.sents, m.start(1))
                    and apposition_kind(d.text[m.end(1):m.end(1) + 160])):
                spans.append((m.start(1), m.end(1)))  # "we instantiate this idea with Foo, an RL environment"
    for m in _PROPOSED_PASSIVE.finditer(d.text, d.title_end) if _IS_PROPOSED.search(d.text) else ():
        if m.group(1).split()[0] not in shapes.COMMON_CAPS and not shapes.is_stop_form(m.group(1)):
            spans.append((m.start(1), m.end(1)))  # "Foo Tree Search is proposed to ..."
    for m in _OUR_HEAD_NAME.finditer(d.text, d.title_end):
        if d.text[m.start() - 1] not in "Oo" or d.text[m.start() - 2:m.start() - 1].isalnum():
            continue
        # "our system implementation, FooFill, runs ...": a name, but maybe of the authors' earlier work
        name = m.group(2)
        kind = kind_from_context(d.text[m.start():m.start(2)], "", name) or kind_from_shape(name, d.method_forms)
        out.append(Cand(m.start(2), m.end(2), kind or "Method", name, "context", guessed=kind is None))
    for m in (_EMPHASIS.finditer(d.text) if "\\" in d.text or "**" in d.text else ()):
        g = 1 if m.group(1) is not None else 2
        inner = m.group(g).strip()
        if _word_char(d.text, m.end()) or _INITIALS_BEFORE.search(d.text, max(0, m.start() - 40), m.start()):
            continue  # "\textbf{F}ast-\textbf{L}ane": letters stressed to spell an acronym, not a name
        if (re.fullmatch(r"[A-Za-z][\w' -]*[\w'+]", inner) and len(inner.split()) <= 4
                and (" " in inner or not inner.islower())  # "\emph{thinking}": stress, not a name
                and (not inner.islower() or re.split(r"[\s-]", inner)[-1] in _PART_HEADS)  # not "\emph{... bound}"
                and inner.lower() not in _NOT_NAMES and not shapes.is_stop_form(inner)):
            spans.append((m.start(g), m.end(g)))  # "\\textit{online refiner}": what the authors name
    for s0, s1 in spans:
        name = d.text[s0:s1]
        # the text's word (subtitle, apposition, a head noun in the name or before it) is evidence; the
        # name's shape is only a guess. "a new benchmark named \emph{Foo}": look through the wrapper
        before, after = d.around(s0, s1)
        before, after = _WRAP_OPEN.sub("", before), _WRAP_CLOSE.sub("", after)
        named = _CUE_NAMED.search(before)
        told = (_title_kind(d.text, d.title_end) if s0 < d.title_end else None) or apposition_kind(after) or (
            named_kind(before[:named.start()]) or kind_from_context(before[:named.start()], after, name)
            if named else None) or (
            phrases.head_kind(name.split()[-1]) if " " in name else None)
        shape = kind_from_shape(name, d.method_forms)
        if told is None and s0 < d.title_end and _REPORT_TITLE.match(d.text, 0, d.title_end):
            again = d.text.find(name + ",", d.title_end)  # "We present Foo2, an agent framework": its own words
            told = (apposition_kind(d.text[again + len(name):again + len(name) + 160]) if again >= 0 else None
                    ) or shape or "Model"
        if told == "Method" and shape == "Benchmark" and not _KIND_SAID.match(after):
            told = shape  # "Queue-Bench: A First Look at ...": the name says more than a vague subtitle
        kind = _sized_model(told or shape or "Method", name, d)
        out.append(Cand(s0, s1, kind, clean_latex(name), "proposal", guessed=told is None))
        if (s0, s1) in repeated and len(name) >= 3:  # the title's or the cue's name, wherever it comes again
            # str.find, not a regex built per name (compiling one cost more than the search)
            a = d.text.find(name, d.title_end)
            while a >= 0:
                b = a + len(name)
                if a != s0 and not _word_char(d.text, a - 1) and not _word_char(d.text, b):
                    out.append(Cand(a, b, kind, clean_latex(name), "title", guessed=True))
                a = d.text.find(name, b)
    return out


def _sized_model(kind: str | None, name: str, d: _Doc) -> str | None:
    """"We train Foo-SWE-32B, a software agent", "Foo-8B: A Post-Training Pipeline": a sized checkpoint is a
    model, whatever the words around call the work."""
    if kind == "Method" and shapes.has_size(name) and kind_from_shape(name, d.method_forms) == "Model":
        return "Model"
    return kind


def _from_name_shapes(d: _Doc) -> list[Cand]:
    """Coined-looking tokens, kept only when something types them: a definition in this abstract, the words
    around them, a proposal cue or the title prefix, or the name's own shape."""
    out = []
    for span in d.doc.spans.get("kg_name_shapes", []):
        s0, s1 = _trim(span, d.text)
        t = d.text[s0:s1]
        if t in d.suppressed or d.text.startswith("-", s1) and _LIKENESS_AFTER.match(d.text, s1) and any(
                e.kind == "Model" for e in d.lex.lookup(t)):
            continue
        own = d.local.get(t)
        if own is not None:
            out.append(Cand(s0, s1, own.kind, own.name, "acronym", key=own.key, long_form=own.long_form))
            continue
        more = _YEAR_AFTER.match(d.text, s1) or _HEAD_IN_NAME.match(d.text, s1)
        if t[-1].isdigit() and _NAME_YEAR.search(t) or more and more.re is _YEAR_AFTER:
            task = _TASK_AFTER.match(d.text, more.end() if more else s1)
            more = task or more
        if more:  # "EndoVis 2017", "the OWASP Benchmark": the edition or a capitalised head is part of the name
            s1, t = more.end(), d.text[s0:more.end()]
        before, after = d.around(s0, s1)
        named = _CUE_NAMED.search(before)  # "a new GUI benchmark called NORGUI": the words before "called" type it
        kind = (named and named_kind(before[:named.start()])) or kind_from_context(
            before[:named.start()] if named else before, after, t)
        origin, guessed = "context", False
        in_title_prefix = d.title_end and s0 < d.title_end and not d.text[:s0].strip() and re.match(
            r"^\s*[:：]", d.text[s1:d.title_end])
        if in_title_prefix or _after_proposal_cue(d.sents, s0):
            origin = "title" if in_title_prefix else "proposal"
            kind = kind or (_title_kind(d.text, d.title_end) if in_title_prefix else None)
            guessed = kind is None  # a kind from the name's shape alone is still a guess
            kind = kind or kind_from_shape(t, d.method_forms) or "Method"
        kind = _sized_model(kind, t, d)
        if kind is None:
            kind, origin = kind_from_shape(t, d.method_forms) or _TASK_AFTER.search(t) and "Benchmark", "shape"
        family = None
        if kind is None and (variant := _MODEL_VARIANT.fullmatch(t)) and (
                known := d.lex.lookup(variant.group(1), "Model")):
            # "ZebraNet-B", "ZebraNet-Large": a size of a known model
            kind, origin, family = "Model", "shape", known[0].id
        if kind is None or (origin in {"context", "shape"} and len(t) < 3):
            continue
        out.append(Cand(s0, s1, kind, clean_latex(t), origin, guessed=guessed, family=family))
    return out


_MODEL_VARIANT = re.compile(r"(.+\w)-(?:[BLSMHTG]|XX?L|Base|Large|Small|Tiny|Huge|Medium|Mini)(?:/\d{1,2})?")


# "42.7% on Kestrel-Holm": a score on a Title-Case compound (which the shape finder leaves out, as it does
# "Vision-Language") makes it a benchmark
_SCORED_COMPOUND = re.compile(r"\d\s?\\?%\**\s+(?:[\w-]+\s+){0,2}?on\s+(?:the\s+)?"
                              r"([A-Z][a-z]+(?:-[A-Z][a-z]+)+)(?![\w-])(?!\s+(?!and\b|or\b|with\b)[a-z])")


def _scored_compounds(d: _Doc) -> list[Cand]:
    """Not a modifier ("12% on Multi-Agent coordination"): the compound ends its noun phrase."""
    return [Cand(m.start(1), m.end(1), "Benchmark", m.group(1), "context")
            for m in (_SCORED_COMPOUND.finditer(d.text) if "%" in d.text else ())
            if not shapes.is_stop_form(m.group(1)) and m.group(1) not in d.suppressed]


_COINED_KINDS = {"Method", "Model", "Benchmark", "Dataset"}


def _suffixed_variants(d: _Doc, cands: list[Cand]) -> list[Cand]:
    """"CAGE-Exact", "CAGE-RS", "VibeSet-IT": a coined name named in this abstract plus a suffix is a variant
    of it, of the same kind unless its own shape says otherwise ("Zing-27B-Stage2" is a model)."""
    coined = {d.text[c.start:c.end]: c.kind for c in cands if c.kind in _COINED_KINDS and c.key is None}
    if not coined:
        return []
    for c in cands:  # the name's other kind wins ("VibeFind" typed a benchmark elsewhere)
        if d.text[c.start:c.end] in coined and c.kind != "Method":
            coined[d.text[c.start:c.end]] = c.kind
    taken = {(c.start, c.end) for c in cands}
    out = []
    for span in d.doc.spans.get("kg_name_shapes", []):
        s0, s1 = _trim(span, d.text)
        t = d.text[s0:s1]
        head, dash, tail = t.partition("-")
        if dash and tail and head in coined and (s0, s1) not in taken and len(head) >= 2:
            kind = kind_from_shape(t, d.method_forms) or coined[head]
            out.append(Cand(s0, s1, kind, clean_latex(t), "context"))
    return out


_NAMED_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:called|named|dubbed|termed)\s")


def _from_phrases(d: _Doc) -> list[Cand]:
    """Names the sentence's grammar marks (:mod:`kg.extraction.phrases`), over the abstract in one pass each
    (the patterns do not cross a sentence end); the title's Title Case is skipped."""
    out = []
    a, b = d.title_end, len(d.text)
    for s0, s1, kind in (phrases.headed_lists(d.text, a, b) + phrases.capitalised_before_head(d.text, a, b)
                         + phrases.titlecase_names(d.text, a, b) + phrases.quoted_names(d.text, a, b)):
        if _NAMED_AFTER.match(d.text, s1):
            continue  # "a new Nordic GUI benchmark called NORGUI": the description, the name comes after
        out.append(Cand(s0, s1, kind, clean_latex(d.text[s0:s1]), "phrase"))
    for s0, s1, kind in phrases.names_before_that(d.text, a, b) if " that " in d.text else ():
        out.append(Cand(s0, s1, kind, d.text[s0:s1], "phrase"))
    for s0, s1, kind in phrases.listed_parts(d.text, a, b) if ", which" in d.text else ():
        out.append(Cand(s0, s1, kind, d.text[s0:s1], "context"))  # parts, not what the paper proposes
    for c0, cue_end in d.sents.cues:
        s_b = d.sents.bounds[d.sents.index(c0)][1]
        for s0, s1, kind in phrases.technique_after_cue(d.text, cue_end, s_b):
            out.append(Cand(s0, s1, kind, d.text[s0:s1], "proposal"))
    return out


def collect(doc: Doc, lex: Lexicon, sents: Sentences) -> tuple[list[Cand], list[tuple[Cand, Cand]]]:
    """All candidates with kinds, and the acronym definitions (short, long) found in the doc."""
    d = _Doc(doc, lex, sents)
    cands, defs = _from_acronyms(d)  # first: later sources consult the definitions
    cands += _from_lexicon(d)
    cands += _from_model_grammar(d)
    cands += _from_sized_names(d)
    _compounds(d.text, sents, cands)
    _capitalised_compounds(d.text, sents, cands)
    cands += _from_structure(d)
    cands += _from_name_shapes(d) + _scored_compounds(d)
    cands += _from_phrases(d)
    cands += _suffixed_variants(d, cands)
    _benchmark_suffixes(d, cands)
    cands += _slashed_sizes(d, cands)
    _propagate_lists(d.text, sents, cands)
    _join_long_forms(cands)
    _one_kind_per_name(cands)
    _training_role(d, cands)
    _said_kind(d, cands)
    for c in cands:
        head, _, last = d.text[c.start:c.end].rpartition("-")
        if c.key is None and head and last in {"a", "an"} and d.text.startswith(" ", c.end):
            cut = c.end - len(last) - 1  # "ZELKOVA-a novel framework": a dash, then an article
            c.name = c.name[:cut - c.end] if c.name.endswith(d.text[cut:c.end]) else c.name
            c.end = cut
    urls = [m.span() for m in _URL.finditer(d.text)] if "://" in d.text or "www." in d.text else []
    return [c for c in cands if not _stressed_word(d, c)
            and not any(u0 <= c.start and c.end <= u1 for u0, u1 in urls)], defs


_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'()]*[^\s<>\"'().,;:]")  # "github.com/Qwen-Foo" names no model


def _benchmark_suffixes(d: _Doc, cands: list[Cand]) -> None:
    """"MAMO Easy", "FinSearchComp T2", "PKU-MMD II": a split or edition written after a new benchmark's name
    is part of it (the lexicon's benchmarks get theirs in _benchmark_variant)."""
    for c in cands:
        if c.kind != "Benchmark" or c.key or not d.text.startswith(" ", c.end):
            continue
        suf = _VARIANT_SUFFIX.match(d.text, c.end) or _EDITION.match(d.text, c.end)
        if suf and c.name == d.text[c.start:c.end]:
            c.end, c.name = suf.end(), d.text[c.start:suf.end()]


def _slashed_sizes(d: _Doc, cands: list[Cand]) -> list[Cand]:
    """"ZetaLM-3B/7B", "RoboFoo 4B/8B": the other sizes of a sized name that is not in the model grammar."""
    taken = {(c.start, c.end) for c in cands}
    out = []
    for c in cands:
        if c.kind != "Model" or c.key or not d.text.startswith("/", c.end) or not shapes.has_size(c.name):
            continue
        for a0, a1, full in shapes.slash_alternates(c.name, d.text, c.end):
            if (a0, a1) not in taken:
                out.append(Cand(a0, a1, "Model", full, c.origin, family=c.family))
    return out


_STRESSED = re.compile(r"[A-Z]{2,}[a-z]{3,}|[a-z]+[A-Z][A-Za-z]*")
_CAPS_NAME = re.compile(r"(?<![\w-])[\w-]*[A-Z][\w-]*[A-Z][\w-]*")
_ONE_CAP_NAME = re.compile(r"(?<![\w-])[A-Z][a-z]{2,}(?![\w-])")


def _stressed_word(d: _Doc, c: Cand) -> bool:
    """A word in a name's gloss whose capitals spell part of that name ("XR-DT, an eXtended Reality ...", "a
    STRategy-grounded ... framework (STRIDE)") stresses the name's letters; it is not a name of its own."""
    if c.key is not None or c.origin == "lexicon" or c.defining:
        return False
    word = d.text[c.start:c.end]
    if not _STRESSED.fullmatch(word) or d.text.count(word) > 1:
        return False  # a name is used again; a stressed word spells its letters once
    caps = [ch for ch in word if ch.isupper()]
    a, b = d.sents.bounds[d.sents.index(c.start)]
    lo, hi = max(a, c.start - 150), min(b, c.end + 150)
    # a name with one capital ("Perch (adaptive PEnalty and Reward sCHeduling)") spells its letters in capitals too
    names = [(m, m.group(0)) for m in _CAPS_NAME.finditer(d.text, lo, hi)] + [
        (m, m.group(0).upper()) for m in _ONE_CAP_NAME.finditer(d.text, lo, hi) if m.group(0) not in shapes.COMMON_CAPS]
    for m, letters in names:
        if m.start() == c.start:
            continue
        gloss = _GLOSS_AFTER.fullmatch(d.text, m.end(), c.start) if m.end() <= c.start else \
            _GLOSS_BEFORE.fullmatch(d.text, c.end, m.start())
        it = iter(ch for ch in letters if ch.isupper())
        if gloss and all(ch in it for ch in caps):
            return True
    return False


_GLOSS_AFTER = re.compile(r"\s*[,:(]\s*(?:(?:a|an|the)\s+)?(?:[\w,-]+\s+){0,8}")  # "NAME, an Implicit "
_GLOSS_BEFORE = re.compile(r"[^()]{0,120}\(")  # "... wOrld modeling (NAME"


_TRAIN_BEFORE = re.compile(  # "trained the small model Foo-3B on": a name with a digit may follow the words between
    r"\b(?:train\w*|fine-?tun\w*|distill\w*|post-train\w*|curated|sampled|drawn)\s+(?:[\w.-]+\s+){0,3}?"
    r"(?:[\w.-]*\d[\w.-]*\s+)?(?:on|with|using|from)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?$", re.I)
_TRAIN_SPLIT_AFTER = re.compile(r"\s(?:training|train)\s(?:set|split|data|subset)\b", re.I)  # "the MATH training set"


_EVAL_ON_LIST = re.compile(r"\b(?:on|across|over)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                           r"(?:[\w.+-]+(?:\s[\w.+-]+)?(?:,\s+(?:and\s+)?|\s+(?=and\s)))*(?:and\s+)?$",
                           re.I)  # "on the GSM8K, MATH-500, and ", "on A, B and "
_EVAL_WORDS = re.compile(r"\b(?:improv\w*|outperform\w*|achiev\w*|accuracy|results?|experiments?|evaluat\w*|"
                         r"state-of-the-art|surpass\w*|reach\w*|scores?)\b|\d\s?%", re.I)


def _training_role(d: _Doc, cands: list[Cand]) -> None:
    """Typing by role: "trained with the MATH dataset", "Trained on GSM8K, ...": a known benchmark used only
    as training data in this abstract plays the dataset's role here (a Dataset mention in the benchmark's
    family); one also named where the paper evaluates stays a benchmark. The reverse only where the words
    say a score is taken on a known dataset ("91% accuracy on CIFAR-10") and never call it data: a collection
    the abstract calls a dataset stays one ("evaluated on the MIMIC-III and eICU datasets")."""
    by_key: dict[str, list[Cand]] = {}
    for c in cands:
        if c.kind in {"Benchmark", "Dataset"} and (c.key or c.family) and c.origin == "lexicon":
            by_key.setdefault(c.key or f"~{c.family}", []).append(c)
    for group in by_key.values():
        if group[0].kind == "Benchmark" and all(_trained_on(d, c) for c in group):
            for c in group:
                c.kind, c.family, c.key = "Dataset", c.key or c.family, None
        elif group[0].kind == "Dataset" and all(_scored_on(d, c) for c in group):
            for c in group:  # not merely "run on FooIndex", then evaluated
                c.kind, c.family, c.key = "Benchmark", c.key or c.family, None


def _trained_on(d: _Doc, c: Cand) -> bool:
    before, after = d.around(c.start, c.end)
    return _TRAIN_BEFORE.search(before[-80:]) is not None or _TRAIN_SPLIT_AFTER.match(after) is not None


def _scored_on(d: _Doc, c: Cand) -> bool:
    """"91% accuracy on CIFAR-10", "the FooDB benchmark": the words say it is measured on it, not that it is
    data."""
    before, after = d.around(c.start, c.end)
    return (not _TRAIN_BEFORE.search(before[-80:]) and kind_from_context(before, after, d.text[c.start:c.end]) ==
            "Benchmark" and not _DATA_HEAD_AFTER.match(after) and said_collection_kind(before, after) != "Dataset")


_DATA_HEAD_AFTER = re.compile(r"\s(?:(?:SFT|training|instruction|preference)\s)?(?:datasets?|corpus|corpora)\b")


def _said_kind(d: _Doc, cands: list[Cand]) -> None:
    """A known benchmark the abstract calls a dataset ("datasets such as A, B and C", "A and B datasets") is a
    Dataset here, in the benchmark's family; and the reverse. The text's own word beats the lexicon's kind, and
    the kind a list's neighbours guessed for a new name."""
    for c in cands:
        known = c.origin == "lexicon" and bool(c.key or c.family)
        if c.kind == "Model" and known and _DATA_HEAD_AFTER.match(d.text, c.end):
            c.kind, c.family, c.key = "Dataset", c.key or c.family, None  # "the Tulu 3 dataset": its data
            continue
        if c.kind not in {"Benchmark", "Dataset"} or not (known or c.origin in {"list", "context", "shape"}):
            continue
        before, after = d.around(c.start, c.end)
        said = said_collection_kind(before, after, counted=not known)
        if said == "Dataset" and c.kind == "Benchmark" and known and (_EVAL_ON_LIST.search(before[-120:]) or re.search(
                r"\b(?:evaluat\w*|tested|benchmark\w*)\s+(?:\w+\s+){0,3}?(?:on|across)\b", before)) and (
                _EVAL_WORDS.search(before) or _EVAL_WORDS.search(after)):
            continue  # "experiments on the GSM8K, MATH-500 and AIME 2024 datasets": measured on, a benchmark's role
        if said and said != c.kind:
            c.kind, c.family, c.key = said, (c.key or c.family) if known else c.family, None


def _join_long_forms(cands: list[Cand]) -> None:
    """A name found by another rule that spells out an acronym defined in this abstract is that acronym's
    thing ("Reasoning-Aware Reinforcement Learning" later written without its "(RARL)")."""
    defined = {norm(c.long_form): c for c in cands if c.defining and c.long_form and c.key is None}
    if not defined:
        return
    for c in cands:
        d = defined.get(norm(c.name)) if c.key is None and not c.defining else None
        if d is not None:
            c.name, c.long_form, c.kind, c.guessed = d.name, d.long_form, d.kind, False


def _one_kind_per_name(cands: list[Cand]) -> None:
    """Within one abstract a coined name is one thing: its kind comes from the strongest mention whose kind
    was read from the text (a definition, "X, a benchmark", a list of benchmarks), not guessed."""
    best: dict[str, Cand] = {}
    for c in cands:
        if c.key is None and not c.guessed:
            k = norm(c.name)
            if k not in best or ORIGINS[c.origin][0] > ORIGINS[best[k].origin][0]:
                best[k] = c
    for c in cands:
        b = best.get(norm(c.name))
        if c.key is None and b is not None and (c.guessed or c.origin in {"context", "shape", "list"}):
            c.kind = b.kind


_MODIFIERS = re.compile(r"(?:[a-z]+-[a-z]+(?:-[a-z]+)?\s+){1,2}$")
def _compounds(text: str, sents: Sentences, cands: list[Cand]) -> None:
    """"we introduce multi-context GRPO": a hyphenated modifier before a known method, right after a
    proposal cue, names a new method (which builds on the known one)."""
    for c in [c for c in cands if c.kind == "Method" and c.origin == "lexicon"]:
        cue = sents.last_cue_before(c.start)
        if cue is None:
            continue
        gap = text[cue[1]:c.start]
        m = _MODIFIERS.search(gap)
        if m and m.group(0).split()[0].lower() in phrases.PLAIN_MODIFIERS:
            continue
        if m and re.fullmatch(r"\s*(?:(?:a|an|the)\s+)?(?:(?:novel|new)\s+)?", gap[:m.start()]):
            s0 = cue[1] + m.start()
            cands.append(Cand(s0, c.end, "Method", text[s0:c.end], "proposal"))


_ACRONYM_OR_TITLED = re.compile(r"[A-Z0-9-]+|[A-Z]\w*(?:-\w+)*(?:\s[A-Z]\w*(?:-\w+)*)+")


def _capitalised_compounds(text: str, sents: Sentences, cands: list[Cand]) -> None:
    """"Reasoning SFT", "Observer GRPO", "Stability-weighted Supervised Fine-Tuning": a capitalised modifier
    before a known acronym or Title-Case long form names a variant."""
    for c in [c for c in cands if c.kind == "Method" and c.origin == "lexicon" and _ACRONYM_OR_TITLED.fullmatch(
            text[c.start:c.end])]:
        a, _ = sents.bounds[sents.index(c.start)]
        if c.start < sents.title_len:
            continue  # titles capitalise every word
        s0 = phrases.capitalised_modifier(text, a, c.start)
        if s0 is not None and not shapes.is_stop_form(text[s0:c.end]):
            cands.append(Cand(s0, c.end, "Method", text[s0:c.end], "phrase"))


_LIST_ITEM = re.compile(r"[A-Z][\w\-'.+]*(?:\s[A-Z0-9][\w\-'.+]*){0,3}")


# a citation may follow a list item: "PACS~\\cite{pacs}, and VisDA", "SQuAD [12], ..."
_CITE = r"(?:~?\\cite[tp]?\{[^{}]*\}|\s?\[\d+(?:\s?[,–-]\s?\d+)*\])?"
_SEP = re.compile(_CITE + r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*/\s*)")
_ITEM = re.compile(r"[A-Za-z][\w.+'’-]*[\w+](?:\s(?:v?\d+(?:\.\d+)?|[A-Z][\w-]*))?")
_METHOD_ITEM = re.compile(r"[A-Za-z][\w.+'’-]*[\w+](?:\s[A-Z][\w-]*){0,2}")  # "Kestrel Ridge Search"


# a version ("-V1", ".2") or a model word ("FooCLIP", "BarVision", "Baz-Coder") makes a model's sibling a model
_MODEL_SIBLING = re.compile(
    r"(?:[-.\s]v?\d+(?:\.\d+)*|\d+[BM]|LM|GPT|CLIP|VL|Vision|Image|Coder|Chat|Instruct|Omni)$", re.I)


def _sibling_ok(item: str, kind: str) -> bool:
    """A list item next to a known name that can be a name too: coined-looking (beside a model, also looking
    like a model, so a tool listed with one is not made a model), or (among benchmarks) a Title-Case compound
    or capitalised word ("MiniWorld, Gym-Cards, ALFWorld", "Minerval")."""
    first = item.split()[0]
    if kind == "Model":
        return shapes.is_name_shaped(first) and _MODEL_SIBLING.search(item) is not None
    if shapes.is_name_shaped(first):
        return True
    if kind == "Method":  # "algorithms, including Kestrel Ridge Search, Foo-UCB and ...": a Title-Case name
        return " " in item and item.istitle() and phrases.list_item_ok(item)
    return kind == "Benchmark" and (phrases.list_item_ok(item) or kind_from_shape(item, set()) == "Benchmark")


_ITEM_BEFORE = re.compile(r"(?<![\w.+'’-])([A-Za-z][\w.+'’-]*[\w+])" + _CITE +
                          r"(\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_LISTED_KINDS = {"Benchmark", "Method", "Model", "Dataset"}
_BASELINE_CUE = re.compile(
    r"outperform|surpass|compar|baselines?|such as|including|over\b|methods|algorithms|approaches|agents|frameworks|"
    r"techniques|strategies|compatible", re.I)


_LAST_ITEM_BEFORE = re.compile(r"\b(?:and|or)\s+$")
_AND_OR = re.compile(r"\b(?:and|or)\b")


_CLAUSE_VERB_AFTER = re.compile(r"\s+(?:(?:consistently|also|further|still)\s+)?(?:reaches|achieves|attains|obtains|"
                                r"outperforms|surpasses|improves|matches|scores|yields|delivers|beats|exceeds|"
                                r"boosts|raises|increases)\b")


def _propagate_lists(text: str, sents: Sentences, cands: list[Cand]) -> None:
    """In "on A, B, and C" the name-shaped siblings of a known benchmark are benchmarks too; likewise
    the siblings of known methods in a list of baselines ("outperforms PPO, FooRL and BarPO"), and of known
    models and datasets ("CLIP, FooCLIP and Bar-V2"; "MNIST, Fashion-MNIST and FSDD")."""
    starts = {c.start: c for c in cands}
    ends = {c.end: c for c in cands}
    covered = [(c.start, c.end) for c in cands]
    added: list[Cand] = []

    def free(s0: int, s1: int) -> bool:
        return not any(x0 < s1 and s0 < x1 for x0, x1 in covered)

    for c in list(cands):
        if c.kind not in _LISTED_KINDS or not (
                c.origin in {"lexicon", "acronym", "model"}
                or (c.kind == "Benchmark" and c.origin in {"context", "shape"})):
            continue  # a benchmark the context or its shape typed ("on FooSearch and ...", "PathVQA") counts too
        a, b = sents.bounds[sents.index(c.start)]
        if c.kind == "Method" and not _BASELINE_CUE.search(text, a, c.start):
            continue
        # forward: c, X, Y and Z
        pos = c.end
        closed = _LAST_ITEM_BEFORE.search(text, a, c.start) is not None  # c was the list's last item
        while pos < b and not closed:
            sep = _SEP.match(text, pos)
            if not sep or sep.end() >= b:
                break
            closed = _AND_OR.search(sep.group(0)) is not None  # the next item is the last
            nxt = starts.get(sep.end())
            if nxt is not None:
                if nxt.guessed:  # a list of benchmarks says what a guessed name is
                    nxt.kind, nxt.guessed = c.kind, False
                pos = nxt.end
                continue
            item = (_METHOD_ITEM if c.kind == "Method" else _ITEM).match(text, sep.end())
            if not item or not _sibling_ok(item.group(0), c.kind) or not free(item.start(), item.end()):
                break
            if _CLAUSE_VERB_AFTER.match(text, item.end()):
                # "On FooQA, BarAgent reaches 59%": the clause's subject, the system measured, not another item
                kind = "Model" if shapes.has_size(item.group(0)) else "Method"
                added.append(Cand(item.start(), item.end(), kind, clean_latex(item.group(0)), "context", guessed=True))
                break
            new = Cand(item.start(), item.end(), c.kind, clean_latex(item.group(0)), "list")
            added.append(new)
            covered.append((new.start, new.end))
            pos = item.end()
        # backward: X, Y, c
        pos = c.start
        while pos > a:
            w = text[max(a, pos - 6):pos]
            if "," not in w and not w.endswith((" and ", " or ")):
                break  # no list separator right before: the cheap test first
            m = _ITEM_BEFORE.search(text, max(a, pos - 120), pos)  # a window: the item is a word or two back
            if not m:
                break
            s0, s1 = m.start(1), m.end(1)
            prev = ends.get(s1)
            if prev is not None:
                if prev.guessed:
                    prev.kind, prev.guessed = c.kind, False
                pos = prev.start
                continue
            if not _sibling_ok(m.group(1), c.kind) or not free(s0, s1) or not phrases.starts_phrase(
                    text, a, s0) and not text[a:s0].rstrip().endswith(","):
                break
            new = Cand(s0, s1, c.kind, clean_latex(m.group(1)), "list")
            added.append(new)
            covered.append((s0, s1))
            pos = s0
    cands.extend(added)


def resolve(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates: longer spans first, then by origin priority."""
    order = sorted(cands, key=lambda c: (-(c.end - c.start), -ORIGINS[c.origin][0], c.start))
    taken: list[tuple[int, int]] = []
    out = []
    for c in order:
        if any(c.start < b and a < c.end for a, b in taken):
            continue
        taken.append((c.start, c.end))
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


def everywhere(chosen: list[Cand], text: str, body_start: int) -> list[Cand]:
    """A coined name found once ("in our GlyphRoute and GAIA experiments") is the same name wherever the
    abstract writes it again ("On GlyphRoute, PathWeave reaches ..."), so later sentences can relate it."""
    taken = [(c.start, c.end) for c in chosen]
    seen = {}
    for c in chosen:
        written = text[c.start:c.end]
        if c.key is None and c.kind != "Task" and len(written) >= 3 and not written.islower():
            seen.setdefault(written, c)
    extra = []
    for written, c in seen.items():
        a = text.find(written, body_start)
        while a >= 0:  # str.find, not a regex per name: this runs for every coined name of every abstract
            b = a + len(written)
            version = text.startswith(".", b) and b + 1 < len(text) and text[b + 1].isdigit()  # "Foo" in "Foo.2"
            if (not _word_char(text, a - 1) and not _word_char(text, b) and not version
                    and not any(a < y and x < b for x, y in taken)):
                taken.append((a, b))
                extra.append(Cand(a, b, c.kind, c.name, "context", long_form=c.long_form, family=c.family))
            a = text.find(written, b)
    return sorted(chosen + extra, key=lambda c: c.start) if extra else chosen


def to_mentions(doc: Doc, chosen: list[Cand], defs, sents: Sentences) -> tuple[list[Mention], list[Acronym]]:
    text = sents.full
    mentions = [
        Mention(text=text[c.start:c.end], name=c.name, kind=c.kind, evidence=sents.evidence(c.start, c.end),
                key=c.key, long_form=c.long_form, family=c.family, origin=c.origin, confidence=c.conf)
        for c in chosen
    ]
    acronyms = [Acronym(short=text[s.start:s.end], long=text[lf.start:lf.end],
                        evidence=sents.evidence(s.start, s.end)) for s, lf in defs]
    return mentions, acronyms


__all__ = ["Cand", "PROPOSE_CUE", "Sentences", "collect", "decompose", "everywhere", "resolve", "to_mentions"]


_WORD_PARTS = re.compile(r"[A-Za-z][A-Za-z0-9.]*")


def decompose(chosen: list[Cand], lex: Lexicon, text: str, cands: list[Cand] = ()) -> list[Cand]:
    """Add the known method inside a coined name: "ST-GRPO", "GRPO++", "multi-context GRPO" mention GRPO,
    and so does a new long form ("Negative-enhanced Group Relative Policy Optimization").

    The inner mention overlaps its container on purpose: the name itself says it is a kind of GRPO.
    """
    extra = []
    new_long = [c for c in chosen if c.kind == "Method" and c.origin == "acronym" and not c.key and c.long_form
                and text[c.start:c.end] == c.long_form]
    for inner in cands:
        if inner.origin == "lexicon" and inner.kind == "Method" and any(
                c.start < inner.start and inner.end == c.end for c in new_long):  # "<modifier> <known method>"
            extra.append(inner)
    for c in chosen:
        if c.kind != "Method" or c.origin == "lexicon" or c.key:
            continue
        surface = text[c.start:c.end]
        for m in _WORD_PARTS.finditer(surface):
            part = m.group(0)
            if part == surface or len(part) < 2 or shapes.is_stop_form(part):
                continue
            hits = [e for e in lex.lookup(part, "Method") if part in e.forms() and shapes.case_sensitive(part)]
            if hits:
                e = hits[0]
                extra.append(Cand(c.start + m.start(), c.start + m.end(), "Method", e.name, "lexicon", key=e.id))
    return sorted(chosen + extra, key=lambda x: (x.start, -x.end))
