"""Reading the data files: packaged resources, or an overlay directory.

Everything goes through :class:`importlib.resources.abc.Traversable`, so the
package works from a wheel, a zip file or an editable install. Problems are
collected across all files and raised together as one :class:`DataError`.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import importlib_resources

from ._convert import describe_error, structure
from ._errors import DataError
from ._model import Framework, Guidance, Source, Vocabularies

if TYPE_CHECKING:
    from importlib_resources.abc import Traversable

__all__ = ["DataInfo", "RawData", "load_directory", "packaged_data"]

T = TypeVar("T")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@attrs.frozen
class DataInfo:
    """How fresh the data is: its own version and the date its facts were checked.

    The data version changes whenever the shipped records change, independently
    of the package version (``bf.__version__``).
    """

    version: str
    as_of: datetime.date


@attrs.frozen
class RawData:
    """The structured contents of one data directory, not yet cross-checked."""

    info: DataInfo | None
    frameworks: tuple[tuple[str, Framework], ...]
    """``(origin, record)`` pairs: origin is the file the record came from."""
    sources: tuple[tuple[str, Source], ...]
    vocabularies: Vocabularies
    guidance: tuple[tuple[str, Guidance], ...]


class _Problems:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, origin: str, lines: Iterable[str]) -> None:
        self.lines.extend(f"{origin}: {line}" for line in lines)


def _read_json(node: Traversable, origin: str, problems: _Problems) -> Any:
    try:
        return json.loads(node.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        problems.add(origin, [f"line {error.lineno} column {error.colno}: {error.msg}"])
    except (OSError, UnicodeDecodeError) as error:
        problems.add(origin, [f"cannot be read: {error}"])
    return None


def _structure_or_report(
    raw: Any, cls: type[T], origin: str, path: str, problems: _Problems
) -> T | None:
    try:
        return structure(raw, cls)
    except Exception as error:  # noqa: BLE001 - every structuring failure is reported with its path
        problems.add(origin, describe_error(error, path))
        return None


def _list_under(raw: Any, key: str, origin: str, problems: _Problems) -> list[Any]:
    if not isinstance(raw, dict) or set(raw) != {key} or not isinstance(raw[key], list):
        problems.add(origin, [f"$: expected an object with one key {key!r} holding a list"])
        return []
    items: list[Any] = raw[key]
    return items


def _json_files(folder: Traversable) -> list[Traversable]:
    if not folder.is_dir():
        return []
    return sorted(
        (node for node in folder.iterdir() if node.name.endswith(".json") and node.is_file()),
        key=lambda node: node.name,
    )


def _read_info(root: Traversable, problems: _Problems) -> DataInfo | None:
    node = root / "meta.json"
    if not node.is_file():
        return None
    raw = _read_json(node, "meta.json", problems)
    if raw is None:
        return None
    if (
        not isinstance(raw, dict)
        or set(raw) != {"version", "as_of"}
        or not isinstance(raw["version"], str)
        or not isinstance(raw["as_of"], str)
        or not _DATE.fullmatch(raw["as_of"])
    ):
        problems.add("meta.json", ['$: expected {"version": "...", "as_of": "YYYY-MM-DD"}'])
        return None
    try:
        as_of = datetime.date.fromisoformat(raw["as_of"])
    except ValueError as error:
        problems.add("meta.json", [f"$.as_of: {error}"])
        return None
    return DataInfo(raw["version"], as_of)


def load_directory(root: Traversable) -> RawData:
    """Read and structure every data file under ``root``.

    The layout is ``meta.json``, ``vocabularies.json``, ``guidance.json``,
    ``sources/*.json`` and ``frameworks/*.json``; each part is optional, so an
    overlay holds only what it adds or corrects.

    Raises:
        DataError: listing every malformed file, with the field path.
    """
    problems = _Problems()
    info = _read_info(root, problems)

    vocabularies = Vocabularies()
    vocab_node = root / "vocabularies.json"
    if vocab_node.is_file():
        raw = _read_json(vocab_node, "vocabularies.json", problems)
        if raw is not None:
            vocabularies = (
                _structure_or_report(raw, Vocabularies, "vocabularies.json", "$", problems)
                or vocabularies
            )

    sources: list[tuple[str, Source]] = []
    for node in _json_files(root / "sources"):
        origin = f"sources/{node.name}"
        raw = _read_json(node, origin, problems)
        if raw is None:
            continue
        for index, item in enumerate(_list_under(raw, "sources", origin, problems)):
            source = _structure_or_report(item, Source, origin, f"$.sources[{index}]", problems)
            if source is not None:
                sources.append((origin, source))

    guidance: list[tuple[str, Guidance]] = []
    guidance_node = root / "guidance.json"
    if guidance_node.is_file():
        raw = _read_json(guidance_node, "guidance.json", problems)
        if raw is not None:
            for index, item in enumerate(_list_under(raw, "guidance", "guidance.json", problems)):
                advice = _structure_or_report(
                    item, Guidance, "guidance.json", f"$.guidance[{index}]", problems
                )
                if advice is not None:
                    guidance.append(("guidance.json", advice))

    frameworks: list[tuple[str, Framework]] = []
    for node in _json_files(root / "frameworks"):
        origin = f"frameworks/{node.name}"
        raw = _read_json(node, origin, problems)
        if raw is None:
            continue
        record = _structure_or_report(raw, Framework, origin, "$", problems)
        if record is None:
            continue
        if record.id != node.name.removesuffix(".json"):
            problems.add(origin, [f"$.id: {record.id!r} does not match the file name"])
        frameworks.append((origin, record))

    if problems.lines:
        raise DataError(problems.lines)
    return RawData(info, tuple(frameworks), tuple(sources), vocabularies, tuple(guidance))


def packaged_data() -> Traversable:
    """The data directory shipped inside the package."""
    return importlib_resources.files("backend_frameworks") / "data"


def as_traversable(location: Traversable | str | os.PathLike[str]) -> Traversable:
    """Accept a path or a Traversable for an overlay directory."""
    if isinstance(location, str | os.PathLike):
        from pathlib import Path  # noqa: PLC0415 - only overlays from paths need it

        path = Path(location)
        if not path.is_dir():
            raise DataError([f"{path}: overlay is not a directory"])
        return path
    if not callable(getattr(location, "joinpath", None)) or not callable(
        getattr(location, "iterdir", None)
    ):
        raise DataError(
            [f"{location!r:.60}: an overlay is a directory path or a Traversable, not this"]
        )
    return location
