"""JSON-ready builtins from every public value, and records back from them.

:func:`to_dict` is the one way the library (its command line included)
turns a value into JSON: records in the layout of the data files, results
(search hits, comparisons, citations, disputes, recommendations) with each
framework they mention as a ``{"id", "name"}`` reference.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs

from ._analysis import Gap, Shift, Stability, WhyNot
from ._compare import Comparison, ComparisonRow
from ._convert import converter, describe_error, structure
from ._errors import DataError, InvalidQueryError
from ._lifecycle import Support
from ._load import DataInfo
from ._model import (
    Correction,
    Framework,
    Guidance,
    Rating,
    Source,
    Statement,
    Term,
    Vocabularies,
)
from ._provenance import Citation, Dispute
from ._score import Coverage, Score
from ._scoring import (
    CriterionScore,
    Exclusion,
    Recommendation,
    RecommendationResult,
)
from ._search import Match, SearchHit

__all__ = ["Exportable", "Record", "from_dict", "to_dict"]

R = TypeVar("R", Framework, Source, Guidance, Vocabularies)

Record = Framework | Source | Guidance | Vocabularies
"""The types :func:`from_dict` rebuilds: those of the data files."""

Exportable = (
    Record
    | Term
    | DataInfo
    | Statement
    | Correction
    | Rating
    | SearchHit
    | Match
    | Comparison
    | ComparisonRow
    | Citation
    | Dispute
    | Score
    | CriterionScore
    | Recommendation
    | Exclusion
    | RecommendationResult
    | Coverage
    | Stability
    | Shift
    | WhyNot
    | Gap
    | Support
)
"""Every type :func:`to_dict` accepts."""

_RECORD_TYPES = (Framework, Source, Guidance, Vocabularies)


def _reference(record: Framework) -> dict[str, str]:
    return {"id": record.id, "name": record.name}


def _rating(rating: Rating) -> dict[str, Any]:
    return {
        "quality": rating.quality.value,
        "level": rating.level.value,
        "disagreement": rating.disagreement,
        "sources": list(rating.sources),
        "claims": [converter.unstructure(claim) for claim in rating.claims],
    }


# Computed properties that belong in a result's JSON, by type.
_COMPUTED: dict[type, tuple[str, ...]] = {
    Recommendation: ("coverage",),
    Stability: ("headline",),
    WhyNot: ("excluded", "text"),
    SearchHit: (),
    Match: ("status", "sources"),
}


def _results_converter() -> Any:
    results = converter.copy()
    results.register_unstructure_hook(Framework, _reference)
    results.register_unstructure_hook(Rating, _rating)

    def with_computed(cls: type) -> None:
        def hook(value: Any) -> dict[str, Any]:
            exported = {
                field.name: _by_runtime_type(getattr(value, field.name))
                for field in attrs.fields(cls)
                if not field.name.startswith("_")
            }
            for name in _COMPUTED.get(cls, ()):
                exported[name] = _by_runtime_type(getattr(value, name))
            return exported

        results.register_unstructure_hook(cls, hook)

    for cls in (*_COMPUTED, RecommendationResult):
        with_computed(cls)
    return results


_results = _results_converter()


def _by_runtime_type(value: object) -> Any:
    """Unstructure by the value's own class (fields typed ``Any`` or a union)."""
    if isinstance(value, tuple):
        return [_by_runtime_type(item) for item in value]
    return _results.unstructure(value, unstructure_as=type(value))


def to_dict(value: Exportable) -> dict[str, Any]:
    """Any public record or result as JSON-ready builtins.

    Records (:class:`Framework`, :class:`Source`, :class:`Guidance`,
    :class:`Vocabularies`) come out in the layout of the data files, so
    :func:`from_dict` rebuilds them; results mention frameworks as
    ``{"id": ..., "name": ...}``.

    >>> import json, backend_frameworks as bf
    >>> bf.to_dict(bf.get("flask"))["name"]
    'Flask'
    >>> hit = bf.to_dict(bf.search("flask")[0])
    >>> hit["framework"], hit["exact"]
    ({'id': 'flask', 'name': 'Flask'}, True)
    >>> _ = json.dumps(bf.to_dict(bf.recommend(bf.Requirements(languages=["python"]))))

    Raises:
        InvalidQueryError: ``value`` is not one of the library's public types
            (also a :class:`TypeError`).
    """
    if isinstance(value, Rating):
        return _rating(value)
    if isinstance(value, _RECORD_TYPES):
        result: dict[str, Any] = converter.unstructure(value)
        return result
    if not attrs.has(type(value)) or not isinstance(value, _EXPORTABLE):
        raise InvalidQueryError.wrong_type(
            f"to_dict takes a record or result of backend_frameworks, not {type(value).__name__}"
        )
    exported: dict[str, Any] = _by_runtime_type(value)
    return exported


_EXPORTABLE: tuple[type, ...] = tuple(
    typing.get_origin(member) or member for member in typing.get_args(Exportable)
)


def from_dict(cls: type[R], data: Mapping[str, Any]) -> R:
    """A record rebuilt from :func:`to_dict`'s output (or a data file's contents).

    Only the record's own shape is checked; cross-checks (source ids,
    vocabularies, relation targets) run when records are put in a
    :class:`KnowledgeBase`.

    >>> import backend_frameworks as bf
    >>> flask = bf.get("flask")
    >>> bf.from_dict(bf.Framework, bf.to_dict(flask)) == flask
    True

    Raises:
        DataError: the data is malformed, with the field path of each problem.
        InvalidQueryError: ``cls`` is not a record type (also a :class:`TypeError`).
    """
    if cls not in _RECORD_TYPES:
        raise InvalidQueryError.wrong_type(
            f"from_dict rebuilds Framework, Source, Guidance or Vocabularies, not {cls!r}"
        )
    try:
        return structure(data, cls)
    except Exception as error:
        raise DataError([f"<{cls.__name__}>: {line}" for line in describe_error(error)]) from error
