"""Inflow Desk: create Inflow Pay checkout links while the customer is on the phone."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("inflow-desk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
