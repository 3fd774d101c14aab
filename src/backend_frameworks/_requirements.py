"""What a project needs and values: the input of the scoring model.

A :class:`Requirements` is a plain value. Construction checks types, shapes
and closed enumerations only; ids that depend on the data (languages,
features, use cases, framework names) and on the model (criterion names) are
checked by :meth:`Requirements.validate` against the knowledge base and the
model actually used, which :func:`recommend` does on every run.
"""

from __future__ import annotations

import datetime
import enum
import math
import types
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, TypeVar, cast

import attrs

from ._errors import InvalidQueryError, InvalidRequirementsError
from ._lifecycle import as_day
from ._model import Kind, Level, SupportLevel
from ._names import criterion_key, normalize, suggest

if TYPE_CHECKING:
    from ._kb import KnowledgeBase
    from ._scoring import ScoringModel

__all__ = ["Requirements", "Scale", "weight_problem"]

E = TypeVar("E", bound=enum.Enum)


class Scale(enum.Enum):
    """How big the project is expected to get."""

    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


def weight_problem(weight: object) -> tuple[str, bool] | None:
    """What is wrong with a weight, and whether it is the type; ``None`` if nothing.

    The one weight check, shared by requirements' priorities, scoring models
    and the scorer registry: a weight is an ``int`` or ``float`` (not a
    ``bool``), finite and ``>= 0``.
    """
    if isinstance(weight, bool) or not isinstance(weight, int | float):
        return f"must be a number, not {type(weight).__name__}", True
    if math.isnan(weight) or math.isinf(weight) or weight < 0:
        return f"must be finite and >= 0, not {weight!r}", False
    return None


def _fail(field: str, message: str, value: object, known: Iterable[str] = ()) -> None:
    index = {normalize(item): item for item in known}
    raise InvalidRequirementsError(field, message, value, suggest(str(value), index))


def _wrong_type(field: str, expected: str, value: object) -> InvalidRequirementsError:
    return InvalidRequirementsError.wrong_type(
        field, f"expected {expected}, not {type(value).__name__}", value
    )


def _enum(cls: type[E], field: str, what: str, value: object) -> E:
    if isinstance(value, cls):
        return value
    if not isinstance(value, str):
        raise _wrong_type(field, f"a {cls.__name__} or its string value", value)
    try:
        return cls(value)
    except ValueError:
        choices = [str(item.value) for item in cls]
        _fail(field, f"unknown {what} {value!r} (one of {', '.join(choices)})", value, choices)
        raise  # pragma: no cover - _fail always raises


def _strings(field: str, value: object) -> tuple[str, ...]:
    """A string or a collection of strings, in first-seen order without repeats."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Iterable) or isinstance(value, (bytes, Mapping)):
        raise _wrong_type(field, "a string or a collection of strings", value)
    items = tuple(cast("Iterable[object]", value))
    for item in items:
        if not isinstance(item, str):
            raise _wrong_type(field, "strings", item)
    return tuple(dict.fromkeys(cast("tuple[str, ...]", items)))


def _keyed(field: str, value: object, convert: type[E], what: str, default: E) -> Mapping[str, E]:
    """A mapping of id to an enum member; a bare collection of ids means ``default``."""
    if isinstance(value, Mapping):
        pairs: dict[str, E] = {}
        for key, item in cast("Mapping[object, object]", value).items():
            if not isinstance(key, str):
                raise _wrong_type(field, "string keys", key)
            pairs[key] = _enum(convert, field, what, item)
    else:
        pairs = dict.fromkeys(_strings(field, value), default)
    return types.MappingProxyType(dict(sorted(pairs.items())))


def _languages(value: Iterable[str] | Mapping[str, Level | str]) -> Mapping[str, Level]:
    return _keyed("languages", value, Level, "level", Level.HIGH)


def _nice(value: Iterable[str] | Mapping[str, SupportLevel | str]) -> Mapping[str, SupportLevel]:
    return _keyed("nice_to_have", value, SupportLevel, "support level", SupportLevel.ECOSYSTEM)


def _must_have(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(_strings("must_have", value)))


def _use_cases(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(_strings("use_cases", value)))


def _exclude(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(_strings("exclude", value)))


def _weights(typed: Mapping[str, float]) -> Mapping[str, float]:
    value: object = typed
    if not isinstance(value, Mapping):
        raise _wrong_type("priorities", "a mapping of criterion to weight", value)
    checked: dict[str, float] = {}
    for name, weight in cast("Mapping[object, object]", value).items():
        if not isinstance(name, str):
            raise _wrong_type("priorities", "criterion names as strings", name)
        problem = weight_problem(weight)
        if problem is not None:
            message, wrong_type = problem
            error = InvalidRequirementsError.wrong_type if wrong_type else InvalidRequirementsError
            raise error("priorities", f"the weight of {name!r} {message}", weight)
        checked[criterion_key(name)] = float(cast("float", weight))
    return types.MappingProxyType(dict(sorted(checked.items())))


def _kinds(typed: Kind | str | Iterable[Kind | str]) -> frozenset[Kind]:
    value: object = typed
    if isinstance(value, str | Kind):
        value = (value,)
    if not isinstance(value, Iterable) or isinstance(value, (bytes, Mapping)):
        raise _wrong_type("exclude_kinds", "a kind or a collection of kinds", value)
    return frozenset(
        _enum(Kind, "exclude_kinds", "kind", item) for item in cast("Iterable[object]", value)
    )


def _scale(value: Scale | str | None) -> Scale | None:
    return None if value is None else _enum(Scale, "scale", "scale", value)


def _experience(value: Level | str | None) -> Level | None:
    return None if value is None else _enum(Level, "experience", "level", value)


def _licenses(value: str | Iterable[str] | None) -> frozenset[str] | None:
    return None if value is None else frozenset(_strings("licenses", value))


def _flag(field: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise _wrong_type(field, "True or False", value)
    return value


def _open_source_only(value: bool) -> bool:  # noqa: FBT001 - an attrs converter
    return _flag("open_source_only", value)


def _self_hosted_only(value: bool) -> bool:  # noqa: FBT001 - an attrs converter
    return _flag("self_hosted_only", value)


def _lts_required(value: bool) -> bool:  # noqa: FBT001 - an attrs converter
    return _flag("lts_required", value)


def _languages_only(value: bool) -> bool:  # noqa: FBT001 - an attrs converter
    return _flag("languages_only", value)


def _open_to_new_languages(value: bool) -> bool:  # noqa: FBT001 - an attrs converter
    return _flag("open_to_new_languages", value)


def _on(value: datetime.date | str | None) -> datetime.date | None:
    checked: object = value
    if checked is None:
        return None
    if not isinstance(checked, str | datetime.date):
        raise _wrong_type("on", "a date or 'YYYY-MM-DD'", checked)
    try:
        return as_day(checked)
    except InvalidQueryError as error:
        raise InvalidRequirementsError("on", str(error), checked) from None


def _criteria(model: object) -> tuple[str, ...] | None:
    """A model's criterion names, from the model or from the names themselves."""
    if model is None:
        return None
    names = getattr(model, "names", model)
    if isinstance(names, str) or not isinstance(names, Iterable):
        raise InvalidRequirementsError.wrong_type(
            "validate",
            f"model must be a ScoringModel or its criterion names, not {type(model).__name__}",
            model,
        )
    found = tuple(cast("Iterable[object]", names))
    if not all(isinstance(name, str) for name in found):
        raise InvalidRequirementsError.wrong_type(
            "validate", "criterion names must be strings", model
        )
    return cast("tuple[str, ...]", found)


def _allow_unmaintained(value: bool) -> bool:  # noqa: FBT001 - an attrs converter
    return _flag("allow_unmaintained", value)


def _options(typed: Mapping[str, object]) -> Mapping[str, object]:
    value: object = typed
    if not isinstance(value, Mapping):
        raise _wrong_type("options", "a mapping", value)
    return types.MappingProxyType(dict(cast("Mapping[str, object]", value)))


@attrs.frozen(kw_only=True, eq=True, hash=False)
class Requirements:
    """A project's needs and values; every field is optional and keyword-only.

    Soft wishes (``languages``, ``open_to_new_languages``, ``experience``,
    ``nice_to_have``, ``use_cases``, ``scale``, ``priorities``) move scores;
    hard constraints (``languages_only``, ``must_have``, ``licenses``, ``open_source_only``,
    ``self_hosted_only``, ``lts_required``, ``exclude``, ``exclude_kinds``,
    and the maintenance status unless ``allow_unmaintained``) exclude frameworks, each with its
    reason. ``priorities`` maps a criterion (a scorer's name,
    such as ``"performance"``) to a weight ``>= 0`` that *replaces* the
    model's default weight for that criterion (``0`` switches it off).
    ``options`` holds plugins' own settings, under keys the core never reads.

    A requirements value is independent of any knowledge base: construction
    checks types and the closed enumerations (levels, scales, kinds, support
    levels) and raises :class:`InvalidRequirementsError`. Ids that the data
    defines are checked by :meth:`validate`, which :func:`recommend` calls
    with the knowledge base and model it uses, so an overlay's own features
    and a custom model's criteria are accepted.

    >>> import backend_frameworks as bf
    >>> needs = bf.Requirements(
    ...     languages={"python": "high"},
    ...     must_have=["orm", "admin-interface"],
    ...     use_cases=["web-app"],
    ...     priorities={"performance": 2},
    ... )
    >>> needs.languages["python"], needs.must_have
    (<Level.HIGH: 'high'>, ('admin-interface', 'orm'))
    """

    languages: Mapping[str, Level] = attrs.field(factory=dict, converter=_languages)
    """Language id -> the team's proficiency (a bare list means ``HIGH``).

    Frameworks in these languages rank above every framework outside them,
    then those in a neighbour language (TypeScript for JavaScript), then the
    rest, hosted services with a client library in them included."""
    languages_only: bool = attrs.field(default=False, converter=_languages_only)
    """Exclude frameworks not written in one of :attr:`languages`, hosted services too (hard)."""
    open_to_new_languages: bool = attrs.field(default=False, converter=_open_to_new_languages)
    """The team would learn a new language, so its languages score but do not rank first."""
    experience: Level | None = attrs.field(default=None, converter=_experience)
    """The team's general experience (``None``: unknown, taken as moderate)."""
    must_have: tuple[str, ...] = attrs.field(default=(), converter=_must_have)
    """Feature ids a framework must support at any level (hard).

    Only a verified ``none`` excludes; a feature the data does not know is
    kept, scored neutral and reported as unverified."""
    nice_to_have: Mapping[str, SupportLevel] = attrs.field(factory=dict, converter=_nice)
    """Feature id -> the weakest support level that still counts (soft)."""
    use_cases: tuple[str, ...] = attrs.field(default=(), converter=_use_cases)
    """Use-case ids from the vocabulary (``web-app``, ``api``, ``real-time``...)."""
    scale: Scale | None = attrs.field(default=None, converter=_scale)
    """Expected size of the project."""
    priorities: Mapping[str, float] = attrs.field(factory=dict, converter=_weights)
    """Criterion name -> weight (replaces the model's weight; hyphens become ``_``)."""
    licenses: frozenset[str] | None = attrs.field(default=None, converter=_licenses)
    """Allowed SPDX license ids (``None``: any)."""
    open_source_only: bool = attrs.field(default=False, converter=_open_source_only)
    """Exclude frameworks that are not open source (or whose status is unknown)."""
    self_hosted_only: bool = attrs.field(default=False, converter=_self_hosted_only)
    """Exclude backend-as-a-service and managed-cloud offerings."""
    lts_required: bool = attrs.field(default=False, converter=_lts_required)
    """Exclude frameworks whose policy offers no long-term-support line on the day.

    That is, no LTS line released by ``on`` still has security support (an LTS
    line with no published end counts as supported). A framework with no
    recorded policy is kept: its support is unknown."""
    on: datetime.date | None = attrs.field(default=None, converter=_on)
    """The day support is judged on (a date or ``"YYYY-MM-DD"``; ``None``: today)."""
    exclude: tuple[str, ...] = attrs.field(default=(), converter=_exclude)
    """Frameworks (ids, names or aliases) to leave out."""
    exclude_kinds: frozenset[Kind] = attrs.field(factory=frozenset, converter=_kinds)
    """Kinds of record to leave out (e.g. ``"cms"``)."""
    allow_unmaintained: bool = attrs.field(default=False, converter=_allow_unmaintained)
    """Also consider deprecated and archived frameworks (left out by default)."""
    options: Mapping[str, object] = attrs.field(factory=dict, converter=_options)
    """Plugins' own options, by key (read-only)."""

    def __attrs_post_init__(self) -> None:
        if self.languages_only and not self.languages:
            raise InvalidRequirementsError(
                "languages_only", "needs the team's languages", self.languages_only
            )
        if self.languages_only and self.open_to_new_languages:
            raise InvalidRequirementsError(
                "open_to_new_languages",
                "contradicts languages_only: choose one",
                self.open_to_new_languages,
            )

    def validate(
        self, kb: KnowledgeBase, model: ScoringModel | Iterable[str] | None = None
    ) -> None:
        """Check every id against ``kb`` and every priority against ``model``.

        ``model`` is the :class:`ScoringModel` that will be used, or its
        criterion names (``model.names``); ``None`` skips that check. :func:`recommend` calls
        this with its own knowledge base and model.

        >>> import backend_frameworks as bf
        >>> kb = bf.default_knowledge_base()
        >>> needs = bf.Requirements(must_have=["graphql-federation"])
        >>> try:
        ...     needs.validate(kb)
        ... except bf.InvalidRequirementsError as error:
        ...     print(error.field, error.value)
        must_have graphql-federation

        Raises:
            InvalidRequirementsError: an unknown feature, language, use case,
                framework name or criterion, with suggestions.
        """
        if not callable(getattr(kb, "vocabularies", None)):
            raise InvalidRequirementsError.wrong_type(
                "validate", f"kb must be a KnowledgeBase, not {type(kb).__name__}", kb
            )
        criteria = _criteria(model)
        vocab = kb.vocabularies()
        checks: list[tuple[str, str, Iterable[str], str]] = [
            ("languages", "language", self.languages, "languages"),
            ("must_have", "feature", self.must_have, "features"),
            ("nice_to_have", "feature", self.nice_to_have, "features"),
            ("use_cases", "use case", self.use_cases, "use_cases"),
        ]
        for field, what, values, vocabulary in checks:
            ids = vocab.ids(vocabulary)
            for value in values:
                if value not in ids:
                    _fail(field, f"unknown {what} {value!r}", value, ids)
        for name in self.exclude:
            if name not in kb:
                records = kb.frameworks(include_related=True)
                _fail("exclude", f"unknown framework {name!r}", name, (r.id for r in records))
        if criteria is not None:
            known = criteria
            folded = {criterion_key(name) for name in known}
            for name in self.priorities:
                if name not in folded:
                    _fail("priorities", f"unknown criterion {name!r}", name, known)

    def option(self, key: str, default: object = None) -> object:
        """A plugin option, or ``default`` when it is not set."""
        return self.options.get(key, default)
