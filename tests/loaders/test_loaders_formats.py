"""Each format module on small hand-written fixtures (tests/fixtures/loaders), malformed records included.

Expected values come from reading the fixtures (line numbers counted with ``grep -n``).
"""
from pathlib import Path

import pytest

from loaders import (
    arxiv_daily_json,
    arxiv_listing,
    daily_digest,
    digest_page_md,
    hf_api_json,
    hf_daily_page,
    jsonl,
)
from schemas import Paper, RecordError, Source

FIX = Path(__file__).parents[1] / "fixtures" / "loaders"


def split(records):
    records = list(records)
    return [r for r in records if isinstance(r, Paper)], [r for r in records if isinstance(r, RecordError)]


def lines_of(records):
    return [r.sources[0].line if isinstance(r, Paper) else r.line for r in records]


# --- every module has the same interface --------------------------------------------------------

@pytest.mark.parametrize("mod, name", [
    (arxiv_listing, "arxiv_listing"), (daily_digest, "daily_digest"), (hf_daily_page, "hf_daily_page"),
    (jsonl, "jsonl"), (hf_api_json, "hf_api_json"), (arxiv_daily_json, "arxiv_daily_json"),
    (digest_page_md, "digest_page_md"),
])
def test_module_interface(mod, name):
    assert mod.FORMAT == name
    assert callable(mod.sniff) and callable(mod.load)


@pytest.mark.parametrize("mod, fixture", [
    (arxiv_listing, "listing.txt"), (daily_digest, "digest.txt"), (hf_daily_page, "hf_page.txt"),
    (jsonl, "papers.jsonl"), (hf_api_json, "hf_api.json"), (arxiv_daily_json, "arxiv_daily.json"),
    (digest_page_md, "page.md"),
])
def test_load_is_a_lazy_generator(mod, fixture):
    it = mod.load(FIX / fixture)
    assert iter(it) is it          # an iterator, not a list
    first = next(it)
    it.close()
    assert isinstance(first, (Paper, RecordError))


# --- arxiv_listing -------------------------------------------------------------------------------

def test_listing_records_lines_and_errors():
    records = list(arxiv_listing.load(FIX / "listing.txt"))
    assert lines_of(records) == [2, 3, 6, 11]
    assert [type(r).__name__ for r in records] == ["Paper", "RecordError", "Paper", "Paper"]
    err = records[1]
    assert err.file == str(FIX / "listing.txt") and err.line == 3
    assert "empty abstract" in err.message and "Abstract:" in err.message


def test_listing_paper_fields():
    papers, _ = split(arxiv_listing.load(FIX / "listing.txt"))
    first, wrapped, toggled = papers
    assert first.abstract.startswith("We introduce LanternPO, a critic-free")
    assert first.title is None and first.arxiv_id is None and first.id.startswith("sha1:")
    assert first.sources == (Source(file=str(FIX / "listing.txt"), line=2, format="arxiv_listing"),)
    # the wrapped abstract is joined with one space, LaTeX kept, the "Submitted" line not included
    assert wrapped.abstract == (
        "Tabular world models are cheap to fit but brittle under distribution shift. We show that a small "
        "ensemble of them, queried with an optimism bonus, matches a learned dynamics model on "
        r"$\mathcal{D}_4$ control suites.")
    assert wrapped.arxiv_id == "2612.00042" and wrapped.id == "arxiv:2612.00042"
    assert toggled.abstract.endswith("hashed state features.")


def test_listing_sniff():
    assert arxiv_listing.sniff("junk\nAbstract:We study things.\n")
    assert not arxiv_listing.sniff("Abstract\nWe study things.\n")


# --- daily_digest --------------------------------------------------------------------------------

def test_digest_records_and_error():
    records = list(daily_digest.load(FIX / "digest.txt"))
    assert lines_of(records) == [4, 17, 28]
    assert [type(r).__name__ for r in records] == ["Paper", "RecordError", "Paper"]
    assert records[1].line == 17
    assert "A Title Whose Abstract Went Missing" in records[1].message
    assert "empty abstract" in records[1].message


def test_digest_paper_fields():
    papers, _ = split(daily_digest.load(FIX / "digest.txt"))
    ripple, planners = papers
    assert ripple.title == "Ripple Rewards: Propagating Sparse Feedback Through Dialogue Trees"
    assert ripple.arxiv_id == "2602.01111" and ripple.id == "arxiv:2602.01111"
    assert ripple.authors == ("Ada Quill", "Bo Renner", "Chen Sato") and ripple.author_count == 3
    assert ripple.subjects == ("Computation and Language (cs.CL)", "Machine Learning (cs.LG)",
                               "Digital Libraries (cs.DL)")
    assert ripple.links == ("https://arxiv.org/abs/2602.01111", "https://arxiv.org/pdf/2602.01111")
    assert ripple.date == "2026-02-02"   # the "Arxiv 发布时间" date of the header
    # two English lines joined; no Chinese text kept
    assert ripple.abstract == (
        "Ripple Rewards turns one final verdict on a conversation into dense turn-level credit by walking "
        "back through the dialogue tree. On a synthetic negotiation benchmark it halves the number of "
        "episodes needed to reach a fixed success rate.")
    # inline subjects, version dropped from the id but kept in the link
    assert planners.title == "Denoising Planners for Legged Robots"
    assert planners.subjects == ("Robotics (cs.RO)", "Symbolic Computation (cs.SC)")
    assert planners.arxiv_id == "2602.03333"
    assert planners.links[0] == "https://arxiv.org/abs/2602.03333v2"
    assert planners.sources[0].line == 28


def test_digest_without_chinese_sections(tmp_path):
    f = tmp_path / "english_only.txt"
    f.write_text(
        "First Paper Title\n- Authors: A One\n- Arxiv link: https://arxiv.org/abs/2601.00101\n"
        "- Abstract\nFirst abstract line one.\nline two.\n"
        "Second Paper Title\n- Authors: B Two, C Three\n- Arxiv link: https://arxiv.org/abs/2601.00102\n"
        "- Abstract\nSecond abstract.\n", encoding="utf-8")
    papers, errors = split(daily_digest.load(f))
    assert errors == []
    assert [(p.title, p.abstract, p.sources[0].line) for p in papers] == [
        ("First Paper Title", "First abstract line one. line two.", 1),
        ("Second Paper Title", "Second abstract.", 7),
    ]


# --- hf_daily_page -------------------------------------------------------------------------------

def test_hf_page_records_and_error():
    records = list(hf_daily_page.load(FIX / "hf_page.txt"))
    assert lines_of(records) == [13, 21, 25, 27, 35, 43, 49]
    assert [type(r).__name__ for r in records] == [
        "Paper", "Paper", "RecordError", "Paper", "Paper", "RecordError", "Paper"]
    assert "A Title Without Its Abstract" in records[2].message and "no abstract" in records[2].message
    # a title followed directly by its meta lines: an error, and the meta lines are not taken as a title
    assert "An Orphan Title With Meta" in records[5].message
    assert records[6].title == "Recovered After The Orphan"
    assert records[6].abstract.startswith("This abstract follows an entry")
    assert (records[6].author_count, records[6].date) == (None, None)


def test_hf_page_meta_variants():
    papers, _ = split(hf_daily_page.load(FIX / "hf_page.txt"))
    compass, budget, quiet, last, _ = papers
    assert compass.title == "Compass-RL: Steering Exploration with Learned Priors"
    assert (compass.author_count, compass.organization, compass.date, compass.upvotes) == (6, None, "2026-01-30", 12)
    # no meta lines at all
    assert (budget.author_count, budget.organization, budget.date, budget.upvotes) == (None, None, None, None)
    assert budget.abstract.startswith("We cap the number of reasoning tokens")
    # organisation line "<id> <name>", date without year kept as written
    got = (quiet.author_count, quiet.organization, quiet.date, quiet.upvotes)
    assert got == (None, "Acme Research Lab", "Dec 2", None)
    assert (last.author_count, last.date, last.upvotes) == (1, "2025-11-14", None)
    assert all(p.id.startswith("sha1:") and p.arxiv_id is None for p in papers)


# --- jsonl ---------------------------------------------------------------------------------------

def test_jsonl_records_and_errors():
    records = list(jsonl.load(FIX / "papers.jsonl"))
    assert lines_of(records) == [1, 3, 4, 5, 6, 7, 8]
    kinds = ["Paper", "RecordError", "RecordError", "Paper", "RecordError", "RecordError", "Paper"]
    assert [type(r).__name__ for r in records] == kinds
    assert "not valid JSON" in records[1].message
    assert "No Abstract Here" in records[2].message and "'abstract'" in records[2].message
    assert "empty abstract" in records[4].message
    assert "JSON object" in records[5].message


def test_jsonl_fields():
    papers, _ = split(jsonl.load(FIX / "papers.jsonl"))
    mirror, ledger, counting = papers
    assert mirror.id == "arxiv:2601.00007" and mirror.arxiv_id == "2601.00007"
    assert mirror.title == "Mirror Descent Policy Optimisation for Tool Use"
    assert mirror.abstract == ("We cast tool selection as a bandit over API calls. A mirror descent update "
                               "keeps the policy close to its previous iterate.")
    assert mirror.subjects == ("cs.LG", "cs.AI") and mirror.date == "2026-01-05"
    assert mirror.links == ("https://arxiv.org/abs/2601.00007", "https://arxiv.org/pdf/2601.00007")
    assert ledger.id.startswith("sha1:") and ledger.authors == ("Lea Novak", "Omar Haddad")
    assert ledger.subjects == ("cs.LG", "cs.GT")
    assert counting.arxiv_id == "2601.00010"       # taken from the "abs" link
    assert counting.authors == ("Pia Roth", "Quinn Ash", "Rui Sol") and counting.author_count == 3
    assert counting.date == "2026-01-06" and counting.upvotes == 5


# --- hf_api_json ---------------------------------------------------------------------------------

def test_hf_api_records():
    records = list(hf_api_json.load(FIX / "hf_api.json"))
    assert lines_of(records) == [2, 32, 48]
    assert [type(r).__name__ for r in records] == ["Paper", "RecordError", "Paper"]
    assert "An Entry Without Summary" in records[1].message
    tidal, small = [r for r in records if isinstance(r, Paper)]
    assert tidal.id == "arxiv:2601.00021"
    assert tidal.title == "Tidal Sampling: Curriculum by Prompt Difficulty"
    assert tidal.abstract == ("Tidal Sampling raises and lowers the share of hard prompts in each batch "
                              "according to the running pass rate of the policy.")
    assert tidal.authors == ("Sana Vik", "Teo Lind")
    assert (tidal.organization, tidal.date, tidal.upvotes) == ("Tidal Institute", "2026-01-08", 17)
    assert tidal.links == ("https://github.com/example/tidal-sampling",)
    assert (small.organization, small.upvotes, small.authors) == ("North Lab", 4, ())


def test_hf_api_broken_json_reports_line(tmp_path):
    f = tmp_path / "broken.json"
    f.write_text('[\n  {"paper": {"id": "2601.00001", "title": "T", "summary": "S one."}},\n  {"paper": oops}\n]\n')
    records = list(hf_api_json.load(f))
    assert isinstance(records[0], Paper) and records[0].sources[0].line == 2
    assert isinstance(records[1], RecordError) and records[1].line == 3
    assert "invalid JSON" in records[1].message


# --- arxiv_daily_json ----------------------------------------------------------------------------

def test_arxiv_daily_json_records():
    records = list(arxiv_daily_json.load(FIX / "arxiv_daily.json"))
    assert lines_of(records) == [4, 22, 35]
    assert [type(r).__name__ for r in records] == ["Paper", "RecordError", "Paper"]
    assert "Summary Left Empty" in records[1].message
    saddle = records[0]
    assert saddle.arxiv_id == "2601.00031" and saddle.title == "Saddle-Free Actor Updates"
    assert saddle.authors == ("Vera Holm", "Wen Li") and saddle.subjects == ("cs.LG", "math.OC")
    assert saddle.date == "2026-01-09" and saddle.links == ("https://arxiv.org/pdf/2601.00031v2",)


def test_arxiv_daily_json_without_papers(tmp_path):
    f = tmp_path / "x.json"
    f.write_text('{"count": 0, "items": []}')
    (err,) = list(arxiv_daily_json.load(f))
    assert isinstance(err, RecordError) and "papers" in err.message


# --- digest_page_md ------------------------------------------------------------------------------

def test_page_md():
    (paper,) = list(digest_page_md.load(FIX / "page.md"))
    assert paper.id == "arxiv:2601.00055"
    assert paper.title == "Hindsight Verifiers: Relabelling Failed Proofs as Lemmas"
    assert paper.authors == ("Zoe Amari", "Yusuf Bey", "Xin Cao")
    assert paper.subjects == ("cs.LG", "cs.LO") and paper.date == "2026-01-12"
    # the quote under the original-abstract heading, not the Chinese one; its two lines joined
    assert paper.abstract == (
        "Proof search with a formal verifier wastes most attempts. We relabel each failed proof as a proof "
        "of the lemma it did establish and train on both, which doubles the useful signal.")
    assert "https://github.com/example/hindsight-verifiers" in paper.links
    assert "https://arxiv.org/abs/2601.00055" in paper.links
    assert paper.sources[0].line == 1


def test_page_md_without_english_abstract():
    (err,) = list(digest_page_md.load(FIX / "page_no_abstract.md"))
    assert isinstance(err, RecordError) and err.line == 1
    assert "no English abstract" in err.message
