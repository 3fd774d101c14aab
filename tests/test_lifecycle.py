"""Release lines and support: matching versions to lines, and the published windows only."""

from __future__ import annotations

import copy
import datetime
from typing import Any

import pytest

import backend_frameworks as bf

from .conftest import WriteOverlay, minimal_record

POLICY = {"url": "https://example.org/alpha/policy", "as_of": "2026-11-01", "sources": ["x-doc"]}
LINES: list[dict[str, Any]] = [
    {"version": "2.1", "released": "2021-06-01", "sources": ["x-doc"],
     "security_support_until": "2022-06-30"},
    {"version": "3.0", "released": "2024-01-10", "sources": ["x-doc"],
     "latest": {"version": "3.0.4", "date": "2024-09-01", "sources": ["x-doc"]}},
    {"version": "2.2", "released": "2022-01-05", "sources": ["x-doc"], "lts": True,
     "active_support_until": "2023-12", "security_support_until": "2026-04"},
    {"version": "2.0", "released": "2021-01-01", "sources": ["x-doc"]},
]  # fmt: skip
SOURCE = {
    "id": "x-doc",
    "title": "Alpha's release policy",
    "publisher": "Alpha",
    "kind": "website",
}


def _files(**alpha: Any) -> dict[str, Any]:
    return {
        "sources/x.json": {"sources": [SOURCE]},
        "frameworks/alpha.json": minimal_record(
            "alpha",
            **{"support_policy": POLICY, "release_lines": copy.deepcopy(LINES), **alpha},
        ),
        "frameworks/beta.json": minimal_record("beta"),
        "frameworks/gamma.json": minimal_record(
            "gamma",
            support_policy=POLICY,
            release_lines=[{"version": "1", "released": "2020-01-01", "sources": ["x-doc"]}],
        ),
    }


@pytest.fixture
def own(write_overlay: WriteOverlay) -> bf.KnowledgeBase:
    return bf.KnowledgeBase.from_resources(write_overlay(_files()))


def test_lines_come_newest_first(own: bf.KnowledgeBase) -> None:
    assert [line.version for line in own.release_lines("alpha")] == ["3.0", "2.2", "2.1", "2.0"]
    assert own.release_lines("beta") == ()
    assert own.get("alpha").support_policy is not None


# Each row: version, day, truthy, security, active, and words of the reason.
CASES = [
    ("2.2.7", "2025-06-01", True, True, False,
     "2.2 is an LTS line; security support ends 2026-04 (Alpha's release policy)."),
    ("2.2", "2023-06-01", True, True, True,
     "2.2 is an LTS line in active support until 2023-12; security support ends 2026-04"),
    ("v2.2", "2026-04-30", True, True, False, "security support ends 2026-04"),
    ("2.2", "2026-05-01", False, False, False,
     "2.2 is an LTS line; security support ended 2026-04"),
    ("2.1.3", "2024-01-01", False, False, False,
     "2.1 is a release line; security support ended 2022-06-30"),
    ("3.0.1", "2025-01-01", True, True, None,
     "3.0 is the current line; no end of support is published"),
    ("3.0", "2023-12-31", False, False, False, "3.0 is not released until 2024-01-10"),
    ("2.0.5", "2023-01-01", False, None, None,
     "2.0 is a release line superseded by 2.1; no end date is published"),
]  # fmt: skip


@pytest.mark.parametrize(("version", "day", "truthy", "security", "active", "reason"), CASES)
def test_support_follows_the_published_windows(  # noqa: PLR0917 - one row of the table
    own: bf.KnowledgeBase,
    version: str,
    day: str,
    truthy: bool,
    security: bool | None,
    active: bool | None,
    reason: str,
) -> None:
    answer = own.is_supported("alpha", version, on=day)
    assert bool(answer) is truthy
    assert (answer.security, answer.active) == (security, active)
    assert reason in answer.reason
    assert answer.on == datetime.date.fromisoformat(day)
    assert answer.line is not None
    assert "x-doc" in answer.sources
    assert bf.to_dict(answer)["on"] == day


def test_a_date_object_and_today_work(own: bf.KnowledgeBase) -> None:
    assert own.is_supported("alpha", "2.2", on=datetime.date(2025, 6, 1))
    assert own.is_supported(
        "alpha", "2.2", on=datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC)
    )
    today = own.is_supported("alpha", "3.0")
    assert today.on == datetime.date.today()  # noqa: DTZ011 - the default is a calendar day


def test_an_unknown_version_suggests_the_lines(own: bf.KnowledgeBase) -> None:
    with pytest.raises(bf.UnknownVersionError) as caught:
        own.is_supported("alpha", "4.1")
    assert isinstance(caught.value, KeyError)
    assert caught.value.suggestions == ("3.0", "2.2", "2.1", "2.0")


def test_a_framework_without_a_policy_gets_a_clear_unknown(own: bf.KnowledgeBase) -> None:
    answer = own.is_supported("beta", "1.0")
    assert not answer
    assert answer.security is None
    assert answer.line is None
    assert "No release or support policy of Beta is recorded" in answer.reason


@pytest.mark.parametrize(
    ("version", "on", "builtin"),
    [
        ("abc", None, ValueError),
        ("2.2", "June 2025", ValueError),
        ("2.2", "2025-06-01" * 10, ValueError),
        (2.2, None, TypeError),
        ("2.2", 20250601, TypeError),
    ],
)
def test_malformed_input_is_a_query_error(
    own: bf.KnowledgeBase, version: Any, on: Any, builtin: type
) -> None:
    with pytest.raises(bf.InvalidQueryError) as caught:
        own.is_supported("alpha", version, on=on)
    assert isinstance(caught.value, builtin)


def test_an_unknown_framework_is_a_lookup_error(own: bf.KnowledgeBase) -> None:
    with pytest.raises(bf.UnknownFrameworkError):
        own.is_supported("alpah", "1.0")
    with pytest.raises(bf.UnknownFrameworkError):
        own.release_lines("alpah")


# -- queries and scoring -------------------------------------------------------------


def test_query_by_lts_and_support_date(own: bf.KnowledgeBase) -> None:
    ids = {r.id for r in own.query(lts=True)}
    assert "alpha" in ids
    assert {"beta", "gamma"}.isdisjoint(ids)
    assert "gamma" in {r.id for r in own.query(lts=False)}
    assert "beta" not in {r.id for r in own.query(lts=False)}
    on_day = {r.id for r in own.query(supported_on="2023-01-01")}
    assert {"alpha", "gamma"} <= on_day
    assert "beta" not in on_day
    before = {r.id for r in own.query(supported_on=datetime.date(2019, 1, 1))}
    assert {"alpha", "gamma"}.isdisjoint(before)


@pytest.mark.parametrize(("keyword", "value"), [("lts", "yes"), ("supported_on", 3)])
def test_lifecycle_filters_check_their_values(
    own: bf.KnowledgeBase, keyword: str, value: object
) -> None:
    filters: dict[str, Any] = {keyword: value}
    with pytest.raises(bf.InvalidQueryError):
        own.query(**filters)


OWN = {"alpha", "beta", "gamma"}
# Each row: the judging day, the ids left out, and words of alpha's reason if it is one.
LTS_REQUIRED = [
    ("2025-06-01", {"gamma"}, ""),
    ("2026-04-30", {"gamma"}, ""),
    ("2026-05-01", {"alpha", "gamma"},
     "Its newest long-term-support line, 2.2, lost security support in 2026-04"),
    ("2021-06-01", {"alpha", "gamma"}, "Its published support policy has no long-term-support"),
]  # fmt: skip


@pytest.mark.parametrize(("on", "left_out", "words"), LTS_REQUIRED)
def test_lts_required_leaves_out_a_policy_with_no_current_lts_line(
    own: bf.KnowledgeBase, on: str, left_out: set[str], words: str
) -> None:
    # beta has no recorded policy: unknown is kept, never taken for "no LTS".
    result = own.recommend(bf.Requirements(lts_required=True, languages=["python"], on=on))
    excluded = {e.framework.id: e for e in result.excluded if e.framework.id in OWN}
    assert set(excluded) == left_out
    assert all(e.constraints == ("lts_required",) for e in excluded.values())
    assert "beta" in result.ids
    if words:
        assert words in excluded["alpha"].reason


def test_a_line_released_in_a_month_counts_from_its_last_day(
    write_overlay: WriteOverlay,
) -> None:
    month = {"version": "4.0", "released": "2024-11", "sources": ["x-doc"], "lts": True}
    kb = bf.KnowledgeBase.from_resources(
        write_overlay(_files(release_lines=[*copy.deepcopy(LINES), month]))
    )
    assert kb.release_lines("alpha")[0].released == "2024-11"
    assert not kb.is_supported("alpha", "4.0", on="2024-11-29")
    assert (
        "4.0 is not released until 2024-11"
        in kb.is_supported("alpha", "4.0", on="2024-11-29").reason
    )
    assert kb.is_supported("alpha", "4.0.1", on="2024-12-01")


@pytest.mark.parametrize(
    ("on", "expected", "words"),
    [
        ("2023-04-30", 1.0, "2.2 (LTS): security support until 2026-04"),
        ("2025-04-30", 365 / (3 * 365), "2.2 (LTS): security support until 2026-04"),
        ("2026-06-01", 0.0, "security support ended 2026-04"),
        ("2021-02-01", 0.5, "2.0 (the newest line): no end of security support is published"),
        ("2019-01-01", 0.5, "No published support policy is recorded"),
    ],
)
def test_long_term_support_scores_the_remaining_window(
    own: bf.KnowledgeBase, on: str, expected: float, words: str
) -> None:
    score = bf.LongTermSupportScorer().score(own.get("alpha"), bf.Requirements(on=on))
    assert score.value == pytest.approx(expected, abs=1e-3)
    assert any(words in reason for reason in score.reasons)
    neutral = bf.LongTermSupportScorer().score(own.get("beta"), bf.Requirements(on=on))
    assert neutral.value == 0.5


@pytest.mark.parametrize(("on", "builtin"), [("soon", ValueError), (3, TypeError)])
def test_requirements_check_the_judging_day(on: Any, builtin: type) -> None:
    with pytest.raises(bf.InvalidRequirementsError) as caught:
        bf.Requirements(on=on)
    assert isinstance(caught.value, builtin)
    assert caught.value.field == "on"


# -- the loader's checks ----------------------------------------------------------------


def _line(**changes: Any) -> list[dict[str, Any]]:
    return [{"version": "1.0", "released": "2020-01-01", "sources": ["x-doc"], **changes}]


@pytest.mark.parametrize(
    ("alpha", "message"),
    [
        ({"release_lines": _line(version="one")}, "$.release_lines[0].version: 'one' is not"),
        ({"release_lines": _line() * 2}, "$.release_lines[1].version: line '1.0' is listed twice"),
        (
            {"release_lines": _line(security_support_until="2019-12")},
            "$.release_lines[0].security_support_until: 2019-12 is before released 2020-01-01",
        ),
        (
            {
                "release_lines": _line(
                    active_support_until="2022-01", security_support_until="2021"
                )
            },
            "$.release_lines[0].security_support_until: '2021' is not a date YYYY-MM[-DD]",
        ),
        (
            {"release_lines": _line(released="2020-02-30")},
            "$.release_lines[0].released: '2020-02-30' is not a date YYYY-MM[-DD]",
        ),
        (
            {
                "release_lines": _line(
                    latest={"version": "2.0.1", "date": "2021-01-01", "sources": ["x-doc"]}
                )
            },
            "$.release_lines[0].latest.version: 2.0.1 is not in 1.0",
        ),
        (
            {"release_lines": _line(sources=["api-ninjas-2022"])},
            "$.release_lines[0].sources: cite the maintainers' policy or release page",
        ),
        ({"support_policy": None}, "$.support_policy: release lines need the policy they follow"),
    ],
)
def test_bad_lines_name_file_and_path(
    write_overlay: WriteOverlay, alpha: dict[str, Any], message: str
) -> None:
    files = _files(**alpha)
    if alpha.get("support_policy", POLICY) is None:
        del files["frameworks/alpha.json"]["support_policy"]
    with pytest.raises(bf.DataError) as caught:
        bf.KnowledgeBase.from_resources(write_overlay(files))
    assert any(p.startswith(f"frameworks/alpha.json: {message}") for p in caught.value.problems), (
        caught.value.problems
    )
