"""Filters and predicates over the shipped data.

Expected answers come from ``oracle`` below: a plain scan of the records'
fields written from the documented meaning of each filter, sharing no code
with the indexed implementation.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import backend_frameworks as bf
from backend_frameworks import _kb as kb_module
from backend_frameworks._index import FilterIndex

KB = bf.KnowledgeBase.from_resources()
RECORDS = KB.frameworks(include_related=True)
LEVELS = ["very-low", "low", "moderate", "high", "very-high"]
SUPPORT = ["ecosystem", "official", "built-in"]  # "none" is a verified absence: never a match
NOT_EVIDENCE = {bf.ClaimStatus.UNSUPPORTED, bf.ClaimStatus.DISPUTED}


def _any_of(value: object) -> set[Any]:
    if isinstance(value, (str, int, bool, bf.Kind, bf.Philosophy)):
        return {value}
    assert isinstance(value, (list, tuple))
    return set(value)


def _median(record: bf.Framework, quality: str) -> int | None:
    # Unsupported and disputed claims are not evidence for a rating.
    ranks = sorted(
        LEVELS.index(q.level.value)
        for q in record.qualities
        if q.quality.value == quality and q.status not in NOT_EVIDENCE
    )
    return ranks[(len(ranks) - 1) // 2] if ranks else None


def _cites(record: bf.Framework, source_id: str) -> bool:
    def walk(value: object, key: str = "") -> bool:
        if isinstance(value, dict):
            return any(walk(item, name) for name, item in value.items())
        if isinstance(value, list):
            return any(walk(item, key) for item in value)
        return key in ("sources", "source") and value == source_id

    return walk(bf.to_dict(record))


def oracle(record: bf.Framework, field: str, value: Any, filters: dict[str, Any]) -> bool:  # noqa: PLR0911
    """Whether ``record`` satisfies one keyword filter, by reading its fields."""
    data = json.loads(json.dumps(bf.to_dict(record)))
    if field == "language":
        return bool(_any_of(value) & set(data["languages"]["value"]))
    if field in ("kind", "runtime", "architecture", "license", "open_source"):
        fact = data.get(field)
        wanted = {getattr(v, "value", v) for v in _any_of(value)}
        return fact is not None and fact["value"] in wanted
    if field == "philosophy":
        wanted = {getattr(v, "value", v) for v in _any_of(value)}
        return any(p["value"] in wanted for p in data.get("philosophy", []))
    if field == "first_release":
        low, high = (value, value) if isinstance(value, int) else value
        year = (data.get("first_release") or {}).get("value")
        return year is not None and (low is None or year >= low) and (high is None or year <= high)
    if field == "feature":
        minimum = SUPPORT.index(
            getattr(filters.get("min_support"), "value", None)
            or filters.get("min_support", "ecosystem")
        )
        return any(
            f["feature"] in _any_of(value)
            and f["support"] in SUPPORT
            and SUPPORT.index(f["support"]) >= minimum
            for f in data.get("features", [])
        )
    if field == "min_support":
        return True
    if field == "use_case":
        return any(
            u["use_case"] in _any_of(value) and u.get("suited", True)
            for u in data.get("use_cases", [])
        )
    if field.endswith(("_at_most", "_at_least")):
        quality, _, bound = field.rpartition("_at_")
        level = _median(record, quality.replace("_", "-"))
        limit = LEVELS.index(getattr(value, "value", value))
        if level is None:
            return False
        return level <= limit if bound == "most" else level >= limit
    if field in ("built_on", "runs_on", "inspired_by", "uses_components_of", "successor_of"):
        targets = {KB.get(v).id for v in _any_of(value)}
        kind = field.replace("_", "-")
        return any(r["kind"] == kind and r["target"] in targets for r in data.get("relations", []))
    if field == "mentioned_by":
        return any(_cites(record, v) for v in _any_of(value))
    raise AssertionError(field)


def expected(filters: dict[str, Any], *, include_related: bool) -> list[str]:
    return [
        r.id
        for r in RECORDS
        if (include_related or r.is_backend)
        and all(oracle(r, f, v, filters) for f, v in filters.items())
    ]


CASES: list[dict[str, Any]] = [
    {"language": "python"},
    {"language": ["python", "php"]},
    {"language": "javascript"},
    {"kind": "micro-framework"},
    {"kind": bf.Kind.FULL_STACK},
    {"kind": ["micro-framework", "full-stack-framework"]},
    {"runtime": "node-js"},
    {"architecture": "mvt"},
    {"philosophy": "minimal"},
    {"philosophy": bf.Philosophy.BATTERIES_INCLUDED},
    {"license": "MIT"},
    {"open_source": True},
    {"open_source": False},
    {"first_release": 2010},
    {"first_release": (2010, 2015)},
    {"first_release": (None, 2009)},
    {"first_release": (2016, None)},
    {"feature": "orm"},
    {"feature": "orm", "min_support": "built-in"},
    {"feature": ["orm", "routing"], "min_support": bf.SupportLevel.OFFICIAL},
    {"use_case": "mvp-prototype"},
    {"use_case": ["learning", "large-scale"]},
    {"learning_curve_at_most": "moderate"},
    {"learning_curve_at_least": "high"},
    {"performance_at_least": bf.Level.HIGH},
    {"scalability_at_most": "low"},
    {"built_on": "Express"},
    {"built_on": "react"},
    {"runs_on": "Node.js"},
    {"mentioned_by": "api-ninjas-2022"},
    {"mentioned_by": ["flask-license", "django-faq"]},
    {"language": "python", "feature": "orm"},
    {"language": "javascript", "runs_on": "nodejs", "first_release": (2015, None)},
    {"language": "python", "first_release": (None, 1990)},
]


@pytest.mark.parametrize("include_related", [False, True])
@pytest.mark.parametrize("filters", CASES, ids=repr)
def test_filters_match_a_plain_scan_of_the_data(
    filters: dict[str, Any], include_related: bool
) -> None:
    found = KB.query(include_related=include_related, **filters)
    assert [r.id for r in found] == expected(filters, include_related=include_related)
    assert bf.query(include_related=include_related, **filters) == found


def test_the_table_is_not_trivially_empty() -> None:
    nonempty = [f for f in CASES if expected(f, include_related=True)]
    assert len(nonempty) >= len(CASES) - 3


def test_no_filters_is_every_backend_framework_by_id() -> None:
    assert bf.query() == bf.frameworks()
    assert bf.query(include_related=True) == RECORDS


def test_valid_filters_without_a_match_give_an_empty_tuple() -> None:
    assert bf.query(language="python", first_release=(None, 1900)) == ()


def test_vocabulary_values_ignore_case_and_punctuation() -> None:
    assert bf.query(language="Python") == bf.query(language="python")
    assert bf.query(runtime="Node.js") == bf.query(runtime="node-js")
    assert bf.query(kind="Micro Framework") == bf.query(kind="micro-framework")


# -- predicates ------------------------------------------------------------


def test_a_plain_callable_is_a_predicate() -> None:
    def has_pros(record: bf.Framework) -> bool:
        return len(record.pros) > 3

    assert [r.id for r in bf.query(has_pros)] == [r.id for r in bf.frameworks() if has_pros(r)]
    both = bf.query(has_pros, language="python")
    assert [r.id for r in both] == [
        r.id for r in bf.frameworks() if has_pros(r) and "python" in r.languages.value
    ]


def test_predicates_combine_with_callables_on_either_side() -> None:
    def named_d(record: bf.Framework) -> bool:
        return record.name.startswith("D")

    python = bf.where(language="python")
    assert {r.id for r in bf.query(python & named_d)} == {"django"} & {
        r.id for r in bf.frameworks() if "python" in r.languages.value
    }
    assert bf.query(named_d & python) == bf.query(python & named_d)
    assert bf.query(named_d | python) == bf.query(python | named_d)
    assert bf.query(~(python & named_d)) == tuple(
        r for r in bf.frameworks() if not (named_d(r) and "python" in r.languages.value)
    )


def test_a_predicate_is_not_called_on_records_directly() -> None:
    # A keyword predicate only means something against a knowledge base's
    # vocabularies, so it is applied through ``query``, never as a function.
    assert not callable(bf.where(language="python"))
    with pytest.raises(TypeError):
        bf.where(language="python")(bf.get("django"))  # type: ignore[operator]


@pytest.mark.parametrize("sort", ["name", "first_release", "kind", "runtime"])
def test_sort_by_field_puts_missing_values_last(sort: str) -> None:
    found = bf.query(sort=sort, include_related=True)

    def value(record: bf.Framework) -> Any:
        item = getattr(record, sort)
        item = getattr(item, "value", item)
        return getattr(item, "value", item)

    present = [value(r) for r in found if value(r) is not None]
    assert present == sorted(present)
    missing = [value(r) is None for r in found]
    assert missing == sorted(missing)
    assert {r.id for r in found} == {r.id for r in RECORDS}


def test_sort_by_callable_and_limit() -> None:
    found = bf.query(sort=lambda r: -len(r.pros), limit=2, include_related=True)
    counts = sorted((-len(r.pros), r.id) for r in RECORDS)[:2]
    assert [r.id for r in found] == [record_id for _, record_id in counts]
    assert bf.query(limit=0) == ()


# -- errors ----------------------------------------------------------------

ERRORS: list[tuple[dict[str, Any], str, str | None]] = [
    ({"language": "pyhton"}, "unknown language 'pyhton'", "python"),
    ({"langauge": "python"}, "unknown filter 'langauge'", "language"),
    ({"kind": "micro"}, "unknown kind value 'micro'", "micro-framework"),
    ({"philosophy": "minimalist"}, "unknown philosophy", "minimal"),
    ({"feature": "orn"}, "unknown feature 'orn'", "orm"),
    ({"feature": "orm", "min_support": "builtin-ish"}, "min_support", "built-in"),
    ({"min_support": "built-in"}, "give feature= too", None),
    ({"feature": "orm", "min_support": "none"}, "matches nothing provided", "ecosystem"),
    ({"use_case": "prototyping"}, "unknown use case", None),
    ({"runtime": "cpyton"}, "unknown runtime", "cpython"),
    ({"license": "MTI"}, "unknown license", None),
    ({"learning_curve_at_most": "moderat"}, "learning_curve_at_most", "moderate"),
    ({"learning_curve_at_mots": "low"}, "unknown filter", "learning_curve_at_most"),
    ({"built_on": "expres"}, "unknown framework 'expres'", "express"),
    ({"mentioned_by": "api-ninja"}, "unknown source", "api-ninjas-2022"),
    ({"open_source": "yes"}, "open_source takes True or False", None),
    ({"first_release": "2010"}, "first_release takes", None),
    ({"first_release": (2015, 2010)}, "min > max", None),
    ({"first_release": (True, None)}, "bounds must be int", None),
    ({"language": 3}, "language takes a string", None),
    ({"language": [3]}, "language takes strings", None),
    ({"language": []}, "at least one value", None),
    ({"kind": 3}, "kind takes", None),
    ({"performance_at_least": 4}, "performance_at_least takes", None),
    ({"sort": "nmae"}, "cannot sort by 'nmae'", "name"),
    ({"sort": 3}, "sort takes", None),
    ({"limit": -1}, "limit takes", None),
    ({"limit": True}, "limit takes", None),
    ({"include_related": "yes"}, "include_related takes", None),
]


@pytest.mark.parametrize(("arguments", "message", "suggestion"), ERRORS, ids=repr)
def test_bad_queries_raise_invalid_query_error(
    arguments: dict[str, Any], message: str, suggestion: str | None
) -> None:
    with pytest.raises(bf.InvalidQueryError) as caught:
        bf.query(**arguments)
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, bf.BackendFrameworksError)
    assert message in str(error)
    if suggestion is not None:
        assert error.suggestions[0] == suggestion
        assert repr(suggestion) in str(error)


def test_where_checks_keywords_and_types_at_once() -> None:
    with pytest.raises(bf.InvalidQueryError, match="unknown filter"):
        bf.where(colour="red")
    with pytest.raises(bf.InvalidQueryError, match="open_source"):
        bf.where(open_source=1)


def test_a_non_callable_predicate_is_an_error() -> None:
    with pytest.raises(bf.InvalidQueryError, match="predicate must be"):
        bf.query(3)
    with pytest.raises(bf.InvalidQueryError, match="predicate must be"):
        bf.where(language="python") & 3


# -- properties ------------------------------------------------------------


def _vocabulary(name: str) -> list[str]:
    return sorted(KB.vocabularies().ids(name))


FILTERS: list[Callable[[], st.SearchStrategy[dict[str, Any]]]] = [
    lambda: st.builds(lambda v: {"language": v}, st.sampled_from(_vocabulary("languages"))),
    lambda: st.builds(lambda v: {"kind": v}, st.sampled_from(list(bf.Kind))),
    lambda: st.builds(lambda v: {"philosophy": v}, st.sampled_from(list(bf.Philosophy))),
    lambda: st.builds(lambda v: {"runtime": v}, st.sampled_from(_vocabulary("runtimes"))),
    lambda: st.builds(
        lambda v, s: {"feature": v, "min_support": s},
        st.sampled_from(_vocabulary("features")),
        st.sampled_from([level for level in bf.SupportLevel if level.provided]),
    ),
    lambda: st.builds(lambda v: {"use_case": v}, st.sampled_from(_vocabulary("use_cases"))),
    lambda: st.builds(lambda v: {"open_source": v}, st.booleans()),
    lambda: st.builds(
        lambda low, high: {"first_release": (low, high)},
        st.none() | st.integers(1990, 2025),
        st.none() | st.integers(2025, 2030),
    ),
    lambda: st.builds(
        lambda q, bound, level: {f"{q.value.replace('-', '_')}_{bound}": level},
        st.sampled_from(list(bf.Quality)),
        st.sampled_from(["at_most", "at_least"]),
        st.sampled_from(list(bf.Level)),
    ),
    lambda: st.builds(
        lambda s: {"mentioned_by": s}, st.sampled_from([s.id for s in KB.sources()])
    ),
]
filters = st.one_of([make() for make in FILTERS])


@settings(max_examples=60, deadline=None)
@given(filters)
def test_every_result_satisfies_its_filters(chosen: dict[str, Any]) -> None:
    found = [r.id for r in KB.query(include_related=True, **chosen)]
    assert found == expected(chosen, include_related=True)


@settings(max_examples=60, deadline=None)
@given(filters, filters)
def test_and_of_wheres_equals_both_filters(a: dict[str, Any], b: dict[str, Any]) -> None:
    both = KB.query(bf.where(**a) & bf.where(**b), include_related=True)
    left = set(KB.query(include_related=True, **a))
    right = set(KB.query(include_related=True, **b))
    assert set(both) == left & right
    if not set(a) & set(b):
        assert both == KB.query(include_related=True, **a, **b)
    either = KB.query(bf.where(**a) | bf.where(**b), include_related=True)
    assert set(either) == left | right


@settings(max_examples=60, deadline=None)
@given(filters)
def test_a_predicate_and_its_negation_partition_the_records(chosen: dict[str, Any]) -> None:
    predicate = bf.where(**chosen)
    yes = KB.query(predicate, include_related=True)
    no = KB.query(~predicate, include_related=True)
    assert not set(yes) & set(no)
    assert sorted(yes + no, key=lambda r: r.id) == list(RECORDS)


@settings(max_examples=30, deadline=None)
@given(filters)
def test_result_order_is_deterministic_and_by_id(chosen: dict[str, Any]) -> None:
    first = KB.query(include_related=True, **chosen)
    again = bf.KnowledgeBase.from_resources().query(include_related=True, **chosen)
    assert [r.id for r in first] == [r.id for r in again]
    assert [r.id for r in first] == sorted(r.id for r in first)


def test_index_is_built_once_under_concurrency(monkeypatch: pytest.MonkeyPatch) -> None:
    builds: list[int] = []

    class CountingIndex(FilterIndex):
        __slots__ = ()

        def __init__(self, records: Iterable[bf.Framework]) -> None:
            builds.append(threading.get_ident())
            time.sleep(0.05)  # widen the window in which a second build could start
            super().__init__(records)

    monkeypatch.setattr(kb_module, "FilterIndex", CountingIndex)
    kb = bf.KnowledgeBase.from_resources()
    start = threading.Barrier(8)
    results: list[tuple[bf.Framework, ...]] = []

    def ask() -> None:
        start.wait()
        results.append(kb.query(language="python"))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert len(results) == 8
    assert len({tuple(r.id for r in result) for result in results}) == 1
    kb.query(kind="web-framework")
    assert len(builds) == 1
