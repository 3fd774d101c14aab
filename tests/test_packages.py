"""Package URLs: parsing as the purl specification does, and finding a record by its package."""

from __future__ import annotations

from typing import Any

import pytest
from packageurl import PackageURL

import backend_frameworks as bf
from backend_frameworks._purl import ECOSYSTEMS, canonical, parse

from .conftest import WriteOverlay, minimal_record

# (written, canonical): what a tool may pass, and the form records store.
SPELLINGS = [
    ("pkg:pypi/django", "pkg:pypi/django"),
    ("pkg:pypi/Django@5.2.1", "pkg:pypi/django"),
    ("pkg:PYPI/Flask_SQLAlchemy", "pkg:pypi/flask-sqlalchemy"),
    ("pkg:npm/express@4.21.2", "pkg:npm/express"),
    ("pkg:npm/%40hapi/hapi", "pkg:npm/%40hapi/hapi"),
    ("pkg:npm/@hapi/hapi@21.3.0", "pkg:npm/%40hapi/hapi"),
    ("pkg:npm/%40NestJS/Core?repository_url=x#lib", "pkg:npm/%40nestjs/core"),
    ("pkg:maven/org.playframework/play_2.13@3.0.0", "pkg:maven/org.playframework/play_2.13"),
    ("pkg:golang/github.com/labstack/echo/v5", "pkg:golang/github.com/labstack/echo/v5"),
    ("pkg:golang/github.com/Masterminds/semver/v3", "pkg:golang/github.com/Masterminds/semver/v3"),
    ("pkg:composer/Laravel/Framework", "pkg:composer/laravel/framework"),
    ("pkg:gem/rails@8.0.0", "pkg:gem/rails"),
    ("pkg:cargo/actix-web", "pkg:cargo/actix-web"),
    ("pkg:hex/Phoenix", "pkg:hex/phoenix"),
    ("pkg:nuget/Microsoft.AspNetCore.App", "pkg:nuget/microsoft.aspnetcore.app"),
    ("pkg:swift/github.com/vapor/vapor", "pkg:swift/github.com/vapor/vapor"),
    (" pkg://npm/koa ", "pkg:npm/koa"),
]

MALFORMED = [
    ("npm/express", "is not a purl: it starts with 'pkg:'"),
    ("pkg:pipy/django", "unknown package type 'pipy'"),
    ("pkg:npm", "expected pkg:npm/[namespace/]name"),
    ("pkg:npm/", "expected pkg:npm/[namespace/]name"),
    ("pkg:npm/ex press", "expected pkg:npm/[namespace/]name"),
    ("pkg:maven/spring-boot", "a Maven package needs a namespace"),
    ("pkg:golang/gin", "a Go modules package needs a namespace"),
]


@pytest.mark.parametrize(("written", "expected"), SPELLINGS)
def test_a_purl_is_normalised_to_its_package(written: str, expected: str) -> None:
    assert canonical(written) == expected
    assert canonical(expected) == expected


@pytest.mark.parametrize(("written", "expected"), SPELLINGS)
def test_parsing_agrees_with_the_reference_implementation(written: str, expected: str) -> None:
    reference = PackageURL.from_string(expected)
    assert parse(written) == (reference.type, reference.namespace or "", reference.name)
    assert reference.to_string() == expected


@pytest.mark.parametrize(("written", "message"), MALFORMED)
def test_a_malformed_purl_says_what_is_wrong(written: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:  # noqa: PT011 - the message is checked below
        parse(written)
    assert message in str(caught.value)


def test_every_ecosystem_has_a_name() -> None:
    assert {"pypi", "npm", "maven", "nuget", "composer", "gem", "hex", "cargo", "golang"} <= set(
        ECOSYSTEMS
    )
    assert all(name.strip() for name in ECOSYSTEMS.values())


def test_a_package_reads_its_ecosystem_and_name() -> None:
    package = bf.Package("pkg:golang/github.com/labstack/echo/v5", ["x"])
    assert (package.ecosystem, package.name) == ("golang", "github.com/labstack/echo/v5")
    assert bf.Package("pkg:npm/%40hapi/hapi", ["x"]).name == "@hapi/hapi"


# -- lookup on a knowledge base of its own ------------------------------------------

PACKAGED = {
    "frameworks/alpha.json": minimal_record(
        "alpha",
        packages=[
            {"purl": "pkg:pypi/alpha-web", "sources": ["flask-repo"]},
            {"purl": "pkg:npm/%40alpha/server", "sources": ["flask-repo"]},
        ],
    ),
    "frameworks/beta.json": minimal_record(
        "beta",
        packages=[{"purl": "pkg:golang/github.com/beta/beta/v2", "sources": ["flask-repo"]}],
    ),
}


@pytest.fixture
def own(write_overlay: WriteOverlay) -> bf.KnowledgeBase:
    return bf.KnowledgeBase.from_resources(write_overlay(PACKAGED))


@pytest.mark.parametrize(
    ("purl", "record_id"),
    [
        ("pkg:pypi/alpha-web", "alpha"),
        ("pkg:pypi/Alpha_Web@2.0", "alpha"),
        ("pkg:npm/@alpha/server@1.0.0", "alpha"),
        ("pkg:golang/github.com/beta/beta/v2@v2.1.0", "beta"),
    ],
)
def test_by_package_finds_the_record(own: bf.KnowledgeBase, purl: str, record_id: str) -> None:
    assert own.by_package(purl).id == record_id


def test_an_earlier_major_version_is_another_module(own: bf.KnowledgeBase) -> None:
    assert own.by_package("pkg:golang/github.com/beta/beta", None) is None


def test_an_unknown_package_suggests_the_closest(own: bf.KnowledgeBase) -> None:
    with pytest.raises(bf.UnknownPackageError) as caught:
        own.by_package("pkg:pypi/alpha-webb")
    assert isinstance(caught.value, KeyError)
    assert caught.value.suggestions[0] == "pkg:pypi/alpha-web"
    assert str(caught.value).startswith("unknown package 'pkg:pypi/alpha-webb'; did you mean")
    sentinel = object()
    assert own.by_package("pkg:pypi/alpha-webb", sentinel) is sentinel


@pytest.mark.parametrize(
    ("purl", "builtin"),
    [
        (42, TypeError),
        (None, TypeError),
        ("alpha-web", ValueError),
        ("pkg:pypi/" + "a" * 2000, ValueError),
    ],
)
def test_bad_input_is_a_query_error(own: bf.KnowledgeBase, purl: Any, builtin: type) -> None:
    with pytest.raises(bf.InvalidQueryError) as caught:
        own.by_package(purl)
    assert isinstance(caught.value, builtin)


def test_a_package_belongs_to_one_record(write_overlay: WriteOverlay) -> None:
    files = dict(PACKAGED)
    files["frameworks/gamma.json"] = minimal_record(
        "gamma", packages=[{"purl": "pkg:pypi/alpha-web", "sources": ["flask-repo"]}]
    )
    with pytest.raises(bf.DataError) as caught:
        bf.KnowledgeBase.from_resources(write_overlay(files))
    assert (
        "frameworks/gamma.json: $.packages[0].purl: 'pkg:pypi/alpha-web' is already listed "
        "by 'alpha'" in caught.value.problems
    )


def test_the_package_survives_export(own: bf.KnowledgeBase) -> None:
    again = bf.KnowledgeBase.from_dict(own.export())
    assert again.by_package("pkg:npm/%40alpha/server").id == "alpha"
    assert again.get("alpha").packages == own.get("alpha").packages
