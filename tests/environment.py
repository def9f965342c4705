"""The environment the tests give the ``rotor`` commands and mocks they start: none of the user's Rotor settings
(``ROTOR_API_KEY``, ``ROTOR_BASE_URL``, ``ROTOR_CONFIG``, ...), but the run's kept seeded data (``rotor.testing.
data_cache``), which changes no answer, only whether a started mock makes its 2,500 customers again (about 1 s)."""

from __future__ import annotations

import os

from rotor.testing.data_cache import ENV as DATA_CACHE

KEPT = frozenset({DATA_CACHE})


def is_user_setting(name: str) -> bool:
    return name.startswith("ROTOR_") and name not in KEPT


def without_user_settings() -> dict[str, str]:
    """This process's environment without the user's Rotor settings."""
    return {name: value for name, value in os.environ.items() if not is_user_setting(name)}
