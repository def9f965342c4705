"""pytest fixtures for testing code that uses the Rotor SDK (registered automatically via an entry point).

    def test_my_sync(rotor_mock):
        client = rotor_mock.client()
        assert client.customers.list(limit=5).data

Imports are deferred so that installing ``rotor-sdk`` without the ``mock`` extra never breaks pytest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from rotor.testing.harness import LiveMock, Mock


@pytest.fixture
def rotor_mock() -> Iterator[Mock]:
    """A fresh in-process mock (2,500 seeded customers, daily quota 1,000, faults off)."""
    from rotor.testing.harness import Mock

    mock = Mock()
    yield mock
    mock.close()


@pytest.fixture
def rotor_mock_server() -> Iterator[LiveMock]:
    """A fresh mock served over HTTP on 127.0.0.1 (same defaults as ``rotor_mock``)."""
    from rotor.testing.harness import LiveMock

    mock = LiveMock()
    yield mock
    mock.close()
