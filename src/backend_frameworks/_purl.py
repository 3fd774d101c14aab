"""Package URLs (purl): parse the ``pkg:type/namespace/name`` part and normalise it.

Only what identifies a package is kept: a version (``@4.18.2``), qualifiers
(``?...``) and a subpath (``#...``) are dropped, so a tool that sees a
dependency with its version finds the same record. Names are compared in
the case rules of each ecosystem, as the purl specification gives them.
"""

from __future__ import annotations

import re
import urllib.parse
from typing import Final

__all__ = ["ECOSYSTEMS", "canonical", "parse"]

ECOSYSTEMS: Final = {
    "cargo": "crates.io",
    "composer": "Packagist",
    "gem": "RubyGems",
    "golang": "Go modules",
    "hex": "Hex",
    "maven": "Maven",
    "npm": "npm",
    "nuget": "NuGet",
    "pypi": "PyPI",
    "swift": "Swift Package Manager",
}
"""The purl types the knowledge base uses, with the ecosystem each names."""

# Ecosystems whose package names are case-insensitive; the purl spec lowercases them.
_LOWERCASE: Final = frozenset({"composer", "hex", "npm", "nuget", "pypi"})
# Ecosystems whose packages always have a namespace (group, vendor or module path).
_NAMESPACED: Final = frozenset({"composer", "golang", "maven", "swift"})
_SEGMENT = re.compile(r"[^\s/?#@]+")


def parse(purl: str) -> tuple[str, str, str]:
    """``(type, namespace, name)`` of a purl, normalised; ``ValueError`` if malformed.

    >>> parse("pkg:npm/%40hapi/hapi@21.3.0")
    ('npm', '@hapi', 'hapi')
    >>> parse("pkg:PyPI/Flask_SQLAlchemy")
    ('pypi', '', 'flask-sqlalchemy')
    >>> parse("pkg:golang/github.com/labstack/echo/v5")
    ('golang', 'github.com/labstack/echo', 'v5')
    """
    scheme, colon, rest = purl.strip().partition(":")
    if not colon or scheme.lower() != "pkg":
        msg = f"{purl!r:.80} is not a purl: it starts with 'pkg:'"
        raise ValueError(msg)
    rest = rest.lstrip("/").split("#", 1)[0].split("?", 1)[0]
    kind, slash, path = rest.partition("/")
    kind = kind.lower()
    if kind not in ECOSYSTEMS:
        known = ", ".join(sorted(ECOSYSTEMS))
        msg = f"{purl!r:.80}: unknown package type {kind!r}; known: {known}"
        raise ValueError(msg)
    segments = [urllib.parse.unquote(part) for part in path.strip("/").split("/") if part]
    if segments:
        head, at, _version = segments[-1].rpartition("@")
        if at and head:  # an "@" that begins the segment is an npm scope, not a version
            segments[-1] = head
    if not slash or not segments or not all(_SEGMENT.fullmatch(s.lstrip("@")) for s in segments):
        msg = f"{purl!r:.80} is not a purl: expected pkg:{kind}/[namespace/]name"
        raise ValueError(msg)
    *namespace, name = segments
    if kind in _NAMESPACED and not namespace:
        msg = f"{purl!r:.80}: a {ECOSYSTEMS[kind]} package needs a namespace"
        raise ValueError(msg)
    spaced = "/".join(namespace)
    if kind in _LOWERCASE:
        spaced, name = spaced.lower(), name.lower()
    if kind == "pypi":
        name = name.replace("_", "-")
    return kind, spaced, name


def canonical(purl: str) -> str:
    """The purl without version, qualifiers or subpath, normalised and percent-encoded.

    >>> canonical("pkg:npm/@NestJS/Core@11.0.0")
    'pkg:npm/%40nestjs/core'
    >>> canonical("pkg:maven/org.playframework/play_2.13")
    'pkg:maven/org.playframework/play_2.13'
    """
    kind, namespace, name = parse(purl)
    parts = [*namespace.split("/"), name] if namespace else [name]
    return f"pkg:{kind}/" + "/".join(urllib.parse.quote(part, safe=".-_~") for part in parts)
