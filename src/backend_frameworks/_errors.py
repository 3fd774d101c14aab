"""The exception hierarchy: one root, each leaf also the builtin a caller expects.

A wrong *value* is a :class:`ValueError`, a value of the wrong *type* also a
:class:`TypeError`, and a miss on lookup a :class:`KeyError`. Each ``Invalid*``
error has a ``wrong_type`` constructor that returns an instance that is also
a :class:`TypeError`, so ``except TypeError`` and ``except InvalidQueryError``
both catch it.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

__all__ = [
    "BackendFrameworksError",
    "DataError",
    "InvalidModelError",
    "InvalidQueryError",
    "InvalidRequirementsError",
    "ScorerError",
    "UnknownFrameworkError",
    "UnknownPackageError",
    "UnknownScorerError",
    "UnknownSourceError",
    "UnknownVersionError",
]


class BackendFrameworksError(Exception):
    """Root of every error this library raises on purpose.

    Catch it to handle any of them; catch a leaf (or the builtin it also
    subclasses) to handle one. Every error pickles (for multiprocessing and
    log handlers) back to an equal error of the same class.
    """

    _init_args: tuple[tuple[Any, ...], dict[str, Any]]

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:  # noqa: ANN401 - any error's arguments
        self = super().__new__(cls, *args)
        self._init_args = (args, kwargs)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        args, kwargs = self._init_args
        public: type[BackendFrameworksError] = getattr(type(self), "_public", type(self))
        return (_rebuild, (public, public is not type(self), args, kwargs))


def _rebuild(
    cls: type[BackendFrameworksError],
    wrong_type: bool,  # noqa: FBT001 - a pickle payload, positional by nature
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> BackendFrameworksError:
    """Recreate a pickled error, as its TypeError variant where it was one."""
    target: type[BackendFrameworksError] = (
        getattr(cls, "_type_variant", cls) if wrong_type else cls
    )
    return target(*args, **kwargs)


def _did_you_mean(suggestions: tuple[str, ...]) -> str:
    if not suggestions:
        return ""
    return "; did you mean " + ", ".join(repr(s) for s in suggestions) + "?"


class _LookupMissError(BackendFrameworksError, KeyError):
    """A name that is not known, with the nearest known ones."""

    what: ClassVar[str] = "name"

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        self.message = f"unknown {self.what} {name!r}{_did_you_mean(self.suggestions)}"
        super().__init__(self.message)

    def __str__(self) -> str:
        # KeyError would quote the whole message; show it as written.
        return self.message


class UnknownFrameworkError(_LookupMissError):
    """No framework has this id, name or alias.

    Also a :class:`KeyError`. ``suggestions`` holds the ids of the closest
    names, best first (possibly empty).

    >>> import backend_frameworks as bf
    >>> try:
    ...     bf.get("djang")
    ... except bf.UnknownFrameworkError as error:
    ...     print(error.suggestions[0])
    django
    """

    what = "framework"


class UnknownSourceError(_LookupMissError):
    """No source has this id. Also a :class:`KeyError`."""

    what = "source"


class UnknownPackageError(_LookupMissError):
    """No record lists this package. Also a :class:`KeyError`.

    ``suggestions`` holds the closest purls that some record lists.

    >>> import backend_frameworks as bf
    >>> try:
    ...     bf.by_package("pkg:npm/expres")
    ... except bf.UnknownPackageError as error:
    ...     print(error.suggestions[0])
    pkg:npm/express
    """

    what = "package"


class UnknownVersionError(_LookupMissError):
    """A framework's release policy has no line for this version. Also a :class:`KeyError`.

    ``suggestions`` holds the framework's lines, newest first.
    """

    what = "version"


class UnknownScorerError(_LookupMissError):
    """A scoring model has no scorer of this name. Also a :class:`KeyError`.

    >>> import backend_frameworks as bf
    >>> try:
    ...     bf.ScoringModel.default().scorer("perfomance")
    ... except bf.UnknownScorerError as error:
    ...     print(error)
    unknown scorer 'perfomance'; did you mean 'performance'?
    """

    what = "scorer"


class DataError(BackendFrameworksError, ValueError):
    """Knowledge-base data is malformed or inconsistent.

    Also a :class:`ValueError`. ``problems`` lists every problem found, each
    as ``"<file>: <path>: <what is wrong>"`` so the data can be fixed in one
    pass; the message shows them all.
    """

    def __init__(self, problems: list[str] | tuple[str, ...]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = "invalid knowledge-base data" + (f" ({count} problems)" if count > 1 else "")
        super().__init__(head + ":\n  " + "\n  ".join(self.problems))


class _InvalidInputError(BackendFrameworksError, ValueError):
    """Shared by the errors for wrongly asked calls: a problem and suggestions."""

    _type_variant: ClassVar[type[_InvalidInputError]]

    def __init__(self, problem: str, suggestions: tuple[str, ...] = ()) -> None:
        self.problem = problem
        self.suggestions = tuple(suggestions)
        super().__init__(problem + _did_you_mean(self.suggestions))

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not issubclass(cls, TypeError):
            # One private sibling per error that is also a TypeError.
            cls._type_variant = type(
                cls.__name__, (cls, TypeError), {"__module__": cls.__module__, "_public": cls}
            )

    @classmethod
    def wrong_type(cls, *args: Any, **kwargs: Any) -> Self:  # noqa: ANN401 - cls's own arguments
        """The same error for a value of the wrong type: also a :class:`TypeError`."""
        variant: type[Self] = cls._type_variant  # type: ignore[assignment]
        return variant(*args, **kwargs)


class InvalidQueryError(_InvalidInputError):
    """A query, search or comparison was asked wrongly.

    An unknown filter keyword, a value outside its vocabulary or enumeration,
    a value of the wrong type (then also a :class:`TypeError`), an input over
    its size limit, or an empty search. Also a :class:`ValueError`.
    ``suggestions`` holds the nearest valid values, best first (possibly
    empty); the message names the problem and shows them.

    >>> import backend_frameworks as bf
    >>> try:
    ...     bf.query(language="pyhton")
    ... except bf.InvalidQueryError as error:
    ...     print(error.suggestions[0])
    python
    """


class InvalidModelError(_InvalidInputError):
    """A scoring model, or a part of one, is invalid.

    Raised when a :class:`ScoringModel` is built or changed (two scorers with
    one name, a negative or non-finite weight, something that is not a
    scorer), when a scorer is registered, and when a :class:`Score` is made
    with a value outside ``[0, 1]``. Also a :class:`ValueError`, and a
    :class:`TypeError` when a value has the wrong type.
    """


class InvalidRequirementsError(_InvalidInputError):
    """A :class:`Requirements` value is malformed or names something unknown.

    Also a :class:`ValueError` (and a :class:`TypeError` for a value of the
    wrong type). ``field`` is the requirement at fault, ``value`` the
    offending value and ``suggestions`` the closest known values, best first
    (possibly empty).

    >>> import backend_frameworks as bf
    >>> try:
    ...     bf.recommend(bf.Requirements(must_have=["orn"]))
    ... except bf.InvalidRequirementsError as error:
    ...     print(error)
    must_have: unknown feature 'orn'; did you mean 'orm'?
    """

    def __init__(
        self, field: str, message: str, value: object = None, suggestions: tuple[str, ...] = ()
    ) -> None:
        self.field = field
        self.value = value
        super().__init__(f"{field}: {message}", suggestions)


class ScorerError(BackendFrameworksError, RuntimeError):
    """A scorer failed, returned an invalid score, or is not a valid plugin.

    Also a :class:`RuntimeError`. ``scorer`` is the scorer's (or the entry
    point's) name and ``framework`` the id of the framework it was scoring
    (``None`` when the failure is not about one framework, e.g. a plugin that
    cannot be loaded). The original exception, if any, is the ``__cause__``.
    """

    def __init__(self, scorer: str, framework: str | None, problem: str) -> None:
        self.scorer = scorer
        self.framework = framework
        self.problem = problem
        where = f" on framework {framework!r}" if framework is not None else ""
        super().__init__(f"scorer {scorer!r} failed{where}: {problem}")
