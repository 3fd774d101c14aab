"""How sure a ranking is: stability under other weights and claims, and why-not explanations.

Everything here works on a :class:`Table`, the scored rows that
:func:`~backend_frameworks.recommend` keeps with its result; nothing is
scored again except the framework variants that resolve contested claims.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence

import attrs

from ._model import ClaimStatus, Framework, QualityClaim, UseCaseClaim
from ._names import normalize
from ._score import Aggregation

__all__ = [
    "Gap",
    "Row",
    "Shift",
    "Stability",
    "Table",
    "WhyNot",
    "ranking_key",
    "resolve_contested",
]

_MAX_FACTOR = 10.0
"""The largest weight change a :class:`Shift` looks for (and 1/10 the smallest)."""
_STEPS = 24
_NEAREST = 8
"""How many rows below a framework the search for a downward :class:`Shift` considers."""


def ranking_key(tier: int, total: float, framework: Framework) -> tuple[int, float, str, str]:
    """The one order of a ranking: language tier, then total (higher first), then name, then id."""
    return (tier, -total, normalize(framework.name), framework.id)


@attrs.frozen
class Row:
    """One scored framework: its language tier (lower is better), values and total."""

    framework: Framework
    tier: int
    values: tuple[float, ...]
    total: float


@attrs.frozen
class Table:
    """The scored frameworks of one run in ranked order, with what ranked them."""

    criteria: tuple[str, ...]
    weights: tuple[float, ...]
    aggregation: Aggregation
    rows: tuple[Row, ...]
    rescore: Callable[[Framework], tuple[float, ...]] = attrs.field(eq=False, repr=False)

    def total(self, values: Sequence[float], weights: Sequence[float]) -> float:
        """The aggregated total of ``values`` under ``weights``."""
        total, _ = self.aggregation.aggregate(list(zip(values, weights, strict=True)))
        return total

    def ranks(
        self, weights: Sequence[float], variant: tuple[int, tuple[float, ...]] | None = None
    ) -> dict[str, int]:
        """Framework id -> 1-based rank under ``weights`` (one row's values replaced)."""
        keyed = []
        for index, row in enumerate(self.rows):
            values = variant[1] if variant is not None and variant[0] == index else row.values
            keyed.append(ranking_key(row.tier, self.total(values, weights), row.framework))
        keyed.sort()
        return {key[3]: rank for rank, key in enumerate(keyed, start=1)}


@attrs.frozen
class Shift:
    """The single weight change that moves a framework past a neighbour in the ranking.

    ``factor`` multiplies the weight of ``criterion`` (above 1: it weighs
    more; below 1: less); ``other`` is the framework passed (for an upward
    shift) or the one that passes it (downward).
    """

    criterion: str
    factor: float
    other: Framework
    up: bool

    @property
    def change(self) -> str:
        """The change in words, such as ``"performance weighs 2.5x more"``."""
        if self.factor >= 1:
            return f"{self.criterion} weighs {self.factor:g}x more"
        return f"{self.criterion} weighs {self.factor:g}x as much"


@attrs.frozen
class Stability:
    """How often a ranked framework keeps its place, and the change that would move it.

    ``weights_kept`` is the share of ``samples`` random weight variations
    (each criterion's weight multiplied by a factor drawn log-uniformly
    within ``weight_range``) in which it keeps its rank; ``claims_kept``
    the share of contested-claim resolutions (each framework's disputed or
    disagreeing claims resolved one way, then the other) in which it does,
    ``None`` when nothing is contested. ``kept`` counts both together.
    ``up`` is the smallest single weight change (within 10x) that lifts it
    past the framework directly above; ``down`` the smallest that lets one
    of the next frameworks in its language tier pass it. ``tied_with`` names
    a neighbour with the very same values, which no weight change separates.
    """

    framework: Framework
    rank: int
    kept: float
    weights_kept: float
    claims_kept: float | None
    variations: int
    weight_range: tuple[float, float]
    up: Shift | None
    down: Shift | None
    tied_with: Framework | None = None

    @property
    def headline(self) -> str:
        """One sentence a person can act on."""
        place = "first" if self.rank == 1 else f"#{self.rank}"
        verb = "stays" if self.rank == 1 else "stays at"
        text = f"{self.framework.name} {verb} {place} in {self.kept:.0%} of variations"
        shift = self.down if self.rank == 1 else (self.up or self.down)
        if shift is None and self.tied_with is not None:
            return f"{text}; it ties with {self.tied_with.name} on every criterion."
        if shift is None:
            return f"{text}; no single weight change within 10x moves it."
        if shift.up:
            return f"{text}; it overtakes {shift.other.name} if {shift.change}."
        return f"{text}; {shift.other.name} overtakes it if {shift.change}."


@attrs.frozen
class Gap:
    """One criterion's difference between a framework and the one ranked above it.

    ``behind`` is how much of the total it loses on this criterion
    (positive: it is behind), as a weighted mean counts it
    (``weight * difference / sum of weights``); under another aggregation
    it is an estimate.
    """

    criterion: str
    value: float
    other_value: float
    weight: float
    behind: float


@attrs.frozen
class WhyNot:
    """Why a framework is not higher: the constraint that excluded it, or the gaps.

    For an excluded framework, ``constraints`` and ``reasons`` say what
    ruled it out. For a ranked one, ``ahead`` is the framework directly
    above (``None`` for the first), ``gaps`` the criteria where it is
    behind, largest first, and ``change`` the smallest single weight change
    that would lift it above ``ahead``; ``tied`` says the two have the same
    total and the order is by name.
    """

    framework: Framework
    rank: int | None
    constraints: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    ahead: Framework | None = None
    gaps: tuple[Gap, ...] = ()
    change: Shift | None = None
    language_behind: bool = False
    tied: bool = False

    @property
    def excluded(self) -> bool:
        """Whether a hard constraint ruled it out."""
        return self.rank is None

    @property
    def text(self) -> str:
        """The explanation in sentences."""
        name = self.framework.name
        if self.rank is None:
            return f"{name} was excluded: {' '.join(self.reasons)}"
        if self.ahead is None:
            return f"{name} ranked first; nothing ranked above it."
        lines = [f"{name} ranked #{self.rank}, below {self.ahead.name}."]
        if self.tied:
            lines.append("They tie on total; the tie breaks by name.")
        if self.language_behind:
            lines.append(
                f"{self.ahead.name} is a closer match to the team's languages, "
                "and language fit orders the ranking first; no weight change alters that."
            )
        behind = [gap for gap in self.gaps if gap.behind > 0]
        lines.extend(
            f"{gap.criterion}: {gap.value:.2f} against {gap.other_value:.2f} "
            f"(x{gap.weight:g}), {gap.behind:.3f} behind."
            for gap in behind[:3]
        )
        if self.change is not None:
            lines.append(f"It would rank above {self.ahead.name} if {self.change.change}.")
        elif not self.language_behind:
            lines.append("No single weight change within 10x lifts it above.")
        return " ".join(lines)

    def __str__(self) -> str:
        return self.text


def _overtakes(table: Table, mover: int, other: int, weights: Sequence[float]) -> bool:
    """Whether row ``mover`` ranks above row ``other`` under ``weights``."""
    a, b = table.rows[mover], table.rows[other]
    key_a = ranking_key(a.tier, table.total(a.values, weights), a.framework)
    key_b = ranking_key(b.tier, table.total(b.values, weights), b.framework)
    return key_a < key_b


def _factor(table: Table, mover: int, other: int, criterion: int, *, more: bool) -> float | None:
    """The smallest weight change of one criterion that puts ``mover`` above ``other``."""
    base = list(table.weights)
    if base[criterion] <= 0:
        return None

    def passes(factor: float) -> bool:
        changed = list(base)
        changed[criterion] = base[criterion] * factor
        return _overtakes(table, mover, other, changed)

    far = _MAX_FACTOR if more else 1 / _MAX_FACTOR
    if not passes(far):
        return None
    near, far_log = 0.0, math.log(far)
    for _ in range(_STEPS):  # bisect on the log of the factor
        middle = (near + far_log) / 2
        if passes(math.exp(middle)):
            far_log = middle
        else:
            near = middle
    factor = math.exp(far_log)
    # Round outwards to two significant figures, so the stated change still works.
    digits = 1 - math.floor(math.log10(factor))
    scale = 10.0**digits
    rounded = (math.ceil if more else math.floor)(factor * scale) / scale
    return rounded if rounded > 0 and passes(rounded) else factor


def shift(table: Table, mover: int, other: int, *, up: bool) -> Shift | None:
    """The smallest single change (by its log) that puts row ``mover`` above row ``other``."""
    if table.rows[mover].tier != table.rows[other].tier:
        return None
    found: list[tuple[float, str, float]] = []
    for index, name in enumerate(table.criteria):
        for more in (True, False):
            factor = _factor(table, mover, other, index, more=more)
            if factor is not None:
                found.append((abs(math.log(factor)), name, factor))
    if not found:
        return None
    _, criterion, factor = min(found)
    framework = table.rows[other if up else mover].framework
    return Shift(criterion, factor, framework, up)


def resolve_contested(framework: Framework, *, high: bool) -> Framework | None:
    """``framework`` with its contested claims resolved one way; ``None`` if none are.

    Where sources name different levels of a quality, only the claims at
    the highest level (``high``) or the lowest stay. A disputed quality or
    use-case claim is reinstated as holding (``high``) or dropped.
    """
    changed = False
    qualities: list[QualityClaim] = []
    by_quality: dict[object, list[QualityClaim]] = {}
    for claim in framework.qualities:
        by_quality.setdefault(claim.quality, []).append(claim)
    for claims in by_quality.values():
        counted = [c for c in claims if c.status is not ClaimStatus.UNSUPPORTED and not c.disputed]
        levels = {c.level for c in counted}
        keep = (max if high else min)(levels, default=None)
        for claim in claims:
            if claim.disputed:
                changed = True
                if high:
                    qualities.append(attrs.evolve(claim, dispute=None, status=ClaimStatus.OPINION))
                continue
            if len(levels) > 1 and claim in counted and claim.level != keep:
                changed = True
                continue
            qualities.append(claim)
    use_cases: list[UseCaseClaim] = []
    for use in framework.use_cases:
        if use.disputed:
            changed = True
            if high:
                use_cases.append(attrs.evolve(use, dispute=None, status=ClaimStatus.OPINION))
            continue
        use_cases.append(use)
    if not changed:
        return None
    return attrs.evolve(framework, qualities=tuple(qualities), use_cases=tuple(use_cases))


def stability(
    table: Table, count: int, *, samples: int, spread: float, seed: int
) -> tuple[Stability, ...]:
    """The :class:`Stability` of the first ``count`` rows of ``table``."""
    base = table.ranks(table.weights)
    rng = random.Random(seed)  # noqa: S311 - sampling, not security
    low = math.log(1 / spread)
    weight_kept = dict.fromkeys(base, 0)
    for _ in range(samples):
        weights = [w * math.exp(rng.uniform(low, -low)) for w in table.weights]
        for framework_id, rank in table.ranks(weights).items():
            weight_kept[framework_id] += rank == base[framework_id]
    variants: list[tuple[int, tuple[float, ...]]] = []
    for index, row in enumerate(table.rows):
        for high in (False, True):
            resolved = resolve_contested(row.framework, high=high)
            if resolved is None:
                continue
            values = table.rescore(resolved)
            if values != row.values:  # a resolution that changes no score is no variation
                variants.append((index, values))
    claim_kept = dict.fromkeys(base, 0)
    for variant in variants:
        for framework_id, rank in table.ranks(table.weights, variant).items():
            claim_kept[framework_id] += rank == base[framework_id]
    found: list[Stability] = []
    for index, row in enumerate(table.rows[:count]):
        fid = row.framework.id
        up = shift(table, index, index - 1, up=True) if index > 0 else None
        down = _down(table, index)
        tied = [
            table.rows[other].framework
            for other in (index - 1, index + 1)
            if 0 <= other < len(table.rows) and table.rows[other].values == row.values
        ]
        total = samples + len(variants)
        kept = (weight_kept[fid] + claim_kept[fid]) / total if total else 1.0
        found.append(
            Stability(
                row.framework,
                index + 1,
                kept,
                weight_kept[fid] / samples if samples else 1.0,
                claim_kept[fid] / len(variants) if variants else None,
                total,
                (1 / spread, spread),
                up,
                down,
                tied[0] if tied else None,
            )
        )
    return tuple(found)


def _down(table: Table, index: int) -> Shift | None:
    """The smallest single change that lets one of the next rows (same tier) pass row ``index``."""
    found = [
        candidate
        for other in range(index + 1, min(len(table.rows), index + 1 + _NEAREST))
        if (candidate := shift(table, other, index, up=False)) is not None
    ]
    return min(found, key=lambda s: (abs(math.log(s.factor)), s.criterion), default=None)


def why_not(table: Table, index: int) -> WhyNot:
    """Why row ``index`` is not higher than the row above it."""
    row = table.rows[index]
    if index == 0:
        return WhyNot(row.framework, 1)
    above = table.rows[index - 1]
    weight_sum = sum(table.weights) or 1.0
    gaps = sorted(
        (
            Gap(name, mine, theirs, weight, weight * (theirs - mine) / weight_sum)
            for name, mine, theirs, weight in zip(
                table.criteria, row.values, above.values, table.weights, strict=True
            )
            if mine != theirs
        ),
        key=lambda gap: (-gap.behind, gap.criterion),
    )
    return WhyNot(
        row.framework,
        index + 1,
        ahead=above.framework,
        gaps=tuple(gaps),
        change=shift(table, index, index - 1, up=True),
        language_behind=row.tier > above.tier,
        tied=row.tier == above.tier and math.isclose(row.total, above.total, abs_tol=1e-12),
    )
