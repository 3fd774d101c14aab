"""Sphinx configuration."""

from __future__ import annotations

import importlib.metadata

project = "backend-frameworks"
author = "The backend-frameworks developers"
copyright = "2026, The backend-frameworks developers"
release = importlib.metadata.version("backend-frameworks")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "_generated"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True


html_theme = "furo"
html_title = "backend-frameworks"


def _write_vocabularies() -> None:
    """Render the shipped vocabularies as Markdown tables for data.md."""
    import pathlib  # noqa: PLC0415

    import backend_frameworks as bf  # noqa: PLC0415

    vocabularies = bf.default_knowledge_base().vocabularies
    lines: list[str] = []
    for field in ("languages", "runtimes", "architectures", "features", "use_cases"):
        lines += [
            f"### {field.replace('_', ' ').capitalize()}",
            "",
            "| id | name | meaning |",
            "| --- | --- | --- |",
        ]
        lines += [
            f"| `{t.id}` | {t.name} | {t.description} |" for t in getattr(vocabularies, field)
        ]
        lines.append("")
    out = pathlib.Path(__file__).parent / "_generated" / "vocabularies.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")


_write_vocabularies()
