"""Malformed data fails loudly, naming the file and the field path."""

from __future__ import annotations

import copy
import pathlib
from typing import Any

import pytest

import backend_frameworks as bf
from backend_frameworks._load import load_directory

from .conftest import WriteOverlay, minimal_record


def _source_file(**changes: Any) -> dict[str, Any]:
    """An overlay file holding one source, changed as given."""
    source = {"id": "x", "title": "t", "publisher": "p", "kind": "website", **changes}
    return {"sources/extra.json": {"sources": [source]}}


def _with(path: tuple[str | int, ...], value: Any, **base: Any) -> dict[str, Any]:
    record = minimal_record("bad", **base)
    target: Any = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    result: dict[str, Any] = record
    return result


def _term(term_id: str, **changes: Any) -> dict[str, Any]:
    return {"id": term_id, "name": term_id, "description": "A term made up for a test.", **changes}


FEATURE = {"feature": "orm", "support": "built-in", "sources": ["api-ninjas-2022"]}

STRUCTURE_CASES = [
    pytest.param(
        _with(("features", 0, "support"), "builtin?", features=[copy.deepcopy(FEATURE)]),
        "frameworks/bad.json: $.features[0].support: 'builtin?' is not one of "
        "'none', 'ecosystem', 'official', 'built-in'",
        id="enum",
    ),
    pytest.param(
        _with(("features", 0, "colour"), "red", features=[copy.deepcopy(FEATURE)]),
        "frameworks/bad.json: $.features[0]: unknown key 'colour'",
        id="unknown-key",
    ),
    pytest.param(
        minimal_record("bad", first_release={"value": "2005", "sources": ["api-ninjas-2022"]}),
        "frameworks/bad.json: $.first_release.value: expected an integer, got str '2005'",
        id="wrong-type",
    ),
    pytest.param(
        _with(("pros", 0, "sources"), "api-ninjas-2022"),
        "frameworks/bad.json: $.pros[0].sources: expected a list, got str",
        id="string-for-list",
    ),
    pytest.param(
        {k: v for k, v in minimal_record("bad").items() if k != "summary"},
        "frameworks/bad.json: $.summary: required key 'summary' is missing",
        id="missing-key",
    ),
    pytest.param(
        minimal_record("bad", open_source={"value": 1, "sources": ["api-ninjas-2022"]}),
        "frameworks/bad.json: $.open_source.value: expected true or false, got int 1",
        id="int-for-bool",
    ),
    pytest.param(
        "{not json",
        "frameworks/bad.json: line 1 column 2:",
        id="not-json",
    ),
]


CROSS_CASES = [
    pytest.param(
        _with(("pros", 0, "sources"), ["nope"]),
        "frameworks/bad.json: $.pros[0].sources[0]: unknown source id 'nope'",
        id="unknown-source",
    ),
    pytest.param(
        _with(("pros", 0, "sources"), []),
        "frameworks/bad.json: $.pros[0].sources: a claim needs at least one source id",
        id="no-source",
    ),
    pytest.param(
        minimal_record("bad", features=[dict(FEATURE, feature="orms")]),
        "frameworks/bad.json: $.features[0].feature: 'orms' is not in the features "
        "vocabulary (did you mean 'orm'?)",
        id="unknown-feature",
    ),
    pytest.param(
        minimal_record("bad", languages={"value": ["pyhton"], "sources": ["api-ninjas-2022"]}),
        "frameworks/bad.json: $.languages.value[0]: 'pyhton' is not in the languages "
        "vocabulary (did you mean 'python'?)",
        id="unknown-language",
    ),
    pytest.param(
        minimal_record(
            "bad",
            relations=[{"kind": "built-on", "target": "djangoo", "sources": ["api-ninjas-2022"]}],
        ),
        "frameworks/bad.json: $.relations[0].target: no record has id 'djangoo' "
        "(did you mean 'django'?)",
        id="unknown-relation-target",
    ),
    pytest.param(
        minimal_record(
            "bad",
            relations=[{"kind": "runs-on", "component": "PHP", "sources": ["flatirons-2024"]}] * 2,
        ),
        "frameworks/bad.json: $.relations[1]: this relation is listed twice",
        id="relation-twice",
    ),
    pytest.param(
        minimal_record("bad", aliases=["Express.js"]),
        "frameworks/bad.json: $.aliases[0]: 'Express.js' is also a name of 'express'",
        id="ambiguous-alias",
    ),
    pytest.param(
        minimal_record("bad", id="Bad"),
        "frameworks/bad.json: $.id: 'Bad' does not match the file name",
        id="id-not-file-name",
    ),
    pytest.param(
        minimal_record("bad", packages=[{"purl": "npm/bad", "sources": ["flask-repo"]}]),
        "frameworks/bad.json: $.packages[0].purl: 'npm/bad' is not a purl: it starts with 'pkg:'",
        id="package-not-a-purl",
    ),
    pytest.param(
        minimal_record("bad", packages=[{"purl": "pkg:pipy/bad", "sources": ["flask-repo"]}]),
        "frameworks/bad.json: $.packages[0].purl: 'pkg:pipy/bad': unknown package type 'pipy'",
        id="package-unknown-type",
    ),
    pytest.param(
        minimal_record("bad", packages=[{"purl": "pkg:composer/bad", "sources": ["flask-repo"]}]),
        "frameworks/bad.json: $.packages[0].purl: 'pkg:composer/bad': a Packagist package "
        "needs a namespace",
        id="package-without-vendor",
    ),
    pytest.param(
        minimal_record(
            "bad", packages=[{"purl": "pkg:PyPI/Bad_Pkg@1.0", "sources": ["flask-repo"]}]
        ),
        "frameworks/bad.json: $.packages[0].purl: write the purl as 'pkg:pypi/bad-pkg'",
        id="package-not-canonical",
    ),
    pytest.param(
        minimal_record("bad", packages=[{"purl": "pkg:pypi/bad", "sources": ["api-ninjas-2022"]}]),
        "frameworks/bad.json: $.packages[0].sources: a package name is shown by a primary source",
        id="package-without-primary-source",
    ),
    pytest.param(
        minimal_record("bad", packages=[{"purl": "pkg:pypi/bad", "sources": ["flask-repo"]}] * 2),
        "frameworks/bad.json: $.packages[1].purl: 'pkg:pypi/bad' is already listed by this record",
        id="package-twice",
    ),
    pytest.param(
        minimal_record("bad", rankings=[{"source": "api-ninjas-2022", "position": 0}]),
        "frameworks/bad.json: $.rankings[0].position: positions start at 1",
        id="ranking-position",
    ),
    pytest.param(
        minimal_record("bad", rankings=[{"source": "no-such-list", "position": 1}]),
        "frameworks/bad.json: $.rankings[0].source: unknown source id 'no-such-list'",
        id="ranking-unknown-source",
    ),
]


@pytest.mark.parametrize(("content", "message"), STRUCTURE_CASES + CROSS_CASES)
def test_bad_record_names_file_and_path(
    write_overlay: WriteOverlay, content: Any, message: str
) -> None:
    root = write_overlay({"frameworks/bad.json": content})
    with pytest.raises(bf.DataError) as caught:
        bf.KnowledgeBase.from_resources(root)
    assert isinstance(caught.value, ValueError)
    assert any(problem.startswith(message) for problem in caught.value.problems), (
        caught.value.problems
    )
    assert message in str(caught.value)


@pytest.mark.parametrize("shared", [False, True])
def test_two_records_in_one_position_need_a_shared_entry(
    write_overlay: WriteOverlay, kb: bf.KnowledgeBase, shared: bool
) -> None:
    holder, index = next(
        (record, index)
        for record in kb.frameworks()
        for index, ranking in enumerate(record.rankings)
        if not ranking.shared
    )
    taken = holder.rankings[index]
    ranking = {**bf.to_dict(holder)["rankings"][index], "shared": shared}
    files: dict[str, Any] = {"frameworks/bad.json": minimal_record("bad", rankings=[ranking])}
    if shared:
        mine = bf.to_dict(holder)
        mine["rankings"][index]["shared"] = True
        files[f"frameworks/{holder.id}.json"] = mine
        assert "bad" in bf.KnowledgeBase.from_resources(write_overlay(files))
        return
    with pytest.raises(bf.DataError) as caught:
        bf.KnowledgeBase.from_resources(write_overlay(files))
    message = (
        f"$.rankings[0].position: position {taken.position} of list {taken.list_name!r} "
        f"of {taken.source!r} is claimed by"
    )
    problems = caught.value.problems
    assert any(p.startswith(f"frameworks/bad.json: {message}") for p in problems), problems
    where = f"frameworks/{holder.id}.json: $.rankings[{index}]"
    assert any(where in p for p in problems), problems


def test_every_problem_is_reported_at_once(write_overlay: WriteOverlay) -> None:
    root = write_overlay(
        {
            "frameworks/one.json": minimal_record("one", kind={"value": "x", "sources": []}),
            "frameworks/two.json": minimal_record("two", aliases="two"),
        }
    )
    with pytest.raises(bf.DataError) as caught:
        bf.KnowledgeBase.from_resources(root)
    files = [problem.split(":")[0] for problem in caught.value.problems]
    assert files == ["frameworks/one.json", "frameworks/two.json"]
    assert "(2 problems)" in str(caught.value)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"sources/extra.json": {"sources": "x"}}, "sources/extra.json: $: expected an object"),
        (
            {"sources/extra.json": {"sources": [{"id": "x", "title": "t"}]}},
            "sources/extra.json: $.sources[0].publisher: required key 'publisher' is missing",
        ),
        (
            _source_file(kind="blog"),
            "sources/extra.json: $.sources[0].kind: 'blog' is not one of",
        ),
        (
            _source_file(url="ftp:x"),
            "sources/extra.json: $.sources[id=x].url: 'ftp:x' is not an http(s) address",
        ),
        (
            _source_file(date="May"),
            "sources/extra.json: $.sources[id=x].date: 'May' is not YYYY",
        ),
        (
            {
                "sources/a.json": {
                    "sources": [{"id": "x", "title": "t", "publisher": "p", "kind": "website"}]
                },
                "sources/b.json": {
                    "sources": [{"id": "x", "title": "t", "publisher": "p", "kind": "website"}]
                },
            },
            "sources/b.json: $.id: 'x' is also defined in sources/a.json",
        ),
        ({"meta.json": {"version": 1}}, "meta.json: $: expected"),
        (
            {"vocabularies.json": {"features": [{"id": "X Y", "name": "n", "description": "d"}]}},
            "vocabularies.json: $.features[id=X Y]: 'X Y' is not a lowercase slug",
        ),
        (
            {"vocabularies.json": {"languages": [_term("aa", synonyms=["b-b"]), _term("bb")]}},
            (
                "vocabularies.json: $.languages[id=aa].synonyms[0]: 'b-b' already names 'bb'; "
                "a synonym names one term"
            ),
        ),
        (
            {"vocabularies.json": {"languages": [_term("aa", synonyms=["..."])]}},
            "vocabularies.json: $.languages[id=aa].synonyms[0]: '...' has no letters or digits",
        ),
        (
            {"vocabularies.json": {"languages": [_term("zig", neighbours=["c"])]}},
            "vocabularies.json: $.languages[id=zig].neighbours[0]: no other term 'c'",
        ),
        (
            {"vocabularies.json": {"languages": [_term("aa", neighbours=["bb"]), _term("bb")]}},
            (
                "vocabularies.json: $.languages[id=aa].neighbours[0]: neighbours are mutual: "
                "add 'aa' to the neighbours of 'bb'"
            ),
        ),
        (
            {
                "guidance.json": {
                    "guidance": [{"id": "g", "kind": "choosing", "text": "t", "sources": ["zzz"]}]
                }
            },
            "guidance.json: $.guidance[id=g].sources[0]: unknown source id 'zzz'",
        ),
    ],
)
def test_other_files_are_checked(
    write_overlay: WriteOverlay, files: dict[str, Any], message: str
) -> None:
    root = write_overlay(files)
    with pytest.raises(bf.DataError) as caught:
        bf.KnowledgeBase.from_resources(root)
    assert any(problem.startswith(message) for problem in caught.value.problems), (
        caught.value.problems
    )


def test_overlay_adds_and_replaces_records(
    write_overlay: WriteOverlay, kb: bf.KnowledgeBase
) -> None:
    flask = bf.to_dict(kb.get("flask"))
    flask["summary"] = "Corrected by an overlay."
    root = write_overlay(
        {
            "frameworks/flask.json": flask,
            "frameworks/tiny.json": minimal_record("tiny", aliases=["TinyFW"]),
            "meta.json": {"version": "local-1", "as_of": "2026-01-02"},
        }
    )
    merged = bf.KnowledgeBase.from_resources(root)
    assert merged.get("flask").summary == "Corrected by an overlay."
    assert merged.get("tinyfw").id == "tiny"
    assert len(merged) == len(kb) + 1
    assert merged.data_info().version == "local-1"
    assert kb.get("flask").summary != "Corrected by an overlay."


def test_overlay_must_be_a_directory(tmp_path: pathlib.Path) -> None:
    with pytest.raises(bf.DataError, match="overlay is not a directory"):
        bf.KnowledgeBase.from_resources(tmp_path / "missing")


def test_empty_directory_loads_as_empty(tmp_path: pathlib.Path) -> None:
    raw = load_directory(tmp_path)
    assert raw.frameworks == ()
    assert raw.info is None


def test_records_built_in_code_are_validated(kb: bf.KnowledgeBase) -> None:
    record = kb.get("flask")
    with pytest.raises(bf.DataError, match=r"<framework 'flask'>: \$.pros\[0\].sources\[0\]"):
        bf.KnowledgeBase([record], sources=[])
    rebuilt = bf.KnowledgeBase(
        [kb.get("flask")], kb.sources(), kb.vocabularies(), kb.guidance(), kb.data_info()
    )
    assert rebuilt.get("flask") == record


DOCS = {"id": "bad-docs", "title": "Docs", "publisher": "Bad", "kind": "documentation"}
_ORM = {"feature": "orm", "support": "built-in", "provided_by": "bad.orm", "sources": ["bad-docs"]}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"pros": [{"text": "t", "sources": ["api-ninjas-2022"], "status": "verified"}]},
            "$.pros[0].status: 'verified' needs a primary source",
        ),
        (
            {"pros": [{"text": "t", "sources": ["api-ninjas-2022"], "status": "disputed"}]},
            "$.pros[0].status: a claim is 'disputed' exactly when it has a dispute",
        ),
        (
            {
                "cons": [
                    {
                        "text": "t",
                        "sources": ["api-ninjas-2022"],
                        "status": "opinion",
                        "dispute": {"text": "no", "sources": ["bad-docs"]},
                    }
                ]
            },
            "$.cons[0].status: a claim is 'disputed' exactly when it has a dispute",
        ),
        (
            {"features": [{**_ORM, "sources": ["api-ninjas-2022"]}]},
            "$.features[0].sources: a feature's support is shown by a primary source",
        ),
        (
            {"features": [{**_ORM, "provided_by": ""}]},
            "$.features[0].provided_by: name what provides the feature",
        ),
        (
            {"features": [{**_ORM, "claimed_by": ["nope-2020"]}]},
            "$.features[0].claimed_by[0]: unknown source id 'nope-2020'",
        ),
        (
            {"relations": [{"kind": "built-on", "sources": ["bad-docs"]}]},
            "$.relations[0]: give exactly one of target (a record id) and component",
        ),
        (
            {
                "relations": [
                    {
                        "kind": "built-on",
                        "target": "django",
                        "component": "Werkzeug",
                        "sources": ["bad-docs"],
                    }
                ]
            },
            "$.relations[0]: give exactly one of target (a record id) and component",
        ),
        (
            {"maintenance": {"value": "active", "as_of": "last week", "sources": ["bad-docs"]}},
            "$.maintenance.as_of: 'last week' is not YYYY[-MM[-DD]]",
        ),
        (
            {"latest_release": {"version": "1.0", "date": "2024", "sources": ["bad-docs"]}},
            "$.latest_release.date: '2024' is not YYYY-MM-DD",
        ),
        (
            {
                "measurements": [
                    {
                        "metric": "commits-12m",
                        "value": "many",
                        "as_of": "2026-01-01",
                        "method": "m",
                        "sources": ["bad-docs"],
                    }
                ]
            },
            "$.measurements[0].value",
        ),
    ],
)
def test_evidence_rules_are_checked(
    write_overlay: WriteOverlay, changes: dict[str, Any], message: str
) -> None:
    root = write_overlay(
        {
            "frameworks/bad.json": minimal_record("bad", **changes),
            "sources/bad.json": {"sources": [DOCS]},
        }
    )
    with pytest.raises(bf.DataError) as caught:
        bf.KnowledgeBase.from_resources(root)
    problems = caught.value.problems
    assert any(p.startswith(f"frameworks/bad.json: {message}") for p in problems), problems


def test_evidence_that_follows_the_rules_loads(write_overlay: WriteOverlay) -> None:
    record = minimal_record(
        "good",
        features=[{**_ORM, "claimed_by": ["api-ninjas-2022"]}],
        pros=[
            {"text": "Small.", "sources": ["api-ninjas-2022", "bad-docs"], "status": "verified"}
        ],
        relations=[{"kind": "built-on", "component": "Werkzeug", "sources": ["bad-docs"]}],
        maintenance={"value": "archived", "as_of": "2019-12", "sources": ["bad-docs"]},
        latest_release={"version": "3.0.3", "date": "2019-12-31", "sources": ["bad-docs"]},
        measurements=[
            {
                "metric": "commits-12m",
                "value": 0,
                "as_of": "2026-01-01",
                "method": "git log",
                "sources": ["bad-docs"],
            }
        ],
    )
    root = write_overlay({"frameworks/good.json": record, "sources/bad.json": {"sources": [DOCS]}})
    good = bf.KnowledgeBase.from_resources(root).get("good")
    assert good.maintenance is not None
    assert good.maintenance.value is bf.MaintenanceStatus.ARCHIVED
    assert good.relations[0].component == "Werkzeug"
    assert good.measurement("commits-12m") == good.measurements[0]
    assert good.pros[0].status is bf.ClaimStatus.VERIFIED
