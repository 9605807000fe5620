from kg.extraction.acronyms import find_definitions
from kg.extraction.typing import kind_from_long_form


def defs(text):
    return [(text[a:b], text[c:d]) for a, b, c, d in find_definitions(text)]


def test_long_form_then_short():
    t = "Our agents learn with Tree Sampled Rollout Optimization (TSRO) in a sandbox."
    assert defs(t) == [("TSRO", "Tree Sampled Rollout Optimization")]


def test_short_then_long_form():
    t = "We call it MIRA (Multi-turn Incentive Reward Alignment) for short."
    assert defs(t) == [("MIRA", "Multi-turn Incentive Reward Alignment")]


def test_hyphenated_and_mixed_case_short_forms():
    t = "Nested-in-Nested Policy Optimization (NiNPO) and Step Replay Decay (SR Decay) are compared."
    assert defs(t) == [("NiNPO", "Nested-in-Nested Policy Optimization"), ("SR Decay", "Step Replay Decay")]


def test_parenthesised_numbers_and_citations_are_not_definitions():
    t = "It reaches a high score (41.2%) and follows prior work (Smith et al., 2024)."
    assert defs(t) == []


def test_kind_from_long_form():
    assert kind_from_long_form("Tree Sampled Rollout Optimization") == "Method"
    assert kind_from_long_form("Kitchen Robot Bench") == "Benchmark"
    assert kind_from_long_form("warehouse picking problem") == "Task"
    assert kind_from_long_form("Mean Reciprocal Error") == "Metric"
    assert kind_from_long_form("cardiac ultrasound imaging") is None
    assert kind_from_long_form("Peer Tutoring Conversation") == "Task"
    assert kind_from_long_form("Rollout Sampling Length Drift") is None  # a phenomenon, though "sampling" is in it


def test_latex_emphasis_inside_a_long_form():
    t = r"We propose \textbf{S}hell \textbf{R}eward \textbf{P}olicy \textbf{O}ptimization (SRPO) for agents."
    ((a, b, c, d),) = find_definitions(t)
    assert t[a:b] == "SRPO"
    assert t[c:d].startswith(r"\textbf{S}hell") and t[c:d].endswith("{O}ptimization")


def test_long_forms_that_end_in_an_umbrella_class_are_not_names():
    assert kind_from_long_form("LLM-based multi-agent systems") is None
    assert kind_from_long_form("Masked Diffusion Language Models") is None
    assert kind_from_long_form("Spatial Video Grounding") == "Task"


def test_known_acronym_with_other_small_words_is_the_same_thing(extractor):
    from tests.extraction.helpers import run
    ex = run(extractor, "We apply Group Relative Policy Optimisation (GRPO) and Proximal Policy Optimization with "
                        "clipping.")
    assert {m.key for m in ex.mentions if m.name == "GRPO"} == {"method:grpo"}


def test_markdown_and_old_latex_emphasis_and_squared_letters():
    t = "we propose **D**ual-agent **D**ynamic Global **Plan**ning (D2Plan), which plans."
    assert defs(t) == [("D2Plan", "**D**ual-agent **D**ynamic Global **Plan**ning")]
    t = "a {\\bf S}parse {\\bf R}eward (SR) trick"
    assert defs(t) == [("SR", "{\\bf S}parse {\\bf R}eward")]
    t = "a Causal Concept-Guided Diffusion Language Model (C^2DLM) for text"
    assert defs(t) == [("C^2DLM", "Causal Concept-Guided Diffusion Language Model")]


def test_and_inside_a_parenthesised_long_form():
    t = "We release MAPLE (Map Labelling and Planning Environment), and keep PPO (or a variant) as the learner."
    assert defs(t) == [("MAPLE", "Map Labelling and Planning Environment")]


def test_vl_and_vla_suffixes_name_models():
    from kg.extraction.typing import kind_from_shape
    assert kind_from_shape("Heron-VL", set()) == "Model"
    assert kind_from_shape("Kestrel-VLA", set()) == "Model"
    assert kind_from_shape("VLMix", set()) is None


def test_a_reasoning_long_form_is_a_technique_not_a_task():
    assert kind_from_long_form("Sketch-Guided Reasoning") == "Method"


def test_apposition_head_is_not_taken_from_a_purpose_clause():
    from kg.extraction.typing import apposition_kind
    assert apposition_kind(", a multi-step reasoning framework designed to enhance the creativity of MLLMs.") == "Method"
    assert apposition_kind(", a pioneering benchmark featuring expert tasks for LLMs") == "Benchmark"
    assert apposition_kind(", a multi-hop kinship reasoning benchmark, using five language models") == "Benchmark"


def test_long_form_spelled_by_word_initials_not_the_shortest_tail():
    t = "To check drift we introduce Robust Subspace Registration (RSR) for served models."
    assert [(t[a:b], t[c:d]) for a, b, c, d in find_definitions(t)] == [("RSR", "Robust Subspace Registration")]
    t = "We build Tiling and Reuse of Embedded Notes (TREN) for memory."
    assert [(t[c:d]) for a, b, c, d in find_definitions(t)] == ["Tiling and Reuse of Embedded Notes"]


def test_organisations_and_laws_are_not_typed():
    assert kind_from_long_form("Northern Data and Compute Authority") is None
    assert kind_from_long_form("Clinical Records Protection Act") is None
    assert kind_from_long_form("Clipped Reward Policy Optimization") == "Method"


def test_rankers_and_retrievers_are_techniques():
    assert kind_from_long_form("listwise neural rerankers") == "Method"
    assert kind_from_long_form("sparse lexical retriever") == "Method"
