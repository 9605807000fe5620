"""Shared fixtures: repository paths and a small hand-written lexicon for pattern tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extraction.lexicon import LexEntry, Lexicon
from kg.extraction.pipeline import Extractor

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples"

SMALL = [
    LexEntry("method:grpo", "Method", "GRPO", ("Group Relative Policy Optimization",)),
    LexEntry("method:ppo", "Method", "PPO", ("Proximal Policy Optimization",)),
    LexEntry("method:dapo", "Method", "DAPO", ()),
    LexEntry("method:sft", "Method", "SFT", ("supervised fine-tuning",)),
    LexEntry("method:arpo", "Method", "ARPO", ("Agentic Reinforced Policy Optimization",)),
    LexEntry("benchmark:aime", "Benchmark", "AIME", ()),
    LexEntry("benchmark:aime-2024", "Benchmark", "AIME 2024", ("AIME24", "AIME'24", "AIME-2024"), "benchmark:aime"),
    LexEntry("benchmark:aime-2025", "Benchmark", "AIME 2025", ("AIME25", "AIME'25"), "benchmark:aime"),
    LexEntry("benchmark:math-500", "Benchmark", "MATH-500", ("MATH500",)),
    LexEntry("benchmark:gaia", "Benchmark", "GAIA", ()),
    LexEntry("model:qwen", "Model", "Qwen", ()),
    LexEntry("model:qwen2-5", "Model", "Qwen2.5", ("Qwen-2.5",), "model:qwen"),
    LexEntry("metric:pass-at-1", "Metric", "Pass@1", ()),
]


@pytest.fixture(scope="session")
def small_lexicon() -> Lexicon:
    lex = Lexicon()
    for e in SMALL:
        lex.add(e)
    return lex


@pytest.fixture(scope="session")
def extractor(small_lexicon) -> Extractor:
    """The rules alone, over the small lexicon (pattern tests test the rules, not the learned typer)."""
    return Extractor(lexicon=small_lexicon, typer=None)


@pytest.fixture(scope="session")
def full_extractor() -> Extractor:
    """The extractor with the packaged lexicon."""
    return Extractor()
