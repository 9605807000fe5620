"""eval/gold_graph.py turns one annotator's gold lines into a graph that the shared scorer reads, so two
annotators of the same abstracts can be scored against each other (made-up annotations throughout)."""
import importlib.util
import json
import subprocess
import sys

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("gold_graph", ROOT / "eval" / "gold_graph.py")
gg = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gg)
SCORE = ROOT.parent / "shared" / "tools" / "score.py"


def _line(**over) -> dict:
    line = {"id": "2601.00001", "title": "Tidal Mixing for Small Planners",
            "abstract": "We propose TideMix, which extends PPO. TideMix reaches 71.5% on FooBench.",
            "core": {"method": [{"name": "TideMix", "aliases": []}, {"name": "PPO", "aliases": []}],
                     "benchmark": [{"name": "FooBench", "aliases": []}]},
            "optional": {"method": [{"name": "mixing schedule", "aliases": []}]},
            "proposes": ["TideMix"], "builds_on": [["TideMix", "PPO"]], "evaluated_on": ["FooBench"],
            "compared_with": [], "uses_model": [],
            "results": [{"subject": "TideMix", "benchmark": "FooBench", "value": "71.5%", "metric": None}]}
    line.update(over)
    return line


def _score(tmp_path, ref: dict, other: dict) -> dict:
    (tmp_path / "ref.jsonl").write_text(json.dumps(ref) + "\n")
    (tmp_path / "other.json").write_text(json.dumps(gg.gold_graph([other])))
    out = subprocess.run([sys.executable, str(SCORE), str(tmp_path / "ref.jsonl"), str(tmp_path / "other.json"),
                          "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_an_annotation_scored_against_itself_is_perfect(tmp_path):
    got = _score(tmp_path, _line(), _line())
    assert got["entities_typed_f1"] == 1.0 and got["relations_f1"] == 1.0
    assert got["relations"]["builds_on"]["f1"] == 1.0 and got["relations"]["results"]["f1"] == 1.0


def test_a_disagreement_on_type_and_on_a_base_costs_the_other_annotator(tmp_path):
    other = _line(core={"method": [{"name": "TideMix", "aliases": []}, {"name": "PPO", "aliases": []}],
                        "dataset": [{"name": "FooBench", "aliases": []}]}, builds_on=[])
    got = _score(tmp_path, _line(), other)
    assert got["entities"]["benchmark"]["f1"] == 0.0  # FooBench typed as a dataset
    assert got["entities"]["method"]["f1"] == 1.0
    assert got["relations"]["builds_on"]["f1"] == 0.0


def test_optional_entities_are_predictions_only_when_asked():
    graph = gg.gold_graph([_line()])
    shown = {e["target"] for e in graph["edges"] if e["rel"] == "MENTIONS"}
    assert not any(":optional:" in t for t in shown)
    graph = gg.gold_graph([_line()], with_optional=True)
    assert any(":optional:" in e["target"] for e in graph["edges"] if e["rel"] == "MENTIONS")
