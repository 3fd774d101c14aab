"""Every check the project runs: ``nox`` runs them all, ``nox -s NAME`` one.

The test sessions build the wheel and install it (not the source tree), so a
data file missing from the wheel fails the tests.
"""

from __future__ import annotations

import pathlib
import tempfile

import nox

nox.options.error_on_missing_interpreters = True
nox.options.default_venv_backend = "venv"
nox.options.sessions = ["lint", "typecheck", "tests", "docs", "bench"]

PYTHONS = ["3.11", "3.12", "3.13"]
ROOT = pathlib.Path(__file__).parent
PYPROJECT = nox.project.load_toml("pyproject.toml")


def group(name: str) -> list[str]:
    """The requirements of one dependency group of pyproject.toml."""
    return nox.project.dependency_groups(PYPROJECT, name)


def install_wheel(session: nox.Session) -> None:
    """Build the project's wheel and install it, with its dependencies."""
    with tempfile.TemporaryDirectory() as tmp:
        session.run("python", "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp, str(ROOT))
        (wheel,) = pathlib.Path(tmp).glob("backend_frameworks-*.whl")
        session.install(str(wheel))


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff: lint rules and formatting."""
    session.install(*group("lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHONS[0])
def typecheck(session: nox.Session) -> None:
    """Mypy in strict mode over src/ and tests/."""
    session.install(*group("typecheck"))
    session.install("-e", ".")
    session.run("mypy")


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The test suite and doctests against the installed wheel, with coverage."""
    session.install(*group("test"))
    install_wheel(session)
    # A real plugin distribution, discovered through its entry point by the tests.
    session.install("./tests/plugin_dist")
    session.run(
        "python",
        "-m",
        "pytest",
        "--cov=backend_frameworks",
        "--cov-report=term",
        "--doctest-modules",
        "--pyargs",
        "backend_frameworks",
        "tests",
        *session.posargs,
        env={
            "COVERAGE_FILE": str(ROOT / f".coverage.{session.python}"),
            # The tests that need the example distribution must run here.
            "BF_REQUIRE_PLUGIN_DIST": "1",
        },
    )


@nox.session(python=PYTHONS[0])
def docs(session: nox.Session) -> None:
    """Build the documentation: nitpicky (every reference resolves), any warning an error."""
    session.install(*group("docs"))
    session.install(".")
    build = ("sphinx-build", "-n", "-W", "--keep-going", "-b", "html")
    session.run(*build, "docs", "docs/_build/html")


@nox.session(python=PYTHONS[0])
def bench(session: nox.Session) -> None:
    """The benchmark in its quick mode: proves the script runs; asserts no time.

    ``nox -s bench -- --full`` runs every size (it takes minutes and a few
    GiB of memory).
    """
    session.install(*group("bench"))
    install_wheel(session)
    full = "--full" in session.posargs
    out = (
        str(ROOT / "benchmark-results.json") if full else str(session.create_tmp() + "/bench.json")
    )
    session.run("python", "benchmarks/run.py", *([] if full else ["--quick"]), "--json", out)
