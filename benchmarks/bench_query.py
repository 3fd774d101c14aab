"""How a selective indexed query scales, against a linear scan of the same records.

Run with ``python benchmarks/bench_query.py``. It builds synthetic knowledge
bases of 1,000, 10,000 and 100,000 records (copies of the shipped backend
records with new ids and names, reusing the shipped sources and
vocabularies), in which exactly ten records are written in Erlang. The
selective query is ``kb.query(language="erlang", open_source=True)``; the
scan is the same condition as a plain Python loop over every record.

Timings are medians of repeated runs (``time.perf_counter``); the index is
built by a first, untimed query, whose cost is reported separately.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable

import attrs

import backend_frameworks as bf

SIZES = (1_000, 10_000, 100_000)
RARE = "erlang"
RARE_COUNT = 10


def synthetic(size: int, seed: int = 0) -> bf.KnowledgeBase:
    """A knowledge base of ``size`` generated records; ten use the rare language."""
    shipped = bf.default_knowledge_base()
    templates = shipped.frameworks()
    languages = sorted(shipped.vocabularies().ids("languages") - {RARE})
    rng = random.Random(seed)
    rare = set(rng.sample(range(size), RARE_COUNT))
    records = []
    for number in range(size):
        template = templates[number % len(templates)]
        language = RARE if number in rare else rng.choice(languages)
        records.append(
            attrs.evolve(
                template,
                id=f"synthetic-{number:06d}",
                name=f"Synthetic {number}",
                aliases=(),
                relations=(),
                rankings=(),  # an article's list position belongs to one record
                packages=(),  # a package URL names one record
                languages=bf.Fact((language,), template.languages.sources),
            )
        )
    return bf.KnowledgeBase(records, shipped.sources(), shipped.vocabularies())


def median_seconds(function: Callable[[], object], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def scan(kb: bf.KnowledgeBase) -> list[bf.Framework]:
    return [
        record
        for record in kb.frameworks()
        if RARE in record.languages.value
        and record.open_source is not None
        and record.open_source.value
    ]


def main() -> int:
    rows = []
    for size in SIZES:
        start = time.perf_counter()
        kb = synthetic(size)
        built = time.perf_counter() - start
        start = time.perf_counter()
        first = kb.query(language=RARE, open_source=True)
        indexing = time.perf_counter() - start
        assert [r.id for r in first] == [r.id for r in scan(kb)]  # noqa: S101
        indexed = median_seconds(lambda kb=kb: kb.query(language=RARE, open_source=True), 301)
        scanned = median_seconds(lambda kb=kb: scan(kb), 21 if size < 100_000 else 7)
        rows.append((size, built, indexing, indexed, scanned, len(first)))

    print(
        f"{'records':>9}  {'build KB':>9}  {'index':>8}  {'indexed query':>14}  "
        f"{'linear scan':>12}  {'speed-up':>9}  {'hits':>4}"
    )
    for size, built, indexing, indexed, scanned, hits in rows:
        print(
            f"{size:>9,}  {built:>8.2f}s  {indexing:>7.2f}s  {indexed * 1e6:>12.1f}us  "
            f"{scanned * 1e3:>10.2f}ms  {scanned / indexed:>8.0f}x  {hits:>4}"
        )
    growth = rows[-1][3] / rows[0][3]
    speed_up = rows[-1][4] / rows[-1][3]
    print()
    print(f"indexed query time at {SIZES[-1]:,} vs {SIZES[0]:,} records: {growth:.2f}x")
    print(f"speed-up over the linear scan at {SIZES[-1]:,} records: {speed_up:.0f}x")
    ok = growth < 10 and speed_up >= 20
    print("sub-linear and at least 20x faster: " + ("yes" if ok else "NO"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
