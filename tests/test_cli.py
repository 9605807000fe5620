"""The CLI end to end on the example corpus (expected answers from examples/README.md, read by hand)."""
import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()
TEMPOPO = "sha1:f8973b2c7a9c5885"  # E01: proposes TempoPO (extends GRPO), evaluated on AIME 2024


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "ex.kg"
    r = runner.invoke(app, ["build", str(EXAMPLES), "-o", str(out), "--json"])
    assert r.exit_code == 0, r.output
    return out


def invoke_json(*args):
    r = runner.invoke(app, [*args, "--json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_build_reports_papers_and_duplicates(tmp_path):
    out = tmp_path / "g.kg"
    report = invoke_json("build", str(EXAMPLES), "-o", str(out))
    assert report["records"] == 14 and report["papers"] == 13 and report["duplicates"] == 1
    assert report["skipped"] == []
    assert out.exists()


def test_papers_method_and_benchmark_family(graph_file):
    rows = invoke_json("papers", "--method", "GRPO", "--benchmark", "AIME", "-g", str(graph_file))
    assert [r["id"] for r in rows] == [TEMPOPO]
    assert "AIME" in rows[0]["matched"]["benchmark"]["entity"]
    assert rows[0]["matched"]["benchmark"]["evidence"]


def test_passing_mention_of_aime_is_not_an_evaluation(graph_file):
    rows = invoke_json("papers", "--benchmark", "AIME", "-g", str(graph_file))
    assert [r["id"] for r in rows] == [TEMPOPO]


def test_model_family_filter(graph_file):
    rows = invoke_json("papers", "--model", "Qwen2.5", "-g", str(graph_file))
    ids = {r["id"] for r in rows}
    assert TEMPOPO in ids and "arxiv:2601.00013" in ids  # Qwen2.5-7B-Instruct, Qwen2.5-Math-1.5B


def test_show_names_long_form_and_variants(graph_file):
    cards = invoke_json("show", "GRPO", "-g", str(graph_file))
    grpo = next(c for c in cards if c["id"] == "method:grpo")
    assert grpo["long_form"] == "Group Relative Policy Optimization" or \
        "Group Relative Policy Optimization" in grpo["aliases"]
    assert {"TempoPO", "ERGO"} <= set(grpo["built_on_by"])


def test_unknown_name_is_a_one_line_error(graph_file):
    r = runner.invoke(app, ["papers", "--method", "NoSuchMethodXYZ", "-g", str(graph_file)])
    assert r.exit_code == 1
    assert "NoSuchMethodXYZ" in r.output and "Traceback" not in r.output


def test_missing_graph_file_says_how_to_make_one(tmp_path):
    r = runner.invoke(app, ["stats", "-g", str(tmp_path / "none.kg")])
    assert r.exit_code == 1 and "kg build" in r.output


def test_stats_and_export(graph_file, tmp_path):
    s = invoke_json("stats", "-g", str(graph_file))
    assert s["nodes"]["Paper"] == 13
    r = runner.invoke(app, ["export", str(graph_file), "--format", "graphml", "-o", str(tmp_path / "g.graphml")])
    assert r.exit_code == 0 and (tmp_path / "g.graphml").exists()


@pytest.mark.parametrize("command", sorted(c.name or c.callback.__name__ for c in app.registered_commands))
def test_every_command_has_help(command):
    r = runner.invoke(app, [command, "--help"])
    assert r.exit_code == 0
    assert len(r.output.strip().splitlines()) > 3


def test_cypher_runs_on_the_graph_file_without_a_server(graph_file):
    rows = invoke_json("cypher", "MATCH (p:Paper)-[:PROPOSES]->(m:Method {name: $m}) RETURN p.id AS id",
                       "-p", "m=TempoPO", "-g", str(graph_file))
    assert rows == [{"id": TEMPOPO}]
    r = runner.invoke(app, ["cypher", "CREATE (:Paper {id: 'x'})", "-g", str(graph_file)])
    assert r.exit_code == 1 and "Traceback" not in r.output


def test_named_query_on_the_graph_file(graph_file):
    rows = invoke_json("query", "papers-using-method-on-benchmark", "-p", "method=GRPO", "-p", "benchmark=AIME",
                       "-g", str(graph_file))
    assert len(rows) == 1 and TEMPOPO in json.dumps(rows)
