"""Third-party scorers: an in-process registry and explicit entry-point discovery.

Nothing here runs at ``import backend_frameworks``; plugins are imported only
by :func:`load_plugins` (or ``ScoringModel.default(plugins=True)``).
"""

from __future__ import annotations

import importlib.metadata
import threading
from collections.abc import Callable
from typing import Any, TypeVar, overload

import attrs

from ._errors import ScorerError
from ._model import Framework
from ._requirements import Requirements
from ._score import Score, Scorer
from ._scorers import BUILTIN_NAMES

__all__ = [
    "ENTRY_POINT_GROUP",
    "known_criteria",
    "load_plugins",
    "register_scorer",
    "registered_scorers",
    "unregister_scorer",
]

ENTRY_POINT_GROUP = "backend_frameworks.scorers"
"""The entry-point group plugins declare their scorers in."""

_lock = threading.Lock()
_registry: dict[str, tuple[Scorer, float]] = {}

T = TypeVar("T")


@attrs.frozen
class _FunctionScorer:
    """A plain function ``(framework, requirements) -> Score`` as a scorer."""

    name: str
    description: str
    function: Callable[[Framework, Requirements], Score]

    def score(self, framework: Framework, requirements: Requirements) -> Score:
        """Call the function."""
        return self.function(framework, requirements)


def _as_scorer(obj: object, origin: str) -> Scorer:
    """An instance from a scorer, a scorer class or a scoring function."""
    candidate: object = obj
    if isinstance(obj, type):
        try:
            candidate = obj()
        except Exception as error:
            raise ScorerError(origin, None, f"cannot instantiate {obj.__name__}") from error
    elif not isinstance(obj, Scorer) and callable(obj):
        name = getattr(obj, "__name__", origin)
        doc = (getattr(obj, "__doc__", None) or name).strip().splitlines()[0]
        candidate = _FunctionScorer(name, doc, obj)
    if not isinstance(candidate, Scorer) or not isinstance(candidate.name, str):
        raise ScorerError(origin, None, "not a scorer (needs name, description and score())")
    return candidate


@overload
def register_scorer(scorer: T, /, *, weight: float = ..., replace: bool = ...) -> T: ...
@overload
def register_scorer(
    scorer: None = ..., /, *, weight: float = ..., replace: bool = ...
) -> Callable[[T], T]: ...
def register_scorer(scorer: Any = None, /, *, weight: float = 1.0, replace: bool = False) -> Any:
    """Register a scorer so that :meth:`ScoringModel.default` includes it.

    Use it as a call (``bf.register_scorer(MyScorer())``) or a decorator, on
    a scorer class (instantiated without arguments) or on a function
    ``(framework, requirements) -> Score`` (named after the function, its
    docstring's first line the description). Returns its argument unchanged.

    >>> import backend_frameworks as bf
    >>> @bf.register_scorer(weight=0.5)
    ... def has_website(framework, requirements):
    ...     "Does the record name a website?"
    ...     return bf.Score(1.0 if framework.website else 0.0)
    >>> "has_website" in bf.ScoringModel.default().names
    True
    >>> bf.unregister_scorer("has_website")

    Raises:
        ScorerError: not a scorer, or the name is taken (pass ``replace=True``).
        ValueError: a negative or non-finite weight.
    """
    if scorer is None:

        def decorate(obj: T) -> T:
            register_scorer(obj, weight=weight, replace=replace)
            return obj

        return decorate
    instance = _as_scorer(scorer, getattr(scorer, "__name__", repr(scorer)))
    _check_weight(weight)
    with _lock:
        if not replace and (instance.name in _registry or instance.name in BUILTIN_NAMES):
            raise ScorerError(instance.name, None, "a scorer with this name is already registered")
        _registry[instance.name] = (instance, float(weight))
    return scorer


def _check_weight(weight: object) -> None:
    if not (isinstance(weight, int | float) and 0 <= weight < float("inf")):
        raise ValueError(f"weight must be finite and >= 0, not {weight!r}")


def unregister_scorer(name: str) -> None:
    """Forget a registered scorer (no error if it is not registered)."""
    with _lock:
        _registry.pop(name, None)


def registered_scorers() -> tuple[tuple[Scorer, float], ...]:
    """The registered scorers with their weights, sorted by name."""
    with _lock:
        return tuple(_registry[name] for name in sorted(_registry))


def load_plugins() -> tuple[Scorer, ...]:
    """Import every scorer declared in the ``backend_frameworks.scorers`` group and register it.

    An entry point may name a scorer instance, a scorer class or a scoring
    function. A plugin's weight is its ``default_weight`` attribute, else 1.
    Loading twice is harmless (the second load replaces the first).

    Raises:
        ScorerError: a plugin cannot be imported or is not a scorer.
    """
    loaded: list[Scorer] = []
    for entry in sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=_ep_key):
        try:
            obj = entry.load()
        except Exception as error:
            raise ScorerError(entry.name, None, f"cannot load plugin {entry.value}") from error
        instance = _as_scorer(obj, entry.name)
        weight = getattr(instance, "default_weight", 1.0)
        register_scorer(instance, weight=weight, replace=True)
        loaded.append(instance)
    return tuple(loaded)


def _ep_key(entry: importlib.metadata.EntryPoint) -> str:
    return entry.name


def known_criteria() -> frozenset[str]:
    """Built-in, registered and declared (not yet loaded) plugin criterion names."""
    declared = {entry.name for entry in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)}
    with _lock:
        return frozenset(BUILTIN_NAMES) | frozenset(_registry) | declared
