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
