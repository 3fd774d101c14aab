"""Relevance search: an inverted index over every record, ranked by BM25 per field.

The index is built once per knowledge base, on the first search. Each record
is split into fields, each with a weight (:data:`FIELD_WEIGHTS`): its id and
name, its aliases, the names and synonyms of its languages and kind, its
summary, its features (the vocabulary's names, synonyms and definitions of
the features it provides), its use cases, pros, cons, claims, quality
claims and notable users. Text becomes terms as :mod:`._text` describes.

Ranking is BM25 (Robertson and Zaragoza, *The Probabilistic Relevance
Framework: BM25 and Beyond*, 2009) computed in each field and summed with
the field's weight, as search engines do for several fields ("most
fields"): a term's frequency in a field is normalised by the field's length
against its average (``b = 0.75`` for running text, 0 for names, languages,
kinds, features and use cases), saturated with ``k1 = 1.2`` and multiplied
by the term's inverse document frequency, which counts each record once.
Summing per field, rather than saturating once over all fields (BM25F),
keeps a name match worth more than many passing mentions. A query word
also reaches:

- with the next one or two words, their compound (``real time`` is
  ``realtime``), the words themselves then counting at :data:`PART_CREDIT`;
- the terms it begins (``proto`` reaches ``prototyping``), at 0.6 of the
  credit, and for words of nine letters or more, the terms that begin
  like it but for its last three letters (``rendering`` reaches
  ``render``), at 0.5;
- when it is in no record, the names, aliases and vocabulary terms one edit
  away (two for words of eight letters or more), at 0.8: ``djnago`` finds
  Django.

A term reached by prefix never earns more idf than the word typed, where
that word is a term itself.
In each field group a query word scores by the best term it reaches. A query
that is exactly a record's id, name or alias ranks that record first.

Each field group of a record (its features, its pros...) is indexed once per
distinct value: records that share their statements (overlays built with
``attrs.evolve``) share those entries, and a query scores each shared group
once.
"""

from __future__ import annotations

import bisect
import enum
import heapq
import math
import types
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import attrs

from ._errors import InvalidQueryError
from ._model import (
    Claim,
    ClaimStatus,
    Fact,
    Framework,
    Statement,
    SupportLevel,
    Term,
    Vocabularies,
)
from ._names import normalize
from ._query import check_limit
from ._text import (
    analyze,
    exact_key,
    joined,
    only_stop_words,
    query_words,
    stem,
    unique,
    words,
)

__all__ = [
    "FIELD_WEIGHTS",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_WORDS",
    "PART_CREDIT",
    "Match",
    "MatchKind",
    "SearchHit",
    "SearchIndex",
    "run_search",
]

MAX_QUERY_CHARS = 1_000
"""The longest search text accepted; longer text raises :class:`InvalidQueryError`."""

_K1 = 1.2
_PREFIX_CREDIT = 0.6
_TRUNCATED_CREDIT = 0.5
_TYPO_CREDIT = 0.8
_MIN_PREFIX = 3
_MIN_TRUNCATE = 9
_MIN_TYPO = 4
_LONG_WORD = 8
_MAX_EXPANSIONS = 40
_MAX_TYPO_WORD = 24
MAX_QUERY_WORDS = 32
"""The most distinct words (stop words aside) a search text may have."""
PART_CREDIT = 0.25
"""The credit of a word inside a joined phrase or compound, beside the whole."""


class MatchKind(enum.Enum):
    """What part of a record a search match is."""

    NAME = "name"
    ALIAS = "alias"
    LANGUAGE = "language"
    RUNTIME = "runtime"
    KIND = "kind"
    SUMMARY = "summary"
    FEATURE = "feature"
    USE_CASE = "use-case"
    PRO = "pro"
    CON = "con"
    CLAIM = "claim"
    QUALITY = "quality"
    USER = "user"


FIELD_WEIGHTS: Mapping[str, float] = types.MappingProxyType(
    {
        "name": 10.0,
        "alias": 7.0,
        "language": 4.0,
        "runtime": 2.0,
        "kind": 3.0,
        "summary": 3.0,
        "feature": 3.0,
        "use-case": 3.0,
        "pro": 1.0,
        "claim": 1.0,
        "quality": 1.0,
        "user": 1.0,
        "con": 0.5,
        "detail": 0.5,
        "use-case-text": 1.0,
    }
)
"""Each field's weight. ``detail`` is a feature's definition, package and note;
``use-case-text`` the words of a use-case claim."""

# Short, fixed fields are not normalised by length (b = 0); a feature or use
# case either is there or not, so its field is not normalised either.
_B = {
    "name": 0.0,
    "alias": 0.0,
    "language": 0.0,
    "runtime": 0.0,
    "kind": 0.0,
    "feature": 0.0,
    "use-case": 0.0,
}
_DEFAULT_B = 0.75
_FIELDS = tuple(FIELD_WEIGHTS)
_ORDER = {kind: position for position, kind in enumerate(MatchKind)}
# How much of a feature's credit each support level earns.
_SUPPORT_CREDIT = {
    SupportLevel.BUILT_IN: 1.0,
    SupportLevel.OFFICIAL: 0.8,
    SupportLevel.ECOSYSTEM: 0.4,
}


@attrs.frozen
class Match:
    """One part of a record that a search matched, and what it is.

    ``kind`` says what it is (a feature, a pro, a claim...), ``text`` shows
    it in words, ``terms`` are the query's terms it matched (the words of a
    compound included) and ``score`` ranks it among the hit's matches: for
    each term, its credit and idf times the weight of the field it is in.
    ``statement`` is the cited statement behind it (``None`` for a name, an
    alias or the summary), whose ``status`` and ``sources`` the match
    repeats.

    >>> import backend_frameworks as bf
    >>> match = bf.search("swagger", limit=1)[0].matches[0]
    >>> match.kind.value, match.terms, match.statement.feature
    ('feature', ('swagger',), 'openapi')
    """

    kind: MatchKind
    text: str
    terms: tuple[str, ...]
    score: float
    statement: Statement | None = None

    @property
    def status(self) -> ClaimStatus | None:
        """The statement's claim status (names, facts and features have none)."""
        status: ClaimStatus | None = getattr(self.statement, "status", None)
        return status

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids of the sources behind the statement."""
        found: tuple[str, ...] = getattr(self.statement, "sources", ())
        return found


@attrs.frozen
class SearchHit:
    """One search result: the record, its relevance, and its best matches first.

    ``exact`` says the whole query is the record's id, name or alias; such
    a hit ranks first. ``matches`` are the parts of the record that matched,
    the best first (see :class:`Match`).
    """

    framework: Framework
    score: float
    matches: tuple[Match, ...]
    exact: bool = False


@attrs.frozen
class _Unit:
    """One matchable piece of a record: its terms per field, and how to show it."""

    kind: MatchKind
    text: str
    fields: tuple[tuple[str, dict[str, float]], ...]
    statement: Statement | None = None
    terms: frozenset[str] = attrs.field(init=False)

    @terms.default
    def _terms(self) -> frozenset[str]:
        return frozenset(term for _, counts in self.fields for term in counts)


class _Part:
    """One field group of a record (its features, its pros...), indexed once.

    Records that share the same field value (the same tuple of statements)
    share its part; ``members`` are their indices. Each field belongs to one
    part only, so a record's score is the sum of its parts' scores.
    """

    __slots__ = ("lengths", "members", "units", "weighted")

    def __init__(self, units: list[_Unit]) -> None:
        self.units = units
        self.members: list[int] = []
        lengths: dict[str, float] = {}
        for unit in units:
            for field, counts in unit.fields:
                lengths[field] = lengths.get(field, 0.0) + sum(counts.values())
        self.lengths = lengths
        self.weighted: dict[str, float] = {}

    def weigh(self, averages: Mapping[str, float]) -> None:
        """Each term's BM25 term weight in each field, times the field's weight, summed.

        Times the term's idf, it is the term's score in this part.
        """
        per_field: dict[str, dict[str, float]] = {}
        for unit in self.units:
            for field, counts in unit.fields:
                merged = per_field.setdefault(field, {})
                for term, count in counts.items():
                    merged[term] = merged.get(term, 0.0) + count
        weighted: dict[str, float] = {}
        for field, counts in per_field.items():
            b = _B.get(field, _DEFAULT_B)
            norm = 1.0 - b + b * self.lengths[field] / averages[field]
            for term, count in counts.items():
                frequency = count / norm
                share = FIELD_WEIGHTS[field] * frequency / (_K1 + frequency)
                weighted[term] = weighted.get(term, 0.0) + share
        self.weighted = weighted


def _term_text(term: Term | None, fallback: str, compounds: dict[str, tuple[str, ...]]) -> str:
    """A vocabulary term's words: id, name and synonyms, each phrase also as one compound.

    The compound lets a query phrase ("machine learning") match the term as a
    whole, through the query's joining of adjacent words; ``compounds``
    learns its words.
    """
    if term is None:
        return fallback.replace("-", " ")
    phrases = (term.id, term.name, *term.synonyms)
    joined_up = []
    for phrase in phrases:
        spelled = [stem(word) for word, _ in words(phrase)]
        if len(spelled) > 1:
            whole = joined(*spelled)
            compounds.setdefault(whole, tuple(spelled))
            joined_up.append(whole)
    return " ".join((*phrases, *joined_up))


class _Vocab:
    """The vocabularies' terms by id, and the compounds seen in the indexed text."""

    def __init__(self, vocabularies: Vocabularies) -> None:
        self.features = {term.id: term for term in vocabularies.features}
        self.use_cases = {term.id: term for term in vocabularies.use_cases}
        self.languages = {term.id: term for term in vocabularies.languages}
        self.runtimes = {term.id: term for term in vocabularies.runtimes}
        self.compounds: dict[str, tuple[str, ...]] = {}

    def counts(self, field: str, text: str, credit: float = 1.0) -> tuple[str, dict[str, float]]:
        """``(field, term counts)`` of ``text``, noting its compounds' parts."""
        counts: dict[str, float] = {}
        for term in analyze(text, self.compounds):
            counts[term] = counts.get(term, 0.0) + credit
        return field, counts

    def fuzzy_words(self) -> Iterator[str]:
        for table in (self.features, self.use_cases, self.languages, self.runtimes):
            for term in table.values():
                yield from analyze(_term_text(term, term.id, self.compounds))

    # -- the units of each part ---------------------------------------------------------

    def names(self, record: Framework) -> list[_Unit]:
        units = [
            _Unit(
                MatchKind.NAME, record.name, (self.counts("name", f"{record.id} {record.name}"),)
            )
        ]
        units.extend(
            _Unit(MatchKind.ALIAS, alias, (self.counts("alias", alias),))
            for alias in record.aliases
        )
        return units

    def summary(self, record: Framework) -> list[_Unit]:
        return [
            _Unit(MatchKind.SUMMARY, record.summary, (self.counts("summary", record.summary),))
        ]

    def kind(self, record: Framework) -> list[_Unit]:
        kind = record.kind
        text = kind.value.value
        return [_Unit(MatchKind.KIND, text, (self.counts("kind", text),), kind)]

    def languages_of(self, record: Framework) -> list[_Unit]:
        languages: Fact[tuple[str, ...]] = record.languages
        units = []
        for language in languages.value:
            term = self.languages.get(language)
            shown = term.name if term is not None else language
            text = _term_text(term, language, self.compounds)
            units.append(
                _Unit(MatchKind.LANGUAGE, shown, (self.counts("language", text),), languages)
            )
        return units

    def runtime_of(self, record: Framework) -> list[_Unit]:
        runtime = record.runtime
        if runtime is None:
            return []
        term = self.runtimes.get(runtime.value)
        shown = term.name if term is not None else runtime.value
        text = _term_text(term, runtime.value, self.compounds)
        return [_Unit(MatchKind.RUNTIME, shown, (self.counts("runtime", text),), runtime)]

    def features_of(self, record: Framework) -> list[_Unit]:
        units = []
        for feature in record.features:
            credit = _SUPPORT_CREDIT.get(feature.support)
            if credit is None:
                continue  # not provided: a search for it must not find it
            term = self.features.get(feature.feature)
            name = term.name if term is not None else feature.feature
            by = f" ({feature.provided_by})" if feature.provided_by else ""
            detail = " ".join(
                (term.description if term else "", feature.provided_by, feature.note)
            )
            fields = (
                self.counts("feature", _term_text(term, feature.feature, self.compounds), credit),
                self.counts("detail", detail, credit),
            )
            units.append(
                _Unit(MatchKind.FEATURE, f"{name}: {feature.support.value}{by}", fields, feature)
            )
        return units

    def use_cases_of(self, record: Framework) -> list[_Unit]:
        units = []
        for use in record.use_cases:
            term = self.use_cases.get(use.use_case)
            fields = [self.counts("use-case-text", use.text)]
            if use.suited:  # "not suited for X" must not find it for X
                fields.insert(
                    0, self.counts("use-case", _term_text(term, use.use_case, self.compounds))
                )
            units.append(_Unit(MatchKind.USE_CASE, use.text, tuple(fields), use))
        return units

    def claims_of(self, kind: MatchKind, field: str, claims: Iterable[Claim]) -> list[_Unit]:
        return [_Unit(kind, c.text, (self.counts(field, c.text),), c) for c in claims]

    def qualities_of(self, record: Framework) -> list[_Unit]:
        return [
            _Unit(MatchKind.QUALITY, q.text, (self.counts("quality", q.text),), q)
            for q in record.qualities
        ]

    def users_of(self, record: Framework) -> list[_Unit]:
        return [
            _Unit(MatchKind.USER, u.name, (self.counts("user", u.name),), u)
            for u in record.notable_users
        ]

    def parts(self, record: Framework) -> Iterator[tuple[object, Callable[[], list[_Unit]]]]:
        """Each shareable part of ``record``: the field value it rests on, and its units."""
        yield record.languages, lambda: self.languages_of(record)
        yield record.runtime, lambda: self.runtime_of(record)
        yield record.kind, lambda: self.kind(record)
        yield record.summary, lambda: self.summary(record)
        yield record.features, lambda: self.features_of(record)
        yield record.use_cases, lambda: self.use_cases_of(record)
        yield record.pros, lambda: self.claims_of(MatchKind.PRO, "pro", record.pros)
        yield record.cons, lambda: self.claims_of(MatchKind.CON, "con", record.cons)
        yield record.claims, lambda: self.claims_of(MatchKind.CLAIM, "claim", record.claims)
        yield record.qualities, lambda: self.qualities_of(record)
        yield record.notable_users, lambda: self.users_of(record)


def _field_weight(unit: _Unit, term: str) -> float:
    """The weight of the heaviest field of ``unit`` that holds ``term``."""
    return max(
        (FIELD_WEIGHTS[field] for field, counts in unit.fields if term in counts), default=0.0
    )


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _neighbourhood(word: str) -> set[str]:
    """The word and what is left of it after one deletion, or two in a long word.

    Two words within the allowed edits share a member of their
    neighbourhoods (the symmetric-deletion method of SymSpell).
    """
    found = {word} | _deletes(word)
    if len(word) >= _LONG_WORD:
        found |= {shorter for variant in _deletes(word) for shorter in _deletes(variant)}
    return found


def _distance(first: str, second: str) -> int:
    """Edit distance with adjacent transpositions (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            cost = 0 if a == b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]


class SearchIndex:
    """The inverted index of one knowledge base's records; see the module's notes.

    Built by :meth:`KnowledgeBase.search` on first use; immutable afterwards,
    so one index serves every thread.
    """

    __slots__ = (
        "_compounds",
        "_document_frequency",
        "_exact",
        "_fuzzy_deletes",
        "_parts_of",
        "_postings",
        "_records",
        "_squashed",
        "_terms",
    )

    def __init__(self, records: Sequence[Framework], vocabularies: Vocabularies) -> None:
        vocab = _Vocab(vocabularies)
        self._records = tuple(records)  # holds every field value, so the ids below stay valid
        shared: dict[tuple[int, int], _Part] = {}
        self._parts_of: list[tuple[_Part, ...]] = []
        for index, record in enumerate(self._records):
            own = [_Part(vocab.names(record))]
            for slot, (value, build) in enumerate(vocab.parts(record)):
                key = (slot, id(value))
                part = shared.get(key)
                if part is None:
                    part = shared[key] = _Part(build())
                own.append(part)
            for part in own:
                part.members.append(index)
            self._parts_of.append(tuple(own))
        parts = [own[0] for own in self._parts_of] + list(shared.values())
        totals: dict[str, float] = dict.fromkeys(_FIELDS, 0.0)
        for part in parts:
            for field, length in part.lengths.items():
                totals[field] += length * len(part.members)
        count = max(len(self._records), 1)
        averages = {field: max(totals[field] / count, 1.0) for field in _FIELDS}
        self._postings: dict[str, list[_Part]] = {}
        for part in parts:
            part.weigh(averages)
            part.members.sort(key=lambda member: self._records[member].id)
            for term in part.weighted:
                self._postings.setdefault(term, []).append(part)
        self._document_frequency = self._frequencies()
        self._terms = sorted(self._document_frequency)
        fuzzy = {
            term
            for own in self._parts_of
            for unit in own[0].units
            for term in unit.terms
            if term.isalpha() and len(term) >= _MIN_TYPO
        }
        fuzzy.update(t for t in vocab.fuzzy_words() if t.isalpha() and len(t) >= _MIN_TYPO)
        self._fuzzy_deletes: dict[str, set[str]] = {}
        for term in fuzzy:
            for variant in _neighbourhood(term):
                self._fuzzy_deletes.setdefault(variant, set()).add(term)
        self._compounds = vocab.compounds
        self._exact: dict[str, int] = {}
        self._squashed: dict[str, int] = {}
        for index, record in enumerate(self._records):
            for name in (record.id, record.name, *record.aliases):
                self._exact.setdefault(exact_key(name), index)
                self._squashed.setdefault(normalize(name), index)

    @property
    def records(self) -> tuple[Framework, ...]:
        """The indexed records, in the order ``search`` numbers them."""
        return self._records

    def exact(self, text: str) -> int | None:
        """The index of the record whose id, name or alias the text is, word for word.

        One word also names a record whose name it spells without spaces
        (``rubyonrails``); several words must match word for word, so
        ``d jango`` names nothing.
        """
        key = exact_key(text)
        found = self._exact.get(key)
        if found is None and key and " " not in key:
            found = self._squashed.get(normalize(text))
        return found

    def _frequencies(self) -> dict[str, int]:
        """How many records hold each term, counting each record once.

        Records with the same shared parts have the same terms there: each
        such group's terms are gathered once, and only the terms of a
        record's own parts (its names, say) are looked at record by record.
        """
        groups: dict[tuple[int, ...], tuple[set[str], list[int]]] = {}
        frequency: Counter[str] = Counter()
        for own in self._parts_of:
            shared = [part for part in own if len(part.members) > 1]
            key = tuple(id(part) for part in shared)
            group = groups.get(key)
            if group is None:
                terms = {term for part in shared for term in part.weighted}
                group = groups[key] = (terms, [0])
            group[1][0] += 1
            alone = {term for part in own if len(part.members) == 1 for term in part.weighted}
            frequency.update(alone - group[0])
        for terms, size in groups.values():
            for term in terms:
                frequency[term] += size[0]
        return dict(frequency)

    # -- the query side ---------------------------------------------------------

    def idf(self, term: str) -> float:
        """BM25's inverse document frequency of ``term`` over the indexed records."""
        total = len(self._records)
        frequency = self._document_frequency.get(term, 0)
        return math.log(1.0 + (total - frequency + 0.5) / (frequency + 0.5))

    def _known(self, term: str) -> bool:
        return term in self._document_frequency

    def _prefixed(self, prefix: str) -> list[str]:
        """The terms that begin with ``prefix`` (the shortest first, at most 40)."""
        start = bisect.bisect_left(self._terms, prefix)
        end = bisect.bisect_left(self._terms, prefix + "\U0010ffff", start)
        return sorted(self._terms[start:end], key=len)[:_MAX_EXPANSIONS]

    def _typos(self, word: str) -> list[str]:
        if len(word) > _MAX_TYPO_WORD:
            return []  # longer than any name worth correcting; and the work would grow
        allowed = 2 if len(word) >= _LONG_WORD else 1
        variants = _neighbourhood(word)
        candidates = set().union(*(self._fuzzy_deletes.get(v, set()) for v in variants))
        return sorted(c for c in candidates if c != word and _distance(word, c) <= allowed)

    def expand(self, word: str) -> dict[str, float]:
        """The index terms ``word`` reaches, each with its credit: share times idf.

        A term reached by prefix or typo never earns more idf than the word
        itself would: a rare compound does not outrank the common word typed.
        """
        reached = self._reach(word)
        cap = self.idf(word) if self._known(word) else math.inf
        return {term: share * min(self.idf(term), cap) for term, share in reached.items()}

    def _reach(self, word: str) -> dict[str, float]:
        reached: dict[str, float] = {}
        if self._known(word):
            reached[word] = 1.0
        if len(word) >= _MIN_PREFIX:
            for term in self._prefixed(word):
                reached.setdefault(term, _PREFIX_CREDIT)
        if len(word) >= _MIN_TRUNCATE:
            for term in self._prefixed(word[:-3]):
                reached.setdefault(term, _TRUNCATED_CREDIT)
        if word not in reached and len(word) >= _MIN_TYPO and word.isalpha():
            for term in self._typos(word):
                reached.setdefault(term, _TYPO_CREDIT)
        return reached

    def parse(self, text: str) -> list[tuple[str, float]]:
        """The query's terms, each with its share of the credit.

        Adjacent words whose join is a known term become that term; the
        longest join wins, up to three words (``mobile app backend`` is one
        term where a record or the vocabulary has ``mobileappbackend``). Where
        the records or the vocabulary write a term as several words
        (``real-time``, ``server-side rendering``), those words also count on
        their own, at :data:`PART_CREDIT`, however the query spells the term:
        ``realtime``, ``real-time`` and ``real time`` read the same.
        """
        plain = query_words(text)
        parsed: dict[str, float] = {}
        position = 0
        while position < len(plain):
            window = self._longest_join(plain[position : position + 3])
            compound = joined(*(word for word, _ in window))
            parsed[compound] = 1.0
            for part in self._split(compound):
                parsed.setdefault(part, PART_CREDIT)
            position += len(window)
        return list(parsed.items())

    def _longest_join(
        self, words: Sequence[tuple[str, tuple[str, ...]]]
    ) -> Sequence[tuple[str, tuple[str, ...]]]:
        """The longest leading run of ``words`` whose join is a known term, or the first."""
        for size in range(len(words), 1, -1):
            if self._known(joined(*(word for word, _ in words[:size]))):
                return words[:size]
        return words[:1]

    def _split(self, word: str) -> tuple[str, ...]:
        """The words of a term the records or the vocabulary write apart, or ``()``."""
        return self._compounds.get(word, ())

    def _score(
        self, expansions: Sequence[Mapping[str, float]], *parts: Mapping[str, float]
    ) -> float:
        """Each query word's best reached term: its credit times its idf and weight here."""
        total = 0.0
        for reached in expansions:
            best = 0.0
            for term, credit in reached.items():
                weight = sum(part.get(term, 0.0) for part in parts)
                if weight:
                    best = max(best, credit * weight)
            total += best
        return total

    def search(
        self, text: str, limit: int | None, exact: int | None
    ) -> list[tuple[int, float, tuple[Match, ...]]]:
        """``(record index, score, matches)`` best first; ``exact`` is the index named.

        A record's score is the sum of its parts' scores; each part is scored
        once, however many records share it. Equal scores are ordered by how
        many of the query's own words the record contains (a phrase joined
        into one term still counts its words), then by id.
        """
        parsed = self.parse(text)
        expansions = [
            {term: share * credit for term, credit in self.expand(word).items()}
            for word, share in parsed
        ]
        words = unique(word for word, _ in query_words(text))
        scores: dict[int, float] = {}
        found: dict[int, set[str]] = {}
        seen: set[int] = set()
        for reached in expansions:
            for term in reached:
                for part in self._postings.get(term, ()):
                    if id(part) in seen:
                        continue
                    seen.add(id(part))
                    score = self._score(expansions, part.weighted)
                    has = {word for word in words if word in part.weighted}
                    for member in part.members:
                        scores[member] = scores.get(member, 0.0) + score
                        if has:
                            found.setdefault(member, set()).update(has)
        if exact is not None:
            scores.setdefault(exact, 0.0)
        keys = (
            (index != exact, -score, -len(found.get(index, ())), self._records[index].id, index)
            for index, score in scores.items()
            if score > 0 or index == exact
        )
        best = sorted(keys) if limit is None else heapq.nsmallest(limit, keys)
        names = [word for word, _ in parsed]
        return [
            (key[-1], -key[1], self._matches(key[-1], names, expansions, exact=not key[0]))
            for key in best
        ]

    def _matches(
        self,
        index: int,
        words: Sequence[str],
        expansions: Sequence[Mapping[str, float]],
        *,
        exact: bool = False,
    ) -> tuple[Match, ...]:
        """The record's pieces that the query's words reach, the best first.

        The record a query names shows its name first, matched or not.
        """
        found: list[tuple[float, int, int, Match]] = []
        units = [unit for part in self._parts_of[index] for unit in part.units]
        everything = {term for reached in expansions for term in reached}
        for position, unit in enumerate(units):
            terms = unit.terms
            if terms.isdisjoint(everything) and not (exact and position == 0):
                continue
            matched: list[str] = []
            score = 0.0
            for word, reached in zip(words, expansions, strict=True):
                credit = max(
                    (
                        c * _field_weight(unit, term)
                        for term, c in reached.items()
                        if term in terms
                    ),
                    default=0.0,
                )
                if credit:
                    score += credit
                    matched.append(word)
            if exact and position == 0:
                named = Match(unit.kind, unit.text, tuple(matched), round(score, 6))
                found.append((-math.inf, 0, 0, named))
                continue
            if matched:
                match = Match(
                    unit.kind, unit.text, tuple(matched), round(score, 6), unit.statement
                )
                found.append((-score, _ORDER[unit.kind], position, match))
        found.sort(key=lambda item: item[:3])
        return tuple(item[3] for item in found)


def run_search(index: SearchIndex, text: object, limit: object = None) -> tuple[SearchHit, ...]:
    """The records matching ``text``, best first, ties by id."""
    if not isinstance(text, str):
        raise InvalidQueryError.wrong_type(
            f"search text must be a string, not {type(text).__name__}"
        )
    count = check_limit(limit)
    if len(text) > MAX_QUERY_CHARS:
        raise InvalidQueryError(
            f"search text is {len(text):,} characters; the most accepted is {MAX_QUERY_CHARS:,}"
        )
    if not any(True for _ in words(text)):
        raise InvalidQueryError(
            f"search text {text!r} has no words to search for; give at least one word"
        )
    exact = index.exact(text)
    if exact is None and only_stop_words(text):
        raise InvalidQueryError(
            f"search text {text!r} has only common words, which match everything; "
            "add a word that says what to look for"
        )
    distinct = len(unique(word for word, _ in query_words(text)))
    if distinct > MAX_QUERY_WORDS:
        raise InvalidQueryError(
            f"search text has {distinct} distinct words; the most accepted is {MAX_QUERY_WORDS}"
        )
    records = index.records
    return tuple(
        SearchHit(records[i], round(score, 6), matches, exact=i == exact)
        for i, score, matches in index.search(text, count, exact)
    )
