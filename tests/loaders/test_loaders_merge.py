"""Merging the records of one paper across files (loaders.merge)."""
from pathlib import Path

import pytest

from loaders import merge, read_paths
from loaders.ids import abstract_key
from schemas import Paper, RecordError, Source

FIX = Path(__file__).parents[1] / "fixtures" / "loaders"


def P(abstract, *, title=None, arxiv_id=None, file="f", line=1, **kw):
    pid = f"arxiv:{arxiv_id}" if arxiv_id else "sha1:" + abstract_key(abstract)
    return Paper(id=pid, abstract=abstract, title=title, arxiv_id=arxiv_id,
                 sources=(Source(file=file, line=line, format="t"),), **kw)


def test_same_abstract_merges_and_keeps_arxiv_id():
    a = P("Orbit Replay stores trajectories.", file="a", line=3)
    b = P("orbit  replay stores TRAJECTORIES.", title="Orbit Replay", arxiv_id="2601.00061", file="b", line=9,
          authors=("X Y",))
    (m,) = merge([a, b])
    assert m.id == "arxiv:2601.00061" and m.arxiv_id == "2601.00061"
    assert m.title == "Orbit Replay" and m.authors == ("X Y",)
    assert m.abstract == "Orbit Replay stores trajectories."       # first non-empty
    assert m.sources == (Source(file="a", line=3, format="t"), Source(file="b", line=9, format="t"))


def test_same_arxiv_id_merges_fields():
    a = P("Version one.", arxiv_id="2601.00001", subjects=("cs.LG",), links=("u1",), date="Jan 3")
    b = P("Version two.", arxiv_id="2601.00001", subjects=("cs.AI", "cs.LG"), links=("u1", "u2"),
          date="2026-01-03", upvotes=4, organization="Org")
    (m,) = merge([a, b])
    assert m.abstract == "Version one."
    assert m.subjects == ("cs.LG", "cs.AI") and m.links == ("u1", "u2")
    assert m.date == "2026-01-03"                                     # a date with a year wins
    assert (m.upvotes, m.organization) == (4, "Org")


def test_same_title_merges_only_when_both_have_titles():
    a = P("Abstract A.", title="Quiet Critics: Value Heads", line=1)
    b = P("Abstract B.", title="quiet critics -- value heads", line=2)
    c = P("Abstract C.", line=3)
    out = merge([a, b, c])
    assert len(out) == 2
    assert len(out[0].sources) == 2 and out[1].abstract == "Abstract C."


def test_different_arxiv_ids_never_merge():
    a = P("Same words.", title="Same Title", arxiv_id="2601.00010")
    b = P("Same words.", title="Same Title", arxiv_id="2601.00099")
    assert [m.id for m in merge([a, b])] == ["arxiv:2601.00010", "arxiv:2601.00099"]


def test_chain_of_matches_is_one_paper_in_first_appearance_order():
    x = P("Unrelated first.")
    a = P("Text A.", title="Title One", file="a")
    b = P("Text B.", file="b")
    c = P("Text B.", title="Title One", arxiv_id="2601.00005", file="c")   # links a (title) and b (abstract)
    out = merge([x, a, b, c])
    assert [m.abstract for m in out] == ["Unrelated first.", "Text A."]
    assert [s.file for s in out[1].sources] == ["a", "b", "c"]
    assert out[1].id == "arxiv:2601.00005"


def test_the_same_record_read_twice_keeps_one_source():
    a = P("Read twice.", file="x", line=5)
    (m,) = merge([a, a])
    assert m.sources == a.sources


def test_merge_rejects_record_errors():
    with pytest.raises(TypeError, match="RecordError"):
        merge([RecordError(file="f", line=1, message="m")])


def test_dedup_across_fixture_files():
    files = [FIX / "digest.txt", FIX / "hf_page.txt", FIX / "papers.jsonl", FIX / "dup_listing.txt",
             FIX / "dup_records.jsonl"]
    papers = [r for r in read_paths(files) if isinstance(r, Paper)]
    # digest 2 + hf page 5 + papers.jsonl 3 + dup_listing 2 + dup_records 4 papers read
    assert len(papers) == 16
    merged = merge(papers)
    # Ripple Rewards (arXiv id), Quiet Critics (title), Orbit Replay (abstract) each merge two records;
    # the second "Counting Rollouts" has another arXiv id and stays separate
    assert len(merged) == 13
    by_title = {m.title: m for m in merged if m.title}
    ripple = by_title["Ripple Rewards: Propagating Sparse Feedback Through Dialogue Trees"]
    assert [(Path(s.file).name, s.line) for s in ripple.sources] == [("digest.txt", 4), ("dup_records.jsonl", 2)]
    assert ripple.subjects == ("Computation and Language (cs.CL)", "Machine Learning (cs.LG)", "Digital Libraries (cs.DL)", "cs.MA")
    quiet = by_title["Quiet Critics: Value Heads That Know When to Abstain"]
    assert [(Path(s.file).name, s.line) for s in quiet.sources] == [("hf_page.txt", 27), ("dup_records.jsonl", 3)]
    assert quiet.organization == "Acme Research Lab" and quiet.date == "2025-12-02"
    orbit = next(m for m in merged if "Orbit Replay" in m.abstract)
    assert orbit.id == "arxiv:2601.00061" and orbit.title == "Orbit Replay"
    assert [(Path(s.file).name, s.line) for s in orbit.sources] == [("dup_listing.txt", 1), ("dup_records.jsonl", 1)]
    assert sorted(m.arxiv_id for m in merged if m.title == "Counting Rollouts") == ["2601.00010", "2601.00099"]
