"""The record types: frozen, slotted, typed; every claim names its sources.

Collections are tuples so that no caller can change the shared knowledge base.
Closed sets are enums; open sets (languages, runtimes, architectures,
features, use cases) are plain string ids checked against the vocabularies
that ship with the data, so that overlays can extend them.
"""

from __future__ import annotations

import enum
import functools
import typing
import urllib.parse
from collections.abc import Iterable, Iterator
from typing import Any, Generic, TypeVar, overload

import attrs

from ._errors import InvalidQueryError

__all__ = [
    "Claim",
    "ClaimStatus",
    "Correction",
    "Fact",
    "FeatureSupport",
    "Framework",
    "Guidance",
    "GuidanceKind",
    "Kind",
    "Level",
    "Maintenance",
    "MaintenanceStatus",
    "Measurement",
    "Metric",
    "NotableUser",
    "Philosophy",
    "Quality",
    "QualityClaim",
    "Ranking",
    "Rating",
    "Relation",
    "RelationKind",
    "Release",
    "Source",
    "SourceKind",
    "Statement",
    "SupportLevel",
    "Term",
    "UseCaseClaim",
    "Vocabularies",
    "value_of",
]

T = TypeVar("T")
D = TypeVar("D")

EDITORIAL_SOURCE = "editorial"
"""The id under which the project's own judgement is recorded."""


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    """Freeze a collection of strings; a bare string is a mistake, not a collection."""
    if isinstance(values, str):
        raise TypeError(f"expected a collection of strings, not the string {values!r}")
    return tuple(values)


_TUPLE = attrs.validators.instance_of(tuple)


@functools.total_ordering
class _OrderedEnum(enum.Enum):
    """An enum whose members compare in declaration order."""

    @property
    def rank(self) -> int:
        """Position in declaration order, from 0."""
        return list(type(self)).index(self)

    def __lt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _OrderedEnum)  # noqa: S101 - narrowed by the line above
        return self.rank < other.rank

    def __hash__(self) -> int:
        return hash(self.value)


class Kind(enum.Enum):
    """What a record is. Only some kinds are backend frameworks.

    >>> Kind("micro-framework").is_backend, Kind.RUNTIME.is_backend
    (True, False)
    """

    FULL_STACK = "full-stack-framework"
    WEB_FRAMEWORK = "web-framework"
    MICRO_FRAMEWORK = "micro-framework"
    META_FRAMEWORK = "meta-framework"
    CMS = "cms"
    BACKEND_AS_A_SERVICE = "backend-as-a-service"
    CROSS_PLATFORM_APP_FRAMEWORK = "cross-platform-app-framework"
    RUNTIME = "runtime"
    FRONTEND_LIBRARY = "frontend-library"
    HTTP_SERVER = "http-server"
    PLATFORM = "platform"
    UI_FRAMEWORK = "ui-framework"

    @property
    def is_backend(self) -> bool:
        """Whether a record of this kind builds the server side of an application."""
        return self in _BACKEND_KINDS


_BACKEND_KINDS = frozenset(
    {
        Kind.FULL_STACK,
        Kind.WEB_FRAMEWORK,
        Kind.MICRO_FRAMEWORK,
        Kind.META_FRAMEWORK,
        Kind.CMS,
        Kind.BACKEND_AS_A_SERVICE,
    }
)


class SupportLevel(_OrderedEnum):
    """How a framework provides a feature, weakest first; members compare.

    ``NONE`` is a verified "no": the framework's documentation shows it is
    not provided and no established package provides it. A feature with no
    entry at all is *unknown*, which is not the same.

    >>> SupportLevel.BUILT_IN > SupportLevel.OFFICIAL > SupportLevel.ECOSYSTEM > SupportLevel.NONE
    True
    """

    NONE = "none"
    """Not provided, by the framework or by an established package."""
    ECOSYSTEM = "ecosystem"
    """An established third-party package provides it."""
    OFFICIAL = "official"
    """A separate package maintained by the framework's own organisation and documented."""
    BUILT_IN = "built-in"
    """Part of the framework itself."""

    @property
    def provided(self) -> bool:
        """Whether the feature is available at all (anything but ``NONE``)."""
        return self is not SupportLevel.NONE


class ClaimStatus(enum.Enum):
    """How a statement stands against primary sources."""

    VERIFIED = "verified"
    """A primary source (the framework's docs, repository or licence) confirms it."""
    DISPUTED = "disputed"
    """A primary source contradicts it; the statement's ``dispute`` gives the correction."""
    OPINION = "opinion"
    """A judgement no source can check ("easy to learn")."""
    UNSUPPORTED = "unsupported"
    """Factual-sounding, but no primary source confirms it (benchmarks, "most popular")."""


class MaintenanceStatus(enum.Enum):
    """Whether a framework is still developed."""

    ACTIVE = "active"
    MAINTENANCE_ONLY = "maintenance-only"
    DEPRECATED = "deprecated"
    ARCHIVED = "archived"

    @property
    def recommendable(self) -> bool:
        """Whether :func:`recommend` considers it by default (not deprecated or archived)."""
        return self in {MaintenanceStatus.ACTIVE, MaintenanceStatus.MAINTENANCE_ONLY}


class Metric(enum.Enum):
    """What a :class:`Measurement` counts."""

    COMMITS_12M = "commits-12m"
    """Commits on the default branch in the 365 days before the snapshot."""
    CONTRIBUTORS_12M = "contributors-12m"
    """Distinct commit authors in the 365 days before the snapshot."""
    RELEASES_12M = "releases-12m"
    """Releases published in the 365 days before the snapshot."""
    SURVEY_USAGE_SHARE = "survey-usage-share"
    """Share of respondents using it in a developer survey, in percent."""


class Level(_OrderedEnum):
    """An ordinal level for a quality, lowest first; members compare.

    For ``learning-curve`` a high level means a steep curve (hard to learn).
    """

    VERY_LOW = "very-low"
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    VERY_HIGH = "very-high"


class Quality(enum.Enum):
    """The qualities a record can be rated on."""

    LEARNING_CURVE = "learning-curve"
    PERFORMANCE = "performance"
    SCALABILITY = "scalability"
    MATURITY = "maturity"
    COMMUNITY = "community"
    DOCUMENTATION = "documentation"
    DEVELOPMENT_SPEED = "development-speed"


class Philosophy(enum.Enum):
    """Design stances a framework is described as taking."""

    BATTERIES_INCLUDED = "batteries-included"
    MINIMAL = "minimal"
    MODULAR = "modular"
    OPINIONATED = "opinionated"
    UNOPINIONATED = "unopinionated"
    CONVENTION_OVER_CONFIGURATION = "convention-over-configuration"


class RelationKind(enum.Enum):
    """How one record relates to another."""

    BUILT_ON = "built-on"
    RUNS_ON = "runs-on"
    USES_COMPONENTS_OF = "uses-components-of"
    INSPIRED_BY = "inspired-by"
    CREATED_BY_TEAM_OF = "created-by-team-of"
    SUCCESSOR_OF = "successor-of"
    PART_OF = "part-of"


class SourceKind(enum.Enum):
    """What kind of publication a source is."""

    ARTICLE = "article"
    DOCUMENTATION = "documentation"
    REPOSITORY = "repository"
    LICENSE = "license"
    WEBSITE = "website"
    SURVEY = "survey"
    EDITORIAL = "editorial"
    LIST = "list"
    """A curated community list, which shows recognition and is never evidence of a fact."""


class GuidanceKind(enum.Enum):
    """What a piece of general guidance is about."""

    CHOOSING = "choosing"
    """A criterion for choosing a framework (team expertise, readability, ...)."""
    LANGUAGE_FIT = "language-fit"
    """Which languages suit which kinds of project."""


@attrs.frozen
class Correction:
    """Why a claim is disputed and what is true instead, with its sources."""

    text: str
    sources: tuple[str, ...] = attrs.field(converter=_strings)


@attrs.frozen
class Fact(Generic[T]):
    """A value and the sources that state it.

    >>> Fact(2005, ["django-docs"]).sources
    ('django-docs',)
    """

    value: T
    sources: tuple[str, ...] = attrs.field(converter=_strings)
    note: str = ""

    @property
    def dispute(self) -> None:
        """Facts are read from primary sources and carry no dispute (always ``None``)."""
        return None


@attrs.frozen
class Claim:
    """A statement in our own words, the sources behind it, and a dispute if any."""

    text: str
    sources: tuple[str, ...] = attrs.field(converter=_strings)
    dispute: Correction | None = None
    status: ClaimStatus | None = None
    note: str = ""

    @property
    def disputed(self) -> bool:
        """Whether a primary source contradicts the claim."""
        return self.dispute is not None


@attrs.frozen
class FeatureSupport:
    """A feature from the ``features`` vocabulary and how it is provided.

    ``provided_by`` names what provides it (a module, a package, a bundle);
    ``sources`` are the primary sources that show it; ``claimed_by`` the
    articles that mention it. ``dispute`` corrects an article's statement
    about the feature that the documentation contradicts.
    """

    feature: str
    support: SupportLevel
    sources: tuple[str, ...] = attrs.field(converter=_strings)
    note: str = ""
    dispute: Correction | None = None
    provided_by: str = ""
    claimed_by: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    @property
    def disputed(self) -> bool:
        """Whether a primary source contradicts the claim."""
        return self.dispute is not None


@attrs.frozen
class QualityClaim:
    """One source's view of one quality, as a level and in words."""

    quality: Quality
    level: Level
    text: str
    sources: tuple[str, ...] = attrs.field(converter=_strings)
    dispute: Correction | None = None
    status: ClaimStatus | None = None
    note: str = ""

    @property
    def disputed(self) -> bool:
        """Whether a primary source contradicts the claim."""
        return self.dispute is not None


@attrs.frozen
class UseCaseClaim:
    """That a framework suits (or does not suit) a use case from the vocabulary."""

    use_case: str
    text: str
    sources: tuple[str, ...] = attrs.field(converter=_strings)
    suited: bool = True
    dispute: Correction | None = None
    status: ClaimStatus | None = None
    note: str = ""

    @property
    def disputed(self) -> bool:
        """Whether a primary source contradicts the claim."""
        return self.dispute is not None


@attrs.frozen
class NotableUser:
    """An organisation or product said to use the framework."""

    name: str
    sources: tuple[str, ...] = attrs.field(converter=_strings)
    dispute: Correction | None = None
    status: ClaimStatus | None = None
    note: str = ""

    @property
    def disputed(self) -> bool:
        """Whether a primary source contradicts the claim."""
        return self.dispute is not None


@attrs.frozen
class Relation:
    """A link to another record (``target``, its id) or to a named component.

    A component (``"Werkzeug"``) is something the record builds on that is
    not a record of the knowledge base; exactly one of ``target`` and
    ``component`` is set.
    """

    kind: RelationKind
    target: str = ""
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    note: str = ""
    component: str = ""

    @property
    def dispute(self) -> None:
        """Relations carry no dispute (always ``None``)."""
        return None


@attrs.frozen
class Ranking:
    """The position of a record in one list of one source.

    ``numbered`` says whether the source numbers its list (otherwise the
    position is the order of appearance); ``metric`` is what the source
    ranks by, where it says. ``shared`` says the source puts this record in
    one entry together with others ("Express/Koa"), which then hold the same
    position; otherwise no two records may claim one position.
    """

    source: str
    position: int
    list_name: str = "main"
    numbered: bool = False
    metric: str | None = None
    shared: bool = False

    @property
    def sources(self) -> tuple[str, ...]:
        """The one source whose list this is, as a tuple like every statement's."""
        return (self.source,)

    @property
    def dispute(self) -> None:
        """A position in a list is what the list says (always ``None``)."""
        return None


@attrs.frozen
class Rating:
    """A quality as the sources see it: derived from a record's quality claims.

    ``level`` is the median of the claimed levels (the lower one of the two
    middle values when their number is even); ``disagreement`` is true when
    the sources name different levels.
    """

    quality: Quality
    claims: tuple[QualityClaim, ...]

    @property
    def evidence(self) -> tuple[QualityClaim, ...]:
        """Every claim except the unsupported and the disputed ones; the level rests on these."""
        return tuple(claim for claim in self.claims if _counts(claim.status))

    @property
    def level(self) -> Level:
        """The median level of the :attr:`evidence` (of every claim when there is none)."""
        levels = sorted(claim.level for claim in self.evidence or self.claims)
        return levels[(len(levels) - 1) // 2]

    @property
    def levels(self) -> frozenset[Level]:
        """Every level some source claims."""
        return frozenset(claim.level for claim in self.claims)

    @property
    def disagreement(self) -> bool:
        """Whether the sources claim different levels."""
        return len(self.levels) > 1

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source behind the rating, in first-cited order."""
        return _unique(source for claim in self.claims for source in claim.sources)


def _counts(status: ClaimStatus | None) -> bool:
    return status not in {ClaimStatus.UNSUPPORTED, ClaimStatus.DISPUTED}


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


class _Undisputed:
    """A statement read or measured from primary sources: it carries no dispute."""

    __slots__ = ()

    @property
    def dispute(self) -> None:
        """Always ``None``: nothing here is an article's claim to correct."""
        return None


@attrs.frozen
class Maintenance(_Undisputed):
    """Whether the framework is still developed, as of a date, by a source.

    ``as_of`` is as precise as the source allows (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``): when an archive or deprecation was announced, or when
    activity was last observed.
    """

    value: MaintenanceStatus
    as_of: str
    sources: tuple[str, ...] = attrs.field(converter=_strings)
    note: str = ""


@attrs.frozen
class Release(_Undisputed):
    """The newest stable release: its version and date (``YYYY-MM-DD``)."""

    version: str
    date: str
    sources: tuple[str, ...] = attrs.field(converter=_strings)
    note: str = ""


@attrs.frozen
class ReleaseLine(_Undisputed):
    """One release line (``"4.2"``, ``"15"``) and its support window, by the maintainers' policy.

    ``released`` is the day of the line's first stable release, or its
    month (``"2025-11"``) where the primary sources give no day; a month
    counts as released from its last day.
    ``active_support_until`` (bug fixes) and ``security_support_until``
    (security fixes) end each window, as precisely as the policy publishes
    them: a day (``"2026-04-30"``) or a month (``"2026-04"``, meaning
    through the end of April); ``None`` where the policy publishes no date.
    A future date appears only where the policy publishes it. ``latest`` is
    the newest patch release of the line that the data has seen.

    >>> import backend_frameworks as bf
    >>> line = bf.ReleaseLine("4.2", "2023-04-03", ["x"], True, security_support_until="2026-04")
    >>> line.lts, line.security_support_until
    (True, '2026-04')
    """

    version: str
    released: str
    sources: tuple[str, ...] = attrs.field(converter=_strings)
    lts: bool = False
    active_support_until: str | None = None
    security_support_until: str | None = None
    latest: Release | None = None
    note: str = ""


@attrs.frozen
class SupportPolicy(_Undisputed):
    """Where the maintainers publish their release and support policy, and when it was read.

    ``as_of`` is the day the record's release lines were last checked
    against the policy; ``url`` is the policy page itself.
    """

    url: str
    as_of: str
    sources: tuple[str, ...] = attrs.field(converter=_strings)
    note: str = ""


@attrs.frozen
class Measurement(_Undisputed):
    """A number read or computed from a primary source, dated, with its method.

    >>> import backend_frameworks as bf
    >>> m = bf.Measurement(bf.Metric.RELEASES_12M, 12, "2026-11-01", "Tags in 365 days.", ["x"])
    >>> m.metric.value, m.value
    ('releases-12m', 12)
    """

    metric: Metric
    value: int | float
    as_of: str
    method: str
    sources: tuple[str, ...] = attrs.field(converter=_strings)


@attrs.frozen
class Package(_Undisputed):
    """A package that installs the record, as a Package URL (``purl``).

    ``purl`` names the package without a version (``pkg:pypi/django``,
    ``pkg:npm/%40hapi/hapi``, ``pkg:golang/github.com/labstack/echo/v5``);
    ``sources`` are the manifests or registry pages that show the name, and
    ``note`` records renames and earlier module paths.

    >>> import backend_frameworks as bf
    >>> package = bf.Package("pkg:npm/%40hapi/hapi", ["hapi-package"])
    >>> package.ecosystem, package.name
    ('npm', '@hapi/hapi')
    """

    purl: str
    sources: tuple[str, ...] = attrs.field(converter=_strings)
    note: str = ""

    @property
    def ecosystem(self) -> str:
        """The purl type, such as ``pypi``, ``npm``, ``maven`` or ``golang``."""
        return self.purl.partition(":")[2].partition("/")[0].lower()

    @property
    def name(self) -> str:
        """The package's name in its ecosystem, namespace included (``@hapi/hapi``)."""
        return urllib.parse.unquote(self.purl.partition(":")[2].partition("/")[2])


@attrs.frozen
class Framework:
    """One record of the knowledge base: a framework, or a related technology.

    Related technologies (a runtime such as Node.js, a UI library such as
    React) are records too, so relations and claims can point at them; their
    ``kind`` says what they are and :attr:`is_backend` is false.
    """

    id: str
    name: str
    summary: str
    kind: Fact[Kind]
    languages: Fact[tuple[str, ...]]
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    runtime: Fact[str] | None = None
    architecture: Fact[str] | None = None
    philosophy: tuple[Fact[Philosophy], ...] = attrs.field(default=(), validator=_TUPLE)
    license: Fact[str] | None = None
    open_source: Fact[bool] | None = None
    first_release: Fact[int] | None = None
    creator: Fact[str] | None = None
    steward: Fact[str] | None = None
    website: Fact[str] | None = None
    repository: Fact[str] | None = None
    packages: tuple[Package, ...] = attrs.field(default=(), validator=_TUPLE)
    relations: tuple[Relation, ...] = attrs.field(default=(), validator=_TUPLE)
    features: tuple[FeatureSupport, ...] = attrs.field(default=(), validator=_TUPLE)
    qualities: tuple[QualityClaim, ...] = attrs.field(default=(), validator=_TUPLE)
    pros: tuple[Claim, ...] = attrs.field(default=(), validator=_TUPLE)
    cons: tuple[Claim, ...] = attrs.field(default=(), validator=_TUPLE)
    notable_users: tuple[NotableUser, ...] = attrs.field(default=(), validator=_TUPLE)
    use_cases: tuple[UseCaseClaim, ...] = attrs.field(default=(), validator=_TUPLE)
    rankings: tuple[Ranking, ...] = attrs.field(default=(), validator=_TUPLE)
    claims: tuple[Claim, ...] = attrs.field(default=(), validator=_TUPLE)
    maintenance: Maintenance | None = None
    latest_release: Release | None = None
    measurements: tuple[Measurement, ...] = attrs.field(default=(), validator=_TUPLE)
    support_policy: SupportPolicy | None = None
    release_lines: tuple[ReleaseLine, ...] = attrs.field(default=(), validator=_TUPLE)

    @property
    def is_backend(self) -> bool:
        """Whether the record is a backend framework (see :attr:`Kind.is_backend`)."""
        return self.kind.value.is_backend

    def feature(self, feature: str) -> FeatureSupport | None:
        """The record's support for ``feature`` (a vocabulary id), or ``None``."""
        for support in self.features:
            if support.feature == feature:
                return support
        return None

    def rating(self, quality: Quality | str) -> Rating | None:
        """Every claim about one quality, with the derived level.

        ``None`` when no claim rates it, or when every claim is unsupported
        or disputed: such claims stay in ``qualities`` but are not
        evidence.

        >>> import backend_frameworks as bf
        >>> bf.get("flask").rating("learning-curve").level
        <Level.LOW: 'low'>
        """
        wanted = Quality(quality)
        claims = tuple(claim for claim in self.qualities if claim.quality is wanted)
        rating = Rating(wanted, claims)
        return rating if rating.evidence else None

    def measurement(self, metric: Metric | str) -> Measurement | None:
        """The record's measurement of ``metric``, or ``None``."""
        wanted = Metric(metric)
        return next((m for m in self.measurements if m.metric is wanted), None)

    @property
    def ratings(self) -> tuple[Rating, ...]:
        """A rating for each quality that some source rates, in :class:`Quality` order."""
        found = (self.rating(quality) for quality in Quality)
        return tuple(rating for rating in found if rating is not None)

    @property
    def source_ids(self) -> frozenset[str]:
        """Every source id the record cites anywhere, corrections included."""
        found: set[str] = set()
        for _, _, statement in statements(self):
            found.update(statement.sources)
            if statement.dispute is not None:
                found.update(statement.dispute.sources)
        return frozenset(found)


Statement = (
    Fact[Any]
    | Claim
    | FeatureSupport
    | QualityClaim
    | UseCaseClaim
    | NotableUser
    | Relation
    | Ranking
    | Maintenance
    | Release
    | Measurement
    | Package
    | SupportPolicy
    | ReleaseLine
)
"""Anything in a record that cites sources: each has ``sources`` and ``dispute``."""

_STATEMENT_TYPES: tuple[type, ...] = tuple(
    typing.get_origin(member) or member for member in typing.get_args(Statement)
)


def _is_statement(value: object) -> typing.TypeGuard[Statement]:
    return isinstance(value, _STATEMENT_TYPES)


def statements(record: Framework) -> Iterator[tuple[str, str, Statement]]:
    """Every cited statement of a record as ``(path, field, statement)``, in field order.

    ``path`` is the statement's location in the data file (``"$.pros[2]"``),
    ``field`` the :class:`Framework` attribute it sits in. This one walker
    serves validation, provenance and search.
    """
    for field in attrs.fields(Framework):
        name = field.name
        value = getattr(record, name)
        if _is_statement(value):
            yield f"$.{name}", name, value
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if _is_statement(item):
                    yield f"$.{name}[{index}]", name, item


@overload
def value_of(fact: Fact[T] | None) -> T | None: ...
@overload
def value_of(fact: Fact[T] | None, default: D) -> T | D: ...
def value_of(fact: Fact[Any] | None, default: object = None) -> object:
    """An optional fact's value, or ``default`` when the record does not state it.

    Optional facts (``license``, ``first_release``, ``website``...) are
    ``None`` when unknown; this reads them without a ``None`` check and keeps
    the value's type for a type checker.

    >>> import backend_frameworks as bf
    >>> bf.value_of(bf.get("flask").license)
    'BSD-3-Clause'
    >>> bf.value_of(bf.get("firebase").first_release, "unknown")
    'unknown'
    """
    checked: object = fact
    if checked is None:
        return default
    if not isinstance(checked, Fact):
        msg = f"value_of reads a Fact or None, not {type(fact).__name__}"
        raise InvalidQueryError.wrong_type(msg)
    return checked.value


@attrs.frozen
class Source:
    """A publication the knowledge base cites.

    ``date`` is as precise as the source allows: ``YYYY``, ``YYYY-MM``,
    ``YYYY-MM-DD``, or a range of years ``YYYY-YYYY``.
    """

    id: str
    title: str
    publisher: str
    kind: SourceKind
    url: str | None = None
    date: str | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    method: str | None = None
    note: str = ""


@attrs.frozen
class Term:
    """One value of a vocabulary: its id, display name and meaning.

    ``applies_to`` lists the record kinds (``Kind`` values) a feature applies
    to, for which every record must state its support; empty means every
    kind. ``neighbours`` lists, for a language, the languages of the same
    vocabulary that share its runtime and call its libraries directly
    (TypeScript and JavaScript, Kotlin and Java), so that a team's language
    can give partial credit to its neighbours; the relation is symmetric.
    ``synonyms`` are other words people use for the term (``"web sockets"``
    for ``websockets``), which search reads as the term itself.

    >>> import backend_frameworks as bf
    >>> [t.neighbours for t in bf.vocabularies().languages if t.id == "kotlin"]
    [('java',)]
    >>> [t.synonyms for t in bf.vocabularies().languages if t.id == "go"]
    [('golang',)]
    """

    id: str
    name: str
    description: str
    applies_to: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    neighbours: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    synonyms: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    def applies(self, kind: Kind) -> bool:
        """Whether the term applies to records of ``kind``."""
        return not self.applies_to or kind.value in self.applies_to


@attrs.frozen
class Vocabularies:
    """The open sets of ids that records use, as shipped with the data."""

    languages: tuple[Term, ...] = attrs.field(default=(), validator=_TUPLE)
    runtimes: tuple[Term, ...] = attrs.field(default=(), validator=_TUPLE)
    architectures: tuple[Term, ...] = attrs.field(default=(), validator=_TUPLE)
    features: tuple[Term, ...] = attrs.field(default=(), validator=_TUPLE)
    use_cases: tuple[Term, ...] = attrs.field(default=(), validator=_TUPLE)

    def ids(self, vocabulary: str) -> frozenset[str]:
        """The ids of one vocabulary, by its field name (``"features"``...)."""
        terms: tuple[Term, ...] = getattr(self, vocabulary)
        return frozenset(term.id for term in terms)

    def merged(self, other: Vocabularies) -> Vocabularies:
        """These terms plus ``other``'s; a term of ``other`` replaces one with its id."""
        changes: dict[str, tuple[Term, ...]] = {}
        for field in attrs.fields(Vocabularies):
            terms = {term.id: term for term in getattr(self, field.name)}
            terms.update({term.id: term for term in getattr(other, field.name)})
            changes[field.name] = tuple(terms.values())
        return attrs.evolve(self, **changes)


@attrs.frozen
class Guidance:
    """Advice that is about choosing, not about one framework."""

    id: str
    kind: GuidanceKind
    text: str
    sources: tuple[str, ...] = attrs.field(converter=_strings)
    criterion: str | None = None
    languages: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    use_cases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
