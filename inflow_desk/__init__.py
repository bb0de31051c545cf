"""Inflow Desk: create Inflow Pay checkout links while the customer is on the phone.

``__version__`` comes from one place, the package metadata. Reading it imports
``importlib.metadata`` (tens of milliseconds), so it is read on first use, not at start-up.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    __version__: str

__all__ = ["__version__", "version"]


@cache
def version() -> str:
    """The installed version (``0.0.0+unknown`` for a source tree that was never installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as metadata_version

    try:
        return metadata_version("inflow-desk")
    except PackageNotFoundError:
        return "0.0.0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
