"""Filters over a knowledge base: keyword filters and composable predicates.

Each keyword of :func:`where` compiles once, when the predicate is made, to a
function that resolves its values against a knowledge base (vocabularies,
record names, source ids) and returns the matching ids from the knowledge
base's :class:`~backend_frameworks._index.FilterIndex`. A query intersects
those sets, then looks at only the records left; plain callables (and
negations or unions of them) are tested on that candidate set only.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from ._errors import InvalidQueryError, UnknownFrameworkError
from ._index import FilterIndex
from ._lifecycle import as_day
from ._model import Fact, Framework, Kind, Level, Philosophy, Quality, RelationKind, SupportLevel
from ._names import normalize, suggest

if TYPE_CHECKING:
    from ._kb import KnowledgeBase

__all__ = ["KEYWORDS", "Predicate", "as_predicate", "run_query", "where"]

E = TypeVar("E", bound=enum.Enum)
_EMPTY: frozenset[str] = frozenset()


# -- the context a predicate is planned in ----------------------------------------


@attrs.frozen
class _Context:
    """One knowledge base and its filter index, against which values are resolved."""

    kb: KnowledgeBase
    index: FilterIndex

    def term(self, field: str, vocabulary: str | None, value: str) -> str:
        """A vocabulary id (or a value some record has), matched loosely."""
        known: dict[str, str] = {str(v): str(v) for v in self.index.values(field)}
        if vocabulary is not None:
            for term in getattr(self.kb.vocabularies(), vocabulary):
                known[term.id] = term.id
                known.setdefault(normalize(term.name), term.id)
        if value in known:
            return known[value]
        found = {normalize(key): target for key, target in known.items()}.get(normalize(value))
        if found is not None:
            return found
        raise InvalidQueryError(
            f"unknown {field.replace('_', ' ')} {value!r}",
            _suggestions(value, sorted(set(known.values()))),
        )

    def framework(self, field: str, name: str) -> str:
        """The id of the record with this name."""
        try:
            return self.kb.get(name).id
        except UnknownFrameworkError as error:
            raise InvalidQueryError(
                f"{field}: unknown framework {name!r}", error.suggestions
            ) from None

    def source(self, source_id: str) -> str:
        """A known source id."""
        known = [source.id for source in self.kb.sources()]
        if source_id in known:
            return source_id
        raise InvalidQueryError(
            f"mentioned_by: unknown source {source_id!r}", _suggestions(source_id, known)
        )


@attrs.frozen
class _Plan:
    """A predicate planned in a context: ids it may match and a test for the rest.

    The records matched are those in ``ids`` (every record when ``None``) that
    pass ``test`` (all of them when ``None``).
    """

    ids: frozenset[str] | None
    test: Callable[[Framework], bool] | None

    def holds(self, record: Framework) -> bool:
        return (self.ids is None or record.id in self.ids) and (
            self.test is None or self.test(record)
        )

    def both(self, other: _Plan) -> _Plan:
        """The plan matching what both plans match."""
        if self.ids is None or other.ids is None:
            ids = self.ids if other.ids is None else other.ids
        else:
            ids = self.ids & other.ids
        first, second = self.test, other.test
        if first is None or second is None:
            return _Plan(ids, first if second is None else second)
        return _Plan(ids, lambda record: first(record) and second(record))


# -- checking keyword values (at where() time) ---------------------------------------


def _suggestions(value: str, choices: Iterable[str]) -> tuple[str, ...]:
    return suggest(value, {normalize(choice): choice for choice in choices})


def _type_name(value: object) -> str:
    return type(value).__name__


def _collection(value: object) -> bool:
    return isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping))


def _texts(field: str, value: object) -> tuple[str, ...]:
    """A string, or an iterable of strings meaning "any of"."""
    if isinstance(value, str):
        return (value,)
    if not _collection(value):
        raise InvalidQueryError.wrong_type(
            f"{field} takes a string or an iterable of strings, not {_type_name(value)}"
        )
    items = tuple(cast("Iterable[object]", value))
    for item in items:
        if not isinstance(item, str):
            raise InvalidQueryError.wrong_type(
                f"{field} takes strings, but got {item!r} ({_type_name(item)})"
            )
    if not items:
        raise InvalidQueryError(f"{field} needs at least one value, not an empty collection")
    return cast("tuple[str, ...]", items)


def member(cls: type[E], field: str, value: object) -> E:
    """An enum member from itself, its value or its name, ignoring case and punctuation."""
    if isinstance(value, cls):
        return value
    if not isinstance(value, str):
        raise InvalidQueryError.wrong_type(
            f"{field} takes a {cls.__name__} or its string value, not {_type_name(value)}"
        )
    by_key: dict[str, E] = {}
    for item in cls:
        by_key[normalize(item.name)] = item
        by_key[normalize(str(item.value))] = item
    found = by_key.get(normalize(value))
    if found is None:
        choices = [str(item.value) for item in cls]
        raise InvalidQueryError(
            f"unknown {field} value {value!r} (expected one of {', '.join(choices)})",
            _suggestions(value, choices),
        )
    return found


def _members(cls: type[E], field: str, value: object) -> tuple[E, ...]:
    if isinstance(value, (cls, str)):
        return (member(cls, field, value),)
    if not _collection(value):
        raise InvalidQueryError.wrong_type(
            f"{field} takes a {cls.__name__}, its string value, or an iterable of them, "
            f"not {_type_name(value)}"
        )
    items = tuple(member(cls, field, item) for item in cast("Iterable[object]", value))
    if not items:
        raise InvalidQueryError(f"{field} needs at least one value, not an empty collection")
    return items


def _year(value: object) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise InvalidQueryError.wrong_type(
        f"first_release bounds must be int years or None, not {_type_name(value)}"
    )


def _years(value: object) -> tuple[int | None, int | None]:
    if isinstance(value, int) and not isinstance(value, bool):
        return value, value
    if isinstance(value, (tuple, list)) and len(value) == 2:  # noqa: PLR2004 - a (min, max) pair
        low, high = _year(value[0]), _year(value[1])
        if low is not None and high is not None and low > high:
            raise InvalidQueryError(f"first_release range {low}..{high} is empty (min > max)")
        return low, high
    raise InvalidQueryError.wrong_type(
        f"first_release takes an int year or a (min, max) pair, not {_type_name(value)}"
    )


def _union(sets: Iterable[frozenset[str]]) -> frozenset[str]:
    found = tuple(sets)
    return found[0] if len(found) == 1 else frozenset().union(*found)


# -- compiling one keyword ---------------------------------------------------------------

Resolve = Callable[[_Context], frozenset[str]]
"""A compiled keyword: the ids it matches in a context."""


def _vocabulary(field: str, vocabulary: str | None) -> Callable[[object, SupportLevel], Resolve]:
    def compile_(value: object, min_support: SupportLevel) -> Resolve:
        texts = _texts(field, value)
        if field == "feature":
            return lambda c: _union(
                c.index.ids(field, c.term(field, vocabulary, t), min_support) for t in texts
            )
        return lambda c: _union(c.index.ids(field, c.term(field, vocabulary, t)) for t in texts)

    return compile_


def _relation(keyword: str, kind: RelationKind) -> Callable[[object, SupportLevel], Resolve]:
    def compile_(value: object, _: SupportLevel) -> Resolve:
        names = _texts(keyword, value)
        return lambda c: _union(
            c.index.ids("relation", kind, c.framework(keyword, name)) for name in names
        )

    return compile_


def _quality(
    keyword: str, quality: Quality, *, at_most: bool
) -> Callable[[object, SupportLevel], Resolve]:
    def compile_(value: object, _: SupportLevel) -> Resolve:
        limit = member(Level, keyword, value)
        levels = [level for level in Level if (level <= limit if at_most else level >= limit)]
        return lambda c: _union(c.index.ids("quality", quality, level) for level in levels)

    return compile_


def _enum_filter(field: str, cls: type[enum.Enum]) -> Callable[[object, SupportLevel], Resolve]:
    def compile_(value: object, _: SupportLevel) -> Resolve:
        values = _members(cls, field, value)
        return lambda c: _union(c.index.ids(field, item) for item in values)

    return compile_


def _open_source(value: object, _: SupportLevel) -> Resolve:
    flag = check_flag("open_source", value)
    return lambda c: c.index.ids("open_source", flag)


def _first_release(value: object, _: SupportLevel) -> Resolve:
    low, high = _years(value)
    return lambda c: c.index.released(low, high)


def _lts(value: object, _: SupportLevel) -> Resolve:
    flag = check_flag("lts", value)
    return lambda c: c.index.ids("lts", flag)


def _supported_on(value: object, _: SupportLevel) -> Resolve:
    if value is None:  # as_day reads None as today; a filter names its day
        raise InvalidQueryError.wrong_type("supported_on takes a date or 'YYYY-MM-DD', not None")
    day = as_day(value)
    return lambda c: c.index.supported_on(day)


def _mentioned_by(value: object, _: SupportLevel) -> Resolve:
    ids = _texts("mentioned_by", value)
    return lambda c: _union(c.index.ids("mentioned_by", c.source(item)) for item in ids)


_COMPILERS: dict[str, Callable[[object, SupportLevel], Resolve]] = {
    "language": _vocabulary("language", "languages"),
    "runtime": _vocabulary("runtime", "runtimes"),
    "architecture": _vocabulary("architecture", "architectures"),
    "feature": _vocabulary("feature", "features"),
    "use_case": _vocabulary("use_case", "use_cases"),
    "license": _vocabulary("license", None),
    "kind": _enum_filter("kind", Kind),
    "philosophy": _enum_filter("philosophy", Philosophy),
    "open_source": _open_source,
    "first_release": _first_release,
    "mentioned_by": _mentioned_by,
    "lts": _lts,
    "supported_on": _supported_on,
    **{
        kind.value.replace("-", "_"): _relation(kind.value.replace("-", "_"), kind)
        for kind in RelationKind
    },
    **{
        f"{quality.value.replace('-', '_')}_{bound}": _quality(
            f"{quality.value.replace('-', '_')}_{bound}", quality, at_most=bound == "at_most"
        )
        for quality in Quality
        for bound in ("at_most", "at_least")
    },
}

KEYWORDS: tuple[str, ...] = tuple(sorted([*_COMPILERS, "min_support"]))
"""Every keyword filter that :func:`where` and ``query`` accept."""


# -- predicates ------------------------------------------------------------------------


class Predicate:
    """A condition on records, combinable with ``&``, ``|`` and ``~``.

    Build one with :func:`where` from keyword filters, or wrap any callable
    ``Framework -> bool`` (by combining it with a predicate, or passing it to
    ``query``). A predicate is checked against the knowledge base it is used
    on: keyword parts use that knowledge base's indexes, callable parts only
    test the records the indexed parts leave.

    >>> import backend_frameworks as bf
    >>> python_or_php = bf.where(language="python") | bf.where(language="php")
    >>> not_micro = ~bf.where(kind="micro-framework")
    >>> "django" in [record.id for record in bf.query(python_or_php & not_micro)]
    True
    """

    __slots__ = ("_describe",)

    def __init__(self, describe: str) -> None:
        self._describe = describe

    def plan(self, context: _Context) -> _Plan:
        """The ids and test this predicate stands for in ``context``.

        :meta private:
        """
        raise NotImplementedError

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


class _Keyword(Predicate):
    __slots__ = ("resolve",)

    def __init__(self, describe: str, resolve: Resolve) -> None:
        super().__init__(describe)
        self.resolve = resolve

    def plan(self, context: _Context) -> _Plan:
        return _Plan(self.resolve(context), None)


class _Callable(Predicate):
    __slots__ = ("function",)

    def __init__(self, function: Callable[[Framework], object]) -> None:
        super().__init__(f"Predicate({function!r})")
        self.function = function

    def plan(self, context: _Context) -> _Plan:  # noqa: ARG002 - nothing to resolve
        function = self.function
        return _Plan(None, lambda record: bool(function(record)))


class _And(Predicate):
    __slots__ = ("left", "right")

    def __init__(self, left: Predicate, right: Predicate) -> None:
        super().__init__(f"({left!r} & {right!r})")
        self.left, self.right = left, right

    def plan(self, context: _Context) -> _Plan:
        return self.left.plan(context).both(self.right.plan(context))


class _Or(Predicate):
    __slots__ = ("left", "right")

    def __init__(self, left: Predicate, right: Predicate) -> None:
        super().__init__(f"({left!r} | {right!r})")
        self.left, self.right = left, right

    def plan(self, context: _Context) -> _Plan:
        left, right = self.left.plan(context), self.right.plan(context)
        ids = None if left.ids is None or right.ids is None else left.ids | right.ids
        if left.test is None and right.test is None:
            return _Plan(ids, None)
        return _Plan(ids, lambda record: left.holds(record) or right.holds(record))


class _Not(Predicate):
    __slots__ = ("inner",)

    def __init__(self, inner: Predicate) -> None:
        super().__init__(f"~{inner!r}")
        self.inner = inner

    def plan(self, context: _Context) -> _Plan:
        inner = self.inner.plan(context)
        if inner.test is None:
            assert inner.ids is not None  # noqa: S101 - a plan without a test has ids
            return _Plan(context.index.all - inner.ids, None)
        return _Plan(None, lambda record: not inner.holds(record))


class _Everything(Predicate):
    __slots__ = ()

    def plan(self, context: _Context) -> _Plan:  # noqa: ARG002
        return _Plan(None, None)


def as_predicate(value: object) -> Predicate:
    """A predicate from a predicate or a plain callable ``Framework -> bool``."""
    if isinstance(value, Predicate):
        return value
    if callable(value):
        return _Callable(value)
    raise InvalidQueryError.wrong_type(
        f"a predicate must be a Predicate or a callable Framework -> bool, not {_type_name(value)}"
    )


def where(**filters: object) -> Predicate:
    """A predicate from keyword filters, combined with AND.

    Takes the same keywords as :func:`query`; combine the result with ``&``,
    ``|`` and ``~``. Keywords, types and enumeration values are checked at
    once; vocabulary values (languages, features...), framework names and
    source ids against the knowledge base the predicate is used on.

    >>> import backend_frameworks as bf
    >>> orm = bf.where(feature="orm", min_support="built-in")
    >>> python_orm = bf.query(orm & bf.where(language="python"))
    >>> "django" in [r.id for r in python_orm], "flask" in [r.id for r in python_orm]
    (True, False)

    Raises:
        InvalidQueryError: an unknown keyword, an unknown enumeration value,
            or a value of the wrong type (then also a :class:`TypeError`).
    """
    min_support = SupportLevel.ECOSYSTEM
    if "min_support" in filters:
        if "feature" not in filters:
            msg = "min_support applies to the feature filter; give feature= too"
            raise InvalidQueryError(msg)
        min_support = member(SupportLevel, "min_support", filters["min_support"])
        if not min_support.provided:
            msg = "min_support 'none' matches nothing provided; use ~where(feature=...)"
            raise InvalidQueryError(msg, ("ecosystem",))
    parts: list[Predicate] = []
    for keyword, value in sorted(filters.items()):
        if keyword == "min_support":
            continue
        compile_ = _COMPILERS.get(keyword)
        if compile_ is None:
            raise InvalidQueryError(f"unknown filter {keyword!r}", _suggestions(keyword, KEYWORDS))
        describe = f"where({keyword}={value!r})"
        if keyword == "feature" and "min_support" in filters:
            describe = f"where(feature={value!r}, min_support={filters['min_support']!r})"
        parts.append(_Keyword(describe, compile_(value, min_support)))
    if not parts:
        return _Everything("where()")
    combined = parts[0]
    for part in parts[1:]:
        combined = _And(combined, part)
    return combined


# -- running a query --------------------------------------------------------------

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
    if callable(sort):
        return cast("Callable[[Framework], Any]", sort)
    if not isinstance(sort, str):
        raise InvalidQueryError.wrong_type(
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


def check_limit(limit: object) -> int | None:
    """A result limit: ``None`` or an int ``>= 0``."""
    if limit is None:
        return None
    if not isinstance(limit, int) or isinstance(limit, bool):
        raise InvalidQueryError.wrong_type(
            f"limit takes a non-negative int or None, not {_type_name(limit)}"
        )
    if limit < 0:
        raise InvalidQueryError(f"limit takes a non-negative int or None, not {limit!r}")
    return limit


def check_flag(name: str, value: object) -> bool:
    """A keyword that takes ``True`` or ``False``."""
    if not isinstance(value, bool):
        raise InvalidQueryError.wrong_type(f"{name} takes True or False, not {_type_name(value)}")
    return value


def run_query(
    kb: KnowledgeBase,
    index: FilterIndex,
    predicates: tuple[object, ...],
    filters: Mapping[str, object],
    *,
    sort: object = None,
    limit: object = None,
    include_related: object = False,
) -> tuple[Framework, ...]:
    """The records of ``kb`` (indexed by ``index``) that satisfy every predicate and filter."""
    key = _sort_key(sort)
    count = check_limit(limit)
    universe = index.all if check_flag("include_related", include_related) else index.backend
    parts = [as_predicate(predicate) for predicate in predicates]
    if filters:
        parts.append(where(**filters))
    context = _Context(kb, index)
    plan = _Plan(universe, None)
    for part in parts:
        plan = plan.both(part.plan(context))
    assert plan.ids is not None  # noqa: S101 - the universe bounds every plan
    if len(plan.ids) * 8 < len(index.ordered):
        records = [index.by_id[rid] for rid in sorted(plan.ids)]
    else:
        records = [record for record in index.ordered if record.id in plan.ids]
    if plan.test is not None:
        records = [record for record in records if plan.test(record)]
    if key is not None:
        records.sort(key=key)
    if count is not None:
        records = records[:count]
    return tuple(records)
