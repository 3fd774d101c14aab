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
exclude_patterns = ["_build"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True


html_theme = "furo"
html_title = "backend-frameworks"
