"""The records that flow between stages. Frozen and strict: a stage never mutates another's output."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityKind = Literal["Method", "Model", "Benchmark", "Dataset", "Task", "Metric"]
ENTITY_KINDS: tuple[str, ...] = ("Method", "Model", "Benchmark", "Dataset", "Task", "Metric")


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Frozen):
    """Where a record was read: file path, 1-based line of the record's first line, detected format."""

    file: str
    line: int
    format: str


class Paper(_Frozen):
    """One paper as read by a loader.

    ``id`` is ``arxiv:<id>`` when the arXiv id is known, else ``sha1:<16 hex>`` of the normalised abstract.
    """

    id: str
    abstract: str
    title: str | None = None
    arxiv_id: str | None = None
    authors: tuple[str, ...] = ()
    author_count: int | None = None
    organization: str | None = None
    subjects: tuple[str, ...] = ()
    date: str | None = None
    links: tuple[str, ...] = ()
    upvotes: int | None = None
    sources: tuple[Source, ...] = ()


class RecordError(_Frozen):
    """A record a loader could not read. The build reports it and goes on."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class Evidence(_Frozen):
    """The sentence a fact came from, with the character span of the mention inside the abstract."""

    sentence: str
    start: int
    end: int
    field: Literal["abstract", "title"] = "abstract"


class Mention(_Frozen):
    """A typed entity mention in one paper.

    ``key`` is the canonical lexicon id when the lexicon knows the name (``method:grpo``), else None and
    linking derives one from ``name`` and ``long_form``.
    """

    text: str
    name: str
    kind: EntityKind
    evidence: Evidence
    key: str | None = None
    long_form: str | None = None
    family: str | None = None
    origin: str = "lexicon"
    confidence: float = 1.0


class Acronym(_Frozen):
    short: str
    long: str
    evidence: Evidence


RelType = Literal[
    "PROPOSES", "USES", "USES_MODEL", "USES_DATASET", "EVALUATES_ON", "COMPARES_WITH",
    "ADDRESSES", "MEASURES", "BUILDS_ON", "MENTIONS",
]


class Relation(_Frozen):
    """A sentence-level relation. ``subject`` is None for Paper-level relations (the paper itself);
    otherwise it is the index of the subject mention (BUILDS_ON: new -> base)."""

    rel: RelType
    object: int
    evidence: Evidence
    subject: int | None = None
    confidence: float = 1.0


class ResultClaim(_Frozen):
    """A number the abstract reports: value (as written), metric, on a benchmark, of a method or model."""

    value: str
    benchmark: int
    evidence: Evidence
    metric: str | None = None
    subject: int | None = None
    confidence: float = 1.0


class Extraction(_Frozen):
    paper_id: str
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    results: tuple[ResultClaim, ...] = ()
    acronyms: tuple[Acronym, ...] = ()


class Entity(_Frozen):
    """A canonical entity: one node per real thing."""

    id: str
    kind: EntityKind
    name: str
    aliases: tuple[str, ...] = ()
    family: str | None = None
    description: str | None = None
    long_form: str | None = None
    origin: str = "lexicon"
    confidence: float = 1.0
    extra: dict[str, str] = Field(default_factory=dict)
