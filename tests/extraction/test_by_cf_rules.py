"""Rules added once the held-out sets by-cf became development data, on sentences written for these tests
(one test per rule, each able to fail without it)."""
from tests.extraction.helpers import names, run


# ---------------------------------------------------------------- where a paper is measured
def test_hyphenated_words_between_evaluate_and_on_keep_the_list_a_benchmark_list(extractor):
    ex = run(extractor, "We evaluate five open-weight LLMs on QuorlPlus, WenCase, and DravCase.")
    assert {"QuorlPlus", "WenCase", "DravCase"} <= names(ex, "Benchmark")


def test_a_task_of_a_yearly_challenge_is_one_benchmark(extractor):
    ex = run(extractor, "This paper describes our entry for QuorlEval-2025 Task 4, which ranks second overall.")
    assert "QuorlEval-2025 Task 4" in names(ex, "Benchmark")
    assert "QuorlEval-2025" not in names(ex, "Benchmark")


def test_a_version_after_a_benchmark_head_stays_in_the_name(extractor):
    ex = run(extractor, "We evaluate WenGuard on QRSTV Benchmark v1.2, which holds many test cases.")
    assert "QRSTV Benchmark v1.2" in names(ex, "Benchmark")


def test_a_known_dataset_a_score_is_reported_on_is_a_benchmark_here(full_extractor):
    scored = run(full_extractor, "QuorlNet reaches 91.2% top-1 accuracy on CIFAR-10 with a tenth of the compute.")
    assert "CIFAR-10" in names(scored, "Benchmark")
    trained = run(full_extractor, "QuorlNet is trained on CIFAR-10 and then probed for its features.")
    assert "CIFAR-10" in names(trained, "Dataset")


# ---------------------------------------------------------------- lists and acronyms
def test_siblings_of_a_known_method_in_a_list_of_agents_are_methods(full_extractor):
    ex = run(full_extractor, "We reproduce four world-model agents on one game: DreamerV3, QUORLAX, and WENDRIFT.")
    assert {"QUORLAX", "WENDRIFT"} <= names(ex, "Method")


def test_a_defined_acronym_followed_by_a_technique_word_is_a_method(extractor):
    ex = run(extractor, "A Route Difficulty Assessment (RDA) mechanism decides when the planner asks for help.")
    assert "RDA" in names(ex, "Method")


# ---------------------------------------------------------------- not the things kg records
def test_a_short_acronym_in_capitals_is_not_a_mixed_case_model(full_extractor):
    ex = run(full_extractor, "We allocate power in a cell-free massive MIMO network with a learned policy.")
    assert not names(ex, "Model")
    shouted = run(full_extractor, "We allocate power with a policy distilled from GEMMA and MISTRAL teachers.")
    assert {"Gemma", "Mistral"} <= names(shouted, "Model")  # a Title-case family in capitals is still itself


def test_a_model_family_written_as_a_likeness_is_not_a_model(full_extractor):
    ex = run(full_extractor, "We train a CLIP-style dual encoder and GPT-like decoders from scratch on our data.")
    assert not names(ex, "Model") & {"CLIP", "GPT"}
    assert not names(ex, "Method") & {"CLIP", "GPT"}


def test_red_teaming_unlearning_and_olympiad_levels_are_not_methods_or_benchmarks(full_extractor):
    ex = run(full_extractor, "Automated red teaming and machine unlearning still fail on problems at the IMO level.")
    assert not names(ex, "Method") & {"red teaming", "machine unlearning"}
    assert "IMO" not in names(ex, "Benchmark")


# ---------------------------------------------------------------- comparisons and scores
def test_what_a_gain_is_measured_over_is_a_baseline_method(extractor):
    ex = run(extractor, "With half the updates, our planner gains 3 points over KROVEN on the hardest level.")
    assert "KROVEN" in names(ex, "Method")


def test_a_name_before_the_word_baseline_is_a_method(extractor):
    ex = run(extractor, "The resulting policy beats the retrieval-heavy WendoSearch baseline on most tasks.")
    assert "WendoSearch" in names(ex, "Method")


def test_baselines_listed_after_e_g_are_methods(extractor):
    ex = run(extractor, "It is stronger than cooperative baselines (e.g., QUARLO, ZEPT) on every map we tried.")
    assert {"QUARLO", "ZEPT"} <= names(ex, "Method")


def test_a_name_some_points_above_which_a_result_lies_is_a_method(extractor):
    ex = run(extractor, "Our reader scores 71.0, which is 4.2 points above Kestro-RAG under the same backbone.")
    assert "Kestro-RAG" in names(ex, "Method")


def test_a_two_word_item_before_and_keeps_the_list_of_baselines(extractor):
    ex = run(extractor, "The new jailbreak gets past defences such as Token Sieve and QuorlGuard without tuning.")
    assert "QuorlGuard" in names(ex, "Method")


def test_what_a_method_outperforms_others_on_is_a_benchmark(extractor):
    ex = run(extractor, "Our renderer clearly outperforms prior methods on both VexaMotion and DrawQuill today.")
    assert {"VexaMotion", "DrawQuill"} <= names(ex, "Benchmark")


def test_bracketed_scores_between_list_items_keep_the_list(extractor):
    ex = run(extractor, "The fused model reaches new best accuracy on ZORBEL (71.4) and KA-QUILT (69.9) alike.")
    assert {"ZORBEL", "KA-QUILT"} <= names(ex, "Benchmark")


def test_a_score_written_right_before_on_names_a_benchmark(extractor):
    ex = run(extractor, "Calibration lifts AUROC from 0.61 to 0.74 on SafeDialoq, with no extra labels needed.")
    assert "SafeDialoq" in names(ex, "Benchmark")
