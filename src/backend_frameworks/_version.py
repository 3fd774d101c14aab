"""The package version, read from the installed distribution's metadata."""

from __future__ import annotations

from importlib.metadata import version

__all__ = ["__version__"]

__version__: str = version("backend-frameworks")
"""This distribution's version (the API's; the data has its own, see ``data_info``)."""
