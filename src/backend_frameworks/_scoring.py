"""The scoring model, aggregation strategies and :func:`recommend`."""

from __future__ import annotations

import datetime
import math
import types
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, cast

import attrs

from ._analysis import Row, Stability, Table, WhyNot, ranking_key
from ._analysis import stability as _stability
from ._analysis import why_not as _why_not
from ._errors import (
    InvalidModelError,
    InvalidQueryError,
    InvalidRequirementsError,
    ScorerError,
    UnknownFrameworkError,
    UnknownScorerError,
)
from ._lifecycle import last_day, newest_first
from ._model import Framework
from ._names import criterion_key, normalize, suggest
from ._query import check_limit
from ._requirements import Requirements, weight_problem
from ._score import Aggregation, Coverage, Score, Scorer, scorer_problem
from ._scorers import (
    LanguageMatch,
    builtin_scorers,
    is_hosted,
    language_match,
    language_neighbours,
)

if TYPE_CHECKING:
    from ._kb import KnowledgeBase

__all__ = [
    "Aggregation",
    "CriterionScore",
    "Exclusion",
    "Recommendation",
    "RecommendationResult",
    "ScoringModel",
    "WeightedMean",
    "WeightedProduct",
    "check_scorer",
    "check_weight",
    "recommend",
]


@attrs.frozen
class WeightedMean:
    """The default: ``sum(w * v) / sum(w)``; a contribution is ``w * v / sum(w)``.

    Contributions add up to the total. With no weight at all the total is 0.
    """

    def aggregate(self, values: Sequence[tuple[float, float]]) -> tuple[float, tuple[float, ...]]:
        """Weighted arithmetic mean."""
        total_weight = sum(weight for _, weight in values)
        if total_weight <= 0:
            return 0.0, tuple(0.0 for _ in values)
        parts = tuple(value * weight / total_weight for value, weight in values)
        return min(1.0, max(0.0, math.fsum(parts))), parts


@attrs.frozen
class WeightedProduct:
    """``prod(v ** (w / sum(w)))``: a zero on any weighted criterion vetoes.

    A contribution is the factor ``v ** (w / sum(w))``; factors multiply to
    the total. Use it when every criterion must be at least partly met.
    """

    def aggregate(self, values: Sequence[tuple[float, float]]) -> tuple[float, tuple[float, ...]]:
        """Weighted geometric mean."""
        total_weight = sum(weight for _, weight in values)
        if total_weight <= 0:
            return 0.0, tuple(1.0 for _ in values)
        factors = tuple(
            1.0 if weight == 0 else value ** (weight / total_weight) for value, weight in values
        )
        return min(1.0, max(0.0, math.prod(factors))), factors


def check_weight(name: str, weight: object) -> float:
    """A scorer's weight as a float; raises :class:`InvalidModelError` naming the scorer."""
    problem = weight_problem(weight)
    if problem is not None:
        message, wrong_type = problem
        error = InvalidModelError.wrong_type if wrong_type else InvalidModelError
        raise error(f"the weight of {name!r} {message}")
    return float(weight)  # type: ignore[arg-type] # checked above


def check_scorer(scorer: object) -> Scorer:
    """``scorer`` if it is a valid :class:`Scorer`; raises :class:`InvalidModelError`."""
    problem = scorer_problem(scorer)
    if problem is not None:
        name = getattr(scorer, "name", None)
        label = repr(name) if isinstance(name, str) else repr(scorer)
        error = InvalidModelError.wrong_type if problem.startswith("not") else InvalidModelError
        raise error(f"scorer {label}: {problem}")
    return scorer  # type: ignore[return-value] # checked above


@attrs.frozen
class ScoringModel:
    """Named scorers with weights and an aggregation strategy; immutable.

    Every change returns a new model. A requirement's ``priorities`` replace
    the model's weight for the criteria they name.

    >>> import backend_frameworks as bf
    >>> model = bf.ScoringModel.default().with_weights(performance=3).without("license")
    >>> model.weights["performance"], "license" in model.names
    (3.0, False)
    """

    scorers: tuple[tuple[Scorer, float], ...] = ()
    aggregation: Aggregation = attrs.field(factory=WeightedMean)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.scorers, tuple):
            raise InvalidModelError.wrong_type(
                f"scorers must be a tuple of (scorer, weight) pairs, not "
                f"{type(self.scorers).__name__}"
            )
        seen: set[str] = set()
        for entry in cast("tuple[object, ...]", self.scorers):
            if not isinstance(entry, tuple) or len(entry) != 2:  # noqa: PLR2004 - a pair
                raise InvalidModelError.wrong_type(
                    f"each entry of scorers must be a (scorer, weight) pair, not {entry!r}"
                )
            scorer, weight = entry
            check_scorer(scorer)
            key = criterion_key(scorer.name)
            if key in seen:
                raise InvalidModelError(f"two scorers are named {scorer.name!r}")
            seen.add(key)
            check_weight(scorer.name, weight)
        if not callable(getattr(self.aggregation, "aggregate", None)):
            raise InvalidModelError.wrong_type(
                f"aggregation must have an aggregate() method, not {self.aggregation!r}"
            )

    @classmethod
    def default(cls) -> ScoringModel:
        """The built-in scorers with their default weights, and nothing else.

        It never includes registered scorers or plugins: the package root's
        :func:`backend_frameworks.default_model` adds those.

        >>> import backend_frameworks as bf
        >>> bf.ScoringModel.default().names[:3]
        ('language_fit', 'features', 'use_case_fit')
        """
        return cls(builtin_scorers())

    @property
    def names(self) -> tuple[str, ...]:
        """The scorers' names, in model order."""
        return tuple(scorer.name for scorer, _ in self.scorers)

    @property
    def weights(self) -> Mapping[str, float]:
        """Criterion name -> default weight (read-only)."""
        return types.MappingProxyType({scorer.name: float(w) for scorer, w in self.scorers})

    def scorer(self, name: str) -> Scorer:
        """The scorer with this name (case aside, hyphens read as ``_``).

        Raises:
            UnknownScorerError: no scorer has the name (also a :class:`KeyError`).
        """
        wanted = criterion_key(str(name))
        for scorer, _ in self.scorers:
            if criterion_key(scorer.name) == wanted:
                return scorer
        index = {normalize(known): known for known in self.names}
        raise UnknownScorerError(str(name), suggest(str(name), index))

    def with_scorer(self, scorer: Scorer, weight: float = 1.0) -> ScoringModel:
        """A model with ``scorer`` added (or replacing the one of the same name).

        Raises:
            InvalidModelError: not a scorer, or an invalid weight.
        """
        check_scorer(scorer)
        check_weight(scorer.name, weight)
        key = criterion_key(scorer.name)
        if all(criterion_key(s.name) != key for s, _ in self.scorers):
            return attrs.evolve(self, scorers=(*self.scorers, (scorer, float(weight))))
        entries = tuple(
            (scorer, float(weight)) if criterion_key(s.name) == key else (s, w)
            for s, w in self.scorers
        )
        return attrs.evolve(self, scorers=entries)

    def without(self, *names: str) -> ScoringModel:
        """A model without the named scorers.

        Raises:
            UnknownScorerError: a name is not in the model.
        """
        dropped = {self.scorer(name).name for name in names}
        return attrs.evolve(
            self, scorers=tuple(e for e in self.scorers if e[0].name not in dropped)
        )

    def with_weights(
        self, weights: Mapping[str, float] | None = None, /, **more: float
    ) -> ScoringModel:
        """A model with new default weights (names read as in :meth:`scorer`).

        Raises:
            UnknownScorerError: a name is not in the model.
            InvalidModelError: a weight that is not a number, negative or not finite.
        """
        if weights is not None and not isinstance(weights, Mapping):
            raise InvalidModelError.wrong_type(
                f"weights must be a mapping of criterion to weight, not {type(weights).__name__}"
            )
        changes = {
            self.scorer(name).name: check_weight(name, weight)
            for name, weight in {**(weights or {}), **more}.items()
        }
        return attrs.evolve(
            self,
            scorers=tuple((s, changes.get(s.name, w)) for s, w in self.scorers),
        )

    def with_aggregation(self, aggregation: Aggregation) -> ScoringModel:
        """A model with another aggregation strategy.

        Raises:
            InvalidModelError: ``aggregation`` has no ``aggregate()`` method.
        """
        return attrs.evolve(self, aggregation=aggregation)

    def effective_weights(self, requirements: Requirements) -> Mapping[str, float]:
        """The weights used for ``requirements``: defaults, replaced by its priorities."""
        return types.MappingProxyType(
            {
                scorer.name: requirements.priorities.get(criterion_key(scorer.name), float(weight))
                for scorer, weight in self.scorers
            }
        )


@attrs.frozen
class CriterionScore:
    """One criterion's part in a recommendation; ``coverage`` is what its value rests on."""

    name: str
    value: float
    weight: float
    contribution: float
    reasons: tuple[str, ...]
    sources: tuple[str, ...]
    coverage: Coverage = attrs.field(factory=Coverage)

    @property
    def shortfall(self) -> float:
        """How much weight the criterion left unearned, ``weight * (1 - value)``."""
        return self.weight * (1.0 - self.value)


@attrs.frozen
class Recommendation:
    """A ranked framework with its total and per-criterion breakdown.

    ``language_match`` says how it meets the team's languages (``None``
    when the requirements name none, or the team is open to new ones): the
    ranking orders by it first, then by ``total``. ``unverified`` lists the
    must-have features whose support the data does not know: kept, scored
    neutral, to be checked.
    """

    framework: Framework
    total: float
    rank: int
    breakdown: tuple[CriterionScore, ...]
    language_match: LanguageMatch | None = None
    unverified: tuple[str, ...] = ()

    @property
    def coverage(self) -> Coverage:
        """How much of the total rests on verified evidence, on opinion and on neutral defaults.

        Each criterion counts by what it adds to the total (``weight *
        value``), split by its own ``coverage``.
        """
        earned = [(entry.weight * entry.value, entry.coverage) for entry in self.breakdown]
        if sum(amount for amount, _ in earned) <= 0:
            earned = [(entry.weight, entry.coverage) for entry in self.breakdown]
        total = sum(amount for amount, _ in earned)
        if total <= 0:
            return Coverage()
        return Coverage(
            verified=min(1.0, math.fsum(a * c.verified for a, c in earned) / total),
            opinion=min(1.0, math.fsum(a * c.opinion for a, c in earned) / total),
            neutral=min(1.0, math.fsum(a * c.neutral for a, c in earned) / total),
        )

    def deciding(self, count: int = 2) -> tuple[CriterionScore, ...]:
        """The criteria that earned it most (``weight * value``), best first, skipping defaults.

        With :attr:`drawback`, the reasons that decided its place.
        """
        earned = [
            entry
            for entry in self.breakdown
            if entry.weight > 0 and entry.value > 0 and entry.coverage.neutral < 1.0
        ]
        earned.sort(key=lambda entry: (-entry.weight * entry.value, entry.name))
        return tuple(earned[:count])

    @property
    def drawback(self) -> CriterionScore | None:
        """The criterion that pulled it down most (largest :attr:`CriterionScore.shortfall`).

        Criteria scored on a neutral default are skipped (no evidence is
        not a drawback), as are those :meth:`deciding` names. ``None`` when
        nothing else with evidence fell short.
        """
        strengths = {entry.name for entry in self.deciding()}
        lost = [
            entry
            for entry in self.breakdown
            if entry.shortfall > 0 and entry.coverage.neutral < 1.0 and entry.name not in strengths
        ]
        return min(lost, key=lambda entry: (-entry.shortfall, entry.name), default=None)

    def criterion(self, name: str) -> CriterionScore:
        """The breakdown entry of one criterion (names read as in :meth:`ScoringModel.scorer`).

        Raises:
            UnknownScorerError: no such criterion (also a :class:`KeyError`).
        """
        wanted = criterion_key(str(name))
        for entry in self.breakdown:
            if criterion_key(entry.name) == wanted:
                return entry
        index = {normalize(entry.name): entry.name for entry in self.breakdown}
        raise UnknownScorerError(str(name), suggest(str(name), index))

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source cited by any criterion, first-cited order."""
        return tuple(dict.fromkeys(s for entry in self.breakdown for s in entry.sources))


@attrs.frozen
class Exclusion:
    """A framework a hard constraint ruled out, and why in words.

    ``constraints`` are the requirement fields it violates (``"must_have"``,
    ``"open_source_only"``...), ``reasons`` one sentence each.
    """

    framework: Framework
    constraints: tuple[str, ...]
    reasons: tuple[str, ...]

    @property
    def reason(self) -> str:
        """Every reason in one line."""
        return " ".join(self.reasons)


@attrs.frozen
class RecommendationResult:
    """Ranked recommendations (iterate over them) plus the excluded frameworks.

    Beyond the ranking it answers two questions: how sure it is
    (:meth:`stability`) and why a framework is not higher (:meth:`why_not`).
    """

    recommendations: tuple[Recommendation, ...]
    excluded: tuple[Exclusion, ...]
    _table: Table | None = attrs.field(default=None, repr=False, eq=False, alias="table")

    def __iter__(self) -> Iterator[Recommendation]:
        return iter(self.recommendations)

    def __len__(self) -> int:
        return len(self.recommendations)

    def __getitem__(self, index: int) -> Recommendation:
        return self.recommendations[index]

    @property
    def ids(self) -> tuple[str, ...]:
        """The recommended frameworks' ids, best first."""
        return tuple(r.framework.id for r in self.recommendations)

    def _needs_table(self) -> Table:
        if self._table is None:
            raise InvalidQueryError(
                "this result was not made by recommend() (it was rebuilt or built by hand), "
                "so it has no scores to analyse"
            )
        return self._table

    def stability(
        self, *, samples: int = 200, spread: float = 2.0, seed: int = 0
    ) -> tuple[Stability, ...]:
        """How often each recommended framework keeps its place, and what would move it.

        Each of ``samples`` variations multiplies every criterion's weight by
        its own factor, drawn log-uniformly between ``1/spread`` and
        ``spread`` (reproducibly, from ``seed``); then every framework's
        contested claims (sources that disagree on a level, disputed claims)
        are resolved one way and the other. Language tiers stay fixed.

        >>> import backend_frameworks as bf
        >>> result = bf.recommend(bf.Requirements(languages=["python"]), limit=3)
        >>> first = result.stability()[0]
        >>> first.framework.id, 0 <= first.kept <= 1
        ('django', True)

        Raises:
            InvalidRequirementsError: ``samples`` is not a positive int,
                ``spread`` not a number above 1 or ``seed`` not an int.
            InvalidQueryError: the result was not made by :func:`recommend`.
        """
        given: object = samples
        if isinstance(given, bool) or not isinstance(given, int) or given < 1:
            raise InvalidRequirementsError("samples", "must be an int >= 1", samples)
        width: object = spread
        if (
            isinstance(width, bool)
            or not isinstance(width, int | float)
            or not 1 < width < math.inf
        ):
            raise InvalidRequirementsError("spread", "must be a finite number above 1", spread)
        chosen: object = seed
        if isinstance(chosen, bool) or not isinstance(chosen, int):
            raise InvalidRequirementsError.wrong_type("seed", "must be an int", seed)
        table = self._needs_table()
        return _stability(
            table, len(self.recommendations), samples=samples, spread=float(spread), seed=seed
        )

    def why_not(self, name: str) -> WhyNot:
        """Why ``name`` (an id, name or alias) ranked lower or was excluded.

        >>> import backend_frameworks as bf
        >>> result = bf.recommend(bf.Requirements(languages=["python"], must_have=["orm"]))
        >>> why = result.why_not("meteor")
        >>> why.excluded, why.constraints
        (True, ('must_have',))
        >>> result.why_not("django").ahead is None  # it ranked first
        True

        Raises:
            UnknownFrameworkError: no ranked or excluded framework has the
                name (also a :class:`KeyError`), with suggestions.
        """
        table = self._needs_table()
        wanted = normalize(str(name))
        for exclusion in self.excluded:
            if wanted in _names(exclusion.framework):
                return WhyNot(
                    exclusion.framework,
                    None,
                    constraints=exclusion.constraints,
                    reasons=exclusion.reasons,
                )
        for index, row in enumerate(table.rows):
            if wanted in _names(row.framework):
                return _why_not(table, index)
        known = [row.framework for row in table.rows] + [e.framework for e in self.excluded]
        names = {key: framework.id for framework in known for key in _names(framework)}
        raise UnknownFrameworkError(str(name), suggest(str(name), names))


def _names(framework: Framework) -> set[str]:
    return {normalize(framework.id), normalize(framework.name)} | {
        normalize(alias) for alias in framework.aliases
    }


def _violations(
    framework: Framework,
    requirements: Requirements,
    excluded_ids: frozenset[str],
    match: LanguageMatch | None,
) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if framework.id in excluded_ids:
        found.append(("exclude", f"{framework.name} was excluded by name."))
    if requirements.languages_only and match is LanguageMatch.SERVICE:
        reason = "Languages only: a hosted service, not code in the team's languages."
        found.append(("languages_only", reason))
    elif requirements.languages_only and match is not LanguageMatch.TEAM:
        uses = ", ".join(framework.languages.value)
        team = ", ".join(requirements.languages)
        found.append(("languages_only", f"Languages only: it uses {uses}, not {team}."))
    kind = framework.kind.value
    if kind in requirements.exclude_kinds:
        found.append(("exclude_kinds", f"Its kind ({kind.value}) is excluded."))
    if requirements.open_source_only:
        open_source = framework.open_source
        if open_source is None:
            found.append(("open_source_only", "Open source only: its license status is unknown."))
        elif not open_source.value:
            found.append(("open_source_only", "Open source only: it is not open source."))
    if requirements.licenses is not None:
        license_ = framework.license.value if framework.license is not None else None
        if license_ not in requirements.licenses:
            allowed = ", ".join(sorted(requirements.licenses))
            found.append(
                ("licenses", f"Its license ({license_ or 'unknown'}) is not one of {allowed}.")
            )
    if requirements.self_hosted_only and is_hosted(framework):
        found.append(("self_hosted_only", "Self-hosted only: it is a hosted service."))
    if requirements.lts_required and (reason := _no_lts(framework, requirements)):
        found.append(("lts_required", reason))
    missing = [
        feature
        for feature in requirements.must_have
        if (support := framework.feature(feature)) is not None and not support.support.provided
    ]
    if missing:
        found.append(("must_have", f"Does not provide must-have features: {', '.join(missing)}."))
    maintenance = framework.maintenance
    if (
        not requirements.allow_unmaintained
        and maintenance is not None
        and not maintenance.value.recommendable
    ):
        status = f"It is {maintenance.value.value} (as of {maintenance.as_of})"
        found.append(
            (
                "allow_unmaintained",
                f"{status}; unmaintained frameworks are left out unless allowed.",
            )
        )
    return found


def _no_lts(framework: Framework, requirements: Requirements) -> str:
    """Why the recorded policy offers no long-term-support line on the day, or ``""``.

    A framework with no recorded lines is kept (its policy is unknown), and so
    is one whose newest LTS line has no published end.
    """
    lines = framework.release_lines
    if not lines:
        return ""
    day = requirements.on or datetime.date.today()  # noqa: DTZ011 - a calendar day
    lts = [line for line in newest_first(lines) if line.lts and last_day(line.released) <= day]
    if not lts:
        return "Its published support policy has no long-term-support line."
    ends = lts[0].security_support_until
    if ends is None or last_day(ends) >= day:
        return ""
    return (
        f"Its newest long-term-support line, {lts[0].version}, "
        f"lost security support in {ends}; the policy names no newer one."
    )


def _run(scorer: Scorer, framework: Framework, requirements: Requirements) -> Score:
    name = getattr(scorer, "name", repr(scorer))
    try:
        result = scorer.score(framework, requirements)
    except Exception as error:
        raise ScorerError(name, framework.id, f"raised {type(error).__name__}: {error}") from error
    if not isinstance(result, Score):
        raise ScorerError(name, framework.id, f"returned {type(result).__name__}, not a Score")
    value: object = result.value
    # Score validates on construction, but object.__setattr__ can bypass it.
    if not isinstance(value, int | float) or math.isnan(value) or not 0.0 <= value <= 1.0:
        raise ScorerError(name, framework.id, f"returned the value {value!r}, not in [0, 1]")
    return result


def recommend(
    kb: KnowledgeBase,
    requirements: Requirements,
    model: ScoringModel | None = None,
    *,
    limit: int | None = None,
) -> RecommendationResult:
    """Rank the backend frameworks of ``kb`` for ``requirements`` with ``model``.

    ``model`` defaults to :meth:`ScoringModel.default` (the built-in
    scorers only). The requirements are validated against ``kb`` and the
    model first. Frameworks that break a hard constraint are left out of the
    ranking and listed in ``excluded`` with the reasons. Ties break by name,
    so the result is deterministic.
    """
    if not isinstance(requirements, Requirements):
        raise InvalidRequirementsError.wrong_type(
            "requirements",
            f"must be a Requirements, not {type(requirements).__name__}",
            requirements,
        )
    if model is None:
        model = ScoringModel.default()
    elif not isinstance(model, ScoringModel):
        raise InvalidModelError.wrong_type(
            f"model must be a ScoringModel, not {type(model).__name__}"
        )
    count = check_limit(limit)
    requirements.validate(kb, model.names)
    bound = [(_bind(scorer, kb), weight) for scorer, weight in model.scorers]
    weights = model.effective_weights(requirements)
    excluded_ids = frozenset(kb.get(name).id for name in requirements.exclude)
    neighbours = language_neighbours(kb)
    tiered = bool(requirements.languages) and not requirements.open_to_new_languages

    def rescore(framework: Framework) -> tuple[float, ...]:
        return tuple(_run(scorer, framework, requirements).value for scorer, _ in bound)

    scored: list[tuple[Recommendation, Row]] = []
    excluded: list[Exclusion] = []
    for framework in kb.frameworks():
        match = (
            language_match(framework, requirements.languages, neighbours)[0]
            if requirements.languages
            else None
        )
        violations = _violations(framework, requirements, excluded_ids, match)
        if violations:
            excluded.append(
                Exclusion(
                    framework,
                    tuple(constraint for constraint, _ in violations),
                    tuple(reason for _, reason in violations),
                )
            )
            continue
        results = [(scorer, _run(scorer, framework, requirements)) for scorer, _ in bound]
        pairs = [(result.value, weights[scorer.name]) for scorer, result in results]
        total, parts = model.aggregation.aggregate(pairs)
        if math.isnan(total):
            raise ScorerError("<aggregation>", framework.id, "the total is NaN")
        breakdown = tuple(
            CriterionScore(
                scorer.name,
                float(result.value),
                weights[scorer.name],
                part,
                result.reasons,
                result.sources,
                result.coverage,
            )
            for (scorer, result), part in zip(results, parts, strict=True)
        )
        tier = match.tier if tiered and match is not None else 0
        unverified = tuple(f for f in requirements.must_have if framework.feature(f) is None)
        shown = match if tiered else None
        item = Recommendation(framework, total, 0, breakdown, shown, unverified)
        row = Row(framework, tier, tuple(float(r.value) for _, r in results), total)
        scored.append((item, row))

    scored.sort(key=lambda entry: ranking_key(entry[1].tier, entry[1].total, entry[1].framework))
    table = Table(
        tuple(scorer.name for scorer, _ in bound),
        tuple(weights[scorer.name] for scorer, _ in bound),
        model.aggregation,
        tuple(row for _, row in scored),
        rescore,
    )
    shown_items = scored if count is None else scored[:count]
    recommendations = tuple(
        attrs.evolve(item, rank=rank) for rank, (item, _) in enumerate(shown_items, start=1)
    )
    return RecommendationResult(recommendations, tuple(excluded), table=table)


def _bind(scorer: Scorer, kb: KnowledgeBase) -> Scorer:
    bind = getattr(scorer, "bind", None)
    if bind is None:
        return scorer
    try:
        bound: object = bind(kb)
    except Exception as error:
        raise ScorerError(scorer.name, None, f"bind(kb) raised {type(error).__name__}") from error
    problem = scorer_problem(bound)
    if problem is not None:
        raise ScorerError(scorer.name, None, f"bind(kb) returned {bound!r}: {problem}")
    if getattr(bound, "name", None) != scorer.name:
        raise ScorerError(scorer.name, None, "bind(kb) returned a scorer with another name")
    return bound  # type: ignore[return-value] # checked above
