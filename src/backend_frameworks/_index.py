"""The filter index of a knowledge base: record ids by filter value.

Built once per knowledge base, when a query first needs it. Every keyword
filter is answered from here: a map from each filter value to the frozenset
of ids of the records that have it.
"""

from __future__ import annotations

import bisect
import datetime
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ._lifecycle import decide, newest_first
from ._model import Fact, Framework, SupportLevel

__all__ = ["FilterIndex"]

Key = tuple[Any, ...]
_EMPTY: frozenset[str] = frozenset()


class FilterIndex:
    """Record ids by filter value, for a set of records."""

    __slots__ = (
        "_lifecycles",
        "_sets",
        "_values",
        "_year_sets",
        "_years",
        "all",
        "backend",
        "by_id",
        "ordered",
    )

    def __init__(self, records: Iterable[Framework]) -> None:
        self.ordered = tuple(sorted(records, key=lambda record: record.id))
        self.by_id = {record.id: record for record in self.ordered}
        sets: defaultdict[Key, set[str]] = defaultdict(set)
        years: defaultdict[int, set[str]] = defaultdict(set)
        levels = tuple(SupportLevel)
        for record in self.ordered:
            rid = record.id
            for language in record.languages.value:
                sets["language", language].add(rid)
            sets["kind", record.kind.value].add(rid)
            for field in ("runtime", "architecture", "license", "open_source"):
                fact: Fact[Any] | None = getattr(record, field)
                if fact is not None:
                    sets[field, fact.value].add(rid)
            for stance in record.philosophy:
                sets["philosophy", stance.value].add(rid)
            if record.first_release is not None:
                years[record.first_release.value].add(rid)
            for support in record.features:
                for level in levels[: support.support.rank + 1]:
                    sets["feature", support.feature, level].add(rid)
            for claim in record.use_cases:
                if claim.suited:
                    sets["use_case", claim.use_case].add(rid)
            for rating in record.ratings:
                sets["quality", rating.quality, rating.level].add(rid)
            for relation in record.relations:
                if relation.target:  # a named component is not a record to query by
                    sets["relation", relation.kind, relation.target].add(rid)
            for source_id in record.source_ids:
                sets["mentioned_by", source_id].add(rid)
            if record.release_lines:
                sets["lts", any(line.lts for line in record.release_lines)].add(rid)
        self._sets = {key: frozenset(ids) for key, ids in sets.items()}
        values: defaultdict[str, set[Any]] = defaultdict(set)
        for key in self._sets:
            values[key[0]].add(key[1])
        self._values = {field: frozenset(found) for field, found in values.items()}
        self._years = sorted(years)
        self._year_sets = [frozenset(years[year]) for year in self._years]
        self.all = frozenset(self.by_id)
        self.backend = frozenset(record.id for record in self.ordered if record.is_backend)
        self._lifecycles = tuple(
            (record.id, newest_first(record.release_lines))
            for record in self.ordered
            if record.release_lines
        )

    def ids(self, *key: object) -> frozenset[str]:
        """The ids of the records with this filter value."""
        return self._sets.get(key, _EMPTY)

    def values(self, field: str) -> frozenset[Any]:
        """Every value of one field that some record has."""
        return self._values.get(field, _EMPTY)

    def supported_on(self, day: datetime.date) -> frozenset[str]:
        """The ids of the records with a release line known to get security fixes on ``day``."""
        return frozenset(
            rid
            for rid, lines in self._lifecycles
            if any(decide(line, lines, day)[0] is True for line in lines)
        )

    def released(self, low: int | None, high: int | None) -> frozenset[str]:
        """The ids of the records first released in ``[low, high]``."""
        start = 0 if low is None else bisect.bisect_left(self._years, low)
        stop = len(self._years) if high is None else bisect.bisect_right(self._years, high)
        chosen = self._year_sets[start:stop]
        if len(chosen) == 1:
            return chosen[0]
        return frozenset().union(*chosen)
