"""Format detection, read(), read_paths() and gzip support."""
import gzip
import shutil
from pathlib import Path

import pytest

import loaders
from loaders import FORMATS, UnknownFormat, detect_format, read, read_paths
from schemas import Paper, RecordError

FIX = Path(__file__).parents[1] / "fixtures" / "loaders"


def test_formats_list():
    assert sorted(FORMATS) == sorted([
        "arxiv_listing", "daily_digest", "hf_daily_page", "jsonl", "hf_api_json", "arxiv_daily_json",
        "digest_page_md"])


@pytest.mark.parametrize("name, fmt", [
    ("listing.txt", "arxiv_listing"),
    ("dup_listing.txt", "arxiv_listing"),
    ("digest.txt", "daily_digest"),
    ("hf_page.txt", "hf_daily_page"),
    ("papers.jsonl", "jsonl"),
    ("dup_records.jsonl", "jsonl"),
    ("hf_api.json", "hf_api_json"),
    ("arxiv_daily.json", "arxiv_daily_json"),
    ("page.md", "digest_page_md"),
    ("page_no_abstract.md", "digest_page_md"),
])
def test_detect_format_fixtures(name, fmt):
    assert detect_format(FIX / name) == fmt


@pytest.mark.parametrize("name, fmt", [
    ("digest.txt", "daily_digest"), ("hf_page.txt", "hf_daily_page"), ("papers.jsonl", "jsonl"),
    ("hf_api.json", "hf_api_json"), ("arxiv_daily.json", "arxiv_daily_json"), ("page.md", "digest_page_md"),
])
def test_detect_format_by_content_not_suffix(tmp_path, name, fmt):
    f = tmp_path / "data.txt"          # every file renamed to .txt, like the seed files
    shutil.copy(FIX / name, f)
    assert detect_format(f) == fmt


def test_unknown_format_names_file_and_known_formats():
    with pytest.raises(UnknownFormat) as exc:
        detect_format(FIX / "unknown.txt")
    msg = str(exc.value)
    assert "unknown.txt" in msg
    for name in FORMATS:
        assert name in msg
    assert isinstance(exc.value, ValueError)


def test_empty_file_is_unknown(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("")
    with pytest.raises(UnknownFormat, match="empty"):
        detect_format(f)


def test_read_with_unknown_format_name():
    with pytest.raises(UnknownFormat, match="nope"):
        read(FIX / "listing.txt", format="nope")


def test_read_with_explicit_format_overrides_detection():
    records = list(read(FIX / "listing.txt", format="arxiv_listing"))
    assert len(records) == 4


def test_jsonl_suffix_is_a_hint_when_first_line_is_broken(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text('not json at all\n{"abstract": "An abstract of one sentence."}\n')
    assert detect_format(f) == "jsonl"
    records = list(read(f))
    assert isinstance(records[0], RecordError) and records[0].line == 1
    assert isinstance(records[1], Paper) and records[1].sources[0].line == 2


@pytest.mark.parametrize("name", ["papers.jsonl", "listing.txt", "digest.txt", "hf_page.txt", "hf_api.json",
                                  "arxiv_daily.json", "page.md"])
def test_gzip_is_transparent(tmp_path, name):
    gz = tmp_path / (name + ".gz")
    gz.write_bytes(gzip.compress((FIX / name).read_bytes()))
    plain = list(read(FIX / name))
    zipped = list(read(gz))
    assert detect_format(gz) == detect_format(FIX / name)
    assert len(zipped) == len(plain) > 0
    for a, b in zip(plain, zipped, strict=True):
        if isinstance(a, Paper):
            assert a.model_dump(exclude={"sources"}) == b.model_dump(exclude={"sources"})
            assert b.sources[0].file == str(gz) and b.sources[0].line == a.sources[0].line
        else:
            assert (a.line, a.message) == (b.line, b.message)


def test_gzip_without_gz_suffix(tmp_path):
    f = tmp_path / "papers.data"
    f.write_bytes(gzip.compress((FIX / "papers.jsonl").read_bytes()))
    assert detect_format(f) == "jsonl"
    assert sum(isinstance(r, Paper) for r in read(f)) == 3


def test_read_paths_walks_sorted_and_skips_hidden(tmp_path):
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    (d / ".hidden").mkdir()
    shutil.copy(FIX / "listing.txt", d / "b.txt")
    shutil.copy(FIX / "papers.jsonl", d / "sub" / "a.jsonl")
    shutil.copy(FIX / "dup_listing.txt", d / "a.txt")
    shutil.copy(FIX / "dup_listing.txt", d / ".secret.txt")
    shutil.copy(FIX / "dup_listing.txt", d / ".hidden" / "x.txt")
    (d / "README.md").write_text("# notes\n")
    (d / "notes.txt").write_text("just some words\n")
    records = list(read_paths([d]))
    files = [Path(r.sources[0].file if isinstance(r, Paper) else r.file).name for r in records]
    # a.txt (2 records), b.txt (4), notes.txt (1 error), sub/a.jsonl (7); README.md passed over
    assert files == ["a.txt"] * 2 + ["b.txt"] * 4 + ["notes.txt"] + ["a.jsonl"] * 7
    notes_err = records[6]
    assert isinstance(notes_err, RecordError) and "cannot tell the format" in notes_err.message


def test_read_paths_mixes_files_and_dirs(tmp_path):
    records = list(read_paths([FIX / "dup_listing.txt", FIX / "dup_records.jsonl"]))
    assert len(records) == 6
    assert all(isinstance(r, Paper) for r in records)


def test_read_paths_named_unknown_file_raises():
    with pytest.raises(UnknownFormat):
        list(read_paths([FIX / "unknown.txt"]))


def test_public_api():
    for name in ("FORMATS", "UnknownFormat", "detect_format", "read", "read_paths", "merge", "paper_id",
                 "abstract_key"):
        assert hasattr(loaders, name)
