"""The scoring model, aggregation strategies and :func:`recommend`."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

import attrs

from ._errors import ScorerError
from ._kb import KnowledgeBase
from ._model import Framework, Kind
from ._names import normalize
from ._requirements import Requirements
from ._score import Score, Scorer

__all__ = [
    "Aggregation",
    "CriterionScore",
    "Exclusion",
    "Recommendation",
    "RecommendationResult",
    "ScoringModel",
    "WeightedMean",
    "WeightedProduct",
    "recommend",
]


class Aggregation(Protocol):
    """How a model combines weighted criterion values into one total."""

    def aggregate(self, values: Sequence[tuple[float, float]]) -> tuple[float, tuple[float, ...]]:
        """``(value, weight)`` pairs -> ``(total, contribution of each pair)``."""
        ...


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


def _check_weight(name: str, weight: float) -> float:
    if isinstance(weight, bool) or not isinstance(weight, int | float):
        raise TypeError(f"weight of {name!r} must be a number")
    if math.isnan(weight) or math.isinf(weight) or weight < 0:
        raise ValueError(f"weight of {name!r} must be finite and >= 0, not {weight!r}")
    return float(weight)


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
        seen: set[str] = set()
        for scorer, weight in self.scorers:
            if scorer.name in seen:
                raise ValueError(f"two scorers are named {scorer.name!r}")
            seen.add(scorer.name)
            _check_weight(scorer.name, weight)

    @classmethod
    def default(cls, *, plugins: bool = False) -> ScoringModel:
        """The built-in scorers and every registered one (after loading plugins if asked).

        Raises:
            ScorerError: ``plugins=True`` and a plugin cannot be loaded.
        """
        from ._plugins import load_plugins, registered_scorers  # noqa: PLC0415 - import cycle
        from ._scorers import BUILTIN_SCORERS  # noqa: PLC0415

        if plugins:
            load_plugins()
        entries = list(BUILTIN_SCORERS())
        entries.extend(registered_scorers())
        return cls(tuple(entries))

    @property
    def names(self) -> tuple[str, ...]:
        """The scorers' names, in model order."""
        return tuple(scorer.name for scorer, _ in self.scorers)

    @property
    def weights(self) -> Mapping[str, float]:
        """Criterion name -> default weight."""
        return {scorer.name: weight for scorer, weight in self.scorers}

    def scorer(self, name: str) -> Scorer:
        """The scorer with this name.

        Raises:
            KeyError: no scorer has the name.
        """
        for scorer, _ in self.scorers:
            if scorer.name == name:
                return scorer
        raise KeyError(name)

    def with_scorer(self, scorer: Scorer, weight: float = 1.0) -> ScoringModel:
        """A model with ``scorer`` added (or replacing the one of the same name)."""
        if not isinstance(scorer, Scorer):
            raise TypeError(f"{scorer!r} is not a Scorer")
        _check_weight(scorer.name, weight)
        kept = [(s, w) for s, w in self.scorers if s.name != scorer.name]
        if len(kept) == len(self.scorers):
            return attrs.evolve(self, scorers=(*self.scorers, (scorer, float(weight))))
        entries = tuple(
            (scorer, float(weight)) if s.name == scorer.name else (s, w) for s, w in self.scorers
        )
        return attrs.evolve(self, scorers=entries)

    def without(self, *names: str) -> ScoringModel:
        """A model without the named scorers.

        Raises:
            KeyError: a name is not in the model.
        """
        for name in names:
            self.scorer(name)
        return attrs.evolve(self, scorers=tuple(e for e in self.scorers if e[0].name not in names))

    def with_weights(
        self, weights: Mapping[str, float] | None = None, /, **more: float
    ) -> ScoringModel:
        """A model with new default weights (hyphens in names are read as ``_``).

        Raises:
            KeyError: a name is not in the model.
            ValueError: a negative or non-finite weight.
        """
        changes = {k.replace("-", "_"): v for k, v in {**(weights or {}), **more}.items()}
        for name, weight in changes.items():
            self.scorer(name)
            _check_weight(name, weight)
        return attrs.evolve(
            self,
            scorers=tuple((s, float(changes.get(s.name, w))) for s, w in self.scorers),
        )

    def with_aggregation(self, aggregation: Aggregation) -> ScoringModel:
        """A model with another aggregation strategy."""
        return attrs.evolve(self, aggregation=aggregation)

    def effective_weights(self, requirements: Requirements) -> dict[str, float]:
        """The weights used for ``requirements``: defaults, replaced by its priorities."""
        return {
            scorer.name: requirements.priorities.get(scorer.name, weight)
            for scorer, weight in self.scorers
        }


@attrs.frozen
class CriterionScore:
    """One criterion's part in a recommendation."""

    name: str
    value: float
    weight: float
    contribution: float
    reasons: tuple[str, ...]
    sources: tuple[str, ...]


@attrs.frozen
class Recommendation:
    """A ranked framework with its total and per-criterion breakdown."""

    framework: Framework
    total: float
    rank: int
    breakdown: tuple[CriterionScore, ...]

    def criterion(self, name: str) -> CriterionScore:
        """The breakdown entry of one criterion.

        Raises:
            KeyError: no such criterion.
        """
        for entry in self.breakdown:
            if entry.name == name:
                return entry
        raise KeyError(name)

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
    """Ranked recommendations (iterate over them) plus the excluded frameworks."""

    recommendations: tuple[Recommendation, ...]
    excluded: tuple[Exclusion, ...]

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

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready builtins."""
        return {
            "recommendations": [
                {
                    "rank": r.rank,
                    "id": r.framework.id,
                    "name": r.framework.name,
                    "total": round(r.total, 6),
                    "criteria": [
                        {
                            "name": c.name,
                            "value": round(c.value, 6),
                            "weight": c.weight,
                            "contribution": round(c.contribution, 6),
                            "reasons": list(c.reasons),
                            "sources": list(c.sources),
                        }
                        for c in r.breakdown
                    ],
                }
                for r in self.recommendations
            ],
            "excluded": [
                {
                    "id": e.framework.id,
                    "name": e.framework.name,
                    "constraints": list(e.constraints),
                    "reasons": list(e.reasons),
                }
                for e in self.excluded
            ],
        }


def _violations(
    framework: Framework, requirements: Requirements, excluded_ids: frozenset[str]
) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if framework.id in excluded_ids:
        found.append(("exclude", f"{framework.name} was excluded by name."))
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
    if requirements.self_hosted_only and (
        kind is Kind.BACKEND_AS_A_SERVICE
        or (framework.runtime is not None and framework.runtime.value == "managed-cloud")
    ):
        found.append(("self_hosted_only", "Self-hosted only: it is a hosted service."))
    missing = [f for f in requirements.must_have if framework.feature(f) is None]
    if missing:
        found.append(("must_have", f"Missing must-have features: {', '.join(missing)}."))
    return found


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
    requirements: Requirements,
    model: ScoringModel | None = None,
    kb: KnowledgeBase | None = None,
    limit: int | None = None,
) -> RecommendationResult:
    """Rank the backend frameworks of ``kb`` (default: shipped data) for ``requirements``.

    Frameworks that break a hard constraint are left out of the ranking and
    listed in ``excluded`` with the reasons. Ties break by name, so the
    result is deterministic.

    >>> import backend_frameworks as bf
    >>> needs = bf.Requirements(languages=["python"], must_have=["orm", "admin-interface"])
    >>> result = bf.recommend(needs)
    >>> result[0].framework.name
    'Django'
    >>> any(e.framework.id == "flask" for e in result.excluded)
    True

    Raises:
        InvalidRequirementsError: the requirements name something ``kb`` or
            the model does not know.
        ScorerError: a scorer failed or returned an invalid score.
    """
    if kb is None:
        from ._default import default_knowledge_base  # noqa: PLC0415 - lazy

        kb = default_knowledge_base()
    if model is None:
        model = ScoringModel.default()
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0, not {limit}")
    requirements.validate(kb)
    requirements.check_criteria(model.names)
    bound = [(_bind(scorer, kb), weight) for scorer, weight in model.scorers]
    weights = model.effective_weights(requirements)
    excluded_ids = frozenset(kb.get(name).id for name in requirements.exclude)

    scored: list[tuple[float, str, Framework, tuple[CriterionScore, ...]]] = []
    excluded: list[Exclusion] = []
    for framework in kb.frameworks():
        violations = _violations(framework, requirements, excluded_ids)
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
            )
            for (scorer, result), part in zip(results, parts, strict=True)
        )
        scored.append((total, framework.name, framework, breakdown))

    scored.sort(key=lambda item: (-item[0], normalize(item[1]), item[2].id))
    if limit is not None:
        scored = scored[:limit]
    recommendations = tuple(
        Recommendation(framework, total, rank, breakdown)
        for rank, (total, _, framework, breakdown) in enumerate(scored, start=1)
    )
    return RecommendationResult(recommendations, tuple(excluded))


def _bind(scorer: Scorer, kb: KnowledgeBase) -> Scorer:
    bind = getattr(scorer, "bind", None)
    if bind is None:
        return scorer
    try:
        bound: Scorer = bind(kb)
    except Exception as error:
        raise ScorerError(scorer.name, None, "bind(kb) failed") from error
    return bound
