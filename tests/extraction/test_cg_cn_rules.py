"""Rules added once the held-out sets cg-cn became development data, on sentences written for these tests
(one test per rule, each able to fail without it)."""
import networkx as nx

from kg.graph import GraphBuilder
from kg.linking import Linker
from schemas import Paper
from tests.extraction.helpers import names, run


# ---------------------------------------------------------------- acronyms: method, task or metric
def test_a_title_prefix_acronym_is_the_papers_method_whatever_its_head_noun(extractor):
    ex = run(extractor, "Fixed-rate control wastes compute; QAVR adapts its rate to the scene.",
             title="QAVR: Quill-Adaptive Valve Routing")
    assert "QAVR" in names(ex, "Method")


def test_an_acronym_coordinated_with_a_defined_method_is_a_method(extractor):
    ex = run(extractor, "The agent checks each step through two channels: Quill-Edge Verification (QEV) and "
                        "Zerb-Entity Verification (ZEV).")
    assert {"QEV", "ZEV"} <= names(ex, "Method")


def test_an_acronym_that_aims_to_do_something_is_a_problem(extractor):
    ex = run(extractor, "Quill Graph Reasoning (QGR) aims to infer missing links between entities.")
    assert "QGR" not in names(ex, "Method")
    assert "QGR" in names(ex, "Task")


def test_an_acronym_the_title_is_for_is_a_problem(extractor):
    ex = run(extractor, "Quill Valve Adaptation (QVA) shifts a model between valve types. We add a critic.",
             title="Critic Balancing for Quill Valve Adaptation")
    assert "QVA" in names(ex, "Task")


def test_an_acronym_followed_by_tasks_or_problems_is_a_problem(extractor):
    ex = run(extractor, "Agents struggle with Quill Valve Packing (QVP) problems at scale.")
    assert "QVP" in names(ex, "Task")
    named = run(extractor, "We introduce the Zerbin Observation Robustness Problem (ZORP) and solve it.")
    assert "ZORP" not in names(named, "Method")


def test_a_named_process_the_paper_proposes_is_a_method_even_in_lower_case(extractor):
    ex = run(extractor, "Then, we propose token-selective quill computation (TsQC) to stabilise the updates.")
    assert "TsQC" in names(ex, "Method")
    metric = run(extractor, "We introduce a novel quill valve vulnerability (QVV) metric for the channel.")
    assert "QVV" not in names(metric, "Method")


def test_a_graph_information_bottleneck_is_a_method(full_extractor):
    ex = run(full_extractor, "With the quill information bottleneck (QIB) serving as the tool, the planner compresses "
                             "messages.")
    assert "QIB" in names(ex, "Method")


# ---------------------------------------------------------------- metrics and problems by apposition or list
def test_a_name_an_apposition_calls_a_metric_is_a_metric(extractor):
    ex = run(extractor, "We propose Quill Decay Drift (QDD), a metric that measures how far each step moves.")
    assert "QDD" in names(ex, "Metric")
    assert "QDD" not in names(ex, "Method")


def test_acronyms_listed_as_new_metrics_are_metrics(extractor):
    ex = run(extractor, "We introduce two new evaluation metrics: Quill Rate (QR) and Zerbin Task Consistency (ZTC).")
    assert not names(ex, "Method") & {"QR", "ZTC"}


def test_a_quantity_to_minimise_is_a_metric(extractor):
    ex = run(extractor, "The scheduler aims at minimizing Total Quill Setup Time (TQST) on the line.")
    assert "TQST" not in names(ex, "Method")


def test_an_apposition_calling_a_name_a_task_or_a_benchmark_task(extractor):
    task = run(extractor, "We study Zerbin Invariant Alignment (ZIA), an alignment problem for personal assistants.")
    assert "ZIA" in names(task, "Task")
    bench = run(extractor, "We introduce QuillBank2Frame, a novel benchmark task that maps schemas to frames.")
    assert "QuillBank2Frame" in names(bench, "Benchmark")
    free = run(extractor, "The QuillBlocks framework is dataset-agnostic and task-independent.",
               title="QuillBlocks: Building Blocks of Driving Explanations")
    assert "QuillBlocks" not in names(free, "Task")


def test_a_known_acronym_with_a_long_form_across_a_comma_stays_the_known_thing(full_extractor):
    ex = run(full_extractor, "Our study adopts a small setting, tuning QuillMath-7B on competition mathematics (AIME), "
                             "a task where the base model gets 4.1% of answers right.")
    assert "AIME" in names(ex, "Benchmark")


# ---------------------------------------------------------------- names the structure introduces
def test_a_coined_one_word_component_after_an_enumerator_is_a_method(extractor):
    ex = run(extractor, "Our system introduces: (1) QuillCommenter, a closed-loop generator that writes comments.")
    assert "QuillCommenter" in names(ex, "Method")


def test_two_names_proposed_together_are_both_methods(extractor):
    ex = run(extractor, "We propose Loop-Quill and Zerb-Quill, two simple test-time controls for agents.")
    assert {"Loop-Quill", "Zerb-Quill"} <= names(ex, "Method")


# ---------------------------------------------------------------- models
def test_sizes_after_a_slash_are_models_of_the_same_family(extractor):
    ex = run(extractor, "Our QuillLM-3B/7B models and Qwen3-4B/-8B/-14B reach the same accuracy.")
    assert {"QuillLM-3B", "QuillLM-7B", "Qwen3-4B", "Qwen3-8B", "Qwen3-14B"} <= names(ex, "Model")


def test_a_size_and_variant_after_and_make_a_variant_of_the_family(extractor):
    ex = run(extractor, "Results with Qwen2.5-7B and 14B-Instruct models are similar.")
    assert "Qwen2.5-14B-Instruct" in names(ex, "Model")


def test_a_model_family_listed_with_companies_is_the_company(full_extractor):
    ex = run(full_extractor, "We compare nine chat models made by Google, OpenAI, DeepSeek and Anthropic.")
    assert "DeepSeek" not in names(ex)
    kept = run(full_extractor, "We evaluate DeepSeek and Llama on the claims.")
    assert "DeepSeek" in names(kept, "Model")


# ---------------------------------------------------------------- benchmarks
def test_a_name_a_sentence_opens_on_with_a_score_is_a_benchmark(extractor):
    ex = run(extractor, "On QuillFacts, ZerbAgent reaches 59.1% average accuracy.")
    assert "QuillFacts" in names(ex, "Benchmark")
    assert "ZerbAgent" not in names(ex, "Benchmark")


def test_a_name_whose_score_is_raised_from_one_number_to_another_is_a_benchmark(extractor):
    ex = run(extractor, "Our recipe improves QuillEval pass@1 from 21.4 to 33.9 with the same budget.")
    assert "QuillEval" in names(ex, "Benchmark")


def test_a_split_written_after_a_new_benchmark_is_part_of_its_name(extractor):
    ex = run(extractor, "Accuracy rose from 40% to 56% on ZORBQ Easy and from 32% to 50% on ZORBQ Complex.")
    assert {"ZORBQ Easy", "ZORBQ Complex"} <= names(ex, "Benchmark")
    assert "ZORBQ" not in names(ex, "Benchmark")


# ---------------------------------------------------------------- linking and the lexicon
def test_the_head_noun_written_after_a_dataset_is_one_of_its_aliases(extractor, small_lexicon):
    paper = Paper(id="a", abstract="We train agents on many scenes of the QUILLDRIVE Motion dataset.")
    b = GraphBuilder(Linker(small_lexicon))
    b.add(paper, next(extractor.extract([paper])))
    G: nx.MultiDiGraph = b.finish()
    data = [d for _, d in G.nodes(data=True) if d.get("kind") == "Dataset"]
    assert len(data) == 1 and "QUILLDRIVE Motion dataset" in data[0]["aliases"]


def test_reinforcement_fine_tuning_and_on_policy_self_distillation_are_known_methods(full_extractor):
    ex = run(full_extractor, "Reinforcement fine-tuning (RFT) is costly; on-policy self-distillation (OPSD) is cheap.")
    assert {"reinforcement fine-tuning", "OPSD"} <= names(ex, "Method")
