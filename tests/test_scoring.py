"""Requirements, scores, the model, aggregation, recommend and plugin failures."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import backend_frameworks as bf

from .conftest import WriteOverlay


def untyped(value: object) -> Any:
    """``value``, hidden from the type checker, for tests of wrongly typed input."""
    return value


# -- requirements -----------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field", "suggestion"),
    [
        ({"nice_to_have": {"orm": "builtin"}}, "nice_to_have", "built-in"),
        ({"languages": {"python": "hihg"}}, "languages", "high"),
        ({"scale": "larg"}, "scale", "large"),
        ({"experience": "expert"}, "experience", None),
        ({"exclude_kinds": ["cms-"]}, "exclude_kinds", "cms"),
    ],
)
def test_construction_checks_closed_choices(
    kwargs: dict[str, Any], field: str, suggestion: str | None
) -> None:
    with pytest.raises(bf.InvalidRequirementsError) as caught:
        bf.Requirements(**kwargs)
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, bf.BackendFrameworksError)
    assert error.field == field
    if suggestion is not None:
        assert error.suggestions[0] == suggestion
        assert f"did you mean {suggestion!r}" in str(error)


@pytest.mark.parametrize(
    ("kwargs", "field", "suggestion"),
    [
        ({"must_have": ["orn"]}, "must_have", "orm"),
        ({"nice_to_have": {"admin-interfce": "built-in"}}, "nice_to_have", "admin-interface"),
        ({"languages": ["pyhton"]}, "languages", "python"),
        ({"use_cases": ["web-ap"]}, "use_cases", "web-app"),
        ({"priorities": {"perfomance": 1}}, "priorities", "performance"),
        ({"exclude": ["djangoo"]}, "exclude", "django"),
    ],
)
def test_open_vocabularies_are_checked_against_the_kb_and_model_in_use(
    kb: bf.KnowledgeBase, kwargs: dict[str, Any], field: str, suggestion: str
) -> None:
    needs = bf.Requirements(**kwargs)  # a value: nothing to look up yet
    for attempt in (
        lambda: needs.validate(kb, bf.default_model().names),
        lambda: kb.recommend(needs),
        lambda: bf.recommend(needs),
    ):
        with pytest.raises(bf.InvalidRequirementsError) as caught:
            attempt()
        error = caught.value
        assert isinstance(error, ValueError)
        assert error.field == field
        assert error.suggestions[0] == suggestion
        assert f"did you mean {suggestion!r}" in str(error)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("must_have", 3, "must_have"),
        ("must_have", [3], "expected strings, not int"),
        ("languages", 3, "languages"),
        ("priorities", ["performance"], "priorities"),
        ("open_source_only", "yes", "open_source_only"),
        ("options", [1], "options"),
    ],
)
def test_construction_checks_types(field: str, value: object, message: str) -> None:
    with pytest.raises(bf.InvalidRequirementsError, match=message) as caught:
        bf.Requirements(**{field: untyped(value)})
    assert isinstance(caught.value, TypeError)
    assert caught.value.field == field


def test_a_feature_an_overlay_defines_is_accepted_by_that_kb_only(
    write_overlay: WriteOverlay,
) -> None:
    term = {"id": "graphql-federation", "name": "GraphQL federation", "description": "d."}
    overlay = write_overlay({"vocabularies.json": {"features": [term]}})
    mine = bf.KnowledgeBase.from_resources(overlay)
    needs = bf.Requirements(must_have=["graphql-federation"])
    needs.validate(mine)
    result = mine.recommend(needs)
    # No record states it: unknown, so kept and flagged, never excluded as missing.
    assert "must_have" not in {c for e in result.excluded for c in e.constraints}
    assert all(
        "graphql-federation: unknown" in " ".join(r.criterion("features").reasons) for r in result
    )
    with pytest.raises(bf.InvalidRequirementsError, match="graphql-federation"):
        bf.recommend(needs)


def test_a_priority_may_name_a_scorer_of_a_custom_model_only() -> None:
    model = bf.default_model().with_scorer(Faulty(bf.Score(1.0), name="house-style"), 1)
    needs = bf.Requirements(priorities={"house-style": 4})
    result = bf.recommend(needs, model=model)
    assert result[0].criterion("house-style").weight == 4
    with pytest.raises(bf.InvalidRequirementsError, match="house_style"):
        bf.recommend(needs)


@pytest.mark.parametrize("weight", [-1, math.nan, math.inf, "high", True])
def test_bad_weights_are_rejected(weight: object) -> None:
    with pytest.raises(bf.InvalidRequirementsError, match="priorities"):
        bf.Requirements(priorities={"performance": untyped(weight)})


def test_requirements_are_frozen_and_normalised() -> None:
    needs = bf.Requirements(
        languages=["python", "python"],
        nice_to_have=["orm"],
        priorities={"development-speed": 2},
        options={"x": 1},
        licenses="MIT",
    )
    assert dict(needs.languages) == {"python": bf.Level.HIGH}
    assert dict(needs.nice_to_have) == {"orm": bf.SupportLevel.ECOSYSTEM}
    assert dict(needs.priorities) == {"development_speed": 2.0}
    assert needs.licenses == frozenset({"MIT"})
    assert needs.option("x") == 1
    assert needs.option("y", 0) == 0
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        needs.scale = bf.Scale.LARGE  # type: ignore[misc]
    with pytest.raises(TypeError):
        needs.options["x"] = 2  # type: ignore[index]
    positional: list[Any] = [None, ["orm"]]
    with pytest.raises(TypeError):
        bf.Requirements(*positional)


def test_unknown_priority_for_a_model_without_the_criterion() -> None:
    model = bf.ScoringModel.default().without("performance")
    with pytest.raises(bf.InvalidRequirementsError, match="performance"):
        bf.recommend(bf.Requirements(priorities={"performance": 1}), model=model)


# -- score --------------------------------------------------------------------


@pytest.mark.parametrize("value", [-0.1, 1.0001, math.nan])
def test_score_values_stay_in_the_unit_interval(value: float) -> None:
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        bf.Score(value)


def test_score_rejects_non_numbers() -> None:
    with pytest.raises(TypeError):
        bf.Score("1")  # type: ignore[arg-type]


def test_score_deduplicates_sources() -> None:
    assert bf.Score(1, "why", ["a", "b", "a"]) == bf.Score(1, ("why",), ("a", "b"))


# -- built-in scorers ----------------------------------------------------------


@pytest.mark.parametrize(
    ("team", "framework", "expected"),
    [
        ({"python": "very-high"}, "django", 1.0),
        ({"python": "very-low"}, "django", 0.6),
        ({"javascript": "very-high"}, "nestjs", 1.0),
        ({"typescript": "very-high"}, "express", 0.7),
        ({"kotlin": "very-high"}, "spring-boot", 1.0),
        ({"java": "very-high"}, "ktor", 0.7),
        ({"javascript": "very-high"}, "firebase", 0.7),
        ({"kotlin": "very-high"}, "firebase", 0.49),
        ({"ruby": "very-high"}, "django", 0.0),
    ],
)
def test_language_fit_gives_partial_credit_on_the_same_runtime(
    kb: bf.KnowledgeBase, team: dict[str, str], framework: str, expected: float
) -> None:
    # Neighbours come from the vocabulary (Term.neighbours) through bind(kb); a
    # hosted service's languages are its client libraries', so it earns less.
    scorer = bf.LanguageFitScorer().bind(kb)
    score = scorer.score(kb.get(framework), bf.Requirements(languages=team))
    assert score.value == pytest.approx(expected)
    assert score.reasons
    # Verified when a primary source states the language, opinion when only articles do.
    primary = any(
        kb.source(s).kind in {bf.SourceKind.DOCUMENTATION, bf.SourceKind.REPOSITORY,
                              bf.SourceKind.LICENSE}
        for s in score.sources
    )  # fmt: skip
    expected_basis = bf.Coverage(verified=1.0) if primary else bf.Coverage(opinion=1.0)
    assert score.coverage == expected_basis


def test_an_unbound_language_fit_knows_no_neighbours(kb: bf.KnowledgeBase) -> None:
    needs = bf.Requirements(languages={"typescript": "very-high"})
    assert bf.LanguageFitScorer().score(kb.get("express"), needs).value == 0.0


@pytest.mark.parametrize("scorer", [scorer for scorer, _ in bf.ScoringModel.default().scorers])
def test_every_builtin_scorer_is_neutral_or_sourced(
    kb: bf.KnowledgeBase, scorer: bf.Scorer
) -> None:
    needs = bf.Requirements(
        languages=["python"],
        experience="low",
        nice_to_have={"orm": "built-in", "websockets": "ecosystem"},
        use_cases=["web-app", "telecom"],
        scale="large",
    )
    assert scorer.description
    for framework in kb.frameworks(include_related=True):
        score = scorer.score(framework, needs)
        assert 0 <= score.value <= 1
        assert score.reasons
        assert set(score.sources) <= {source.id for source in kb.sources()}


@pytest.mark.parametrize(
    ("scorer", "framework", "expected"),
    [
        (bf.PerformanceScorer(), "django", 0.5),
        # Express's only performance claim is unsupported (no benchmark cited):
        # it is not evidence, so the criterion is neutral.
        (bf.PerformanceScorer(), "express", 0.5),
        (bf.MaturityScorer(), "rails", 0.75),
        # Django's maturity and community claims are unsupported by a primary
        # source, so they are not evidence and both criteria are neutral.
        (bf.MaturityScorer(), "django", 0.5),
        (bf.LicenseScorer(), "django", 1.0),
        (bf.LicenseScorer(), "firebase", 0.1),
        (bf.CommunityScorer(), "django", 0.5),
        (bf.FeatureScorer(), "django", 0.5),
        (bf.ScaleFitScorer(), "django", 0.5),
        (bf.UseCaseFitScorer(), "django", 0.5),
        (bf.LanguageFitScorer(), "django", 0.5),
    ],
)
def test_unrated_or_unasked_is_neutral_or_from_data(
    kb: bf.KnowledgeBase, scorer: bf.Scorer, framework: str, expected: float
) -> None:
    assert scorer.score(kb.get(framework), bf.Requirements()).value == pytest.approx(expected)


def test_features_count_support_levels(kb: bf.KnowledgeBase) -> None:
    needs = bf.Requirements(nice_to_have={"orm": "built-in", "templating": "ecosystem"})
    flask = bf.FeatureScorer().score(kb.get("flask"), needs)
    assert flask.value == pytest.approx((0.25 + 1.0) / 2)
    assert any("below the wanted built-in" in reason for reason in flask.reasons)


def test_use_case_fit_uses_language_guidance(kb: bf.KnowledgeBase) -> None:
    needs = bf.Requirements(use_cases=["enterprise"])
    score = bf.UseCaseFitScorer().bind(kb).score(kb.get("express"), needs)
    assert score.value == 0.75
    assert "guidance" in score.reasons[0]
    assert score.sources


def test_use_case_fit_reads_unsuited_claims(kb: bf.KnowledgeBase) -> None:
    score = bf.UseCaseFitScorer().score(
        kb.get("flask"), bf.Requirements(use_cases=["large-scale"])
    )
    assert score.value == 0.0


@pytest.mark.parametrize(
    ("experience", "expected"), [("very-low", 0.75), ("low", 1.0), ("very-high", 1.0)]
)
def test_learning_curve_against_experience(
    kb: bf.KnowledgeBase, experience: str, expected: float
) -> None:
    needs = bf.Requirements(experience=experience)
    assert bf.LearningCurveScorer().score(kb.get("flask"), needs).value == expected


@pytest.mark.parametrize(
    ("scale", "framework", "expected"),
    [("large", "flask", 0.0), ("large", "django", 1.0), ("small", "flask", 1.0)],
)
def test_scale_fit(kb: bf.KnowledgeBase, scale: str, framework: str, expected: float) -> None:
    score = bf.ScaleFitScorer().score(kb.get(framework), bf.Requirements(scale=scale))
    assert score.value == expected


# -- the model ------------------------------------------------------------------


def test_model_is_immutable_and_returns_new_models() -> None:
    model = bf.ScoringModel.default()
    heavier = model.with_weights({"use-case-fit": 5}, performance=2)
    assert heavier.weights["use_case_fit"] == 5
    assert heavier.weights["performance"] == 2
    assert model.weights["performance"] == 1
    assert "license" not in model.without("license").names
    assert "license" in model.names
    with pytest.raises(KeyError):
        model.without("nope")
    with pytest.raises(KeyError):
        model.with_weights(nope=1)
    with pytest.raises(ValueError, match=">= 0"):
        model.with_weights(performance=-1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        model.scorers = ()  # type: ignore[misc]


def test_with_scorer_adds_or_replaces() -> None:
    model = bf.ScoringModel.default()
    replaced = model.with_scorer(bf.PerformanceScorer(), 4)
    assert replaced.names == model.names
    assert replaced.weights["performance"] == 4
    with pytest.raises(TypeError):
        model.with_scorer(object(), 1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="two scorers"):
        bf.ScoringModel(((bf.PerformanceScorer(), 1), (bf.PerformanceScorer(), 1)))


def test_priorities_replace_default_weights() -> None:
    model = bf.ScoringModel.default()
    needs = bf.Requirements(priorities={"performance": 0, "maturity": 7})
    weights = model.effective_weights(needs)
    assert weights["performance"] == 0
    assert weights["maturity"] == 7
    assert weights["license"] == 1
    result = bf.recommend(needs)
    assert result[0].criterion("performance").weight == 0
    assert result[0].criterion("performance").contribution == 0


@pytest.mark.parametrize(
    ("aggregation", "values", "total", "parts"),
    [
        # weighted arithmetic mean: parts are value * weight / sum(weights)
        (bf.WeightedMean(), [(1.0, 1.0), (0.5, 1.0)], 0.75, (0.5, 0.25)),
        (bf.WeightedMean(), [(1.0, 3.0), (0.0, 1.0)], 0.75, (0.75, 0.0)),
        (bf.WeightedMean(), [(0.2, 0.0), (0.6, 2.0)], 0.6, (0.0, 0.6)),
        (bf.WeightedMean(), [(0.3, 0.0)], 0.0, (0.0,)),
        # weighted geometric mean: factors are value ** (weight / sum(weights))
        (bf.WeightedProduct(), [(1.0, 1.0), (0.25, 1.0)], 0.5, (1.0, 0.5)),
        (bf.WeightedProduct(), [(0.0, 1.0), (1.0, 1.0)], 0.0, (0.0, 1.0)),
        (bf.WeightedProduct(), [(0.0, 0.0), (0.64, 2.0)], 0.64, (1.0, 0.64)),
        (bf.WeightedProduct(), [(0.3, 0.0)], 0.0, (1.0,)),
    ],
)
def test_aggregations(
    aggregation: bf.Aggregation,
    values: list[tuple[float, float]],
    total: float,
    parts: tuple[float, ...],
) -> None:
    got_total, got_parts = aggregation.aggregate(values)
    assert got_total == pytest.approx(total)
    assert got_parts == pytest.approx(parts)


def test_weighted_mean_contributions_add_up() -> None:
    result = bf.recommend(bf.Requirements(languages=["python"]))
    for item in result:
        assert sum(c.contribution for c in item.breakdown) == pytest.approx(item.total)


def test_weighted_product_vetoes_a_zero() -> None:
    model = bf.ScoringModel.default().with_aggregation(bf.WeightedProduct())
    result = bf.recommend(bf.Requirements(languages=["python"]), model=model)
    python = {record.id for record in bf.query(language="python")}
    assert set(result.ids) >= python >= {"django", "flask"}
    for item in result:
        if item.framework.id not in python:
            assert item.total == 0.0
        assert math.prod(c.contribution for c in item.breakdown) == pytest.approx(item.total)


def test_recommend_is_deterministic_and_limited() -> None:
    needs = bf.Requirements(languages=["javascript"])
    first = bf.recommend(needs)
    assert first == bf.recommend(needs)
    assert [r.rank for r in first] == list(range(1, len(first) + 1))
    # Ordered by the language match first, then by total.
    keys = [(r.language_match.tier if r.language_match else 0, -r.total) for r in first]
    assert keys == sorted(keys)
    assert bf.recommend(needs, limit=2).ids == first.ids[:2]
    assert len(bf.recommend(needs, limit=0)) == 0
    with pytest.raises(ValueError, match="limit"):
        bf.recommend(needs, limit=-1)


def test_ties_break_by_name() -> None:
    model = bf.ScoringModel(((bf.LicenseScorer(), 1.0),))
    result = bf.recommend(bf.Requirements(), model=model)
    tied = [r.framework.name for r in result if r.total == 1.0]
    assert tied == sorted(tied, key=str.casefold)
    assert len(tied) > 1


def test_only_backend_frameworks_are_candidates(kb: bf.KnowledgeBase) -> None:
    result = kb.recommend(bf.Requirements())
    seen = {r.framework.id for r in result} | {e.framework.id for e in result.excluded}
    assert seen == {f.id for f in kb.frameworks()}
    assert "nodejs" not in seen


@pytest.mark.parametrize(
    ("kwargs", "framework", "constraint", "words"),
    [
        ({"open_source_only": True}, "firebase", "open_source_only", "not open source"),
        ({"self_hosted_only": True}, "firebase", "self_hosted_only", "hosted service"),
        ({"licenses": ["MIT"]}, "django", "licenses", "BSD-3-Clause"),
        ({"exclude": ["Express.js"]}, "express", "exclude", "excluded by name"),
        ({"exclude_kinds": ["micro-framework"]}, "flask", "exclude_kinds", "micro-framework"),
    ],
)
def test_hard_constraints_exclude_with_reasons(
    kwargs: dict[str, Any], framework: str, constraint: str, words: str
) -> None:
    result = bf.recommend(bf.Requirements(**kwargs))
    assert framework not in result.ids
    (exclusion,) = [e for e in result.excluded if e.framework.id == framework]
    assert constraint in exclusion.constraints
    assert words in exclusion.reason


def test_to_dict_is_json_ready() -> None:
    result = bf.recommend(bf.Requirements(must_have=["orm"]))
    data = bf.to_dict(result)
    assert json.loads(json.dumps(data)) == data
    first = data["recommendations"][0]
    assert first["framework"] == {"id": result[0].framework.id, "name": result[0].framework.name}
    assert [c["name"] for c in first["breakdown"]] == list(bf.default_model().names)
    assert {e["framework"]["id"] for e in data["excluded"]} == {
        e.framework.id for e in result.excluded
    }


# -- failing scorers ----------------------------------------------------------------


@attrs.frozen
class Faulty:
    result: Any
    name: str = "faulty"
    description: str = "Misbehaves."

    def score(self, framework: bf.Framework, requirements: bf.Requirements) -> bf.Score:
        if isinstance(self.result, Exception):
            raise self.result
        return self.result  # type: ignore[no-any-return]


def _bypass(value: float) -> bf.Score:
    score = bf.Score(0.5)
    object.__setattr__(score, "value", value)
    return score


@pytest.mark.parametrize(
    ("result", "words"),
    [
        (RuntimeError("boom"), "raised RuntimeError: boom"),
        (0.5, "returned float, not a Score"),
        (None, "returned NoneType"),
        (_bypass(math.nan), "not in [0, 1]"),
        (_bypass(1.5), "not in [0, 1]"),
    ],
)
def test_a_bad_scorer_raises_scorer_error(result: Any, words: str) -> None:
    model = bf.ScoringModel.default().with_scorer(Faulty(result), 1)
    with pytest.raises(bf.ScorerError) as caught:
        bf.recommend(bf.Requirements(), model=model)
    error = caught.value
    first = bf.frameworks()[0].id
    assert error.scorer == "faulty"
    assert error.framework == first
    assert words in str(error)
    assert "'faulty'" in str(error)
    assert repr(first) in str(error)
    if isinstance(result, Exception):
        assert error.__cause__ is result


# -- registry ---------------------------------------------------------------------


def test_register_as_call_and_decorator() -> None:
    bf.register_scorer(Faulty(bf.Score(1.0), name="always"), weight=2)

    @bf.register_scorer
    class Never:
        name = "never"
        description = "Never."

        def score(self, framework: bf.Framework, requirements: bf.Requirements) -> bf.Score:
            return bf.Score(0.0)

    @bf.register_scorer()
    def has_repository(framework: bf.Framework, requirements: bf.Requirements) -> bf.Score:
        """Does the record name a repository?"""
        return bf.Score(1.0 if framework.repository else 0.0)

    assert isinstance(Never, type)
    model = bf.default_model()
    assert {"always", "never", "has_repository"} <= set(model.names)
    assert model.weights["always"] == 2
    assert model.scorer("has_repository").description == "Does the record name a repository?"
    needs = bf.Requirements(priorities={"never": 3})
    assert bf.recommend(needs)[0].criterion("never").weight == 3
    assert {s.name for s, _ in bf.registered_scorers()} >= {"always", "never"}
    assert "never" not in bf.ScoringModel.default().names  # built-ins only
    plain = bf.default_knowledge_base().recommend(bf.Requirements())
    assert "never" not in {c.name for c in plain[0].breakdown}
    with pytest.raises(bf.InvalidModelError, match="already registered"):
        bf.register_scorer(Never())
    with pytest.raises(bf.InvalidModelError, match="built-in scorer"):
        bf.register_scorer(bf.PerformanceScorer(), replace=True)
    with pytest.raises(bf.InvalidModelError, match="not a scorer"):
        bf.register_scorer(42)
    bf.unregister_scorer("never")
    assert "never" not in bf.default_model().names


@pytest.mark.parametrize("weight", [-1, math.nan, math.inf, "2", True, None])
def test_one_weight_check_everywhere(weight: Any) -> None:
    model = bf.ScoringModel.default()
    attempts: list[Callable[[], object]] = [
        lambda: bf.ScoringModel(((bf.LicenseScorer(), weight),)),
        lambda: model.with_weights(license=weight),
        lambda: model.with_scorer(Faulty(bf.Score(1.0)), weight),
        lambda: bf.register_scorer(Faulty(bf.Score(1.0), name="w"), weight=weight),
    ]
    expected = TypeError if isinstance(weight, str | bool | None) else ValueError
    for attempt in attempts:
        with pytest.raises(bf.InvalidModelError, match="weight") as caught:
            attempt()
        assert isinstance(caught.value, expected)
    with pytest.raises(bf.InvalidRequirementsError, match="priorities") as needs:
        bf.Requirements(priorities={"license": weight})
    assert isinstance(needs.value, expected)
    assert "w" not in bf.default_model().names


@pytest.mark.parametrize(
    ("attempt", "error", "builtin"),
    [
        (lambda: bf.ScoringModel.default().scorer("nope"), bf.UnknownScorerError, KeyError),
        (lambda: bf.ScoringModel.default().without("nope"), bf.UnknownScorerError, KeyError),
        (lambda: bf.ScoringModel.default().with_weights(nope=1), bf.UnknownScorerError, KeyError),
        (
            lambda: bf.ScoringModel(((bf.LicenseScorer(), 1), (bf.LicenseScorer(), 2))),
            bf.InvalidModelError,
            ValueError,
        ),
        (lambda: bf.ScoringModel(untyped(((object(), 1),))), bf.InvalidModelError, TypeError),
        (
            lambda: bf.ScoringModel.default().with_scorer(untyped(object()), 1),
            bf.InvalidModelError,
            TypeError,
        ),
        (lambda: bf.recommend(bf.Requirements(), limit=-1), bf.InvalidQueryError, ValueError),
        (
            lambda: bf.recommend(bf.Requirements(), limit=untyped(1.5)),
            bf.InvalidQueryError,
            TypeError,
        ),
        (
            lambda: bf.recommend(untyped({"languages": ["python"]})),
            bf.InvalidRequirementsError,
            TypeError,
        ),
        (lambda: bf.register_scorer(object()), bf.InvalidModelError, TypeError),
        (lambda: bf.register_scorer(bf.LicenseScorer()), bf.InvalidModelError, ValueError),
        (
            lambda: bf.register_scorer(Faulty(bf.Score(0.0), name="Performance")),
            bf.InvalidModelError,
            ValueError,
        ),
        (
            lambda: bf.register_scorer(Faulty(bf.Score(0.0), name="use-case-fit")),
            bf.InvalidModelError,
            ValueError,
        ),
        (
            lambda: bf.ScoringModel.default().with_weights(untyped([1])),
            bf.InvalidModelError,
            TypeError,
        ),
        (
            lambda: bf.recommend(bf.Requirements())[0].criterion("nope"),
            bf.UnknownScorerError,
            KeyError,
        ),
        (
            lambda: bf.Requirements().validate(untyped(None)),
            bf.InvalidRequirementsError,
            TypeError,
        ),
        (
            lambda: bf.Requirements().validate(
                bf.default_knowledge_base(), untyped("performance")
            ),
            bf.InvalidRequirementsError,
            TypeError,
        ),
        (lambda: bf.source(untyped([])), bf.InvalidQueryError, TypeError),
        (lambda: bf.source(untyped(None)), bf.InvalidQueryError, TypeError),
        (lambda: bf.claims_by(untyped([])), bf.InvalidQueryError, TypeError),
        (lambda: bf.mentioned_by(untyped([])), bf.InvalidQueryError, TypeError),
        (lambda: bf.frameworks(include_related=untyped("x")), bf.InvalidQueryError, TypeError),
        (lambda: bf.value_of(untyped(1)), bf.InvalidQueryError, TypeError),
        (lambda: bf.discover_plugins(untyped(1)), bf.InvalidModelError, TypeError),
        (lambda: bf.KnowledgeBase(untyped(None), untyped(None)), bf.DataError, ValueError),
        (lambda: bf.KnowledgeBase(untyped([1]), []), bf.DataError, ValueError),
        (lambda: bf.KnowledgeBase.from_resources(untyped(1)), bf.DataError, ValueError),
    ],
)
def test_bad_input_raises_a_library_error_that_is_also_the_builtin(
    attempt: Callable[[], object], error: type[Exception], builtin: type[Exception]
) -> None:
    with pytest.raises(error) as caught:
        attempt()
    assert isinstance(caught.value, builtin)
    assert isinstance(caught.value, bf.BackendFrameworksError)


def test_criterion_names_compare_alike_everywhere() -> None:
    result = bf.recommend(bf.Requirements(priorities={"Use-Case-Fit": 4}))
    entry = result[0].criterion("use-case-fit")
    assert entry is result[0].criterion("USE_CASE_FIT")
    assert entry.weight == 4
    model = bf.ScoringModel.default()
    assert model.scorer("Use-Case-Fit") is model.scorer("use_case_fit")
    bf.register_scorer(Faulty(bf.Score(1.0), name="house-style"))
    with pytest.raises(bf.InvalidModelError, match="already registered"):
        bf.register_scorer(Faulty(bf.Score(1.0), name="House_Style"))
    bf.unregister_scorer("HOUSE-STYLE")
    assert bf.registered_scorers() == ()


def test_an_unknown_scorer_suggests_the_nearest() -> None:
    with pytest.raises(bf.UnknownScorerError, match="did you mean 'performance'") as caught:
        bf.ScoringModel.default().scorer("perfomance")
    assert caught.value.suggestions[0] == "performance"


def test_a_quality_scorer_is_a_real_class() -> None:
    for scorer in (bf.PerformanceScorer(), bf.MaturityScorer(), bf.DevelopmentSpeedScorer()):
        assert isinstance(scorer, bf.QualityScorer)
        assert isinstance(scorer, bf.Scorer)
    assert bf.PerformanceScorer().quality is bf.Quality.PERFORMANCE
    assert bf.PerformanceScorer() == bf.PerformanceScorer()


def test_nothing_is_loaded_at_import() -> None:
    code = (
        "import sys, backend_frameworks as bf; "
        "print('bf_example_scorer' in sys.modules, len(bf.registered_scorers()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "0"]


def test_a_quality_rated_only_by_unsupported_claims_says_so(kb: bf.KnowledgeBase) -> None:
    express = kb.get("express")
    claims = [c for c in express.qualities if c.quality is bf.Quality.PERFORMANCE]
    assert claims
    assert all(c.status is bf.ClaimStatus.UNSUPPORTED for c in claims)
    assert express.rating("performance") is None
    score = bf.PerformanceScorer().score(express, bf.Requirements())
    assert score.value == 0.5
    assert "unsupported or disputed; not evidence" in score.reasons[0]
    unrated = next(r for r in kb.frameworks() if not r.qualities)
    assert bf.PerformanceScorer().score(unrated, bf.Requirements()).reasons == (
        "No source rates its performance.",
    )
