"""The exception hierarchy: one root, each leaf also the builtin a caller expects."""

from __future__ import annotations

__all__ = [
    "BackendFrameworksError",
    "DataError",
    "InvalidQueryError",
    "InvalidRequirementsError",
    "ScorerError",
    "UnknownFrameworkError",
    "UnknownSourceError",
]


class BackendFrameworksError(Exception):
    """Root of every error this library raises on purpose.

    Catch it to handle any of them; catch a leaf (or the builtin it also
    subclasses) to handle one.
    """


class _LookupMissError(BackendFrameworksError, KeyError):
    """A name that is not in the knowledge base, with the nearest ones."""

    def __init__(self, what: str, name: str, suggestions: tuple[str, ...] = ()) -> None:
        self.name = name
        self.suggestions = suggestions
        message = f"unknown {what} {name!r}"
        if suggestions:
            quoted = ", ".join(repr(s) for s in suggestions)
            message += f"; did you mean {quoted}?"
        self.message = message
        super().__init__(message)

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

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__("framework", name, suggestions)


class UnknownSourceError(_LookupMissError):
    """No source has this id. Also a :class:`KeyError`."""

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__("source", name, suggestions)


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


class InvalidQueryError(BackendFrameworksError, ValueError):
    """A query, search or comparison was asked wrongly.

    An unknown filter keyword, a value outside its vocabulary or enumeration,
    a value of the wrong type, or an empty search. Also a :class:`ValueError`.
    ``suggestions`` holds the nearest valid values, best first (possibly
    empty); the message names the problem and shows them.

    >>> import backend_frameworks as bf
    >>> try:
    ...     bf.query(language="pyhton")
    ... except bf.InvalidQueryError as error:
    ...     print(error.suggestions[0])
    python
    """

    def __init__(self, problem: str, suggestions: tuple[str, ...] = ()) -> None:
        self.problem = problem
        self.suggestions = tuple(suggestions)
        message = problem
        if self.suggestions:
            quoted = ", ".join(repr(s) for s in self.suggestions)
            message += f"; did you mean {quoted}?"
        super().__init__(message)


class InvalidRequirementsError(BackendFrameworksError, ValueError):
    """A :class:`Requirements` value names something unknown or is out of range.

    Also a :class:`ValueError`. ``field`` is the requirement at fault,
    ``value`` the offending value and ``suggestions`` the closest known
    values, best first (possibly empty).

    >>> import backend_frameworks as bf
    >>> try:
    ...     bf.Requirements(must_have=["orn"])
    ... except bf.InvalidRequirementsError as error:
    ...     print(error)
    must_have: unknown feature 'orn'; did you mean 'orm'?
    """

    def __init__(
        self, field: str, message: str, value: object = None, suggestions: tuple[str, ...] = ()
    ) -> None:
        self.field = field
        self.value = value
        self.suggestions = suggestions
        text = f"{field}: {message}"
        if suggestions:
            text += "; did you mean " + ", ".join(repr(s) for s in suggestions) + "?"
        super().__init__(text)


class ScorerError(BackendFrameworksError, RuntimeError):
    """A scorer failed, or returned something that is not a valid score.

    Also a :class:`RuntimeError`. ``scorer`` is the scorer's name and
    ``framework`` the id of the framework it was scoring (``None`` when the
    failure is not about one framework, e.g. a plugin that cannot be loaded).
    The original exception, if any, is the ``__cause__``.
    """

    def __init__(self, scorer: str, framework: str | None, problem: str) -> None:
        self.scorer = scorer
        self.framework = framework
        self.problem = problem
        where = f" on framework {framework!r}" if framework is not None else ""
        super().__init__(f"scorer {scorer!r} failed{where}: {problem}")
