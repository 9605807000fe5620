"""Rules added once the held-out sets de-dl became development data, on sentences written for these tests
(one test per rule, each able to fail without it)."""
from tests.extraction.helpers import names, run


def test_a_score_written_in_latex_before_on_names_a_benchmark(extractor):
    ex = run(extractor, "QuillNet improves average mIoU from $21.3$ to $29.8$ on ZorbSTG over two seeds.")
    assert "ZorbSTG" in names(ex, "Benchmark")


def test_names_evaluations_run_across_are_benchmarks(extractor):
    ex = run(extractor, "Empirical evaluations across KORV, MELTA, and ZIN-Ped show that tuning helps small models.")
    assert {"KORV", "MELTA", "ZIN-Ped"} <= names(ex, "Benchmark")


def test_stressed_letters_spelling_a_one_capital_name_are_not_names(extractor):
    ex = run(extractor, "To fix this, we propose Perch (adaptive PEnalty and Reward sCHeduling), a reinforcement "
                        "learning framework for short answers.")
    assert "Perch" in names(ex, "Method")
    assert not {"PEnalty", "sCHeduling"} & names(ex)


def test_a_variant_letter_after_a_known_model_is_that_models_variant(full_extractor):
    ex = run(full_extractor, "We distil the teacher into a small vision transformer (SwinV2-L) for phones.")
    assert "SwinV2-L" in names(ex, "Model")
    assert "SwinV2" not in names(ex)
    variant = next(m for m in ex.mentions if m.name == "SwinV2-L")
    assert variant.family == "model:swinv2"


def test_a_known_name_plus_model_does_not_cut_a_longer_name(full_extractor):
    ex = run(full_extractor, "Answers come from a fine-tuned FLAN-T5 model that reads the notes.")
    assert "Flan-T5" in names(ex, "Model")
    assert not {"FLAN", "T5"} & names(ex)


def test_every_acronym_in_a_long_metric_list_is_a_metric(extractor):
    ex = run(extractor, "The selector relies on five document metrics: Quill Coverage (QC), Zorb Cohesion (ZC), "
                        "Section Flow Coherence (SFC), Block Wholeness (BW), and Length Fit (LF), which rate chunks.")
    assert {"QC", "ZC", "SFC", "BW", "LF"} <= names(ex, "Metric")
    assert not {"SFC", "BW", "LF"} & names(ex, "Method")


def test_an_acronym_before_a_module_closing_latex_is_a_method(extractor):
    ex = run(extractor, "The \\textbf{Cross-Frame Object Localization (CFOL)} module turns queries into boxes.")
    assert "CFOL" in names(ex, "Method")


def test_what_a_quantity_is_measured_by_is_a_metric(full_extractor):
    ex = run(full_extractor, "Gait energy falls by 21%, measured by Cost of Transport (CoT), on all gaits.")
    assert "CoT" in names(ex, "Metric")
    assert "CoT" not in names(ex, "Method")


def test_games_and_hosted_models_from_the_lexicon(full_extractor):
    ex = run(full_extractor, "Bots played Kuhn Poker, Codenames and the Iterated Prisoner's Dilemma, driven by "
                             "Amazon Nova Premier and Nova 2 Lite.")
    assert {"Kuhn Poker", "Codenames", "Iterated Prisoner's Dilemma"} <= names(ex, "Benchmark")
    assert {"Amazon Nova Premier", "Amazon Nova 2 Lite"} <= names(ex, "Model")
