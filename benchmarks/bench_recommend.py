"""Benchmark ``recommend``: the shipped data, then 10,000 synthetic records.

Run with ``python benchmarks/bench_recommend.py``. Prints the median of
several repeats and microseconds per framework per scorer. This is a
measurement, never a test: nothing here asserts on time.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

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
    start = time.perf_counter()
    big = synthetic_kb(SYNTHETIC)
    print(f"(built a {SYNTHETIC}-record knowledge base in {time.perf_counter() - start:.2f} s)")
    report("synthetic, soft requirements", big, needs, repeats=5)
    report("synthetic, must-have orm", big, constrained, repeats=5)


if __name__ == "__main__":
    main()
