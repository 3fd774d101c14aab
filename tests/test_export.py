"""Export to JSON-ready data and back, exactly."""

from __future__ import annotations

import datetime
import json
import typing
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import backend_frameworks as bf
from backend_frameworks._convert import structure


def test_whole_knowledge_base_round_trips_exactly(kb: bf.KnowledgeBase) -> None:
    exported = kb.export()
    through_json = json.loads(json.dumps(exported))
    again = bf.KnowledgeBase.from_dict(through_json)
    assert again.export() == exported
    assert again.frameworks(include_related=True) == kb.frameworks(include_related=True)
    assert again.sources() == kb.sources()
    assert again.guidance() == kb.guidance()
    assert again.vocabularies() == kb.vocabularies()
    assert again.data_info() == kb.data_info()


@pytest.mark.parametrize("name", ["django", "flask", "express", "nodejs"])
def test_one_record_round_trips(kb: bf.KnowledgeBase, name: str) -> None:
    record = kb.get(name)
    data = bf.to_dict(record)
    assert json.loads(json.dumps(data)) == data
    assert structure(data, bf.Framework) == record


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("guidance"), "expected exactly the keys"),
        (lambda d: d.update(format=99), "$.format: unsupported format 99"),
        (
            lambda d: d["frameworks"][0].update(kind={"value": "x", "sources": []}),
            "$[0].kind.value",
        ),
        (
            lambda d: d["frameworks"][0]["pros"].append({"text": "t", "sources": ["zz"]}),
            "unknown source id 'zz'",
        ),
    ],
)
def test_from_dict_rejects_bad_input(kb: bf.KnowledgeBase, mutate: object, message: str) -> None:
    data = json.loads(json.dumps(kb.export()))
    mutate(data)  # type: ignore[operator]
    with pytest.raises(bf.DataError) as caught:
        bf.KnowledgeBase.from_dict(data)
    assert message in str(caught.value)


texts = st.text(min_size=1, max_size=30)
source_lists = st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3, unique=True)
corrections = st.none() | st.builds(bf.Correction, texts, source_lists)
claims = st.builds(bf.Claim, texts, source_lists, corrections)
features = st.builds(
    bf.FeatureSupport,
    st.sampled_from(["orm", "routing"]),
    st.sampled_from(bf.SupportLevel),
    source_lists,
    texts,
    corrections,
)
qualities = st.builds(
    bf.QualityClaim,
    st.sampled_from(bf.Quality),
    st.sampled_from(bf.Level),
    texts,
    source_lists,
    corrections,
)
records = st.builds(
    bf.Framework,
    id=st.from_regex(r"[a-z]{1,8}", fullmatch=True),
    name=texts,
    summary=texts,
    kind=st.builds(bf.Fact, st.sampled_from(bf.Kind), source_lists),
    languages=st.builds(bf.Fact, st.lists(texts, max_size=2).map(tuple), source_lists),
    aliases=st.lists(texts, max_size=2).map(tuple),
    first_release=st.none() | st.builds(bf.Fact, st.integers(1990, 2030), source_lists),
    open_source=st.none() | st.builds(bf.Fact, st.booleans(), source_lists),
    philosophy=st.lists(
        st.builds(bf.Fact, st.sampled_from(bf.Philosophy), source_lists), max_size=2
    ).map(tuple),
    features=st.lists(features, max_size=3).map(tuple),
    qualities=st.lists(qualities, max_size=3).map(tuple),
    pros=st.lists(claims, max_size=3).map(tuple),
    rankings=st.lists(
        st.builds(
            bf.Ranking,
            st.sampled_from(["a", "b"]),
            st.integers(1, 20),
            texts,
            st.booleans(),
            st.none() | texts,
        ),
        max_size=2,
    ).map(tuple),
)


@given(records)
def test_any_record_round_trips_through_json(record: bf.Framework) -> None:
    data = json.loads(json.dumps(bf.to_dict(record)))
    assert structure(data, bf.Framework) == record


def _first(field: str) -> Any:
    """The first item of ``field`` in any record that has one."""
    return next(
        item for record in bf.frameworks(include_related=True) for item in getattr(record, field)
    )


# Release lines until the shipped data has them (issue 11).
LINE = bf.ReleaseLine(
    "1.0",
    "2025-01-01",
    ["api-ninjas-2022"],
    lts=True,
    security_support_until="2027-01",
    latest=bf.Release("1.0.3", "2025-06-01", ["api-ninjas-2022"]),
)
POLICY = bf.SupportPolicy("https://example.org/policy", "2026-12-01", ["api-ninjas-2022"])


def _examples() -> dict[type[Any], Any]:
    """One real instance of every type ``to_dict`` accepts, made by the library."""
    django = bf.get("django")
    result = bf.recommend(bf.Requirements(languages=["python"], must_have=["orm"]))
    STABILITY = next(s for s in result.stability(samples=20) if s.down is not None)  # noqa: N806
    everything = bf.recommend(bf.Requirements(open_source_only=True))
    comparison = bf.compare("django", "flask")
    dispute = bf.disputes()[0]
    records = bf.frameworks(include_related=True)
    examples: list[object] = [
        django,
        bf.sources()[0],
        bf.guidance()[0],
        bf.vocabularies(),
        bf.vocabularies().features[0],
        bf.data_info(),
        django.kind,
        _first("pros"),
        dispute.correction,
        _first("features"),
        _first("qualities"),
        _first("use_cases"),
        _first("notable_users"),
        _first("relations"),
        _first("rankings"),
        _first("measurements"),
        _first("packages"),
        LINE,
        POLICY,
        bf.Support("x", "1.0.1", datetime.date(2026, 1, 1), LINE, True, None, "why", ("x",)),
        next(r.maintenance for r in records if r.maintenance is not None),
        next(r.latest_release for r in records if r.latest_release is not None),
        next(rating for r in records for rating in r.ratings),
        bf.search("django")[0],
        bf.search("django")[0].matches[0],
        comparison,
        comparison.rows[0],
        bf.claims_by(django.kind.sources[0])[0],
        dispute,
        bf.Score(0.5, ["why"], ["api-ninjas-2022"]),
        result[0].breakdown[0],
        result[0],
        everything.excluded[0],
        result,
        result[0].coverage,
        STABILITY,
        STABILITY.down,
        result.why_not(result[1].framework.id),
        result.why_not(result[1].framework.id).gaps[0],
    ]
    return {type(example): example for example in examples}


EXAMPLES = _examples()
KINDS = sorted(EXAMPLES, key=lambda kind: kind.__name__)


def test_the_examples_cover_every_exportable_type() -> None:
    accepted = {typing.get_origin(t) or t for t in typing.get_args(bf.Exportable)}
    assert set(EXAMPLES) == accepted


def _no_objects_left(data: object) -> bool:
    if isinstance(data, dict):
        return all(isinstance(k, str) and _no_objects_left(v) for k, v in data.items())
    if isinstance(data, list):
        return all(_no_objects_left(item) for item in data)
    return data is None or isinstance(data, str | int | float | bool)


@pytest.mark.parametrize("kind", KINDS, ids=[kind.__name__ for kind in KINDS])
def test_to_dict_gives_json_ready_builtins_for_every_type(kind: type[Any]) -> None:
    data = bf.to_dict(EXAMPLES[kind])
    assert _no_objects_left(data)
    assert json.loads(json.dumps(data)) == data
    if kind not in {bf.Framework, bf.Source, bf.Guidance, bf.Vocabularies}:
        assert not _whole_records(data), "results name frameworks as {id, name} only"


def _whole_records(data: object) -> list[object]:
    """The dicts inside ``data`` that look like a whole framework record."""
    if isinstance(data, list):
        return [found for item in data for found in _whole_records(item)]
    if not isinstance(data, dict):
        return []
    own = [data] if {"id", "name", "summary", "kind", "languages"} <= data.keys() else []
    return own + [found for value in data.values() for found in _whole_records(value)]


@pytest.mark.parametrize("kind", [bf.Framework, bf.Source, bf.Guidance, bf.Vocabularies])
def test_from_dict_rebuilds_every_record_type(kind: type[Any]) -> None:
    record = EXAMPLES[kind]
    assert bf.from_dict(kind, bf.to_dict(record)) == record


@pytest.mark.parametrize("value", [object(), {"id": "x"}, 3, bf])
def test_to_dict_rejects_what_is_not_a_library_type(value: object) -> None:
    with pytest.raises(bf.InvalidQueryError) as caught:
        bf.to_dict(value)  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError)
