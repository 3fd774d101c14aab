"""The knowledge base: records, sources, vocabularies and the indexes over them."""

from __future__ import annotations

import datetime
import enum
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast, overload

from ._convert import describe_error, structure, unstructure
from ._errors import (
    DataError,
    InvalidQueryError,
    UnknownFrameworkError,
    UnknownPackageError,
    UnknownSourceError,
    UnknownVersionError,
)
from ._index import FilterIndex
from ._lifecycle import Support, as_day, assess, find_line, newest_first
from ._load import DataInfo, RawData, as_traversable, load_directory, packaged_data
from ._model import ClaimStatus, Framework, Guidance, ReleaseLine, Source, Vocabularies
from ._names import normalize, suggest
from ._purl import canonical
from ._query import check_flag, run_query
from ._validate import problems_in

if TYPE_CHECKING:
    from importlib_resources.abc import Traversable

    from ._compare import Comparison
    from ._provenance import Citation, Dispute
    from ._requirements import Requirements
    from ._scoring import RecommendationResult, ScoringModel
    from ._search import SearchHit, SearchIndex

# Comparing, provenance, search and scoring are imported when first used: a
# tool that only looks records up never pays for them.

__all__ = ["EXPORT_FORMAT", "KnowledgeBase"]

D = TypeVar("D")
R = TypeVar("R", Framework, Source, Guidance)


class _Missing(enum.Enum):
    MISSING = enum.auto()


_MISSING: Final = _Missing.MISSING

EXPORT_FORMAT = 1
"""The version of the layout :meth:`KnowledgeBase.export` writes."""

_MAX_PURL = 1000
"""Longer text is no package URL; refusing it bounds the work of a lookup."""

_UNVERSIONED = DataInfo("unversioned", datetime.date.min)


def _typed(field: str, values: object, cls: type[R]) -> tuple[R, ...]:
    """``values`` as a tuple of ``cls``; anything else is a :class:`DataError`."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise DataError([f"{field}: expected a collection of {cls.__name__}, not {values!r:.60}"])
    items = tuple(values)
    wrong = [
        f"{field}[{index}]: expected {cls.__name__}, not {type(item).__name__}"
        for index, item in enumerate(items)
        if not isinstance(item, cls)
    ]
    if wrong:
        raise DataError(wrong)
    return items


class KnowledgeBase:
    """An immutable, validated set of framework records with their sources.

    Every query is a method here, and the package root has a twin of each
    (``bf.get``, ``bf.query``, ``bf.recommend``...) over one lazily built,
    shared instance of the shipped data. Build your own to add or correct
    records (an *overlay*), or from records made in code; its methods never
    touch the shared instance or the global scorer registry.

    >>> import backend_frameworks as bf
    >>> kb = bf.KnowledgeBase.from_resources()
    >>> kb.get("Express.js").name
    'Express'
    >>> kb["RoR"].id, kb.get("no such thing", None)
    ('rails', None)
    >>> len(kb) == len(kb.frameworks()), "nodejs" in kb
    (True, True)

    Iterating and ``len()`` cover the backend frameworks, as
    :meth:`frameworks` does; ``in``, ``kb[name]`` and :meth:`get` find any
    record, related ones (runtimes, UI libraries) too.

    Construction validates everything (unknown source ids, vocabulary values,
    relation targets, ambiguous names, list positions claimed twice) and
    raises :class:`DataError` listing every problem.
    """

    __slots__ = (
        "_backend",
        "_by_id",
        "_filter_index",
        "_guidance",
        "_index_lock",
        "_info",
        "_name_index",
        "_package_index",
        "_records",
        "_search_index",
        "_source_index",
        "_sources",
        "_vocabularies",
    )

    def __init__(
        self,
        frameworks: Iterable[Framework],
        sources: Iterable[Source],
        vocabularies: Vocabularies | None = None,
        guidance: Iterable[Guidance] = (),
        info: DataInfo | None = None,
        *,
        _origins: Mapping[int, str] | None = None,
        _checked: bool = False,
    ) -> None:
        records = _typed("frameworks", frameworks, Framework)
        source_list = _typed("sources", sources, Source)
        advice = _typed("guidance", guidance, Guidance)
        if vocabularies is not None and not isinstance(vocabularies, Vocabularies):
            raise DataError(
                [f"vocabularies: expected Vocabularies, not {type(vocabularies).__name__}"]
            )
        if info is not None and not isinstance(info, DataInfo):
            raise DataError([f"info: expected DataInfo, not {type(info).__name__}"])
        vocab = vocabularies if vocabularies is not None else Vocabularies()
        origins = _origins or {}

        def origin(value: object, fallback: str) -> str:
            return origins.get(id(value), fallback)

        # The shipped data is checked by the test suite before every release
        # (and shipped as checked); everything else is checked here, in full.
        problems = (
            []
            if _checked
            else problems_in(
                [(origin(r, f"<framework {r.id!r}>"), r) for r in records],
                [(origin(s, "<sources>"), s) for s in source_list],
                vocab,
                [(origin(g, "<guidance>"), g) for g in advice],
            )
        )
        if problems:
            raise DataError(problems)

        self._records = tuple(sorted(records, key=lambda record: record.id))
        self._backend = tuple(record for record in self._records if record.is_backend)
        self._by_id = {record.id: record for record in self._records}
        self._sources = tuple(sorted(source_list, key=lambda source: source.id))
        self._source_index = {source.id: source for source in self._sources}
        self._vocabularies = vocab
        self._guidance = tuple(sorted(advice, key=lambda item: item.id))
        self._info = info if info is not None else _UNVERSIONED
        self._name_index: dict[str, str] = {}
        self._filter_index: FilterIndex | None = None
        self._search_index: SearchIndex | None = None
        self._index_lock = threading.Lock()
        self._package_index: dict[str, str] = {}
        for record in self._records:
            for name in (record.id, record.name, *record.aliases):
                self._name_index[normalize(name)] = record.id
            for package in record.packages:  # validated: canonical and owned by one record
                self._package_index[package.purl] = record.id

    # -- construction -------------------------------------------------------

    @classmethod
    def from_resources(cls, *overlays: Traversable | str | os.PathLike[str]) -> KnowledgeBase:
        """Load the shipped data, then each overlay directory in order.

        An overlay has the same layout as the shipped ``data`` directory
        (``frameworks/*.json``, ``sources/*.json``, ``vocabularies.json``,
        ``guidance.json``, ``meta.json``; every part optional). A record,
        source or guidance entry with an id already loaded replaces it;
        vocabulary terms are added; a ``meta.json`` replaces the data info.

        Raises:
            DataError: a file is malformed or the merged data is inconsistent.
        """
        layers = [load_directory(packaged_data())]
        layers.extend(load_directory(as_traversable(overlay)) for overlay in overlays)
        return cls._from_layers(layers)

    @classmethod
    def _shipped(cls) -> KnowledgeBase:
        """The shipped data alone, which the test suite has already checked.

        The data's integrity tests build :meth:`from_resources` with every
        check, and a test proves this gives the same knowledge base.
        """
        return cls._from_layers([load_directory(packaged_data())], checked=True)

    @classmethod
    def _from_layers(cls, layers: list[RawData], *, checked: bool = False) -> KnowledgeBase:
        frameworks: dict[str, tuple[str, Framework]] = {}
        sources: dict[str, tuple[str, Source]] = {}
        guidance: dict[str, tuple[str, Guidance]] = {}
        vocabularies = Vocabularies()
        info: DataInfo | None = None
        duplicates: list[str] = []
        for layer in layers:
            # Inside one layer an id may appear once; across layers, later wins.
            _merge(frameworks, layer.frameworks, lambda r: r.id, duplicates)
            _merge(sources, layer.sources, lambda s: s.id, duplicates)
            _merge(guidance, layer.guidance, lambda g: g.id, duplicates)
            vocabularies = vocabularies.merged(layer.vocabularies)
            info = layer.info or info
        if duplicates:
            raise DataError(duplicates)
        origins = {
            id(value): origin
            for table in (frameworks, sources, guidance)
            for origin, value in table.values()
        }
        return cls(
            (record for _, record in frameworks.values()),
            (source for _, source in sources.values()),
            vocabularies,
            (advice for _, advice in guidance.values()),
            info,
            _origins=origins,
            _checked=checked,
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> KnowledgeBase:
        """Rebuild a knowledge base from :meth:`export`'s output.

        Raises:
            DataError: the data is malformed (with field paths) or inconsistent.
        """
        expected = {"format", "info", "vocabularies", "sources", "guidance", "frameworks"}
        if not isinstance(cast("object", data), Mapping) or set(data) != expected:
            raise DataError([f"<export>: $: expected exactly the keys {sorted(expected)}"])
        if data["format"] != EXPORT_FORMAT:
            raise DataError([f"<export>: $.format: unsupported format {data['format']!r}"])
        try:
            info = structure(data["info"], DataInfo)
            vocabularies = structure(data["vocabularies"], Vocabularies)
            sources = structure(data["sources"], tuple[Source, ...])
            guidance = structure(data["guidance"], tuple[Guidance, ...])
            frameworks = structure(data["frameworks"], tuple[Framework, ...])
        except Exception as error:
            raise DataError([f"<export>: {line}" for line in describe_error(error)]) from error
        return cls(frameworks, sources, vocabularies, guidance, info)

    def export(self) -> dict[str, Any]:
        """The whole knowledge base as JSON-ready builtins (see :meth:`from_dict`).

        >>> import json, backend_frameworks as bf
        >>> data = bf.KnowledgeBase.from_resources().export()
        >>> sorted(data)
        ['format', 'frameworks', 'guidance', 'info', 'sources', 'vocabularies']
        >>> _ = json.dumps(data)
        """
        return {
            "format": EXPORT_FORMAT,
            "info": unstructure(self._info),
            "vocabularies": unstructure(self._vocabularies),
            "sources": unstructure(self._sources),
            "guidance": unstructure(self._guidance),
            "frameworks": unstructure(self._records),
        }

    # -- lookup -------------------------------------------------------------

    @overload
    def get(self, name: str) -> Framework: ...
    @overload
    def get(self, name: str, default: D) -> Framework | D: ...
    def get(self, name: str, default: object = _MISSING) -> object:
        """The record with this id, name or alias, ignoring case and punctuation.

        With a ``default``, a miss returns it instead of raising.

        Raises:
            UnknownFrameworkError: nothing matches and no ``default`` was
                given (also a :class:`KeyError`); ``suggestions`` holds the
                closest ids.
            InvalidQueryError: ``name`` is not a string (also a
                :class:`TypeError`).
        """
        if not isinstance(name, str):
            raise InvalidQueryError.wrong_type(
                f"a framework name must be a string, not {type(name).__name__}"
            )
        record_id = self._name_index.get(normalize(name))
        if record_id is not None:
            return self._by_id[record_id]
        if default is not _MISSING:
            return default
        raise UnknownFrameworkError(name, suggest(name, self._name_index))

    @overload
    def by_package(self, purl: str) -> Framework: ...
    @overload
    def by_package(self, purl: str, default: D) -> Framework | D: ...
    def by_package(self, purl: str, default: object = _MISSING) -> object:
        """The record that a package installs, by its Package URL (purl).

        A version, qualifiers and a subpath are ignored, and names compare
        as their ecosystem does (case-insensitive on npm and PyPI, ``_`` as
        ``-`` on PyPI), so a tool can pass the dependency it sees as is.
        With a ``default``, a package of no record returns it instead of
        raising.

        >>> import backend_frameworks as bf
        >>> kb = bf.KnowledgeBase.from_resources()
        >>> kb.by_package("pkg:npm/express@4.21.2").id
        'express'
        >>> kb.by_package("pkg:pypi/requests", None) is None
        True

        Raises:
            UnknownPackageError: no record lists the package and no
                ``default`` was given (also a :class:`KeyError`);
                ``suggestions`` holds the closest purls.
            InvalidQueryError: ``purl`` is not a well-formed purl (also a
                :class:`ValueError`), or not a string (also a :class:`TypeError`).
        """
        if not isinstance(purl, str):
            raise InvalidQueryError.wrong_type(
                f"a package URL must be a string, not {type(purl).__name__}"
            )
        if len(purl) > _MAX_PURL:
            raise InvalidQueryError(f"a package URL has at most {_MAX_PURL} characters")
        try:
            key = canonical(purl)
        except ValueError as error:
            raise InvalidQueryError(str(error)) from None
        record_id = self._package_index.get(key)
        if record_id is not None:
            return self._by_id[record_id]
        if default is not _MISSING:
            return default
        index = {normalize(known): known for known in self._package_index}
        raise UnknownPackageError(purl, suggest(key, index))

    def frameworks(self, *, include_related: bool = False) -> tuple[Framework, ...]:
        """The backend frameworks, sorted by id.

        With ``include_related=True``, also the related technologies that are
        not backend frameworks (runtimes, UI libraries, HTTP servers, app
        frameworks), so every record is returned.

        Raises:
            InvalidQueryError: ``include_related`` is not a bool (also a :class:`TypeError`).
        """
        return self._records if check_flag("include_related", include_related) else self._backend

    def sources(self) -> tuple[Source, ...]:
        """Every cited source, sorted by id."""
        return self._sources

    def source(self, source_id: str) -> Source:
        """The source with this id.

        Raises:
            UnknownSourceError: no source has the id (also a :class:`KeyError`).
            InvalidQueryError: ``source_id`` is not a string (also a :class:`TypeError`).
        """
        if not isinstance(source_id, str):
            raise InvalidQueryError.wrong_type(
                f"a source id must be a string, not {type(source_id).__name__}"
            )
        found = self._source_index.get(source_id)
        if found is None:
            index = {normalize(key): key for key in self._source_index}
            raise UnknownSourceError(str(source_id), suggest(str(source_id), index))
        return found

    def guidance(self) -> tuple[Guidance, ...]:
        """General advice on choosing a framework, sorted by id."""
        return self._guidance

    def vocabularies(self) -> Vocabularies:
        """The vocabularies that record fields draw from."""
        return self._vocabularies

    def data_info(self) -> DataInfo:
        """The data's version and as-of date."""
        return self._info

    # -- queries --------------------------------------------------------------

    def _index(self) -> FilterIndex:
        """The filter index, built on first use under this knowledge base's lock."""
        built = self._filter_index
        if built is None:
            with self._index_lock:
                built = self._filter_index
                if built is None:
                    built = self._filter_index = FilterIndex(self._records)
        return built

    def _searcher(self) -> SearchIndex:
        """The search index, built on the first search under this knowledge base's lock."""
        built = self._search_index
        if built is None:
            with self._index_lock:
                built = self._search_index
                if built is None:
                    from ._search import SearchIndex  # noqa: PLC0415 - on first use

                    built = self._search_index = SearchIndex(self._records, self._vocabularies)
        return built

    def query(
        self,
        *predicates: object,
        sort: str | Callable[[Framework], Any] | None = None,
        limit: int | None = None,
        include_related: bool = False,
        **filters: object,
    ) -> tuple[Framework, ...]:
        """The records that satisfy every predicate and keyword filter.

        The same as :func:`backend_frameworks.query`, over this knowledge base.

        >>> import backend_frameworks as bf
        >>> kb = bf.KnowledgeBase.from_resources()
        >>> "nestjs" in [record.id for record in kb.query(built_on="Express")]
        True
        """
        return run_query(
            self,
            self._index(),
            predicates,
            filters,
            sort=sort,
            limit=limit,
            include_related=include_related,
        )

    def search(self, text: str, limit: int | None = None) -> tuple[SearchHit, ...]:
        """Records ranked by relevance to ``text``; see :func:`backend_frameworks.search`."""
        from ._search import run_search  # noqa: PLC0415 - on first use

        return run_search(self._searcher(), text, limit)

    def compare(self, *names: str) -> Comparison:
        """A side-by-side comparison; see :func:`backend_frameworks.compare`."""
        from ._compare import build_comparison  # noqa: PLC0415 - on first use

        return build_comparison(self, names)

    def claims(
        self, framework: str | None = None, *, status: ClaimStatus | str | None = None
    ) -> tuple[Citation, ...]:
        """Every claim of every record (or of ``framework``), optionally of one ``status``.

        >>> import backend_frameworks as bf
        >>> kb = bf.default_knowledge_base()
        >>> all(c.status is bf.ClaimStatus.OPINION for c in kb.claims(status="opinion"))
        True
        """
        from ._provenance import claims  # noqa: PLC0415 - on first use

        return claims(self, framework, status=status)

    def claims_by(self, source_id: str, framework: str | None = None) -> tuple[Citation, ...]:
        """What one source says; see :func:`backend_frameworks.claims_by`."""
        from ._provenance import claims_by  # noqa: PLC0415 - on first use

        return claims_by(self, source_id, framework)

    def mentioned_by(self, source_id: str) -> tuple[Framework, ...]:
        """Every record that cites a source, sorted by id (related records too)."""
        self.source(source_id)  # an unknown id is an UnknownSourceError, not a query error
        return self.query(mentioned_by=source_id, include_related=True)

    def disputes(self, framework: str | None = None) -> tuple[Dispute, ...]:
        """Every disputed claim; see :func:`backend_frameworks.disputes`."""
        from ._provenance import disputes  # noqa: PLC0415 - on first use

        return disputes(self, framework)

    # -- release lifecycles -------------------------------------------------------

    def release_lines(self, name: str) -> tuple[ReleaseLine, ...]:
        """A framework's release lines, newest first; empty when no policy is recorded.

        >>> import backend_frameworks as bf
        >>> kb = bf.KnowledgeBase.from_resources()
        >>> lines = kb.release_lines("django")
        >>> lines[0].released >= lines[-1].released
        True

        Raises:
            UnknownFrameworkError: no record has this name (also a :class:`KeyError`).
        """
        return newest_first(self.get(name).release_lines)

    def is_supported(
        self, name: str, version: str, on: datetime.date | str | None = None
    ) -> Support:
        """Whether ``version`` of a framework gets security fixes on a day, and why.

        ``version`` is a line (``"4.2"``) or a full version (``"4.2.11"``);
        ``on`` is a date or ``"YYYY-MM-DD"``, today when left out. The
        answer is truthy when the version is known to be supported; a
        framework with no recorded policy gets an answer whose ``security``
        is ``None`` and whose ``reason`` says so.

        Raises:
            UnknownFrameworkError: no record has this name.
            UnknownVersionError: the framework's policy has no line for the
                version (also a :class:`KeyError`); ``suggestions`` holds
                its lines.
            InvalidQueryError: ``version`` or ``on`` is malformed.
        """
        record = self.get(name)
        if not isinstance(version, str):
            raise InvalidQueryError.wrong_type(
                f"a version must be a string, not {type(version).__name__}"
            )
        day = as_day(on)
        try:
            line = find_line(record.release_lines, version)
        except ValueError as error:
            raise InvalidQueryError(str(error)) from None
        policy = record.support_policy
        if policy is None:
            return Support(
                record.id,
                version,
                day,
                None,
                None,
                None,
                f"No release or support policy of {record.name} is recorded, so whether "
                f"{version} is supported is unknown.",
            )
        lines = newest_first(record.release_lines)
        if line is None:
            known = tuple(item.version for item in lines[:5])
            raise UnknownVersionError(f"{record.id} {version}", known)
        title = self.source(policy.sources[0]).title if policy.sources else policy.url
        return assess(
            line,
            lines,
            framework=record.id,
            version=version,
            on=day,
            policy=title,
            policy_sources=policy.sources,
        )

    def recommend(
        self,
        requirements: Requirements,
        model: ScoringModel | None = None,
        *,
        limit: int | None = None,
    ) -> RecommendationResult:
        """Rank this knowledge base's frameworks; see :func:`backend_frameworks.recommend`.

        ``model`` defaults to :meth:`ScoringModel.default`, the built-in
        scorers only: a knowledge base never reads the global registry.
        """
        from ._scoring import recommend  # noqa: PLC0415 - on first use

        return recommend(self, requirements, model, limit=limit)

    # -- container protocol ----------------------------------------------------

    def __getitem__(self, name: str) -> Framework:
        return self.get(name)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalize(name) in self._name_index

    def __iter__(self) -> Iterator[Framework]:
        return iter(self._backend)

    def __len__(self) -> int:
        return len(self._backend)

    def __repr__(self) -> str:
        return (
            f"<KnowledgeBase {len(self._backend)} frameworks, {len(self._records)} records, "
            f"{len(self._sources)} sources, data {self._info.version}>"
        )


def _merge(
    table: dict[str, tuple[str, Any]],
    items: Iterable[tuple[str, Any]],
    key: Any,
    duplicates: list[str],
) -> None:
    layer: dict[str, str] = {}
    for origin, item in items:
        item_id = key(item)
        if item_id in layer:
            duplicates.append(f"{origin}: $.id: {item_id!r} is also defined in {layer[item_id]}")
        layer[item_id] = origin
        table[item_id] = (origin, item)
