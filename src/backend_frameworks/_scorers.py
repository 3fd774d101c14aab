"""The built-in scorers: one per criterion of the seed articles, using only the data."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import attrs

from ._lifecycle import last_day, newest_first
from ._model import (
    Framework,
    Guidance,
    GuidanceKind,
    Kind,
    Level,
    Quality,
    Rating,
    SupportLevel,
)
from ._requirements import Requirements, Scale
from ._score import Score, Scorer

if TYPE_CHECKING:
    from ._kb import KnowledgeBase

__all__ = [
    "BUILTIN_NAMES",
    "NEUTRAL",
    "CommunityScorer",
    "DevelopmentSpeedScorer",
    "FeatureScorer",
    "LanguageFitScorer",
    "LearningCurveScorer",
    "LicenseScorer",
    "LongTermSupportScorer",
    "MaturityScorer",
    "PerformanceScorer",
    "QualityScorer",
    "ScaleFitScorer",
    "UseCaseFitScorer",
    "builtin_scorers",
]

NEUTRAL = 0.5
"""The value a scorer gives when the data says nothing either way."""

_RUNTIME_OF_LANGUAGE = {
    "python": "cpython",
    "ruby": "ruby",
    "php": "php",
    "javascript": "node-js",
    "typescript": "node-js",
    "java": "jvm",
    "kotlin": "jvm",
    "groovy": "jvm",
    "scala": "jvm",
    "csharp": "dotnet",
    "fsharp": "dotnet",
    "visual-basic": "dotnet",
    "elixir": "beam",
    "erlang": "beam",
    "dart": "dart-vm",
}
# TypeScript is JavaScript with types: closer than two languages that only share a VM.
_CLOSE_PAIRS = frozenset({frozenset({"javascript", "typescript"})})
_CLOSE_CREDIT = 0.7
_SAME_RUNTIME_CREDIT = 0.5

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
    """Team language fit, with partial credit for a neighbour on the same runtime."""

    name: str = "language_fit"
    description: str = "Is the framework written in a language the team knows?"

    def score(self, framework: Framework, requirements: Requirements) -> Score:
        """Best match between the framework's languages and the team's."""
        team = requirements.languages
        sources = framework.languages.sources
        if not team:
            return Score(NEUTRAL, ["No team languages given."], ())
        best = 0.0
        reason = f"Uses {', '.join(framework.languages.value)}; the team knows none of them."
        for language in framework.languages.value:
            if language in team:
                value = _proficiency(team[language])
                if value > best:
                    best = value
                    reason = f"Uses {language}, which the team knows ({team[language].value})."
                continue
            for known, level in team.items():
                runtime = _RUNTIME_OF_LANGUAGE.get(known)
                if runtime is None or runtime != _RUNTIME_OF_LANGUAGE.get(language):
                    continue
                close = frozenset({known, language}) in _CLOSE_PAIRS
                credit = _CLOSE_CREDIT if close else _SAME_RUNTIME_CREDIT
                value = credit * _proficiency(level)
                if value > best:
                    best = value
                    reason = (
                        f"Uses {language}, a neighbour of {known} on the {runtime} runtime "
                        "(partial credit)."
                    )
        return Score(round(best, 6), [reason], sources)


def _disagreement(rating: Rating) -> list[str]:
    """A reason saying the sources disagree, when they do."""
    if not rating.disagreement:
        return []
    levels = ", ".join(level.value for level in sorted(rating.levels))
    return [f"Sources disagree ({levels}); the median counts."]


def _rating_score(
    framework: Framework, quality: Quality
) -> tuple[float | None, list[str], tuple[str, ...]]:
    rating = framework.rating(quality)
    words = quality.value.replace("-", " ")
    if rating is None:
        if any(claim.quality is quality for claim in framework.qualities):
            return None, [f"Its {words} claims are unsupported or disputed; not evidence."], ()
        return None, [f"No source rates its {words}."], ()
    reasons = [f"{words.capitalize()} rated {rating.level.value}."]
    return _level_value(rating.level), reasons + _disagreement(rating), rating.sources


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
        value, reasons, sources = _rating_score(framework, self.quality)
        return Score(NEUTRAL if value is None else value, reasons, sources)


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
        for quality in (Quality.COMMUNITY, Quality.DOCUMENTATION):
            value, why, cited = _rating_score(framework, quality)
            reasons.extend(why)
            sources.extend(cited)
            if value is not None:
                values.append(value)
        total = sum(values) / len(values) if values else NEUTRAL
        return Score(total, reasons, sources)


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
            return Score(NEUTRAL, ["No features requested."], ())
        values: list[float] = []
        reasons: list[str] = []
        sources: list[str] = []
        for feature, minimum in sorted(wanted.items()):
            support = framework.feature(feature)
            if support is None:
                values.append(NEUTRAL)
                reasons.append(f"{feature}: unknown (unverified), scored neutral.")
                continue
            sources.extend(support.sources)
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
        return Score(sum(values) / len(values), reasons, sources)


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
            return Score(NEUTRAL, ["No use cases given."], ())
        advice = self._language_guidance()
        languages = set(framework.languages.value)
        values: list[float] = []
        reasons: list[str] = []
        sources: list[str] = []
        for use_case in requirements.use_cases:
            claims = [c for c in framework.use_cases if c.use_case == use_case]
            undisputed = [c for c in claims if not c.disputed] or claims
            if undisputed:
                suited = [c for c in undisputed if c.suited]
                value = len(suited) / len(undisputed)
                values.append(value)
                for claim in undisputed:
                    sources.extend(claim.sources)
                verdict = "suited" if value >= NEUTRAL else "not suited"
                reasons.append(f"{use_case}: {verdict} ({undisputed[0].text})")
                continue
            guided = [
                g for g in advice if use_case in g.use_cases and languages & set(g.languages)
            ]
            if guided:
                values.append(0.75)
                for item in guided:
                    sources.extend(item.sources)
                shared = sorted(languages & {lang for g in guided for lang in g.languages})
                reasons.append(f"{use_case}: guidance recommends {', '.join(shared)} for it.")
                continue
            values.append(NEUTRAL)
            reasons.append(f"{use_case}: no source says either way.")
        return Score(sum(values) / len(values), reasons, sources)


@attrs.frozen
class ScaleFitScorer:
    """Scale fit: scalability rating and the large-scale / small-medium claims."""

    name: str = "scale_fit"
    description: str = "Does it suit the project's expected size?"

    def score(self, framework: Framework, requirements: Requirements) -> Score:
        """Large projects want scalability; small ones are served by most frameworks."""
        scale = requirements.scale
        if scale is None:
            return Score(NEUTRAL, ["No expected scale given."], ())
        value, reasons, sources = _rating_score(framework, Quality.SCALABILITY)
        scalability = NEUTRAL if value is None else value
        cited = list(sources)
        claims = {c.use_case: c for c in framework.use_cases if not c.disputed}
        large = claims.get("large-scale")
        small = claims.get("small-medium-apps") or claims.get("mvp-prototype")
        if scale is Scale.LARGE:
            result = scalability
            if large is not None:
                result = 1.0 if large.suited else 0.0
                reasons.append(f"{'Suited' if large.suited else 'Not suited'} to large scale.")
                cited.extend(large.sources)
        elif scale is Scale.SMALL:
            result = 0.7 + 0.3 * scalability
            if small is not None and small.suited:
                result = 1.0
                reasons.append(f"Named for {small.use_case}.")
                cited.extend(small.sources)
        else:
            result = 0.5 + 0.5 * scalability
            if large is not None and not large.suited:
                result = min(result, 0.4)
                reasons.append("Not suited to large scale, a risk if a medium project grows.")
                cited.extend(large.sources)
        return Score(result, reasons, cited)


@attrs.frozen
class LearningCurveScorer:
    """Learning curve versus the team's experience."""

    name: str = "learning_curve"
    description: str = "Can the team, at its experience level, learn it quickly?"

    def score(self, framework: Framework, requirements: Requirements) -> Score:
        """1 when the curve is no steeper than the team's experience; less per level above."""
        rating = framework.rating(Quality.LEARNING_CURVE)
        if rating is None:
            return Score(NEUTRAL, ["No source rates its learning curve."], ())
        experience = requirements.experience or Level.MODERATE
        gap = max(0, rating.level.rank - experience.rank)
        value = 1.0 - gap / (len(Level) - 1)
        reasons = [
            f"Learning curve rated {rating.level.value}; team experience {experience.value}.",
            *_disagreement(rating),
        ]
        return Score(value, reasons, rating.sources)


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
        hosted = framework.kind.value is Kind.BACKEND_AS_A_SERVICE or (
            framework.runtime is not None and framework.runtime.value == "managed-cloud"
        )
        if hosted:
            sources.extend(framework.kind.sources)
            reasons.append("A hosted service: the application depends on one vendor.")
            return Score(0.1, reasons, sources)
        if open_source is None and license_ is None:
            return Score(NEUTRAL, ["License unknown."], ())
        if open_source is not None and not open_source.value:
            reasons.append("Not open source.")
            return Score(0.3, reasons, sources)
        if license_ is not None and license_.value in _PERMISSIVE:
            reasons.append(f"Open source under the permissive {license_.value} license.")
            return Score(1.0, reasons, sources)
        name = license_.value if license_ is not None else "an unstated license"
        reasons.append(f"Open source under {name}.")
        return Score(0.8, reasons, sources)


@attrs.frozen
class LongTermSupportScorer:
    """How long the maintainers' policy keeps the framework supported from the judging day.

    It looks at the newest long-term-support line released by then (or, with
    none, the newest line): three or more years of published security
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
            return Score(NEUTRAL, ["No published support policy is recorded."], ())
        lts = [line for line in released if line.lts]
        line = (lts or released)[0]
        policy = framework.support_policy
        sources = (*(policy.sources if policy else ()), *line.sources)
        what = f"{line.version} ({'LTS' if line.lts else 'the newest line'})"
        if line.security_support_until is None:
            return Score(NEUTRAL, [f"{what}: no end of security support is published."], sources)
        left = (last_day(line.security_support_until) - day).days
        if left < 0:
            return Score(0.0, [f"{what}: security support ended {line.security_support_until}."],
                         sources)  # fmt: skip
        value = min(1.0, left / self.horizon_days)
        return Score(
            round(value, 6),
            [f"{what}: security support until {line.security_support_until}."],
            sources,
        )


def builtin_scorers() -> tuple[tuple[Scorer, float], ...]:
    """The built-in scorers with their default weights, in display order."""
    return (
        (LanguageFitScorer(), 3.0),
        (FeatureScorer(), 3.0),
        (UseCaseFitScorer(), 2.0),
        (ScaleFitScorer(), 1.0),
        (LearningCurveScorer(), 1.0),
        (PerformanceScorer(), 1.0),
        (CommunityScorer(), 1.0),
        (MaturityScorer(), 1.0),
        (DevelopmentSpeedScorer(), 1.0),
        (LicenseScorer(), 1.0),
        (LongTermSupportScorer(), 1.0),
    )


BUILTIN_NAMES: tuple[str, ...] = tuple(scorer.name for scorer, _ in builtin_scorers())
"""The names of the built-in scorers, which plugins may not take."""
