"""Rules added once the held-out sets bq-bx became development data, on sentences written for these tests
(one test per rule, each able to fail without it)."""
from tests.extraction.helpers import names, run


# ---------------------------------------------------------------- lists of models and datasets
def test_model_like_siblings_of_a_known_model_are_models(extractor):
    ex = run(extractor, "The adapter plugs into CLIP, QuorlCLIP, and Wenvision-V2 without any retraining.")
    assert {"QuorlCLIP", "Wenvision-V2"} <= names(ex, "Model")


def test_a_tool_beside_a_known_model_is_not_made_a_model(extractor):
    ex = run(extractor, "The agent interleaves decoding with tool calls (ESMFold, QuorlFix, AutoDock Vina) "
                        "and plugs into CLIP, QuorlCLIP, and Wenvision-V2.")
    assert "QuorlFix" not in names(ex, "Model")
    assert "QuorlCLIP" in names(ex, "Model")


def test_coined_siblings_of_a_known_dataset_are_datasets(full_extractor):
    ex = run(full_extractor, "The codec generalises across MNIST, Fashion-MNIST, and QRDD without modification.")
    assert "QRDD" in names(ex, "Dataset")


# ---------------------------------------------------------------- what the words before a name say
def test_markup_around_the_name_does_not_hide_the_kind_before_it(extractor):
    ex = run(extractor, r"We therefore introduce a novel benchmark, \textbf{QuorlChain}, in which every "
                        "sentence matters.")
    assert "QuorlChain" in names(ex, "Benchmark")


def test_a_testbed_is_a_benchmark(extractor):
    ex = run(extractor, "We further present a test-bed QuorlLab to analyse attacks on browsing agents.")
    assert "QuorlLab" in names(ex, "Benchmark")


def test_a_known_model_named_as_a_dataset_is_its_data(full_extractor):
    ex = run(full_extractor, "We study distillation with the large-scale Tulu 3 dataset and several students.")
    assert names(ex, "Dataset") & {"Tulu 3", "Tülu 3"}
    assert not names(ex, "Model") & {"Tulu 3", "Tülu 3"}


# ---------------------------------------------------------------- acronyms of other fields' terms
def test_general_terms_of_other_fields_are_not_methods(full_extractor):
    ex = run(full_extractor, "A Kullback-Leibler (KL) divergence keeps the policy close, while Computed Tomography "
                        "(CT) scans and a Radio Access Network (RAN) supply the inputs.")
    assert not {"KL", "CT", "RAN"} & (names(ex, "Method") | names(ex, "Model") | names(ex, "Dataset"))
