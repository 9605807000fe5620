"""Rules added once the held-out sets co-cv became development data, on sentences written for these tests
(one test per rule, each able to fail without it)."""
from tests.extraction.helpers import names, run


def test_the_words_before_called_say_what_the_name_is(extractor):
    ex = run(extractor, "We gather a captioned sound-and-video instruction corpus of clips, called QuillAV.")
    assert "QuillAV" in names(ex, "Dataset")
    ours = run(extractor, "We also release a sarcasm-labelled dataset for two dialects called ZERBSARC.")
    assert "ZERBSARC" in names(ours, "Dataset")


def test_a_capitalised_acronym_with_a_size_is_a_model(extractor):
    ex = run(extractor, "Gains grow from 30.7% to 50.4% on QWM 32B under stricter thresholds.")
    assert "QWM-32B" in names(ex, "Model")


def test_names_a_sentence_opens_on_with_a_condition_are_benchmarks(extractor):
    ex = run(extractor, "On QuillCast-Past and Zorbmarket evaluated under one protocol, our agent reaches 61.2 points.")
    assert {"QuillCast-Past", "Zorbmarket"} <= names(ex, "Benchmark")
    sized = run(extractor, "On Qwen-3-32B and QuillLM-7.1B, this method keeps over 98 percent of answers in language.")
    assert "QuillLM-7.1B" not in names(sized, "Benchmark")


def test_the_name_after_a_baseline_is_a_method(extractor):
    ex = run(extractor, "It outperforms the strong hybrid baseline QuoG-2 by 20.3% on average.")
    assert "QuoG-2" in names(ex, "Method")


def test_a_list_the_method_is_compatible_with_names_methods(full_extractor):
    ex = run(full_extractor, "The regulariser remains compatible with GRPO, DAPO, and QuillPrune.")
    assert "QuillPrune" in names(ex, "Method")


def test_an_acronym_for_a_thing_in_the_world_is_not_a_method(extractor):
    ex = run(extractor, "A controller adjusts the brightness of a Quill-Emitting Diode (QED) from sensor feedback.")
    assert "QED" not in names(ex, "Method")


# ---------------------------------------------------------------- rules added once cw-dd became development data
def test_a_lower_case_process_the_paper_introduces_before_a_which_clause_is_a_method(extractor):
    ex = run(extractor, "Building on this view, we introduce quill subtraction, which strips shared context from states.")
    assert "quill subtraction" in names(ex, "Method")


def test_a_paper_kind_before_the_title_colon_is_not_a_name(extractor):
    ex = run(extractor, "We argue that agent audits must be routine.", title="Position: Quill Agents Need Audits")
    assert "Position" not in names(ex)


def test_platforms_listed_in_brackets_are_methods(extractor):
    ex = run(extractor, "We evaluate three platforms (QuillClaw, ZerbClaw, MoClaw) against five attacks.")
    assert {"QuillClaw", "ZerbClaw", "MoClaw"} <= names(ex, "Method")
