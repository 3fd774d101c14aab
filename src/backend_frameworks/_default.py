"""The shared defaults and the module-level functions over them.

Two pieces of shared state live here and nowhere else: the default
knowledge base (the shipped data, built on first use) and the scorer
registry. Every query of :class:`KnowledgeBase` has a twin here over the
default knowledge base; :func:`recommend` also uses the registered scorers.

Nothing is read at import. The first call that needs data builds the default
instance once, under a lock, however many threads ask at the same time.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

from ._errors import InvalidModelError, ScorerError
from ._kb import _MISSING, KnowledgeBase
from ._lifecycle import Support
from ._load import DataInfo
from ._model import ClaimStatus, Framework, Guidance, ReleaseLine, Source, Vocabularies
from ._names import criterion_key

if TYPE_CHECKING:
    from ._compare import Comparison
    from ._provenance import Citation, Dispute
    from ._requirements import Requirements
    from ._score import Scorer
    from ._scoring import RecommendationResult, ScoringModel
    from ._search import SearchHit

__all__ = [
    "by_package",
    "claims_by",
    "compare",
    "data_info",
    "default_knowledge_base",
    "default_model",
    "disputes",
    "frameworks",
    "get",
    "guidance",
    "is_supported",
    "load_plugins",
    "mentioned_by",
    "query",
    "recommend",
    "register_scorer",
    "registered_scorers",
    "release_lines",
    "search",
    "source",
    "sources",
    "unregister_scorer",
    "vocabularies",
]

T = TypeVar("T")
D = TypeVar("D")

_lock = threading.Lock()
_default: KnowledgeBase | None = None

_registry_lock = threading.Lock()
_registry: dict[str, tuple[Scorer, float]] = {}


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
                built = _default = KnowledgeBase._shipped()  # noqa: SLF001 - its own package
    return built


def _reset() -> None:
    """Forget the default instance (for tests)."""
    global _default  # noqa: PLW0603
    with _lock:
        _default = None


# -- the scorer registry -------------------------------------------------------------


@overload
def register_scorer(scorer: T, /, *, weight: float = ..., replace: bool = ...) -> T: ...
@overload
def register_scorer(
    scorer: None = ..., /, *, weight: float = ..., replace: bool = ...
) -> Callable[[T], T]: ...
def register_scorer(scorer: Any = None, /, *, weight: float = 1.0, replace: bool = False) -> Any:
    """Register a scorer so that :func:`default_model` (and :func:`recommend`) include it.

    Use it as a call (``bf.register_scorer(MyScorer())``) or a decorator, on
    a scorer class (instantiated without arguments) or on a function
    ``(framework, requirements) -> Score`` (named after the function, its
    docstring's first line the description). Returns its argument unchanged.
    Registration is process-wide; a :class:`KnowledgeBase`'s own methods
    never read it.

    >>> import backend_frameworks as bf
    >>> @bf.register_scorer(weight=0.5)
    ... def has_website(framework, requirements):
    ...     "Does the record name a website?"
    ...     return bf.Score(1.0 if framework.website else 0.0)
    >>> "has_website" in bf.default_model().names
    True
    >>> bf.unregister_scorer("has_website")

    Raises:
        InvalidModelError: not a scorer (the message says what it lacks;
            also a :class:`TypeError`), a built-in scorer's name, a name
            already registered (pass ``replace=True`` to replace it), or a
            weight that is not a number (also a :class:`TypeError`),
            negative or not finite.
    """
    if scorer is None:

        def decorate(obj: T) -> T:
            register_scorer(obj, weight=weight, replace=replace)
            return obj

        return decorate
    from ._plugins import as_scorer  # noqa: PLC0415 - scoring is imported on first use
    from ._scorers import BUILTIN_NAMES  # noqa: PLC0415
    from ._scoring import check_weight  # noqa: PLC0415

    origin = getattr(scorer, "__name__", type(scorer).__name__)
    try:
        instance = as_scorer(scorer, origin)
    except ScorerError as error:
        raise InvalidModelError.wrong_type(
            f"cannot register {origin!r}: {error.problem}"
        ) from error
    checked = check_weight(instance.name, weight)
    key = criterion_key(instance.name)
    if key in {criterion_key(name) for name in BUILTIN_NAMES}:
        raise InvalidModelError(f"{instance.name!r} is the name of a built-in scorer")
    with _registry_lock:
        if not replace and key in _registry:
            raise InvalidModelError(
                f"a scorer named {instance.name!r} is already registered"
                " (pass replace=True to replace it)"
            )
        _registry[key] = (instance, checked)
    return scorer


def unregister_scorer(name: str) -> None:
    """Forget a registered scorer (no error if it is not registered)."""
    with _registry_lock:
        _registry.pop(criterion_key(name), None)


def registered_scorers() -> tuple[tuple[Scorer, float], ...]:
    """The registered scorers with their weights, sorted by name."""
    with _registry_lock:
        return tuple(_registry[name] for name in sorted(_registry))


def load_plugins() -> tuple[Scorer, ...]:
    """Discover the installed scorer plugins and register them (replacing earlier loads).

    To use plugins without registering anything process-wide, pass
    ``default_model(plugins=True)`` to :func:`recommend` instead.

    Raises:
        ScorerError: a plugin cannot be loaded or is invalid; ``scorer``
            names its entry point.
    """
    from ._plugins import discover_plugins  # noqa: PLC0415 - imported on first use

    found = discover_plugins()
    for scorer, weight in found:
        register_scorer(scorer, weight=weight, replace=True)
    return tuple(scorer for scorer, _ in found)


def default_model(*, plugins: bool = False) -> ScoringModel:
    """The built-in scorers, the registered ones, and with ``plugins`` the installed plugins.

    ``plugins=True`` imports the scorers declared in the
    ``backend_frameworks.scorers`` entry-point group for this model only; it
    registers nothing, so a later ``default_model()`` is unchanged.

    >>> import backend_frameworks as bf
    >>> bf.default_model().names == bf.ScoringModel.default().names  # nothing registered
    True

    Raises:
        ScorerError: ``plugins=True`` and a plugin cannot be loaded or is invalid.
    """
    from ._plugins import discover_plugins  # noqa: PLC0415 - imported on first use
    from ._scoring import ScoringModel  # noqa: PLC0415

    model = ScoringModel.default()
    extra = list(registered_scorers())
    if plugins:
        registered = {criterion_key(scorer.name) for scorer, _ in extra}
        extra.extend(
            pair for pair in discover_plugins() if criterion_key(pair[0].name) not in registered
        )
    for scorer, weight in extra:
        model = model.with_scorer(scorer, weight)
    return model


# -- the module-level twins ------------------------------------------------------------


@overload
def get(name: str) -> Framework: ...
@overload
def get(name: str, default: D) -> Framework | D: ...
def get(name: str, default: Any = _MISSING) -> Any:
    """A framework by id, name or alias, ignoring case, spaces, dots and hyphens.

    With a ``default``, a miss returns it instead of raising.

    >>> import backend_frameworks as bf
    >>> bf.get("ExpressJS").id
    'express'
    >>> bf.get("no such framework", None) is None
    True

    Raises:
        UnknownFrameworkError: nothing matches and no ``default`` was given
            (also a :class:`KeyError`); ``suggestions`` holds the closest ids.
    """
    return default_knowledge_base().get(name, default)


@overload
def by_package(purl: str) -> Framework: ...
@overload
def by_package(purl: str, default: D) -> Framework | D: ...
def by_package(purl: str, default: Any = _MISSING) -> Any:
    """The record a package installs, by its Package URL, so a tool can map a dependency.

    >>> import backend_frameworks as bf
    >>> bf.by_package("pkg:pypi/Django@5.2").id
    'django'
    >>> bf.by_package("pkg:npm/left-pad", None) is None
    True

    Raises:
        UnknownPackageError: no record lists the package and no ``default``
            was given (also a :class:`KeyError`).
        InvalidQueryError: ``purl`` is not a well-formed purl.
    """
    return default_knowledge_base().by_package(purl, default)


def release_lines(name: str) -> tuple[ReleaseLine, ...]:
    """A framework's release lines, newest first, as its maintainers' policy publishes them.

    Empty when no policy is recorded for the framework.

    >>> import backend_frameworks as bf
    >>> [line.version for line in bf.release_lines("django")][:3]
    ['6.1', '6.0', '5.2']

    Raises:
        UnknownFrameworkError: no record has this name (also a :class:`KeyError`).
    """
    return default_knowledge_base().release_lines(name)


def is_supported(name: str, version: str, on: datetime.date | str | None = None) -> Support:
    """Whether a version (``"4.2"`` or ``"4.2.11"``) gets security fixes on a day, and why.

    Truthy when it does; ``reason`` says why in words, naming the policy,
    and ``sources`` cite it. ``on`` defaults to today.

    >>> import backend_frameworks as bf
    >>> answer = bf.is_supported("django", "1.8.19", on="2025-01-01")
    >>> bool(answer), answer.security
    (False, False)

    Raises:
        UnknownFrameworkError: no record has this name.
        UnknownVersionError: the policy has no line for the version (also a
            :class:`KeyError`); ``suggestions`` holds the lines.
        InvalidQueryError: ``version`` or ``on`` is malformed.
    """
    return default_knowledge_base().is_supported(name, version, on)


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
    return default_knowledge_base().data_info()


def vocabularies() -> Vocabularies:
    """The shipped vocabularies: languages, runtimes, architectures, features, use cases.

    >>> import backend_frameworks as bf
    >>> "orm" in bf.vocabularies().ids("features")
    True
    """
    return default_knowledge_base().vocabularies()


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
      ``created_by_team_of``, ``successor_of``, ``part_of``: a target id,
      name or alias.
    - ``mentioned_by``: a source id the record cites anywhere.
    - ``lts``: ``True`` for records whose published policy has a
      long-term-support line, ``False`` for those whose policy has none;
      records without a recorded policy match neither.
    - ``supported_on``: a date (or ``"YYYY-MM-DD"``) on which some release
      line is known to get security fixes (see :func:`is_supported`).

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

    Names weigh most, then aliases, languages, kinds and summaries, then
    features and use cases, then pros, claims and notable users (BM25 per
    field). Common words are ignored; ``real-time``, ``realtime`` and ``real
    time`` are one term; plurals fold; a word also reaches the terms it
    begins; a misspelt name or vocabulary term one edit away (two in long
    words) is still found; vocabulary synonyms (``golang``, ``swagger``)
    read as their terms. A query that is exactly a record's id, name or
    alias ranks that record first; ties go by how many of the query's words
    the record has, then by id. Each hit carries its best matches first,
    each saying what it is, with its status and sources. The text is only
    ever split into words, never read as a regular expression. See
    :doc:`querying` for the method.

    >>> import backend_frameworks as bf
    >>> bf.search("Express.js")[0].framework.id
    'express'
    >>> [hit.framework.id for hit in bf.search("djnago", limit=1)]
    ['django']
    >>> match = bf.search("swagger", limit=1)[0].matches[0]
    >>> match.kind, match.statement.feature
    (<MatchKind.FEATURE: 'feature'>, 'openapi')

    Raises:
        InvalidQueryError: the text has no words, only common words, or more
            than :data:`MAX_QUERY_CHARS` characters; ``limit`` is not an int
            ``>= 0`` (also a :class:`ValueError`, or a :class:`TypeError` for a
            wrong type).
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


def claims(
    framework: str | None = None, *, status: ClaimStatus | str | None = None
) -> tuple[Citation, ...]:
    """Every claim (pros, cons, claims, qualities, use cases, users), optionally of one status.

    ``status`` is ``"verified"`` (a primary source confirms it),
    ``"disputed"`` (one contradicts it: see the correction), ``"opinion"``
    or ``"unsupported"`` (factual-sounding, confirmed by no primary source).

    >>> import backend_frameworks as bf
    >>> {c.status for c in bf.claims("express", status="disputed")}
    {<ClaimStatus.DISPUTED: 'disputed'>}

    Raises:
        UnknownFrameworkError: ``framework`` matches no record.
        InvalidQueryError: ``status`` is not a claim status.
    """
    return default_knowledge_base().claims(framework, status=status)


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


def recommend(
    requirements: Requirements,
    model: ScoringModel | None = None,
    *,
    limit: int | None = None,
) -> RecommendationResult:
    """Rank the shipped backend frameworks for ``requirements``.

    ``model`` defaults to :func:`default_model`: the built-in scorers plus
    any registered with :func:`register_scorer`. (``kb.recommend`` on a
    knowledge base of your own defaults to the built-in scorers only.) The
    requirements are validated against the shipped data and the model.
    Frameworks that break a hard constraint are left out of the ranking and
    listed in ``excluded`` with the reasons. Ties break by name, so the
    result is deterministic.

    >>> import backend_frameworks as bf
    >>> needs = bf.Requirements(languages=["python"], must_have=["orm", "admin-interface"])
    >>> result = bf.recommend(needs)
    >>> result[0].framework.name
    'Django'
    >>> excluded = [e.framework.id for e in result.excluded]
    >>> "zend-framework" in excluded  # archived, so left out by default
    True
    >>> "meteor" in excluded  # its docs show no admin interface, nor does any established package
    True

    Raises:
        InvalidRequirementsError: the requirements name a feature, language,
            use case, framework or criterion that the data or the model does
            not know (with suggestions).
        InvalidQueryError: ``limit`` is negative or not an int.
        ScorerError: a scorer failed or returned an invalid score.
    """
    chosen = default_model() if model is None else model
    return default_knowledge_base().recommend(requirements, chosen, limit=limit)
