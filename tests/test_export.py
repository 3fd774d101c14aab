"""Export to JSON-ready data and back, exactly."""

from __future__ import annotations

import json

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
    assert again.vocabularies == kb.vocabularies
    assert again.info == kb.info


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
