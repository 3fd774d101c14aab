"""The shared default knowledge base and the module-level functions over it.

Nothing is read at import. The first call that needs data builds the default
instance once, under a lock, however many threads ask at the same time.
"""

from __future__ import annotations

import threading
from typing import Any

from ._convert import unstructure
from ._kb import KnowledgeBase
from ._load import DataInfo
from ._model import Framework, Guidance, Source

__all__ = [
    "data_info",
    "default_knowledge_base",
    "frameworks",
    "get",
    "guidance",
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
