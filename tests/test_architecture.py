"""The package's import graph: no cycles, and only the faces touch the shared defaults.

Imports are read from the source with :mod:`ast`, including those made
inside functions; imports under ``if TYPE_CHECKING:`` are annotations only
and do not count.
"""

from __future__ import annotations

import ast
import graphlib
import pathlib

import pytest

import backend_frameworks

PACKAGE = pathlib.Path(backend_frameworks.__file__).parent
FACES = frozenset({"__init__", "__main__", "_cli", "_default"})
"""The modules that may use the shared default knowledge base and scorer registry."""
SHARED = FACES
"""A lower module may import no face: each one holds, re-exports or uses the defaults."""


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(module: str, tree: ast.AST, modules: frozenset[str] = frozenset()) -> set[str]:
    """The package modules that ``module`` imports at run time.

    ``modules`` are the package's module names, so that ``from . import _x``
    counts as importing ``_x`` (and not the package root).
    """
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for statement in node.orelse:
                visit(statement)
            return
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level == 1:
                for alias in node.names:
                    found.add(alias.name if alias.name in modules else "__init__")
            elif node.module and node.module.split(".")[0] == "backend_frameworks":
                parts = node.module.split(".")
                found.add(parts[1] if len(parts) > 1 else "__init__")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "backend_frameworks":
                    found.add(parts[1] if len(parts) > 1 else "__init__")
        elif _dynamic_import(node):
            found.add("<dynamic>")
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    found.discard(module)
    return found


def _dynamic_import(node: ast.AST) -> bool:
    """A call of ``importlib.import_module`` or ``__import__``: not allowed in the package."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id in {"__import__", "import_module"}) or (
        isinstance(func, ast.Attribute) and func.attr == "import_module"
    )


def import_graph(package: pathlib.Path = PACKAGE) -> dict[str, set[str]]:
    """Module name -> the package modules it imports at run time."""
    paths = sorted(package.glob("*.py"))
    modules = frozenset(path.stem for path in paths)
    return {
        path.stem: _imported(path.stem, ast.parse(path.read_text(encoding="utf-8")), modules)
        for path in paths
    }


def cycle_in(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, or ``None``."""
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as error:
        cycle: list[str] = error.args[1]
        return cycle
    return None


def reaching_up(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Modules outside the faces that import the shared defaults."""
    return {
        module: imports & SHARED
        for module, imports in graph.items()
        if module not in FACES and imports & SHARED
    }


def test_the_graph_reads_every_module() -> None:
    graph = import_graph()
    assert {"_kb", "_query", "_scoring", "_default", "__init__"} <= set(graph)
    assert "_kb" in graph["_default"]
    # An import made inside a function counts.
    assert "_scoring" in _imported("x", ast.parse("def f():\n    from ._scoring import a\n"))
    # One under TYPE_CHECKING does not.
    code = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ._kb import KB\n"
    assert _imported("x", ast.parse(code)) == set()


def test_no_import_cycle() -> None:
    assert cycle_in(import_graph()) is None


def test_only_the_faces_use_the_shared_defaults() -> None:
    assert reaching_up(import_graph()) == {}


def test_no_module_imports_dynamically() -> None:
    assert {name for name, imports in import_graph().items() if "<dynamic>" in imports} == set()


@pytest.mark.parametrize(
    ("sources", "cycle", "offenders"),
    [
        ({"_a": "from ._b import x", "_b": "y = 1"}, False, {}),
        ({"_a": "from ._b import x", "_b": "def f():\n    from ._a import y\n"}, True, {}),
        (
            {
                "_a": "from ._b import x",
                "_b": "from ._c import y",
                "_c": "import backend_frameworks._a",
            },
            True,
            {},
        ),
        (
            {"_q": "def f():\n    from ._default import kb\n", "_default": ""},
            False,
            {"_q": {"_default"}},
        ),
        ({"_q": "from . import get", "__init__": ""}, False, {"_q": {"__init__"}}),
        ({"_cli": "from ._default import kb", "_default": ""}, False, {}),
        ({"_q": "from . import _names", "_names": ""}, False, {}),
        ({"_q": "from . import _cli", "_cli": ""}, False, {"_q": {"_cli"}}),
        ({"_q": "def f():\n    __import__('backend_frameworks._default')\n"}, False, {}),
    ],
)
def test_the_checks_catch_what_they_look_for(
    tmp_path: pathlib.Path,
    sources: dict[str, str],
    cycle: bool,
    offenders: dict[str, set[str]],
) -> None:
    for name, code in sources.items():
        (tmp_path / f"{name}.py").write_text(code, encoding="utf-8")
    graph = import_graph(tmp_path)
    assert (cycle_in(graph) is not None) is cycle
    assert reaching_up(graph) == offenders
