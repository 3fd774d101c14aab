"""Name normalisation and "did you mean" suggestions."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

__all__ = ["criterion_key", "normalize", "suggest"]

_IGNORED = re.compile(r"[^0-9a-z+#]+")


def criterion_key(name: str) -> str:
    """The form in which criterion (scorer) names are compared: ``-`` reads as ``_``.

    >>> criterion_key("Use-Case-Fit")
    'use_case_fit'
    """
    return name.strip().casefold().replace("-", "_")


def normalize(name: str) -> str:
    """Fold a name for lookup: case, spaces, dots, hyphens and other punctuation go.

    ``+`` and ``#`` stay, so that C++ and C# remain distinct from C.

    >>> normalize("Ruby on Rails"), normalize("Express.js"), normalize("ASP.NET-Core")
    ('rubyonrails', 'expressjs', 'aspnetcore')
    """
    return _IGNORED.sub("", name.casefold())


def suggest(name: str, index: Mapping[str, str], limit: int = 3) -> tuple[str, ...]:
    """Ids whose normalised names are closest to ``name``, best first.

    ``index`` maps normalised names to ids.
    """
    key = normalize(name)
    if not key:
        return ()
    close = difflib.get_close_matches(key, list(index), n=limit * 3, cutoff=0.6)
    prefixed = sorted(k for k in index if len(key) >= 3 and k.startswith(key))  # noqa: PLR2004
    return _first_unique((index[k] for k in [*close, *prefixed]), limit)


def _first_unique(ids: Iterable[str], limit: int) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for item in ids:
        found.setdefault(item, None)
        if len(found) == limit:
            break
    return tuple(found)
