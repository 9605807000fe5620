"""Canonical linking: one node per real thing, in one streaming pass.

Blocking is by normalised key (dict look-ups), never pairwise comparison:
- a lexicon id is its own key;
- a defined acronym is keyed by (kind, long form): the same short form with a different long form is a
  different entity (two ARPOs stay apart), and the first meaning seen takes the plain id;
- a bare name is keyed by (kind, name) and joins the first meaning defined for it, or the lexicon's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extraction import shapes
from kg.extraction.acronyms import best_long_form
from kg.extraction.lexicon import Lexicon
from kg.text import norm, slug
from schemas import Entity, Mention


@dataclass
class _Acc:
    kind: str
    name: str
    origin: str
    forms: dict[str, str] = field(default_factory=dict)
    family: str | None = None
    description: str | None = None
    long_form: str | None = None
    confidence: float = 0.0
    count: int = 0


def _long_form(name: str, aliases: tuple[str, ...]) -> str | None:
    """The alias that spells out an acronym name ("GRPO" -> "Group Relative Policy Optimization")."""
    if " " in name or len(name) > 12:
        return None
    for a in aliases:
        if len(a.split()) >= 2 and best_long_form(name, a) == 0:
            return a
    return None


_COLLECTION_HEAD = re.compile(r"\s(datasets?|corpus|corpora|benchmarks?)\b")


def _headed_form(m: Mention) -> str | None:
    """"the Waymo Motion dataset": the name with the head noun the paper wrote after it, also a way to call it."""
    sentence = m.evidence.sentence
    i = sentence.find(m.text)
    head = _COLLECTION_HEAD.match(sentence, i + len(m.text)) if i >= 0 and m.text else None
    return f"{m.text} {head.group(1)}" if head else None


class Linker:
    """Maps mentions to canonical entity ids and accumulates the entities' names and aliases."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self._long: dict[tuple[str, str], str] = {}
        self._short: dict[tuple[str, str], str] = {}
        self._acc: dict[str, _Acc] = {}

    # -- ids ------------------------------------------------------------------------------------------
    def _free_id(self, base: str) -> str:
        return base if base not in self._acc and base not in self.lex.entries else ""

    def _lexicon_acc(self, key: str) -> _Acc:
        acc = self._acc.get(key)
        if acc is None:
            e = self.lex.entries[key]
            acc = self._acc[key] = _Acc(e.kind, e.name, "lexicon", family=e.family, description=e.description,
                                        long_form=_long_form(e.name, e.aliases))
            for f in e.forms():
                acc.forms.setdefault(norm(f), f)
            for fam in self.lex.family_chain(key):
                self._lexicon_acc(fam)
        return acc

    def link(self, m: Mention) -> str:
        """The entity id for a mention (creating the entity on first sight)."""
        if m.key and m.key in self.lex.entries:
            eid = m.key
            acc = self._lexicon_acc(eid)
        elif m.long_form:
            lk = (m.kind, norm(m.long_form))
            eid = self._long.get(lk)
            if eid is None:
                base = f"{m.kind.lower()}:{slug(m.name)}"
                eid = self._free_id(base) or f"{base}--{slug(m.long_form)[:60]}"
                self._long[lk] = eid
                self._short.setdefault((m.kind, norm(m.name)), eid)
                self._acc[eid] = _Acc(m.kind, m.name, m.origin, long_form=m.long_form)
            acc = self._acc[eid]
            acc.forms.setdefault(norm(m.long_form), m.long_form)
        else:
            sk = (m.kind, norm(m.name))
            eid = self._short.get(sk)
            if eid is None:
                hits = self.lex.lookup(m.name, m.kind)
                if hits:
                    eid = hits[0].id
                    self._lexicon_acc(eid)
                else:
                    eid = f"{m.kind.lower()}:{slug(m.name)}"
                    if eid in self.lex.entries:  # same slug, different name: keep apart
                        eid = f"{eid}--{slug(m.name)}-{len(self._acc)}"
                    self._acc.setdefault(eid, _Acc(m.kind, m.name, m.origin, family=self._family(m)))
                self._short[sk] = eid
            acc = self._acc[eid]
        acc.forms.setdefault(norm(m.text), m.text)
        acc.forms.setdefault(norm(m.name), m.name)
        if m.kind in {"Dataset", "Benchmark"} and (headed := _headed_form(m)):
            acc.forms.setdefault(norm(headed), headed)
        acc.confidence = max(acc.confidence, m.confidence)
        acc.count += 1
        return eid

    def _family(self, m: Mention) -> str | None:
        """Family id for a model known by grammar only (``Qwen2.5-7B-Instruct`` -> the Qwen2.5 entity)."""
        fam = m.family or (shapes.model_family(m.name) if m.kind == "Model" else None)
        if not fam:
            return None
        if fam in self.lex.entries:
            self._lexicon_acc(fam)  # the family node exists even when only its member is named
            return fam
        hits = self.lex.lookup(fam, "Model")
        if hits:
            self._lexicon_acc(hits[0].id)
            return hits[0].id
        fid = f"model:{slug(fam)}"
        self._acc.setdefault(fid, _Acc("Model", fam, "family"))
        self._acc[fid].forms.setdefault(norm(fam), fam)
        return fid

    # -- results --------------------------------------------------------------------------------------
    def entities(self) -> list[Entity]:
        out = []
        for eid, a in sorted(self._acc.items()):
            aliases = tuple(sorted({f for k, f in a.forms.items() if f != a.name and k}, key=str.lower))
            out.append(Entity(id=eid, kind=a.kind, name=a.name, aliases=aliases, family=a.family,
                              description=a.description, long_form=a.long_form, origin=a.origin,
                              confidence=round(a.confidence or 1.0, 3)))
        return out

    def meanings(self, short: str) -> list[str]:
        """Ids of every entity a short form names (for ``kg show`` on an ambiguous acronym)."""
        k = norm(short)
        return sorted(eid for eid, a in self._acc.items() if k in a.forms or norm(a.name) == k)
