"""A faithful, stateful mock of the Rotor API, for this project's tests and for yours.

Needs the ``mock`` extra (``pip install 'rotor-sdk[mock]'``). With pytest, the fixtures ``rotor_mock`` (in-process,
no socket), ``rotor_mock_server`` (real HTTP on 127.0.0.1) and ``rotor_mock_factory`` are registered automatically
(``rotor.pytest_plugin``); each gives a fresh mock with ``.client()``/``.async_client()`` for a ready
``Rotor``/``AsyncRotor``, ``.store`` (the data), ``.faults`` (fault switches) and ``.keys`` (keys, scopes, quota
counters), and ``.churn`` when records change as clients read (``Churn``).
"""

import importlib.util
import warnings
from typing import TYPE_CHECKING, Any

# Checked before anything is imported, so a consumer without the extra learns the fix, not a deep traceback.
_EXTRA = ("starlette", "uvicorn", "faker", "openapi_core", "yaml")
_missing = [name for name in _EXTRA if importlib.util.find_spec(name) is None]
if _missing:
    raise ImportError(
        f"rotor.testing needs the 'mock' extra (missing module: {', '.join(_missing)}); "
        "install it with: pip install 'rotor-sdk[mock]'",
        name=_missing[0],
    )

from rotor import _lazy  # noqa: E402

if TYPE_CHECKING:
    from rotor.testing.app import NO_SCOPE_API_KEY, READ_ONLY_API_KEY, TEST_API_KEY, MockRotor
    from rotor.testing.churn import Churn
    from rotor.testing.factory import MockFactory
    from rotor.testing.faults import Faults
    from rotor.testing.harness import LiveMockRotorAPI, MockRotorAPI
    from rotor.testing.server import MockServer

    Mock = MockRotorAPI  # deprecated names (below): they warn when used
    LiveMock = LiveMockRotorAPI

# Where each name lives, imported on first use: a served mock (``python -m rotor.testing``, ``rotor mock serve``)
# needs the app and the server, never the SDK's clients and httpx that the harness brings (about 0.2 s of each
# start).
_SOURCES = {
    **dict.fromkeys(["NO_SCOPE_API_KEY", "READ_ONLY_API_KEY", "TEST_API_KEY", "MockRotor"], "rotor.testing.app"),
    "Churn": "rotor.testing.churn",
    "MockFactory": "rotor.testing.factory",
    "Faults": "rotor.testing.faults",
    "LiveMockRotorAPI": "rotor.testing.harness",
    "MockRotorAPI": "rotor.testing.harness",
    "MockServer": "rotor.testing.server",
}

__all__ = [
    "NO_SCOPE_API_KEY",
    "READ_ONLY_API_KEY",
    "TEST_API_KEY",
    "Churn",
    "Faults",
    "LiveMockRotorAPI",
    "MockFactory",
    "MockRotor",
    "MockRotorAPI",
    "MockServer",
]

# The old names shadowed unittest.mock.Mock in test files; kept for one release.
_DEPRECATED = {"Mock": "MockRotorAPI", "LiveMock": "LiveMockRotorAPI"}
_load = _lazy.attributes(__name__, globals(), _SOURCES)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})  # the names not imported yet too (completion in a REPL)


if not TYPE_CHECKING:  # type checkers see the imports above, so a misspelt name is an error there

    def __getattr__(name: str) -> Any:
        if name in _DEPRECATED:
            new = _DEPRECATED[name]
            warnings.warn(
                f"rotor.testing.{name} is deprecated and will be removed in the next release; use {new}",
                DeprecationWarning,
                stacklevel=2,
            )
            return _load(new)
        return _load(name)
