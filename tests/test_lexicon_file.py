"""The shipped lexicon is one entry per canonical entity."""
import json
from pathlib import Path

LEXICON = Path(__file__).resolve().parent.parent / "kg" / "data" / "lexicon.jsonl"


def test_every_id_is_written_once():
    ids = [json.loads(line)["id"] for line in LEXICON.open(encoding="utf-8") if line.strip()]
    assert len(ids) > 2000 and sorted(i for i in set(ids) if ids.count(i) > 1) == []


def test_new_entries_join_the_entities_they_belong_to():
    from kg.extraction.lexicon import load_lexicon
    lex = load_lexicon()
    assert lex.lookup("BRUMO25")[0].family == "benchmark:brumo"
    assert [e.id for e in lex.lookup("HER")] == [e.id for e in lex.lookup("Hindsight Experience Replay")]
    assert lex.lookup("Flow-GRPO")[0].family == "method:grpo"


def test_model_versions_are_members_not_aliases_of_their_family():
    from kg.extraction.lexicon import load_lexicon
    lex = load_lexicon()
    wan21, wan22 = lex.lookup("Wan 2.1")[0], lex.lookup("Wan 2.2")[0]
    assert wan21.id != wan22.id and wan21.family == wan22.family == "model:wan"
    assert lex.lookup("Veo 3")[0].family == "model:veo"


def test_sizes_and_versions_of_a_family_are_separate_entities():
    from kg.extraction.lexicon import load_lexicon
    lex = load_lexicon()
    small, large = lex.lookup("OLMo-1B")[0], lex.lookup("OLMo-7B")[0]
    assert small.id != large.id and small.family == large.family == lex.lookup("OLMo")[0].id
    assert lex.lookup("GLM-4.6")[0].id != lex.lookup("GLM-4.5")[0].id


def test_suites_and_releases_of_a_benchmark_are_separate_entities():
    from kg.extraction.lexicon import load_lexicon
    lex = load_lexicon()
    long_, spatial = lex.lookup("LIBERO-Long")[0], lex.lookup("LIBERO-Spatial")[0]
    assert long_.id != spatial.id and long_.family == spatial.family == "benchmark:libero"
    assert lex.lookup("Kinetics-700")[0].id != lex.lookup("Kinetics-400")[0].id


def test_the_lexicon_reaches_past_llm_post_training():
    """Abstracts about agents and RL also name classic RL, robotics, vision, verification and encoder-era names."""
    from kg.extraction.lexicon import load_lexicon
    lex = load_lexicon()
    kinds = {name: lex.lookup(name)[0].kind for name in (
        "POMO", "highway-env", "Coconut", "VisDA-2017", "NTU RGB+D 120", "Storm model checker", "TF-Agents",
        "all-mpnet-base-v2", "MMATH", "Crescendo", "Tk-Instruct")}
    assert kinds == {"POMO": "Method", "highway-env": "Benchmark", "Coconut": "Method", "VisDA-2017": "Benchmark",
                     "NTU RGB+D 120": "Dataset", "Storm model checker": "Method", "TF-Agents": "Method",
                     "all-mpnet-base-v2": "Model", "MMATH": "Benchmark", "Crescendo": "Method",
                     "Tk-Instruct": "Model"}
    assert lex.lookup("Tk-Instruct")[0].family == "model:t5"


def test_everyday_words_and_clashing_acronyms_are_not_forms():
    """A form is matched wherever an abstract writes it: generic techniques, formalisms, software and
    acronyms with other common readings ("ROS", "CFR") are left out or entered by their long form only."""
    from kg.extraction.lexicon import load_lexicon
    lex = load_lexicon()
    assert [n for n in ("autoencoder", "decision tree", "POMDP", "PyTorch", "ROS", "CFR") if lex.lookup(n)] == []
    assert lex.lookup("counterfactual regret minimization")[0].id == "method:cfr"


def test_agent_products_are_methods_and_the_old_codex_model_is_kept_apart():
    """Coding and research agents (Codex, AlphaEvolve, Deep Research) are systems, as Claude Code and OpenHands
    are; the 2021 Codex model keeps its own entry under its long name."""
    from kg.extraction.lexicon import load_lexicon
    lex = load_lexicon()
    kinds = {n: lex.lookup(n)[0].kind for n in ("Codex", "Codex CLI", "AlphaEvolve", "AlphaProof",
                                                 "OpenAI Deep Research", "Claude Code", "OpenAI Codex")}
    assert kinds == {"Codex": "Method", "Codex CLI": "Method", "AlphaEvolve": "Method", "AlphaProof": "Method",
                     "OpenAI Deep Research": "Method", "Claude Code": "Method", "OpenAI Codex": "Model"}
    assert lex.lookup("Codex")[0].id != lex.lookup("OpenAI Codex")[0].id
