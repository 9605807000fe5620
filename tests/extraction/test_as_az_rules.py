"""Rules added once the held-out sets as-az became development data, on sentences written for these tests
(one test per rule, each able to fail without it)."""
from tests.extraction.helpers import names, pairs, rel_names, run


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


# ---------------------------------------------------------------- comparisons
def test_more_comparison_cues(full_extractor):
    ex = run(full_extractor, "We propose ZelPlan for route search. We compare ZelPlan on MiniGrid with DQN, and "
                             "a naive run of ZelPlan underperforms SAC by 5 points. Unlike TD3, ZelPlan keeps a memory.")
    assert {"DQN", "SAC", "TD3"} <= rel_names(ex, "COMPARES_WITH")


# ---------------------------------------------------------------- a known method inside a new name
def test_a_method_inside_a_new_long_form_is_built_on_not_used(full_extractor):
    ex = run(full_extractor, "We propose Quorum-Weighted Self-Distillation (QWSD), which trains a student on its own "
                             "filtered outputs. QWSD improves accuracy by 3%.")
    assert ("QWSD", "self-distillation") in pairs(ex)
    paper_level = {ex.mentions[r.object].name for r in ex.relations if r.subject is None}
    assert "self-distillation" not in paper_level


def test_the_same_method_named_on_its_own_keeps_its_relation(full_extractor):
    ex = run(full_extractor, "We propose Quorum-Weighted Self-Distillation (QWSD). Unlike plain self-distillation, "
                             "QWSD filters what the student sees.")
    assert "self-distillation" in rel_names(ex, "COMPARES_WITH")


# ---------------------------------------------------------------- shared acronyms are not names
def test_shared_technical_acronyms_are_not_names(extractor):
    ex = run(extractor, "ZelDB speeds up OLAP queries on EHR tables, runs CUDA kernels inside a VM, and solves "
                        "CTF challenges On-Policy, outperforming prior LLM-RL pipelines.")
    assert not {"OLAP", "EHR", "CUDA", "VM", "CTF", "On-Policy", "LLM-RL"} & names(ex)


def test_a_dash_used_as_a_pause_is_not_part_of_the_name(extractor):
    ex = run(extractor, "To fix this, we propose ZELKOVA-a novel framework for concise answers. ZELKOVA cuts "
                        "answer length by 30%.")
    assert "ZELKOVA" in names(ex) and "ZELKOVA-a" not in names(ex)


def test_a_participle_after_a_known_method_is_not_a_new_name(full_extractor):
    ex = run(full_extractor, "DPO-Tuned Segmenters for Speech. We study DPO-Tuned and SFT-trained segmenters.")
    assert not {"DPO-Tuned", "SFT-trained"} & names(ex)


# ---------------------------------------------------------------- LaTeX around lists and scores
def test_a_citation_after_a_list_item_keeps_the_list(full_extractor):
    ex = run(full_extractor, "ZelNet reaches 71.2% on GSM8K~\\cite{gsm}, QuillMath~\\cite{qm}, and DoveMath [4].")
    assert {"QuillMath", "DoveMath"} <= names(ex, "Benchmark")


def test_a_bold_score_before_on_names_a_benchmark(extractor):
    ex = run(extractor, "ZelFix achieves \\textbf{38.02\\%} on KorvCode and \\textbf{95.1\\%} on QuillVision.")
    assert {"KorvCode", "QuillVision"} <= names(ex, "Benchmark")


# ---------------------------------------------------------------- parts of the paper's own method
def test_enumerated_parts_of_our_approach_are_proposed(extractor):
    ex = run(extractor, "Reasoning models overthink easy questions. To fix this, our recipe has two steps: "
                        "(1) Brief-SFT, which trains on short answers; and (2) Deep-RLVR, which rewards long ones.")
    assert {"Brief-SFT", "Deep-RLVR"} <= rel_names(ex, "PROPOSES")


def test_enumerated_findings_about_other_methods_are_not_proposed(extractor):
    ex = run(extractor, "We compare five RL algorithms and find that: (i) KorvPO collapses early; (ii) DovePO "
                        "is stable.")
    assert not {"KorvPO", "DovePO"} & rel_names(ex, "PROPOSES")
