"""Provenance: what each source says, and which claims are disputed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from ._model import (
    Claim,
    Correction,
    FeatureSupport,
    Framework,
    NotableUser,
    QualityClaim,
    Statement,
    UseCaseClaim,
    statements,
)

if TYPE_CHECKING:
    from ._kb import KnowledgeBase

__all__ = ["Citation", "Dispute", "DisputedStatement", "claims_by", "disputes"]

DisputedStatement = Claim | FeatureSupport | QualityClaim | UseCaseClaim | NotableUser
"""The statements that can carry a :class:`Correction`."""


@attrs.frozen
class Citation:
    """One statement of a record and the record field it sits in.

    ``field`` is the :class:`Framework` attribute (``"license"``, ``"pros"``,
    ``"features"``...); ``path`` the statement's place in the data file
    (``"$.pros[0]"``); ``statement`` the fact or claim itself, with its
    sources.
    """

    framework: str
    field: str
    path: str
    statement: Statement

    @property
    def sources(self) -> tuple[str, ...]:
        """The source ids behind the statement."""
        return self.statement.sources

    @property
    def correction(self) -> Correction | None:
        """The correction of a disputed statement, or ``None``."""
        return self.statement.dispute


@attrs.frozen
class Dispute:
    """A claim a source makes that a primary source contradicts, with the correction."""

    framework: str
    field: str
    path: str
    statement: DisputedStatement
    correction: Correction


def citations(record: Framework) -> Iterator[Citation]:
    """Every sourced statement of a record, in field order."""
    for path, field, statement in statements(record):
        yield Citation(record.id, field, path, statement)


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
        for citation in citations(record)
        if source_id in citation.sources
        or (citation.correction is not None and source_id in citation.correction.sources)
    )


def disputes(kb: KnowledgeBase, framework: str | None = None) -> tuple[Dispute, ...]:
    """Every disputed statement, by record id then field order."""
    found: list[Dispute] = []
    for record in _records(kb, framework):
        for path, field, statement in statements(record):
            correction = statement.dispute
            if correction is not None:
                assert isinstance(statement, DisputedStatement)  # noqa: S101 - only these dispute
                found.append(Dispute(record.id, field, path, statement, correction))
    return tuple(found)
