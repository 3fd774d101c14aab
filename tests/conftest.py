"""Shared fixtures: the shipped knowledge base and overlay builders."""

from __future__ import annotations

import json
import pathlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import backend_frameworks as bf
from backend_frameworks import _default

REPO = pathlib.Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"

WriteOverlay = Callable[[dict[str, Any]], pathlib.Path]


@pytest.fixture(scope="session")
def kb() -> bf.KnowledgeBase:
    """The shipped knowledge base, loaded once for the whole run."""
    return bf.KnowledgeBase.from_resources()


def minimal_record(record_id: str, **changes: Any) -> dict[str, Any]:
    """A valid record in the data-file layout, citing only seed sources."""
    record: dict[str, Any] = {
        "id": record_id,
        "name": record_id.replace("-", " ").title(),
        "summary": "A framework made up for a test.",
        "kind": {"value": "micro-framework", "sources": ["api-ninjas-2022"]},
        "languages": {"value": ["python"], "sources": ["api-ninjas-2022"]},
        "pros": [{"text": "Small.", "sources": ["api-ninjas-2022"]}],
    }
    record.update(changes)
    return record


@pytest.fixture
def write_overlay(tmp_path: pathlib.Path) -> WriteOverlay:
    """Write ``{relative path: JSON value or raw text}`` as an overlay directory."""

    def write(files: dict[str, Any]) -> pathlib.Path:
        root = tmp_path / "overlay"
        for relative, content in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            text = content if isinstance(content, str) else json.dumps(content)
            path.write_text(text, encoding="utf-8")
        root.mkdir(exist_ok=True)
        return root

    return write


@pytest.fixture(autouse=True)
def clean_registry() -> Iterator[None]:
    """Restore the scorer registry after each test (plugins register globally)."""
    saved = dict(_default._registry)
    yield
    _default._registry.clear()
    _default._registry.update(saved)
