"""Filters over a knowledge base: keyword filters, composable predicates, indexes.

Every keyword filter is answered from an :class:`_Index` built once per
knowledge base: a map from each filter value to the frozenset of ids of the
records that have it. A query intersects those sets, then looks at only the
records left; plain callables (and negations or unions of them) are tested
on that candidate set only.
"""

from __future__ import annotations

import bisect
import enum
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from ._errors import InvalidQueryError, UnknownFrameworkError
from ._model import (
    Fact,
    Framework,
    Kind,
    Level,
    Philosophy,
    Quality,
    RelationKind,
    SupportLevel,
)
from ._names import normalize, suggest

if TYPE_CHECKING:
    from ._kb import KnowledgeBase

__all__ = ["Predicate", "where"]

E = TypeVar("E", bound=enum.Enum)
Key = tuple[Any, ...]
_EMPTY: frozenset[str] = frozenset()

# -- the index ---------------------------------------------------------------


class _Index:
    """Record ids by filter value, for one knowledge base (or one record)."""

    __slots__ = ("_sets", "_values", "_year_sets", "_years", "all", "backend", "by_id", "ordered")

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
                sets["relation", relation.kind, relation.target].add(rid)
            for source_id in record.source_ids:
                sets["mentioned_by", source_id].add(rid)
        self._sets = {key: frozenset(ids) for key, ids in sets.items()}
        values: defaultdict[str, set[Any]] = defaultdict(set)
        for key in self._sets:
            values[key[0]].add(key[1])
        self._values = {field: frozenset(found) for field, found in values.items()}
        self._years = sorted(years)
        self._year_sets = [frozenset(years[year]) for year in self._years]
        self.all = frozenset(self.by_id)
        self.backend = frozenset(record.id for record in self.ordered if record.is_backend)

    def ids(self, *key: object) -> frozenset[str]:
        """The ids of the records with this filter value."""
        return self._sets.get(key, _EMPTY)

    def values(self, field: str) -> frozenset[Any]:
        """Every value of one field that some record has."""
        return self._values.get(field, frozenset())

    def released(self, low: int | None, high: int | None) -> frozenset[str]:
        """The ids of the records first released in ``[low, high]``."""
        start = 0 if low is None else bisect.bisect_left(self._years, low)
        stop = len(self._years) if high is None else bisect.bisect_right(self._years, high)
        chosen = self._year_sets[start:stop]
        if len(chosen) == 1:
            return chosen[0]
        return frozenset().union(*chosen)


def _index_of(kb: KnowledgeBase) -> _Index:
    """The knowledge base's index, built on first use under its lock."""
    built: _Index | None = kb._query_index
    if built is None:
        with kb._index_lock:
            built = kb._query_index
            if built is None:
                built = _Index(kb.frameworks(include_related=True))
                kb._query_index = built
    return built


# -- parsing keyword filters ---------------------------------------------------

_VOCABULARY = {
    "language": "languages",
    "runtime": "runtimes",
    "architecture": "architectures",
    "feature": "features",
    "use_case": "use_cases",
    "license": None,
}
_RELATIONS = {kind.value.replace("-", "_"): kind for kind in RelationKind}
_QUALITIES = {
    f"{quality.value.replace('-', '_')}_{bound}": (quality, bound)
    for quality in Quality
    for bound in ("at_most", "at_least")
}
_SIMPLE = ("kind", "philosophy", "open_source", "first_release", "min_support", "mentioned_by")
KEYWORDS: tuple[str, ...] = tuple(sorted([*_VOCABULARY, *_RELATIONS, *_QUALITIES, *_SIMPLE]))
"""Every keyword filter that :func:`where` and ``query`` accept."""


def _suggestions(value: str, choices: Iterable[str]) -> tuple[str, ...]:
    return suggest(value, {normalize(choice): choice for choice in choices})


def _type_name(value: object) -> str:
    return type(value).__name__


def _texts(field: str, value: object) -> tuple[str, ...]:
    """A string, or an iterable of strings meaning "any of"."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable) and not isinstance(value, (bytes, Mapping)):
        items = tuple(value)
        for item in items:
            if not isinstance(item, str):
                raise InvalidQueryError(
                    f"{field} takes strings, but got {item!r} ({_type_name(item)})"
                )
        if not items:
            raise InvalidQueryError(f"{field} needs at least one value, not an empty collection")
        return items
    raise InvalidQueryError(
        f"{field} takes a string or an iterable of strings, not {_type_name(value)}"
    )


def _member(cls: type[E], field: str, value: object) -> E:
    """An enum member from itself, its value or its name, ignoring case and punctuation."""
    if isinstance(value, cls):
        return value
    if not isinstance(value, str):
        raise InvalidQueryError(
            f"{field} takes a {cls.__name__} or its string value, not {_type_name(value)}"
        )
    by_key: dict[str, E] = {}
    for member in cls:
        by_key[normalize(member.name)] = member
        by_key[normalize(str(member.value))] = member
    found = by_key.get(normalize(value))
    if found is None:
        choices = [str(member.value) for member in cls]
        raise InvalidQueryError(
            f"unknown {field} value {value!r} (expected one of {', '.join(choices)})",
            _suggestions(value, choices),
        )
    return found


def _members(cls: type[E], field: str, value: object) -> tuple[E, ...]:
    if isinstance(value, (cls, str)):
        return (_member(cls, field, value),)
    if isinstance(value, Iterable) and not isinstance(value, (bytes, Mapping)):
        items = tuple(_member(cls, field, item) for item in value)
        if not items:
            raise InvalidQueryError(f"{field} needs at least one value, not an empty collection")
        return items
    raise InvalidQueryError(
        f"{field} takes a {cls.__name__}, its string value, or an iterable of them, "
        f"not {_type_name(value)}"
    )


def _year(field: str, value: object) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise InvalidQueryError(f"{field} bounds must be int years or None, not {_type_name(value)}")


def _years(value: object) -> tuple[int | None, int | None]:
    if isinstance(value, int) and not isinstance(value, bool):
        return value, value
    if isinstance(value, (tuple, list)) and len(value) == 2:  # noqa: PLR2004 - a (min, max) pair
        low, high = _year("first_release", value[0]), _year("first_release", value[1])
        if low is not None and high is not None and low > high:
            raise InvalidQueryError(f"first_release range {low}..{high} is empty (min > max)")
        return low, high
    raise InvalidQueryError(
        f"first_release takes an int year or a (min, max) pair, not {_type_name(value)}"
    )


@attrs.frozen
class _Clause:
    """One parsed keyword filter: a field and its checked (not yet resolved) values."""

    field: str
    values: tuple[Any, ...]
    extra: Any = None


def _parse(filters: Mapping[str, object]) -> tuple[_Clause, ...]:
    """Check keywords and types; vocabulary values are checked when bound to a knowledge base."""
    clauses: list[_Clause] = []
    min_support = SupportLevel.ECOSYSTEM
    if "min_support" in filters:
        if "feature" not in filters:
            msg = "min_support applies to the feature filter; give feature= too"
            raise InvalidQueryError(msg)
        min_support = _member(SupportLevel, "min_support", filters["min_support"])
    for field, value in sorted(filters.items()):
        if field == "min_support":
            continue
        if field in _VOCABULARY:
            clauses.append(_Clause(field, _texts(field, value), min_support))
        elif field in _RELATIONS:
            clauses.append(_Clause("relation", _texts(field, value), _RELATIONS[field]))
        elif field in _QUALITIES:
            quality, bound = _QUALITIES[field]
            clauses.append(_Clause(bound, (_member(Level, field, value),), quality))
        elif field == "kind":
            clauses.append(_Clause(field, _members(Kind, field, value)))
        elif field == "philosophy":
            clauses.append(_Clause(field, _members(Philosophy, field, value)))
        elif field == "open_source":
            if not isinstance(value, bool):
                raise InvalidQueryError(
                    f"open_source takes True or False, not {_type_name(value)}"
                )
            clauses.append(_Clause(field, (value,)))
        elif field == "first_release":
            clauses.append(_Clause(field, _years(value)))
        elif field == "mentioned_by":
            clauses.append(_Clause(field, _texts(field, value)))
        else:
            raise InvalidQueryError(f"unknown filter {field!r}", _suggestions(field, KEYWORDS))
    return tuple(clauses)


# -- binding to a knowledge base -------------------------------------------------


class _Resolver:
    """Checks filter values against one knowledge base's vocabularies and records."""

    def __init__(self, kb: KnowledgeBase, index: _Index) -> None:
        self.kb = kb
        self.index = index

    def vocabulary(self, field: str, value: str) -> str:
        vocabulary = _VOCABULARY[field]
        known: dict[str, str] = {str(v): str(v) for v in self.index.values(field)}
        if vocabulary is not None:
            for term in getattr(self.kb.vocabularies, vocabulary):
                known[term.id] = term.id
                known.setdefault(normalize(term.name), term.id)
        if value in known:
            return known[value]
        folded = {normalize(key): target for key, target in known.items()}
        found = folded.get(normalize(value))
        if found is not None:
            return found
        raise InvalidQueryError(
            f"unknown {field.replace('_', ' ')} {value!r}",
            _suggestions(value, sorted(set(known.values()))),
        )

    def framework(self, field: str, name: str) -> str:
        try:
            return self.kb.get(name).id
        except UnknownFrameworkError as error:
            raise InvalidQueryError(
                f"{field}: unknown framework {name!r}", error.suggestions
            ) from None

    def source(self, name: str) -> str:
        if name in self.kb_source_ids:
            return name
        raise InvalidQueryError(
            f"mentioned_by: unknown source {name!r}",
            _suggestions(name, sorted(self.kb_source_ids)),
        )

    @property
    def kb_source_ids(self) -> frozenset[str]:
        return frozenset(source.id for source in self.kb.sources())


def _clause_ids(clause: _Clause, resolver: _Resolver, index: _Index) -> frozenset[str]:
    """The ids matching one clause, as a union of index sets."""
    field = clause.field
    keys: list[Key]
    if field == "first_release":
        return index.released(*clause.values)
    if field == "feature":
        keys = [
            ("feature", resolver.vocabulary(field, value), clause.extra) for value in clause.values
        ]
    elif field in _VOCABULARY:
        keys = [(field, resolver.vocabulary(field, value)) for value in clause.values]
    elif field == "relation":
        name = clause.extra.value.replace("-", "_")
        keys = [("relation", clause.extra, resolver.framework(name, v)) for v in clause.values]
    elif field in ("at_most", "at_least"):
        (limit,) = clause.values
        levels = [
            level for level in Level if (level <= limit if field == "at_most" else level >= limit)
        ]
        keys = [("quality", clause.extra, level) for level in levels]
    elif field == "mentioned_by":
        keys = [("mentioned_by", resolver.source(value)) for value in clause.values]
    else:  # kind, philosophy, open_source: already checked values
        keys = [(field, value) for value in clause.values]
    found = [index.ids(*key) for key in keys]
    if len(found) == 1:
        return found[0]
    return frozenset().union(*found)


@attrs.frozen
class _Plan:
    """A predicate bound to an index: ids it may match and a test for the rest.

    The records matched are those in ``ids`` (every record when ``None``) that
    pass ``test`` (all of them when ``None``).
    """

    ids: frozenset[str] | None
    test: Callable[[Framework], bool] | None

    def holds(self, record: Framework) -> bool:
        return (self.ids is None or record.id in self.ids) and (
            self.test is None or self.test(record)
        )


# -- predicates ----------------------------------------------------------------


class Predicate:
    """A condition on records, combinable with ``&``, ``|`` and ``~``.

    Build one with :func:`where` from keyword filters, or wrap any callable
    ``Framework -> bool``. A predicate is itself such a callable (checked
    against the shipped knowledge base's vocabularies). Keyword parts use
    the knowledge base's indexes; callable parts only test the records the
    indexed parts leave.

    >>> import backend_frameworks as bf
    >>> python_or_php = bf.where(language="python") | bf.where(language="php")
    >>> not_micro = ~bf.where(kind="micro-framework")
    >>> "django" in [record.id for record in bf.query(python_or_php & not_micro)]
    True
    >>> bf.where(language="python")(bf.get("flask"))
    True
    """

    __slots__ = ("_describe",)

    def __init__(self) -> None:
        self._describe = "Predicate()"

    def _bind(self, resolver: _Resolver, index: _Index) -> _Plan:
        raise NotImplementedError

    def __call__(self, record: Framework) -> bool:
        from ._default import default_knowledge_base  # noqa: PLC0415 - avoids an import cycle

        kb = default_knowledge_base()
        return self._bind(_Resolver(kb, _index_of(kb)), _Index([record])).holds(record)

    def __and__(self, other: object) -> Predicate:
        return _And(self, as_predicate(other))

    def __rand__(self, other: object) -> Predicate:
        return _And(as_predicate(other), self)

    def __or__(self, other: object) -> Predicate:
        return _Or(self, as_predicate(other))

    def __ror__(self, other: object) -> Predicate:
        return _Or(as_predicate(other), self)

    def __invert__(self) -> Predicate:
        return _Not(self)

    def __repr__(self) -> str:
        return self._describe


class _Where(Predicate):
    __slots__ = ("_clauses",)

    def __init__(self, filters: Mapping[str, object]) -> None:
        self._clauses = _parse(filters)
        self._describe = "where(" + ", ".join(f"{k}={v!r}" for k, v in filters.items()) + ")"

    def _bind(self, resolver: _Resolver, index: _Index) -> _Plan:
        ids: frozenset[str] | None = None
        found = sorted((_clause_ids(c, resolver, index) for c in self._clauses), key=len)
        for matched in found:
            ids = matched if ids is None else ids & matched
        return _Plan(ids, None)


class _Callable(Predicate):
    __slots__ = ("_function",)

    def __init__(self, function: Callable[[Framework], bool]) -> None:
        self._function = function
        self._describe = f"Predicate({function!r})"

    def _bind(self, resolver: _Resolver, index: _Index) -> _Plan:  # noqa: ARG002
        return _Plan(None, self._function)

    def __call__(self, record: Framework) -> bool:
        return bool(self._function(record))


class _And(Predicate):
    __slots__ = ("_left", "_right")

    def __init__(self, left: Predicate, right: Predicate) -> None:
        self._left, self._right = left, right
        self._describe = f"({left!r} & {right!r})"

    def _bind(self, resolver: _Resolver, index: _Index) -> _Plan:
        left, right = self._left._bind(resolver, index), self._right._bind(resolver, index)
        if left.ids is None or right.ids is None:
            ids = left.ids if right.ids is None else right.ids
        else:
            ids = left.ids & right.ids
        tests = [plan.test for plan in (left, right) if plan.test is not None]
        if not tests:
            return _Plan(ids, None)
        if len(tests) == 1:
            return _Plan(ids, tests[0])
        first, second = tests
        return _Plan(ids, lambda record: first(record) and second(record))


class _Or(Predicate):
    __slots__ = ("_left", "_right")

    def __init__(self, left: Predicate, right: Predicate) -> None:
        self._left, self._right = left, right
        self._describe = f"({left!r} | {right!r})"

    def _bind(self, resolver: _Resolver, index: _Index) -> _Plan:
        left, right = self._left._bind(resolver, index), self._right._bind(resolver, index)
        ids = None if left.ids is None or right.ids is None else left.ids | right.ids
        if left.test is None and right.test is None:
            return _Plan(ids, None)
        return _Plan(ids, lambda record: left.holds(record) or right.holds(record))


class _Not(Predicate):
    __slots__ = ("_inner",)

    def __init__(self, inner: Predicate) -> None:
        self._inner = inner
        self._describe = f"~{inner!r}"

    def _bind(self, resolver: _Resolver, index: _Index) -> _Plan:
        inner = self._inner._bind(resolver, index)
        if inner.test is None:
            return _Plan(index.all - inner.ids if inner.ids is not None else _EMPTY, None)
        return _Plan(None, lambda record: not inner.holds(record))


def as_predicate(value: object) -> Predicate:
    """A predicate from a predicate or a plain callable ``Framework -> bool``."""
    if isinstance(value, Predicate):
        return value
    if callable(value):
        return _Callable(value)
    raise InvalidQueryError(
        f"a predicate must be a Predicate or a callable Framework -> bool, not {_type_name(value)}"
    )


def where(**filters: object) -> Predicate:
    """A predicate from keyword filters, combined with AND.

    Takes the same keywords as :func:`query`; combine the result with ``&``,
    ``|`` and ``~``. Keywords and types are checked at once; vocabulary
    values (languages, features...) when the predicate is used.

    >>> import backend_frameworks as bf
    >>> orm = bf.where(feature="orm", min_support="built-in")
    >>> python_orm = bf.query(orm & bf.where(language="python"))
    >>> "django" in [r.id for r in python_orm], "flask" in [r.id for r in python_orm]
    (True, False)

    Raises:
        InvalidQueryError: an unknown keyword or a value of the wrong type.
    """
    return _Where(filters)


# -- running a query -------------------------------------------------------------

_SORTABLE = (
    "id",
    "name",
    "summary",
    "kind",
    "languages",
    "runtime",
    "architecture",
    "license",
    "open_source",
    "first_release",
    "creator",
    "steward",
    "website",
    "repository",
)


def _sort_key(sort: object) -> Callable[[Framework], Any] | None:
    if sort is None:
        return None
    if callable(sort) and not isinstance(sort, str):
        return cast("Callable[[Framework], Any]", sort)
    if not isinstance(sort, str):
        raise InvalidQueryError(
            f"sort takes a field name or a key callable, not {_type_name(sort)}"
        )
    if sort not in _SORTABLE:
        raise InvalidQueryError(f"cannot sort by {sort!r}", _suggestions(sort, _SORTABLE))

    def key(record: Framework) -> tuple[bool, Any]:
        value: Any = getattr(record, sort)
        if isinstance(value, Fact):
            value = value.value
        if isinstance(value, enum.Enum):
            value = value.value
        return (value is None, value if value is not None else 0)

    return key


def run_query(
    kb: KnowledgeBase,
    predicates: tuple[object, ...],
    filters: Mapping[str, object],
    *,
    sort: object = None,
    limit: object = None,
    include_related: object = False,
) -> tuple[Framework, ...]:
    """The records of ``kb`` that satisfy every predicate and keyword filter."""
    key = _sort_key(sort)
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 0):
        raise InvalidQueryError(f"limit takes a non-negative int or None, not {limit!r}")
    if not isinstance(include_related, bool):
        raise InvalidQueryError(
            f"include_related takes True or False, not {_type_name(include_related)}"
        )
    parts = [as_predicate(predicate) for predicate in predicates]
    if filters:
        parts.append(where(**filters))
    index = _index_of(kb)
    resolver = _Resolver(kb, index)
    universe = index.all if include_related else index.backend
    plan = _Plan(universe, None)
    for part in parts:
        bound = part._bind(resolver, index)
        ids = plan.ids if bound.ids is None or plan.ids is None else plan.ids & bound.ids
        tests = [t for t in (plan.test, bound.test) if t is not None]
        test = tests[0] if len(tests) == 1 else None
        if len(tests) == 2:  # noqa: PLR2004
            first, second = tests
            test = lambda r, f=first, s=second: f(r) and s(r)  # noqa: E731
        plan = _Plan(ids, test)
    assert plan.ids is not None  # noqa: S101 - the universe bounds every plan
    if len(plan.ids) * 8 < len(index.ordered):
        records = [index.by_id[rid] for rid in sorted(plan.ids)]
    else:
        records = [record for record in index.ordered if record.id in plan.ids]
    if plan.test is not None:
        records = [record for record in records if plan.test(record)]
    if key is not None:
        records.sort(key=key)
    if limit is not None:
        records = records[:limit]
    return tuple(records)
