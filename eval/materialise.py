"""Join the held-out annotations in this folder with their titles and abstracts from the arXiv corpus.

The annotation files hold only ids and annotations (the repository keeps no text from the corpus), in a
compact form: ``e`` maps type -> ``c`` (core) / ``o`` (optional) -> ``[name, alias, ...]`` lists, and ``r``
holds the relations under their first three letters (``pro``, ``bui``, ``eva``, ``com``, ``use``, ``res``).
This writes, for each set, a gold file in ``../shared/eval/GUIDELINES.md`` format (what ``score.py`` reads)
and a papers file ``kg build`` reads; for a set in ``second/`` (another annotator's work on the same papers),
also ``second-heldout-X.jsonl``.

usage: python eval/materialise.py [--corpus ../shared/corpora/arxiv-cs-169k.jsonl.gz] [--out out/eval]
"""
from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = sorted(HERE.glob("heldout-*.jsonl"))
SECOND = sorted((HERE / "second").glob("heldout-*.jsonl"))  # a second, independent annotation of some sets
RELATIONS = sorted(["builds_on", "compared_with", "evaluated_on", "proposes", "results", "uses_model"])


def expand(row: dict) -> dict:
    """The compact annotation as a gold line (without title and abstract)."""
    gold: dict = {"core": {}, "optional": {}}
    for kind, sections in row["e"].items():
        for short, section in (("c", "core"), ("o", "optional")):
            for name, *aliases in sections.get(short, []):
                gold[section].setdefault(kind, []).append({"name": name, "aliases": aliases})
    for rel in RELATIONS:
        gold[rel] = row["r"].get(rel[:3], [])
    return gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(HERE.parent.parent / "shared" / "corpora" / "arxiv-cs-169k.jsonl.gz"))
    ap.add_argument("--out", default="out/eval")
    a = ap.parse_args()
    wanted = {json.loads(line)["id"] for f in SETS + SECOND for line in f.open(encoding="utf-8") if line.strip()}
    text: dict[str, dict] = {}
    with gzip.open(a.corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in wanted:
                text[r["id"]] = {"title": r.get("title"), "abstract": r.get("abstract")}
    missing = wanted - text.keys()
    if missing:
        raise SystemExit(f"{a.corpus}: {len(missing)} annotated ids not found, e.g. {sorted(missing)[:3]}")
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for f in SETS:
        rows = [json.loads(line) for line in f.open(encoding="utf-8") if line.strip()]
        with (out / f.name).open("w", encoding="utf-8") as gold, \
                (out / f.name.replace(".jsonl", "-papers.jsonl")).open("w", encoding="utf-8") as papers:
            for r in rows:
                t = text[r["id"]]
                gold.write(json.dumps({"id": r["id"], **t, **expand(r)}, ensure_ascii=False) + "\n")
                papers.write(json.dumps({"id": r["id"], **t}, ensure_ascii=False) + "\n")
        print(f"{out / f.name}: {len(rows)} papers")
    for f in SECOND:
        with (out / f"second-{f.name}").open("w", encoding="utf-8") as gold:
            for line in f.open(encoding="utf-8"):
                if line.strip():
                    r = json.loads(line)
                    gold.write(json.dumps({"id": r["id"], **text[r["id"]], **expand(r)}, ensure_ascii=False) + "\n")
        print(f"{out / f'second-{f.name}'}: second annotation")


if __name__ == "__main__":
    main()
