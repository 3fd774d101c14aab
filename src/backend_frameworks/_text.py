"""Text analysis for search: words to index terms, the same way for records and queries.

A text becomes terms in four steps:

1. It is case-folded and accents are dropped (``"Élixir"`` reads ``elixir``).
2. It is cut into words of letters, digits, ``+`` and ``#``. Words joined by
   ``-``, ``.``, ``_`` or ``/`` are one compound, written without them:
   ``real-time`` is ``realtime``, ``Node.js`` is ``nodejs``, ``pub/sub`` is
   ``pubsub``. In a record's text the compound's parts are indexed too, so
   ``time`` still finds ``real-time``.
3. Stop words (``the``, ``for``, ``good``...) are dropped, unless nothing else
   is left.
4. Each term is reduced by the S-stemmer (Harman, 1991), which folds English
   plurals only: ``websockets`` is ``websocket``, ``libraries`` is
   ``library``.

User text is only ever split into words; it is never compiled as a regular
expression.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

__all__ = [
    "STOP_WORDS",
    "analyze",
    "exact_key",
    "joined",
    "only_stop_words",
    "query_words",
    "stem",
    "unique",
    "words",
]

# A word starts with a letter or digit ("c#" and "c++" are words, a lone "#" is not).
_CHUNK = re.compile(r"[0-9a-z][0-9a-z+#]*(?:[-._/][0-9a-z][0-9a-z+#]*)*")
_JOINERS = re.compile(r"[-._/]")
_MIN_STEM = 4

STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "best",
        "better",
        "but",
        "by",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "get",
        "good",
        "great",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "like",
        "me",
        "most",
        "my",
        "need",
        "needs",
        "of",
        "on",
        "one",
        "or",
        "our",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "too",
        "use",
        "used",
        "uses",
        "using",
        "very",
        "want",
        "was",
        "we",
        "well",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "why",
        "will",
        "with",
        "without",
        "would",
        "you",
        "your",
    ]
)
"""Words too common to say what a text is about; they are not indexed."""


def stem(word: str) -> str:
    """The S-stemmer: English plural endings folded, nothing else.

    >>> [stem(w) for w in ("websockets", "libraries", "classes", "express", "status")]
    ['websocket', 'library', 'classe', 'express', 'status']
    """
    if len(word) < _MIN_STEM or not word.isalpha():
        return word
    if word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each word of ``text`` as ``(compound, parts)``, case-folded and unstemmed.

    >>> list(words("Real-time on Node.js"))
    [('realtime', ('real', 'time')), ('on', ('on',)), ('nodejs', ('node', 'js'))]
    """
    for chunk in _CHUNK.findall(_fold(text)):
        parts = tuple(part for part in _JOINERS.split(chunk) if part)
        yield "".join(parts), parts


def _keep(terms: list[str]) -> list[str]:
    kept = [term for term in terms if term not in STOP_WORDS]
    return kept or terms


def analyze(text: str, compounds: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    """The index terms of a record's text: compounds, their parts, stemmed, no stop words.

    ``compounds``, if given, collects each stemmed compound's stemmed parts.

    >>> analyze("The real-time APIs")
    ['realtime', 'real', 'time', 'api']
    """
    terms: list[str] = []
    for compound, parts in words(text):
        terms.append(compound)
        if len(parts) > 1:
            terms.extend(parts)
            if compounds is not None:
                compounds.setdefault(stem(compound), tuple(stem(part) for part in parts))
    return [stem(term) for term in _keep(terms)]


def query_words(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The words of a query, stemmed: each compound (``real-time`` is one word) and its parts.

    >>> query_words("good for real-time chat")
    [('realtime', ('real', 'time')), ('chat', ())]
    """
    found = list(words(text))
    kept = _keep([compound for compound, _ in found])
    return [
        (stem(compound), tuple(stem(part) for part in parts) if len(parts) > 1 else ())
        for compound, parts in found
        if compound in kept
    ]


def exact_key(text: str) -> str:
    """The form in which a query is compared with names: its words, joined by spaces.

    >>> exact_key("Express.js"), exact_key("Ruby on  Rails"), exact_key("d jango")
    ('expressjs', 'ruby on rails', 'd jango')
    """
    return " ".join(compound for compound, _ in words(text))


def only_stop_words(text: str) -> bool:
    """Whether every word of ``text`` is a stop word (and there is at least one).

    >>> only_stop_words("for the"), only_stop_words("for rails")
    (True, False)
    """
    compounds = [compound for compound, _ in words(text)]
    return bool(compounds) and all(compound in STOP_WORDS for compound in compounds)


def joined(*parts: str) -> str:
    """Adjacent query words as one compound (``real`` ``time``: ``realtime``)."""
    return stem("".join(parts))


def unique(terms: Iterable[str]) -> tuple[str, ...]:
    """``terms`` without repeats, in first-seen order."""
    return tuple(dict.fromkeys(terms))
