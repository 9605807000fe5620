"""Pick papers for new held-out sets from the arXiv corpus: ids 2504–2608 that no gold set holds yet.

Each set takes 40 papers whose id ends in its digit group, drawn with one seeded ``random.Random`` from
three keyword pools (LLM agents 13, other LLM papers 19, RL without LLMs 8: the mix of the earlier sets).
``--mix rl`` draws from reinforcement-learning papers only, as the two dev sets are (RL with LLMs 27, RL
without LLMs 13: about the 41 to 19 of dev-gold-arxiv).
Writes one ``<name>-papers.jsonl`` per set (id, title, abstract) for annotators, into --out (never the
repository, which keeps no corpus text).

usage: python eval/sample_papers.py --seed 1093 --names by bz ca cb cc cd ce cf --out /tmp/new-sets
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
DIGIT_GROUPS = ["0", "1", "2", "3", "4", "5", "67", "89"]
QUOTA = {"agent": 13, "llm": 19, "rl": 8}
RL_QUOTA = {"rl-llm": 27, "rl": 13}
_LLM = re.compile(r"\b(?:llms?|(?:large |vision[- ])?language models?|vlms?|mllms?)\b", re.I)
_AGENT = re.compile(r"\bagent(?:s|ic)?\b", re.I)
_RL = re.compile(r"reinforcement learning|\bRL\b|\bpolicy (?:optimi[sz]ation|gradient)", re.I)


def pool(text: str) -> str | None:
    """Which keyword pool a title + abstract falls in, if any."""
    if _LLM.search(text):
        return "agent" if _AGENT.search(text) else "llm"
    return "rl" if _RL.search(text) else None


_RL_ANY = re.compile(r"reinforcement learning|\bRL(?:VR|HF|AIF)?\b|\bGRPO\b|\bPPO\b"
                     r"|\bpolicy (?:optimi[sz]ation|gradient)", re.I)


def rl_pool(text: str) -> str | None:
    """The pool of ``--mix rl``: RL papers with or without LLMs."""
    if not _RL_ANY.search(text):
        return None
    return "rl-llm" if _LLM.search(text) else "rl"


def taken_ids() -> set[str]:
    """Ids (and titles, for the seeds, which have no arXiv id) already in some gold set."""
    ids: set[str] = set()
    files = list(HERE.glob("heldout-*.jsonl")) + list((HERE / "second").glob("*.jsonl"))
    files += [SHARED / "eval" / "dev-gold.jsonl", SHARED / "eval" / "dev-gold-arxiv.jsonl"]
    for f in files:
        for line in f.open(encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                ids.add(r["id"])
                if r.get("title"):
                    ids.add(r["title"].strip().lower())
    return ids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(SHARED / "corpora" / "arxiv-cs-169k.jsonl.gz"))
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--names", nargs=len(DIGIT_GROUPS), required=True, help="one set name per digit group")
    ap.add_argument("--out", required=True)
    ap.add_argument("--mix", choices=["broad", "rl"], default="broad", help="the earlier sets' mix, or RL papers only")
    a = ap.parse_args()
    pool_of, quota = (rl_pool, RL_QUOTA) if a.mix == "rl" else (pool, QUOTA)
    taken = taken_ids()
    pools: dict[tuple[str, str], list[dict]] = {}
    with gzip.open(a.corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            pid, title = r["id"], (r.get("title") or "")
            if not ("2504" <= pid[:4] <= "2608") or pid in taken or title.strip().lower() in taken:
                continue
            p = pool_of(f"{title} {r.get('abstract') or ''}")
            group = next((g for g in DIGIT_GROUPS if pid[-1] in g), None)
            if p and group:
                pools.setdefault((group, p), []).append({"id": pid, "title": title, "abstract": r.get("abstract")})
    rng = random.Random(a.seed)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for group, name in zip(DIGIT_GROUPS, a.names):
        chosen = [r for p, n in quota.items() for r in rng.sample(sorted(pools[(group, p)], key=lambda r: r["id"]), n)]
        with (out / f"{name}-papers.jsonl").open("w", encoding="utf-8") as fh:
            for r in chosen:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{out / f'{name}-papers.jsonl'}: {len(chosen)} papers (ids ending in {', '.join(group)})")


if __name__ == "__main__":
    main()
