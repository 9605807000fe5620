"""Each pattern family of the extractor, on sentences written for these tests."""
from tests.extraction.helpers import names, pairs, rel_names, run


def test_lexicon_aliases_resolve_to_canonical_names(extractor):
    ex = run(extractor, "We train with Proximal Policy Optimization and test on AIME24 and MATH500.")
    assert {"PPO", "AIME 2024", "MATH-500"} <= names(ex)
    keys = {m.key for m in ex.mentions}
    assert {"method:ppo", "benchmark:aime-2024", "benchmark:math-500"} <= keys


def test_acronym_definition_creates_new_method_and_its_later_mentions(extractor):
    ex = run(extractor, "We propose Sparse Token Advantage Reweighting (STAR). Across tasks STAR is stable.")
    star = [m for m in ex.mentions if m.name == "STAR"]
    assert len(star) == 3  # long form, short form, later mention
    assert all(m.kind == "Method" and m.long_form == "Sparse Token Advantage Reweighting" for m in star)
    assert "STAR" in rel_names(ex, "PROPOSES")


def test_umbrella_acronyms_are_not_entities(extractor):
    ex = run(extractor, "Large language models (LLMs) trained by reinforcement learning (RL) can plan.")
    assert names(ex) == set()


def test_we_propose_an_unseen_name(extractor):
    ex = run(extractor, "In this work we introduce HelixNav, a planner for household robots.")
    assert names(ex, "Method") == {"HelixNav"}
    assert rel_names(ex, "PROPOSES") == {"HelixNav"}


def test_a_cue_after_us_to_or_we_aim_to_names_the_new_thing(extractor):
    ex = run(extractor, "These gaps lead us to propose DriftLoom. We aim to develop PebbleMind for small robots.")
    assert names(ex, "Method") == {"DriftLoom", "PebbleMind"}
    assert rel_names(ex, "PROPOSES") == {"DriftLoom", "PebbleMind"}


def test_a_coined_name_that_achieves_or_outperforms_is_a_method(extractor):
    ex = run(extractor, "On four routing tasks, TideMesh achieves the lowest delay. KelpRank consistently "
                        "outperforms static heuristics.")
    assert {"TideMesh", "KelpRank"} <= names(ex, "Method")


def test_new_benchmark_typed_by_apposition(extractor):
    ex = run(extractor, "We present ChartMaze, a benchmark of 900 chart puzzles, and evaluate ten systems on it.")
    assert names(ex, "Benchmark") == {"ChartMaze"}
    assert "ChartMaze" in rel_names(ex, "PROPOSES")


def test_title_prefix_is_proposed(extractor):
    ex = run(extractor, "We study reward noise in long dialogues.", title="QuietRL: Taming Noisy Rewards")
    assert rel_names(ex, "PROPOSES") == {"QuietRL"}
    assert [m.evidence.field for m in ex.mentions if m.name == "QuietRL"] == ["title"]


def test_benchmark_list_propagates_kind_to_unknown_siblings(extractor):
    ex = run(extractor, "Our agent is evaluated on GAIA, ShelfHop and PantryQuest with strong gains.")
    assert {"GAIA", "ShelfHop"} <= names(ex, "Benchmark")


def test_passing_mention_is_not_an_evaluation(extractor):
    ex = run(extractor, "Progress in reasoning is mostly measured on contests, e.g. AIME. "
                        "We propose Lattice Search Decoding (LSD) for proofs, tested on miniF2F.")
    assert "AIME" not in rel_names(ex, "EVALUATES_ON")
    assert "AIME" in rel_names(ex, "MENTIONS")


def test_compared_baselines(extractor):
    ex = run(extractor, "We propose Cascade Reward Shaping (CRS). CRS outperforms PPO and DAPO on MATH-500.")
    assert rel_names(ex, "COMPARES_WITH") == {"PPO", "DAPO"}
    assert "MATH-500" in rel_names(ex, "EVALUATES_ON")


def test_builds_on_from_cue_words(extractor):
    ex = run(extractor, "We propose Balanced Clip Policy Optimization (BCPO), which extends GRPO with a "
                        "balanced clipping rule.")
    assert ("BCPO", "GRPO") in pairs(ex)


def test_builds_on_from_the_name_itself(extractor):
    ex = run(extractor, "We introduce Tri-GRPO, which adds a third reward channel.")
    assert ("Tri-GRPO", "GRPO") in pairs(ex)


def test_builds_on_from_title(extractor):
    ex = run(extractor, "We study exploration.", title="WideRPO: Pushing the limits of GRPO with wide rollouts")
    assert ("WideRPO", "GRPO") in pairs(ex)


def test_reported_result_with_value_metric_benchmark_and_subject(extractor):
    ex = run(extractor, "We propose Rope Policy Optimization (RoPO). With RoPO, Qwen2.5-7B-Instruct reaches "
                        "52.5% Pass@1 on AIME 2024 and 61.0% on GAIA.")
    got = {(r.value, ex.mentions[r.benchmark].name, r.metric) for r in ex.results}
    assert got == {("52.5%", "AIME 2024", "Pass@1"), ("61.0%", "GAIA", "Pass@1")}
    assert {ex.mentions[r.subject].name for r in ex.results} <= {"RoPO", "Qwen2.5-7B-Instruct"}


def test_model_uses_and_canonical_names(extractor):
    ex = run(extractor, "We fine-tune Qwen-2.5-7B-Instruct with our recipe.")
    assert rel_names(ex, "USES_MODEL") == {"Qwen2.5-7B-Instruct"}


def test_same_acronym_two_meanings_are_kept_apart(extractor):
    ex = run(extractor, "We propose Agentic Replay Policy Optimization (ARPO) for desktop agents.")
    arpo = [m for m in ex.mentions if m.name == "ARPO"]
    assert arpo and all(m.key is None and m.long_form == "Agentic Replay Policy Optimization" for m in arpo)
    ex2 = run(extractor, "We apply Agentic Reinforced Policy Optimization (ARPO) to search agents.")
    assert {m.key for m in ex2.mentions if m.name == "ARPO"} == {"method:arpo"}


def test_every_mention_keeps_its_sentence_and_span(extractor):
    abstract = "Models forget. We train with GRPO on AIME 2024."
    ex = run(extractor, abstract)
    for m in ex.mentions:
        assert abstract[m.evidence.start:m.evidence.end] == m.text
        assert m.text in m.evidence.sentence
    assert all(0 < r.confidence <= 1 for r in ex.relations)


def test_results_paired_respectively(extractor):
    ex = run(extractor, "We propose Dune Policy Optimization (DPO2). It lifts accuracy by 12.5% and 7.25% "
                        "respectively on MATH-500 and GAIA.")
    assert {(r.value, ex.mentions[r.benchmark].name) for r in ex.results} == {("12.5%", "MATH-500"), ("7.25%", "GAIA")}


def test_results_from_to_and_percent_words(extractor):
    ex = run(extractor, "On GAIA our agent raises the success rate from 20 percent to 31.5%.")
    assert {(r.value, ex.mentions[r.benchmark].name) for r in ex.results} == {("20 percent", "GAIA"), ("31.5%", "GAIA")}


def test_enumerated_components_and_compound_names_are_proposed(extractor):
    ex = run(extractor, "We introduce two parts: (1) Rolling Draft Cache, which reuses drafts; (2) Lazy Verifier "
                        "Pool, which batches checks. We also introduce step-aware GRPO for long traces.")
    assert {"Rolling Draft Cache", "Lazy Verifier Pool", "step-aware GRPO"} <= rel_names(ex, "PROPOSES")
    assert ("step-aware GRPO", "GRPO") in pairs(ex)


def test_variants_of_a_proposed_name_are_proposed(extractor):
    ex = run(extractor, "We propose Harbor Policy Optimization (HPO). We release HPO-7B and a distilled HPO-Lite.")
    assert {"HPO", "HPO-7B", "HPO-Lite"} <= rel_names(ex, "PROPOSES")
    assert "HPO-7B" in names(ex, "Model")


def test_modifier_uses_of_known_names_are_not_new_entities(extractor):
    ex = run(extractor, "Compared with DPO-trained and non-CoT baselines, SFT-to-GRPO pipelines are slower.")
    assert not {"DPO-trained", "non-CoT", "SFT-to-GRPO"} & names(ex)


def test_same_surface_form_typed_by_context(extractor):
    a = run(extractor, "We introduce Orca9, a benchmark of 400 warehouse puzzles.")
    b = run(extractor, "We introduce Orca9, an algorithm that plans warehouse routes.")
    assert names(a, "Benchmark") == {"Orca9"} and names(b, "Method") == {"Orca9"}


def test_builds_on_phrasings(extractor):
    cases = {
        "We propose Kestrel Policy Optimization (KPO), a GRPO variant for sparse rewards.": ("KPO", "GRPO"),
        "We propose Heron Advantage Shaping (HAS), built upon DAPO with a new baseline.": ("HAS", "DAPO"),
        "We present Marlin Clip Optimization (MCO), which generalizes PPO to token groups.": ("MCO", "PPO"),
    }
    for text, pair in cases.items():
        assert pair in pairs(run(extractor, text)), text


def test_using_a_method_is_not_building_on_it(extractor):
    for text in ["We propose Osprey Tuning (OT), which runs SFT followed by GRPO on curated traces.",
                 "We introduce Wren Search (WS), which employs PPO to train the searcher."]:
        assert pairs(run(extractor, text)) == set(), text


def test_result_of_a_model_with_the_new_method(extractor):
    ex = run(extractor, "We propose Osprey Entropy Policy Optimization (OEPO). Qwen2.5-7B-Instruct with OEPO "
                        "achieves 47.6% Pass@1 on GAIA.")
    (r,) = ex.results
    assert (r.value, ex.mentions[r.benchmark].name, r.metric) == ("47.6%", "GAIA", "Pass@1")
    assert ex.mentions[r.subject].name in {"OEPO", "Qwen2.5-7B-Instruct"}


def test_unseen_benchmark_names_in_a_list_after_benchmarks_including(extractor):
    ex = run(extractor, "Experiments on benchmarks including TideQA, ReefNav and KelpBench show steady gains.")
    assert {"TideQA", "ReefNav", "KelpBench"} <= names(ex, "Benchmark")
    assert {"TideQA", "ReefNav", "KelpBench"} <= rel_names(ex, "EVALUATES_ON")


def test_plural_and_one_letter_compounds(extractor, small_lexicon):
    ex = run(extractor, "Two supervised fine-tunings are compared with PPOs. Q-PPO is a different method.")
    assert {m.key for m in ex.mentions if m.text in {"supervised fine-tunings", "PPOs"}} == {"method:sft", "method:ppo"}
    assert not any(m.text == "PPO" and m.key == "method:ppo" and m.evidence.start > 60 for m in ex.mentions)


def test_versioned_benchmark_joins_its_family(extractor, small_lexicon):
    from kg.graph import GraphBuilder
    from kg.linking import Linker
    from schemas import Paper

    paper = Paper(id="v", abstract="Our agent reaches 31.0% on GAIA 2.0, up from 25.5% on GAIA.")
    b = GraphBuilder(Linker(small_lexicon))
    b.add(paper, run(extractor, paper.abstract))
    G = b.finish()
    versioned = [n for n, d in G.nodes(data=True) if d.get("name") == "GAIA 2.0"]
    assert len(versioned) == 1 and G.has_edge(versioned[0], "benchmark:gaia", key="PART_OF")
    values = {G.nodes[r]["value"] for _, r, k in G.out_edges("v", keys=True) if k == "REPORTS"}
    assert values == {"31.0%", "25.5%"}


def test_latex_long_form_is_typed_and_cleaned(extractor):
    ex = run(extractor, r"We propose \textbf{T}ide \textbf{P}olicy \textbf{O}ptimization (TPO) for agents.")
    assert rel_names(ex, "PROPOSES") == {"TPO"}
    assert {m.long_form for m in ex.mentions} == {"Tide Policy Optimization"}


def test_baseline_lists_after_a_long_comparison(extractor):
    ex = run(extractor, "We propose Falcon Rollout Sampling (FRS). FRS outperforms strong reasoning systems built "
                        "by large labs, as well as recent methods including PPO, QuokkaRL, and DAPO.")
    assert {"PPO", "QuokkaRL", "DAPO"} <= rel_names(ex, "COMPARES_WITH")


def test_a_second_verb_ends_the_comparison(extractor):
    ex = run(extractor, "We propose Lynx Policy Optimization (LPO). LPO outperforms standard baselines and "
                        "integrates with several algorithms (GRPO and DAPO).")
    assert not {"GRPO", "DAPO"} & rel_names(ex, "COMPARES_WITH")


def test_plain_capitalised_names_after_a_cue_and_from_the_title(extractor):
    ex = run(extractor, "We introduce Meridian: an open suite of 50 driving environments. Meridian is hard for "
                        "current agents.", title="Meridian: Stress-Testing Driving Agents")
    assert names(ex, "Benchmark") == {"Meridian"}
    assert len([m for m in ex.mentions if m.name == "Meridian"]) == 3


def test_prefixed_known_method_and_improvement_on_a_benchmark(extractor):
    ex = run(extractor, "We compare with TurboPPO. Our agent gains +4.2% improvement on HarborGym.")
    assert "TurboPPO" in names(ex, "Method") and "HarborGym" in names(ex, "Benchmark")


def test_values_keep_their_qualifiers_units_and_ranges(extractor):
    ex = run(extractor, "On GAIA, our agent improves accuracy by up to 12.5 points, and by 3-5% over PPO.")
    assert {r.value for r in ex.results} == {"up to 12.5 points", "3-5%"}


def test_latex_emphasised_terms_are_named_components(extractor):
    ex = run(extractor, r"We propose two parts, a \textit{drift guard} and an \emph{echo buffer}, for stable RL.")
    assert {"drift guard", "echo buffer"} <= rel_names(ex, "PROPOSES")


def test_latex_numbers_and_respectively_after_other_numbers(extractor):
    ex = run(extractor, "With 2.5 times less compute, our method lifts scores by $\\sim$4.1\\% and 7.5\\% respectively "
                        "on AIME24 and MATH500.")
    got = {(ex.mentions[r.benchmark].name, r.value) for r in ex.results}
    assert got == {("AIME 2024", "~4.1%"), ("MATH-500", "7.5%")}


def test_we_name_this_x(extractor):
    ex = run(extractor, "An LLM steers a detector through planning and tool use. We name this workflow Reef-LOD.")
    assert "Reef-LOD" in rel_names(ex, "PROPOSES")


def test_comparisons_with_a_list_of_systems(extractor):
    ex = run(extractor, "We run head-to-head comparisons with PPO, DAPO and GRPO on six axes.")
    assert rel_names(ex, "COMPARES_WITH") == {"PPO", "DAPO", "GRPO"}


def test_a_defined_name_ending_in_a_known_acronym_builds_on_it(extractor):
    ex = run(extractor, "Baselines include Ranked Pair GRPO (RP-GRPO) and Clipped BC (CBC); Late Sampling PPO (LSPPO) "
                        "is strongest.")
    assert pairs(ex) == {("RP-GRPO", "GRPO"), ("LSPPO", "PPO")}


def test_our_method_comma_name_is_proposed(extractor):
    ex = run(extractor, "Our core algorithm, Tidal Rollout Sharing (TRS), reuses samples. Tested on our benchmark, "
                        "Qwen2.5 does well. We start from our earlier model, Heron-2, and extend it.")
    assert rel_names(ex, "PROPOSES") == {"TRS"}


def test_scores_in_a_benchmark_paper_go_to_its_only_benchmark(extractor):
    ex = run(extractor, "We introduce HarborBench, a benchmark of 400 shipping tasks. Evaluating 12 agents, we find "
                        "the best solves only 38.5% of tasks, with a median of 9.0%.")
    assert {(r.value, ex.mentions[r.benchmark].name) for r in ex.results} == {("38.5%", "HarborBench"),
                                                                              ("9.0%", "HarborBench")}
    ex = run(extractor, "We evaluate on GAIA and MATH-500. Our agent improves by 4.0% on average.")
    assert [r.value for r in ex.results] == []


def test_singular_point_units_stay_with_the_value(extractor):
    ex = run(extractor, "Our agent gains 18.2 percentage point on GAIA and 1 point on MATH-500.")
    assert {(r.value, ex.mentions[r.benchmark].name) for r in ex.results} == {("18.2 percentage point", "GAIA"),
                                                                              ("1 point", "MATH-500")}


def test_benchmarked_against_methods_such_as_and_models_run_on_are_not_rivals(extractor):
    ex = run(extractor, "Our detector is benchmarked to strong methods for defect finding such as PatchWise. "
                        "It also outperforms prior baselines on Qwen2.5 and GRPO.")
    assert "PatchWise" in names(ex, "Method")
    assert rel_names(ex, "COMPARES_WITH") == {"PatchWise", "GRPO"}
    assert "Qwen2.5" in rel_names(ex, "USES_MODEL")


def test_a_cache_and_an_architecture_word_are_not_techniques(extractor):
    ex = run(extractor, "Long inputs fill the Key-Value (KV) cache of an encoder-decoder model; GRPO still helps.")
    assert names(ex, "Method") == {"GRPO"}


def test_class_noun_lists_and_head_words_type_unseen_names(extractor):
    ex = run(extractor, "Earlier fuzzers such as PortHound, NetMole and ZapFuzz miss deep states. We add a "
                        "LeafCount routine and a QuillTok tokenizer.")
    assert {"PortHound", "NetMole", "ZapFuzz", "LeafCount", "QuillTok"} <= names(ex, "Method")
    ex = run(extractor, "Our planner stays competitive with DriftPlan and gains 12.5% over RouteSmith on long trips.")
    assert {"DriftPlan", "RouteSmith"} <= rel_names(ex, "COMPARES_WITH")


def test_a_baseline_with_a_size_stays_a_model(extractor):
    ex = run(extractor, "Our verifier beats the strongest Brookline-4B baseline by 6.1%.")
    assert "Brookline-4B" in names(ex, "Model")


def test_title_case_hyphenated_modifier_names_a_variant(extractor):
    ex = run(extractor, "For layout search we run Terrain-Aware GRPO on every floor plan.")
    assert {"Terrain-Aware GRPO", "GRPO"} <= names(ex, "Method")


def test_common_techniques_from_the_lexicon(full_extractor):
    ex = run(full_extractor, "We read hidden states with the logit lens, then use activation patching and a sparse "
                        "autoencoder; the MiniMax-M2 model writes the report.")
    assert {"logit lens", "activation patching", "sparse autoencoder"} <= names(ex, "Method")
    assert "minimax search" not in names(ex) and "MiniMax-M2" in names(ex, "Model")


def test_new_versions_prefixed_names_and_referred_to_as(extractor):
    ex = run(extractor, "Prior methods such as KestrelNet are slow. We present KestrelNet2, which trains faster.",
             title="KestrelNet2: faster relay learning")
    assert ("KestrelNet2", "KestrelNet") in pairs(ex)
    ex = run(extractor, "Our method pairs GRPO with a replay buffer, which we refer to as GRPO-RB.")
    assert "GRPO-RB" in rel_names(ex, "PROPOSES") and ("GRPO-RB", "GRPO") in pairs(ex)
    ex = run(extractor, "We propose MarlinPO, a DAPO-inspired objective for long rollouts.")
    assert ("MarlinPO", "DAPO") in pairs(ex)


def test_title_case_component_names_with_their_head_word(extractor):
    ex = run(extractor, "To stabilise rollouts, we propose Adaptive Horizon Refinement to trim plans, and a "
                        "Cost-Aware Step Reward mechanism that scores each action.")
    assert {"Adaptive Horizon Refinement", "Cost-Aware Step Reward"} <= rel_names(ex, "PROPOSES")
    ex = run(extractor, "Second, we propose a Shared Memory Bottleneck (SMB) that limits what agents exchange. "
                        "We also describe GraniteVox, an Audio-Language Model (ALM) for field notes.")
    assert "SMB" in rel_names(ex, "PROPOSES") and "ALM" not in names(ex)


def test_a_new_name_described_by_an_apposition_in_our_sentence_is_proposed(extractor):
    ex = run(extractor, "We show its value with Layered Echo Sampling (LES), a training-free framework for audio. "
                        "Compared with FernNet, a strong baseline method, it is faster.")
    assert rel_names(ex, "PROPOSES") == {"LES"}


def test_our_protocol_comma_name_is_proposed_but_not_a_later_word(extractor):
    ex = run(extractor, "Locks stall agents. Our protocol, Quay Ordering Lease (QOL), fixes an order at launch. "
                        "Our Reef workflow, with automatic VX refinement, keeps quality.")
    assert rel_names(ex, "PROPOSES") == {"QOL"}


def test_umbrella_techniques_are_not_named_by_any_spelling(full_extractor):
    ex = run(full_extractor, "We study inference-time scaling, reward shaping and model quantization for a "
                             "planner trained with GRPO.")
    assert names(ex, "Method") == {"GRPO"}


def test_shape_says_sized_models_counted_datasets_and_yearly_challenges(extractor):
    ex = run(extractor, "We train Heron-SWE-32B, a software engineering agent, on Quill-Math-12k. It ranks first "
                        "in the FJC2026 challenge and on TernBench-3K.")
    assert "Heron-SWE-32B" in names(ex, "Model") and "Quill-Math-12k" in names(ex, "Dataset")
    assert {"FJC2026", "TernBench-3K"} <= names(ex, "Benchmark")


def test_a_score_after_a_benchmark_is_not_its_version(extractor):
    ex = run(extractor, "Our model is strong on AIME 2024 (AIME 2024 61.3) and on MATH-500 2.0; PixelAct3-GAIA "
                        "is a tuned model, not a benchmark.")
    assert names(ex, "Benchmark") == {"AIME 2024", "MATH-500 2.0"}


def test_suffixed_variants_of_a_new_method(extractor):
    ex = run(extractor, "We propose WREN, a certified aggregation method, in three variants: WREN-Exact, WREN-Lip "
                        "and WREN-27B-Tuned.")
    assert {"WREN-Exact", "WREN-Lip"} <= names(ex, "Method") and "WREN-27B-Tuned" in names(ex, "Model")


def test_integer_editions_and_spaced_variants_of_known_benchmarks(full_extractor):
    ex = run(full_extractor, "We compete in the AIMO 3 competition, solve AntMaze Ultra, and run GSM8K 2 times.")
    assert names(ex, "Benchmark") == {"AIMO 3", "AntMaze Ultra", "GSM8K"}


def test_defenses_packages_and_prompts_named_by_their_head(extractor):
    ex = run(extractor, "Filters help a little; and TraceWarden, a consistency defense, helps most. Answers follow "
                        "a structured CiteMap prompt.")
    assert {"TraceWarden", "CiteMap"} <= names(ex, "Method")


def test_known_method_versions_and_collection_words_before_a_comparison(full_extractor):
    ex = run(full_extractor, "It also lifts a different agent, mini-SWE-agent v2. We test on the VaultBench benchmark "
                             "against two existing tools.")
    assert "mini-SWE-agent v2" in names(ex, "Method") and "VaultBench" in names(ex, "Benchmark")


def test_a_parenthesised_list_after_data_names_datasets(extractor):
    ex = run(extractor, "One training pass on tool-use data (HarborCalls, QuaySet, MATH-500) suffices; we then "
                        "evaluate on AIME 2024.")
    assert {"HarborCalls", "QuaySet", "MATH-500"} <= names(ex, "Dataset") and "AIME 2024" in names(ex, "Benchmark")


def test_typewriter_names_plus_suffixes_method_lists_and_bracketed_baselines(extractor):
    ex = run(extractor, "We introduce \\texttt{KelpTrace}, an analysis layer, and \\textbf{GRPO+}, an improved "
                        "version of GRPO. We propose a new augmentation approach, Classifier-Free Sample Generation "
                        "(CFSG), and apply it to the popular methods PPO, ReefQL and TideAC. It beats strong "
                        "baselines (ShoalZip, MARLIN-C).")
    assert {"KelpTrace", "GRPO+", "CFSG"} <= rel_names(ex, "PROPOSES")
    assert {"ReefQL", "TideAC", "ShoalZip", "MARLIN-C"} <= names(ex, "Method")


def test_a_named_compound_around_a_known_method_builds_on_it(extractor):
    ex = run(extractor, "The last stage applies Length-Aware GRPO to long traces, as prior work did.")
    assert ("Length-Aware GRPO", "GRPO") in pairs(ex)
