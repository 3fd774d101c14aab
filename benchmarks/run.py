"""Every performance figure beside its reference, measured in one run.

Run with ``python benchmarks/run.py`` (``--quick`` for the small sizes and
fewer repeats, as CI does to prove the script works; ``--json PATH`` to choose
where the results go, ``benchmark-results.json`` by default). It prints a
table: figure, its median, the reference measured in the same run, the ratio,
the budget and whether it is met. Nothing here is a test: no time is asserted.

- Process figures (import, first answer) are medians over fresh interpreter
  processes, timed by ``pyperf command``.
- In-process figures are medians of repeated calls (``time.perf_counter``).
- The scaling runs build knowledge bases of 1,000, 10,000 and 100,000 records
  from JSON (copies of the shipped records' data with new ids and names, so
  every record is its own objects), against ``json.loads`` of the same text.
- Memory is the growth of the resident set (Linux ``/proc/self/statm``): for
  the shipped data in a fresh process that has already imported the library,
  and for each scaling size across its build (the parsed JSON freed after).
"""

from __future__ import annotations

import argparse
import copy
import datetime
import gc
import json
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import backend_frameworks as bf

PYTHON = sys.executable
DEPS = "import attrs, cattrs, importlib_resources"


def median(function: Callable[[], object], repeats: int, *, warm: bool = True) -> float:
    if warm:
        function()  # warm up: lazy loading, indexes, caches
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def process_median(code: str, *, quick: bool) -> float:
    """The median wall time of ``python -c code`` in fresh processes, by pyperf."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.json"
        fast = ["--processes", "4", "--values", "1", "--warmups", "0"] if quick else []
        subprocess.run(
            [PYTHON, "-m", "pyperf", "command", "--quiet", *fast, "-o", str(out),
             "--", PYTHON, "-c", code],
            check=True,
        )  # fmt: skip
        import pyperf  # noqa: PLC0415 - a development dependency

        return float(pyperf.Benchmark.load(str(out)).median())


class Table:
    """The rows of the report: figure, value, reference, ratio, budget, met."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def add(
        self,
        figure: str,
        value: float,
        reference: str,
        reference_value: float,
        *,
        unit: str = "s",
        budget: float | None = None,
        ratio: bool = True,
    ) -> None:
        share = (value / reference_value if reference_value else float("inf")) if ratio else None
        self.rows.append(
            {
                "figure": figure,
                "value": value,
                "unit": unit,
                "reference": reference,
                "reference_value": reference_value,
                "ratio": share,
                "budget": budget,
                "met": None if budget is None or share is None else share <= budget,
            }
        )

    def print(self) -> None:
        header = f"{'figure':<44} {'value':>11} {'reference':<34} {'ratio':>8} {'budget':>7}  met"
        print(header)
        print("-" * len(header))
        for row in self.rows:
            budget = "-" if row["budget"] is None else f"{row['budget']:g}x"
            met = {None: "", True: "yes", False: "NO"}[row["met"]]
            ratio = "-" if row["ratio"] is None else f"{row['ratio']:.2f}x"
            print(
                f"{row['figure']:<44} {_show(row['value'], row['unit']):>11} "
                f"{row['reference'] + ' ' + _show(row['reference_value'], row['unit']):<34} "
                f"{ratio:>8} {budget:>7}  {met}"
            )


def _show(value: float, unit: str) -> str:
    if unit == "B":
        return f"{value / 2**20:.1f} MiB" if value >= 2**20 else f"{value / 1024:.1f} KiB"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.2f} ms"
    return f"{value * 1e6:.1f} us"


def processes(table: Table, *, quick: bool) -> None:
    nothing = process_median("pass", quick=quick)
    imported = process_median("import backend_frameworks", quick=quick)
    table.add("import backend_frameworks", imported, "python -c pass", nothing, budget=1.5)
    first = process_median("import backend_frameworks as bf; bf.get('django')", quick=quick)
    table.add("import + bf.get('django')", first, "import attrs, cattrs, i_r",
              process_median(DEPS, quick=quick), budget=1.15)  # fmt: skip


def shipped(table: Table, repeats: int) -> None:
    files = sorted(Path(bf.__file__).parent.joinpath("data").rglob("*.json"))
    floor = median(lambda: [json.loads(path.read_bytes()) for path in files], repeats)
    load = median(bf.KnowledgeBase._shipped, repeats)
    table.add("load the shipped knowledge base", load, "json.loads of its files", floor, budget=4)
    checked = median(bf.KnowledgeBase.from_resources, repeats)
    table.add("load it with every check (overlays)", checked, "json.loads of its files", floor)
    kb = bf.default_knowledge_base()
    index = {"ror": "rails"}
    lookup = median(lambda: index["RoR".casefold()], repeats * 100)
    table.add("get by alias ('RoR')", median(lambda: kb.get("RoR"), repeats * 100),
              "a dict lookup", lookup)  # fmt: skip
    scan = median(lambda: [r for r in kb.frameworks() if "erlang" in r.languages.value], repeats)
    query = median(lambda: kb.query(language="erlang"), repeats * 10)
    table.add("query(language='erlang')", query, "a linear scan", scan)
    texts = median(
        lambda: [r for r in kb.frameworks(include_related=True)
                 if any("real" in c.text.casefold() for c in r.claims)],
        repeats,
    )  # fmt: skip
    table.add("search('real-time', limit=10)",
              median(lambda: kb.search("real-time", limit=10), repeats * 10),
              "substring scan of claims", texts)  # fmt: skip
    get2 = median(lambda: (kb.get("django"), kb.get("flask")), repeats * 10)
    table.add("compare('django', 'flask')", median(lambda: kb.compare("django", "flask"), repeats),
              "two gets", get2)  # fmt: skip
    get1 = median(lambda: kb.get("django"), repeats * 10)
    table.add("release_lines('django')", median(lambda: kb.release_lines("django"), repeats * 10),
              "one get", get1)  # fmt: skip
    table.add("is_supported('django', '4.2')",
              median(lambda: kb.is_supported("django", "4.2", on="2026-01-01"), repeats * 10),
              "one get", get1)  # fmt: skip
    model = bf.ScoringModel.default()
    needs = bf.Requirements(languages=["python"], nice_to_have=["orm"], use_cases=["api"])
    cells = len(kb.frameworks()) * len(model.names)
    plain = median(lambda: kb.recommend(needs, model=model), repeats)
    table.add("recommend, per framework per scorer", plain / cells, f"whole: {cells} cells",
              plain, ratio=False)  # fmt: skip
    stable = median(lambda: kb.recommend(needs, model=model).stability(), max(3, repeats // 5))
    table.add("recommend + stability, per fw per scorer", (plain + stable) / cells,
              "recommend alone", plain / cells)  # fmt: skip


def _records_json(size: int) -> str:
    """An export of ``size`` backend records: the shipped ones' data, renamed."""
    data = bf.KnowledgeBase.from_resources().export()
    templates = [r for r in data["frameworks"] if r["kind"]["value"] != "runtime"]
    related = {r["id"] for r in data["frameworks"]}
    records = list(data["frameworks"])
    for number in range(size - len(records)):
        record = copy.deepcopy(templates[number % len(templates)])
        record.update(id=f"synthetic-{number:06d}", name=f"Synthetic {number}", aliases=[])
        record.update(rankings=[], packages=[])
        record["relations"] = [r for r in record.get("relations", []) if r["target"] in related]
        records.append(record)
    data["frameworks"] = records
    return json.dumps(data)


def scaling(table: Table, sizes: tuple[int, ...], repeats: int) -> None:
    first: dict[str, float] = {}
    for size in sizes:
        text = _records_json(size)
        floor = median(lambda text=text: json.loads(text), 1 if size >= 100_000 else 3)
        gc.collect()
        before = _rss()  # before parsing: the records keep the parsed strings
        data = json.loads(text)
        start = time.perf_counter()
        kb = bf.KnowledgeBase.from_dict(data)
        built = time.perf_counter() - start
        del data, text
        gc.collect()
        grown = _rss() - before
        table.add(f"memory of {size:,} records built from JSON", grown, "per record",
                  grown / size, unit="B", ratio=False)  # fmt: skip
        table.add(f"build {size:,} records from JSON", built, "json.loads of it", floor,
                  budget=10 if size >= 100_000 else None)  # fmt: skip
        big = size >= 100_000
        needs = bf.Requirements(languages=["python"])
        times = {
            "query": median(lambda kb=kb: kb.query(language="erlang", limit=10), repeats),
            "recommend": median(
                lambda kb=kb, needs=needs: kb.recommend(needs, limit=10),
                1 if size >= 10_000 else 3,
                warm=not big,
            ),
        }
        if big:
            # An index of 100,000 distinct records does not fit beside them in
            # 24 GiB: search at that size is measured on copies that share their
            # statements, by benchmarks/bench_search.py.
            _rows(table, first, times, size, sizes[0])
            continue
        # The search index is built on the first search; its build and memory
        # are figures of their own.
        gc.collect()
        before = _rss()
        start = time.perf_counter()
        kb.search("warm up")
        indexed = time.perf_counter() - start
        index_memory = _rss() - before
        table.add(f"search index of {size:,} records", indexed, f"the build of {size:,}", built)
        per = index_memory / size
        table.add(f"memory of the index at {size:,}", index_memory, "per record", per,
                  unit="B", ratio=False)  # fmt: skip
        times["search"] = median(lambda kb=kb: kb.search("424", limit=10), repeats)
        _rows(table, first, times, size, sizes[0])


def _rows(
    table: Table, first: dict[str, float], times: dict[str, float], size: int, smallest: int
) -> None:
    for what, seconds in times.items():
        first.setdefault(what, seconds)
        table.add(f"{what} at {size:,} records", seconds, f"the same at {smallest:,}", first[what])


def _rss() -> int:
    """This process's resident memory now, in bytes (Linux)."""
    with Path("/proc/self/statm").open() as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def memory(table: Table) -> None:
    probe = (
        "import json, resource\n"
        "import attrs, cattrs, importlib_resources\n"
        "import backend_frameworks as bf\n"
        "bf.KnowledgeBase, bf.default_knowledge_base  # import the modules first\n"
        "def rss():\n"
        "    with open('/proc/self/statm') as f:\n"
        "        return int(f.read().split()[1]) * resource.getpagesize()\n"
        "before = rss()\n"
        "kb = {build}\n"
        "print(rss() - before)\n"
    )
    shipped = subprocess.run(
        [PYTHON, "-c", probe.format(build="bf.default_knowledge_base()")],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    count = len(bf.frameworks(include_related=True))
    added = float(shipped)
    table.add("memory added by the shipped knowledge base", added, f"per record ({count})",
              added / count, unit="B", ratio=False)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few repeats (CI)")
    parser.add_argument("--json", default="benchmark-results.json", help="where to write results")
    args = parser.parse_args()
    sizes = (1_000,) if args.quick else (1_000, 10_000, 100_000)
    repeats = 5 if args.quick else 31
    table = Table()
    processes(table, quick=args.quick)
    shipped(table, repeats)
    scaling(table, sizes, repeats)
    memory(table)
    table.print()
    machine = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "cpus": __import__("os").cpu_count(),
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "quick": args.quick,
        "library": bf.__version__,
        "data": bf.data_info().version,
        "max_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    Path(args.json).write_text(
        json.dumps({"machine": machine, "rows": table.rows}, indent=2) + "\n", encoding="utf-8"
    )
    print(f"\nresults written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
