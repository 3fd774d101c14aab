"""Side-by-side comparison of records, as structured rows and as a text table."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ._errors import InvalidQueryError
from ._model import Claim, Fact, Framework, Quality

if TYPE_CHECKING:
    from ._kb import KnowledgeBase

__all__ = ["Comparison", "ComparisonRow"]

_FACTS = (
    "kind",
    "languages",
    "runtime",
    "architecture",
    "philosophy",
    "license",
    "open_source",
    "first_release",
    "creator",
    "steward",
)
_MIN_COMPARED = 2


@attrs.frozen
class ComparisonRow:
    """One row of a comparison: a label and one value per compared record.

    ``values`` holds, per record in order, the typed value (a fact's value, a
    :class:`SupportLevel`, a derived :class:`Level`...) or ``None`` where the
    record says nothing; ``sources`` the source ids behind each value.
    ``disagreements`` says, per record, whether its sources name different
    levels of a quality; ``disagreement`` whether any record's do.
    """

    section: str
    label: str
    values: tuple[Any, ...]
    sources: tuple[tuple[str, ...], ...]
    disagreements: tuple[bool, ...] = ()

    @property
    def disagreement(self) -> bool:
        """Whether the sources disagree for any of the compared records."""
        return any(self.disagreements)

    @property
    def differs(self) -> bool:
        """Whether the compared records have different values in this row."""
        return len(set(self.values)) > 1


@attrs.frozen
class Comparison:
    """Records side by side: facts, features, qualities, pros and cons.

    Every row has one value per record, in the order asked; ``pros`` and
    ``cons`` hold each record's claims (with their sources) in that order.
    ``str()`` (or :meth:`render`) gives a plain-text table.
    """

    frameworks: tuple[Framework, ...]
    facts: tuple[ComparisonRow, ...]
    features: tuple[ComparisonRow, ...]
    qualities: tuple[ComparisonRow, ...]
    pros: tuple[tuple[Claim, ...], ...]
    cons: tuple[tuple[Claim, ...], ...]

    @property
    def rows(self) -> tuple[ComparisonRow, ...]:
        """All the rows, in order (the facts, then the features, then the qualities)."""
        return (*self.facts, *self.features, *self.qualities)

    def render(self) -> str:
        """The comparison as a plain-text table, then each record's pros and cons."""
        header = ("", *(record.name for record in self.frameworks))
        table: list[tuple[str, ...]] = [header]
        for title, rows in (
            ("Facts", self.facts),
            ("Features", self.features),
            ("Qualities (* sources disagree)", self.qualities),
        ):
            if rows:
                table.append((f"{title}:",) + ("",) * len(self.frameworks))
                table.extend(
                    (
                        f"  {row.label}",
                        *(
                            _show(value, disagree)
                            for value, disagree in zip(
                                row.values,
                                row.disagreements or (False,) * len(row.values),
                                strict=True,
                            )
                        ),
                    )
                    for row in rows
                )
        widths = [max(len(line[column]) for line in table) for column in range(len(header))]
        lines = [
            "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
            for line in table
        ]
        lines.insert(1, "  ".join("-" * width for width in widths))
        for record, pros, cons in zip(self.frameworks, self.pros, self.cons, strict=True):
            lines.append("")
            lines.append(f"{record.name}:")
            lines.extend(f"  + {c.text} [{', '.join(c.sources)}]" for c in pros)
            lines.extend(f"  - {c.text} [{', '.join(c.sources)}]" for c in cons)
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        return self.render()


def _show(value: object, disagreement: bool) -> str:  # noqa: FBT001
    if value is None:
        return "-"
    if isinstance(value, tuple):
        return ", ".join(_show(item, disagreement=False) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        text = str(value.value)
        return text + "*" if disagreement else text
    return str(value)


def _fact_row(field: str, records: Sequence[Framework]) -> ComparisonRow:
    values: list[Any] = []
    sources: list[tuple[str, ...]] = []
    for record in records:
        value = getattr(record, field)
        if isinstance(value, Fact):
            values.append(value.value)
            sources.append(value.sources)
        elif isinstance(value, tuple):
            values.append(tuple(fact.value for fact in value) or None)
            sources.append(tuple(dict.fromkeys(s for fact in value for s in fact.sources)))
        else:
            values.append(None)
            sources.append(())
    return ComparisonRow("facts", field.replace("_", " "), tuple(values), tuple(sources))


def build_comparison(kb: KnowledgeBase, names: Sequence[str]) -> Comparison:
    """Compare the named records (ids, names or aliases), in the order given."""
    if len(names) < _MIN_COMPARED:
        raise InvalidQueryError(f"compare needs at least two frameworks, got {len(names)}")
    records = tuple(kb.get(name) for name in names)
    ids = [record.id for record in records]
    if len(set(ids)) != len(ids):
        raise InvalidQueryError(f"compare got the same framework twice: {', '.join(ids)}")
    facts = tuple(
        row
        for row in (_fact_row(field, records) for field in _FACTS)
        if any(v is not None for v in row.values)
    )
    feature_ids = sorted({s.feature for record in records for s in record.features})
    features = []
    for feature in feature_ids:
        supports = [record.feature(feature) for record in records]
        features.append(
            ComparisonRow(
                "features",
                feature,
                tuple(s.support if s else None for s in supports),
                tuple(s.sources if s else () for s in supports),
            )
        )
    qualities = []
    for quality in Quality:
        ratings = [record.rating(quality) for record in records]
        if all(rating is None for rating in ratings):
            continue
        qualities.append(
            ComparisonRow(
                "qualities",
                quality.value,
                tuple(r.level if r else None for r in ratings),
                tuple(r.sources if r else () for r in ratings),
                tuple(r is not None and r.disagreement for r in ratings),
            )
        )
    return Comparison(
        records,
        facts,
        tuple(features),
        tuple(qualities),
        tuple(record.pros for record in records),
        tuple(record.cons for record in records),
    )
