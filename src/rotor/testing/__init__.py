"""A faithful, stateful mock of the Rotor API, for this project's tests and for yours.

Needs the ``mock`` extra (``pip install 'rotor-sdk[mock]'``). With pytest, the fixtures ``rotor_mock`` (in-process,
no socket) and ``rotor_mock_server`` (real HTTP on 127.0.0.1) are registered automatically; each gives a fresh
mock with ``.client()``/``.async_client()`` for a ready ``Rotor``/``AsyncRotor``, ``.store`` (the data),
``.faults`` (fault switches) and ``.keys`` (keys, scopes, quota counters).
"""

from rotor.testing.app import NO_SCOPE_API_KEY, READ_ONLY_API_KEY, TEST_API_KEY, MockRotor
from rotor.testing.faults import Faults
from rotor.testing.harness import LiveMock, Mock
from rotor.testing.server import MockServer

__all__ = [
    "NO_SCOPE_API_KEY",
    "READ_ONLY_API_KEY",
    "TEST_API_KEY",
    "Faults",
    "LiveMock",
    "Mock",
    "MockRotor",
    "MockServer",
]
