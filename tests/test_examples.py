"""The README's and the guides' Python examples run as written and pass ``mypy --strict``.

Each page's ``python`` blocks form one program, in page order (a later
block may use an earlier block's names), as a reader pasting them would.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import mypy.api
import pytest

from .conftest import REPO

PAGES = (
    "README.md",
    "docs/quickstart.md",
    "docs/querying.md",
    "docs/scoring.md",
    "docs/lifecycle.md",
)
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def program(page: str) -> str:
    """The page's Python blocks, joined in order."""
    blocks = _BLOCK.findall((REPO / page).read_text(encoding="utf-8"))
    assert blocks, f"{page} has no Python example"
    return "\n\n".join(blocks)


def test_every_page_with_python_examples_is_checked() -> None:
    pages = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    with_examples = {
        str(page.relative_to(REPO))
        for page in pages
        if _BLOCK.search(page.read_text(encoding="utf-8"))
    }
    assert with_examples == set(PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_examples_run(page: str) -> None:
    out = io.StringIO()
    namespace: dict[str, object] = {"__name__": "example"}
    with contextlib.redirect_stdout(out):
        exec(compile(program(page), page, "exec"), namespace)  # noqa: S102 - our own pages
    if page == "README.md":
        assert out.getvalue().startswith("Ruby on Rails MIT\n")


def test_examples_pass_mypy_strict(tmp_path: Path) -> None:
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")  # --strict alone, not the project's settings
    files = []
    for page in PAGES:
        path = tmp_path / (Path(page).stem.casefold() + "_example.py")
        path.write_text(program(page), encoding="utf-8")
        files.append(str(path))
    out, err, status = mypy.api.run(
        [
            "--strict",
            "--no-error-summary",
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            "--config-file",
            str(config),
            *files,
        ]
    )
    assert status == 0, out + err
