"""eval/typing_experiment.py learns what the rules miss on made-up rows (so its 'no gain' result is a
measurement, not a broken learner)."""
import importlib.util

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("typing_experiment", ROOT / "eval" / "typing_experiment.py")
te = importlib.util.module_from_spec(spec)
spec.loader.exec_module(te)


def _row(i: int, name: str, kind: str, label: str) -> dict:
    return {"paper": f"p{i}", "name": name, "kind": kind, "origins": {"shape"}, "long": None,
            "ctx": [(f"We evaluate on {name} today.", name)], "label": label}


def test_the_learner_fixes_a_kind_the_rules_always_get_wrong():
    # the rules call every *-Vault name a Method; the gold says Dataset, and the name's last part shows it
    data = [_row(i, f"Q{i}-Vault", "Method", "Dataset") for i in range(40)]
    data += [_row(40 + i, f"Q{i}-Net", "Method", "Method") for i in range(40)]
    got = te.cross_validate(data, rule_kind=False)
    assert got["names"] == 80 and got["rules right"] == 40
    assert got["model right"] >= 76


def test_features_are_stable_hashes():
    row = _row(0, "FooBench-2", "Benchmark", "Benchmark")
    assert te.features(row) == te.features(dict(row))
    assert te.features(row) != te.features(row, rule_kind=False)
