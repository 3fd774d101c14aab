"""Release lines and support: which line a version belongs to, and whether it is supported.

A version is matched to the line whose dotted number is the longest prefix
of it (``"4.2.11"`` is in line ``"4.2"``, ``"15.1.0"`` in line ``"15"``).
Support on a day follows the published windows only:

- before the line's release, it is not supported yet;
- after its published end of security support, it is not supported;
- up to that end, it is supported (and in active support up to the end of
  active support, where one is published);
- with no published end, the newest line released by that day is supported
  as the current line, and any older line is *unknown*: nothing is guessed.

An end published as a month (``"2026-04"``) lasts through that month's last
day.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterable

import attrs

from ._errors import InvalidQueryError
from ._model import ReleaseLine

__all__ = [
    "Support",
    "as_day",
    "assess",
    "decide",
    "find_line",
    "last_day",
    "newest_first",
    "parse_version",
]

_VERSION = re.compile(r"[vV]?(\d+(?:\.\d+)*)")
_MAX_DATE = 32
"""Characters of an ``on`` date read at most: anything longer is no date."""
_MAX_VERSION = 64
"""Longer text is no version; refusing it bounds the work of a lookup."""


def parse_version(text: str) -> tuple[int, ...]:
    """The numbers of a dotted version: ``"v4.2.11"`` is ``(4, 2, 11)``.

    Raises:
        ValueError: ``text`` is not a dotted version number.

    >>> parse_version("4.2.11"), parse_version("v15")
    ((4, 2, 11), (15,))
    """
    match = _VERSION.fullmatch(text.strip()) if len(text) <= _MAX_VERSION else None
    if match is None:
        msg = f"{text!r:.80} is not a dotted version number such as 4.2 or 4.2.11"
        raise ValueError(msg)
    return tuple(int(part) for part in match.group(1).split("."))


def as_day(on: object) -> datetime.date:
    """``on`` as a date: a date, an ISO ``YYYY-MM-DD`` string, or today for ``None``."""
    if on is None:
        return datetime.date.today()  # noqa: DTZ011 - a calendar day, as policies publish them
    if isinstance(on, datetime.datetime):
        return on.date()
    if isinstance(on, datetime.date):
        return on
    if not isinstance(on, str):
        raise InvalidQueryError.wrong_type(
            f"on takes a date or 'YYYY-MM-DD', not {type(on).__name__}"
        )
    try:
        return datetime.date.fromisoformat(on.strip()[:_MAX_DATE])
    except ValueError:
        raise InvalidQueryError(f"on: {on!r:.40} is not a date YYYY-MM-DD") from None


def last_day(text: str) -> datetime.date:
    """The last day a published date covers: the day itself, or a month's last day.

    >>> last_day("2026-04"), last_day("2024-02-29")
    (datetime.date(2026, 4, 30), datetime.date(2024, 2, 29))
    """
    year, month, *day = (int(part) for part in text.split("-"))
    if day:
        return datetime.date(year, month, day[0])
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def newest_first(lines: Iterable[ReleaseLine]) -> tuple[ReleaseLine, ...]:
    """The lines sorted newest first: by release date, then by version."""
    return tuple(
        sorted(lines, key=lambda line: (line.released, parse_version(line.version)), reverse=True)
    )


def find_line(lines: Iterable[ReleaseLine], version: str) -> ReleaseLine | None:
    """The line a version belongs to: the longest line number that prefixes it.

    Raises:
        ValueError: ``version`` is not a dotted version number.
    """
    wanted = parse_version(version)
    best: ReleaseLine | None = None
    for line in lines:
        number = parse_version(line.version)
        if wanted[: len(number)] == number and (
            best is None or len(number) > len(parse_version(best.version))
        ):
            best = line
    return best


@attrs.frozen
class Support:
    """Whether a version gets security fixes on a day, and why, by the maintainers' policy.

    Truthy exactly when the version is known to get security fixes on
    ``on``. ``security`` and ``active`` are ``True``, ``False`` or ``None``
    (the policy publishes no date that decides it). ``reason`` says why in
    words, naming the policy; ``sources`` are the policy's and the line's.

    >>> import datetime, backend_frameworks as bf
    >>> support = bf.is_supported("django", "4.2.11", on=datetime.date(2025, 6, 1))
    >>> bool(support), support.line.version, support.security
    (True, '4.2', True)
    """

    framework: str
    version: str
    on: datetime.date
    line: ReleaseLine | None
    security: bool | None
    active: bool | None
    reason: str
    sources: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.security is True


def decide(
    line: ReleaseLine, lines: tuple[ReleaseLine, ...], on: datetime.date
) -> tuple[bool | None, bool | None, str]:
    """``(security, active, why)`` for ``line`` on ``on``, from the published windows only."""
    name, kind = line.version, "an LTS line" if line.lts else "a release line"
    if on < last_day(line.released):
        return False, False, f"{name} is not released until {line.released}"
    active_end, ends = line.active_support_until, line.security_support_until
    active = None if active_end is None else on <= last_day(active_end)
    if ends is not None and on > last_day(ends):
        return False, False, f"{name} is {kind}; security support ended {ends}"
    until = f" in active support until {active_end}" if active else ""
    if ends is not None:
        return True, active, f"{name} is {kind}{until}; security support ends {ends}"
    if active:
        return True, active, f"{name} is {kind}{until}; no end of security support is published"
    newer = [o for o in lines if last_day(o.released) <= on and o.released > line.released]
    if not newer:
        return True, active, f"{name} is the current line; no end of support is published"
    successor = min(newer, key=lambda other: other.released).version
    return None, active, f"{name} is {kind} superseded by {successor}; no end date is published"


def assess(
    line: ReleaseLine,
    lines: tuple[ReleaseLine, ...],
    *,
    framework: str,
    version: str,
    on: datetime.date,
    policy: str,
    policy_sources: tuple[str, ...],
) -> Support:
    """The :class:`Support` of ``version`` in ``line`` on ``on``, its reason naming ``policy``."""
    security, active, why = decide(line, lines, on)
    sources = tuple(dict.fromkeys((*policy_sources, *line.sources)))
    return Support(framework, version, on, line, security, active, f"{why} ({policy}).", sources)
