"""Rules added once the held-out sets dm-dt became development data, on sentences written for these tests
(one test per rule, each able to fail without it)."""
from tests.extraction.helpers import names, rel_names, run


def test_a_title_case_part_that_replaces_or_jointly_analyzes_is_a_method(extractor):
    ex = run(extractor, "We propose QuillPack, a framework with three components. Gap-Free Layout replaces blank "
                        "lines with markers. Salient Token Picking jointly analyzes the query to drop tokens.")
    assert {"Gap-Free Layout", "Salient Token Picking"} <= names(ex, "Method")


def test_known_models_after_namely_are_studied_not_proposed(full_extractor):
    ex = run(full_extractor, "We study how four widely used models, namely Claude, GPT-4o and Grok, split a budget.")
    assert {"Claude", "GPT-4o"} <= names(ex, "Model")
    assert not {"Claude", "GPT-4o", "Grok"} & rel_names(ex, "PROPOSES")


def test_what_a_proposed_method_extends_is_not_proposed(extractor):
    ex = run(extractor, "We propose Safe Quill Learning (SQL2), which extends ZQL to offline control with a "
                        "one-step policy.")
    assert "SQL2" in rel_names(ex, "PROPOSES")
    assert "ZQL" not in rel_names(ex, "PROPOSES")


def test_kv_alone_is_not_a_name(extractor):
    ex = run(extractor, "Here we propose a KV cache pooling framework for tool agents.")
    assert "KV" not in names(ex)


def test_who_works_with_whom_is_not_a_model(extractor):
    ex = run(extractor, "We log Human-LLM teamwork in coding and compare it with pair work.")
    assert "Human-LLM" not in names(ex)


def test_a_controlled_attribute_is_not_a_name(extractor):
    ex = run(extractor, "We measure whether models follow the Quill Reading Scale (QRS) when they write stories.",
             title="An Evaluation Framework for QRS-Controlled Story Generation")
    assert "QRS-Controlled" not in names(ex)


# ---------------------------------------------------------------- rules added once du-eb became development data
def test_a_title_case_title_prefix_the_abstract_repeats_is_a_name(extractor):
    ex = run(extractor, "We show that Quill Poisoning lets an attacker steer the answers of retrieval agents.",
             title="Quill Poisoning: Corrupting Graphs to Mislead Agents")
    assert "Quill Poisoning" in names(ex, "Method")
    study = run(extractor, "Models often think while they speak, and we measure how much.",
                title="Thinking While Speaking: A Study of Spoken Reasoning")
    assert not names(study, "Method")


def test_competition_years_are_benchmarks_and_a_simulators_long_form_is_known(full_extractor):
    ex = run(full_extractor, "Our prover scores well on IMO 2025 and Putnam 2024, and the planner drives in the Car "
                             "Learning to Act (CARLA) simulator.")
    assert {"IMO 2025", "Putnam 2024", "CARLA"} <= names(ex, "Benchmark")
    assert "Car Learning" not in names(ex)


def test_known_benchmarks_a_list_calls_datasets_stay_benchmarks_where_results_are_on_them(full_extractor):
    ex = run(full_extractor, "Our router's results on AIME24, MATH500 and OlympiadBench datasets indicate parity "
                             "with larger models.")
    assert {"MATH-500", "OlympiadBench"} <= names(ex, "Benchmark")
    assert "OlympiadBench" not in names(ex, "Dataset")
