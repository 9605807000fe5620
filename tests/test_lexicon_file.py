"""The shipped lexicon is one entry per canonical entity."""
import json
from pathlib import Path

LEXICON = Path(__file__).resolve().parent.parent / "kg" / "data" / "lexicon.jsonl"


def test_every_id_is_written_once():
    ids = [json.loads(line)["id"] for line in LEXICON.open(encoding="utf-8") if line.strip()]
    assert len(ids) > 2000 and sorted(i for i in set(ids) if ids.count(i) > 1) == []
