"""Ready-made pairings of the mock with SDK clients: in-process (``Mock``) or over HTTP (``LiveMock``)."""

from __future__ import annotations

from typing import Any, Self

import httpx

from rotor._client import AsyncRotor, Rotor
from rotor.testing.app import BASE_PATH, MockRotor
from rotor.testing.faults import Faults
from rotor.testing.server import MockServer
from rotor.testing.store import CustomerStore, KeyRing
from rotor.testing.transport import AsyncMockTransport, MockTransport


class Mock:
    """A fresh mock served in-process: clients reach it through an httpx transport, no socket."""

    base_url = f"http://rotor.mock{BASE_PATH}"

    def __init__(self, mock: MockRotor | None = None, **options: Any) -> None:
        self.mock = mock or MockRotor(**options)

    @property
    def api_key(self) -> str:
        return self.mock.api_key

    @property
    def store(self) -> CustomerStore:
        return self.mock.store

    @property
    def faults(self) -> Faults:
        return self.mock.faults

    @property
    def keys(self) -> KeyRing:
        return self.mock.keys

    def http_client(self) -> httpx.Client:
        """An httpx client that reaches this mock; the caller closes it."""
        return httpx.Client(transport=MockTransport(self.mock.app))

    def async_http_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=AsyncMockTransport(self.mock.app))

    def client(self, **options: Any) -> Rotor:
        """A ``Rotor`` wired to this mock (options as for ``Rotor``; the key defaults to the mock's test key)."""
        options.setdefault("api_key", self.api_key)
        if "http_client" in options:
            return Rotor(base_url=self.base_url, **options)
        client = Rotor(base_url=self.base_url, http_client=self.http_client(), **options)
        client._owns_http = True  # made for this client alone: closing the client closes it
        return client

    def async_client(self, **options: Any) -> AsyncRotor:
        """An ``AsyncRotor`` wired to this mock (as ``client()``)."""
        options.setdefault("api_key", self.api_key)
        if "http_client" in options:
            return AsyncRotor(base_url=self.base_url, **options)
        client = AsyncRotor(base_url=self.base_url, http_client=self.async_http_client(), **options)
        client._owns_http = True
        return client

    def close(self) -> None:
        """Release what the mock holds (nothing in-process; the server for ``LiveMock``)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class LiveMock(Mock):
    """A fresh mock served over real HTTP on 127.0.0.1 (a free port) until ``close()``."""

    def __init__(self, mock: MockRotor | None = None, *, port: int | None = None, **options: Any) -> None:
        super().__init__(mock, **options)
        self.server = MockServer(self.mock, port=port).start()
        self.base_url = self.server.base_url

    def http_client(self) -> httpx.Client:
        return httpx.Client()

    def async_http_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient()

    def close(self) -> None:
        self.server.stop()
