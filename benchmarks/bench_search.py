"""Search: relevance on the hand-judged queries, and how its cost grows with the records.

Run with ``python benchmarks/bench_search.py`` (``--quick`` for 1,000 records
only). It reports:

- relevance over ``tests/search_relevance.json``: precision at 3 (judged
  results among the top 3, over 3), the share of queries whose judged results
  all appear in the top 3, and mean reciprocal rank;
- a search of the shipped data, as a median;
- on synthetic knowledge bases of 1,000, 10,000 and 100,000 records (those of
  ``bench_query.py``: copies of the shipped records with new ids, names and
  languages, ten of them in Erlang), the index build and the median time of
  four queries (see ``QUERIES``), with how many records each matches: a search
  costs in proportion to the records it matches, so a selective query stays
  nearly flat while a broad one grows with the data.

The copies share their statements with the shipped records, and the index
analyses shared statements once, so the index build at 100,000 records
measures names, languages and bookkeeping rather than 100,000 distinct texts.
Timings are medians of repeated runs (``time.perf_counter``).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bench_query import median_seconds, synthetic

import backend_frameworks as bf

RELEVANCE = Path(__file__).parents[1] / "tests" / "search_relevance.json"
# "424" names one record, and reaches those whose numbers begin with it; "erlang"
# matches the copies of the Erlang and Elixir records, about 1 in 60; the broad
# query about a third.
QUERIES = {"name": "424", "rare": "erlang", "typo": "erlnag", "broad": "orm with migrations"}


def relevance() -> None:
    queries = json.loads(RELEVANCE.read_text(encoding="utf-8"))["queries"]
    precision = reciprocal = complete = 0.0
    for query in queries:
        ranked = [hit.framework.id for hit in bf.search(query["query"], limit=10)]
        expected = set(query["expected"])
        precision += len(expected & set(ranked[:3])) / 3
        complete += expected <= set(ranked[:3])
        reciprocal += next((1 / (i + 1) for i, rid in enumerate(ranked) if rid in expected), 0)
    count = len(queries)
    print(f"relevance over {count} hand-judged queries:")
    print(f"  precision at 3:                 {precision / count:.3f}")
    print(f"  judged results all in the top 3: {complete / count:.1%}")
    print(f"  mean reciprocal rank:           {reciprocal / count:.3f}")


def shipped() -> None:
    bf.search("warm up")
    for text in ("django", "good for real-time chat", "djnago"):
        took = median_seconds(lambda text=text: bf.search(text, limit=10), 201)
        print(f"  search {text!r} on the shipped data: {took * 1e6:,.0f} us")


def scaling(sizes: tuple[int, ...]) -> None:
    rows = []
    for size in sizes:
        kb = synthetic(size)
        start = time.perf_counter()
        kb.search("warm up")
        built = time.perf_counter() - start
        repeats = 101 if size < 100_000 else 21
        times = {
            label: median_seconds(
                lambda kb=kb, text=text: kb.search(text, limit=10),
                repeats if label != "broad" else max(5, repeats // 10),
            )
            for label, text in QUERIES.items()
        }
        hits = {label: len(kb.search(text)) for label, text in QUERIES.items()}
        rows.append((size, built, times, hits))
    print()
    print(f"{'records':>9}  {'index':>8}  " + "  ".join(f"{label:>20}" for label in QUERIES))
    for size, built, times, hits in rows:
        cells = "  ".join(f"{times[label] * 1e3:>8.3f}ms ({hits[label]:>6,})" for label in QUERIES)
        print(f"{size:>9,}  {built:>7.2f}s  {cells}")
    print("(each query's median time with limit=10, and in brackets how many records it matches)")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        factor = last[0] / first[0]
        print()
        print(f"growth from {first[0]:,} to {last[0]:,} records ({factor:.0f}x):")
        for label in QUERIES:
            print(f"  {label:>9}: {last[2][label] / first[2][label]:.1f}x")
        print(f"  index build: {last[1] / first[1]:.1f}x")


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    relevance()
    shipped()
    scaling((1_000,) if quick else (1_000, 10_000, 100_000))
    return 0


if __name__ == "__main__":
    sys.exit(main())
