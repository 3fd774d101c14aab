"""Recommendations an expert would sign: language tiers, evidence, stability and why-not."""

from __future__ import annotations

import attrs
import pytest

import backend_frameworks as bf
from backend_frameworks._analysis import resolve_contested as bf_resolve

KB = bf.default_knowledge_base()


def _languages(record: bf.Framework) -> set[str]:
    return set(record.languages.value)


# -- the team's languages come first (guidance: team-expertise-first) ----------------


@pytest.mark.parametrize("language", ["python", "java", "php", "ruby", "go", "rust", "csharp"])
def test_every_framework_in_the_team_language_ranks_above_every_other(language: str) -> None:
    result = bf.recommend(bf.Requirements(languages=[language], use_cases=["api"]))
    matches = [r.language_match for r in result]
    team = [i for i, m in enumerate(matches) if m is bf.LanguageMatch.TEAM]
    others = [i for i, m in enumerate(matches) if m is not bf.LanguageMatch.TEAM]
    assert team, f"no {language} framework ranked"
    assert max(team) < min(others)
    for item in result:
        in_language = language in _languages(item.framework)
        service = item.framework.kind.value is bf.Kind.BACKEND_AS_A_SERVICE
        assert (item.language_match is bf.LanguageMatch.TEAM) == (in_language and not service)


def test_a_neighbour_language_ranks_between_the_team_language_and_the_rest() -> None:
    result = bf.recommend(bf.Requirements(languages=["kotlin"]))
    order = [r.language_match for r in result]
    assert order == sorted(order, key=lambda match: match.tier if match else 0)
    neighbours = [r.framework.id for r in result if r.language_match is bf.LanguageMatch.NEIGHBOUR]
    assert "dropwizard" in neighbours  # Java only: Kotlin calls it directly
    assert "ktor" in result.ids[: result.ids.index("dropwizard")]


def test_open_to_new_languages_ranks_by_score_alone() -> None:
    tiered_needs = bf.Requirements(
        languages={"typescript": "very-low"},
        use_cases=["real-time", "high-concurrency"],
        scale="large",
    )
    needs = attrs.evolve(tiered_needs, open_to_new_languages=True)
    result = bf.recommend(needs)
    assert all(r.language_match is None for r in result)
    totals = [r.total for r in result]
    assert totals == sorted(totals, reverse=True)
    tiered = bf.recommend(tiered_needs)
    # Without tiers, JavaScript-only Express (a neighbour) passes TypeScript frameworks.
    assert result.ids.index("express") < tiered.ids.index("express")


def test_languages_only_excludes_the_rest_with_a_reason() -> None:
    result = bf.recommend(bf.Requirements(languages=["rust"], languages_only=True))
    assert result.ids
    assert all(r.language_match is bf.LanguageMatch.TEAM for r in result)
    appwrite = next(e for e in result.excluded if e.framework.id == "appwrite")
    assert "hosted service" in appwrite.reason  # it has a Rust client, not Rust code
    django = next(e for e in result.excluded if e.framework.id == "django")
    assert django.constraints == ("languages_only",)
    assert django.reason == "Languages only: it uses python, not rust."


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"languages_only": True}, "languages_only"),
        (
            {"languages": ["go"], "languages_only": True, "open_to_new_languages": True},
            "open_to_new_languages",
        ),
        ({"languages_only": "yes"}, "languages_only"),
    ],
)
def test_contradictory_language_requirements_are_refused(
    fields: dict[str, object], field: str
) -> None:
    with pytest.raises(bf.InvalidRequirementsError) as caught:
        bf.Requirements(**fields)  # type: ignore[arg-type]
    assert caught.value.field == field


# -- absence needs evidence ------------------------------------------------------------


def test_an_unknown_must_have_is_kept_and_flagged_unverified() -> None:
    unknown = next(
        (record, feature)
        for record in KB.frameworks()
        for feature in ("graphql", "websockets", "background-jobs", "openapi")
        if record.feature(feature) is None
    )
    record, feature = unknown
    result = bf.recommend(bf.Requirements(must_have=[feature]))
    item = next(r for r in result if r.framework.id == record.id)
    assert item.unverified == (feature,)
    assert item.criterion("features").value == 0.5
    assert all(not r.unverified for r in result if r.framework.feature(feature) is not None)


def test_coverage_splits_the_total_by_what_it_rests_on() -> None:
    needs = bf.Requirements(languages=["python"], must_have=["orm"])
    django = bf.recommend(needs)[0]
    coverage = django.coverage
    assert django.framework.id == "django"
    assert coverage.verified + coverage.opinion + coverage.neutral == pytest.approx(1.0)
    # Language and features rest on the docs; the unrated criteria on defaults.
    assert coverage.verified > coverage.opinion
    assert coverage.neutral > 0
    blank = bf.recommend(bf.Requirements(), limit=1)[0].coverage
    assert blank.neutral > coverage.neutral


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"verified": 1}, (1.0, 0.0, 0.0, 0.0)),
        ({"verified": 1, "opinion": 3}, (0.25, 0.75, 0.0, 0.0)),
        ({"neutral": 2, "opinion": 2}, (0.0, 0.5, 0.5, 0.0)),
        ({}, (0.0, 0.0, 0.0, 1.0)),
    ],
)
def test_coverage_of_counts(counts: dict[str, float], expected: tuple[float, ...]) -> None:
    c = bf.Coverage.of(**counts)
    assert (c.verified, c.opinion, c.neutral, c.unstated) == pytest.approx(expected)


@pytest.mark.parametrize(
    "fields", [{"verified": 1.5}, {"opinion": -0.1}, {"verified": 0.7, "neutral": 0.7}]
)
def test_a_coverage_outside_the_unit_is_refused(fields: dict[str, float]) -> None:
    with pytest.raises(bf.InvalidModelError):
        bf.Coverage(**fields)


# -- stability -------------------------------------------------------------------------


def _rank_of(result: bf.RecommendationResult, framework_id: str) -> int:
    return result.ids.index(framework_id)


NEEDS = bf.Requirements(languages=["php"], use_cases=["e-commerce"])


def test_stability_is_reproducible_and_bounded() -> None:
    result = bf.recommend(NEEDS, limit=5)
    first = result.stability(samples=50, seed=3)
    assert first == result.stability(samples=50, seed=3)
    assert len(first) == len(result)
    for item, steady in zip(result, first, strict=True):
        assert steady.framework is item.framework
        assert steady.rank == item.rank
        assert 0.0 <= steady.kept <= 1.0
        assert steady.weight_range == (0.5, 2.0)
        assert steady.variations >= 50
    assert first[0].headline.startswith(f"{result[0].framework.name} stays first in ")


def test_each_shift_does_what_it_says() -> None:
    # The stated single change, applied to the model, moves the framework.
    result = bf.recommend(NEEDS)
    model = bf.ScoringModel.default()
    checked = 0
    for steady in result.stability(samples=10)[:6]:
        for shift in (steady.up, steady.down):
            if shift is None:
                continue
            weight = model.weights[shift.criterion] * shift.factor
            moved = bf.recommend(NEEDS, model.with_weights({shift.criterion: weight}))
            mover, other = (
                (steady.framework.id, shift.other.id)
                if shift.up
                else (shift.other.id, steady.framework.id)
            )
            assert _rank_of(moved, mover) < _rank_of(moved, other), shift
            checked += 1
    assert checked


def test_resolving_contested_claims_moves_the_level_each_way() -> None:
    record = next(r for r in KB.frameworks() if any(x.disagreement for x in r.ratings))
    rating = next(x for x in record.ratings if x.disagreement)
    counted = [c.level for c in rating.evidence]
    low = bf_resolve(record, high=False)
    high = bf_resolve(record, high=True)
    assert low is not None
    assert high is not None
    low_rating, high_rating = low.rating(rating.quality), high.rating(rating.quality)
    assert low_rating is not None
    assert high_rating is not None
    assert low_rating.level == min(counted)
    assert high_rating.level == max(counted)
    plain = attrs.evolve(record, qualities=(), use_cases=())
    assert bf_resolve(plain, high=True) is None


def test_a_contested_claim_is_resolved_each_way() -> None:
    contested = next(
        record for record in KB.frameworks() if any(r.disagreement for r in record.ratings)
    )
    result = bf.recommend(bf.Requirements(languages=list(contested.languages.value)))
    steady = next(s for s in result.stability(samples=5) if s.framework.id == contested.id)
    assert steady.claims_kept is not None


@pytest.mark.parametrize(("samples", "spread"), [(0, 2.0), (True, 2.0), (10, 1.0), (10, "x")])
def test_stability_refuses_bad_arguments(samples: object, spread: object) -> None:
    result = bf.recommend(NEEDS, limit=2)
    with pytest.raises(bf.InvalidRequirementsError):
        result.stability(samples=samples, spread=spread)  # type: ignore[arg-type]


# -- why not ---------------------------------------------------------------------------


def test_why_not_names_the_constraint_that_excluded_it() -> None:
    result = bf.recommend(bf.Requirements(open_source_only=True))
    why = result.why_not("Firebase")
    assert why.excluded
    assert why.constraints == ("open_source_only",)
    assert why.text.startswith("Firebase was excluded: ")


def test_why_not_compares_with_the_framework_directly_above() -> None:
    needs = bf.Requirements(languages=["python"], must_have=["orm"], use_cases=["web-app"])
    result = bf.recommend(needs)
    assert result.why_not(result.ids[0]).ahead is None
    for index in range(1, 6):
        why = result.why_not(result.ids[index])
        assert why.rank == index + 1
        assert why.ahead is result[index - 1].framework
        assert [g.behind for g in why.gaps] == sorted((g.behind for g in why.gaps), reverse=True)
        if why.change is not None:
            model = bf.ScoringModel.default()
            weight = model.weights[why.change.criterion] * why.change.factor
            moved = bf.recommend(needs, model.with_weights({why.change.criterion: weight}))
            assert _rank_of(moved, result.ids[index]) < _rank_of(moved, result.ids[index - 1])


def test_why_not_says_when_only_the_language_keeps_it_down() -> None:
    result = bf.recommend(bf.Requirements(languages=["python"]))
    first_other = next(r for r in result if r.language_match is not bf.LanguageMatch.TEAM)
    why = result.why_not(first_other.framework.id)
    assert why.ahead is not None
    assert "python" in _languages(why.ahead)
    assert why.language_behind
    assert why.change is None
    assert "closer match to the team's languages" in why.text
    assert not result.why_not("ror").language_behind  # it is below another non-Python one


def test_why_not_an_unknown_name_suggests() -> None:
    result = bf.recommend(bf.Requirements(), limit=1)
    with pytest.raises(bf.UnknownFrameworkError) as caught:
        result.why_not("djang")
    assert caught.value.suggestions[0] == "django"


# -- the cases of the recommendation issue ----------------------------------------------
# Each was a wrong answer before; the expectation is the seed guidance's
# team-expertise-first rule (guidance.json) plus the frameworks' own docs.


def test_a_python_team_needing_an_orm_gets_python_frameworks_only() -> None:
    needs = bf.Requirements(languages=["python"], must_have=["orm"], use_cases=["web-app"])
    top = bf.recommend(needs, limit=10)
    assert top.ids[0] == "django"
    assert all("python" in _languages(r.framework) for r in top)


def test_a_python_fast_async_json_api_gets_a_python_async_framework() -> None:
    needs = bf.Requirements(
        languages=["python"],
        use_cases=["api"],
        nice_to_have=["async-io", "openapi", "validation"],
        priorities={"performance": 3},
    )
    top = bf.recommend(needs, limit=3)
    assert top.ids[0] != "express"
    assert {"fastapi", "litestar"} & set(top.ids)


def test_java_enterprise_microservices_stay_on_the_jvm() -> None:
    needs = bf.Requirements(languages=["java"], use_cases=["microservices", "enterprise"])
    top = bf.recommend(needs, limit=5)
    assert top.ids[0] == "spring-boot"
    assert not {"django", "firebase"} & set(top.ids)


def test_archived_zend_is_left_out_with_its_reason() -> None:
    result = bf.recommend(bf.Requirements(languages=["php"], use_cases=["e-commerce"]))
    assert "zend-framework" not in result.ids
    assert "archived" in result.why_not("zend-framework").text


@pytest.mark.parametrize(
    ("framework", "use_cases", "expected"),
    [
        ("wagtail", ["api"], 0.2),  # a CMS is not an API framework
        ("wagtail", ["cms"], 1.0),
        ("django", ["cms"], 0.2),
        ("fastapi", ["api"], 1.0),
        ("firebase", ["mobile-backend"], 1.0),
        ("rails", ["mobile-backend"], 0.6),  # a framework needs server code written
        ("firebase", ["enterprise"], 0.2),
        ("firebase", ["mvp-prototype", "api"], 0.6),
        ("django", ["learning"], 0.5),  # every kind may serve it: neutral
    ],
)
def test_kind_fit(framework: str, use_cases: list[str], expected: float) -> None:
    score = bf.KindFitScorer().score(KB.get(framework), bf.Requirements(use_cases=use_cases))
    assert score.value == pytest.approx(expected)
    assert score.coverage.neutral == (1.0 if expected == 0.5 else 0.0)


@pytest.mark.parametrize(
    ("status", "expected"),
    [("active", 1.0), ("maintenance-only", 0.3), ("deprecated", 0.0), ("archived", 0.0)],
)
def test_maintenance(status: str, expected: float) -> None:
    record = next(
        r
        for r in KB.frameworks()
        if r.maintenance is not None and r.maintenance.value.value == status
    )
    assert bf.MaintenanceScorer().score(record, bf.Requirements()).value == expected
    unknown = attrs.evolve(record, maintenance=None)
    assert bf.MaintenanceScorer().score(unknown, bf.Requirements()).value == 0.5


def test_self_hosted_only_keeps_the_self_hostable_backends() -> None:
    result = bf.recommend(bf.Requirements(self_hosted_only=True))
    assert {"pocketbase", "appwrite"} <= set(result.ids)
    assert "firebase" in {e.framework.id for e in result.excluded}


def test_long_term_support_takes_the_longer_of_the_newest_lts_and_newest_line() -> None:
    # Laravel's last LTS line (6) has ended; its current line is what is supported.
    laravel = KB.get("laravel")
    newest = max(laravel.release_lines, key=lambda line: line.released)
    score = bf.LongTermSupportScorer().score(laravel, bf.Requirements(on="2026-12-03"))
    assert score.value > 0
    assert score.reasons[0].startswith(f"{newest.version} (the newest line)")


def test_why_not_says_when_two_frameworks_tie() -> None:
    result = bf.recommend(bf.Requirements(languages=["go"]))
    tied = next((i for i in range(1, len(result)) if result[i].total == result[i - 1].total), None)
    assert tied is not None
    why = result.why_not(result.ids[tied])
    assert why.tied
    assert "tie breaks by name" in why.text


def test_a_resolution_that_changes_no_score_is_not_a_variation() -> None:
    # Only criteria that no claim can move: resolving claims changes no value.
    model = bf.ScoringModel.default()
    keep = {"language_fit", "features", "license", "maintenance"}
    needs = bf.Requirements(languages=["python"], must_have=["orm"])
    only_facts = model.without(*(name for name in model.names if name not in keep))
    result = bf.recommend(needs, only_facts, limit=3)
    for steady in result.stability(samples=10):
        assert steady.variations == 10
        assert steady.claims_kept is None
