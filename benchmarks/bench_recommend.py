"""Benchmark ``recommend``: the shipped data, then 10,000 synthetic records.

Run with ``python benchmarks/bench_recommend.py``. Prints the median of
several repeats and microseconds per framework per scorer. This is a
measurement, never a test: nothing here asserts on time.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import attrs

import backend_frameworks as bf

SYNTHETIC = 10_000


def median_seconds(run: Callable[[], object], repeats: int) -> float:
    run()  # warm up (lazy loading, caches)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def synthetic_kb(count: int) -> bf.KnowledgeBase:
    shipped = bf.KnowledgeBase.from_resources()
    templates = shipped.frameworks()
    # Keep every shipped record so that the copies' relations still resolve.
    originals = shipped.frameworks(include_related=True)
    records = [
        attrs.evolve(
            templates[i % len(templates)],
            id=f"{templates[i % len(templates)].id}-{i}",
            name=f"{templates[i % len(templates)].name} {i}",
            aliases=(),
            rankings=(),  # an article's list position belongs to one record
            packages=(),  # a package URL names one record
        )
        for i in range(count - len(templates))
    ]
    return bf.KnowledgeBase(
        [*records, *originals], shipped.sources(), shipped.vocabularies(), shipped.guidance()
    )


def report(label: str, kb: bf.KnowledgeBase, needs: bf.Requirements, repeats: int) -> None:
    model = bf.ScoringModel.default()
    seconds = median_seconds(lambda: kb.recommend(needs, model=model), repeats)
    frameworks = len(kb.frameworks())
    per = seconds * 1e6 / (frameworks * len(model.names))
    print(
        f"{label:<40} {frameworks:>6} frameworks x {len(model.names)} scorers: "
        f"median {seconds * 1e3:9.2f} ms, {per:6.2f} us per framework per scorer"
    )


def report_stability(kb: bf.KnowledgeBase, needs: bf.Requirements, repeats: int) -> None:
    """Recommend alone and recommend plus stability, side by side in one run."""
    model = bf.ScoringModel.default()
    frameworks = len(kb.frameworks())
    alone = median_seconds(lambda: kb.recommend(needs, model=model, limit=5), repeats)
    both = median_seconds(lambda: kb.recommend(needs, model=model, limit=5).stability(), repeats)
    print(
        f"{'recommend, top 5':<40} median {alone * 1e3:9.2f} ms, "
        f"{alone * 1e6 / frameworks:8.1f} us per framework"
    )
    print(
        f"{'recommend + stability (200 variations)':<40} median {both * 1e3:9.2f} ms, "
        f"{both * 1e6 / frameworks:8.1f} us per framework, {both / alone:5.1f}x recommend alone"
    )


def report_scenarios() -> None:
    """The pass rate of the scenario suite from public guidance (tests/scenarios.json)."""
    suite_path = Path(__file__).parent.parent / "tests" / "scenarios.json"
    suite = json.loads(suite_path.read_text(encoding="utf-8"))["scenarios"]
    passed = 0
    for scenario in suite:
        ids = bf.recommend(bf.Requirements(**scenario["requirements"])).ids
        accepted = set(ids[:3]) & set(scenario["top3_any_of"])
        rejected = set(ids[:5]) & set(scenario["not_in_top5"])
        passed += bool(accepted) and not rejected
    print(f"scenario suite: {passed}/{len(suite)} pass ({passed / len(suite):.0%})")


def main() -> None:
    needs = bf.Requirements(
        languages={"python": "high", "typescript": "moderate"},
        experience="moderate",
        nice_to_have={
            "orm": "built-in",
            "authentication": "official",
            "websockets": "ecosystem",
        },
        use_cases=["web-app", "api", "real-time"],
        scale="large",
    )
    constrained = attrs.evolve(needs, must_have=("orm",))
    shipped = bf.default_knowledge_base()
    report("shipped data, soft requirements", shipped, needs, repeats=50)
    report("shipped data, must-have orm", shipped, constrained, repeats=50)
    report_stability(shipped, needs, repeats=10)
    report_scenarios()
    start = time.perf_counter()
    big = synthetic_kb(SYNTHETIC)
    print(f"(built a {SYNTHETIC}-record knowledge base in {time.perf_counter() - start:.2f} s)")
    report("synthetic, soft requirements", big, needs, repeats=5)
    report("synthetic, must-have orm", big, constrained, repeats=5)


if __name__ == "__main__":
    main()
