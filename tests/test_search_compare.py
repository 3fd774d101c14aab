"""Text search, comparison, provenance helpers and their command-line faces."""

from __future__ import annotations

import io
import json

import pytest

import backend_frameworks as bf
from backend_frameworks._cli import main

RECORDS = bf.frameworks(include_related=True)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


# -- compare ---------------------------------------------------------------


def test_compare_has_one_value_per_record_from_the_data() -> None:
    comparison = bf.compare("django", "Flask", "Express.js")
    records = [bf.get("django"), bf.get("flask"), bf.get("express")]
    assert comparison.frameworks == tuple(records)
    features = {row.label: row for row in comparison.features}
    assert set(features) == {f.feature for r in records for f in r.features}
    for label, row in features.items():
        for record, value, sources in zip(records, row.values, row.sources, strict=True):
            support = record.feature(label)
            assert value == (support.support if support else None)
            assert sources == (support.sources if support else ())
    for row in comparison.qualities:
        ratings = [r.rating(row.label) for r in records]
        assert row.values == tuple(x.level if x else None for x in ratings)
        assert row.disagreements == tuple(bool(x and x.disagreement) for x in ratings)
    kind = next(row for row in comparison.facts if row.label == "kind")
    assert kind.values == tuple(r.kind.value for r in records)
    assert comparison.pros == tuple(r.pros for r in records)
    assert comparison.cons == tuple(r.cons for r in records)


def test_compare_flags_disagreeing_sources() -> None:
    disagreeing = [
        (r.id, q)
        for r in bf.frameworks()
        for q in bf.Quality
        if (x := r.rating(q)) and x.disagreement
    ]
    assert disagreeing, "the shipped data has sources that disagree"
    record_id, quality = disagreeing[0]
    other = next(r.id for r in bf.frameworks() if r.id != record_id)
    row = next(r for r in bf.compare(record_id, other).qualities if r.label == quality.value)
    assert row.disagreement
    assert "*" in str(bf.compare(record_id, other))


def test_compare_renders_a_table_with_every_name() -> None:
    text = bf.compare("django", "flask").render()
    assert text.splitlines()[0].split() == ["Django", "Flask"]
    assert "Features:" in text
    assert "orm" in text
    for claim in bf.get("flask").cons:
        assert claim.text in text


@pytest.mark.parametrize(
    ("names", "error", "message"),
    [
        ((), bf.InvalidQueryError, "at least two"),
        (("django",), bf.InvalidQueryError, "at least two"),
        (("django", "Django"), bf.InvalidQueryError, "same framework twice"),
        (("django", "flaks"), bf.UnknownFrameworkError, "did you mean 'flask'"),
    ],
)
def test_compare_errors(names: tuple[str, ...], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        bf.compare(*names)


# -- provenance ------------------------------------------------------------


@pytest.mark.parametrize("source_id", [s.id for s in bf.sources()])
def test_mentioned_by_and_claims_by_agree_with_the_records(source_id: str) -> None:
    expected = [r.id for r in RECORDS if f'"{source_id}"' in json.dumps(bf.to_dict(r))]
    assert [r.id for r in bf.mentioned_by(source_id)] == expected
    citations = bf.claims_by(source_id)
    assert sorted({c.framework for c in citations}) == expected
    for citation in citations:
        correction = citation.correction.sources if citation.correction else ()
        assert source_id in (*citation.sources, *correction)
    assert [r.id for r in bf.query(mentioned_by=source_id, include_related=True)] == expected


def test_claims_by_for_one_record() -> None:
    citations = bf.claims_by("flask-license", framework="Flask")
    assert {c.field for c in citations} >= {"license", "open_source"}
    assert all(c.framework == "flask" for c in citations)


def test_disputes_list_every_disputed_statement() -> None:
    found = bf.disputes()
    expected = 0
    for record in RECORDS:
        for item in (
            *record.pros,
            *record.cons,
            *record.claims,
            *record.features,
            *record.qualities,
            *record.use_cases,
            *record.notable_users,
        ):
            expected += getattr(item, "dispute", None) is not None
    assert len(found) == expected > 0
    for dispute in found:
        assert dispute.statement.dispute == dispute.correction
        assert dispute.correction.sources
    assert [d.framework for d in found] == sorted(d.framework for d in found)
    assert all(d.framework == "django" for d in bf.disputes("django"))


@pytest.mark.parametrize(
    "call",
    [
        lambda: bf.claims_by("nope"),
        lambda: bf.mentioned_by("nope"),
    ],
)
def test_unknown_sources_raise(call: object) -> None:
    with pytest.raises(bf.UnknownSourceError):
        call()  # type: ignore[operator]


# -- command line ----------------------------------------------------------


def test_cli_search() -> None:
    status, text = run("search", "Express.js", "--limit", "1")
    assert status == 0
    assert text.startswith("express  Express  (exact name; score ")
    status, text = run("search", "orm", "--limit", "3", "--matches", "2")
    assert status == 0
    assert "feature: Object-relational mapper: built-in" in text
    assert text.count("\n    ") == 6  # two matches under each of three records
    status, text = run("search", "prototyping", "--json", "--limit", "2")
    data = json.loads(text)
    assert status == 0
    assert data == [bf.to_dict(hit) for hit in bf.search("prototyping", limit=2)]
    assert {"kind", "text", "terms", "status", "sources", "statement"} <= set(
        data[0]["matches"][0]
    )


def test_cli_search_matches_must_not_be_negative(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run("search", "orm", "--matches", "-2")
    assert caught.value.code == 2
    assert "--matches: -2 is negative" in capsys.readouterr().err


def test_cli_search_without_words_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("search", "   ")[0] == 2
    assert "no words" in capsys.readouterr().err


def test_cli_search_without_hits() -> None:
    assert run("search", "zzzzqqq") == (0, "no record matches 'zzzzqqq'\n")


def test_cli_search_of_only_common_words_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("search", "for the")[0] == 2
    assert "only common words" in capsys.readouterr().err


def test_cli_compare() -> None:
    status, text = run("compare", "django", "flask")
    assert status == 0
    assert text == bf.compare("django", "flask").render()
    status, text = run("compare", "django", "flask", "--json")
    data = json.loads(text)
    assert data == bf.to_dict(bf.compare("django", "flask"))
    assert data["frameworks"] == [
        {"id": "django", "name": "Django"},
        {"id": "flask", "name": "Flask"},
    ]
    orm = next(row for row in data["features"] if row["label"] == "orm")
    assert orm["values"] == ["built-in", "ecosystem"]


@pytest.mark.parametrize(("argv", "status"), [(("django",), 2), (("django", "flaks"), 1)])
def test_cli_compare_errors(argv: tuple[str, ...], status: int) -> None:
    assert run("compare", *argv)[0] == status
