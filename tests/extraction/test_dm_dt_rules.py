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
