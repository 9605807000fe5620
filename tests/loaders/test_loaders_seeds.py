"""The loaders on the real files in ../shared (read where they are, never copied).

Every expected number below was established by reading the files with grep/sed/awk, not by running the
loaders, e.g. ``grep -c '^Abstract:' 000_*.txt`` -> 10, ``grep -c '^- Arxiv link:' 001_*.txt`` -> 46,
for the Hugging Face pages: non-blank lines = 6 header + 2 per paper + 3 per "·" meta block,
cross-checked with the number of abstract lines (the only lines longer than 300 characters).
"""
import gzip
import itertools
import json
import re
from pathlib import Path

import pytest

from loaders import detect_format, merge, read, read_paths
from schemas import Paper, RecordError

SHARED = (Path(__file__).parents[2] / ".." / "shared").resolve()
SEEDS = SHARED / "seeds"
FORMATS_DIR = SHARED / "formats"


def seed(prefix):
    (f,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return f


def line(path, n):
    """Line n (1-based) of a file, stripped: expected text is read from the file, never copied here."""
    with open(path, encoding="utf-8") as fh:
        return next(itertools.islice(fh, n - 1, None)).strip()


def load_all(path):
    records = list(read(path))
    return [r for r in records if isinstance(r, Paper)], [r for r in records if isinstance(r, RecordError)]


@pytest.mark.parametrize("prefix, fmt, n", [
    ("000", "arxiv_listing", 10),
    ("001", "daily_digest", 46),
    ("002", "hf_daily_page", 80),
    ("003", "hf_daily_page", 31),
    ("004", "hf_daily_page", 49),
])
def test_seed_format_count_and_no_errors(prefix, fmt, n):
    f = seed(prefix)
    assert detect_format(f) == fmt
    papers, errors = load_all(f)
    assert errors == []
    assert len(papers) == n
    assert all(p.abstract and p.abstract == p.abstract.strip() and "\n" not in p.abstract for p in papers)
    assert all(p.sources[0].format == fmt and p.sources[0].file == str(f) for p in papers)


def test_seed_000_listing():
    papers, _ = load_all(seed("000"))
    # grep -n '^Abstract:' 000_*.txt
    assert [p.sources[0].line for p in papers] == [2, 3, 4, 5, 6, 7, 12, 17, 22, 27]
    assert all(p.title is None and p.id.startswith("sha1:") for p in papers)
    assert papers[0].abstract.startswith("Segmentation of the main coronary artery")
    assert not any(p.abstract.startswith("and Other Contributors") for p in papers)
    assert "\\textbf{" in papers[7].abstract                                # LaTeX kept as written
    assert papers[7].abstract == line(seed("000"), 17).removeprefix("Abstract:").strip()
    assert papers[-1].abstract == line(seed("000"), 27).removeprefix("Abstract:").strip()  # no final newline


def test_seed_001_digest():
    papers, _ = load_all(seed("001"))
    f = seed("001")
    first, last = papers[0], papers[-1]
    assert first.title == line(f, 4)                     # English title line; line 5 is the Chinese one
    assert first.id == "arxiv:2603.18074" and first.sources[0].line == 4
    assert list(first.authors) == line(f, 6).removeprefix("- Authors:").strip().split(", ")
    assert len(first.authors) == 18
    assert first.subjects == tuple(line(f, 8).split("; ")) and len(first.subjects) == 4
    assert first.links == ("https://arxiv.org/abs/2603.18074", "https://arxiv.org/pdf/2603.18074")
    assert first.date == "2026-03-20"
    assert first.abstract == line(f, 12)                 # the line after "- Abstract"
    assert last.title == line(f, 499)
    assert last.arxiv_id == "2603.19191" and last.sources[0].line == 499 and len(last.authors) == 14
    # 46 distinct arXiv ids (grep -o 'arxiv.org/abs/[^ ]*' | sort -u | wc -l), every paper titled,
    # no Chinese text in English fields
    assert len({p.arxiv_id for p in papers}) == 46
    assert all(p.title for p in papers)
    assert not any("中文摘要" in p.abstract or any("\u4e00" <= ch <= "\u9fff" for ch in p.title) for p in papers)


@pytest.mark.parametrize("prefix, n_authors, orgs, n_dates, n_upvotes", [
    # grep -c '^  • [0-9]* authors$'; lines before '·' that are not author lines; grep -c '^·$'
    ("002", 63, ["Orange Team", "DeepGlint", "NVIDIA", "NVIDIA", "MMR1", "Tencent", "Tencent", "Apple",
                 "AI at Meta", "RLinf", "RUC-AIBOX"], 74, 37),
    ("003", 25, ["Qwen", "NVIDIA"], 27, 8),
    ("004", 41, ["NAVER AI Lab", "NVIDIA", "Tongyi-MAI", "Tencent", "Alibaba-NLP"], 46, 10),
])
def test_seed_hf_pages_meta(prefix, n_authors, orgs, n_dates, n_upvotes):
    papers, _ = load_all(seed(prefix))
    assert sum(p.author_count is not None for p in papers) == n_authors
    assert [p.organization for p in papers if p.organization] == orgs
    assert sum(p.date is not None for p in papers) == n_dates
    assert sum(p.upvotes is not None for p in papers) == n_upvotes
    assert all(p.title and len(p.title) < 200 for p in papers)


def test_seed_002_first_and_last_paper():
    f = seed("002")
    papers, _ = load_all(f)
    first, last = papers[0], papers[-1]
    assert first.title == line(f, 13) and first.abstract == line(f, 15)    # title, blank, abstract
    assert (first.sources[0].line, first.author_count, first.date, first.upvotes) == (13, 10, "2025-11-20", 1)
    assert last.title == line(f, last.sources[0].line)
    assert (last.author_count, last.date, last.upvotes) == (4, "Mar 17", 1)
    # the second paper has no meta lines at all: its title follows the first paper's date line
    assert papers[1].sources[0].line == 21 and papers[1].title == line(f, 21)
    assert (papers[1].author_count, papers[1].date, papers[1].upvotes) == (None, None, None)


def test_seed_known_paper_in_two_hf_pages():
    title = line(seed("003"), 157)
    assert title == line(seed("004"), 21)
    in3 = [p for p in load_all(seed("003"))[0] if p.title == title]
    in4 = [p for p in load_all(seed("004"))[0] if p.title == title]
    assert [(p.sources[0].line, p.author_count, p.date) for p in in3] == [(157, 4, "May 16")]
    assert [(p.sources[0].line, p.author_count, p.date) for p in in4] == [(21, 4, "2025-05-16")]


def test_seeds_merge_finds_the_six_cross_file_duplicates():
    records = list(read_paths([SEEDS]))
    assert not any(isinstance(r, RecordError) for r in records)
    assert len(records) == 10 + 46 + 80 + 31 + 49          # 216
    merged = merge(records)
    assert len(merged) == 210
    multi = [p for p in merged if len(p.sources) > 1]
    assert sorted(sorted(Path(s.file).name[:3] for s in p.sources) for p in multi) == (
        [["002", "003"]] * 3 + [["002", "004"]] * 2 + [["003", "004"]])
    for p in multi:  # each merged record carries the same title on every page it came from
        assert {line(Path(s.file), s.line) for s in p.sources} == {p.title}
    gigpo = next(p for p in merged if (str(seed("003")), 157) in {(s.file, s.line) for s in p.sources})
    assert gigpo.date == "2025-05-16" and gigpo.author_count == 4


# --- /work/shared/formats ------------------------------------------------------------------------

def test_format_arxiv_daily_json():
    f = FORMATS_DIR / "arxiv-daily-2025-12-17.json"
    assert detect_format(f) == "arxiv_daily_json"
    papers, errors = load_all(f)
    assert errors == [] and len(papers) == 98                # "count": 98; grep -c '"arxiv_id"' -> 98
    first, raw = papers[0], json.loads(f.read_text(encoding="utf-8"))["papers"][0]
    assert first.id == "arxiv:2512.15258" and first.sources[0].line == 4
    assert first.title == " ".join(raw["title"].split())
    assert list(first.authors) == raw["authors"] and len(first.authors) == 8
    assert first.subjects == ("cs.RO", "cs.AI") and first.date == "2025-12-17"
    assert first.links == ("https://arxiv.org/pdf/2512.15258v1",)
    assert first.abstract == " ".join(raw["summary"].split())


@pytest.mark.parametrize("name, arxiv_id, n_authors, subjects, date", [
    ("arxiv-daily-page-cs-CL-251224693v1.md", "2512.24693", 8, ("cs.CL",), "2025-12-31"),
    ("arxiv-daily-page-cs-LG-250615651v1.md", "2506.15651", 2, ("cs.LG", "cs.AI", "cs.CL"), "2025-06-18"),
])
def test_format_digest_pages(name, arxiv_id, n_authors, subjects, date):
    f = FORMATS_DIR / name
    assert detect_format(f) == "digest_page_md"
    papers, errors = load_all(f)
    assert errors == [] and len(papers) == 1
    (p,) = papers
    text = f.read_text(encoding="utf-8")
    title = re.search(r"^title:\s*[\"']?(.*?)[\"']?\s*$", text, re.M).group(1)   # the front matter's title
    first_quote = re.search(r"^> (.+)$", text, re.M).group(1)                       # the English abstract
    assert (p.arxiv_id, p.title, len(p.authors), p.subjects, p.date) == (arxiv_id, title, n_authors, subjects, date)
    assert p.abstract.startswith(first_quote.strip()[:40])
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in p.abstract)     # the English quote, not the Chinese


def test_format_daily_arxiv_ai_enhanced_jsonl():
    f = FORMATS_DIR / "daily-arxiv-ai-enhanced-2026-04-21.jsonl"
    assert detect_format(f) == "jsonl"
    papers, errors = load_all(f)
    assert errors == [] and len(papers) == 696              # wc -l
    first, raw = papers[0], json.loads(line(f, 1))
    assert first.id == "arxiv:2604.16621"
    assert first.title == raw["title"]
    assert first.subjects == ("cs.CE",) and len(first.authors) == 4
    assert first.links == ("https://arxiv.org/abs/2604.16621", "https://arxiv.org/pdf/2604.16621")
    # the summary's hard wraps become single spaces
    assert "\n" in raw["summary"] and first.abstract == " ".join(raw["summary"].split())
    assert all("\n" not in p.abstract and "  " not in p.abstract for p in papers)
    assert [p.sources[0].line for p in papers[:3]] == [1, 2, 3]
    # the file lists cross-listed papers more than once: 641 distinct ids
    assert len(merge(papers)) == 641


@pytest.mark.parametrize("name, first_id, first_upvotes, org", [
    ("hf-daily-papers-api-2025-09-30.json", "2509.24006", 78, "Tsinghua University"),
    ("hf-daily-papers-api-2026-05-12.json", "2605.09063", 50, "EleutherAI"),
])
def test_format_hf_api_json(name, first_id, first_upvotes, org):
    f = FORMATS_DIR / name
    assert detect_format(f) == "hf_api_json"
    papers, errors = load_all(f)
    assert errors == [] and len(papers) == 50
    first, raw = papers[0], json.loads(f.read_text(encoding="utf-8"))[0]
    got = (first.arxiv_id, first.upvotes, first.title, first.organization)
    assert got == (first_id, first_upvotes, " ".join(raw["paper"]["title"].split()), org)
    assert first.sources[0].line == 2
    assert len({p.id for p in papers}) == 50


def test_corpus_gz_streams():
    f = SHARED / "corpora" / "arxiv-cs-169k.jsonl.gz"
    assert detect_format(f) == "jsonl"
    first_three = list(itertools.islice(read(f), 3))          # does not read the 169k lines
    assert all(isinstance(p, Paper) for p in first_three)
    assert first_three[0].id == "arxiv:2312.00273"
    with gzip.open(f, "rt", encoding="utf-8") as fh:
        assert first_three[0].title == json.loads(fh.readline())["title"]
    assert [p.sources[0].line for p in first_three] == [1, 2, 3]
