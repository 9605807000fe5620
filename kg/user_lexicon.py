"""The user's lexicon: edits that later builds apply on top of the shipped lexicon, so a wrong merge or a
wrong type is fixed without touching code.

The file is JSON Lines in ``$KG_USER_LEXICON``, else ``~/.config/kg/lexicon.jsonl``. Each line is an entry
(``{"id", "kind", "name", "aliases", ...}``: add or replace) or an edit
(``{"action": "alias"|"split"|"remove", ...}``), applied in order by :func:`kg.extraction.lexicon.load_lexicon`.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from kg.errors import LexiconError
from kg.extraction.lexicon import KINDS, load_lexicon, read_lines
from kg.store import atomic_write
from kg.text import slug


def user_lexicon_path() -> Path:
    env = os.environ.get("KG_USER_LEXICON")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))
    return base / "kg" / "lexicon.jsonl"


def user_lexicon_paths() -> list[Path]:
    p = user_lexicon_path()
    return [p] if p.exists() else []


def read_edits(path: Path | None = None) -> list[dict]:
    path = path or user_lexicon_path()
    return [obj for _, obj in read_lines(path)] if path.exists() else []


def _append(obj: dict, path: Path | None) -> dict:
    path = path or user_lexicon_path()
    lines = read_edits(path) + [obj]
    blob = "".join(json.dumps(o, ensure_ascii=False, sort_keys=True) + "\n" for o in lines).encode("utf-8")
    atomic_write(path, lambda fh: fh.write(blob))
    load_lexicon([path])  # the file must still apply cleanly; raises LexiconError naming the line otherwise
    return obj


def _known(entry_id: str, path: Path | None) -> None:
    lex = load_lexicon([path or user_lexicon_path()])
    if entry_id not in lex.entries:
        raise LexiconError(f"no lexicon entry {entry_id!r}; `kg show NAME --json` gives an entity's id")


def add(name: str, kind: str, aliases: list[str] | None = None, family: str | None = None,
        description: str | None = None, entry_id: str | None = None, path: Path | None = None) -> dict:
    """Add (or replace, when the id exists) an entity: ``kg lexicon add "ReMax" --kind Method``."""
    if kind not in KINDS:
        raise LexiconError(f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    obj = {"id": entry_id or f"{kind.lower()}:{slug(name)}", "kind": kind, "name": name,
           "aliases": list(aliases or []), "family": family, "description": description}
    return _append(obj, path)


def alias(entry_id: str, new_alias: str, path: Path | None = None) -> dict:
    """Make ``new_alias`` another name of the entry (merge what was split)."""
    _known(entry_id, path)
    return _append({"action": "alias", "id": entry_id, "alias": new_alias}, path)


def split(entry_id: str, old_alias: str, kind: str | None = None, path: Path | None = None) -> dict:
    """Stop ``old_alias`` meaning the entry; it becomes an entity of its own (undo a wrong merge)."""
    _known(entry_id, path)
    lex = load_lexicon([path or user_lexicon_path()])
    new_kind = kind or lex.entries[entry_id].kind
    return _append({"action": "split", "id": entry_id, "alias": old_alias, "kind": new_kind,
                    "new_id": f"{new_kind.lower()}:{slug(old_alias)}"}, path)
