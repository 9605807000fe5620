from kg.extraction.shapes import canonical_model, find_model_names, model_family


def found(t):
    return [t[s:e] for s, e in find_model_names(t)]


def test_model_grammar_family_version_size_variant():
    t = "We fine-tune Qwen2.5-14B-Instruct, Llama-3.2-3B and DeepSeek-R1-Distill-Llama-8B, then query GPT-4o-mini."
    assert found(t) == ["Qwen2.5-14B-Instruct", "Llama-3.2-3B", "DeepSeek-R1-Distill-Llama-8B", "GPT-4o-mini"]


def test_spaced_and_reasoning_models():
    t = "Baselines are Claude 3.7 Sonnet, Gemini 2.5 Flash and o3-mini; the judge is Qwen3-30B-A3B."
    assert found(t) == ["Claude 3.7 Sonnet", "Gemini 2.5 Flash", "o3-mini", "Qwen3-30B-A3B"]


def test_spaced_variant_words_stay_part_of_the_name():
    t = "We pit Grok 5 Heavy against GPT-6.1 Codex and tune Qwen3-8B Base, while Gemini 3 alone is the judge."
    assert found(t) == ["Grok 5 Heavy", "GPT-6.1 Codex", "Qwen3-8B Base", "Gemini 3"]


def test_bare_family_words_are_left_to_the_lexicon():
    assert found("A Step forward; we Seed the buffer.") == []


def test_canonical_form_and_family():
    assert canonical_model("Qwen-2.5-1.5B-Instruct") == "Qwen2.5-1.5B-Instruct"
    assert model_family("Qwen2.5-1.5B-Instruct") == "Qwen2.5"
    assert model_family("Llama-3.2-3B") == "Llama-3.2"
    assert model_family("Qwen3") is None


def test_coordinated_versions_and_sizes_complete_to_full_names(extractor):
    from tests.extraction.helpers import names, run
    ex = run(extractor, "We test Gemini 1.0 Pro and 1.5 Flash, then Qwen2.5-7B and 14B; it wins by 32% and 5B tokens.")
    assert {"Gemini 1.0 Pro", "Gemini 1.5 Flash", "Qwen2.5-7B", "Qwen2.5-14B"} <= names(ex, "Model")


def test_maker_name_before_a_member_is_part_of_its_name():
    from kg.extraction.lexicon import LexEntry, Lexicon
    from kg.extraction.pipeline import Extractor
    from tests.extraction.helpers import run
    lex = Lexicon()
    for e in [LexEntry("model:corvid", "Model", "Corvid", ()),
              LexEntry("model:magpie", "Model", "Magpie", ("Magpie Large",), "model:corvid"),
              LexEntry("model:corvid-r2", "Model", "Corvid-R2", ("Corvid R2",), "model:corvid"),
              LexEntry("model:wren", "Model", "Wren", ())]:
        lex.add(e)
    ex = run(Extractor(lexicon=lex), "We query Corvid Magpie Large, Corvid-Magpie and Corvid's R2, "
                                     "then Corvid and Magpie separately, and Corvid Wren.")
    got = [(m.text, m.name) for m in ex.mentions]
    assert got == [("Corvid Magpie Large", "Magpie"), ("Corvid-Magpie", "Magpie"), ("Corvid's R2", "Corvid-R2"),
                   ("Corvid", "Corvid"), ("Magpie", "Magpie"), ("Corvid", "Corvid"), ("Wren", "Wren")]


def test_size_written_after_a_known_model_and_training_is_not_proposing(extractor):
    from tests.extraction.helpers import names, rel_names, run
    ex = run(extractor, "We train a Qwen2.5 3B model on 40B tokens; Qwen2.5 20B tokens are not a model.")
    assert "Qwen2.5-3B" in names(ex, "Model")
    assert not any("20B" in n or "40B" in n for n in names(ex))
    assert rel_names(ex, "PROPOSES") == set()
    assert "Qwen2.5-3B" in rel_names(ex, "USES_MODEL")


def test_venues_are_not_names(extractor):
    from tests.extraction.helpers import names, run
    ex = run(extractor, "Our entry won first place at NeurIPS 2024 and the KDD 2026 challenge with GRPO.")
    assert names(ex) == {"GRPO"}


def test_sizes_and_variants_after_known_models_and_latex_spaces(extractor):
    from tests.extraction.helpers import names, run
    ex = run(extractor, "We fine-tune Qwen2.5-14B-Base-8K and Falcon-Hydra-7B-Instruct, scoring on AIME~2024 and "
                        "MATH-500-mini.")
    assert {"Qwen2.5-14B-Base-8K", "Falcon-Hydra-7B-Instruct"} <= names(ex, "Model")
    assert {"AIME 2024", "MATH-500-mini"} <= names(ex, "Benchmark")


def test_a_bracketed_parameter_count_types_a_model(extractor):
    from tests.extraction.helpers import names, run
    ex = run(extractor, "We release two flagship models, Wren-Cu (9B) and Wren-Ag (27B).")
    assert {"Wren-Cu", "Wren-Ag"} <= names(ex, "Model")


def test_lettered_versions_codex_variants_and_claude_tiers_alone():
    t = "Agents run on MiniMax-M2.5, GPT-5.3-Codex, Sonnet 4.6 and Haiku 4.5; Opus alone is not a model."
    assert [t[s:e] for s, e in find_model_names(t)] == ["MiniMax-M2.5", "GPT-5.3-Codex", "Sonnet 4.6", "Haiku 4.5"]


def test_more_families_image_and_edit_variants_and_lowercase_versions():
    t = "We compare MiMo-V2-Flash, GPT-Image-1, Seedream 4.0, Step1X-Edit, Bielik-11B-v2.3-Instruct and Bamba-v2."
    assert [t[s:e] for s, e in find_model_names(t)] == ["MiMo-V2-Flash", "GPT-Image-1", "Seedream 4.0", "Step1X-Edit",
                                                       "Bielik-11B-v2.3-Instruct", "Bamba-v2"]
