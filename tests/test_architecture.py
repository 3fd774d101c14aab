"""The package's import graph: no cycles, and only the faces touch the shared defaults.

Imports are read from the source with :mod:`ast`, including those made
inside functions; imports under ``if TYPE_CHECKING:`` are annotations only
and do not count.
"""

from __future__ import annotations

import ast
import graphlib
import importlib
import pathlib
import subprocess
import sys

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


def _lazy_map(tree: ast.AST) -> dict[str, str]:
    """The facade's ``_LAZY`` table (public name -> module), read from its source."""
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            if any(isinstance(t, ast.Name) and t.id == "_LAZY" for t in targets):
                assert isinstance(node.value, ast.Dict)
                return {
                    ast.literal_eval(key): ast.literal_eval(value)
                    for key, value in zip(node.value.keys, node.value.values, strict=True)
                    if key is not None
                }
    return {}


def import_graph(package: pathlib.Path = PACKAGE) -> dict[str, set[str]]:
    """Module name -> the package modules it imports at run time.

    The facade imports its names on first use from the modules its ``_LAZY``
    table names: those are its edges, and its one ``import_module`` call is
    that table's loader, not a dynamic import.
    """
    paths = sorted(package.glob("*.py"))
    modules = frozenset(path.stem for path in paths)
    graph = {}
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports = _imported(path.stem, tree, modules)
        lazy = _lazy_map(tree) if path.stem == "__init__" else {}
        if lazy:
            imports = (imports - {"<dynamic>"}) | {module.lstrip(".") for module in lazy.values()}
        graph[path.stem] = imports
    return graph


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


# -- the lazy facade ---------------------------------------------------------


def test_the_facade_names_every_public_name_once_and_lazily() -> None:
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    lazy = _lazy_map(tree)
    assert set(lazy) == set(backend_frameworks.__all__)
    # The imports under TYPE_CHECKING (for readers and type checkers) say the same.
    declared = {
        alias.asname or alias.name: f".{node.module}"
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and _is_type_checking(block)
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert declared == lazy
    for name, module in lazy.items():
        owner = importlib.import_module(module, "backend_frameworks")
        assert getattr(backend_frameworks, name) is getattr(owner, name)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = backend_frameworks.nope
    assert set(backend_frameworks.__all__) <= set(dir(backend_frameworks))


def _modules_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    )
    return set(done.stdout.split())


def test_importing_costs_nothing_until_a_name_is_used() -> None:
    assert {
        m for m in _modules_after("import backend_frameworks") if "backend_frameworks." in m
    } == set()
    assert "typing" not in _modules_after("import backend_frameworks") - _modules_after("")
    looked_up = _modules_after("import backend_frameworks as bf\nbf.get('django')")
    heavy = {"_scoring", "_scorers", "_analysis", "_search", "_compare", "_provenance", "_plugins"}
    assert {f"backend_frameworks.{m}" for m in heavy}.isdisjoint(looked_up)
    assert "importlib.metadata" not in looked_up
