"""Provenance: what each source says, and which claims are disputed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from ._model import (
    Claim,
    ClaimStatus,
    Correction,
    FeatureSupport,
    Framework,
    NotableUser,
    QualityClaim,
    Statement,
    UseCaseClaim,
    statements,
)
from ._query import member

if TYPE_CHECKING:
    from ._kb import KnowledgeBase

__all__ = ["Citation", "Dispute", "DisputedStatement", "claims", "claims_by", "disputes"]

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

    @property
    def status(self) -> ClaimStatus | None:
        """The claim's status (facts, features, relations and measurements have none)."""
        status: ClaimStatus | None = getattr(self.statement, "status", None)
        return status


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


def claims(
    kb: KnowledgeBase, framework: str | None = None, *, status: ClaimStatus | str | None = None
) -> tuple[Citation, ...]:
    """Every claim (pros, cons, claims, qualities, use cases, users), by record then field.

    ``status`` keeps only the claims with that status (``"verified"``,
    ``"disputed"``, ``"opinion"`` or ``"unsupported"``).

    Raises:
        UnknownFrameworkError: ``framework`` names no record.
        InvalidQueryError: ``status`` is not a claim status (with suggestions).
    """
    wanted = None if status is None else member(ClaimStatus, "status", status)
    return tuple(
        citation
        for record in _records(kb, framework)
        for citation in citations(record)
        if isinstance(citation.statement, _CLAIM_TYPES)
        and (wanted is None or citation.status is wanted)
    )


_CLAIM_TYPES = (Claim, QualityClaim, UseCaseClaim, NotableUser)


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
