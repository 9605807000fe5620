"""Extraction throughput of this checkout against an earlier commit, measured in one run.

The two versions run alternately (base, current, base, current, ...), each in its own process on the same
10,000 abstracts, and the result is the ratio of their medians — the only kind of figure this shared
machine can show. The earlier commit is checked out into a temporary git worktree.

usage: python bench/compare_versions.py BASE_REV [--n 10000] [--rounds 3]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_phase(src: Path, n: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run([sys.executable, str(src / "bench" / "build_throughput.py"), "--phase", "extract",
                          "--n", str(n), "--seeds", str(ROOT.parent / "shared" / "seeds")],
                         capture_output=True, text=True, check=True, cwd=src, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])["abstracts_per_s"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "compare_versions.json")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wt = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(wt), a.base], cwd=ROOT, check=True)
        try:
            base, cur = [], []
            for _ in range(a.rounds):
                base.append(run_phase(wt, a.n))
                cur.append(run_phase(ROOT, a.n))
                print(f"base {base[-1]:.1f}/s  current {cur[-1]:.1f}/s", flush=True)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(wt)], cwd=ROOT, check=False)
    res = {"base": a.base, "abstracts": a.n, "base_per_s": base, "current_per_s": cur,
           "ratio_current_to_base": round(statistics.median(cur) / statistics.median(base), 3)}
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(res, indent=1) + "\n")
    print(f"current extraction throughput = {res['ratio_current_to_base']:.3f} x {a.base}'s")


if __name__ == "__main__":
    main()
