"""What a project needs and values: the input of the scoring model."""

from __future__ import annotations

import enum
import math
import types
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from ._errors import InvalidRequirementsError
from ._model import Kind, Level, SupportLevel
from ._names import normalize, suggest

if TYPE_CHECKING:
    from ._kb import KnowledgeBase

__all__ = ["Requirements", "Scale"]


class Scale(enum.Enum):
    """How big the project is expected to get."""

    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


def _level(value: Level | str, field: str) -> Level:
    try:
        return Level(value)
    except ValueError:
        known = {normalize(level.value): level.value for level in Level}
        raise InvalidRequirementsError(
            field, f"unknown level {value!r}", value, suggest(str(value), known)
        ) from None


def _languages(value: Mapping[str, Level | str] | Iterable[str]) -> Mapping[str, Level]:
    """A mapping of language id to proficiency; a bare collection means HIGH."""
    if isinstance(value, str):
        value = (value,)
    if isinstance(value, Mapping):
        pairs = {str(k): _level(v, "languages") for k, v in value.items()}
    else:
        pairs = dict.fromkeys((str(item) for item in value), Level.HIGH)
    return types.MappingProxyType(dict(sorted(pairs.items())))


def _support(value: SupportLevel | str) -> SupportLevel:
    try:
        return SupportLevel(value)
    except ValueError:
        known = {normalize(level.value): level.value for level in SupportLevel}
        raise InvalidRequirementsError(
            "nice_to_have", f"unknown support level {value!r}", value, suggest(str(value), known)
        ) from None


def _nice(value: Mapping[str, SupportLevel | str] | Iterable[str]) -> Mapping[str, SupportLevel]:
    """Feature id to the weakest support level that counts; a bare collection means any."""
    if isinstance(value, str):
        value = (value,)
    if isinstance(value, Mapping):
        pairs = {str(k): _support(v) for k, v in value.items()}
    else:
        pairs = dict.fromkeys((str(item) for item in value), SupportLevel.ECOSYSTEM)
    return types.MappingProxyType(dict(sorted(pairs.items())))


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    return tuple(sorted(dict.fromkeys(str(item) for item in value)))


def _weights(value: Mapping[str, float]) -> Mapping[str, float]:
    checked: dict[str, float] = {}
    for name, weight in value.items():
        key = str(name).replace("-", "_")
        if isinstance(weight, bool) or not isinstance(weight, int | float):
            raise InvalidRequirementsError("priorities", f"weight of {name!r} is not a number")
        if math.isnan(weight) or math.isinf(weight) or weight < 0:
            raise InvalidRequirementsError(
                "priorities", f"weight of {name!r} must be finite and >= 0, not {weight!r}", weight
            )
        checked[key] = float(weight)
    return types.MappingProxyType(dict(sorted(checked.items())))


def _kinds(value: Iterable[Kind | str]) -> frozenset[Kind]:
    if isinstance(value, str | Kind):
        value = (value,)
    kinds: set[Kind] = set()
    for item in value:
        try:
            kinds.add(Kind(item))
        except ValueError:
            known = {normalize(kind.value): kind.value for kind in Kind}
            raise InvalidRequirementsError(
                "exclude_kinds", f"unknown kind {item!r}", item, suggest(str(item), known)
            ) from None
    return frozenset(kinds)


def _scale(value: Scale | str | None) -> Scale | None:
    if value is None:
        return None
    try:
        return Scale(value)
    except ValueError:
        known = {scale.value: scale.value for scale in Scale}
        raise InvalidRequirementsError(
            "scale", f"unknown scale {value!r}", value, suggest(str(value), known)
        ) from None


def _experience(value: Level | str | None) -> Level | None:
    return None if value is None else _level(value, "experience")


def _licenses(value: Iterable[str] | None) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = (value,)
    return frozenset(str(item) for item in value)


def _options(value: Mapping[str, object]) -> Mapping[str, object]:
    return types.MappingProxyType(dict(value))


@attrs.frozen(kw_only=True, eq=True, hash=False)
class Requirements:
    """A project's needs and values; every field is optional and keyword-only.

    Soft wishes (``languages``, ``experience``, ``nice_to_have``,
    ``use_cases``, ``scale``, ``priorities``) move scores; hard constraints
    (``must_have``, ``licenses``, ``open_source_only``,
    ``self_hosted_only``, ``exclude``, ``exclude_kinds``) exclude frameworks,
    each with its reason. ``priorities`` maps a criterion (a scorer's name,
    such as ``"performance"``) to a weight ``>= 0`` that *replaces* the
    model's default weight for that criterion (``0`` switches it off).
    ``options`` holds plugins' own settings, under keys the core never reads.

    Construction checks every id against the shipped vocabularies and raises
    :class:`InvalidRequirementsError` with suggestions;
    :meth:`validate` checks against another knowledge base.

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
    """Language id -> the team's proficiency (a bare list means ``HIGH``)."""
    experience: Level | None = attrs.field(default=None, converter=_experience)
    """The team's general experience (``None``: unknown, taken as moderate)."""
    must_have: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    """Feature ids a framework must support at any level (hard)."""
    nice_to_have: Mapping[str, SupportLevel] = attrs.field(factory=dict, converter=_nice)
    """Feature id -> the weakest support level that still counts (soft)."""
    use_cases: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    """Use-case ids from the vocabulary (``web-app``, ``api``, ``real-time``...)."""
    scale: Scale | None = attrs.field(default=None, converter=_scale)
    """Expected size of the project."""
    priorities: Mapping[str, float] = attrs.field(factory=dict, converter=_weights)
    """Criterion name -> weight (replaces the model's weight; hyphens become ``_``)."""
    licenses: frozenset[str] | None = attrs.field(default=None, converter=_licenses)
    """Allowed SPDX license ids (``None``: any)."""
    open_source_only: bool = False
    """Exclude frameworks that are not open source (or whose status is unknown)."""
    self_hosted_only: bool = False
    """Exclude backend-as-a-service and managed-cloud offerings."""
    exclude: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    """Frameworks (ids, names or aliases) to leave out."""
    exclude_kinds: frozenset[Kind] = attrs.field(factory=frozenset, converter=_kinds)
    """Kinds of record to leave out (e.g. ``"cms"``)."""
    options: Mapping[str, object] = attrs.field(factory=dict, converter=_options)
    """Plugins' own options, by key (read-only)."""

    def __attrs_post_init__(self) -> None:
        from ._default import default_knowledge_base  # noqa: PLC0415 - loaded on first use

        self._check_vocabularies(default_knowledge_base())
        self._check_criteria()

    def validate(self, kb: KnowledgeBase) -> None:
        """Check every id against ``kb``'s vocabularies and frameworks.

        Raises:
            InvalidRequirementsError: an unknown feature, language, use case
                or framework name, with suggestions.
        """
        self._check_vocabularies(kb)
        for name in self.exclude:
            if name not in kb:
                index = {normalize(r.id): r.id for r in kb.frameworks(include_related=True)}
                raise InvalidRequirementsError(
                    "exclude", f"unknown framework {name!r}", name, suggest(name, index)
                )

    def check_criteria(self, names: Iterable[str]) -> None:
        """Check that every priority names one of ``names``.

        Raises:
            InvalidRequirementsError: a priority names an unknown criterion.
        """
        known = {normalize(name): name for name in names}
        for name in self.priorities:
            if normalize(name) not in known:
                raise InvalidRequirementsError(
                    "priorities", f"unknown criterion {name!r}", name, suggest(name, known)
                )

    def _check_criteria(self) -> None:
        from ._plugins import known_criteria  # noqa: PLC0415 - avoids an import cycle

        self.check_criteria(known_criteria())

    def _check_vocabularies(self, kb: KnowledgeBase) -> None:
        vocab = kb.vocabularies
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
                    index = {normalize(term): term for term in ids}
                    raise InvalidRequirementsError(
                        field, f"unknown {what} {value!r}", value, suggest(value, index)
                    )

    def option(self, key: str, default: object = None) -> object:
        """A plugin option, or ``default`` when it is not set."""
        return self.options.get(key, default)
