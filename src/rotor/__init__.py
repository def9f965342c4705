"""Python SDK for the Rotor Open API."""

from rotor._version import __version__

__all__ = ["__version__"]
