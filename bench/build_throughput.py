"""Build throughput on the seed corpus repeated to N abstracts (default 10,000).

Each phase runs in its own process (peak RSS is per process) and the figures that matter are ratios
within this one run, since the machine is shared:
  - tokenize: spaCy's blank English tokenizer alone over the same texts (the floor);
  - extract:  the full extraction pipeline (nlp.pipe + mentions + relations);
  - build:    extraction + linking + graph building + writing the graph file.

usage: python bench/build_throughput.py [--n 10000] [--seeds ../shared/seeds] [--out bench/results/build_throughput.json]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(seeds: Path, n: int):
    import loaders
    from schemas import Paper

    base = loaders.merge(r for r in loaders.read_paths([seeds]) if isinstance(r, Paper))
    for i in range(n):
        p = base[i % len(base)]
        yield Paper(id=f"bench:{i}", title=p.title, abstract=p.abstract)


def phase(name: str, seeds: Path, n: int) -> dict:
    papers = list(corpus(seeds, n))
    t0 = time.perf_counter()
    if name == "tokenize":
        from kg.extraction.tokenizer import blank_english

        nlp = blank_english()
        for _ in nlp.pipe((p.abstract for p in papers), batch_size=64):
            pass
    elif name == "extract":
        from kg.extraction.pipeline import Extractor

        ex = Extractor()
        t0 = time.perf_counter()  # lexicon compile is a one-off, timed separately below
        for _ in ex.extract(papers):
            pass
    elif name == "build":
        from kg.extraction.lexicon import load_lexicon
        from kg.extraction.pipeline import Extractor
        from kg.graph import GraphBuilder
        from kg.linking import Linker
        from kg.store import save_graph

        lex = load_lexicon()
        ex = Extractor(lex)
        t0 = time.perf_counter()
        b = GraphBuilder(Linker(lex))
        for p, e in zip(papers, ex.extract(papers)):
            b.add(p, e)
        G = b.finish()
        with tempfile.TemporaryDirectory() as d:
            save_graph(G, Path(d) / "bench.kg")
    elif name == "startup":
        from kg.extraction.pipeline import Extractor

        Extractor()
    secs = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"phase": name, "abstracts": n, "seconds": round(secs, 3),
            "abstracts_per_s": round(n / secs, 1) if name != "startup" else None, "peak_rss_mb": round(peak_mb, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "build_throughput.json")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.phase:
        print(json.dumps(phase(a.phase, a.seeds, a.n)))
        return
    rows = []
    for name in ("startup", "tokenize", "extract", "build"):
        r = subprocess.run([sys.executable, __file__, "--phase", name, "--n", str(a.n), "--seeds", str(a.seeds)],
                           capture_output=True, text=True, check=True, cwd=ROOT)
        rows.append(json.loads(r.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]))
    by = {r["phase"]: r for r in rows}
    summary = {
        "rows": rows,
        "extract_vs_tokenize": round(by["extract"]["abstracts_per_s"] / by["tokenize"]["abstracts_per_s"], 3),
        "build_vs_extract": round(by["build"]["abstracts_per_s"] / by["extract"]["abstracts_per_s"], 3),
    }
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(summary, indent=1) + "\n")
    print(f"extraction runs at {summary['extract_vs_tokenize']:.3f}x the bare tokenizer's rate; "
          f"the whole build at {summary['build_vs_extract']:.3f}x extraction's")


if __name__ == "__main__":
    main()
