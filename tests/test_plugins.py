"""Scorer plugins: discovery through entry points, and what registering does.

The unit tests hand :func:`bf.discover_plugins` real
``importlib.metadata.EntryPoint`` objects that point at a module written to a
temporary directory, so plain ``pytest`` needs no plugin distribution. The
tests marked ``needs_distribution`` use the example distribution in
``tests/plugin_dist``; nox installs it and sets ``BF_REQUIRE_PLUGIN_DIST``, so
there they must run, and elsewhere they skip with the reason.
"""

from __future__ import annotations

import importlib.metadata
import os
import textwrap
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

import backend_frameworks as bf

GROUP = bf.ENTRY_POINT_GROUP

PLUGIN_MODULE = '''
import backend_frameworks as bf


class Favourite:
    """Full marks for the framework named in options["favourite"]."""

    name = "favourite"
    description = "Is it the team's favourite?"
    default_weight = 2.0

    def score(self, framework, requirements):
        wanted = requirements.options.get("favourite")
        if framework.id == wanted:
            return bf.Score(1.0, [f"{framework.name} is the favourite."])
        return bf.Score(0.0, [f"{framework.name} is not the favourite."])


instance = Favourite()


def newest(framework, requirements):
    """Prefers newer frameworks."""
    return bf.Score(0.5, ["neutral"])


def undocumented(framework, requirements):
    return bf.Score(0.5, ["neutral"])


class Nameless:
    description = "no name"

    def score(self, framework, requirements):
        return bf.Score(0.5, ["neutral"])


class Silent:
    name = "silent"

    def score(self, framework, requirements):
        return bf.Score(0.5, ["neutral"])


class Impostor(Favourite):
    name = "license"


class Heavy(Favourite):
    name = "heavy"
    default_weight = True


class Exploding:
    def __init__(self):
        raise RuntimeError("boom")
'''

EntryPointFactory = Callable[..., importlib.metadata.EntryPoint]


@pytest.fixture
def entry_point(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> EntryPointFactory:
    """A factory of entry points naming attributes of a freshly written module."""
    module = f"bf_fake_plugin_{uuid.uuid4().hex}"
    (tmp_path / f"{module}.py").write_text(textwrap.dedent(PLUGIN_MODULE), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))

    def make(name: str, attribute: str) -> importlib.metadata.EntryPoint:
        return importlib.metadata.EntryPoint(name=name, value=f"{module}:{attribute}", group=GROUP)

    return make


def test_discovery_accepts_an_instance_a_class_and_a_function(
    entry_point: EntryPointFactory,
) -> None:
    found = bf.discover_plugins(
        [
            entry_point("by-class", "Favourite"),
            entry_point("by-function", "newest"),
        ]
    )
    assert [(scorer.name, weight) for scorer, weight in found] == [
        ("favourite", 2.0),
        ("newest", 1.0),
    ]
    function_scorer = found[1][0]
    assert function_scorer.description == "Prefers newer frameworks."
    assert isinstance(function_scorer, bf.Scorer)


def test_discovery_registers_nothing(entry_point: EntryPointFactory) -> None:
    bf.discover_plugins([entry_point("fav", "instance")])
    assert "favourite" not in {scorer.name for scorer, _ in bf.registered_scorers()}
    assert "favourite" not in bf.default_model().names


@pytest.mark.parametrize(
    ("attributes", "culprit", "message"),
    [
        ((("bad", "no_such_attribute"),), "bad", "cannot load plugin"),
        ((("bad", "Exploding"),), "bad", "cannot instantiate Exploding"),
        ((("bad", "undocumented"),), "bad", "needs a docstring"),
        ((("bad", "Nameless"),), "bad", "no 'name'"),
        ((("bad", "Silent"),), "bad", "no 'description'"),
        ((("bad", "Impostor"),), "bad", "built-in scorer 'license'"),
        ((("bad", "Heavy"),), "bad", "invalid default_weight"),
        ((("one", "Favourite"), ("two", "instance")), "two", "also named 'favourite'"),
    ],
)
def test_a_bad_plugin_is_a_scorer_error_naming_its_entry_point(
    entry_point: EntryPointFactory,
    attributes: tuple[tuple[str, str], ...],
    culprit: str,
    message: str,
) -> None:
    entries = [entry_point(name, attribute) for name, attribute in attributes]
    with pytest.raises(bf.ScorerError) as caught:
        bf.discover_plugins(entries)
    assert caught.value.scorer == culprit
    assert message in str(caught.value)
    assert isinstance(caught.value, bf.BackendFrameworksError)


def test_a_missing_module_keeps_the_import_error_as_cause() -> None:
    broken = importlib.metadata.EntryPoint(
        name="broken", value="no_such_module_xyz:Scorer", group=GROUP
    )
    with pytest.raises(bf.ScorerError, match="'broken'") as caught:
        bf.discover_plugins([broken])
    assert isinstance(caught.value.__cause__, ImportError)


def test_load_plugins_registers_what_it_discovers(
    entry_point: EntryPointFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    entries = [entry_point("fav", "instance")]
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_: entries)
    assert "favourite" not in bf.default_model().names
    assert [scorer.name for scorer in bf.load_plugins()] == ["favourite"]
    assert {s.name: w for s, w in bf.registered_scorers()}["favourite"] == 2.0
    assert "favourite" in bf.default_model().names
    assert bf.load_plugins()  # loading twice is harmless


def test_default_model_with_plugins_registers_nothing(
    entry_point: EntryPointFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    entries = [entry_point("fav", "instance")]
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_: entries)
    assert "favourite" in bf.default_model(plugins=True).names
    assert "favourite" not in bf.default_model().names
    assert bf.registered_scorers() == ()


def test_a_priority_may_name_a_plugin_of_the_model_in_use(
    entry_point: EntryPointFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    entries = [entry_point("fav", "instance")]
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_: entries)
    needs = bf.Requirements(priorities={"favourite": 3}, options={"favourite": "flask"})
    result = bf.recommend(needs, model=bf.default_model(plugins=True))
    assert result[0].criterion("favourite").weight == 3
    with pytest.raises(bf.InvalidRequirementsError, match="favourite"):
        bf.recommend(needs)


needs_distribution = pytest.mark.skipif(
    "favourite" not in {entry.name for entry in importlib.metadata.entry_points(group=GROUP)}
    and not os.environ.get("BF_REQUIRE_PLUGIN_DIST"),
    reason="the example plugin distribution (tests/plugin_dist) is not installed; nox installs it",
)


@needs_distribution
def test_the_example_distribution_declares_its_entry_point() -> None:
    entries = importlib.metadata.entry_points(group=GROUP)
    assert "favourite" in {entry.name for entry in entries}


@needs_distribution
def test_the_example_distribution_changes_a_ranking_through_its_own_option() -> None:
    plain = bf.Requirements(languages=["javascript"], options={"favourite": "nestjs"})
    before = bf.recommend(plain)
    model = bf.default_model(plugins=True).with_weights(favourite=10)
    after = bf.recommend(plain, model=model)
    assert before.ids[0] != "nestjs"
    assert after.ids[0] == "nestjs"
    entry = after[0].criterion("favourite")
    assert entry.value == 1.0
    assert "favourite" in entry.reasons[0]
