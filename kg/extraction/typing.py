"""Deciding what kind of thing a new name is, from its long form and the words around it."""
from __future__ import annotations

import re

BENCH_HEADS = {"benchmark", "bench", "arena", "suite", "leaderboard", "testbed", "exam", "test", "challenge",
               "gym", "eval", "evaluation"}
DATASET_HEADS = {"dataset", "corpus", "data", "collection", "set", "database"}
METRIC_HEADS = {"score", "rate", "error", "accuracy", "ratio", "metric", "index", "precision", "recall",
                "distance", "percentage", "utilization", "utilisation", "probability", "tardiness", "f1"}
TASK_HEADS = {"problem", "detection", "segmentation", "navigation", "forecasting", "recognition", "translation",
              "classification", "retrieval", "answering", "planning", "scheduling", "control", "generation",
              "driving", "matching", "summarization", "prediction", "tracking", "defense",
              "treatment", "routing", "mining", "diagnosis", "localization", "captioning", "understanding",
              "completion", "repair", "making", "allocation", "dialogue", "guidance", "maintenance", "grounding",
              "conversation", "conversations", "assessment", "analysis", "verification", "identification",
              "comprehension", "discovery", "editing", "extraction", "injection", "disambiguation", "engineering",
              "interviewing"}
# what goes wrong in training or inference: a named phenomenon, not a technique ("... Distribution Drift")
PHENOMENON_HEADS = {"drift", "collapse", "shift", "bias", "gap", "mismatch", "hacking", "forgetting", "degradation",
                    "hallucination", "hallucinations", "instability", "overfitting", "paradox", "dilemma",
                    "phenomenon", "effect", "trap", "bottleneck"}
METHOD_WORDS = {"optimization", "optimisation", "learning", "training", "tuning", "fine-tuning", "framework",
                "algorithm", "method", "policy", "algorithm", "approach", "mechanism",
                "transformer", "agent", "agents", "system", "architecture", "search", "sampling", "decoding",
                "distillation", "alignment", "regularization", "regularisation", "iteration", "gradient",
                "feedback", "reward", "rewards", "estimation", "augmentation", "expansion", "decay", "merging",
                "scaling", "prompting", "inference", "upscaling", "module", "pipeline", "engine", "protocol",
                "strategy", "loss", "objective", "critic", "planner", "controller", "encoder", "decoder",
                "generator", "verifier", "refiner", "attention", "programming", "model", "models", "filtering",
                "thinking", "replay", "exploration", "curriculum", "rollout", "memory", "retrieval-augmented",
                "fusion", "representation", "embedding", "sum", "protection", "measures", "refinement",
                "reranker", "rerankers", "retriever", "retrievers", "ranker", "rankers", "verifiers", "planners",
                "computing", "voting", "maximization", "maximisation", "minimization", "minimisation", "quantization",
                "quantisation", "pruning", "compression", "adaptation", "steering"}


# things in the world a paper is about, not techniques: "Light-Emitting Diode (LED)", "Autonomous Vehicles (AVs)"
THING_HEADS = {"diode", "diodes", "document", "documents", "disorder", "disorders", "disease", "diseases", "cancer",
               "syndrome", "record", "records", "vehicle", "vehicles", "device", "devices", "station", "stations",
               "market", "markets", "patient", "patients", "vulnerability", "vulnerabilities", "infrastructure",
               "service", "services", "unit", "units", "waveform", "waveforms", "signal", "signals", "sensor",
               "sensors", "satellite", "satellites", "robot", "robots", "drone", "drones"}
# organisations and laws: named, but not the kinds of thing kg records
ORG_HEADS = {"authority", "agency", "act", "administration", "institute", "university", "organization",
             "organisation", "association", "council", "commission", "foundation", "laboratory", "ministry",
             "department", "center", "centre", "consortium", "alliance", "committee", "bureau", "office",
             "regulation", "law", "directive", "government", "corporation", "company", "inc"}

STOP_HEADS = {"iot", "ai", "llm", "llms", "lm", "lms", "vlm", "vlms", "mllm", "mllms", "nlp", "ml", "rl", "gpu",
              "gpus", "api", "apis", "ui", "os"}


# an umbrella class at the end of a long form makes it a sub-class, not a named thing
_UMBRELLA_TAIL = re.compile(r"\b(?:multi agent systems?|language models?|neural networks?|reasoning models?|"
                            r"multimodal models?|vision language models?|foundation models?)$")


def _words(long_form: str) -> list[str]:
    return [w for w in re.split(r"[\s\-–]+", long_form.strip()) if w]


def kind_from_long_form(long_form: str) -> str | None:
    """The kind of an acronym's referent judged from its long form, or None for a plain concept.

    >>> kind_from_long_form("Group Relative Policy Optimization"), kind_from_long_form("Job-Shop Scheduling Problem")
    ('Method', 'Task')
    >>> kind_from_long_form("X-ray coronary angiography") is None
    True
    """
    words = _words(long_form)
    if not words:
        return None
    low = [w.lower().strip(".,'’") for w in words]
    if low[-2:] == ["information", "bottleneck"]:
        return "Method"  # "Graph Information Bottleneck": a principle to train by, not a limit met
    if low[-1] in STOP_HEADS or low[-1] in ORG_HEADS or low[-1] in THING_HEADS or _UMBRELLA_TAIL.search(" ".join(low)):
        return None  # "Industrial IoT", "LLM-based multi-agent systems": a kind of a field's thing, not a name
    # the head noun comes before a trailing prepositional phrase: "Rubric Learning for Personalized Evaluation"
    cut = next((i for i, w in enumerate(low) if i and w in {"for", "of", "via", "with", "in", "on", "as", "from",
                                                             "under", "through", "by"}), len(low))
    head = low[cut - 1]
    head_s = head[:-1] if head.endswith("s") and head[:-1] in (BENCH_HEADS | DATASET_HEADS | METRIC_HEADS) else head
    if any("bench" in w for w in low) or head_s in BENCH_HEADS:
        return "Benchmark"
    if head_s in DATASET_HEADS:
        return "Dataset"
    if head_s in METRIC_HEADS:
        return "Metric"
    if head in PHENOMENON_HEADS:
        return None
    if head_s in {"problem", "task"}:
        return "Task"  # "Policy Observation Robustness Problem": a problem, whatever words it is made of
    if any(w in METHOD_WORDS for w in low):
        return "Method"
    if head in TASK_HEADS or head_s in TASK_HEADS:
        return "Task"
    capitals = sum(w[:1].isupper() for w in words)
    if capitals >= 2:
        return "Method"
    return None


_CTX_BENCH_AFTER = re.compile(r"^\W{0,3}(?:benchmarks?|bench|leaderboard|test ?set|suite|environments?)\b", re.I)
_CTX_DATA_AFTER = re.compile(r"^\W{0,3}(?:datasets?|corpus|corpora|training set|data\b)", re.I)
_CTX_METHOD_AFTER = re.compile(
    r"^\W{0,3}(?:algorithms?|framework|method|approach|objective|loss|agents?|paradigm|recipe|pipeline|"
    r"system|technique|strategy|mechanism|module|tokenizer|sampler|heuristics?|routine|oracle|scheme|estimator|"
    r"solver|optimizer|middleware|variant|prompts?|baselines?)\b", re.I)
_CTX_ACTS_AFTER = re.compile(
    r"\s+(?:(?:consistently|significantly|substantially|further|also|still|even)\s+)?"
    r"(?:achieves|outperforms|surpasses|attains|beats|exceeds|improves|reduces|delivers|yields|reaches|"
    r"establishes|sets|matches|boosts|enables)\b")
_CTX_MODEL_AFTER = re.compile(
    r"^\W{0,3}(?:(?:series|family)\s+(?:of\s+)?)?(?:models?|checkpoints?|backbones?|LLMs?|VLMs?)\b", re.I)
_CTX_METRIC_AFTER = re.compile(r"^\s*(?:of|=|:)\s*[-+]?\d")
_CTX_EVAL_ON = re.compile(
    r"(?:\b(?:evaluat\w*|benchmark\w*|experiments?|results?|tested|test|performance|accuracy|scores?|"
    r"improvements?|gains?|boosts?|speedups?|outperform\w*|"
    r"state-of-the-art|SOTA)\s+(?:[\w-]+\s+){0,3}?(?:on|in|at|across)|(?<![\w.-])\d+\.\d+\$?\s+on)"  # "to 0.71 on X"
    r"\s+(?:the\s+)?(?:challenging\s+)?(?:both\s+)?"
    r"(?:[A-Z][\w.+'’-]*(?:\s\([^()]{1,20}\))?(?:,\s*|\s+(?=and\s|or\s))){0,6}(?:and\s+|or\s+)?$",
    re.I)  # "evaluations on A, B, and C", "accuracy on A (72.3) and B": each item
_CTX_ENUM_HEAD = re.compile(r"\b(benchmarks|datasets|corpora|suites)\b[^.;:]{0,100}:\s.*"
                            r"\((?:\d|i{1,3}|iv|v|[a-e])\)\s*$", re.I)
# "**+9.8%** on X", "by $\mathbf{+7.7}$ on X"
_CTX_SCORE_ON = re.compile(r"(?:\d\s?\\?%|[+-]\d+(?:\.\d+)?)\}?\$?\**\s+"
                           r"(?:[\w-]+\s+){0,3}?(?<!based )on\s+(?:the\s+)?$")
# "On FooQA, ...", "On FooQA and BarQA evaluated under X, ...": the sentence opens on where it is measured
_SENTENCE_ON = re.compile(r"^\s*(?:On|Across)\s+(?:the\s+)?(?:[A-Z][\w.+'’-]*(?:,\s*(?:and\s+)?|\s+and\s+))*$")
_CLAUSE_AFTER = re.compile(r"^(?:(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w.+'’-]*)*(?:\s*\([^()]{0,40}\))?"
                           r"(?:\s+(?:evaluated|measured|tested)\s+[^,.;]{0,40})?\s*,\s")
_RAISED_BEFORE = re.compile(r"\b(?:improv|rais|increas|boost|lift|push)\w*\s+(?:the\s+)?$")
_FROM_TO_AFTER = re.compile(r"^\s+(?:[\w@-]+\s+){0,2}?from\s+[-+]?\d+(?:\.\d+)?\s?\\?%?\s+to\s+[-+]?\d")
_HARDWARE_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}(?:GPUs?|TPUs?|NPUs?|hardware|devices?|clusters?|chips?)\b")
_CTX_COMPARE_BEFORE = re.compile(
    r"\b(?:outperform\w*|surpass\w*|compared? (?:with|to|against)|"
    r"baselines? (?:such as|including|like|\((?:e\.g\.,?\s*)?)|baseline|"
    r"(?:methods|approaches|algorithms|techniques|works|systems|frameworks|tools|fuzzers|heuristics|solvers|"
    r"planners|optimizers|attacks|defenses|agents|pipelines|strategies|architectures|translators|compressors|"
    r"variants|schemes|estimators|competitors|scaffolds|libraries|guardrails|controllers|decoders|"
    r"retrievers|engines|simulators|protocols|defences|platforms),?\s+(?:[\w-]+\s+){0,4}?"
    r"(?:such as|like|including|\(|e\.g\.,?)|"
    r"competitive with|\d%\s+over|relative to|against|(?:accuracy|performance) of (?:the )?(?:competitive |full )?|"
    r"improv\w* (?:up)?on|extends?|variant of|built (?:up)?on|builds? (?:up)?on|"
    r"(?:improv\w*|gains?)\s+(?:[\w-]+\s+){0,3}?over|(?:better|higher|lower|faster|stronger) than|"
    r"(?:points?|pp|%)\s+(?:above|over))\s*(?:the\s+)?(?:strong\s+)?"
    r"(?:[\w-]+(?:\s\([^()]{1,16}\))?,\s+){0,4}(?:(?:[\w-]+\s+){1,2}(?=and\s|or\s))?(?:and\s+|or\s+)?$", re.I)
# words one of whose forms _CTX_COMPARE_BEFORE needs: a substring test skips its search in most sentences
_COMPARE_STEMS = ("outperform", "surpass", "compare", "baseline", "competitive with", "over", "relative to",
                  "than", "above",
                  "against", "accuracy of", "performance of", "improv", "extend", "variant of", "built", "build",
                  "methods", "approaches", "algorithms", "techniques", "works", "systems", "frameworks", "tools",
                  "fuzzers", "heuristics", "solvers", "planners", "optimizers", "attacks", "defenses", "agents",
                  "pipelines", "strategies", "architectures", "translators", "compressors", "variants", "schemes",
                  "estimators", "competitors", "scaffolds", "libraries", "guardrails", "controllers",
                  "decoders", "retrievers", "engines", "simulators", "protocols", "defences", "platforms")
# a list opened by a head noun, up to the name: "benchmarks such as A, B, and ", "datasets in two languages: A, "
_LIST_OPENS = r"(?:,?\s*(?:such as|including|like|e\.g\.,?|\(|namely)|(?:\s+[\w-]+){0,4}?\s*:)\s*"
_LIST_ITEM = r"[A-Z0-9][\w\-.'’+]*(?:\s[\w\-.'’+]+){0,3}"
_LIST_SO_FAR = r"(?:" + _LIST_ITEM + r",\s*){0,8}(?:and\s+|or\s+|" + _LIST_ITEM + r"\s+(?:and|or)\s+)?$"  # "A and "
_COLLECTION_WORDS = ("benchmark", "dataset", "suite", "environment", "leaderboard", "arena")
_CTX_BENCH_BEFORE = re.compile(
    r"(?:benchmarks?|datasets?|suites?|environments?|leaderboards?|arenas?)" + _LIST_OPENS + _LIST_SO_FAR, re.I)
_SAID_LIST_HEAD = re.compile(
    r"\b((?:benchmark\s+)?(?:benchmarks?|datasets?|corpora|data))" + _LIST_OPENS + _LIST_SO_FAR, re.I)
_HEADS = (r"(engine|framework|algorithm|method|system|simulator|library|toolkit|benchmark|suite|environment|dataset|"
          r"corpus|model|agent|optimizer|planner|testbed|test-bed)")
# "A and B datasets", "A, B, and C benchmarks": the plural head after a list of names types every item
_SAID_LIST_TAIL = re.compile(r"(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?"
                             r"(?=[a-z]*[A-Z])[A-Za-z][\w.'’+-]*"  # a name, maybe lower-case first ("nuScenes")
                             r"(?:\s[A-Z0-9][\w.+-]*)?)+\s+(?:[a-z-]+\s+)?(benchmarks|datasets|corpora)\b")
_LIST_ITEM_BEFORE = re.compile(
    r"[A-Z][\w.'’+-]*(?:\s[A-Z0-9][\w.+-]*)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
# "two new datasets, A and B": a counted plural head, then its items
_SAID_COUNTED_HEAD = re.compile(r"(\b(?i:on|across)\s+(?:the\s+)?)?\b(?i:two|three|four|five|six|both|several|\d)\s+"
                                r"(?:[\w-]+\s+){0,3}?"
                                r"((?i:benchmarks|datasets|corpora)),\s+(" + _LIST_SO_FAR[:-1] + r")$")
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?[A-Z]")
# "with benchmarks A and B", "the datasets A, B and C": a plural head right before the names
_SAID_BARE_HEAD = re.compile(r"\b((?i:benchmarks|datasets|corpora))\s+(?:" + _LIST_SO_FAR[:-1] + r")$")
_SAID_HEAD_NEXT = re.compile(r"\s+(?:[a-z-]+\s+)?(benchmarks|datasets|corpora)\b")
# the last word _CTX_HEAD_BEFORE can match on: a set look-up before its search
_HEAD_WORDS = {"engine", "framework", "algorithm", "method", "system", "simulator", "library", "toolkit", "benchmark",
               "suite", "environment", "dataset", "corpus", "model", "agent", "optimizer", "planner", "rerankers",
               "retrievers", "rankers", "verifiers", "classifiers", "detectors", "agents", "policies", "planners",
               "solvers", "testbed", "test-bed"}
_CTX_HEAD_BEFORE = re.compile(  # "the benchmark FooEval", "a novel method, FooGrasp," (not "on this benchmark, X")
    r"\b(?:the|a|an|our|its|their|novel|new|\w+-\w+|[a-z]+)\s+" + _HEADS + r"\s+\(?$"
    r"|\b[a-z]+\s+(rerankers|retrievers|rankers|verifiers|classifiers|detectors|agents|policies|planners|solvers)"
    r"\s+\($"
    r"|\b(?:a|an|our)\s+(?:[\w-]+\s+){0,3}?" + _HEADS + r",\s+(?:namely\s+|i\.e\.,?\s+)?$", re.I)
# the words an apposition names a kind with ("X, a benchmark of ...", "X, a data selection strategy")
_KINDS = (r"benchmark|dataset|corpus|model|framework|algorithm|method|approach|system|agent|suite|environment|"
          r"testbed|game|playground|sandbox|challenge|platform|"
          r"family|series|toolkit|library|recipe|paradigm|technique|pipeline|strategy|mechanism|module|rule|"
          r"objective|loss|curriculum|estimator|scheme|protocol|defen[cs]e|attack|package|tool|prompt|software|"
          r"LLM|MLLM|VLM|LMM|LRM|VLA|metric|coefficient")
_KINDS_OR_PROBLEM = _KINDS + r"|task|problem"  # a "-ing" word before "tasks" still ends a phrase
# "X, our lightweight recipe that ...", "X (Y), our benchmark for ...": our own named thing, not a clause
# ("X, our method outperforms ..."); relations reads it as a proposal too
OUR_APPOSITION = re.compile(r"(?:\s*\([^()]{1,60}\))?\s*,\s+our\s+(?:[\w-]+\s+){0,3}?(recipe|method|framework|"
                            r"approach|system|model|pipeline|algorithm|agent|benchmark|dataset|corpus|toolkit|"
                            r"library)\b(?=\s*[,.;(]|\s+(?:that|which|for|to)\b)", re.I)
_APPOSITION = re.compile(
    r"^\s*(?:,|:|is|as|--|—|–|-(?=\s)|\()?\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:(?:space|set|suite|collection|family|series|kind|type) of\s+(?:[\w-]+\s+){0,3}?)?"
    r"(" + _KINDS_OR_PROBLEM + r")s?\b"
    r"|^\s*(?:,|:)?\s*(?:a|an|the)?\s*(?:new|novel|simple|unified|first|large-scale|comprehensive|"
    r"challenging|lightweight|general|scalable|principled|practical|efficient|effective|open|\w+-\w+|\s)*\s*"
    r"(benchmark|dataset|corpus|model|framework|algorithm|method|approach|system|agent|suite|environment|"
    r"family|series|toolkit|library|recipe|paradigm|technique|pipeline|strategy)\b", re.I)


# a parameter count in the apposition, not a count of data: "a 7B-scale prover", not "a 100B-token corpus"
_SIZE_IN_PHRASE = re.compile(r"\b\d+(?:\.\d+)?[BM](?:-(?:scale|parameters?|param|sized?))?\b"
                             r"(?![-\s]+(?:tokens?|samples?|examples?|words?|images?|pairs?|instances?|rows?))")
_SIZED_APPOSITION = re.compile(r"^\s*,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?" + _SIZE_IN_PHRASE.pattern)
_PHRASE_END = re.compile(r"[,.;:(]|\s(?:with|for|that|which|to|in|on|of|from|where|using|by|aimed|designed|built|"
                         r"based|tailored|trained|against|over|than|versus|across|under|via|at)\s"
                         r"|\s[a-z]+ing\s(?!(?:" + _KINDS + r")s?\b)", re.I)  # "a kinship reasoning benchmark"
_KIND_WORD = re.compile(r"\b(" + _KINDS_OR_PROBLEM + r")s?\b"
                        r"(?![-\s](?:driven|based|powered|guided|enhanced|assisted|augmented|empowered|agnostic|free|"
                        r"level|specific|aware|independent|dependent|oriented|relevant|related|conditioned|centric|"
                        r"solving)\b)", re.I)


_TWO_KINDS = re.compile(r"\b(benchmark|dataset|corpus)s?\s+and\s", re.I)


_APPOSITION_OPEN = re.compile(r"^\s*(?:,|:|is|as|--|—|–|\()?\s*")
_ARTICLE_WORD = re.compile(r"(?:a|an|the)\s+\S+")
_KIND_OF = re.compile(r"\b(?:space|set|suite|collection|family|series|kind|type) of\b")
_CLAUSE_CUT = re.compile(r"[.;:(]|\s(?:which|that|where|designed|built|to|for|of|with|in|on)\s")


def apposition_kind(after: str) -> str | None:
    """The kind an apposition gives: "X, a benchmark of ...", "X: an open space of environments",
    "X, a comprehensive VLM compression benchmark with ..." (the last kind word of the noun phrase)."""
    after = after.lstrip("}*$")  # the name was set in \textbf{...}, **...** or $...$
    m = _APPOSITION.match(after)
    if not m and _SIZED_APPOSITION.match(after):
        return "Model"  # "X, a compact 7B-scale prover": a checkpoint of a given size
    if not m:
        ours = OUR_APPOSITION.match(after)
        head = ours.group(1).lower() if ours and not after.lstrip().startswith("(") else None
        if head in {None, "model", "agent"}:  # "our model", "our agent": what it is stays for the name to say
            return None
        return {"benchmark": "Benchmark", "dataset": "Dataset", "corpus": "Dataset"}.get(head, "Method")
    start = _APPOSITION_OPEN.match(after).end()
    first = _ARTICLE_WORD.match(after, start)  # "a pioneering benchmark": not a verb's "-ing"
    stop = _PHRASE_END.search(after, first.end() if first else start)
    phrase = after[start:stop.start() if stop else len(after)]
    if _KIND_OF.search(phrase):
        phrase = after[start:m.end()]  # "an open space of environments": the kind follows "of"
    words = _KIND_WORD.findall(phrase)
    if not words:  # "an LLM driven, simple yet powerful ... method": the kind word comes after a comma
        longer = _CLAUSE_CUT.split(after[start:start + 160], maxsplit=1)[0]
        words = _KIND_WORD.findall(longer)
    if not words:  # "X, a late training phase in which the model ...": the kind word is past the phrase
        return None
    head = words[-1].lower()
    both = _TWO_KINDS.search(phrase) if " and " in phrase else None
    if both:  # "a benchmark and diagnostic pipeline": the first of two kinds is what is measured on
        head = both.group(1).lower()
    if head in {"metric", "coefficient"}:
        return "Metric"  # "X, a reference-free metric for ...": what results are measured in
    if head in {"task", "problem"}:
        # "X, a task that ...", "X, an alignment problem for ...": what systems are built for
        return "Benchmark" if re.search(r"\bbenchmark\s+task", phrase, re.I) else "Task"
    if head == "challenge" and not re.search(r"\bchallenge\s+sets?\b", phrase, re.I):
        return None  # "X is a longstanding challenge": a problem, not a test set
    if head == "platform" and re.search(r"evaluat|benchmark|measur", after[:160], re.I):
        return "Benchmark"  # "X, a multi-agent platform for evaluating ...": what agents are measured on
    if head in {"benchmark", "suite", "environment", "testbed", "game", "playground", "sandbox", "challenge"}:
        return "Benchmark"
    if head in {"dataset", "corpus"}:
        return "Benchmark" if re.search(r"\bbenchmark\s+(?:dataset|corpus)", phrase, re.I) else "Dataset"
    if _SIZE_IN_PHRASE.search(phrase):
        return "Model"  # "X, a 0.6B difficulty estimator", "a family of 8B evaluators": checkpoints of a size
    if head == "model" and re.search(r"\b(?:reward|value|critic|verifier|judge|world)\s+model", phrase, re.I):
        return "Method"  # "X, a process reward model": a kind of technique here, as PRM and ORM are
    if head in {"model", "family", "series", "llm", "mllm", "vlm", "lmm", "lrm", "vla"}:
        return "Model"
    if head in {"framework", "toolkit", "system"} and re.search(r"\b(?:evaluation|benchmarking)\s+" + head, phrase,
                                                               re.I):
        return "Benchmark"  # "X, an evaluation framework for web agents": what methods are measured on
    return "Method"


_LAST_ARTICLE = re.compile(r"(?:^|\s)(?:a|an|the|our|its|their)\s(?!.*\s(?:a|an|the|our|its|their)\s)", re.I)


def named_kind(clause: str) -> str | None:
    """The kind the words before "called"/"named" give: "an instruction-tuning dataset, called X", "a
    decomposition framework that we call X" (``clause`` is the text up to that word)."""
    clause = re.split(r"[.;:!?]\s", clause)[-1].rstrip(" ,")
    article = _LAST_ARTICLE.search(clause[-120:])
    return apposition_kind(", " + clause[-120:][article.start():].strip()) if article else None


_EMPHASIS_OPEN = re.compile(r"(?:\\(?:textbf|textit|texttt|textsc|emph|mathbf|mathrm|text)\{|\*\*|\$)$")
_NAMELY = re.compile(r",\s+(?:namely|i\.e\.,?)\s+$")
_NAMED_BENCH = re.compile(r"(?:Bench|\sBenchmark)$")


_COINED_CAPS = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_DIGIT = re.compile(r"\d")
_MODEL_LIKE = re.compile(r"\d|[a-z][A-Z]|[A-Za-z]-[A-Z]")
_NAME_LIKE = re.compile(r"\d|[a-z][A-Z]|[A-Z]{2}")
_SIZES_IN_BRACKETS = re.compile(r"\s?\(\d+(?:\.\d+)?[BM](?:,\s?\d+(?:\.\d+)?[BM])*\)")
_SIZE_AT_END = re.compile(r"-\d+(?:\.\d+)?[BM]$")
_SCORE_IN_BRACKETS = re.compile(r"\s*\(\s*[+-]?\d+(?:\.\d+)?\s?\\?%")
_ON = re.compile(r"\bon\b")


def kind_from_context(before: str, after: str, name: str = "") -> str | None:
    """Kind from the words right around a name (``before``/``after`` are the sentence text either side)."""
    if before.endswith(("{", "*", "$")):
        before = _EMPHASIS_OPEN.sub("", before)  # "a novel benchmark, \textbf{X}": the words before the markup
    told = _kind_from_context(before, after, name)
    if told == "Method" and _NAMED_BENCH.search(name):
        return "Benchmark"  # "built on FooEval Benchmark tasks": the name says what it is
    return told


def _kind_from_context(before: str, after: str, name: str) -> str | None:
    told = apposition_kind(after)
    if told:
        return told
    if _CTX_BENCH_AFTER.match(after):
        return "Benchmark"
    if _CTX_DATA_AFTER.match(after):
        return "Dataset"
    if _CTX_METHOD_AFTER.match(after):
        return "Method"
    if _CTX_ACTS_AFTER.match(after) and _COINED_CAPS.search(name) and not _DIGIT.search(name):
        return "Method"  # "FooMob achieves the best ...": a coined name that wins is the paper's system or a rival
    enum = _CTX_ENUM_HEAD.search(before) if before.rstrip().endswith(")") else None
    if enum:  # "we release two datasets: (1) FooLogs, ..., and (2) FooScores"
        return "Dataset" if enum.group(1).lower().startswith(("data", "corp")) else "Benchmark"
    if _CTX_MODEL_AFTER.match(after) and _MODEL_LIKE.search(name):
        return "Model"
    if _SIZES_IN_BRACKETS.match(after):
        return "Model"  # "Mint-Cu (9B)": a parameter count in brackets
    if _CTX_METRIC_AFTER.match(after):
        return "Metric"
    if (_SENTENCE_ON.match(before) and _CLAUSE_AFTER.match(after) and _DIGIT.search(after)
            and not _SIZE_AT_END.search(name)) or (
            _RAISED_BEFORE.search(before[-40:]) and _FROM_TO_AFTER.match(after)):
        return "Benchmark"  # "On FooQA, our agent reaches 59.1%", "raises FooQA pass@1 from 21.4 to 33.9"
    low = before[-200:].lower()
    if (any(w in low for w in _COLLECTION_WORDS) and _CTX_BENCH_BEFORE.search(before[-200:])) or _CTX_EVAL_ON.search(
            before[-80:]):
        return "Benchmark"
    if (("%" in before[-60:] or "+" in before[-60:]) and _CTX_SCORE_ON.search(before[-60:])
            and not _SIZE_AT_END.search(name)
            and not _HARDWARE_AFTER.match(after)):
        return "Benchmark"  # "gains 17.7% on CQA (law)"; not "0.0% on Foo-7B" (a model), "37% on NVIDIA B200 GPUs"
    if _SCORE_IN_BRACKETS.match(after) and _ON.search(before):
        return "Benchmark"  # "... on A (+4.8% accuracy) and VidFoo (+8.6% accuracy)": a score reported on it
    near = before[-120:]
    low_near = low[-120:]
    if any(w in low_near for w in _COMPARE_STEMS) and _CTX_COMPARE_BEFORE.search(near):
        return "Method"
    tail = _NAMELY.sub("", before).rstrip(" \t\n(,")
    last = tail.rsplit(None, 1)[-1].lower() if tail else ""
    head = _CTX_HEAD_BEFORE.search(before[-60:]) if last in _HEAD_WORDS else None
    if head:  # "our physics engine Jax2D", "the benchmark FooEval"
        word = next(g for g in head.groups() if g).lower()
        if word in {"benchmark", "suite", "environment", "testbed", "test-bed"}:
            return "Benchmark"
        if word in {"dataset", "corpus"}:
            return "Dataset"
        if word == "model":
            return "Model" if _NAME_LIKE.search(name) else None
        return "Method"
    return said_collection_kind(before, after)


_SHAPE_BENCH = re.compile(r"(?:Bench|bench|BENCH|Arena|Gym)(?:[-\s]?(?:v?\d+|Lite|Pro|Verified|Hard))?$")
_SHAPE_BENCH_FIRST = re.compile(r"(?:Bench|bench)[A-Z0-9-]")
_SHAPE_COLLECTION = re.compile(r"\s(Benchmark|Suite|Dataset|Corpus)$")
_SHAPE_DATA_SIZE = re.compile(r"[A-Za-z]-\d+(?:\.\d+)?[Kk]$")
# "FooGraspData", "Bar-Corpus": a coined word (a capital or digit first) whose last part says it is data
_SHAPE_DATA_WORD = re.compile(r"^[A-Z0-9][\w-]*[a-z0-9]-?(?:Corpus|Data)$")
_SHAPE_YEAR = re.compile(r"[A-Za-z]-?20[12]\d$")
_SHAPE_SIZE = re.compile(r"-A?\d+(?:\.\d+)?B(?:-[A-Za-z]+)*$")  # "Foo-7B-Instruct", "Foo-A3B" (active size)
_SHAPE_PARTS = re.compile(r"[-\s]")
_SHAPE_PREFIXED = re.compile(r"[A-Z][a-z]+([A-Z]{2,}[a-z]?)")
_SHAPE_PO = re.compile(r"[A-Z][A-Za-z0-9-]*(?:PO|RL)(?:\+\+)?")
_SHAPE_LM = re.compile(r"(?:VLM|LLM|MLLM|LM|BERT|BART|GPT|ViT|T5)(?:-[A-Z0-9]+)?$")
_SHAPE_LM_PART = re.compile(r"[-\s](?:LLM|VLM|MLLM|LMM)(?:[-\s]|$)|-(?:VL|VLA)$")
_SHAPE_R1 = re.compile(r"-(?:R1|Zero)$")


def kind_from_shape(name: str, method_forms: set[str]) -> str | None:
    """Kind from the name alone, for names that say it: ``*Bench`` benchmarks, ``*PO`` methods,
    ``ST-GRPO`` (a known method inside).

    >>> [kind_from_shape(n, {"GRPO"}) for n in ["FooBench", "ST-GRPO", "Foo-7B", "BarQA", "Baz"]]
    ['Benchmark', 'Method', 'Model', 'Benchmark', None]
    """
    if _SHAPE_BENCH.search(name) or _SHAPE_BENCH_FIRST.match(name):
        return "Benchmark"
    collection = _SHAPE_COLLECTION.search(name)
    if (name.endswith("QA") and len(name) > 4) or (collection and collection.group(1) in {"Benchmark", "Suite"}):
        return "Benchmark"
    if collection:
        return "Dataset"
    if _SHAPE_DATA_WORD.match(name):
        return "Dataset"
    if _SHAPE_DATA_SIZE.search(name):
        # "Foo-Math-17k", "BarLesion-14K": a count of examples ("AgriBench-13K" still a benchmark)
        return "Benchmark" if "bench" in name.lower() else "Dataset"
    if _SHAPE_YEAR.search(name):
        return "Benchmark"  # "FooC2026": a challenge or exam of that year
    if _SHAPE_SIZE.search(name):
        return "Model"  # a size: "Foo-RL-4B", "Falcon-Mamba-7B-Instruct" are models even with a known method inside
    parts = _SHAPE_PARTS.split(name.rstrip("+"))
    if len(parts) > 1 and any(p in method_forms for p in parts):
        return "Method"
    tail = _SHAPE_PREFIXED.fullmatch(name)
    if tail and tail.group(1) in method_forms:
        return "Method"  # "FlashSAC": a known method with a prefix
    if name.endswith("++") and name.rstrip("+") in method_forms:
        return "Method"
    if _SHAPE_PO.fullmatch(name) and sum(c.isupper() for c in name) >= 3:
        return "Method"
    if _SHAPE_LM.search(name) and len(name) > 4:
        return "Model"
    if _SHAPE_LM_PART.search(name):
        return "Model"  # "JoyAI-LLM Flash", "Foo-VLM-Base", "Foo-VL", "Bar-VLA"
    if _SHAPE_R1.search(name):
        return "Method"
    return None


def said_collection_kind(before: str, after: str = "", counted: bool = True) -> str | None:
    """"Benchmark" or "Dataset" when a list's head word calls a name one: "datasets such as A, B and C",
    "benchmarks (A, B, and C)", "on A and B datasets"; None when it does not say. ("The A dataset" is not
    enough: abstracts say it of benchmarks they evaluate on, and "the A datasets" may be new data about A.)"""
    before = before[-200:]
    low = before.lower() + after[:120].lower()
    if "benchmark" not in low and "data" not in low and "corpora" not in low:
        return None
    m = _SAID_LIST_HEAD.search(before) or _SAID_BARE_HEAD.search(before)
    if m is None and counted and "," in before[-100:]:
        m = _SAID_COUNTED_HEAD.search(before)
        if m and not m.group(3) and not _LIST_GOES_ON.match(after):
            m = None  # "on three datasets, FooNet improves ...": a name after the list's head, not in a list
        elif m and m.group(1):
            return "Benchmark"  # "experiments on two datasets, A and B": what the paper is measured on
    if m is None:
        m = _SAID_LIST_TAIL.match(after) or (_LIST_ITEM_BEFORE.search(before) and _SAID_HEAD_NEXT.match(after))
    if m is None:
        return None
    head = m.group(2) if m.re is _SAID_COUNTED_HEAD else m.group(1)
    return "Benchmark" if head.lower().startswith("benchmark") else "Dataset"
