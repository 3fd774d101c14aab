"""Text search over names, aliases, summaries and every claim.

User text is split into plain tokens and compared token by token; it is never
compiled as a regular expression.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from ._errors import InvalidQueryError
from ._model import (
    Claim,
    FeatureSupport,
    Framework,
    NotableUser,
    QualityClaim,
    Statement,
    UseCaseClaim,
    statements,
)
from ._names import normalize
from ._query import check_limit

if TYPE_CHECKING:
    from ._kb import KnowledgeBase

__all__ = ["SearchHit", "run_search"]

_TOKEN = re.compile(r"[0-9a-z+#]+")
_PREFIX_MIN = 3
EXACT_NAME = 100.0
"""Score for a query that is exactly a record's id, name or alias."""
NAME_TOKEN = 10.0
SUMMARY_TOKEN = 3.0
CLAIM_TOKEN = 1.0


@attrs.frozen
class SearchHit:
    """One search result: the record, its score, and the statements that matched.

    ``matches`` holds the claims and facts (with their sources) whose text
    contains a query token, in record field order. ``exact`` says the whole
    query is the record's id, name or alias; such hits rank first.
    """

    framework: Framework
    score: float
    matches: tuple[Statement, ...]
    exact: bool = False


def tokens(text: str) -> tuple[str, ...]:
    """Lower-case word tokens of ``text`` (letters, digits, ``+`` and ``#``)."""
    return tuple(_TOKEN.findall(text.casefold()))


def _hits(query: tuple[str, ...], text: str) -> int:
    """How many query tokens occur in ``text`` as a word or a word's prefix."""
    words = tokens(text)
    found = 0
    for token in query:
        if any(
            word == token or (len(token) >= _PREFIX_MIN and word.startswith(token))
            for word in words
        ):
            found += 1
    return found


def _text(statement: Statement) -> str:
    if isinstance(statement, (Claim, QualityClaim, UseCaseClaim)):
        extra = getattr(statement, "use_case", "") or ""
        return f"{statement.text} {extra}".strip()
    if isinstance(statement, FeatureSupport):
        return f"{statement.feature.replace('-', ' ')} {statement.provided_by} {statement.note}"
    if isinstance(statement, NotableUser):
        return statement.name
    return ""


def _score(record: Framework, query: tuple[str, ...], folded: str) -> SearchHit | None:
    names = (record.id, record.name, *record.aliases)
    exact = any(normalize(name) == folded for name in names)
    score = EXACT_NAME if exact else 0.0
    score += NAME_TOKEN * _hits(query, " ".join(names))
    score += SUMMARY_TOKEN * _hits(query, record.summary)
    matches: list[Statement] = []
    for _, _, statement in statements(record):
        text = _text(statement)
        if not text:
            continue
        found = _hits(query, text)
        if found:
            score += CLAIM_TOKEN * found
            matches.append(statement)
    if score == 0:
        return None
    return SearchHit(record, score, tuple(matches), exact)


def run_search(kb: KnowledgeBase, text: object, limit: object = None) -> tuple[SearchHit, ...]:
    """The records matching ``text``, best first, ties by id."""
    if not isinstance(text, str):
        raise InvalidQueryError.wrong_type(
            f"search text must be a string, not {type(text).__name__}"
        )
    count = check_limit(limit)
    query = tokens(text)
    if not query:
        raise InvalidQueryError(
            f"search text {text!r} has no words to search for; give at least one word"
        )
    folded = normalize(text)
    records = kb.frameworks(include_related=True)
    hits = [hit for record in records if (hit := _score(record, query, folded)) is not None]
    hits.sort(key=lambda hit: (not hit.exact, -hit.score, hit.framework.id))
    return tuple(hits if count is None else hits[:count])
