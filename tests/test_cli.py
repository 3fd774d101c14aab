"""The command line, in-process and as ``python -m``."""

from __future__ import annotations

import importlib.metadata
import io
import json
import subprocess
import sys

import attrs
import pytest

import backend_frameworks as bf
from backend_frameworks._cli import main

from .conftest import REPO


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_show_prints_the_record_with_numbered_sources() -> None:
    status, text = run("show", "django")
    assert status == 0
    assert text.startswith("Django")
    assert "License:       BSD-3-Clause [" in text
    assert "DISPUTED:" in text
    assert "(sources disagree)" in text
    sources_section = text.split("\nSources:\n", 1)[1]
    cited = bf.get("django").source_ids
    assert sum(line.startswith("[") for line in sources_section.splitlines()) == len(cited)
    flat = " ".join(sources_section.split())
    for source_id in cited:
        assert f"id {source_id})" in flat


def test_show_accepts_aliases() -> None:
    assert run("show", "Express.js")[1].startswith("Express")


def test_show_finds_a_record_by_its_package(kb: bf.KnowledgeBase) -> None:
    record, package = next((r, r.packages[0]) for r in kb.frameworks() if r.packages)
    status, text = run("show", f"{package.purl}@1.0.0")
    assert status == 0
    assert text.startswith(record.name)
    assert f"Package:       {package.purl}" in text


def test_unknown_package_exits_1_with_suggestion(
    kb: bf.KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    purl = next(p.purl for r in kb.frameworks() for p in r.packages)
    status, text = run("show", purl + "x")
    assert (status, text) == (1, "")
    assert f"unknown package '{purl}x'; did you mean '{purl}'" in capsys.readouterr().err


def test_show_marks_related_records() -> None:
    assert "is not a backend framework" in run("show", "nodejs")[1]


def test_show_json_is_the_record(kb: bf.KnowledgeBase) -> None:
    status, text = run("show", "flask", "--json")
    assert status == 0
    assert json.loads(text) == bf.to_dict(kb.get("flask"))


def test_unknown_name_exits_1_with_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    status, text = run("show", "djang")
    assert status == 1
    assert text == ""
    assert "did you mean 'django'?" in capsys.readouterr().err


def test_list_and_list_all() -> None:
    status, text = run("list")
    assert status == 0
    ids = [line.split()[0] for line in text.splitlines()]
    assert ids == [record.id for record in bf.frameworks()]
    everything = run("list", "--all")[1]
    assert "nodejs" in everything
    assert "nodejs" not in ids
    parsed = json.loads(run("list", "--json")[1])
    assert [item["id"] for item in parsed] == ids


def test_sources_and_info() -> None:
    status, text = run("sources")
    assert status == 0
    assert len(text.splitlines()) == len(bf.sources())
    assert len(json.loads(run("sources", "--json")[1])) == len(bf.sources())
    info = json.loads(run("info", "--json")[1])
    assert info["package_version"] == bf.__version__
    assert info["data"] == bf.to_dict(bf.data_info())
    assert info["frameworks"] == len(bf.frameworks())
    assert "data version:" in run("info")[1]


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2


@pytest.mark.parametrize(
    ("argv", "status", "stream", "expected"),
    [
        (["show", "flask"], 0, "stdout", "Flask"),
        (["show", "flaks"], 1, "stderr", "did you mean 'flask'?"),
    ],
)
def test_python_dash_m(argv: list[str], status: int, stream: str, expected: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "backend_frameworks", *argv],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == status
    assert expected in getattr(done, stream)


def test_recommend_prints_a_ranking_with_reasons_and_exclusions() -> None:
    status, text = run(
        "recommend",
        "--language",
        "python",
        "--need",
        "orm",
        "--need",
        "admin-interface",
        "--use-case",
        "web-app",
        "--exclude",
        "koa",
    )
    assert status == 0
    assert text.startswith(" 1. Django")
    assert "Uses python, which the team knows (high)." in text
    assert "\nExcluded (" in text
    assert "Koa: Koa was excluded by name." in text
    zend = next(line for line in text.splitlines() if "Zend Framework:" in line)
    assert "It is archived (as of " in zend


def test_recommend_explain_lists_every_criterion_with_sources() -> None:
    status, text = run("recommend", "--language", "python:low", "--limit", "1", "--explain")
    assert status == 0
    first = text.split("\nExcluded")[0]
    assert first.count("\n 2.") == 0
    for name in bf.ScoringModel.default().names:
        assert f"      {name} " in first
    assert "[django-license" in first or "[flask-license" in first


def test_recommend_json() -> None:
    status, text = run(
        "recommend", "--language", "ruby", "--open-source-only", "--limit", "2", "--json"
    )
    assert status == 0
    data = json.loads(text)
    assert len(data["recommendations"]) == 2
    assert data["recommendations"][0]["rank"] == 1
    assert {"firebase"} <= {item["framework"]["id"] for item in data["excluded"]}
    expected = bf.recommend(bf.Requirements(languages=["ruby"], open_source_only=True), limit=2)
    stability = data.pop("stability")
    assert data == bf.to_dict(expected)
    assert stability == [bf.to_dict(item) for item in expected.stability()]


def _result(text: str) -> object:
    """A recommend --json answer without its stability analysis."""
    data = json.loads(text)
    del data["stability"]
    return data


PLAIN = bf.to_dict(bf.recommend(bf.Requirements()))


@pytest.mark.parametrize(
    ("argv", "needs"),
    [
        (["--language", "python"], bf.Requirements(languages=["python"])),
        (["--language", "python:low"], bf.Requirements(languages={"python": "low"})),
        (["--experience", "low"], bf.Requirements(experience="low")),
        (["--need", "orm"], bf.Requirements(must_have=["orm"])),
        (["--want", "orm:built-in"], bf.Requirements(nice_to_have={"orm": "built-in"})),
        (["--want", "websockets"], bf.Requirements(nice_to_have=["websockets"])),
        (["--use-case", "real-time"], bf.Requirements(use_cases=["real-time"])),
        (["--scale", "large"], bf.Requirements(scale="large")),
        (["--priority", "performance=3"], bf.Requirements(priorities={"performance": 3})),
        (["--license", "MIT"], bf.Requirements(licenses=["MIT"])),
        (["--open-source-only"], bf.Requirements(open_source_only=True)),
        (["--self-hosted-only"], bf.Requirements(self_hosted_only=True)),
        (["--exclude", "express"], bf.Requirements(exclude=["express"])),
        (["--exclude-kind", "cms"], bf.Requirements(exclude_kinds=["cms"])),
        (
            ["--language", "kotlin", "--languages-only"],
            bf.Requirements(languages=["kotlin"], languages_only=True),
        ),
        (
            ["--language", "go", "--open-to-new-languages"],
            bf.Requirements(languages=["go"], open_to_new_languages=True),
        ),
    ],
)
def test_each_recommend_option_reaches_the_requirements(
    argv: list[str], needs: bf.Requirements
) -> None:
    status, text = run("recommend", *argv, "--json")
    assert status == 0
    expected = bf.to_dict(bf.recommend(needs))
    assert expected != PLAIN  # the option changes the answer, so ignoring it would show
    assert _result(text) == expected
    if len(argv) > 2:
        alone = bf.to_dict(bf.recommend(attrs.evolve(needs, languages_only=False,
                                                     open_to_new_languages=False)))  # fmt: skip
        assert expected != alone


def test_recommend_limit_and_explain() -> None:
    status, text = run("recommend", "--limit", "2", "--json")
    assert status == 0
    assert _result(text) == bf.to_dict(bf.recommend(bf.Requirements(), limit=2))
    explained = run("recommend", "--limit", "1", "--explain")[1]
    first = bf.recommend(bf.Requirements(), limit=1)[0]
    # --explain lists every criterion with its sources.
    assert all(entry.name in explained for entry in first.breakdown)
    assert "[" in explained


def test_recommend_shows_what_decided_each_place_and_what_pulled_it_down() -> None:
    needs = bf.Requirements(languages=["python"], must_have=["orm"], use_cases=["web-app"])
    result = bf.recommend(needs, limit=4)
    brief = run("recommend", "--language", "python", "--need", "orm", "--use-case", "web-app",
                "--limit", "4")[1]  # fmt: skip
    for item in result:
        block = brief.split(f"{item.rank:>2}. {item.framework.name}")[1].split("\n\n")[0]
        block = block.split(f"\n{item.rank + 1:>2}. ")[0]
        for entry in item.deciding():
            assert f"+ {entry.name} " in block
        if item.drawback is not None:
            assert f"- {item.drawback.name} " in block
    assert result.stability()[0].headline in brief


def test_recommend_why_not_explains_an_excluded_and_a_lower_framework(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, text = run("recommend", "--language", "python", "--need", "orm", "--why-not", "meteor")
    assert status == 0
    assert "Why not Meteor? Meteor was excluded: Does not provide must-have features: orm." in text
    status, text = run("recommend", "--language", "python", "--why-not", "rails", "--json")
    assert json.loads(text)["why_not"]["rank"] > 1
    assert run("recommend", "--why-not", "djangoo") == (1, "")
    assert "did you mean 'django'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--need", "orn"], "did you mean 'orm'"),
        (["--priority", "performance=fast"], "not a number"),
        (["--priority", "perfomance=2"], "did you mean 'performance'"),
    ],
)
def test_recommend_rejects_invalid_requirements(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = run("recommend", *argv)
    assert status == 2
    assert words in capsys.readouterr().err


def test_recommend_reports_a_failing_scorer(capsys: pytest.CaptureFixture[str]) -> None:
    @bf.register_scorer
    def boom(framework: bf.Framework, requirements: bf.Requirements) -> bf.Score:
        """Always fails."""
        raise RuntimeError("boom")

    assert run("recommend")[0] == 4
    assert "scorer 'boom' failed on framework" in capsys.readouterr().err


def test_recommend_with_nothing_left(capsys: pytest.CaptureFixture[str]) -> None:
    status, text = run("recommend", "--license", "WTFPL")
    assert status == 0
    assert text.startswith("No framework meets every hard constraint.")


def test_recommend_plugins_loads_the_installed_plugins_for_that_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(REPO / "tests" / "plugin_dist" / "src"))
    entry = importlib.metadata.EntryPoint(
        name="favourite", value="bf_example_scorer:FavouriteScorer", group=bf.ENTRY_POINT_GROUP
    )
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_: [entry])
    argv = ("recommend", "--language", "python", "--limit", "1", "--json")
    with_plugins = json.loads(run(*argv, "--plugins")[1])
    without = json.loads(run(*argv)[1])
    names = [c["name"] for c in with_plugins["recommendations"][0]["breakdown"]]
    assert "favourite" in names
    assert "favourite" not in [c["name"] for c in without["recommendations"][0]["breakdown"]]
    assert bf.registered_scorers() == ()


def test_lifecycle_shows_each_line_and_its_state_on_a_day(kb: bf.KnowledgeBase) -> None:
    status, text = run("lifecycle", "django", "--on", "2025-06-01")
    assert status == 0
    rows = {line.split()[0]: line for line in text.splitlines() if line[:1].isdigit()}
    assert set(rows) == {line.version for line in kb.release_lines("django")}
    assert rows["4.2"].endswith("security fixes")
    assert rows["1.8"].endswith("ended")
    assert rows["6.1"].endswith("unreleased")
    assert "Sources:" in text


def test_lifecycle_json_carries_each_answer(kb: bf.KnowledgeBase) -> None:
    status, text = run("lifecycle", "django", "--on", "2025-06-01", "--json")
    data = json.loads(text)
    assert (status, data["on"], data["framework"]["id"]) == (0, "2025-06-01", "django")
    by_version = {line["version"]: line for line in data["lines"]}
    assert by_version["4.2"]["supported"] is True
    assert by_version["1.8"]["supported"] is False
    assert "LTS" in by_version["4.2"]["reason"]


def test_lifecycle_without_a_policy_says_so() -> None:
    status, text = run("lifecycle", "flask")
    assert status == 0
    assert "No release or support policy of Flask is recorded." in text


def test_lifecycle_with_a_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("lifecycle", "django", "--on", "soon")[0] == 2
    assert "not a date" in capsys.readouterr().err


def test_recommend_lts_required_leaves_out_a_policy_without_lts() -> None:
    status, text = run("recommend", "--language", "javascript", "--lts-required", "--json")
    assert status == 0
    excluded = {item["framework"]["id"]: item for item in json.loads(text)["excluded"]}
    assert "lts_required" in excluded["express"]["constraints"]
