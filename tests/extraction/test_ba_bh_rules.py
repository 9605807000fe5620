"""Rules added once the held-out sets ba-bh became development data, on sentences written for these tests
(one test per rule, each able to fail without it)."""
from kg.extraction.lexicon import LexEntry, Lexicon
from kg.extraction.pipeline import Extractor
from tests.extraction.helpers import names, run


# ---------------------------------------------------------------- what an apposition says
def test_a_parameter_count_in_the_apposition_makes_a_model(extractor):
    ex = run(extractor, "Starting from a small checkpoint we derive QuorlTide-Prover, a compact 7B-scale prover for "
                        "geometry proofs, and train MeshWren, a 0.6B difficulty estimator.")
    assert {"QuorlTide-Prover", "MeshWren"} <= names(ex, "Model")


def test_a_count_of_data_in_the_apposition_does_not(extractor):
    ex = run(extractor, "We release QuorlMix, a corpus of 100B tokens for pre-training.")
    assert "QuorlMix" in names(ex, "Dataset")


def test_a_benchmark_dataset_is_a_benchmark(extractor):
    ex = run(extractor, "We also introduce Quxil-Bench, a new benchmark dataset of 300 proof problems.")
    assert "Quxil-Bench" in names(ex, "Benchmark")


def test_a_spaced_dash_opens_an_apposition(extractor):
    ex = run(extractor, "We introduce the Post-hoc Drift Ledger (PDL) - a large-scale benchmark of decisions "
                        "across many tasks.")
    assert "PDL" in names(ex, "Benchmark")


# ---------------------------------------------------------------- long forms
def test_a_database_long_form_names_a_dataset(extractor):
    ex = run(extractor, "We build the Wombat Probe Database (WPD), covering 150 sensors.")
    assert "WPD" in names(ex, "Dataset")


def test_named_problems_and_measures_are_not_methods(extractor):
    ex = run(extractor, "We study Aspect Clause Extraction (ACE) and Indirect Tool Injection (ITI), and report "
                        "Harm Probability (HP) and Memory Utilization (MU) for each system.")
    assert not {"ACE", "ITI", "HP", "MU"} & names(ex, "Method")
    assert {"HP", "MU"} <= names(ex, "Metric")


# ---------------------------------------------------------------- lists
def test_two_items_without_a_comma_after_a_list_head(extractor):
    ex = run(extractor, "The release comprises two sub-datasets: Wibble-Base and Wibble-CoT.")
    assert {"Wibble-Base", "Wibble-CoT"} <= names(ex, "Dataset")


# ---------------------------------------------------------------- a known model's name before a known benchmark
def test_a_model_family_glued_to_a_benchmark_name_is_a_model():
    lex = Lexicon()
    lex.add(LexEntry("model:zarvox", "Model", "Zarvox", ()))
    lex.add(LexEntry("benchmark:m7", "Benchmark", "M7", ()))
    ex = run(Extractor(lexicon=lex, typer=None), "We present Zarvox-M7, a clinical assistant, and test it on M7.")
    assert "Zarvox-M7" in names(ex, "Model")
    assert "Zarvox-M7" not in names(ex, "Benchmark")
    assert "M7" in names(ex, "Benchmark")


# ---------------------------------------------------------------- not names kg records
def test_languages_licences_and_countries_are_not_names(extractor):
    ex = run(extractor, "We present QuillPort, which translates C++ into kernels. We release it under the MIT "
                        "licence, with raters from the US.")
    assert "QuillPort" in names(ex)
    assert not {"C++", "MIT", "US"} & names(ex)


# ---------------------------------------------------------------- model names
def test_speed_and_effort_variants_stay_in_a_model_name(extractor):
    ex = run(extractor, "Agents run on Grok 4.1 Fast, GPT-5.4-xhigh, DeepSeek-V3.1-Terminus, GPT-5.4-Mini and O3-mini.")
    assert {"Grok 4.1 Fast", "GPT-5.4-xhigh", "DeepSeek-V3.1-Terminus", "GPT-5.4-Mini"} <= names(ex, "Model")
    assert {"Grok 4.1", "GPT-5.4", "DeepSeek-V3.1"}.isdisjoint(names(ex))
    assert any(n.lower() == "o3-mini" for n in names(ex, "Model"))


def test_a_capitalised_o_level_is_not_a_model(extractor):
    ex = run(extractor, "Code built at the O3 level of the compiler runs faster than at O1.")
    assert not names(ex, "Model")


def test_an_unknown_name_with_a_parameter_count_is_a_model(extractor):
    ex = run(extractor, "We present Quokkar 111B, a hybrid reasoning model, and compare it with Meltor 7B. "
                        "A Polish 11B model trained on 20B tokens lags behind.")
    assert {"Quokkar-111B", "Meltor-7B"} <= names(ex, "Model")
    assert not {n for n in names(ex) if n.startswith(("Polish", "A "))}


def test_a_size_after_a_sizeless_alias_replaces_the_entrys_size():
    lex = Lexicon()
    lex.add(LexEntry("model:wren-7b", "Model", "Wren-7B", ("Wren",)))
    ex = run(Extractor(lexicon=lex, typer=None), "We compare against Wren 70B on long documents.")
    assert "Wren-70B" in names(ex, "Model")
    assert "Wren-7B-70B" not in names(ex)


def test_generic_training_techniques_are_not_names(full_extractor):
    ex = run(full_extractor, "We propose QuillTune, which trains with next-token prediction and mixed-precision "
                             "training, reweights rollouts by importance sampling and decodes with nucleus sampling.")
    assert "QuillTune" in names(ex)
    found = {n.lower() for n in names(ex)}
    assert not {"next-token prediction", "mixed-precision training", "importance sampling",
                "nucleus sampling"} & found


def test_a_kind_word_past_the_apposition_does_not_type_the_name(extractor):
    ex = run(extractor, "We present Reinforcement Learning from Quiet Feedback (RLQF), a late training phase in "
                        "which the model scores its answers by certainty.")
    assert "RLQF" in names(ex, "Method")
    assert "RLQF" not in names(ex, "Model")


def test_a_title_naming_a_dataset_and_benchmark_names_a_benchmark(extractor):
    ex = run(extractor, "We present ZorbQA with 500 questions about long files.",
             title="ZorbQA: A Dataset and Benchmark for Long Code Reading")
    assert "ZorbQA" in names(ex, "Benchmark")
    assert "ZorbQA" not in names(ex, "Dataset")
