"""The user's seed files end to end. Expected answers were read off the abstracts by hand: the seeds hold
10 + 46 + 80 + 31 + 49 = 216 records (counted with grep), six of them the same paper on two HF pages; and
exactly three abstracts both use GRPO and report results on an AIME benchmark: the papers proposing NGRPO
(outperforms GRPO, results on AIME 2025), SPO (beats GRPO, +4.4 pp on AIME 25) and rStar2-Agent (its
GRPO-RoC algorithm is a GRPO variant; pass@1 on AIME24/AIME25). A fourth abstract uses GRPO but names AIME
only in passing ("e.g., AIME") and must not be listed."""
import pytest

from kg.build import build_graph
from queries import papers, show
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seeds():
    return build_graph([SEEDS])


def proposer_of(G, name, long_form=None):
    return {u for u, v, k in G.edges(keys=True) if k == "PROPOSES" and G.nodes[v]["name"] == name
            and (long_form is None or (G.nodes[v].get("long_form") or "").lower() == long_form.lower())}


def test_every_record_is_read_and_duplicates_merge(seeds):
    G, report = seeds
    assert report.records == 216 and report.errors == []
    assert report.papers == 210 and report.duplicates == 6
    assert sum(1 for _, d in G.nodes(data=True) if d["kind"] == "Paper") == 210


def test_grpo_on_aime_is_exactly_the_three_papers(seeds):
    G, _ = seeds
    expected = proposer_of(G, "NGRPO") | proposer_of(G, "SPO", "Single-stream Policy Optimization") | proposer_of(G, "rStar2-Agent")
    assert len(expected) == 3
    rows = papers(G, method="GRPO", benchmark="AIME")
    assert {r["id"] for r in rows} == expected
    assert all(r["matched"]["benchmark"]["evidence"] for r in rows)


def test_show_grpo_names_long_form_and_variants(seeds):
    G, _ = seeds
    card = next(c for c in show(G, "GRPO") if c["id"] == "method:grpo")
    assert card["long_form"] == "Group Relative Policy Optimization"
    assert {"NGRPO", "XRPO"} <= set(card["built_on_by"])


def test_two_arpos_stay_apart(seeds):
    G, _ = seeds
    long_forms = {c["long_form"] for c in show(G, "ARPO")}
    assert {"Agentic Reinforced Policy Optimization", "Agentic Replay Policy Optimization"} <= long_forms


def test_named_query_and_kg_papers_agree(seeds, tmp_path):
    """`kg papers` (NetworkX look-up) and the named Cypher query (embedded engine) are one truth."""
    from kg.store import save_graph
    from queries.library import run_query

    G, _ = seeds
    path = tmp_path / "seeds.kg"
    save_graph(G, path)
    for method, benchmark in [("GRPO", "AIME"), ("AEPO", "GAIA"), ("ARPO", "OSWorld"), ("GRPO", "MATH-500")]:
        rows = run_query("papers-using-method-on-benchmark", {"method": method, "benchmark": benchmark},
                         "embedded", graph=path)
        assert {r["paper"] for r in rows} == {r["id"] for r in papers(G, method=method, benchmark=benchmark)}
