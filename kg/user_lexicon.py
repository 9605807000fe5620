"""Where the user's lexicon edits live: ``$KG_USER_LEXICON``, else ``~/.config/kg/lexicon.jsonl``."""
from __future__ import annotations

import os
from pathlib import Path


def user_lexicon_path() -> Path:
    env = os.environ.get("KG_USER_LEXICON")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))
    return base / "kg" / "lexicon.jsonl"


def user_lexicon_paths() -> list[Path]:
    p = user_lexicon_path()
    return [p] if p.exists() else []
