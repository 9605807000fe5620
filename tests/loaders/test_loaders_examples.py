"""The example corpus (examples/), checked against the table in examples/README.md."""
from pathlib import Path

from loaders import detect_format, merge, read, read_paths
from schemas import Paper, RecordError

EX = Path(__file__).parents[2] / "examples"


def test_example_files_formats_and_counts():
    expected = {"listing.txt": ("arxiv_listing", 4), "digest.txt": ("daily_digest", 3),
                "hf_daily.txt": ("hf_daily_page", 4), "extra.jsonl": ("jsonl", 3)}
    for name, (fmt, n) in expected.items():
        assert detect_format(EX / name) == fmt, name
        records = list(read(EX / name))
        assert all(isinstance(r, Paper) for r in records), name
        assert len(records) == n, name


def test_examples_merge_to_thirteen_papers_in_readme_order():
    records = list(read_paths([EX]))
    assert not any(isinstance(r, RecordError) for r in records)   # README.md is passed over
    assert len(records) == 14
    merged = merge(records)
    assert [p.id for p in merged] == [
        "arxiv:2601.00011", "arxiv:2601.00012", "arxiv:2601.00013",          # E05 E07 E08 (digest.txt)
        "arxiv:2601.00016", "arxiv:2601.00017", "arxiv:2601.00018",          # E06 E12 E13 (extra.jsonl)
        "sha1:f8973b2c7a9c5885", "sha1:c30b2d65e14166f8",                    # E01 E02 (hf_daily.txt)
        "sha1:2c05bf38d28883e7", "sha1:936b03b269c71b0a",                    # E03 E04
        "sha1:3db249853e2dba26", "sha1:aaa75e6c0775bd73", "sha1:5fb79f5a38986db5",  # E09 E10 E11 (listing)
    ]
    judgemix = merged[3]
    assert judgemix.title == "JudgeMix: Mixing AI Judges for Cheaper Preference Labels"
    assert [(Path(s.file).name, s.line) for s in judgemix.sources] == [("extra.jsonl", 1), ("listing.txt", 13)]


def test_example_details_from_readme():
    papers = {p.title: p for p in read_paths([EX]) if isinstance(p, Paper) and p.title}
    tempo = papers["TempoPO: Tempo-Aware Group Policy Optimization for Long Reasoning"]
    assert (tempo.author_count, tempo.date, tempo.upvotes) == (5, "2026-01-14", 37)
    assert "43.1% Pass@1 on AIME 2024" in tempo.abstract and "Qwen2.5-7B-Instruct" in tempo.abstract
    step = papers["StepVerify-1K: A Benchmark for Checkable Step-Level Math Reasoning"]
    assert (step.organization, step.date, step.upvotes) == ("Acme AI", "Jan 12", None)
    ergo = papers["ERGO: Entropy-Regularized Group Optimization for Small Math Models"]
    assert "sampled solutions. With Qwen2.5-Math-1.5B" in ergo.abstract        # two lines joined
    assert ergo.date == "2026-01-05" and len(ergo.authors) == 4
    margin = papers["MarginDPO: Preference Optimization with Adaptive Margins"]
    assert margin.subjects == ("Computation and Language (cs.CL)", "Machine Learning (cs.LG)",
                              "Digital Libraries (cs.DL)")
    reward = papers["When Do Reward Models Break? Overoptimization in Best-of-n and RL"]
    assert "best-of-n sampling and for PPO" in reward.abstract
