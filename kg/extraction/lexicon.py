"""The curated lexicon: one entry per canonical entity (kind, name, aliases, family, description).

Shipped as package data (``kg/data/lexicon.jsonl``); a user lexicon (same format, plus ``"action"`` lines
written by ``kg lexicon``) is applied on top.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from kg.errors import LexiconError
from kg.text import norm

KINDS = {"Method", "Model", "Benchmark", "Dataset", "Task", "Metric"}


@dataclass(frozen=True)
class LexEntry:
    id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    family: str | None = None
    description: str | None = None

    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class Lexicon:
    """Entries by id, with an index from normalised surface form to ids."""

    entries: dict[str, LexEntry] = field(default_factory=dict)
    _by_norm: dict[str, list[str]] = field(default_factory=dict)

    def add(self, e: LexEntry) -> None:
        self.__dict__.pop("_names_cache", None)
        if e.kind not in KINDS:
            raise LexiconError(f"entry {e.id}: kind {e.kind!r} is not one of {sorted(KINDS)}")
        old = self.entries.get(e.id)
        if old is not None:
            self._unindex(old)
        self.entries[e.id] = e
        for f in e.forms():
            ids = self._by_norm.setdefault(norm(f), [])
            if e.id not in ids:
                ids.append(e.id)

    def remove(self, entry_id: str) -> None:
        self.__dict__.pop("_names_cache", None)
        old = self.entries.pop(entry_id, None)
        if old is not None:
            self._unindex(old)

    def _unindex(self, e: LexEntry) -> None:
        for f in e.forms():
            ids = self._by_norm.get(norm(f), [])
            if e.id in ids:
                ids.remove(e.id)

    def names_of_kind(self, kind: str) -> set[str]:
        """Canonical names of one kind (cached until the lexicon changes)."""
        cache = self.__dict__.setdefault("_names_cache", {})
        if kind not in cache:
            cache[kind] = {e.name for e in self.entries.values() if e.kind == kind}
        return cache[kind]

    def lookup(self, name: str, kind: str | None = None) -> list[LexEntry]:
        """Entries whose name or an alias normalises like ``name``."""
        out = [self.entries[i] for i in self._by_norm.get(norm(name), [])]
        return [e for e in out if kind is None or e.kind == kind]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[LexEntry]:
        return iter(self.entries.values())

    def family_chain(self, entry_id: str) -> list[str]:
        """Ids of the entry's family, its family's family, ... (cycle-safe)."""
        chain: list[str] = []
        cur = self.entries.get(entry_id)
        while cur is not None and cur.family and cur.family not in chain and cur.family != entry_id:
            chain.append(cur.family)
            cur = self.entries.get(cur.family)
        return chain


def _entry(obj: dict, where: str) -> LexEntry:
    try:
        return LexEntry(
            id=obj["id"], kind=obj["kind"], name=obj["name"],
            aliases=tuple(a for a in obj.get("aliases") or () if a),
            family=obj.get("family") or None, description=obj.get("description") or None,
        )
    except KeyError as e:
        raise LexiconError(f"{where}: lexicon entry lacks {e.args[0]!r}") from None


def read_lines(path: Path) -> Iterator[tuple[int, dict]]:
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as e:
                raise LexiconError(f"{path}:{n}: not a JSON object ({e.msg}); fix or delete the line") from None


def apply_user_lines(lex: Lexicon, lines: Iterable[tuple[str, dict]]) -> None:
    """Apply user edits: a plain entry adds/replaces; ``action`` alias/split/remove edit existing ones."""
    for where, obj in lines:
        action = obj.get("action", "add")
        if action == "add":
            lex.add(_entry(obj, where))
        elif action == "alias":
            e = lex.entries.get(obj["id"])
            if e is None:
                raise LexiconError(f"{where}: alias for unknown id {obj['id']!r}")
            lex.add(LexEntry(e.id, e.kind, e.name, (*e.aliases, obj["alias"]), e.family, e.description))
        elif action == "split":
            # the alias stops meaning the entry; it becomes its own entity
            e = lex.entries.get(obj["id"])
            if e is None:
                raise LexiconError(f"{where}: split of unknown id {obj['id']!r}")
            alias = obj["alias"]
            lex.add(LexEntry(e.id, e.kind, e.name, tuple(a for a in e.aliases if norm(a) != norm(alias)),
                             e.family, e.description))
            if obj.get("new_id"):
                lex.add(LexEntry(obj["new_id"], obj.get("kind", e.kind), alias))
        elif action == "remove":
            lex.remove(obj["id"])
        else:
            raise LexiconError(f"{where}: unknown action {action!r} (add, alias, split, remove)")


def default_lexicon_path() -> Path:
    return Path(str(resources.files("kg") / "data" / "lexicon.jsonl"))


def load_lexicon(user_paths: Iterable[Path] = ()) -> Lexicon:
    """The shipped lexicon with the user's files applied in order."""
    lex = Lexicon()
    base = default_lexicon_path()
    for n, obj in read_lines(base):
        lex.add(_entry(obj, f"{base}:{n}"))
    for p in user_paths:
        if Path(p).exists():
            apply_user_lines(lex, ((f"{p}:{n}", o) for n, o in read_lines(Path(p))))
    return lex
