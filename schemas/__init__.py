"""Pydantic models: the contract between kg's stages.

loaders -> :class:`Paper` / :class:`RecordError`
extraction -> :class:`Extraction` (mentions, relations, results, acronyms)
linking -> :class:`Entity` (canonical, one per real thing)
"""
from schemas.models import (
    ENTITY_KINDS,
    Acronym,
    Entity,
    Evidence,
    Extraction,
    Mention,
    Paper,
    Relation,
    RecordError,
    ResultClaim,
    Source,
)

__all__ = [
    "ENTITY_KINDS",
    "Acronym",
    "Entity",
    "Evidence",
    "Extraction",
    "Mention",
    "Paper",
    "Relation",
    "RecordError",
    "ResultClaim",
    "Source",
]
