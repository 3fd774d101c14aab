"""Sphinx configuration."""

from __future__ import annotations

import importlib.metadata
import sys
import typing
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

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
autodoc_typehints = "signature"  # overloads show as written
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True

# Every reference must resolve (the docs build with -n). The standard
# library's and importlib_resources' types have no inventory offline, so they
# are named without a link.
nitpick_ignore = [
    ("py:class", name)
    for name in (
        "Traversable",
        "collections.abc.Callable",
        "collections.abc.Iterable",
        "collections.abc.Mapping",
        "collections.abc.Sequence",
        "datetime.date",
        "enum.Enum",
        "importlib.metadata.EntryPoint",
        "os.PathLike",
        "backend_frameworks._analysis.Table",  # the private scores a result keeps
    )
]


html_theme = "furo"
html_title = "backend-frameworks"


def _write_vocabularies() -> None:
    """Render the shipped vocabularies as Markdown tables for data.md."""
    import pathlib  # noqa: PLC0415

    import backend_frameworks as bf  # noqa: PLC0415

    vocabularies = bf.vocabularies()
    lines: list[str] = []
    for field in ("languages", "runtimes", "architectures", "features", "use_cases"):
        lines += [
            f"### {field.replace('_', ' ').capitalize()}",
            "",
            "| id | name | meaning | search synonyms |",
            "| --- | --- | --- | --- |",
        ]
        if field == "features":
            lines[-2:] = [
                "| id | name | what counts | applies to | search synonyms |",
                "| --- | --- | --- | --- | --- |",
            ]
            lines += [
                f"| `{t.id}` | {t.name} | {t.description} | "
                f"{', '.join(t.applies_to) or 'every kind'} | {', '.join(t.synonyms)} |"
                for t in vocabularies.features
            ]
        else:
            lines += [
                f"| `{t.id}` | {t.name} | {t.description} | {', '.join(t.synonyms)} |"
                for t in getattr(vocabularies, field)
            ]
        lines.append("")
    out = pathlib.Path(__file__).parent / "_generated" / "vocabularies.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")


def _write_catalogue() -> None:
    """Render one row per shipped record, backend and related, for catalogue.md."""
    import pathlib  # noqa: PLC0415

    import backend_frameworks as bf  # noqa: PLC0415

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines: list[str] = []
    for title, records in (
        ("Backend frameworks", bf.frameworks()),
        (
            "Related technologies",
            [r for r in bf.frameworks(include_related=True) if not r.is_backend],
        ),
    ):
        lines += [
            f"## {title} ({len(records)})",
            "",
            "| id | name | kind | languages | packages | maintenance | latest release |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for r in records:
            status = (
                f"{r.maintenance.value.value} ({r.maintenance.as_of})" if r.maintenance else ""
            )
            release = (
                f"{r.latest_release.version} ({r.latest_release.date})" if r.latest_release else ""
            )
            packages = "<br>".join(f"`{p.purl}`" for p in r.packages)
            lines.append(
                f"| `{r.id}` | {cell(r.name)} | {r.kind.value.value} | "
                f"{', '.join(r.languages.value)} | {packages} | {status or ''} | {release} |"
            )
        lines.append("")
    out = pathlib.Path(__file__).parent / "_generated" / "catalogue.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")


_write_vocabularies()
_write_catalogue()


def _public_bases(
    _app: Sphinx, _name: str, _obj: object, _options: dict[str, Any], bases: list[type]
) -> None:
    """Show a private base class (``_LookupMissError``...) as its own bases."""
    index = 0
    while index < len(bases):
        base = bases[index]
        if base.__name__.startswith("_"):
            bases[index : index + 1] = [b for b in base.__bases__ if b not in bases]
        else:
            index += 1


def _type_variable(
    _app: Sphinx, _env: object, node: nodes.Element, _contnode: nodes.Element
) -> nodes.Element | None:
    """Show a type variable of a signature (``T``, ``D``) by its bare name, unlinked."""
    module, _, short = str(node.get("reftarget", "")).rpartition(".")
    if module.startswith("backend_frameworks._") and isinstance(
        getattr(sys.modules.get(module), short, None), typing.TypeVar
    ):
        return nodes.literal(text=short)
    return None


def setup(app: Sphinx) -> None:
    """Register the hooks above."""
    app.connect("autodoc-process-bases", _public_bases)
    app.connect("missing-reference", _type_variable)
