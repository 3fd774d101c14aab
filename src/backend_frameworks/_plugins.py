"""Scorer plugins: turning objects into scorers, and entry-point discovery.

Nothing here holds state. :func:`discover_plugins` imports the scorers that
installed distributions declare in the ``backend_frameworks.scorers``
entry-point group and returns them; registering them anywhere is the
caller's choice (the package root's ``load_plugins`` does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, cast

import attrs

from ._errors import InvalidModelError, ScorerError
from ._model import Framework
from ._names import criterion_key
from ._requirements import Requirements
from ._score import Score, Scorer, scorer_problem
from ._scorers import BUILTIN_NAMES
from ._scoring import check_weight

if TYPE_CHECKING:
    import importlib.metadata

__all__ = ["ENTRY_POINT_GROUP", "as_scorer", "discover_plugins"]

ENTRY_POINT_GROUP = "backend_frameworks.scorers"
"""The entry-point group plugins declare their scorers in."""


@attrs.frozen
class _FunctionScorer:
    """A plain function ``(framework, requirements) -> Score`` as a scorer."""

    name: str
    description: str
    function: Callable[[Framework, Requirements], Score]

    def score(self, framework: Framework, requirements: Requirements) -> Score:
        """Call the function."""
        return self.function(framework, requirements)


def as_scorer(obj: object, origin: str) -> Scorer:
    """A scorer from a scorer, a scorer class (called with no arguments) or a function.

    A function ``(framework, requirements) -> Score`` is named after itself
    and described by its docstring's first line.

    Raises:
        ScorerError: the class cannot be instantiated, or the result is not a
            scorer (the message says what it lacks); ``scorer`` is ``origin``.
    """
    candidate: object = obj
    if isinstance(obj, type):
        try:
            candidate = obj()
        except Exception as error:
            raise ScorerError(origin, None, f"cannot instantiate {obj.__name__}") from error
    elif scorer_problem(obj) is not None and callable(obj):
        name = getattr(obj, "__name__", origin)
        doc = getattr(obj, "__doc__", None) or ""
        lines = doc.strip().splitlines()
        if not lines:
            raise ScorerError(
                origin, None, "a scoring function needs a docstring: its first line describes it"
            )
        candidate = _FunctionScorer(name, lines[0], obj)
    problem = scorer_problem(candidate)
    if problem is not None:
        raise ScorerError(origin, None, problem)
    return candidate  # type: ignore[return-value] # checked above


def _weight(scorer: Scorer, origin: str) -> float:
    weight = getattr(scorer, "default_weight", 1.0)
    try:
        return check_weight(scorer.name, weight)
    except InvalidModelError as error:
        raise ScorerError(origin, None, f"invalid default_weight: {error}") from error


def _name(entry: importlib.metadata.EntryPoint) -> str:
    return entry.name


def discover_plugins(
    entry_points: Iterable[importlib.metadata.EntryPoint] | None = None,
) -> tuple[tuple[Scorer, float], ...]:
    """Import every scorer declared in the ``backend_frameworks.scorers`` group.

    Returns ``(scorer, weight)`` pairs sorted by name, without registering
    them. An entry point may name a scorer instance, a scorer class or a
    scoring function; its weight is its ``default_weight`` attribute, else 1.
    ``entry_points`` replaces the installed ones (for tests and tools that
    select their own).

    Raises:
        ScorerError: a plugin cannot be imported, is not a scorer, has an
            invalid ``default_weight``, takes a built-in scorer's name, or
            shares its name with another plugin; ``scorer`` names the entry
            point.
    """
    if entry_points is None:
        import importlib.metadata  # noqa: PLC0415 - costly, and only plugins need it

        found: object = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    else:
        found = entry_points
    if isinstance(found, str | bytes) or not isinstance(found, Iterable):
        raise InvalidModelError.wrong_type(
            f"entry_points must be a collection of EntryPoint, not {type(found).__name__}"
        )
    loaded: dict[str, tuple[Scorer, float]] = {}
    builtin = {criterion_key(name) for name in BUILTIN_NAMES}
    for entry in sorted(cast("Iterable[importlib.metadata.EntryPoint]", found), key=_name):
        try:
            obj = entry.load()
        except Exception as error:
            raise ScorerError(entry.name, None, f"cannot load plugin {entry.value}") from error
        scorer = as_scorer(obj, entry.name)
        key = criterion_key(scorer.name)
        if key in builtin:
            raise ScorerError(
                entry.name, None, f"takes the name of the built-in scorer {scorer.name!r}"
            )
        if key in loaded:
            raise ScorerError(entry.name, None, f"another plugin is also named {scorer.name!r}")
        loaded[key] = (scorer, _weight(scorer, entry.name))
    return tuple(loaded[name] for name in sorted(loaded))
