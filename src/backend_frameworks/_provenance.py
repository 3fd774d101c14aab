"""Provenance: what each source says, and which claims are disputed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ._model import (
    Claim,
    Correction,
    Fact,
    FeatureSupport,
    Framework,
    NotableUser,
    QualityClaim,
    Ranking,
    Relation,
    UseCaseClaim,
)

if TYPE_CHECKING:
    from ._kb import KnowledgeBase

__all__ = ["Citation", "Dispute", "Statement"]

Statement = (
    Fact[Any]
    | Claim
    | FeatureSupport
    | QualityClaim
    | UseCaseClaim
    | NotableUser
    | Relation
    | Ranking
)
"""Anything in a record that cites sources."""


@attrs.frozen
class Citation:
    """One statement of a record and the record field it sits in.

    ``field`` is the :class:`Framework` attribute (``"license"``, ``"pros"``,
    ``"features"``...); ``statement`` is the fact or claim itself, with its
    sources.
    """

    framework: str
    field: str
    statement: Statement

    @property
    def sources(self) -> tuple[str, ...]:
        """The source ids behind the statement."""
        if isinstance(self.statement, Ranking):
            return (self.statement.source,)
        return self.statement.sources

    @property
    def correction(self) -> Correction | None:
        """The correction of a disputed statement, or ``None``."""
        found = getattr(self.statement, "dispute", None)
        return found if isinstance(found, Correction) else None


@attrs.frozen
class Dispute:
    """A claim a source makes that a primary source contradicts, with the correction."""

    framework: str
    field: str
    statement: Claim | FeatureSupport | QualityClaim | UseCaseClaim | NotableUser
    correction: Correction


def statements(record: Framework) -> Iterator[Citation]:
    """Every sourced statement of a record, in field order."""
    for field in attrs.fields(Framework):
        value = getattr(record, field.name)
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if isinstance(
                item,
                (
                    Fact,
                    Claim,
                    FeatureSupport,
                    QualityClaim,
                    UseCaseClaim,
                    NotableUser,
                    Relation,
                    Ranking,
                ),
            ):
                yield Citation(record.id, field.name, item)


def _records(kb: KnowledgeBase, framework: str | None) -> tuple[Framework, ...]:
    if framework is None:
        return kb.frameworks(include_related=True)
    return (kb.get(framework),)


def claims_by(
    kb: KnowledgeBase, source_id: str, framework: str | None = None
) -> tuple[Citation, ...]:
    """Every statement citing ``source_id`` (or whose correction does), in record order."""
    kb.source(source_id)
    return tuple(
        citation
        for record in _records(kb, framework)
        for citation in statements(record)
        if source_id in citation.sources
        or (citation.correction is not None and source_id in citation.correction.sources)
    )


def disputes(kb: KnowledgeBase, framework: str | None = None) -> tuple[Dispute, ...]:
    """Every disputed statement, by record id then field order."""
    found: list[Dispute] = []
    for record in _records(kb, framework):
        for citation in statements(record):
            statement = citation.statement
            correction = getattr(statement, "dispute", None)
            if isinstance(correction, Correction):
                assert not isinstance(statement, (Fact, Relation, Ranking))  # noqa: S101
                found.append(Dispute(record.id, citation.field, statement, correction))
    return tuple(found)
