"""Names the sentence's grammar marks (kg.extraction.phrases and the rules built on it), on sentences and
made-up names written for these tests."""
import pytest

from kg.extraction import phrases
from kg.extraction.acronyms import title_definition
from kg.extraction.lexicon import LexEntry, Lexicon
from kg.extraction.pipeline import Extractor
from kg.extraction.shapes import slash_alternates
from tests.conftest import SMALL
from tests.extraction.helpers import names, rel_names, run


@pytest.fixture(scope="module")
def wider() -> Extractor:
    """The small test lexicon plus two benchmarks and a name that is both a model and a benchmark."""
    lex = Lexicon()
    for e in SMALL + [LexEntry("benchmark:androidworld", "Benchmark", "AndroidWorld", ()),
                      LexEntry("benchmark:libero", "Benchmark", "LIBERO", ()),
                      LexEntry("model:minerva", "Model", "Minerva", ()),
                      LexEntry("benchmark:minerva-math", "Benchmark", "Minerva Math", ("Minerva",)),
                      LexEntry("method:flashattention", "Method", "FlashAttention", ())]:
        lex.add(e)
    return Extractor(lexicon=lex)


def spans(found, text):
    return {(text[a:b], kind) for a, b, kind in found}


def test_head_noun_after_a_list_types_every_item():
    t = "We test on Kestrel, QuillBench-2 and Marrow benchmarks and train with Oak-Tune, Voting, and Hex-Merge workflows."
    got = spans(phrases.headed_lists(t, 0, len(t)), t)
    assert {("Kestrel", "Benchmark"), ("QuillBench-2", "Benchmark"), ("Marrow", "Benchmark")} <= got
    assert {("Oak-Tune", "Method"), ("Voting", "Method"), ("Hex-Merge", "Method")} <= got


def test_lists_of_domains_or_attributive_words_are_not_names():
    for t in ["Gains hold on Math, Code, and Science benchmarks.",
              "It beats Text-Only and Image-Only baselines.",
              "We compare IL and RL-based approaches.",
              "It trails on WMT-7 and Mandarin-minority language benchmarks."]:
        assert phrases.headed_lists(t, 0, len(t)) == [], t


def test_capitalised_phrase_before_a_head_noun():
    t = "The system has a Scout-Relay mode and an Echo Memory module, and we compare Pooled-Critic training."
    assert spans(phrases.capitalised_before_head(t, 0, len(t)), t) == {
        ("Scout-Relay", "Method"), ("Echo Memory", "Method"), ("Pooled-Critic", "Method")}


def test_descriptive_or_cut_off_capitalised_phrases_are_not_names():
    for t in ["We train Vision-Language models with Multi-Agent training.",
              "It uses a Transformer-based planner and English-only training.",
              "We propose a Confidence-Driven Dual Expert Bootstrapping mechanism.",  # whole phrase, not its tail
              "They derive the Institutional Scaling Law here."]:
        found = spans(phrases.capitalised_before_head(t, 0, len(t)) + phrases.titlecase_names(t, 0, len(t)), t)
        assert ("Dual Expert Bootstrapping", "Method") not in found
        assert not any(n in {"Vision-Language", "Multi-Agent", "Transformer-based", "English-only",
                             "Institutional Scaling"} for n, _ in found), found


def test_titlecase_name_ending_in_a_kind_word():
    t = "It has (1) a Lattice Routing Framework, which plans, and (2) the Pebble Rollout Engine for speed."
    assert spans(phrases.titlecase_names(t, 0, len(t)), t) == {
        ("Lattice Routing Framework", "Method"), ("Pebble Rollout Engine", "Method")}


def test_quoted_name_needs_a_head_noun():
    t = 'We use a "Loopback" training framework; the model may say "Wait" or feel a "Eureka" moment.'
    assert spans(phrases.quoted_names(t, 0, len(t)), t) == {("Loopback", "Method")}


def test_technique_right_after_a_cue_without_an_article():
    t = "we further introduce streak-adaptive clipping to stabilise updates"
    cue_end = t.index("introduce") + len("introduce")
    assert spans(phrases.technique_after_cue(t, cue_end, len(t)), t) == {("streak-adaptive clipping", "Method")}
    t2 = "we introduce a large-scale training recipe"
    assert phrases.technique_after_cue(t2, t2.index("introduce") + 9, len(t2)) == []


def test_capitalised_modifier_before_a_known_acronym(extractor):
    ex = run(extractor, "The recipe runs Warmup SFT, then model merging, then online RL.")
    assert "Warmup SFT" in names(ex, "Method")
    ex = run(extractor, "Unlike vanilla GRPO, Standard GRPO is slow.")
    assert "Standard GRPO" not in names(ex)


def test_subtitle_that_spells_the_prefix_defines_it(extractor):
    t = "KRPO: Kernel Reweighted Policy Optimization for Agents\n\nAbstract text."
    assert [(t[a:b], t[c:d]) for a, b, c, d in title_definition(t)] == [
        ("KRPO", "Kernel Reweighted Policy Optimization")]
    t = "BoundQ: Boundary-Aware Negative Sampling for Queues\n\nAbstract text."
    assert title_definition(t) == []  # the subtitle does not spell it before its first small word


def test_apposition_types_an_acronym_against_its_long_form(extractor):
    ex = run(extractor, "We propose TRACE (Teacher Rubric Adaptation for Calibrated Evaluation), a framework "
                        "that learns rubrics.")
    assert {m.kind for m in ex.mentions if m.name == "TRACE"} == {"Method"}


def test_known_short_form_with_an_unrelated_long_form_is_new(extractor):
    ex = run(extractor, "We add Policy-Paced Learning (PPL) to schedule samples.")
    ppl = [m for m in ex.mentions if m.name == "PPL"]
    assert ppl and all(m.kind == "Method" and m.key is None for m in ppl)


def test_apposition_with_mechanism_or_rule(extractor):
    ex = run(extractor, "We compare two levels: HALO, a between-run memory mechanism, and a plain stop rule.")
    assert "HALO" in names(ex, "Method")


def test_glued_variant_of_a_known_benchmark(wider):
    ex = run(wider, "It reaches 41.0% on AndroidWorld-Unseen and improves LIBERO-Plus by 3 points.")
    bench = {m.name: m.family for m in ex.mentions if m.kind == "Benchmark"}
    assert bench.get("AndroidWorld-Unseen") == "benchmark:androidworld"
    assert bench.get("LIBERO-Plus") == "benchmark:libero"
    assert "AndroidWorld-Unseen" in rel_names(ex, "EVALUATES_ON")


def test_one_form_two_kinds_chosen_by_context(wider):
    ex = run(wider, "We evaluate on benchmarks including MATH500, AMC23, and Minerva.")
    assert "Minerva Math" in names(ex, "Benchmark")
    ex = run(wider, "Minerva is a language model for math.")
    assert "Minerva" in names(ex, "Model")


def test_sizes_after_a_slash_are_models_of_their_own(extractor):
    t = "We fine-tune Qwen2.5-1.5B/7B with our loss."
    assert [n for _, _, n in slash_alternates("Qwen2.5-1.5B", t, t.index("/"))] == ["Qwen2.5-7B"]
    ex = run(extractor, t)
    assert {"Qwen2.5-1.5B", "Qwen2.5-7B"} <= names(ex, "Model")


def test_head_noun_before_a_name(extractor):
    ex = run(extractor, "Training runs on our novel physics engine Gyro2D, which is fast.")
    assert "Gyro2D" in names(ex, "Method")


def test_phrase_rules_skip_the_title(extractor):
    ex = run(extractor, "We study robots.", title="Training Agents for Grounded Reasoning with a Controlled Benchmark")
    assert not {"Grounded Reasoning", "Controlled Benchmark"} & names(ex)


def test_benchmark_used_only_for_training_plays_the_dataset_role(extractor):
    ex = run(extractor, "Our 7B policy trained with the MATH500 problems improves reasoning on AIME24.")
    math = [m for m in ex.mentions if m.name == "MATH-500"]
    assert math and all(m.kind == "Dataset" and m.family == "benchmark:math-500" for m in math)
    assert "AIME 2024" in names(ex, "Benchmark")
    ex = run(extractor, "Trained on MATH500, the model is then evaluated on MATH500 and AIME24.")
    assert {m.kind for m in ex.mentions if m.name == "MATH-500"} == {"Benchmark"}


def test_siblings_of_a_known_benchmark_include_title_case_and_plain_names(extractor):
    ex = run(extractor, "We train in one simulator at a time (TinyTown, Card-Arena, GAIA, or Harbor) and evaluate "
                        "on math sets like AIME24, MATH500, and Quillmath.")
    assert {"TinyTown", "Card-Arena", "Harbor", "Quillmath"} <= names(ex, "Benchmark")


def test_a_list_ends_at_its_last_and_item(extractor):
    ex = run(extractor, "Across GAIA and Harborview, TinyTown improves the executor.", title="TinyTown: Cards for Agents")
    assert "TinyTown" not in names(ex, "Benchmark")


def test_a_long_form_written_again_without_its_acronym_is_the_same_thing(extractor):
    ex = run(extractor, "We propose Tidal Reward Shaping Optimization (TRSO). Experiments show that the Tidal Reward "
                        "Shaping Optimization framework is stable.")
    assert {m.name for m in ex.mentions if m.kind == "Method"} == {"TRSO"}


def test_title_prefix_with_a_variant_word(extractor):
    ex = run(extractor, "We release a compact model.", title="Heron-LLM Flash: Fast Reasoning at Small Scale")
    assert "Heron-LLM Flash" in names(ex, "Model")
    assert "Heron-LLM Flash" in rel_names(ex, "PROPOSES")


def test_one_letter_prefix_on_a_known_method_and_scores_in_parentheses(extractor):
    ex = run(extractor, "We analyse S-Proximal Policy Optimization in games.")
    assert "S-Proximal Policy Optimization" in names(ex, "Method")
    ex = run(extractor, "Our model is best on GAIA (+4.8% accuracy) and VidTrek (+8.6% accuracy).")
    assert "VidTrek" in names(ex, "Benchmark")


def test_lists_grow_from_context_typed_benchmarks_and_benchmark_shaped_items(extractor):
    ex = run(extractor, "It reaches state-of-the-art performance on FarSearch and DeepFarSearch.")
    assert {"FarSearch", "DeepFarSearch"} <= names(ex, "Benchmark")
    ex = run(extractor, "Experiments on TallyWorld, GAIA, and Multi-ledger QA show gains.")
    assert {"TallyWorld", "Multi-ledger QA"} <= names(ex, "Benchmark")


def test_named_parts_of_the_new_method_are_proposed_but_used_parts_are_not(extractor):
    ex = run(extractor, "We present Kiwi, an agent with two modes: a Scout-Relay mode and a Dune-Dig mode. Kiwi "
                        "combines: (1) an Echo Memory module and (2) a Drift Check module.")
    assert {"Kiwi", "Scout-Relay", "Dune-Dig", "Echo Memory", "Drift Check"} <= rel_names(ex, "PROPOSES")
    ex = run(extractor, "We propose Kiwi, which employs a Logit Blend mechanism from prior work.")
    assert "Logit Blend" not in rel_names(ex, "PROPOSES")


def test_more_typing_from_words_around(extractor):
    ex = run(extractor, "Experiments on the Harbor Sim Agent benchmark show that it wins.")
    assert "Harbor Sim Agent" in names(ex, "Benchmark")
    ex = run(extractor, "Starting from discrete PPO (DPPO), we revisit actor-critic design.")
    assert "DPPO" in names(ex, "Method")
    ex = run(extractor, "We propose LynxJudge, a process reward model for GUI agents.")
    assert "LynxJudge" in names(ex, "Method")


def test_title_case_name_before_a_dataset_head_and_variants_of_known_datasets(wider):
    ex = run(wider, "We train agents on the Harbor Motion dataset and test on AndroidWorld-Hard.")
    assert "Harbor Motion" in names(ex, "Dataset")
    assert "AndroidWorld-Hard" in names(ex, "Benchmark")


def test_llm_as_a_modifier_does_not_make_a_model(extractor):
    ex = run(extractor, "We introduce CoralLoc, an LLM driven, training-free issue localization method.")
    assert "CoralLoc" in names(ex, "Method")
    ex = run(extractor, "It beats LLAMA-8B-instruct and Mistral-7b-Instruct.")
    assert {"LLAMA-8B-instruct", "Mistral-7b-Instruct"} <= names(ex, "Model")


def test_spaced_level_variant_and_no_tail_after_and(wider, extractor):
    ex = run(wider, "It gains 18 points on AndroidWorld L2 after training.")
    assert "AndroidWorld L2" in names(ex, "Benchmark")
    t = "We use a Knowledge and Reasoning Augmented Learning framework."
    assert ("Reasoning Augmented Learning", "Method") not in spans(phrases.titlecase_names(t, 0, len(t)), t)


def test_parenthesised_size_method_versions_and_lists_after_evaluations_on(extractor):
    ex = run(extractor, "We fine-tune a Qwen2.5 (7B) model; kernels beat FlashAttention-4 by 10%.")
    assert "Qwen2.5-7B" in names(ex, "Model")
    ex = run(extractor, "Evaluations on PathoQA, RadChest-VQA, and SkinQA show gains.")
    assert {"PathoQA", "RadChest-VQA", "SkinQA"} <= names(ex, "Benchmark")


def test_a_glued_number_on_a_known_method_is_its_version(wider):
    ex = run(wider, "Our kernels beat FlashAttention-4 by 10.5%.")
    assert {(m.name, m.family) for m in ex.mentions if m.kind == "Method"} >= {("FlashAttention-4", "method:flashattention")}


def test_subtitle_head_types_the_title_name_and_free_means_without(extractor):
    ex = run(extractor, "It runs on phones.", title="TinyGeo-R1: Compact Multimodal Language Model for Maps")
    assert "TinyGeo-R1" in names(ex, "Model")
    ex = run(extractor, "It trains well.", title="MemHunter: Training LLMs to Search via RL")
    assert "MemHunter" not in names(ex, "Model")
    ex = run(extractor, "We scale GRPO-free optimization to large populations.")
    assert "GRPO" not in names(ex)


def test_hyphened_name_after_a_cue_with_an_apposition(extractor):
    ex = run(extractor, "We introduce Critic-in-the-Loop, a framework that routes drafts to a reviewer. "
                        "We introduce Multi-Step reasoning to the planner.")
    assert "Critic-in-the-Loop" in names(ex, "Method")
    assert "Critic-in-the-Loop" in rel_names(ex, "PROPOSES")
    assert not any(n.startswith("Multi-Step") for n in names(ex))  # no apposition says it is a name


def test_name_in_apposition_to_our_system(extractor):
    ex = run(extractor, "Our serving implementation, QuickPour, answers within a second. Our system, the best one, "
                        "is simple.")
    assert "QuickPour" in names(ex, "Method")
    assert not any("best" in n for n in names(ex))


def test_a_list_head_that_calls_known_benchmarks_datasets_wins(extractor):
    ex = run(extractor, "Earlier corpora were converted from datasets such as GAIA, AIME 2024, and MATH-500. "
                        "We then score on MATH-500.")
    assert {"GAIA", "AIME 2024", "MATH-500"} <= names(ex, "Dataset")
    assert "MATH-500" in names(ex, "Benchmark")  # the later mention is the benchmark the paper scores on
    ex = run(extractor, "We improve on math benchmarks (GAIA, MATH-500) and the GAIA dataset.")
    assert names(ex, "Dataset") == set()


def test_title_case_name_that_is_proposed_in_the_passive(extractor):
    ex = run(extractor, "To train the planners, Layered Rollout Pruning is proposed. The Method is introduced next.")
    assert "Layered Rollout Pruning" in rel_names(ex, "PROPOSES")
    assert not any("Method" in n for n in names(ex))


def test_title_prefix_with_a_latex_superscript(extractor):
    ex = run(extractor, "We let agents rewrite their own team.", title="TEAM$^3$: Agents That Rebuild Themselves")
    assert "TEAM3" in {n.replace("$", "").replace("^", "") for n in rel_names(ex, "PROPOSES")}


def test_capitalised_modifier_before_a_title_case_long_form(extractor):
    ex = run(extractor, "The policy is then tuned with Margin-aware Supervised Fine-tuning on clean runs.")
    assert "Margin-aware Supervised Fine-tuning" in names(ex, "Method")


def test_dash_apposition_and_evaluation_frameworks_are_benchmarks(extractor):
    ex = run(extractor, "We propose Gauntlet -- an open evaluation framework for shopping agents. Gauntlet has 90 tasks.")
    assert "Gauntlet" in names(ex, "Benchmark")
    ex = run(extractor, "We propose Trellis -- a planning framework for shopping agents.")
    assert "Trellis" in names(ex, "Method")


def test_a_score_on_a_name_and_leaderboards_type_benchmarks(extractor):
    ex = run(extractor, "The tuned model gains 11.2% on LGB (tax) and 4.1% on QRT (medicine). Leaderboards such as "
                        "Pebble Arena rank chat models.")
    assert {"LGB", "QRT", "Pebble Arena"} <= names(ex, "Benchmark")
    assert {"LGB", "QRT"} <= rel_names(ex, "EVALUATES_ON")


def test_plain_word_with_an_apposition_in_a_proposal_sentence(extractor):
    ex = run(extractor, "We instantiate the idea with Quillet, an algorithm that prunes rollouts. We present the "
                        "Harbor Suite, a set of tools.")
    assert "Quillet" in rel_names(ex, "PROPOSES")
    assert "Suite" not in names(ex)


def test_apposition_after_emphasis_and_head_noun_before_a_comma(extractor):
    ex = run(extractor, "We propose \\textbf{Loam-R1}, a reasoning-enhanced large model for soil science. "
                        "This yields a strong chart reasoning model, Graphy-R1.")
    assert {"Loam-R1", "Graphy-R1"} <= names(ex, "Model")


def test_enumerated_items_after_a_datasets_head(extractor):
    ex = run(extractor, "We release two public Kite datasets with annotated games: (1) KiteLogs, with 900 games, and "
                        "(2) KiteScores, with per-move values.")
    assert {"KiteLogs", "KiteScores"} <= names(ex, "Dataset")


def test_title_case_parts_of_a_colon_and_semicolon_list(extractor):
    t = ("We propose Kiln, a framework with two signals: Ember Traces, which show good moves; and Ash Replay, which "
         "reuses failures. Results: Overall, which is odd, holds.")
    got = spans(phrases.listed_parts(t, 0, len(t)), t)
    assert got == {("Ember Traces", "Method"), ("Ash Replay", "Method")}
    ex = run(extractor, t)
    assert {"Ember Traces", "Ash Replay"} <= names(ex, "Method")
    assert not {"Ember Traces", "Ash Replay"} & rel_names(ex, "PROPOSES")  # parts, not the paper's proposal
    t = "Kiln has two parts: 1) Judge-as-a-Critic, which scores drafts; 2) Slow Merge, which averages them."
    assert spans(phrases.listed_parts(t, 0, len(t)), t) == {("Judge-as-a-Critic", "Method"), ("Slow Merge", "Method")}


def test_an_edition_year_is_part_of_a_coined_name(extractor):
    ex = run(extractor, "Our segmenter reaches 74.1% on EndoSeg 2017.")
    assert "EndoSeg 2017" in names(ex, "Benchmark")


def test_score_on_context_skips_hardware_models_and_based_on(extractor):
    ex = run(extractor, "Throughput rises from 17% to 37% on NVIDIA B200 GPUs; the guard scores 0.0% on Wren-v2-7B; "
                        "coverage reaches 75% based on FINTRAC rules.")
    assert names(ex, "Benchmark") == set()
    assert "Wren-v2-7B" in names(ex, "Model")


def test_head_noun_with_a_comma_only_after_an_indefinite_or_our(extractor):
    ex = run(extractor, "We propose a novel method, FreeClaw, for grasping. On this benchmark, HarborNet-RL wins.")
    assert "FreeClaw" in names(ex, "Method")
    assert "HarborNet-RL" not in names(ex, "Benchmark")


def test_a_plural_head_after_a_list_of_names_types_each_item(extractor):
    ex = run(extractor, "It beats prior methods on the GAIA and kiteScenes frontal datasets. We release the first "
                        "public MATH-500 datasets of traces.")
    assert {"GAIA", "kiteScenes"} <= names(ex, "Dataset")
    assert "MATH-500" in names(ex, "Benchmark")  # one name before a plural head is a modifier, not a list


def test_emphasised_names_typed_by_their_head_word_or_a_named_cue(extractor):
    ex = run(extractor, "We build a \\emph{Shape Caption Dataset} for training. We also propose a new benchmark named "
                        "\\emph{ShapeEval}, which tests it, and run \\emph{ProbeLink} (a controlled benchmark) too.")
    assert "Shape Caption Dataset" in names(ex, "Dataset")
    assert {"ShapeEval", "ProbeLink"} <= names(ex, "Benchmark")


def test_companies_and_code_hosts_are_not_names(extractor):
    ex = run(extractor, "We run the AMD ROCm stack on NVIDIA GPUs and mine GitHub issues with GRPO.")
    assert not {"AMD", "NVIDIA", "GitHub"} & names(ex)


def test_lists_introduced_by_a_head_and_a_colon_and_capitalised_heads_in_names(extractor):
    ex = run(extractor, "We test on three speech datasets in two languages: KiteTalk, NCX2021-AD, and a new set. "
                        "We also score on the OWASP Benchmark (900 samples).")
    assert {"KiteTalk", "NCX2021-AD"} <= names(ex, "Dataset")
    assert "OWASP Benchmark" in names(ex, "Benchmark")


def test_one_capitalised_word_before_a_collection_head_and_benchmark_datasets(extractor):
    ex = run(extractor, "It also wins on the Foresightly benchmark and on benchmark datasets, including KT-Crime and "
                        "LVX-Violence. The Math benchmark is old.")
    assert {"Foresightly", "KT-Crime", "LVX-Violence"} <= names(ex, "Benchmark")
    assert "Math" not in names(ex)


def test_latex_space_before_a_benchmark_version(extractor):
    ex = run(extractor, "On GAIA~2.0 our agent wins.")
    assert "GAIA 2.0" in names(ex, "Benchmark")


def test_cloud_vendors_office_tools_and_research_questions_are_not_names(extractor):
    ex = run(extractor, "We propose BarnOwl:Visual Grounding for Notes, deployed on AWS and exported to PowerPoint; "
                        "RQ2 asks whether it helps.")
    assert names(ex) == {"BarnOwl"}


def test_title_case_parts_described_by_a_that_clause(extractor):
    ex = run(extractor, "The engine has two parts: Path Bundle Search over typed paths, and Adaptive Query Routing "
                        "that routes most queries cheaply. Large Language Models that reason are used.")
    assert names(ex, "Method") == {"Path Bundle Search", "Adaptive Query Routing"}
