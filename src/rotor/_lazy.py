"""Names a module exports but imports only when first used (PEP 562), so ``import rotor`` stays cheap.

A module lists where each of its lazy names lives, imports them for type checkers under ``TYPE_CHECKING`` (mypy
sees every name and its type, exactly as with eager imports), and defines ``__getattr__`` from ``attributes`` only
when not type checking: a module-level ``__getattr__`` that mypy saw would let it accept any misspelt name.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Mapping
from typing import Any


def attributes(module: str, namespace: dict[str, Any], where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``name`` from ``where[name]`` on first access and caches it in
    ``namespace`` (the module's globals), so later lookups are plain attribute reads. A submodule not imported yet
    is imported when named (``rotor.testing.server`` after a bare ``import rotor.testing``), as it was an attribute
    while the package imported everything at once."""

    def __getattr__(name: str) -> Any:
        source = where.get(name)
        if source is None:
            if importlib.util.find_spec(f"{module}.{name}") is not None:
                return importlib.import_module(f"{module}.{name}")  # which makes it the package's attribute
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(source), name)
        namespace[name] = value
        return value

    return __getattr__
