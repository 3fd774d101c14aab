"""The README's example runs as written."""

from __future__ import annotations

import contextlib
import io
import re

from .conftest import REPO


def test_readme_example_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    assert blocks, "the README has no Python example"
    out = io.StringIO()
    namespace: dict[str, object] = {}
    with contextlib.redirect_stdout(out):
        for block in blocks:
            exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    assert out.getvalue().startswith("Ruby on Rails MIT\n")
