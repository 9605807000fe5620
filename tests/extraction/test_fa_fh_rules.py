"""Rules added once the held-out sets ec-ez and fa-fh became development data, on sentences written for these
tests (one test per rule, each able to fail without it)."""
from kg.extraction.acronyms import find_definitions
from tests.extraction.helpers import names, run


def _defs(text: str) -> set[tuple[str, str]]:
    return {(text[a:b], text[c:d]) for a, b, c, d in find_definitions(text)}


def test_names_inside_a_link_are_not_mentions(full_extractor):
    ex = run(full_extractor, "We tune Qwen2.5-7B with a quill reward. Code: https://github.com/Qwen-Labs/QuillRL "
                             "and https://llava-quill.github.io.")
    assert names(ex, "Model") == {"Qwen2.5-7B"}
    assert "QuillRL" not in names(ex)


def test_the_original_gpt_4o_is_gpt_4o(full_extractor):
    ex = run(full_extractor, "We replicate the original GPT-4o result on twelve open models.")
    assert "GPT-4o" in names(ex, "Model")
    assert "GPT-1" not in names(ex)


def test_a_coined_word_ending_in_corpus_or_data_is_a_dataset(extractor):
    ex = run(extractor, "We fine-tune the prover with LoRA on BrightProofCorpus, and on OwlGraspData for grasping.")
    assert {"BrightProofCorpus", "OwlGraspData"} <= names(ex, "Dataset")


def test_a_known_benchmarks_training_split_is_a_dataset(full_extractor):
    ex = run(full_extractor, "From solution traces on the GSM8K training set, a teacher writes hints for a student.")
    assert "GSM8K" in names(ex, "Dataset")
    assert "GSM8K" not in names(ex, "Benchmark")


def test_training_on_a_benchmark_with_the_model_named_in_between(full_extractor):
    ex = run(full_extractor, "We trained the small model Qwen2.5-3B-Instruct on the MATH dataset and then tested "
                             "it on AIME 2024.")
    assert "MATH" in names(ex, "Dataset")
    assert "AIME 2024" in names(ex, "Benchmark")
    wide = run(full_extractor, "Agents trained with our curriculum improve success rates on WebShop.")
    assert "WebShop" in names(wide, "Benchmark")


def test_an_enumerated_part_keeps_no_article(extractor):
    ex = run(extractor, "Our system has two parts: (1) A Checked Quill Synthesis Engine that writes tasks; and (2) "
                        "A Staged Quill Curriculum Scheduler that orders them.")
    assert {"Checked Quill Synthesis Engine", "Staged Quill Curriculum Scheduler"} <= names(ex, "Method")
    assert not {n for n in names(ex) if n.startswith("A ")}


def test_a_letter_with_a_count_spells_that_many_initials():
    text = ("We propose Quill Routing Replay (QR2), and Rollout Recall Rescoring ($R^3$) for agents. The Policy "
            "Compliance (P2) principle is not such a name.")
    found = _defs(text)
    assert ("QR2", "Quill Routing Replay") in found
    assert ("$R^3$", "Rollout Recall Rescoring") in found
    assert not {short for short, _ in found} & {"P2"}


# ---------------------------------------------------------------- rules added once fi-fp became development data
def test_a_sized_title_prefix_is_a_model(extractor):
    ex = run(extractor, "We build on an open 8B base and tune it in two stages.",
             title="QuillExp-8B: A Post-Training Pipeline via Full-Scale Search")
    assert "QuillExp-8B" in names(ex, "Model")
    assert "QuillExp-8B" not in names(ex, "Method")


def test_what_a_technical_report_reports_is_a_model(extractor):
    ex = run(extractor, "We present Quillon2. Trained in three stages, Quillon2 runs on phones.",
             title="Quillon2 Technical Report")
    assert "Quillon2" in names(ex, "Model")
    framework = run(extractor, "We present Quillon2, an agent framework for web search.",
                    title="Quillon2 Technical Report")
    assert "Quillon2" in names(framework, "Method")
