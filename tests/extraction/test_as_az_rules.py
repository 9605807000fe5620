"""Rules added once the held-out sets as-az became development data, on sentences written for these tests
(one test per rule, each able to fail without it)."""
from tests.extraction.helpers import names, run


# ---------------------------------------------------------------- name boundaries
def test_a_capitalised_bench_word_is_part_of_the_name(extractor):
    ex = run(extractor, "We introduce QuillDx Bench, a benchmark of triage notes. Experiments on QuillDx Bench "
                        "and Korv-Med Bench show that ZelSeek beats strong baselines.")
    assert {"QuillDx Bench", "Korv-Med Bench"} <= names(ex, "Benchmark")
    assert "QuillDx" not in names(ex)


def test_a_bench_word_does_not_join_a_lowercase_noun(extractor):
    ex = run(extractor, "ZelSeek is evaluated on QuillDx. The Bench results are reported per site.")
    assert "QuillDx Bench" not in names(ex)


# ---------------------------------------------------------------- stressed letters
def test_stressed_words_in_a_gloss_are_not_names(extractor):
    ex = run(extractor, "This paper presents XV-QT, an eXtended Vision-enhanced Quality Tracker for field robots. "
                        "We also propose a MOtion-Verified Estimator (MOVE) for arm control.")
    found = names(ex)
    assert {"XV-QT", "MOVE"} <= found
    assert not {"eXtended", "MOtion-Verified", "MOtion"} & found


def test_a_name_with_inner_capitals_stays_a_name(extractor):
    ex = run(extractor, "Frameworks like RLkit and pBench help, yet ZelRL, a new trainer, beats RLkit on pBench.")
    assert {"RLkit", "pBench"} <= names(ex)


# ---------------------------------------------------------------- typing defined acronyms
def test_a_named_component_with_a_task_head_is_a_method(extractor):
    ex = run(extractor, "ZelCheck verifies each step through two channels: Span-Swap Verification (SSV) and "
                        "(ii) Margin Ranking Guidance (MRG). SSV rejects 30% of bad steps.")
    assert {"SSV", "MRG"} <= names(ex, "Method")


def test_a_problem_named_after_a_cue_stays_a_task(extractor):
    ex = run(extractor, "We introduce Chart Step Question Answering (CSQA), and Fact Path Verification (FPV) "
                        "remains hard for current systems.")
    assert not {"CSQA", "FPV"} & names(ex, "Method")
