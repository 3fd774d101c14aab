"""The record types: ordering, derived ratings, immutability."""

from __future__ import annotations

import attrs
import pytest

import backend_frameworks as bf

L = bf.Level


@pytest.mark.parametrize(
    ("levels", "median", "disagreement"),
    [
        ([L.LOW], L.LOW, False),
        ([L.LOW, L.LOW], L.LOW, False),
        ([L.LOW, L.HIGH], L.LOW, True),
        ([L.HIGH, L.LOW, L.MODERATE], L.MODERATE, True),
        ([L.VERY_HIGH, L.HIGH, L.HIGH, L.VERY_LOW], L.HIGH, True),
    ],
)
def test_rating_level_is_the_lower_median(
    levels: list[bf.Level], median: bf.Level, disagreement: bool
) -> None:
    claims = tuple(
        bf.QualityClaim(bf.Quality.PERFORMANCE, level, f"claim {i}", (f"s{i}",))
        for i, level in enumerate(levels)
    )
    rating = bf.Rating(bf.Quality.PERFORMANCE, claims)
    assert rating.level is median
    assert rating.disagreement is disagreement
    assert rating.levels == frozenset(levels)
    assert rating.sources == tuple(f"s{i}" for i in range(len(levels)))


@pytest.mark.parametrize(
    ("low", "high"),
    [
        (bf.SupportLevel.ECOSYSTEM, bf.SupportLevel.OFFICIAL),
        (bf.SupportLevel.OFFICIAL, bf.SupportLevel.BUILT_IN),
        (bf.Level.VERY_LOW, bf.Level.LOW),
        (bf.Level.MODERATE, bf.Level.VERY_HIGH),
    ],
)
def test_ordered_enums_compare_by_declaration(low: bf.Level, high: bf.Level) -> None:
    assert low < high
    assert high > low
    assert low <= low  # noqa: PLR0124
    assert sorted([high, low]) == [low, high]


def test_ordered_enums_do_not_compare_across_types() -> None:
    with pytest.raises(TypeError):
        assert bf.Level.LOW < bf.SupportLevel.BUILT_IN


@pytest.mark.parametrize(
    ("kind", "backend"),
    [
        (bf.Kind.FULL_STACK, True),
        (bf.Kind.MICRO_FRAMEWORK, True),
        (bf.Kind.META_FRAMEWORK, True),
        (bf.Kind.CMS, True),
        (bf.Kind.BACKEND_AS_A_SERVICE, True),
        (bf.Kind.RUNTIME, False),
        (bf.Kind.FRONTEND_LIBRARY, False),
        (bf.Kind.HTTP_SERVER, False),
        (bf.Kind.CROSS_PLATFORM_APP_FRAMEWORK, False),
    ],
)
def test_kind_says_whether_it_is_a_backend_framework(kind: bf.Kind, backend: bool) -> None:
    assert kind.is_backend is backend


def test_records_are_frozen_and_hold_tuples(kb: bf.KnowledgeBase) -> None:
    record = kb.get("django")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        record.name = "Other"  # type: ignore[misc]
    assert isinstance(record.pros, tuple)
    assert isinstance(record.pros[0].sources, tuple)
    assert not hasattr(record, "__dict__")


def test_feature_and_rating_accessors(kb: bf.KnowledgeBase) -> None:
    django = kb.get("django")
    orm = django.feature("orm")
    assert orm is not None
    assert orm.support is bf.SupportLevel.BUILT_IN
    assert django.feature("no-such-feature") is None
    learning = django.rating("learning-curve")
    assert learning is not None
    assert learning.disagreement
    assert [r.quality for r in django.ratings] == [
        q for q in bf.Quality if django.rating(q) is not None
    ]
    with pytest.raises(ValueError, match="not a valid Quality"):
        django.rating("speed")


def test_source_ids_collects_every_citation(kb: bf.KnowledgeBase) -> None:
    django = kb.get("django")
    cited = django.source_ids
    assert "django-faq" in cited  # only cited in a dispute and in facts
    assert "codingnomads-2023" in cited  # cited by rankings and claims
    for claim in django.claims:
        if claim.dispute is not None:
            assert set(claim.dispute.sources) <= cited


def test_claim_dispute_flag() -> None:
    plain = bf.Claim("t", ["s"])
    disputed = bf.Claim("t", ("s",), bf.Correction("actually", ["d"]))
    assert not plain.disputed
    assert disputed.disputed


def test_collections_must_be_tuples_and_sources_not_a_bare_string() -> None:
    with pytest.raises(TypeError, match="not the string 'abc'"):
        bf.Claim("t", "abc")
    with pytest.raises(TypeError, match="must be <class 'tuple'>"):
        bf.Vocabularies(features=[bf.Term("a", "A", "a")])  # type: ignore[arg-type]


def test_vocabularies_merge_adds_and_replaces() -> None:
    base = bf.Vocabularies(features=(bf.Term("orm", "ORM", "old"),))
    extra = bf.Vocabularies(
        features=(bf.Term("orm", "ORM", "new"), bf.Term("queue", "Queue", "q")),
        languages=(bf.Term("zig", "Zig", "z"),),
    )
    merged = base.merged(extra)
    assert merged.ids("features") == {"orm", "queue"}
    assert merged.ids("languages") == {"zig"}
    assert merged.features[0].description == "new"
