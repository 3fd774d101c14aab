"""The score type and the scorer protocol (no dependencies on the rest of scoring)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

import attrs

from ._errors import InvalidModelError
from ._model import Framework
from ._requirements import Requirements

__all__ = ["Aggregation", "Coverage", "Score", "Scorer", "scorer_problem"]


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


def _share(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidModelError.wrong_type(
            f"a coverage's {attribute.name} must be a number, not {type(value).__name__}"
        )
    if math.isnan(value) or not 0.0 <= value <= 1.0 + 1e-9:
        raise InvalidModelError(f"a coverage's {attribute.name} must be in [0, 1], not {value!r}")


@attrs.frozen
class Coverage:
    """What a score rests on, as shares in [0, 1]: verified facts, opinion, neutral defaults.

    ``verified`` is evidence a primary source confirms (the framework's docs,
    repository or licence); ``opinion`` is a judgement (an article's rating or
    use-case claim); ``neutral`` is a default given where the data says
    nothing. What is left (:attr:`unstated`) is a scorer that did not say.
    Build one from counts with :meth:`of`.

    >>> import backend_frameworks as bf
    >>> c = bf.Coverage.of(verified=2, neutral=1)
    >>> round(c.verified, 3), round(c.neutral, 3), c.unstated
    (0.667, 0.333, 0.0)
    """

    verified: float = attrs.field(default=0.0, validator=_share)
    opinion: float = attrs.field(default=0.0, validator=_share)
    neutral: float = attrs.field(default=0.0, validator=_share)

    def __attrs_post_init__(self) -> None:
        if self.verified + self.opinion + self.neutral > 1.0 + 1e-9:
            raise InvalidModelError("a coverage's shares must add up to at most 1")

    @classmethod
    def of(cls, *, verified: float = 0, opinion: float = 0, neutral: float = 0) -> Coverage:
        """Shares from counts (or any non-negative amounts); all zero gives an unstated one."""
        total = verified + opinion + neutral
        if total <= 0:
            return cls()
        return cls(verified / total, opinion / total, neutral / total)

    @property
    def unstated(self) -> float:
        """The share no basis was given for (1 for a scorer that does not say)."""
        return max(0.0, round(1.0 - self.verified - self.opinion - self.neutral, 12))


VERIFIED = Coverage(verified=1.0)
OPINION = Coverage(opinion=1.0)
NEUTRAL_DEFAULT = Coverage(neutral=1.0)


@attrs.frozen
class Score:
    """One criterion's verdict on one framework: a value in [0, 1] and why.

    ``reasons`` are sentences in words; ``sources`` the ids of the sources
    behind them (duplicates dropped, first-cited order kept); ``coverage``
    what the value rests on (a :class:`Coverage`; a scorer that leaves it
    out is reported as unstated).

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
    coverage: Coverage = attrs.field(factory=Coverage)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.coverage, Coverage):
            raise InvalidModelError.wrong_type(
                f"a score's coverage must be a Coverage, not {type(self.coverage).__name__}"
            )


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


class Aggregation(Protocol):
    """How a model combines weighted criterion values into one total."""

    def aggregate(self, values: Sequence[tuple[float, float]]) -> tuple[float, tuple[float, ...]]:
        """``(value, weight)`` pairs -> ``(total, contribution of each pair)``."""
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
