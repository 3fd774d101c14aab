"""The built-in scorers: one per criterion of the seed articles, using only the data."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from ._lifecycle import last_day, newest_first
from ._model import (
    ClaimStatus,
    Framework,
    Guidance,
    GuidanceKind,
    Kind,
    Level,
    MaintenanceStatus,
    Quality,
    Rating,
    SourceKind,
    SupportLevel,
)
from ._requirements import Requirements, Scale
from ._score import NEUTRAL_DEFAULT, OPINION, VERIFIED, Coverage, Score, Scorer

if TYPE_CHECKING:
    from ._kb import KnowledgeBase

__all__ = [
    "BUILTIN_NAMES",
    "NEUTRAL",
    "CommunityScorer",
    "DevelopmentSpeedScorer",
    "FeatureScorer",
    "KindFitScorer",
    "LanguageFitScorer",
    "LanguageMatch",
    "LearningCurveScorer",
    "LicenseScorer",
    "LongTermSupportScorer",
    "MaintenanceScorer",
    "MaturityScorer",
    "PerformanceScorer",
    "QualityScorer",
    "ScaleFitScorer",
    "UseCaseFitScorer",
    "builtin_scorers",
    "is_hosted",
    "language_match",
    "language_neighbours",
]

NEUTRAL = 0.5
"""The value a scorer gives when the data says nothing either way."""

_PRIMARY_KINDS = frozenset({SourceKind.DOCUMENTATION, SourceKind.REPOSITORY, SourceKind.LICENSE})
_NEIGHBOUR_CREDIT = 0.7
"""A neighbour language (same runtime, calls the team's libraries directly) earns this share."""
_SERVICE_CREDIT = 0.7
"""A hosted service used through a client library in the team's language earns this share."""


class LanguageMatch(enum.Enum):
    """How a framework's languages meet the team's, best first; recommend ranks by it first.

    The seed articles' guidance (``team-expertise-first``,
    ``language-drives-framework``) is to start from the language the team
    knows, so a framework in a team language ranks above every framework
    outside them, whatever its other scores.
    """

    TEAM = "team"
    """Written (and programmed) in a language the team knows."""
    NEIGHBOUR = "neighbour"
    """In a neighbour of a team language (TypeScript for JavaScript, Kotlin for Java)."""
    SERVICE = "service"
    """A hosted backend service with a client library in a team language (ranked with OTHER)."""
    OTHER = "other"
    """None of the team's languages or their neighbours."""

    @property
    def rank(self) -> int:
        """0 for :attr:`TEAM` up to 3 for :attr:`OTHER`."""
        return list(LanguageMatch).index(self)

    @property
    def tier(self) -> int:
        """The ranking's first key, from team 0 and neighbour 1 to hosted service and other 2.

        A hosted service is not written in the team's language (only its
        client libraries are), so it competes with the rest on its scores.
        """
        return min(self.rank, 2)


def language_match(
    framework: Framework,
    team: Mapping[str, Level],
    neighbours: Mapping[str, tuple[str, ...]],
) -> tuple[LanguageMatch, float, str]:
    """How ``framework`` meets the ``team``'s languages: the match, a value in [0, 1], a reason.

    ``neighbours`` maps a language id to its neighbours (the vocabulary's
    :attr:`Term.neighbours`). A backend-as-a-service lists the languages of
    its client libraries, not of code the team writes on the server, so its
    best match is :attr:`LanguageMatch.SERVICE`.
    """
    service = framework.kind.value is Kind.BACKEND_AS_A_SERVICE
    best: tuple[LanguageMatch, float, str] = (
        LanguageMatch.OTHER,
        0.0,
        f"Uses {', '.join(framework.languages.value)}; the team knows none of them.",
    )

    def better(match: LanguageMatch, value: float, reason: str) -> None:
        nonlocal best
        if (match.rank, -value) < (best[0].rank, -best[1]):
            best = (match, value, reason)

    for language in framework.languages.value:
        if language in team:
            level = team[language]
            if service:
                reason = (
                    f"A hosted service with a {language} client library, which the team knows "
                    f"({level.value}); the server side is not the team's code."
                )
                better(LanguageMatch.SERVICE, _SERVICE_CREDIT * _proficiency(level), reason)
            else:
                reason = f"Uses {language}, which the team knows ({level.value})."
                better(LanguageMatch.TEAM, _proficiency(level), reason)
            continue
        for known, level in team.items():
            if language not in neighbours.get(known, ()):
                continue
            value = _NEIGHBOUR_CREDIT * _proficiency(level)
            if service:
                reason = (
                    f"A hosted service with a {language} client library, a neighbour of "
                    f"{known}; the server side is not the team's code."
                )
                better(LanguageMatch.SERVICE, _SERVICE_CREDIT * value, reason)
            else:
                reason = f"Uses {language}, a neighbour of {known} on the same runtime."
                better(LanguageMatch.NEIGHBOUR, value, reason)
    return best


_SUPPORT_VALUE = {
    SupportLevel.BUILT_IN: 1.0,
    SupportLevel.OFFICIAL: 0.85,
    SupportLevel.ECOSYSTEM: 0.6,
    SupportLevel.NONE: 0.0,
}
_BELOW_MINIMUM = 0.25


def _level_value(level: Level) -> float:
    """VERY_LOW -> 0, LOW -> 0.25, ..., VERY_HIGH -> 1."""
    return level.rank / (len(Level) - 1)


def _proficiency(level: Level) -> float:
    """How much a known language is worth: 0.6 for very low up to 1.0 for very high."""
    return 0.6 + 0.4 * _level_value(level)


@attrs.frozen
class LanguageFitScorer:
    """Team language fit, with partial credit for a neighbour on the same runtime.

    Neighbours come from the knowledge base's language vocabulary
    (``Term.neighbours``), which :meth:`bind` reads; unbound, only the
    team's own languages count.
    """

    name: str = "language_fit"
    description: str = "Is the framework written in a language the team knows?"
    neighbours: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, eq=False)
    """Language id -> its neighbours; :meth:`bind` fills it in."""
    primary: frozenset[str] | None = attrs.field(default=None, eq=False, repr=False)
    """The ids of primary sources (docs, repository, licence); :meth:`bind` fills it in.

    A language the record's primary sources state is verified evidence; one
    only articles state is opinion; unbound, the basis is unstated."""

    def bind(self, kb: KnowledgeBase) -> LanguageFitScorer:
        """This scorer, reading the language neighbours and primary sources of ``kb``."""
        primary = frozenset(s.id for s in kb.sources() if s.kind in _PRIMARY_KINDS)
        return attrs.evolve(self, neighbours=language_neighbours(kb), primary=primary)

    def score(self, framework: Framework, requirements: Requirements) -> Score:
        """Best match between the framework's languages and the team's."""
        team = requirements.languages
        sources = framework.languages.sources
        if not team:
            return Score(NEUTRAL, ["No team languages given."], (), NEUTRAL_DEFAULT)
        _, value, reason = language_match(framework, team, self.neighbours)
        if self.primary is None:
            basis = Coverage()
        else:
            basis = VERIFIED if self.primary & set(sources) else OPINION
        return Score(round(value, 6), [reason], sources, basis)


def is_hosted(framework: Framework) -> bool:
    """Whether it runs only as the vendor's managed cloud (its runtime is ``managed-cloud``).

    A backend-as-a-service that can be self-hosted (PocketBase, Appwrite)
    is not: its runtime is where it runs on your own machines.
    """
    return framework.runtime is not None and framework.runtime.value == "managed-cloud"


def language_neighbours(kb: KnowledgeBase) -> Mapping[str, tuple[str, ...]]:
    """Language id -> its neighbours, from ``kb``'s language vocabulary."""
    return {term.id: term.neighbours for term in kb.vocabularies().languages}


def _mean_coverage(parts: list[Coverage]) -> Coverage:
    """The equal-weight mean of some coverages."""
    return Coverage.of(
        verified=sum(c.verified for c in parts),
        opinion=sum(c.opinion for c in parts),
        neutral=sum(c.neutral for c in parts),
    )


def _disagreement(rating: Rating) -> list[str]:
    """A reason saying the sources disagree, when they do."""
    if not rating.disagreement:
        return []
    levels = ", ".join(level.value for level in sorted(rating.levels))
    return [f"Sources disagree ({levels}); the median counts."]


def _basis(statuses: list[ClaimStatus | None]) -> Coverage:
    """Verified for the claims a primary source confirms, opinion for the rest."""
    verified = sum(status is ClaimStatus.VERIFIED for status in statuses)
    return Coverage.of(verified=verified, opinion=len(statuses) - verified)


def _rating_score(
    framework: Framework, quality: Quality
) -> tuple[float | None, list[str], tuple[str, ...], Coverage]:
    rating = framework.rating(quality)
    words = quality.value.replace("-", " ")
    if rating is None:
        if any(claim.quality is quality for claim in framework.qualities):
            reason = f"Its {words} claims are unsupported or disputed; not evidence."
            return None, [reason], (), NEUTRAL_DEFAULT
        return None, [f"No source rates its {words}."], (), NEUTRAL_DEFAULT
    reasons = [f"{words.capitalize()} rated {rating.level.value}."]
    basis = _basis([claim.status for claim in rating.evidence])
    return _level_value(rating.level), reasons + _disagreement(rating), rating.sources, basis


@attrs.frozen
class QualityScorer:
    """Maps one rated quality to [0, 1]: the median claimed level; unrated is neutral.

    The base of :class:`PerformanceScorer`, :class:`MaturityScorer` and
    :class:`DevelopmentSpeedScorer`; make one for any other
    :class:`Quality`:

    >>> import backend_frameworks as bf
    >>> scale = bf.QualityScorer("scale", "Does it scale?", bf.Quality.SCALABILITY)
    >>> scale.score(bf.get("flask"), bf.Requirements()).value
    0.25
    """

    name: str
    description: str
    quality: Quality

    def score(self, framework: Framework, requirements: Requirements) -> Score:  # noqa: ARG002
        """The median rated level, scaled to [0, 1]."""
        value, reasons, sources, basis = _rating_score(framework, self.quality)
        return Score(NEUTRAL if value is None else value, reasons, sources, basis)


@attrs.frozen
class PerformanceScorer(QualityScorer):
    """Runtime performance as the sources rate it."""

    name: str = "performance"
    description: str = "How fast do sources say it runs?"
    quality: Quality = Quality.PERFORMANCE


@attrs.frozen
class MaturityScorer(QualityScorer):
    """Maturity as the sources rate it."""

    name: str = "maturity"
    description: str = "How established and proven is it?"
    quality: Quality = Quality.MATURITY


@attrs.frozen
class DevelopmentSpeedScorer(QualityScorer):
    """Development speed (time to market) as the sources rate it."""

    name: str = "development_speed"
    description: str = "How quickly can a team ship with it?"
    quality: Quality = Quality.DEVELOPMENT_SPEED


@attrs.frozen
class CommunityScorer:
    """Community and long-term support: community and documentation ratings."""

    name: str = "community"
    description: str = "How large is its community and how good is its documentation?"

    def score(self, framework: Framework, requirements: Requirements) -> Score:  # noqa: ARG002
        """The mean of the rated community and documentation levels."""
        values: list[float] = []
        reasons: list[str] = []
        sources: list[str] = []
        bases: list[Coverage] = []
        for quality in (Quality.COMMUNITY, Quality.DOCUMENTATION):
            value, why, cited, basis = _rating_score(framework, quality)
            reasons.extend(why)
            sources.extend(cited)
            if value is not None:
                values.append(value)
                bases.append(basis)
        if not values:
            return Score(NEUTRAL, reasons, sources, NEUTRAL_DEFAULT)
        return Score(sum(values) / len(values), reasons, sources, _mean_coverage(bases))


@attrs.frozen
class FeatureScorer:
    """Coverage of the must-have and nice-to-have features, by support level."""

    name: str = "features"
    description: str = "How well does it provide the features the project needs?"

    def score(self, framework: Framework, requirements: Requirements) -> Score:
        """Mean over the wanted features: built in 1, official 0.85, ecosystem 0.6, none 0.

        A feature the data says nothing about is unknown, not missing: it
        scores the neutral 0.5 and the reason says it is unverified.
        """
        wanted: dict[str, SupportLevel] = dict.fromkeys(
            requirements.must_have, SupportLevel.ECOSYSTEM
        )
        for feature, minimum in requirements.nice_to_have.items():
            wanted[feature] = max(minimum, wanted.get(feature, minimum))
        if not wanted:
            return Score(NEUTRAL, ["No features requested."], (), NEUTRAL_DEFAULT)
        values: list[float] = []
        reasons: list[str] = []
        sources: list[str] = []
        bases: list[Coverage] = []
        for feature, minimum in sorted(wanted.items()):
            support = framework.feature(feature)
            if support is None:
                values.append(NEUTRAL)
                reasons.append(f"{feature}: unknown (unverified), scored neutral.")
                bases.append(NEUTRAL_DEFAULT)
                continue
            sources.extend(support.sources)
            bases.append(VERIFIED)
            if not support.support.provided:
                values.append(0.0)
                reasons.append(f"{feature}: not provided.")
            elif support.support < minimum:
                values.append(_BELOW_MINIMUM)
                reasons.append(
                    f"{feature}: {support.support.value}, below the wanted {minimum.value}."
                )
            else:
                values.append(_SUPPORT_VALUE[support.support])
                reasons.append(f"{feature}: {support.support.value}.")
        return Score(sum(values) / len(values), reasons, sources, _mean_coverage(bases))


@attrs.frozen
class UseCaseFitScorer:
    """Use-case fit: the record's own use-case claims, then the language guidance."""

    name: str = "use_case_fit"
    description: str = "Do sources name it (or its language) for the project's use cases?"
    guidance: tuple[Guidance, ...] = ()
    """The knowledge base's guidance; :meth:`bind` fills it in (unbound: none)."""

    def bind(self, kb: KnowledgeBase) -> UseCaseFitScorer:
        """This scorer, reading the language-fit guidance of ``kb``."""
        return attrs.evolve(self, guidance=kb.guidance())

    def _language_guidance(self) -> tuple[Guidance, ...]:
        return tuple(g for g in self.guidance if g.kind is GuidanceKind.LANGUAGE_FIT)

    def score(self, framework: Framework, requirements: Requirements) -> Score:
        """Mean over the wanted use cases: suited 1, guided 0.75, unknown 0.5, unsuited 0."""
        if not requirements.use_cases:
            return Score(NEUTRAL, ["No use cases given."], (), NEUTRAL_DEFAULT)
        advice = self._language_guidance()
        languages = set(framework.languages.value)
        values: list[float] = []
        reasons: list[str] = []
        sources: list[str] = []
        bases: list[Coverage] = []
        for use_case in requirements.use_cases:
            claims = [c for c in framework.use_cases if c.use_case == use_case]
            undisputed = [c for c in claims if not c.disputed] or claims
            if undisputed:
                suited = [c for c in undisputed if c.suited]
                value = len(suited) / len(undisputed)
                values.append(value)
                for claim in undisputed:
                    sources.extend(claim.sources)
                bases.append(_basis([claim.status for claim in undisputed]))
                verdict = "suited" if value >= NEUTRAL else "not suited"
                reasons.append(f"{use_case}: {verdict} ({undisputed[0].text})")
                continue
            guided = [
                g for g in advice if use_case in g.use_cases and languages & set(g.languages)
            ]
            if guided:
                values.append(0.75)
                bases.append(OPINION)
                for item in guided:
                    sources.extend(item.sources)
                shared = sorted(languages & {lang for g in guided for lang in g.languages})
                reasons.append(f"{use_case}: guidance recommends {', '.join(shared)} for it.")
                continue
            values.append(NEUTRAL)
            bases.append(NEUTRAL_DEFAULT)
            reasons.append(f"{use_case}: no source says either way.")
        return Score(sum(values) / len(values), reasons, sources, _mean_coverage(bases))


@attrs.frozen
class ScaleFitScorer:
    """Scale fit: scalability rating and the large-scale / small-medium claims."""

    name: str = "scale_fit"
    description: str = "Does it suit the project's expected size?"

    def score(self, framework: Framework, requirements: Requirements) -> Score:
        """Large projects want scalability; small ones are served by most frameworks."""
        scale = requirements.scale
        if scale is None:
            return Score(NEUTRAL, ["No expected scale given."], (), NEUTRAL_DEFAULT)
        value, reasons, sources, basis = _rating_score(framework, Quality.SCALABILITY)
        scalability = NEUTRAL if value is None else value
        cited = list(sources)
        claims = {c.use_case: c for c in framework.use_cases if not c.disputed}
        large = claims.get("large-scale")
        small = claims.get("small-medium-apps") or claims.get("mvp-prototype")
        if scale is Scale.LARGE:
            result = scalability
            if large is not None:
                result = 1.0 if large.suited else 0.0
                basis = _basis([large.status])
                reasons.append(f"{'Suited' if large.suited else 'Not suited'} to large scale.")
                cited.extend(large.sources)
        elif scale is Scale.SMALL:
            result = 0.7 + 0.3 * scalability
            if small is not None and small.suited:
                result = 1.0
                basis = _basis([small.status])
                reasons.append(f"Named for {small.use_case}.")
                cited.extend(small.sources)
        else:
            result = 0.5 + 0.5 * scalability
            if large is not None and not large.suited:
                result = min(result, 0.4)
                basis = _mean_coverage([basis, _basis([large.status])])
                reasons.append("Not suited to large scale, a risk if a medium project grows.")
                cited.extend(large.sources)
        return Score(result, reasons, cited, basis)


@attrs.frozen
class LearningCurveScorer:
    """Learning curve versus the team's experience."""

    name: str = "learning_curve"
    description: str = "Can the team, at its experience level, learn it quickly?"

    def score(self, framework: Framework, requirements: Requirements) -> Score:
        """1 when the curve is no steeper than the team's experience; less per level above."""
        rating = framework.rating(Quality.LEARNING_CURVE)
        if rating is None:
            return Score(NEUTRAL, ["No source rates its learning curve."], (), NEUTRAL_DEFAULT)
        experience = requirements.experience or Level.MODERATE
        gap = max(0, rating.level.rank - experience.rank)
        value = 1.0 - gap / (len(Level) - 1)
        reasons = [
            f"Learning curve rated {rating.level.value}; team experience {experience.value}.",
            *_disagreement(rating),
        ]
        basis = _basis([claim.status for claim in rating.evidence])
        return Score(value, reasons, rating.sources, basis)


_PERMISSIVE = frozenset({"MIT", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "ISC", "0BSD"})


@attrs.frozen
class LicenseScorer:
    """License and vendor lock-in: permissive open source is best, hosted services worst."""

    name: str = "license"
    description: str = "Is it open source, permissively licensed and free of vendor lock-in?"

    def score(self, framework: Framework, requirements: Requirements) -> Score:  # noqa: ARG002
        """Permissive 1, other open source 0.8, unknown 0.5, proprietary 0.3, hosted 0.1."""
        reasons: list[str] = []
        sources: list[str] = []
        license_ = framework.license
        open_source = framework.open_source
        if license_ is not None:
            sources.extend(license_.sources)
        if open_source is not None:
            sources.extend(open_source.sources)
        hosted = is_hosted(framework)
        if hosted and framework.runtime is not None:
            sources.extend(framework.runtime.sources)
            reasons.append("A hosted service: the application depends on one vendor.")
            return Score(0.1, reasons, sources, VERIFIED)
        if open_source is None and license_ is None:
            return Score(NEUTRAL, ["License unknown."], (), NEUTRAL_DEFAULT)
        if open_source is not None and not open_source.value:
            reasons.append("Not open source.")
            return Score(0.3, reasons, sources, VERIFIED)
        if license_ is not None and license_.value in _PERMISSIVE:
            reasons.append(f"Open source under the permissive {license_.value} license.")
            return Score(1.0, reasons, sources, VERIFIED)
        name = license_.value if license_ is not None else "an unstated license"
        reasons.append(f"Open source under {name}.")
        return Score(0.8, reasons, sources, VERIFIED)


@attrs.frozen
class LongTermSupportScorer:
    """How long the maintainers' policy keeps the framework supported from the judging day.

    It looks at the newest long-term-support line released by then and at
    the newest line, and takes the one supported longer: three or more years of published security
    support left score 1, less scores in proportion, an ended window 0. A
    current line with no published end scores neutral, as does a framework
    with no recorded policy: absence of data is not evidence.
    """

    name: str = "long_term_support"
    description: str = "How long does the published policy keep it supported?"
    horizon_days: int = 3 * 365

    def score(self, framework: Framework, requirements: Requirements) -> Score:
        """Remaining security support of the newest LTS (or current) line, over 3 years."""
        day = requirements.on or datetime.date.today()  # noqa: DTZ011 - a calendar day
        released = [
            line
            for line in newest_first(framework.release_lines)
            if last_day(line.released) <= day
        ]
        if not released:
            reason = "No published support policy is recorded."
            return Score(NEUTRAL, [reason], (), NEUTRAL_DEFAULT)
        lts = [line for line in released if line.lts]
        # The newest LTS line and the newest line: whichever is supported longer
        # (a project that stopped naming LTS lines, like Laravel, keeps its current one).
        candidates = list(dict.fromkeys([*lts[:1], released[0]]))
        dated = [c for c in candidates if c.security_support_until is not None]
        line = max(
            dated, key=lambda c: last_day(c.security_support_until or ""), default=candidates[0]
        )
        policy = framework.support_policy
        sources = (*(policy.sources if policy else ()), *line.sources)
        what = f"{line.version} ({'LTS' if line.lts else 'the newest line'})"
        if line.security_support_until is None:
            return Score(
                NEUTRAL,
                [f"{what}: no end of security support is published."],
                sources,
                NEUTRAL_DEFAULT,
            )
        left = (last_day(line.security_support_until) - day).days
        if left < 0:
            ended = f"{what}: security support ended {line.security_support_until}."
            return Score(0.0, [ended], sources, VERIFIED)
        value = min(1.0, left / self.horizon_days)
        return Score(
            round(value, 6),
            [f"{what}: security support until {line.security_support_until}."],
            sources,
            VERIFIED,
        )


_FRAMEWORK_KINDS = (Kind.FULL_STACK, Kind.WEB_FRAMEWORK, Kind.MICRO_FRAMEWORK, Kind.META_FRAMEWORK)
_FRAMEWORKS = dict.fromkeys(_FRAMEWORK_KINDS, 1.0)
# A meta-framework (Next.js, Nuxt) is built around rendering pages; a service with
# no pages of its own is better served by a framework made for it.
_SERVICES = {**_FRAMEWORKS, Kind.META_FRAMEWORK: 0.6}
# How well each kind of tool does the job a use case names. A use case not listed
# is served by every kind (neutral); a kind missing from a listed use case gets
# _WRONG_KIND. A hosted backend does a mobile backend's work with no server code
# to write, which a framework needs (0.6); for an MVP both are quick (1.0).
_KIND_FIT: dict[str, dict[Kind, float]] = {
    "cms": {Kind.CMS: 1.0},
    "api": _SERVICES,
    "microservices": _SERVICES,
    "enterprise": _SERVICES,
    "high-concurrency": _SERVICES,
    "data-ai": _SERVICES,
    "web-app": _FRAMEWORKS,
    "e-commerce": {**_FRAMEWORKS, Kind.CMS: 1.0},
    "seo": {**_FRAMEWORKS, Kind.CMS: 1.0},
    "static-sites": {Kind.META_FRAMEWORK: 1.0, Kind.CMS: 1.0},
    "mobile-backend": {**dict.fromkeys(_FRAMEWORK_KINDS, 0.6), Kind.BACKEND_AS_A_SERVICE: 1.0},
    "mvp-prototype": {**_FRAMEWORKS, Kind.BACKEND_AS_A_SERVICE: 1.0},
}
_WRONG_KIND = 0.2


@attrs.frozen
class KindFitScorer:
    """Whether the kind of tool (framework, CMS, hosted backend) is what the use cases call for.

    A content-management system serves content sites, not APIs; a hosted
    backend serves a mobile app's backend, not an enterprise service. For
    each wanted use case the record's kind earns its value in the model's
    table (1 for the kinds that do that job, 0.2 for another kind's job),
    and neutral for a use case every kind may serve.
    """

    name: str = "kind_fit"
    description: str = "Is it the kind of tool (framework, CMS, hosted backend) the project needs?"

    def score(self, framework: Framework, requirements: Requirements) -> Score:
        """Mean over the wanted use cases of how well the record's kind does that job."""
        if not requirements.use_cases:
            return Score(NEUTRAL, ["No use cases given."], (), NEUTRAL_DEFAULT)
        kind = framework.kind.value
        values: list[float] = []
        reasons: list[str] = []
        bases: list[Coverage] = []
        for use_case in requirements.use_cases:
            table = _KIND_FIT.get(use_case)
            if table is None:
                values.append(NEUTRAL)
                bases.append(NEUTRAL_DEFAULT)
                continue
            bases.append(OPINION)  # the model's judgement of which kind does which job
            value = table.get(kind, _WRONG_KIND)
            values.append(value)
            if value == 1.0:
                reasons.append(f"{use_case}: a {kind.value} does this job.")
            elif value > _WRONG_KIND:
                reasons.append(f"{use_case}: a {kind.value} can do it, with more work.")
            else:
                reasons.append(f"{use_case}: not a job for a {kind.value}.")
        if not reasons:
            reasons.append("No wanted use case depends on the kind of tool.")
        return Score(
            round(sum(values) / len(values), 6),
            reasons,
            framework.kind.sources,
            _mean_coverage(bases),
        )


_MAINTENANCE_VALUE = {
    MaintenanceStatus.ACTIVE: 1.0,
    MaintenanceStatus.MAINTENANCE_ONLY: 0.3,
    MaintenanceStatus.DEPRECATED: 0.0,
    MaintenanceStatus.ARCHIVED: 0.0,
}


@attrs.frozen
class MaintenanceScorer:
    """Whether it is still developed: active 1, maintenance-only 0.3, ended 0; unknown neutral."""

    name: str = "maintenance"
    description: str = "Is it still actively developed?"

    def score(self, framework: Framework, requirements: Requirements) -> Score:  # noqa: ARG002
        """The recorded maintenance status, as a value."""
        status = framework.maintenance
        if status is None:
            return Score(NEUTRAL, ["No maintenance status is recorded."], (), NEUTRAL_DEFAULT)
        words = f"It is {status.value.value} (as of {status.as_of})."
        return Score(_MAINTENANCE_VALUE[status.value], [words], status.sources, VERIFIED)


def builtin_scorers() -> tuple[tuple[Scorer, float], ...]:
    """The built-in scorers with their default weights, in display order."""
    return (
        (LanguageFitScorer(), 3.0),
        (FeatureScorer(), 3.0),
        (UseCaseFitScorer(), 2.0),
        (KindFitScorer(), 2.0),
        (ScaleFitScorer(), 1.0),
        (LearningCurveScorer(), 1.0),
        (PerformanceScorer(), 1.0),
        (CommunityScorer(), 1.0),
        (MaturityScorer(), 1.0),
        (DevelopmentSpeedScorer(), 1.0),
        (LicenseScorer(), 1.0),
        (LongTermSupportScorer(), 1.0),
        (MaintenanceScorer(), 1.0),
    )


BUILTIN_NAMES: tuple[str, ...] = tuple(scorer.name for scorer, _ in builtin_scorers())
"""The names of the built-in scorers, which plugins may not take."""
