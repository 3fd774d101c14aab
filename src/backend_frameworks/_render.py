"""Plain-text renderings of records, with numbered source references."""

from __future__ import annotations

import datetime
import textwrap
from collections.abc import Iterable
from typing import Any

from ._kb import KnowledgeBase
from ._lifecycle import Support, last_day, newest_first
from ._model import Claim, Fact, Framework, ReleaseLine, Source

__all__ = ["render_framework", "render_lifecycle", "render_source"]

_WIDTH = 88


class _Citations:
    """Numbers sources in order of first citation: ``[1]``, ``[2]``..."""

    def __init__(self) -> None:
        self.order: dict[str, int] = {}

    def cite(self, sources: Iterable[str]) -> str:
        marks = [self.order.setdefault(source, len(self.order) + 1) for source in sources]
        return "".join(f"[{mark}]" for mark in marks)

    def render(self, kb: KnowledgeBase) -> list[str]:
        """The numbered list of every source cited so far."""
        lines: list[str] = []
        for source_id, mark in self.order.items():
            lines.extend(
                textwrap.wrap(
                    f"[{mark}] {render_source(kb.source(source_id))}",
                    width=_WIDTH,
                    subsequent_indent="    ",
                    break_on_hyphens=False,
                )
            )
        return lines


def render_source(source: Source) -> str:
    """One line describing a source: publisher, title, date and address."""
    parts = [f"{source.publisher}, \u201c{source.title}\u201d"]
    if source.date:
        parts.append(source.date)
    if source.url:
        parts.append(source.url)
    return ", ".join(parts) + f" ({source.kind.value}; id {source.id})"


def _wrap(text: str, indent: str = "  ", bullet: str = "- ") -> list[str]:
    return textwrap.wrap(
        text, width=_WIDTH, initial_indent=indent + bullet, subsequent_indent=indent + "  "
    )


def _labelled(label: str, text: str) -> list[str]:
    """``label: text`` with the text aligned after a 15-column label."""
    return textwrap.wrap(
        f"{label + ':':<15}{text}",
        width=_WIDTH,
        subsequent_indent=" " * 15,
        break_long_words=False,  # an address stays whole
        break_on_hyphens=False,
    )


def _fact_line(label: str, fact: Fact[Any] | None, cite: _Citations) -> list[str]:
    if fact is None:
        return []
    value = fact.value
    if isinstance(value, tuple):
        shown = ", ".join(str(item) for item in value)
    elif isinstance(value, bool):
        shown = "yes" if value else "no"
    else:
        shown = str(getattr(value, "value", value))
    note = f" ({fact.note})" if fact.note else ""
    return textwrap.wrap(
        f"{label + ':':<15}{shown}{note} {cite.cite(fact.sources)}",
        width=_WIDTH,
        subsequent_indent=" " * 15,
    )


def _status(statement: object) -> str:
    """The claim's status as a leading tag (``"(opinion) "``), or nothing."""
    status = getattr(statement, "status", None)
    return f"({status.value}) " if status is not None else ""


def _claims(title: str, claims: Iterable[Claim], cite: _Citations) -> list[str]:
    items = list(claims)
    if not items:
        return []
    lines = ["", f"{title}:"]
    for claim in items:
        lines.extend(_wrap(f"{_status(claim)}{claim.text} {cite.cite(claim.sources)}"))
        if claim.dispute is not None:
            correction = claim.dispute
            lines.extend(
                _wrap(
                    f"DISPUTED: {correction.text} {cite.cite(correction.sources)}",
                    indent="    ",
                    bullet="",
                )
            )
    return lines


def _evidence(record: Framework, cite: _Citations) -> list[str]:
    """Maintenance status, latest release and measurements."""
    lines: list[str] = []
    if record.maintenance is not None:
        status = record.maintenance
        note = f" ({status.note})" if status.note else ""
        lines.extend(
            _labelled(
                "Maintenance",
                f"{status.value.value} as of {status.as_of}{note} {cite.cite(status.sources)}",
            )
        )
    if record.latest_release is not None:
        release = record.latest_release
        lines.extend(
            _labelled(
                "Latest",
                f"{release.version} ({release.date}) {cite.cite(release.sources)}",
            )
        )
    if record.measurements:
        lines.extend(["", "Measurements:"])
        for measured in record.measurements:
            lines.extend(
                _wrap(
                    f"{measured.metric.value}: {measured.value} as of {measured.as_of}: "
                    f"{measured.method} {cite.cite(measured.sources)}"
                )
            )
    return lines


def _features(record: Framework, cite: _Citations) -> list[str]:
    """The feature matrix, one line a feature, with disputes."""
    lines: list[str] = []
    if record.features:
        lines.extend(["", "Features:"])
        for support in sorted(record.features, key=lambda item: item.feature):
            note = f" ({support.note})" if support.note else ""
            by = f", {support.provided_by}" if support.provided_by else ""
            lines.extend(
                _wrap(
                    f"{support.feature}: {support.support.value}{by}{note} "
                    f"{cite.cite(support.sources)}"
                )
            )
            if support.dispute is not None:
                lines.extend(
                    _wrap(
                        f"DISPUTED: {support.dispute.text} {cite.cite(support.dispute.sources)}",
                        indent="    ",
                        bullet="",
                    )
                )
    return lines


def render_framework(record: Framework, kb: KnowledgeBase) -> str:
    """A readable summary of one record, every statement numbered to its sources."""
    cite = _Citations()
    title = record.name
    if record.aliases:
        title += f" (also: {', '.join(record.aliases)})"
    lines = [title, "=" * min(len(title), _WIDTH)]
    lines.extend(textwrap.wrap(record.summary, width=_WIDTH))
    lines.append("")
    facts: list[tuple[str, Fact[Any] | None]] = [
        ("Kind", record.kind),
        ("Languages", record.languages),
        ("Runtime", record.runtime),
        ("Architecture", record.architecture),
        ("License", record.license),
        ("Open source", record.open_source),
        ("First release", record.first_release),
        ("Creator", record.creator),
        ("Steward", record.steward),
        ("Website", record.website),
        ("Repository", record.repository),
    ]
    for label, fact in facts:
        lines.extend(_fact_line(label, fact, cite))
    for stance in record.philosophy:
        lines.extend(_fact_line("Philosophy", stance, cite))
    for package in record.packages:
        note = f" ({package.note})" if package.note else ""
        lines.extend(_labelled("Package", f"{package.purl}{note} {cite.cite(package.sources)}"))
    lines.extend(_evidence(record, cite))
    lines.extend(_lifecycle_lines(record, cite))
    if not record.is_backend:
        lines.append(f"Note:          {record.name} is not a backend framework.")
    if record.relations:
        lines.extend(["", "Relations:"])
        for relation in record.relations:
            target = kb.get(relation.target).name if relation.target else relation.component
            lines.extend(_wrap(f"{relation.kind.value} {target} {cite.cite(relation.sources)}"))
    lines.extend(_features(record, cite))
    if record.ratings:
        lines.extend(["", "Qualities:"])
        for rating in record.ratings:
            flag = "  (sources disagree)" if rating.disagreement else ""
            lines.append(f"  {rating.quality.value}: {rating.level.value}{flag}")
            for claim in rating.claims:
                lines.extend(
                    _wrap(
                        f"{claim.level.value}: {_status(claim)}{claim.text} "
                        f"{cite.cite(claim.sources)}",
                        indent="    ",
                    )
                )
    lines.extend(_claims("Pros", record.pros, cite))
    lines.extend(_claims("Cons", record.cons, cite))
    if record.use_cases:
        lines.extend(["", "Use cases:"])
        for use in record.use_cases:
            verdict = "suited to" if use.suited else "not suited to"
            lines.extend(
                _wrap(
                    f"{_status(use)}{verdict} {use.use_case}: {use.text} {cite.cite(use.sources)}"
                )
            )
    if record.notable_users:
        lines.extend(["", "Notable users:"])
        users = [
            f"{_status(user)}{user.name} {cite.cite(user.sources)}"
            for user in record.notable_users
        ]
        lines.extend(_wrap(", ".join(users), bullet=""))
    if record.rankings:
        lines.extend(["", "Rankings:"])
        for ranking in record.rankings:
            where = kb.source(ranking.source).publisher
            if ranking.list_name != "main":
                where += f" ({ranking.list_name} list)"
            how = f", by {ranking.metric}" if ranking.metric else ""
            style = "numbered" if ranking.numbered else "order of listing"
            marks = cite.cite([ranking.source])
            lines.append(f"  #{ranking.position} in {where} ({style}{how}) {marks}")
    lines.extend(_claims("Other claims", record.claims, cite))
    lines.extend(["", "Sources:", *cite.render(kb)])
    return "\n".join(lines) + "\n"


def _lifecycle_lines(record: Framework, cite: _Citations) -> list[str]:
    """The support policy and each release line, newest first, with their sources."""
    policy = record.support_policy
    if policy is None:
        return []
    out = ["", "Release lines:"]
    out.extend(_wrap(f"policy {policy.url}, checked {policy.as_of} {cite.cite(policy.sources)}"))
    for line in newest_first(record.release_lines):
        parts = [f"{line.version}{' LTS' if line.lts else ''}, released {line.released}"]
        if line.active_support_until:
            parts.append(f"active until {line.active_support_until}")
        if line.security_support_until:
            parts.append(f"security until {line.security_support_until}")
        if line.latest is not None:
            parts.append(f"latest {line.latest.version} ({line.latest.date})")
        sources = (*line.sources, *(line.latest.sources if line.latest else ()))
        out.extend(_wrap(f"{'; '.join(parts)} {cite.cite(dict.fromkeys(sources))}"))
    return out


def render_lifecycle(
    record: Framework,
    lines: tuple[ReleaseLine, ...],
    answers: list[Support],
    day: datetime.date,
    kb: KnowledgeBase,
) -> str:
    """A framework's release lines as a table, with whether each is supported on ``day``."""
    cite = _Citations()
    policy = record.support_policy
    title = f"{record.name}: release lines"
    out = [title, "=" * len(title)]
    if policy is None:
        out.append(f"No release or support policy of {record.name} is recorded.")
        return "\n".join(out) + "\n"
    out.extend(_labelled("Policy", f"{policy.url} {cite.cite(policy.sources)}"))
    out.extend(_labelled("Checked", policy.as_of))
    out.append("")
    # Narrow enough for 80 columns: each line's sources are cited once, below
    # the table, and the latest patch's date is in ``show`` and ``--json``.
    header = ("line", "released", "LTS", "active to", "security to", "latest", f"on {day}")
    rows = [header]
    for line, answer in zip(lines, answers, strict=True):
        if day < last_day(line.released):
            state = "unreleased"
        elif answer.security is None:
            state = "unknown"
        elif answer.security:
            state = "active" if answer.active else "security fixes"
        else:
            state = "ended"
        rows.append(
            (
                line.version,
                line.released,
                "yes" if line.lts else "",
                line.active_support_until or "-",
                line.security_support_until or "-",
                line.latest.version if line.latest else "-",
                state,
            )
        )
    sources = [
        s for line in lines for s in (*line.sources, *(line.latest.sources if line.latest else ()))
    ]
    cited_lines = cite.cite(dict.fromkeys(sources))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for index, row in enumerate(rows):
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        out.append("  ".join(cells).rstrip())
        if index == 0:
            out.append("  ".join("-" * width for width in widths))
    out.extend(["", f"The lines rest on {cited_lines}.", "", "Sources:", *cite.render(kb)])
    return "\n".join(out) + "\n"
