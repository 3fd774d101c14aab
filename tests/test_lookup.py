"""Lookup by id, name and alias; misses; listing; sources; versions."""

from __future__ import annotations

import datetime
import importlib.metadata
import inspect
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import backend_frameworks as bf


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("django", "django"),
        ("DJANGO", "django"),
        ("Flask", "flask"),
        ("flask ", "flask"),
        ("Express", "express"),
        ("Express.js", "express"),
        ("expressjs", "express"),
        ("express-js", "express"),
        ("Node.js", "nodejs"),
        ("RoR", "rails"),
        ("ruby on rails", "rails"),
        ("Ruby-On-Rails", "rails"),
        ("Rails", "rails"),
    ],
)
def test_get_ignores_case_spaces_dots_and_hyphens(name: str, expected: str) -> None:
    assert bf.get(name).id == expected


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [("djang", "django"), ("flaks", "flask"), ("expres", "express"), ("dajngo", "django")],
)
def test_miss_suggests_the_nearest_id(name: str, suggestion: str) -> None:
    with pytest.raises(bf.UnknownFrameworkError) as caught:
        bf.get(name)
    error = caught.value
    assert isinstance(error, KeyError)
    assert isinstance(error, bf.BackendFrameworksError)
    assert error.suggestions[0] == suggestion
    assert f"did you mean {suggestion!r}" in str(error)
    assert error.name == name


def test_miss_without_anything_close_has_no_suggestion() -> None:
    with pytest.raises(KeyError) as caught:
        bf.get("qqqqqqqq")
    assert isinstance(caught.value, bf.UnknownFrameworkError)
    assert caught.value.suggestions == ()
    assert "did you mean" not in str(caught.value)


@pytest.mark.parametrize("bad", [None, 3, b"django", ["django"]])
def test_get_rejects_non_strings(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a string"):
        bf.get(bad)  # type: ignore[call-overload]


def test_frameworks_are_backend_sorted_by_id_and_exclude_related(kb: bf.KnowledgeBase) -> None:
    records = bf.frameworks()
    ids = [record.id for record in records]
    assert ids == sorted(ids)
    assert all(record.is_backend for record in records)
    everything = bf.frameworks(include_related=True)
    assert set(records) < set(everything)
    related = [record for record in everything if not record.is_backend]
    assert "nodejs" in {record.id for record in related}
    assert len(records) == len(kb) == len(list(kb))


def test_module_functions_share_one_default_instance() -> None:
    assert bf.frameworks() == bf.default_knowledge_base().frameworks()
    assert bf.get("flask") is bf.default_knowledge_base().get("flask")


def test_the_default_skips_only_checks_the_shipped_data_passes(kb: bf.KnowledgeBase) -> None:
    # The default knowledge base loads the shipped data without re-checking
    # it; `kb` is the same data loaded with every check. They must be equal.
    default = bf.default_knowledge_base()
    assert default.export() == kb.export()
    assert default.data_info() == kb.data_info()
    assert default.vocabularies() == kb.vocabularies()
    assert default.guidance() == kb.guidance()


def test_sources_sorted_and_found_by_id() -> None:
    ids = [source.id for source in bf.sources()]
    assert ids == sorted(ids)
    ninjas = bf.source("api-ninjas-2022")
    assert ninjas.publisher == "API Ninjas"
    assert ninjas.kind is bf.SourceKind.ARTICLE


def test_unknown_source_suggests() -> None:
    with pytest.raises(bf.UnknownSourceError) as caught:
        bf.source("api-ninja-2022")
    assert isinstance(caught.value, KeyError)
    assert caught.value.suggestions == ("api-ninjas-2022",)


def test_every_cited_source_of_a_record_resolves() -> None:
    for record in bf.frameworks(include_related=True):
        for source_id in record.source_ids:
            assert bf.source(source_id).id == source_id


def test_contains_and_iteration(kb: bf.KnowledgeBase) -> None:
    assert "Express.js" in kb
    assert "nothing-like-this" not in kb
    assert 42 not in kb
    assert [record.id for record in kb] == sorted(record.id for record in kb)
    assert "records" in repr(kb)


def test_versions() -> None:
    assert bf.__version__ == importlib.metadata.version("backend-frameworks")
    info = bf.data_info()
    assert info.version
    assert isinstance(info.as_of, datetime.date)
    assert info.as_of <= datetime.datetime.now(tz=datetime.UTC).date()


def test_public_api_is_exported_and_documented() -> None:
    reference = (Path(__file__).parent.parent / "docs" / "api.md").read_text(encoding="utf-8")
    directive = re.compile(r"^\.\. (?:auto\w+|py:data):: backend_frameworks\.(\w+)", re.MULTILINE)
    documented = set(directive.findall(reference))
    for name in bf.__all__:
        value = getattr(bf, name)
        if isinstance(value, type) or inspect.isroutine(value):
            assert value.__doc__, f"{name} has no docstring"
    assert documented == set(bf.__all__) - {"__version__"}
    public = {name for name in dir(bf) if not name.startswith("_")}
    assert public == set(bf.__all__) - {"__version__"}
    assert len(set(bf.__all__)) == len(bf.__all__)


@pytest.mark.parametrize("get", [bf.get, bf.default_knowledge_base().get])
def test_get_with_a_default_returns_it_on_a_miss_only(
    get: Callable[..., bf.Framework | None],
) -> None:
    assert get("nothing-like-this", None) is None
    marker = object()
    assert get("nothing-like-this", marker) is marker
    found = get("RoR", None)
    assert found is not None
    assert found.id == "rails"
    with pytest.raises(TypeError, match="must be a string"):
        get(3, None)


def test_indexing_is_get_without_a_default(kb: bf.KnowledgeBase) -> None:
    assert kb["Express.js"] is kb.get("express")
    with pytest.raises(bf.UnknownFrameworkError, match="did you mean 'django'"):
        kb["djang"]


def test_length_and_iteration_agree_with_frameworks(kb: bf.KnowledgeBase) -> None:
    assert len(kb) == len(kb.frameworks())
    assert tuple(kb) == kb.frameworks()
    assert len(kb.frameworks(include_related=True)) > len(kb)
