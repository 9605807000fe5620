"""Sentence rules that turn a paper's mentions into relations: what the paper proposes, uses, compares with,
evaluates on, which new method builds on which, and the numbers it reports."""
from __future__ import annotations

import re

from kg.extraction.mentions import Cand, Sentences
from kg.extraction.typing import OUR_APPOSITION
from kg.text import norm
from schemas import Relation, ResultClaim

COMPARE_CUE = re.compile(
    r"\b(?:outperform\w*|surpass\w*|beat\w*|exceed\w*|compared (?:to|with|against)|comparisons? (?:to|with|against)|"
    r"over(?!\s+[\d~$])|than(?!\s+[\d~$])|versus|vs\.?|relative to|baselines?|against|competitive with|"
    r"on par with|rivals?|match(?:es|ing)|"
    r"comparable (?:to|with)|within [^,;]{0,30}? of|close to|approaching|trailing|behind|"
    r"similar (?:\w+ )?to|"
    r"benchmarked (?:against|to|with)|compar(?:e|es|ed|ing)\s+(?:[\w.-]+\s+){0,4}?(?:to|with|against)|"
    r"underperform\w*|clos(?:e|es|ing) the gap (?:with|to)|unlike|in contrast to)\b", re.I)
EVAL_CUE = re.compile(
    r"\b(?:experiment\w*|evaluat\w*|achiev\w*|outperform\w*|results?|scor\w*|accuracy|improv\w*|surpass\w*|"
    r"state-of-the-art|SOTA|demonstrat\w*|show\w*|gains?|reach\w*|attain\w*|pass@\d+|tested|validat\w*|"
    r"empirical\w*|benchmarks?|yield\w*|boost\w*|perform\w*|assess\w*|examin\w*|investigat\w*|"
    r"addressed with|analy[sz]\w*)\b", re.I)
OURS = re.compile(r"\b(?:we|our|ours|this (?:paper|work|study))\b|\bTo (?:verify|test|evaluate|validate|"
                  r"investigate|examine|study|answer)\b|\bthis (?:hypothesis|question)\b", re.I)
PASSING = re.compile(r"(?:such as|e\.g\.,?|like|including|for example|for instance)\s*"
                     r"(?:[\w\-.'’ ]+,\s*){0,6}(?:and\s+|or\s+)?$", re.I)
STRONG_EVAL = re.compile(
    r"\b(?:experiments?|results?|achiev\w*|outperform\w*|surpass\w*|evaluated|evaluate|evaluating|scores?|"
    r"accuracy|improv\w*|gains?|state-of-the-art|reach\w*|attain\w*|pass@\d+)\b|\d\s?%", re.I)
TRAIN_CUE = re.compile(r"\b(?:train\w*|fine-?tun\w*|distill\w*|curat\w*|synthesi\w*|collect\w*)\b", re.I)
BUILD_CUE = re.compile(
    r"(?:\bmaps? the concept of|"
    r"\bextend\w*|\bextension (?:of|to)|\bvariants? of|\bbuilt (?:up)?on|\bbuilds? (?:up)?on|\bbased on|"
    r"\bgenerali[sz]\w*|\bmodif\w*|\bimprov\w* (?:up)?on|\bpush\w* the limits? of|\bon top of|\binspired by|"
    r"\badapt(?:s|ed|ing)?\b|\brevisit\w*|\bbuilding (?:up)?on|\bgrounded in|\bderived from|\bstarting from|"
    r"\benhanc\w*|\brefin\w*|\bupgrad\w*|\binherit\w*|\bintegrated (?:with|into))\b"
    # the base right after the cue, or in a list of examples soon after it ("extends methods such as ReAct")
    r"(?:[^.;]{0,40}|[^.;]{0,60}\b(?:such as|like|e\.g\.,?|including)\s[^.;]{0,30})$", re.I)
BASED_AFTER = re.compile(r"^\s*(?:-|\s)(?:based|style|like|tyle|inspired)\b|^\s+variants?\b", re.I)
_NUM = r"[+-]?\d+(?:\.\d+)?"
_SPREAD = r"(?:\s?\$?\s?(?:±|\+-|\+/-|\\pm)\s?\$?\s?\d+(?:\.\d+)?)?"  # "0.76 +- 0.34", "$97.1\pm0.9$"
# LaTeX writes "43.0\%", "$7.7$ points", "$\sim10\%$"
_VAL = (r"(?:" + _NUM + _SPREAD + r"(?:\s?(?:[-–]|--)\s?" + _NUM + r")?\$?"
        r"(?:\s?\\?%|\s(?:percent|percentage points?|points?)\b|\s?pp\b"
        r"|\s?[x×](?!\w))"
        r"|[+-]?\d+\.\d+" + _SPREAD + r"(?![\w.%])"
        r"|(?<![\w/])\d{1,5}/\d{1,5}(?![\w/])"  # "resolves 374/500 instances"
        r"|\d{1,5} out of \d{1,5}(?![\w.]))")
NUMBER = re.compile(
    r"(?<![\w.@])("
    r"(?:(?:by\s+)?(?:over|up to(?: an?)?|about|approximately|approx\.|nearly|almost|more than|less than|"
    r"greater than or equal to|at least|at most|around|roughly|within|under|below|above|plus|fewer than|"
    r"exceeding|close to|as much as)\s+|by\s+|~\s?|\$?\\(?:sim|approx)\$?\s?)?"
    # "gains of 3.9% to 18.4%" is one range; "from 9.7% to 79.8%" is two values, before and after
    r"(?:(?<!\bfrom\s)" + _VAL + r"\s+to\s+" + _VAL + r"|" + _VAL + r"))", re.I)
UNIT = re.compile(r"%|percent|points?\b|pp\b|/\d")
RESPECTIVELY = re.compile(r"\brespectively\b", re.I)

PAPER_RELS = {"Method": "USES", "Model": "USES_MODEL", "Dataset": "USES_DATASET", "Benchmark": "EVALUATES_ON",
              "Task": "ADDRESSES", "Metric": "MEASURES"}


class _Paper:
    def __init__(self, text: str, mentions: list[Cand], sents: Sentences):
        self.text = text
        self.m = mentions
        self.sents = sents
        self.sent_of = [sents.index(c.start) for c in mentions]
        self.proposal_sents = sents.proposals
        self.first_proposal = min(self.proposal_sents) if self.proposal_sents else None
        self._said: dict[tuple[int, str], bool] = {}
        self.own_sents: set[int] = set()  # sentences naming what the paper proposes (set once that is known)

    def before(self, i: int) -> str:
        a, _ = self.sents.bounds[self.sent_of[i]]
        return self.text[a:self.m[i].start]

    def sentence_says(self, s: int, cue: re.Pattern) -> bool:
        """Whether sentence ``s`` matches ``cue`` (asked for every mention, so answered once per sentence)."""
        key = (s, cue.pattern)
        if key not in self._said:
            self._said[key] = cue.search(self.sents.text(s)) is not None
        return self._said[key]

    def is_background(self, i: int) -> bool:
        s = self.sent_of[i]
        if self.sents.title_len and s == 0:
            return False
        if self.sentence_says(s, OURS) or s in self.proposal_sents or s in self.own_sents:
            return False  # "ASX achieves a 40% cut on AIME 2024": a sentence about the new method is not background
        if self.first_proposal is not None and s > self.first_proposal:
            return bool(PASSING.search(self.before(i)[-30:])) and not self.sentence_says(s, EVAL_CUE)
        return True if self.first_proposal is not None else not self.sentence_says(s, EVAL_CUE)


def _passing(p: _Paper, i: int) -> bool:
    """A benchmark named in passing: "e.g. AIME", or in a sentence that neither evaluates nor is ours."""
    s = p.sent_of[i]
    if PASSING.search(p.before(i)[-120:]) and not p.sentence_says(s, STRONG_EVAL):
        return True
    return not p.sentence_says(s, EVAL_CUE) and not p.sentence_says(s, OURS)


_NAMING = re.compile(r"(?:we\s+)?(?:term|call|name|dub)\s+(?:this|the|our)\s+(?:[\w-]+\s+){0,2}?(?:approach|method|"
                     r"framework|paradigm|algorithm|objective|technique|setting|problem)\s+(?:as\s+)?", re.I)


_COLON = re.compile(r"\s*[:：]")
_BASE_BETWEEN = re.compile(r"\b(?:extends|extending|builds? (?:on|upon)|built (?:on|upon)|based on|outperform\w*)\b",
                           re.I)
_ARTICLE_GAP = re.compile(r"\s*(?:(?:a|an|the|our)\s+)?(?:(?:new|novel)\s+)?")
_AND_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def proposed(p: _Paper) -> set[int]:
    """Indexes of mentions of what the paper introduces."""
    out: set[int] = set()
    title_end = p.sents.title_len
    for i, c in enumerate(p.m):
        if c.origin == "proposal" and (cue := p.sents.last_cue_before(c.start)) and _BASE_BETWEEN.search(
                p.text, cue[1], c.start):
            continue  # "we propose X, which extends Y": Y is what the new thing builds on
        if c.origin in {"proposal", "title"}:
            out.add(i)
        elif c.start < title_end and not p.text[:c.start].strip() and _COLON.match(p.text, c.end, title_end):
            out.add(i)  # the title's "CIGPO: Contextual ..." prefix, whichever rule found it
    for s in p.proposal_sents:
        a, b = p.sents.bounds[s]
        for cue_start, cue_end in p.sents.cues_in(a, b):
            first = next((i for i, c in enumerate(p.m) if cue_end <= c.start < b), None)
            if first is not None and p.m[first].kind == "Model" and (p.m[first].key or p.m[first].family) and (
                    "train" in p.text[cue_start:cue_end].lower()):
                first = None  # "we train a Qwen2.5-7B model": a known model is trained, not introduced
            if first is not None and p.m[first].key is not None and p.text[cue_start:cue_end].lower() == "namely":
                first = None  # "four widely used models, namely Claude and Grok": known things, listed
            gap = p.text[cue_end:p.m[first].start] if first is not None else ""
            if first is not None and p.m[first].key is not None and not _ARTICLE_GAP.fullmatch(
                    gap) and not _NAMING.fullmatch(
                    p.text, cue_start, p.m[first].start):
                first = None  # "we propose a GRPO-based framework": GRPO is used, not introduced
            if first is not None and p.m[first].start - cue_end <= 120 and ";" not in gap and "." not in gap:
                out.add(first)
                # "two algorithms, ST-GRPO and J-GRPO": the coordinated names right after are new too
                k = first + 1
                while k < len(p.m) and p.sent_of[k] == s and _AND_GAP.fullmatch(
                        p.text, p.m[k - 1].end, p.m[k].start):
                    out.add(k)
                    k += 1
        for i, c in enumerate(p.m):
            if p.sent_of[i] == s and c.defining and c.key is None:
                out.add(i)
    out |= _named_parts(p, out)
    out |= _apposed_new(p)
    out |= _defined_parts(p, out)
    for i, c in enumerate(p.m):  # "a novel Offline RPT (O-RPT)", "our new FooBench benchmark", "X, our recipe"
        if c.key is None and not c.family and c.kind != "Task" and i not in out:
            a = max(p.sents.bounds[p.sent_of[i]][0], c.start - 50)
            if _NOVEL_BEFORE.search(p.text, a, c.start) or (
                    c.kind != "Model" and p.text[c.end:c.end + 2] in {", ", " ("}
                    and OUR_APPOSITION.match(p.text, c.end)):
                out.add(i)
    names = {norm(p.m[i].name) for i in out if p.m[i].kind != "Task"}
    # our X's variants are ours too: "VST" proposed makes "VST-RL" and "VST-7B" proposed
    stems = tuple(p.m[i].name + "-" for i in out if p.m[i].kind != "Task" and len(p.m[i].name) >= 2)
    return {i for i, c in enumerate(p.m) if c.kind != "Task" and (
        norm(c.name) in names or (c.key is None and stems and c.name.startswith(stems)))}


# "a novel Offline RPT", "a novel method, FreeX,", "our newly constructed FooSet"
_NOVEL_BEFORE = re.compile(r"\b(?:a|an|our)\s+(?:new|novel|proposed|newly\s+\w+ed)\s+(?:[a-z][\w-]*\s+){0,2}"
                           r"(?:[a-z][\w-]*,\s+)?$", re.I)
_ENUMERATED = re.compile(r"(?:^|[\s:;,])\((?:\d|i{1,3}|iv|v|[a-e])\)\s+(?:(?:a|an|the)\s+)?$")
_OUR_WORK = re.compile(r"\bour (?:[\w-]+ ){0,2}?(?:approach|framework|method|system|model|pipeline|algorithm|agent|"
                       r"design|recipe)\b|\bwe (?:propose|introduce|design|develop|present)\b", re.I)
_ENUMERATED_ITEM = re.compile(r"(?:^|[\s:;,])\((?:\d|i{1,3}|iv|v|[a-e])\)\s+$")  # "(1) NonThinking-SFT"
_USED_PART = re.compile(r"\b(?:including|such as|employs?|employing|uses?|using|via|like)\s+(?:(?:a|an|the)\s+)?"
                        r"(?:[\w-]+\s+){0,2}$", re.I)


def _named_parts(p: _Paper, proposed_so_far: set[int]) -> set[int]:
    """Components the paper names for its own method ("a Meta-Agent mode", "(2) Success-Gated Reset strategy",
    "a novel Foo Expansion pipeline"): a capitalised name before a head noun is new when its sentence
    introduces something, when it is enumerated in a sentence about the paper's own method, or when "novel"
    says so; not when it is something used ("which employs a ... mechanism", "including Reasoning SFT")."""
    out = set()
    new_names = {norm(p.m[i].name) for i in proposed_so_far if p.m[i].kind != "Task"}
    # a sentence about the paper's own work: it introduces something or names what was introduced
    sents_with_new = {p.sent_of[i] for i, c in enumerate(p.m) if i in proposed_so_far or norm(c.name) in new_names}
    for i, c in enumerate(p.m):
        if c.kind != "Method" or not (c.origin == "phrase" or (
                c.origin in {"shape", "context"} and c.key is None and not c.family
                and _ENUMERATED_ITEM.search(p.text, max(0, c.start - 12), c.start))):
            continue
        s = p.sent_of[i]
        a = p.sents.bounds[s][0]
        before = p.text[max(a, c.start - 80):c.start]
        if _USED_PART.search(before):
            continue
        novel = re.search(r"\b(?:novel|new|our)\s+(?:[\w-]+\s+){0,2}$", before, re.I)
        enumerated = _ENUMERATED.search(before) and (s in sents_with_new or _OUR_WORK.search(p.text, a, c.start))
        if s in p.proposal_sents or novel or enumerated:
            out.add(i)
    return out


_APPOSED_NEW = re.compile(r"(?:\s*\([^()]{2,80}\))?,\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?"
                          r"(framework|method|approach|algorithm|objective|mechanism|module|protocol|strategy|"
                          r"pipeline|system|agent|architecture|benchmark|dataset|model|paradigm|technique)\b")


def _apposed_new(p: _Paper) -> set[int]:
    """"... with E-GRPO, a reinforcement learning objective that ...", "we show its value with Perceptual-in-
    Generation (PiG), a training-free framework": a new name described by an apposition in a sentence about
    the paper's own work is what the paper introduces (not a rival: "compared with X, a strong baseline")."""
    out = set()
    for i, c in enumerate(p.m):
        if c.key is not None or c.family or c.kind == "Task":
            continue
        m = _APPOSED_NEW.match(p.text, c.end)
        if not m or "baseline" in m.group(0) or not (p.sentence_says(p.sent_of[i], OURS) or not p.is_background(i)):
            continue
        if COMPARE_CUE.search(p.before(i)[-60:]) or PASSING.search(p.before(i)[-60:]):
            continue
        out.add(i)
    return out


_PART_VERB = re.compile(r"\b(?:employs?|appl(?:y|ies)|utili[sz]es|combines|comprises|incorporates|integrates|"
                        r"features|consists of|includes|introduces|leverages|deploy|adopts)\b"
                        r"(?![^.;]*\b(?:such as|e\.g\.|like)\b)")
_OUR_SUBJECT = re.compile(r"^\W*(?:[A-Z]\w+(?: [a-z]+)?,\s*)?(?:we|our (?:\w+ ){0,2}?(?:approach|framework|method|"
                          r"system|model|pipeline|algorithm|agent))\b", re.I)


def _defined_parts(p: _Paper, proposed_so_far: set[int]) -> set[int]:
    """"Harbor applies Tide-Aware Pruning (TAP) to ...", "our approach utilizes a Staged Noise
    Calibrator (SNC)": a new acronym defined after the proposal, in a sentence about our work or whose
    subject is our new method, names one of its parts, which the paper introduces too."""
    if p.first_proposal is None:
        return set()
    out = set()
    for i, c in enumerate(p.m):
        s = p.sent_of[i]
        if (not c.defining or c.key is not None or c.collides or c.family or c.kind in {"Task", "Metric"}
                or s <= p.first_proposal or not (c.long_form or c.name)[:1].isupper()):
            continue
        before = p.before(i)
        subject = next((j for j in proposed_so_far if p.sent_of[j] == s and p.m[j].end <= c.start), None)
        if not _PART_VERB.search(before[-50:]) or not (subject is not None or _OUR_SUBJECT.search(before)):
            continue
        if COMPARE_CUE.search(before[-60:]) or PASSING.search(before[-60:]):
            continue
        out.add(i)
    return out


# "Reflexion and StateFlow baselines", "a ReAct-style baseline": a name the paper measures itself against
_BASELINE_AFTER = re.compile(r"(?:-(?:style|based|like))?"
                             r"(?:(?:,\s*(?:and\s+)?|\s+and\s+)[\w.+-]+(?:\s[\w.+-]+)?){0,4}\s+baselines?\b")
# "... over the strongest baseline for Qwen-7B": the model a comparison runs on
_RUNS_ON = re.compile(r"\b(?:on|with|using|for|under)\s+(?:the\s+)?(?:[\w.-]+(?:,\s*|\s+and\s+))*$")


_LISTED_GAP = re.compile(r"\b(?:including|such as|like|e\.g\.,?|i\.e\.,?|specifically|namely)\s+"
                         r"(?:[\w.+-]+(?:\s[\w.+-]+)?,?\s+(?:and\s+)?){0,5}$")
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:while|whereas|we|which|that)\b|\band\s+(?:\w+ly\s+)?[a-z]+(?:es|s|ed)\b")


def _compared(p: _Paper, i: int) -> bool:
    if _BASELINE_AFTER.match(p.text, p.m[i].end):
        return True
    before = p.before(i)
    cue = None
    for cue in COMPARE_CUE.finditer(before):
        pass
    if cue is None:
        return False
    gap = before[cue.end():]
    if p.m[i].kind == "Model" and _RUNS_ON.search(gap):
        return False  # "outperforms baselines on LLaDA and Dream": the models it runs on, not rivals
    # the cue must govern the name: no clause break, no second verb ("... and integrates across GRPO");
    # a long gap is fine when it ends in a list of baselines ("outperforms ... methods including X and Y")
    listed = _LISTED_GAP.search(gap)
    return (len(gap) <= 100 or (listed is not None and len(gap) <= 220)) and not _CLAUSE_BREAK.search(gap)


_APPOSED_KIND = re.compile(r"(?:\s*\([^()]{1,40}\))?,\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?([\w-]+(?:\s[\w-]+){0,3}?)"
                           r"(?:\s|-based\s)(?:framework|method|approach|algorithm|variant|extension|technique|"
                           r"paradigm|strategy|objective)\b")
_FOUND_WANTING = re.compile(r"[^.;]{0,80}?\b(?:are|is|remain|prove)\s+(?:\w+ly\s+)?(?:insufficient|ineffective|"
                            r"inadequate|limited|unable)\b|[^.;]{0,40}?\b(?:fails?|struggles?|suffers?)\b", re.I)
_BUILDING_ON = re.compile(r"\s*(?:Building (?:up)?on|Based on|Extending|Inspired by)\s+(?:(?:our|the)\s+)?", re.I)


def _renamed(new: str, base: str) -> bool:
    """"TASU2" or "Foo-v2" is a new version of "TASU"/"Foo"; "UltraLLaDA" a prefixed "LLaDA".

    >>> _renamed("TASU2", "TASU"), _renamed("UltraLLaDA", "LLaDA"), _renamed("Ultra", "RA"), _renamed("GRPO", "PO")
    (True, True, False, False)
    >>> _renamed("LaLoRA", "LoRA"), _renamed("Omni2LoRA", "LoRA"), _renamed("Lora", "ora")
    (True, True, False)
    """
    if len(base) < 3 or not new.startswith(base) and not new.endswith(base):
        return False
    if new.startswith(base):
        return re.fullmatch(r"[-\s]?v?\d+(?:\.\d+)?", new[len(base):], re.I) is not None
    # "UltraLLaDA", "S3LoRA", "NSCoT", "SU-HATD3": a word or a few capitals glued before a known acronym
    return re.fullmatch(r"(?:[\w-]*-)?(?:[A-Z][a-z]+\d*|[A-Z0-9]{1,3})", new[:-len(base)]) is not None and sum(
        ch.isupper() for ch in base) >= 2


_NAME_PARTS = re.compile(r"[-\s]+")


_IT_SENTENCE = re.compile(r"\s*(?:It|Our (?:method|approach|framework|model)|This (?:method|approach|framework|"
                          r"model|algorithm))\b")
_CONTRAST = re.compile(r"\b(?:unlike|instead of|rather than|over|than|compared|insufficient|fail\w*)\b", re.I)
_WITH_NEXT = re.compile(r"\s+(?:with|\+)\s+")
_TITLE_WITH = re.compile(r"\b(?:with|via|using|through|from)\s+(?:[\w-]+\s+){0,2}$")


def builds_on(p: _Paper, prop: set[int]) -> list[tuple[int, int]]:
    """(new, base) mention pairs: what the paper introduces and the named method (or model) it extends.

    Evidence, strongest first: the new name contains the base ("ST-GRPO", "GRPO++", "multi-context GRPO");
    a cue before the base in a sentence about the new thing ("extends GRPO", "a variant of DPO",
    "built upon DAPO", "GRPO with DBB"); the title ("X: ... with Group Relative Policy Optimization").
    """
    pairs: list[tuple[int, int]] = []
    seen: set[tuple[str, str]] = set()
    new_items = sorted((i for i in prop if p.m[i].kind in {"Method", "Model"}), key=lambda k: p.m[k].start)

    def add(new: int, base: int) -> None:
        key = (norm(p.m[new].name), norm(p.m[base].name))
        if key[0] != key[1] and key not in seen:
            seen.add(key)
            pairs.append((new, base))

    def bases_for(new: int):
        kinds = {"Method", "Model"} if p.m[new].kind == "Model" else {"Method"}
        return [j for j, c in enumerate(p.m) if c.kind in kinds and j not in prop]

    for i in new_items:
        name = p.m[i].name
        parts = [x for x in _NAME_PARTS.split(name.rstrip("+")) if x]
        stem = next((k for k in new_items if p.m[k].kind == p.m[i].kind and p.m[k].name != name and (
            name.startswith(p.m[k].name + "-") or (len(parts) > 1 and p.m[k].name in parts))), None)
        if stem is not None:
            add(i, stem)  # "WebAgent-R1-Zero", "A-HPO": a variant of the paper's own "WebAgent-R1", "HPO"
            continue
        for j in bases_for(i):
            c = p.m[j]
            written = {c.name, p.text[c.start:c.end]}  # "DSP+" extends "DSP", the lexicon's "Draft, Sketch, and Prove"
            inside = p.m[i].start <= c.start and c.end <= p.m[i].end
            if inside or (len(parts) > 1 and written & set(parts)) or (
                    name.endswith("+") and name.rstrip("+") in written) or _renamed(name, c.name):
                add(i, j)
    # a name defined in this abstract that ends in a known method's acronym ("Token-Sequence GRPO (TS-GRPO)",
    # "Multi-objective DPO (MODPO)") is a variant of that method, whoever introduced it
    acronyms = [j for j, c in enumerate(p.m) if c.key and len(c.name) >= 3 and c.name.isupper()]
    for i, c in enumerate(p.m):
        if c.defining and c.key is None and c.kind == "Method" and i not in prop:
            ends = [j for j in acronyms if c.name.endswith(p.m[j].name) and len(c.name) > len(p.m[j].name) + 1]
            if ends:
                add(i, max(ends, key=lambda j: (len(p.m[j].name), -j)))  # the longest, first written
    # a hyphened coined name around a known method's acronym ("Zeta-DPO", "QRX-MATD3", "GRPO-Kite") is a
    # variant of it, whoever introduced it
    for i, c in enumerate(p.m):
        if c.kind == "Method" and c.key is None and i not in prop and "-" in c.name:
            parts = c.name.split("-")
            inner = [j for j, x in enumerate(p.m) if x.key and x.kind == "Method" and x.name.isupper()
                     and len(x.name) >= 3 and c.start <= x.start and x.end <= c.end and x.name in parts]
            if inner and all(w[:1].isupper() or w[:1].isdigit() for w in parts):
                add(i, inner[0])
    # a compound named in this abstract around a known method ("Bucket-Aware SFT", "Geometry-Aware MCTS") is
    # a variant of it, whoever introduced it
    for i, c in enumerate(p.m):
        if c.kind == "Method" and c.key is None and c.origin == "phrase" and i not in prop:
            inner = [j for j, x in enumerate(p.m) if x.key and x.kind == "Method" and c.start < x.start
                     and x.end == c.end]
            if inner:
                add(i, inner[0])
    if not new_items:
        return pairs
    for i in new_items:  # "VistaPlan, an uncertainty-driven beam search framework": a kind of beam search
        m = _APPOSED_KIND.match(p.text, p.m[i].end)
        base = next((j for j, c in enumerate(p.m) if m and c.key and c.kind == "Method" and j not in prop
                     and m.start(1) <= c.start and c.end == m.end(1)), None) if m else None
        if base is not None:
            add(i, base)
    for s in p.proposal_sents:  # "Building on FlowKit, we introduce TAS": the paper's own earlier part
        a, b = p.sents.bounds[s]
        m = _BUILDING_ON.match(p.text, a)
        if m is None:
            continue
        base = next((j for j in new_items if p.m[j].start == m.end()), None)
        new = next((k for k in new_items if p.sent_of[k] == s and p.m[k].start > m.end()
                    and norm(p.m[k].name) != norm(p.m[base].name)), None) if base is not None else None
        if new is not None:
            add(new, base)
    main = new_items[0]
    title = p.sents.title_len
    for j in bases_for(main):
        c = p.m[j]
        if c.origin == "phrase":
            continue  # "employs a Logit Fusion mechanism": a named part of the new method, not its base
        if any(p.m[k].start <= c.start and c.end <= p.m[k].end for k in new_items):
            continue  # inside a new name: the name rules above have read it
        s = p.sent_of[j]
        sent_start = p.sents.bounds[s][0]
        it_sentence = _IT_SENTENCE.match(p.text, sent_start)
        same = [k for k in new_items if p.sent_of[k] == s]
        if not (s in p.proposal_sents or same or it_sentence or (title and s == 0)):
            continue
        before = p.before(j)
        if _CONTRAST.search(before):
            continue
        if _FOUND_WANTING.match(p.text, c.end):
            continue  # "we show that variants of SFT ... are insufficient": a rejected approach, not the base
        based = BASED_AFTER.match(p.text[c.end:c.end + 12]) and s in p.proposal_sents and p.sents.last_cue_before(
            c.start) is not None
        m = _WITH_NEXT.match(p.text, c.end, c.end + 8)
        with_new = m is not None and any(p.m[k].start == m.end() for k in new_items)
        title_with = title and s == 0 and _TITLE_WITH.search(before)
        cue = BUILD_CUE.search(before[-80:])
        if cue and any(c.start - len(before[-80:]) + cue.start() < p.m[k].start < c.start for k in new_items):
            cue = None  # "extends X with Y, and Z-TD3": the cue is about another new thing
        if cue or based or with_new or title_with:
            add(same[0] if same else main, j)
    return pairs


def _value(raw: str) -> str:
    """The value as the abstract writes it, qualifier and unit included ("over 99.8 percent", "+4.4 pp");
    a bare "by" is not part of it."""
    value = re.sub(r"^by\s+", "", raw.strip(), flags=re.I)
    return re.sub(r"\\(?:sim|approx)\s?", "~", value).replace("\\%", "%").replace("$", "")


# what may stand between a value and the benchmark after it: "$+4.5$ on X", "41.2% accuracy on X"
_SCORE_BEFORE = re.compile(r"\$?\s*(?:points?|pp|%)?\s*(?:[\w@.-]+\s+){0,3}?(?:on|in|at|for)\s+(?:the\s+)?")
_COORDINATED_VALUES = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)")
_ELSEWHERE = re.compile(r"\b(?:benchmarks|datasets|on average)\b", re.I)


def results(p: _Paper, prop: set[int]) -> list[tuple[str, int, int | None, int | None, int]]:
    """(value, benchmark mention, metric mention, subject mention, number position) from each sentence.

    A number goes with the benchmark right after it ("47.6% on GAIA"), else the one right before it
    ("GAIA (47.6%)"); "by 15.6% and 9.1% respectively on MATH and HumanEval" pairs them in order."""
    out = []
    all_benches = [i for i, c in enumerate(p.m) if c.kind in {"Benchmark", "Dataset"}]
    only = all_benches[0] if len({norm(p.m[i].name) for i in all_benches}) == 1 and (
        p.m[all_benches[0]].kind == "Benchmark") else None
    for s in range(len(p.sents.bounds)):
        a, b = p.sents.bounds[s]
        in_sent = [i for i, _ in enumerate(p.m) if p.sent_of[i] == s]
        benches = [i for i in in_sent if p.m[i].kind in {"Benchmark", "Dataset"}]
        if not benches and only is not None and (p.sents.title_len == 0 or s > 0) and EVAL_CUE.search(
                p.text, a, b) and not _ELSEWHERE.search(p.text, a, b) and only in prop | {
                i for i in all_benches if p.sent_of[i] < s}:
            # a benchmark paper, or one benchmark named earlier: "the strongest agent solves only 46.2% of
            # tasks" is a score on it; only percentages are taken (counts and sizes are not scores)
            for num in NUMBER.finditer(p.text, a, b):
                if "%" in num.group(1) or "percent" in num.group(1):
                    out.append((_value(num.group(1)), only, None, None, num.start(1)))
            continue
        if not benches:
            continue
        metrics = [i for i in in_sent if p.m[i].kind == "Metric"]
        subjects = [i for i in in_sent if p.m[i].kind in {"Method", "Model"}]
        nums = [n for n in NUMBER.finditer(p.text, a, b)
                if not any(p.m[i].start <= n.start(1) < p.m[i].end for i in in_sent)]  # not a digit in a name
        paired: dict[int, int] = {}
        distinct = list(dict.fromkeys(p.m[i].name for i in benches))
        resp = RESPECTIVELY.search(p.text, a, b)
        if resp and len(nums) >= len(distinct) > 1:
            # "by 15.6% and 9.1% respectively on MATH and HumanEval": the numbers right before the word
            k0 = max(0, sum(1 for n in nums if n.end(1) <= resp.start()) - len(distinct))
            first = {p.m[i].name: i for i in reversed(benches)}
            paired = {k0 + k: first[name] for k, name in enumerate(distinct)}

        def after_bench(n1: int) -> int | None:
            after = [i for i in benches if p.m[i].start >= n1 and _SCORE_BEFORE.fullmatch(p.text, n1, p.m[i].start)]
            return after[0] if after else None

        # "62.1% and 72.6% on X": values coordinated before one benchmark all go with it
        for k in range(len(nums) - 2, -1, -1):
            nxt = paired.get(k + 1)
            if k not in paired and nxt is not None and _COORDINATED_VALUES.fullmatch(
                    p.text, nums[k].end(1), nums[k + 1].start(1)):
                paired[k] = nxt
            elif k + 1 not in paired and (nb := after_bench(nums[k + 1].end(1))) is not None:
                paired.setdefault(k + 1, nb)
                if _COORDINATED_VALUES.fullmatch(p.text, nums[k].end(1), nums[k + 1].start(1)):
                    paired[k] = nb
        for k, num in enumerate(nums):
            n0, n1 = num.start(1), num.end(1)
            bench = paired.get(k)
            if bench is None:
                bench = after_bench(n1)
            if bench is None:
                prev = [i for i in benches if p.m[i].end <= n0 and (
                    (len(p.text[p.m[i].end:n0]) <= 40 and not NUMBER.search(p.text, p.m[i].end, n0))
                    or re.fullmatch(r"\s*\([^()]*", p.text[p.m[i].end:n0]))]  # "X (+4.8% ..., +14.6% ...)"
                bench = prev[-1] if prev else None
            if bench is None and len(distinct) == 1 and (re.match(r"\s*(?:On|In|For|Across)\b", p.text[a:b])
                                                         or UNIT.search(num.group(1))):
                bench = benches[0]  # "In the Taxi v3 domain, it ... by 99.9% and ... a 65.7% improvement",
                # "Evaluated on X with two backbones, it lifts Pass@1 by 7.0% and 3.6%": the sentence's one benchmark
            if bench is None and len(distinct) == 1 and re.search(r"\bfrom\s+$|\bto\s+$", p.text[max(a, n0 - 6):n0]):
                bench = benches[0]  # "raises success on X from 6.1% to 33.9%"
            if bench is None:
                continue
            metric = min(metrics, key=lambda i: abs(p.m[i].start - n0)) if metrics else None
            before_subj = [i for i in subjects if p.m[i].end <= n0]
            subj = next((i for i in before_subj[::-1] if i in prop), before_subj[-1] if before_subj else None)
            if subj is None:
                subj = next(iter(sorted(i for i in prop if p.m[i].kind == "Method")), None)
            out.append((_value(num.group(1)), bench, metric, subj, n0))
    return out


def _inside_names(p: _Paper) -> set[int]:
    """Known methods written inside a longer name of the abstract ("On-Policy Self-Distillation (OPSD)"): the new
    thing builds on them; the paper uses them only where it names them on their own."""
    return {i for i, c in enumerate(p.m) if c.key is not None and c.kind == "Method" and any(
        o.start <= c.start and c.end <= o.end and (o.end - o.start) > (c.end - c.start) for o in p.m)}


def relate(text: str, mentions: list[Cand], sents: Sentences) -> tuple[list[Relation], list[ResultClaim]]:
    p = _Paper(text, mentions, sents)
    prop = proposed(p)
    p.own_sents = {p.sent_of[i] for i in prop if p.m[i].kind != "Task"}
    rels: list[Relation] = []

    def add(rel: str, i: int, subject: int | None = None, conf: float | None = None) -> None:
        c = p.m[i]
        ev = sents.evidence(c.start, c.end)
        rels.append(Relation(rel=rel, object=i, subject=subject, evidence=ev,
                             confidence=round(conf if conf is not None else c.conf, 3)))

    inner = _inside_names(p)
    for i, c in enumerate(p.m):
        if i in inner:
            continue
        if i in prop:
            add("PROPOSES", i)
            if c.kind == "Model":
                add("USES_MODEL", i)
            # a new benchmark is there to be evaluated on; a new dataset only when a sentence says so
            evaluated = c.kind == "Dataset" and any(p.sentence_says(p.sent_of[k], EVAL_CUE)
                                                    for k, x in enumerate(p.m) if norm(x.name) == norm(c.name))
            if c.kind == "Benchmark" or evaluated:
                add("EVALUATES_ON", i)
            continue
        background = p.is_background(i)
        if c.kind in {"Method", "Model"} and not background and _compared(p, i):
            add("COMPARES_WITH", i)
        elif background and c.kind in {"Method", "Model", "Benchmark", "Dataset"}:
            add("MENTIONS", i)
        elif c.kind == "Benchmark" and _passing(p, i):
            add("MENTIONS", i)
        elif c.kind == "Dataset" and not TRAIN_CUE.search(sents.text(p.sent_of[i])):
            add("EVALUATES_ON" if p.sentence_says(p.sent_of[i], EVAL_CUE) else "USES_DATASET", i)
        else:
            add(PAPER_RELS[c.kind], i)
    for new, base in builds_on(p, prop):
        c = p.m[base]
        rels.append(Relation(rel="BUILDS_ON", subject=new, object=base, evidence=sents.evidence(c.start, c.end),
                             confidence=round(min(p.m[new].conf, c.conf), 3)))
    claims = []
    for value, bench, metric, subj, pos in results(p, prop):
        claims.append(ResultClaim(value=value, benchmark=bench, metric=p.m[metric].name if metric is not None else None,
                                  subject=subj, evidence=sents.evidence(pos, pos + len(value)),
                                  confidence=round(0.8 * p.m[bench].conf, 3)))
    return rels, claims
