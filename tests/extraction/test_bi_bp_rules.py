"""Rules added once the held-out sets bi-bp became development data, on sentences written for these tests
(one test per rule, each able to fail without it)."""
from kg.extraction.lexicon import LexEntry, Lexicon
from kg.extraction.pipeline import Extractor
from kg.extraction.shapes import find_name_shapes
from kg.extraction.tokenizer import blank_english
from kg.extraction.typing import apposition_kind, kind_from_context, said_collection_kind
from tests.extraction.helpers import names, run


# ---------------------------------------------------------------- what an apposition says
def test_the_first_of_two_kinds_in_an_apposition_when_it_is_a_benchmark(extractor):
    ex = run(extractor, "We present GrobbleBench, a benchmark and diagnostic pipeline for checking form widgets.")
    assert "GrobbleBench" in names(ex, "Benchmark")
    assert apposition_kind(", a dataset and training recipe for maps") == "Dataset"


def test_a_challenge_set_is_a_benchmark_but_a_longstanding_challenge_is_not():
    assert apposition_kind(", a small yet carefully annotated challenge set that probes idioms") == "Benchmark"
    assert apposition_kind(" is a longstanding challenge at the heart of parsing") is None


def test_a_platform_for_evaluating_is_a_benchmark(extractor):
    ex = run(extractor, "We introduce Quibbleton, a multi-agent simulation platform for evaluating negotiation.")
    assert "Quibbleton" in names(ex, "Benchmark")
    assert apposition_kind(", a serving platform that batches requests") == "Method"


def test_a_kind_word_used_as_a_modifier_is_not_the_kind():
    # "model-agnostic" says how it works, not that it is a model
    assert apposition_kind(", a model-agnostic guard for hosted reasoners") != "Model"


def test_a_vla_in_the_apposition_makes_a_model():
    assert apposition_kind(", a single VLA whose speed is set by a flag") == "Model"


# ---------------------------------------------------------------- long forms and the name itself
def test_a_benchmark_long_form_beats_a_vague_framework_apposition(extractor):
    ex = run(extractor, "We introduce Plov-Ra (Procedural Layout Visual Reasoning Benchmark), a framework built "
                        "from cognitive tests.")
    assert "Plov-Ra" in names(ex, "Benchmark")


def test_a_long_form_with_bench_inside_it_stays_a_method(extractor):
    ex = run(extractor, "We introduce Auto Benchmark Auditor (ABAX), an agentic framework that audits tasks.")
    assert "ABAX" in names(ex, "Method")


def test_a_name_ending_in_benchmark_is_one_even_after_built_on():
    assert kind_from_context("we derive 900 items built on ", " tasks.", "Wobble Benchmark") == "Benchmark"
    assert kind_from_context("we derive 900 items built on ", " tasks.", "Wobble Planner") == "Method"


def test_a_framework_namely_x_types_x():
    assert kind_from_context("here we build an LLM-driven link forecasting framework, namely ",
                             ", to predict link quality", "ZuppLLM") == "Method"


def test_several_sizes_in_brackets_make_a_model():
    assert kind_from_context("We introduce ", " (8B, 32B), the first open models of their kind", "pWorldo") == "Model"


# ---------------------------------------------------------------- list heads
def test_a_counted_list_head_types_its_items():
    before = "We release two new audio scene datasets, "
    assert said_collection_kind(before, " and Hummock, made for robots") == "Dataset"
    assert said_collection_kind(before + "Tussock and ", ", made for robots") == "Dataset"
    assert said_collection_kind("Across three datasets, ", " improves accuracy") is None


def test_a_counted_list_the_paper_is_measured_on_is_a_benchmark():
    assert said_collection_kind("Experiments on two datasets, ", " and Fennel, show gains") == "Benchmark"


def test_a_bare_plural_head_types_the_names_after_it(extractor):
    ex = run(extractor, "The agent is tested with benchmarks Glimmer-v0 and Shale-v0 covering mixed actions.")
    assert {"Glimmer-v0", "Shale-v0"} <= names(ex, "Benchmark")
    assert said_collection_kind("The datasets include ", ", which") is None  # no name right after the head


def test_a_signed_score_on_a_name_makes_it_a_benchmark(extractor):
    ex = run(extractor, "Our model beats its base by $\\mathbf{+6.1}$ on PondSight and $\\mathbf{+3.2}$ on "
                        "ReedTrack.")
    assert {"PondSight", "ReedTrack"} <= names(ex, "Benchmark")


def test_a_known_benchmark_called_a_dataset_where_the_paper_is_evaluated_stays_a_benchmark():
    lex = Lexicon()
    lex.add(LexEntry("benchmark:frobmath", "Benchmark", "FrobMath", ()))
    ex = run(Extractor(lexicon=lex, typer=None), "We run a broad evaluation on finance tasks as well as general "
                                                 "reasoning datasets such as FrobMath, where we improve accuracy.")
    assert "FrobMath" in names(ex, "Benchmark")


def test_an_eval_suffix_on_a_known_dataset_makes_a_benchmark():
    lex = Lexicon()
    lex.add(LexEntry("dataset:wugcorp", "Dataset", "Wugcorp", ()))
    ex = run(Extractor(lexicon=lex, typer=None), "Gains reach 7.5% on Wugcorp-Evals over the baseline.")
    assert "Wugcorp-Evals" in names(ex, "Benchmark")


# ---------------------------------------------------------------- names
def test_a_hyphened_bench_name_is_name_shaped():
    text = "On Garden-Bench, our agent wins."
    assert [text[a:b] for a, b in find_name_shapes(text)] == ["Garden-Bench"]


def test_a_latex_superscript_inside_a_name_keeps_it_whole(extractor):
    assert [t.text for t in blank_english()("PQ$^2$-Net works")][:1] == ["PQ$^2$"]
    ex = run(extractor, "We propose Dov$^2$Plan, a planner for kitchen robots.")
    assert "Dov2Plan" in names(ex, "Method")


def test_degrees_units_and_sites_are_not_names(extractor):
    ex = run(extractor, "We propose a controller for pH regulation with 100 PhD-level tasks from arXiv and "
                        "Top-1 accuracy.")
    assert not {"pH", "PhD", "arXiv", "Top-1"} & names(ex)


def test_effective_size_and_think_variants_stay_in_model_names(extractor):
    ex = run(extractor, "We evaluate Gemma-3n-E4B and DeepSeek-V3.1-Think on our tasks.")
    assert {"Gemma-3n-E4B", "DeepSeek-V3.1-Think"} <= names(ex, "Model")


def test_a_title_case_part_that_does_something_is_a_method(extractor):
    ex = run(extractor, "We propose Wrenfold, a two-stage agent. The Bramble Planner analyzes the request. "
                        "Thistle-Guided Routing then selects a tool. Recent Work uses larger models.")
    assert {"Bramble Planner", "Thistle-Guided Routing"} <= names(ex, "Method")
    assert "Recent Work" not in names(ex)


def test_a_coined_name_keeps_its_version():
    text = "On Wobblet-Bench v2 and with TuneQuill 2.5 we gain 2.5 points; FooNet 3.1% better."
    assert [text[a:b] for a, b in find_name_shapes(text)] == ["Wobblet-Bench v2", "TuneQuill 2.5", "FooNet"]


def test_kinds_of_system_joined_by_a_hyphen_are_not_names():
    text = "An MLLM-Agent reads Speech-LLM output and LLM-Crafted prompts; Grebe-LLM answers."
    assert [text[a:b] for a, b in find_name_shapes(text)] == ["Grebe-LLM"]


def test_a_library_language_and_company_are_not_names(extractor):
    ex = run(extractor, "We propose Quillwort, written in LaTeX with help from OpenAI, for E-Commerce and "
                        "Human-AI teams.")
    assert names(ex) == {"Quillwort"}
