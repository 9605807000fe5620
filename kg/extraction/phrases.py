"""Names that the sentence's grammar marks, though their shape alone would not: a head noun after a list
("on IWLS, OpenCores, and EPFL benchmarks"), a capitalised phrase before one ("an Agent Practice module",
"Shared-Policy training"), a Title-Case phrase ending in a kind word ("the Adaptive Rollout Engine"), a quoted
capitalised name before a head noun, a hyphenated technique right after a proposal cue ("we further introduce
success-adaptive scaling"), and a capitalised modifier on a known acronym ("Reasoning SFT").

Each finder takes the text and the bounds to search (kg passes the abstract after its title; no pattern
crosses a sentence end) and returns ``(start, end, kind)`` spans.
"""
from __future__ import annotations

import re

from kg.extraction import shapes

_METHOD_HEADS = (r"methods?|algorithms?|frameworks?|baselines?|workflows?|approaches|approach|strategies|strategy|"
                 r"techniques?|paradigms?|optimizers?|backends?|engines?|simulators?|modules?|modes?|mechanisms?|"
                 r"pipelines?|architectures?|protocols?|schemes?|estimators?|objectives?|losses|loss|regularizers?|"
                 r"planners?|controllers?|training|optimi[sz]ation|learning|components?")
_HEAD_KIND = [(re.compile(r"benchmarks?|suites?|environments?|testbeds?|leaderboards?|arenas?", re.I), "Benchmark"),
              (re.compile(r"datasets?|corpora|corpus", re.I), "Dataset"),
              (re.compile(r"models|LLMs|VLMs|backbones|checkpoints"), "Model"),
              (re.compile(_METHOD_HEADS, re.I), "Method")]
_LIST_HEADS = (r"benchmarks|suites|environments|testbeds|datasets|corpora|models|LLMs|VLMs|backbones|checkpoints|"
               r"methods|algorithms|frameworks|baselines|workflows|approaches|strategies|techniques|paradigms|"
               r"optimizers|backends|engines|simulators|training")

# words that are capitalised in lists of domains or settings, not names of things
_DOMAIN_WORDS = {
    "Math", "Mathematics", "Code", "Coding", "Science", "Physics", "Chemistry", "Biology", "Medicine", "Medical",
    "Legal", "Law", "Finance", "Financial", "English", "Chinese", "Japanese", "Korean", "French", "German",
    "Spanish", "Arabic", "Hindi", "Russian", "Python", "Java", "C", "Text", "Image", "Images", "Video", "Audio",
    "Speech", "Vision", "Language", "Web", "Mobile", "Desktop", "Android", "Linux", "Windows", "Atari", "Online",
    "Offline", "Easy", "Medium", "Hard", "Train", "Test", "Validation", "General", "Reasoning", "Agentic",
    "Single", "Multi", "Open", "Closed", "Proprietary", "Base", "Instruct", "Chat", "Dense", "Sparse", "Small",
    "Large", "Expert", "Human", "Humans", "Synthetic", "Real", "Simulated", "Zero", "Few", "One", "Two", "Three",
    "STEM", "NVIDIA", "Nvidia", "AMD", "Intel", "Apple", "Google", "Microsoft", "Meta", "CUDA",
}
# Title-Case compounds that describe rather than name ("Vision-Language models", "Multi-Agent training")
_DESCRIPTIVE_FIRST = {
    "Multi", "Vision", "Large", "Small", "Self", "Cross", "Long", "Short", "Deep", "Open", "Real", "Fine", "Low",
    "High", "Non", "Pre", "Post", "Semi", "Zero", "Few", "One", "Two", "Three", "Single", "Full", "Mixture",
    "Chain", "Tree", "Graph", "Text", "Image", "Video", "Audio", "Speech", "Language", "Retrieval", "Actor",
    "Model", "Policy", "Value", "Reward", "Reinforcement", "Supervised", "Unsupervised", "Monte", "Markov",
    "Bayesian", "Gaussian", "State", "End", "Next", "Human", "Task", "Domain", "Data", "Cost", "Risk", "Safety",
    "Sequence", "Token", "Step", "Turn", "Global", "Local", "Hierarchical", "Neural", "Offline", "Online",
}

# "[A-Z](?<![\w-].)" starts a name at a capital not glued to a word: a leading character class lets the regex
# engine skip ahead to capitals, where a leading look-behind would make it try every position
_START = r"[A-Z](?<![\w-].)"
_CAP = r"[A-Z][A-Za-z0-9]*[A-Za-z0-9+]"
_ITEM_TAIL = r"(?:[-.'’][A-Za-z0-9]+)*(?:\+\+)?(?:\s(?:v?\d+(?:\.\d+)?|[A-Z][A-Za-z0-9]*))?"
_ITEM = _CAP + _ITEM_TAIL
_HEADED_LIST = re.compile(
    r"(?P<items>" + _START + r"[A-Za-z0-9]*[A-Za-z0-9+]" + _ITEM_TAIL
    + r"(?:\s*,\s*" + _ITEM + r")*\s*,?\s+(?:and|or)\s+" + _ITEM + r")"
    r"\s+(?:(?!(?:and|or|with|on|in|for|to|of|the|a|an)\b)[A-Za-z][\w-]*\s+){0,2}?"
    r"(?P<head>" + _LIST_HEADS + r")\b")
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


_ENUMERATOR = re.compile(r"\(?(?:\d{1,2}|[ivx]{1,4}|[a-e])\)|\d{1,2}\.")


def starts_phrase(text: str, a: int, start: int) -> bool:
    """The word before ``start`` (within the sentence from ``a``) is lowercase or an enumerator ("(2)"), so
    a capitalised phrase at ``start`` is not the tail of a longer one ("Confidence-Driven Dual ...")."""
    before = text[max(a, start - 40):start].split()
    if not before:
        return False
    prev = before[-1]
    if _ENUMERATOR.fullmatch(prev):
        return True
    if prev in {"and", "of", "&", "for", "with"} and len(before) > 1 and before[-2][:1].isupper():
        return False  # "Knowledge and Reasoning Augmented Learning": the name began before "and"
    if prev[-1] in ".!?":
        return False  # a sentence starts here: its first word is capitalised anyway
    word = prev.lstrip("(\"'“`[")
    return word[:1].islower() or (not word and prev[-1:] in "(\"“")


_SPACE_CAPITAL = re.compile(r"\s[A-Z]")
_LOWER_PART = re.compile(r"-(?!(?:of|to|and|in|the|for|with|as|by|on|a)-)[a-z]")
_MODIFIER_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z]{2,}(?:-[a-z]{3,}|(?:-[A-Z][a-z]{2,})+)?)\s$")


def continues(text: str, end: int) -> bool:
    """A capitalised word follows: "Scaling Law", "Agent SDK" -- the name runs on past the head noun."""
    return _SPACE_CAPITAL.match(text, end) is not None


def _lower_part(name: str) -> bool:
    """"English-only", "Transformer-based", "Test-time": a hyphen part in lower case is attributive
    ("Chain-of-Thought", "Text-to-SQL" only join words)."""
    return _LOWER_PART.search(name) is not None


def head_kind(head: str) -> str | None:
    for pattern, kind in _HEAD_KIND:
        if pattern.fullmatch(head):
            return kind
    return None


def _namey(item: str) -> bool:
    """A list item that looks coined rather than like an ordinary capitalised word."""
    first = item.split()[0]
    return shapes.is_name_shaped(first) or bool(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][\w]*)+", first))


def list_item_ok(item: str) -> bool:
    """A coined-looking item or a plain capitalised word ("Voting"), but not a domain, a plural acronym
    ("ABMs") or a descriptive compound ("Vision-Action", "Mandarin-minority")."""
    first = item.split()[0]
    if item in shapes.COMMON_CAPS or item in _DOMAIN_WORDS or shapes.is_stop_form(item):
        return False
    if re.fullmatch(r"[A-Z]+s", first) or re.split(r"-", first)[0] in _DESCRIPTIVE_FIRST | _DOMAIN_WORDS:
        return False
    return _namey(item) or re.fullmatch(r"[A-Z][a-z]+", first) is not None


def headed_lists(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """"spans Eval-Opt, Voting, and Orch-Workers workflows", "using FooSim and BarSim physics backends": the
    list's head noun types every item. At least one item must look coined, so that "Math, Code, and Science
    benchmarks" (domains) gives nothing."""
    out = []
    for m in _HEADED_LIST.finditer(text, a, b):
        kind = head_kind(m.group("head"))
        items, pos = [], m.start("items")
        for part in _ITEM_SPLIT.split(m.group("items")):
            s0 = text.index(part, pos)
            pos = s0 + len(part)
            first, _, rest = part.partition(" ")
            if rest and first in shapes.COMMON_CAPS:  # "Across Qwen, Llama, and ...": the list starts after it
                s0, part = s0 + len(first) + 1, rest
            items.append((s0, pos, part))
        if kind is None or not any(_namey(p) for _, _, p in items) or any(_lower_part(p) for _, _, p in items):
            continue
        for s0, s1, part in items:
            if not list_item_ok(part):
                continue
            out.append((s0, s1, kind))
    return out


_SING_HEADS = (r"mode|module|mechanism|framework|algorithm|strategy|component|engine|paradigm|pipeline|workflow|"
               r"curriculum|"
               r"loss|objective|training|optimi[sz]ation|scheme|protocol|estimator|planner|controller|simulator|"
               r"regularizer|architecture|method|approach|technique|dataset|benchmark|corpus|suite")
_CAP_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*|[A-Z][A-Za-z0-9]+"
_FIRST_WORD = _START + r"(?:[a-z]+(?:-[A-Za-z][a-z]*)*|[A-Za-z0-9]+)"
_CAP_PHRASE = re.compile(
    r"(?P<name>" + _FIRST_WORD + r"(?:\s(?:" + _CAP_WORD + r")){0,3})"
    r"\s+(?P<head>" + _SING_HEADS + r")\b")


def capitalised_before_head(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """"a Meta-Agent mode", "an Agent Practice module", "Shared-Policy training", "a Logit Fusion mechanism":
    a capitalised phrase mid-sentence before a method head noun is that method's name. Descriptive compounds
    ("Vision-Language", "Multi-Agent", "Monte Carlo") are not."""
    out = []
    for m in _CAP_PHRASE.finditer(text, a, b):
        name = m.group("name")
        if not starts_phrase(text, a, m.start()) or continues(text, m.end()) or _lower_part(name):
            continue
        words = re.split(r"[-\s]", name)
        one_collection = (len(words) == 1 and m.group("head") in {"benchmark", "dataset", "corpus"}
                          and re.fullmatch(r"[A-Z][a-z]{3,}", name) and text.endswith("the ", 0, m.start()))
        if one_collection and name not in _DOMAIN_WORDS and name not in shapes.COMMON_CAPS:
            out.append((m.start("name"), m.end("name"), head_kind(m.group("head"))))  # "the Metaculus benchmark"
            continue
        if len(words) < 2 or not any(re.fullmatch(r"[A-Z][a-z]+", w) for w in words):
            continue  # "LLM RL training": acronyms side by side, not a phrase-name
        coined = re.match(r"[A-Z][a-z]+-[A-Z]?[a-z]+(?:ed|ing|aware|level|wise|centric|specific)\s", name)
        if ((words[0] in _DESCRIPTIVE_FIRST and not coined) or words[0] in shapes.COMMON_CAPS
                or shapes.is_stop_form(name)):
            continue  # "Multi-Agent ...", "Chain ..." describe; "Task-Conditioned Hybrid Reward" is coined
        if all(w in _DOMAIN_WORDS for w in words):
            continue
        out.append((m.start("name"), m.end("name"), head_kind(m.group("head")) or "Method"))
    return out


_NAME_HEADS = (r"Framework|Module|Mechanism|Engine|Algorithm|Optimi[sz]ation|Learning|Training|Network|Architecture|"
               r"Strategy|Sampling|Search|Protocol|Agent|Planner|Controller|Estimator|Generator|Verifier|Refiner|"
               r"Decoding|Scaling|Fusion|Attention|Distillation|Alignment|Memory|Tuning|Prompting|Shaping|"
               r"Regulari[sz]ation|Selection|Filtering|Exploration|Reasoning|Policy|Pipeline|System|Method|Approach|"
               r"Refinement|Predictor|Completion|Reward|Adapter|Perceptor|Auditor|Monitor|Loop|Optimi[sz]er|Router|"
               r"Encoder|Decoder|Tokenizer|Sampler|Critic|Evaluator|Retriever|Reranker|Solver|Scheduler|"
               r"Calibration|Regulari[sz]er|Objective|Loss|Curriculum|Paradigm|Recipe|Scheme|Harness|Workflow|"
               r"Estimation|Assignment|Registration|Decomposition|Synthesis|Compression|Quantization|Pruning|"
               r"Merging|Steering|Editing|Guidance|Correction|Verification|Rollout|"
               r"Benchmark|Dataset|Corpus|Suite|Arena|Environment")
_TITLECASE_NAME = re.compile(
    r"(?P<name>" + _FIRST_WORD + r"\s(?:(?:" + _CAP_WORD + r")\s){0,3}(?P<head>" + _NAME_HEADS + r"))(?![\w-])")


def titlecase_names(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """"a Strategy-Oriented Interaction Framework, which ...", "the Adaptive Rollout Engine": a Title-Case
    phrase mid-sentence that ends in a kind word is a name (one without its acronym); the last word types it."""
    out = []
    for m in _TITLECASE_NAME.finditer(text, a, b):
        name = m.group("name")
        if not starts_phrase(text, a, m.start()) or continues(text, m.end()) or _lower_part(name):
            continue
        if re.match(r"\s*\(", text[m.end():m.end() + 3]) or shapes.is_stop_form(name) or shapes.is_umbrella(name):
            continue  # an acronym definition follows: that finder has it
        if name.split()[0] in shapes.COMMON_CAPS:
            continue
        after = re.match(r"\s+(benchmarks?|datasets?|suites?|environments?|corpus)\b", text[m.end():m.end() + 16])
        kind = head_kind(after.group(1)) if after else head_kind(m.group("head"))  # "the Waymo Sim Agent benchmark"
        out.append((m.start("name"), m.end("name"), kind or "Method"))
    return out


_NAME_THAT = re.compile(  # literal-first: the " that " is found, then the capitalised words before it
    r" that (?:[a-z]+ly )?[a-z]{3,}s\b")
_CAPS_BEFORE = re.compile(r"(?:(?<=\s)|(?<=^))((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*\s){1,4}[A-Z][a-z]+(?:-[A-Z][a-z]+)*)$")


def names_before_that(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """"..., and Adaptive Intent Routing that routes most queries": a Title-Case phrase mid-sentence that a
    "that"-clause describes, in the present tense, is a component the abstract names."""
    out = []
    for m in _NAME_THAT.finditer(text, a, b):
        c = _CAPS_BEFORE.search(text, max(a, m.start() - 80), m.start())
        if not c:
            continue
        name = c.group(1)
        words = name.replace("-", " ").split()
        if (not starts_phrase(text, a, c.start(1)) or words[0] in shapes.COMMON_CAPS or words[0] in _DESCRIPTIVE_FIRST
                or shapes.is_stop_form(name) or shapes.is_umbrella(name) or all(w in _DOMAIN_WORDS for w in words)
                or words[-1] in {"Model", "Models"}):
            continue
        out.append((c.start(1), c.end(1), "Method"))
    return out


_LISTED_PART = re.compile(r"[:;]\s+(?:and\s+)?(?:\(?(?:\d|[a-e]|i{1,3}|iv)\)\s+)?"
                          r"(?P<name>[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,3}),\s+which\s")


# "two controls: FP8 drafting, which writes ..., and echo suppression, which stops ...": lower-case parts whose
# head is a process noun
_LISTED_LOWER = re.compile(r"(?:[:;]|,\s+and)\s+(?:\(?(?:\d|[a-e]|i{1,3}|iv)\)\s+)?"
                           r"(?P<name>(?:[A-Z0-9][\w-]*\s)?[a-z][\w-]*(?:\s[a-z][\w-]*){0,2}?"
                           r"(?:ing|tion|sion|ment|ance|ence)),\s+which\s")


def listed_parts(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """"three signals: Foo Sparks, which ...; Bar Feedback, which ...; and Baz Replay, which ...": Title-Case
    items of a colon-and-semicolon list, each explained by a "which" clause, are the parts an abstract names."""
    out = []
    if text.find("which", a, b) < 0:
        return out  # both patterns need a "which" clause: most abstracts skip the scans
    for m in _LISTED_LOWER.finditer(text, a, b):
        name = m.group("name")
        if (" " in name and name.split()[0] not in {"the", "this", "our", "its", "their", "a", "an", "which"}
                and not shapes.is_stop_form(name) and not shapes.is_umbrella(name)):
            out.append((m.start("name"), m.end("name"), "Method"))
    for m in _LISTED_PART.finditer(text, a, b):
        name = m.group("name")
        if name.split()[0] in shapes.COMMON_CAPS or shapes.is_stop_form(name) or _lower_part(name):
            continue
        if " " not in name and "-" not in name and not shapes.is_name_shaped(name):
            continue  # one plain word ("Overall") is not a name
        out.append((m.start("name"), m.end("name"), "Method"))
    return out


_QUOTED = re.compile(r"[\"“`]{1,2}(?P<name>[A-Z][A-Za-z0-9-]+(?:\s[A-Z][A-Za-z0-9-]+){0,3})[\"”']{1,2}"
                     r"(?=\s+(?:[a-z-]+\s+)?(?P<head>" + _SING_HEADS + r")\b)")


def quoted_names(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """"a "Metaloop" training framework": capitalised words the authors set off as a name, before a head
    noun (quotes alone are as often scare quotes: "Why", "Wait", "Eureka" moment)."""
    out = []
    if '"' not in text and "“" not in text and "`" not in text:
        return out  # most abstracts quote nothing: skip the scan
    for m in _QUOTED.finditer(text, a, b):
        name = m.group("name")
        if name in shapes.COMMON_CAPS or shapes.is_stop_form(name) or name in _DOMAIN_WORDS or _lower_part(name):
            continue
        out.append((m.start("name"), m.end("name"), "Method"))
    return out


_TECH_HEADS = (r"scaling|sampling|training|decoding|management|shaping|filtering|regulari[sz]ation|optimi[sz]ation|"
               r"distillation|pruning|masking|weighting|reweighting|clipping|normali[sz]ation|estimation|exploration|"
               r"search|merging|prompting|tuning|alignment|steering|replay|selection|fusion|aggregation|"
               r"calibration|annealing|rollouts?|curriculum|rewards?|advantage|penalty")
# descriptive hyphenated modifiers: "we introduce large-scale X" does not name a new X
PLAIN_MODIFIERS = {"large-scale", "state-of-the-art", "well-known", "so-called", "widely-used", "off-the-shelf",
                   "end-to-end", "real-world", "fine-grained", "high-quality", "low-cost", "open-source",
                   "general-purpose", "multi-turn", "long-term", "short-term", "real-time", "two-stage",
                   "three-stage", "multi-stage", "data-driven", "model-based", "model-free", "on-policy",
                   "off-policy", "cost-effective", "easy-to-use", "plug-and-play", "step-by-step", "long-context",
                   "test-time", "inference-time", "training-free", "human-like", "large-language-model"}


_TECHNIQUE = re.compile(r"\s+(?P<name>[a-z]+(?:-[a-z]+)+\s+(?:[a-z]+\s+)?(?:" + _TECH_HEADS + r"))\b")


def technique_after_cue(text: str, cue_end: int, b: int) -> list[tuple[int, int, str]]:
    """"we further introduce success-adaptive scaling to ...": a hyphenated modifier and a technique noun
    right after the cue, with no article, is used as a name ("a new reward-shaping scheme" is a description)."""
    m = _TECHNIQUE.match(text, cue_end, b)
    if not m or m.group("name").split()[0] in PLAIN_MODIFIERS:
        return []
    return [(m.start("name"), m.end("name"), "Method")]


_GENERIC_MODIFIERS = _DESCRIPTIVE_FIRST | {
    "Standard", "Vanilla", "Traditional", "Conventional", "Classic", "Classical", "Naive", "Original", "Prior",
    "Existing", "Recent", "Modern", "Typical", "Popular", "Current", "Previous", "Simple", "Plain", "Basic",
    "Iterative", "Agentic", "Math", "Code", "Text", "Both", "Each", "Unlike", "Compared", "Versus",
}


def capitalised_modifier(text: str, a: int, start: int) -> int | None:
    """"including Reasoning SFT, model merging", "Stability-weighted Supervised Fine-Tuning": a capitalised
    word mid-sentence right before a known acronym or Title-Case long form makes a compound name with it;
    returns where the compound starts."""
    m = _MODIFIER_BEFORE.search(text, max(a, start - 40), start)
    if not m or m.group(1) in _GENERIC_MODIFIERS or m.group(1) in shapes.COMMON_CAPS:
        return None
    s0 = start - len(m.group(0))
    return s0 if starts_phrase(text, a, s0) else None


__all__ = ["PLAIN_MODIFIERS", "capitalised_before_head", "capitalised_modifier", "continues", "head_kind",
           "headed_lists", "list_item_ok", "listed_parts", "names_before_that", "quoted_names", "starts_phrase",
           "technique_after_cue", "titlecase_names"]
