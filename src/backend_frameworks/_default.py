"""The shared default knowledge base and the module-level functions over it.

Nothing is read at import. The first call that needs data builds the default
instance once, under a lock, however many threads ask at the same time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._convert import unstructure
from ._kb import KnowledgeBase
from ._load import DataInfo
from ._model import Framework, Guidance, Source

if TYPE_CHECKING:
    from ._compare import Comparison
    from ._provenance import Citation, Dispute
    from ._search import SearchHit

__all__ = [
    "claims_by",
    "compare",
    "data_info",
    "default_knowledge_base",
    "disputes",
    "frameworks",
    "get",
    "guidance",
    "mentioned_by",
    "query",
    "search",
    "source",
    "sources",
    "to_dict",
]

_lock = threading.Lock()
_default: KnowledgeBase | None = None


def default_knowledge_base() -> KnowledgeBase:
    """The shipped knowledge base, built on first use and shared afterwards.

    >>> import backend_frameworks as bf
    >>> bf.default_knowledge_base() is bf.default_knowledge_base()
    True
    """
    global _default  # noqa: PLW0603 - the one lazily initialised module state
    built = _default
    if built is None:
        with _lock:
            built = _default
            if built is None:
                built = _default = KnowledgeBase.from_resources()
    return built


def _reset() -> None:
    """Forget the default instance (for tests)."""
    global _default  # noqa: PLW0603
    with _lock:
        _default = None


def get(name: str) -> Framework:
    """A framework by id, name or alias, ignoring case, spaces, dots and hyphens.

    >>> import backend_frameworks as bf
    >>> bf.get("ExpressJS").id
    'express'

    Raises:
        UnknownFrameworkError: nothing matches (also a :class:`KeyError`);
            ``suggestions`` holds the closest ids.
    """
    return default_knowledge_base().get(name)


def frameworks(*, include_related: bool = False) -> tuple[Framework, ...]:
    """Every backend framework of the shipped data, sorted by id.

    ``include_related=True`` adds the records that are not backend frameworks
    (runtimes such as Node.js, UI libraries, app frameworks).

    >>> import backend_frameworks as bf
    >>> all(record.is_backend for record in bf.frameworks())
    True
    """
    return default_knowledge_base().frameworks(include_related=include_related)


def sources() -> tuple[Source, ...]:
    """Every source the shipped data cites, sorted by id."""
    return default_knowledge_base().sources()


def source(source_id: str) -> Source:
    """One source by id.

    >>> import backend_frameworks as bf
    >>> bf.source("api-ninjas-2022").date
    '2022-06-04'

    Raises:
        UnknownSourceError: no source has the id (also a :class:`KeyError`).
    """
    return default_knowledge_base().source(source_id)


def guidance() -> tuple[Guidance, ...]:
    """The shipped general advice on choosing a framework, sorted by id."""
    return default_knowledge_base().guidance()


def data_info() -> DataInfo:
    """The shipped data's version and the date its facts were checked."""
    return default_knowledge_base().info


def to_dict(record: Framework | Source | Guidance) -> dict[str, Any]:
    """One record as JSON-ready builtins, in the layout of the data files.

    >>> import backend_frameworks as bf
    >>> bf.to_dict(bf.get("flask"))["name"]
    'Flask'
    """
    result: dict[str, Any] = unstructure(record)
    return result


def query(
    *predicates: object,
    sort: str | Callable[[Framework], Any] | None = None,
    limit: int | None = None,
    include_related: bool = False,
    **filters: object,
) -> tuple[Framework, ...]:
    """The shipped records that satisfy every predicate and keyword filter.

    Keyword filters combine with AND; a keyword given a list (or any iterable
    of strings) means "any of". Positional predicates are :class:`Predicate`
    objects (see :func:`where`) or plain callables ``Framework -> bool``.

    Keyword filters:

    - ``language``, ``runtime``, ``architecture``, ``license``: vocabulary ids
      (``"python"``, ``"node-js"``, ``"mvc"``, ``"MIT"``).
    - ``kind`` (:class:`Kind`), ``philosophy`` (:class:`Philosophy`): members
      or their string values.
    - ``open_source``: ``True`` or ``False``.
    - ``first_release``: a year, or an inclusive ``(min, max)`` pair where
      either bound may be ``None``.
    - ``feature``: feature ids, with ``min_support`` (a :class:`SupportLevel`
      or its value; default ``"ecosystem"``, any support).
    - ``use_case``: use-case ids the record is said to suit.
    - ``<quality>_at_most`` / ``<quality>_at_least`` for every
      :class:`Quality` (``learning_curve_at_most="moderate"``,
      ``performance_at_least="high"``): on the derived :attr:`Rating.level`;
      unrated records never match.
    - ``built_on``, ``runs_on``, ``inspired_by``, ``uses_components_of``,
      ``created_by_team_of``, ``successor_of``: a target id, name or alias.
    - ``mentioned_by``: a source id the record cites anywhere.

    Results are sorted by id unless ``sort`` is a key callable or a field
    name (``"name"``, ``"first_release"``...; records without the field come
    last). ``limit`` keeps the first results. Only backend frameworks are
    searched unless ``include_related=True``.

    >>> import backend_frameworks as bf
    >>> python_orm = bf.query(language="python", feature="orm")
    >>> {"django", "flask"} <= {record.id for record in python_orm}
    True
    >>> built_in = bf.query(language="python", feature="orm", min_support="built-in")
    >>> "django" in [r.id for r in built_in], "flask" in [r.id for r in built_in]
    (True, False)
    >>> len(bf.query(sort="name", limit=2))
    2
    >>> bf.query(language="python", first_release=(None, 1990))
    ()

    Raises:
        InvalidQueryError: an unknown keyword, vocabulary or enum value, or a
            value of the wrong type (also a :class:`ValueError`); the message
            suggests the nearest valid value.
    """
    return default_knowledge_base().query(
        *predicates, sort=sort, limit=limit, include_related=include_related, **filters
    )


def search(text: str, limit: int | None = None) -> tuple[SearchHit, ...]:
    """Shipped records ranked by relevance to ``text``, best first.

    The text is split into words (case is ignored; it is never read as a
    regular expression). A record scores for each word found in its names
    and aliases, its summary, and its claims; a query that is exactly a
    record's id, name or alias puts that record first. Ties go by id. Each
    hit carries the matching claims and facts, with their sources.

    >>> import backend_frameworks as bf
    >>> bf.search("Express.js")[0].framework.id
    'express'
    >>> hit = bf.search("prototype")[0]
    >>> all(match.sources for match in hit.matches)
    True

    Raises:
        InvalidQueryError: the text has no words (empty or whitespace).
    """
    return default_knowledge_base().search(text, limit)


def compare(*names: str) -> Comparison:
    """Two or more shipped records side by side.

    >>> import backend_frameworks as bf
    >>> comparison = bf.compare("django", "flask")
    >>> row = next(row for row in comparison.features if row.label == "orm")
    >>> [level.value for level in row.values]
    ['built-in', 'ecosystem']
    >>> str(comparison).splitlines()[0].split()
    ['Django', 'Flask']

    Raises:
        InvalidQueryError: fewer than two names, or one record twice.
        UnknownFrameworkError: a name matches no record.
    """
    return default_knowledge_base().compare(*names)


def claims_by(source_id: str, framework: str | None = None) -> tuple[Citation, ...]:
    """Every statement that cites ``source_id``, for one record or all of them.

    A disputed statement counts when the source backs the statement or its
    correction. Results go by record id, then in the record's field order.

    >>> import backend_frameworks as bf
    >>> citations = bf.claims_by("flask-license", "flask")
    >>> sorted({citation.field for citation in citations})
    ['license', 'open_source', 'steward']

    Raises:
        UnknownSourceError: no source has the id.
        UnknownFrameworkError: ``framework`` matches no record.
    """
    return default_knowledge_base().claims_by(source_id, framework)


def mentioned_by(source_id: str) -> tuple[Framework, ...]:
    """Every shipped record (related records too) that cites a source, by id.

    >>> import backend_frameworks as bf
    >>> "flask" in [record.id for record in bf.mentioned_by("api-ninjas-2022")]
    True

    Raises:
        UnknownSourceError: no source has the id.
    """
    return default_knowledge_base().mentioned_by(source_id)


def disputes(framework: str | None = None) -> tuple[Dispute, ...]:
    """Every disputed claim with its correction, by record id then field.

    >>> import backend_frameworks as bf
    >>> found = bf.disputes("django")
    >>> all(item.framework == "django" and item.correction.sources for item in found)
    True
    """
    return default_knowledge_base().disputes(framework)
