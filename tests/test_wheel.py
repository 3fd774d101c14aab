"""The installed package carries every data file of the source tree."""

from __future__ import annotations

import importlib_resources
from importlib_resources.abc import Traversable

from .conftest import REPO


def _files(node: Traversable, prefix: str = "") -> set[str]:
    found: set[str] = set()
    for child in node.iterdir():
        name = f"{prefix}{child.name}"
        if child.is_dir():
            found |= _files(child, name + "/")
        else:
            found.add(name)
    return found


def test_every_data_file_is_installed() -> None:
    source_tree = REPO / "src" / "backend_frameworks" / "data"
    assert source_tree.is_dir()
    expected = {
        path.relative_to(source_tree).as_posix()
        for path in source_tree.rglob("*")
        if path.is_file()
    }
    installed = _files(importlib_resources.files("backend_frameworks") / "data")
    assert expected
    assert expected <= installed, f"missing from the installed package: {expected - installed}"


def test_package_is_typed() -> None:
    assert (importlib_resources.files("backend_frameworks") / "py.typed").is_file()
