"""The example plugin distribution, discovered through its entry point."""

from __future__ import annotations

import importlib.metadata

import pytest

import backend_frameworks as bf


def test_the_example_plugin_is_installed_with_an_entry_point() -> None:
    entries = importlib.metadata.entry_points(group=bf.ENTRY_POINT_GROUP)
    assert "favourite" in {entry.name for entry in entries}


def test_discovery_is_explicit() -> None:
    assert "favourite" not in bf.ScoringModel.default().names
    loaded = bf.load_plugins()
    assert "favourite" in {scorer.name for scorer in loaded}
    assert "favourite" in bf.ScoringModel.default().names
    assert bf.load_plugins()  # loading twice is harmless


def test_the_plugin_changes_a_ranking_through_its_own_option() -> None:
    plain = bf.Requirements(languages=["javascript"], options={"favourite": "nestjs"})
    before = bf.recommend(plain)
    model = bf.ScoringModel.default(plugins=True).with_weights(favourite=10)
    after = bf.recommend(plain, model=model)
    assert before.ids[0] != "nestjs"
    assert after.ids[0] == "nestjs"
    entry = after[0].criterion("favourite")
    assert entry.value == 1.0
    assert "favourite" in entry.reasons[0]


def test_a_priority_may_name_a_declared_plugin_before_loading() -> None:
    needs = bf.Requirements(priorities={"favourite": 3}, options={"favourite": "flask"})
    result = bf.recommend(needs, model=bf.ScoringModel.default(plugins=True))
    assert result[0].criterion("favourite").weight == 3


def test_a_broken_entry_point_raises_scorer_error(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = importlib.metadata.EntryPoint(
        name="broken", value="no_such_module_xyz:Scorer", group=bf.ENTRY_POINT_GROUP
    )

    def fake(group: str) -> list[importlib.metadata.EntryPoint]:
        return [broken]

    monkeypatch.setattr(importlib.metadata, "entry_points", fake)
    with pytest.raises(bf.ScorerError, match="'broken'") as caught:
        bf.load_plugins()
    assert isinstance(caught.value.__cause__, ImportError)
