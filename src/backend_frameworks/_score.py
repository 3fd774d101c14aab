"""The score type and the scorer protocol (no dependencies on the rest of scoring)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

import attrs

from ._errors import InvalidModelError
from ._model import Framework
from ._requirements import Requirements

__all__ = ["Score", "Scorer", "scorer_problem"]


def _unit(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidModelError.wrong_type(
            f"a score's {attribute.name} must be a number, not {type(value).__name__}"
        )
    if math.isnan(value) or not 0.0 <= value <= 1.0:
        raise InvalidModelError(f"a score's {attribute.name} must be in [0, 1], not {value!r}")


def _texts(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        return (values,)
    return tuple(values)


def _source_ids(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        return (values,)
    return tuple(dict.fromkeys(values))


@attrs.frozen
class Score:
    """One criterion's verdict on one framework: a value in [0, 1] and why.

    ``reasons`` are sentences in words; ``sources`` the ids of the sources
    behind them (duplicates dropped, first-cited order kept).

    >>> import backend_frameworks as bf
    >>> bf.Score(0.75, ["Rated high for performance."], ["api-ninjas-2022"]).value
    0.75
    >>> try:
    ...     bf.Score(1.5)
    ... except bf.InvalidModelError as error:
    ...     print(error)
    a score's value must be in [0, 1], not 1.5
    """

    value: float = attrs.field(validator=_unit)
    reasons: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_source_ids)


@runtime_checkable
class Scorer(Protocol):
    """Anything that rates a framework against requirements on one criterion.

    ``name`` is the criterion's id (``snake_case``; it is the key of
    :attr:`Requirements.priorities`); ``description`` one line for people.
    A scorer may also define ``bind(kb) -> Scorer`` to get at the knowledge
    base it scores (guidance, vocabularies); :func:`recommend` calls it once
    per run with the knowledge base being ranked.
    """

    @property
    def name(self) -> str:
        """The criterion's id, e.g. ``"performance"``."""
        ...

    @property
    def description(self) -> str:
        """One line saying what the scorer rewards."""
        ...

    def score(self, framework: Framework, requirements: Requirements) -> Score:
        """The framework's score on this criterion."""
        ...


_REQUIRED = (
    ("name", "'name' attribute (a str)"),
    ("description", "'description' attribute (a one-line str)"),
)


def scorer_problem(candidate: object) -> str | None:
    """What ``candidate`` lacks to be a :class:`Scorer`, in words; ``None`` if nothing."""
    missing = [
        what
        for attribute, what in _REQUIRED
        if not isinstance(getattr(candidate, attribute, None), str)
    ]
    if not callable(getattr(candidate, "score", None)):
        missing.append("'score(framework, requirements)' method")
    if not missing:
        name: str = getattr(candidate, "name", "")
        if not name.strip():
            return "its name is empty"
        return None
    return "not a scorer: it has no " + " and no ".join(missing)
