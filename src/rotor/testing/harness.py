"""Ready-made pairings of the mock with SDK clients: in-process (``MockRotorAPI``) or over HTTP
(``LiveMockRotorAPI``).

Clients made here do not sleep through retry backoff: a test of retries would otherwise wait seconds for nothing.
The waits they would have slept are recorded in ``retry_sleeps``; ``client(real_sleep=True)`` sleeps for real.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any, Self

import attrs
import httpx

from rotor._base_client import ssl_context
from rotor._client import AsyncRotor, Rotor
from rotor.testing.app import BASE_PATH, MockRotor
from rotor.testing.churn import Churn
from rotor.testing.customers import CustomerStore
from rotor.testing.faults import Faults
from rotor.testing.leads import LeadStore
from rotor.testing.server import MockServer
from rotor.testing.store import KeyRing
from rotor.testing.transport import AsyncMockTransport, MockTransport

FaultsArg = Faults | Mapping[str, Any] | None
ChurnArg = Churn | Mapping[str, Any] | None


def make_mock(*, faults: FaultsArg = None, churn: ChurnArg = None, **options: Any) -> MockRotor:
    """A ``MockRotor`` with ``options`` (record counts per resource, ``seed``, ``daily_quota``, ``keys``);
    ``faults`` and ``churn`` may also be dicts of ``Faults`` / ``Churn`` fields (handy in a pytest marker). A
    ``Churn`` is copied: one in a marker is shared by every test the marker applies to, and each mock must count and
    time its own."""
    if isinstance(faults, Mapping):
        faults = Faults(**faults)
    churn = Churn(**churn) if isinstance(churn, Mapping) else attrs.evolve(churn) if churn is not None else None
    return MockRotor(faults=faults, churn=churn, **options)


class MockRotorAPI:
    """A fresh mock served in-process: clients reach it through an httpx transport, no socket.

    Options are those of ``make_mock``: a record count per resource (``customers=300``; each store's
    ``default_count`` otherwise), ``seed`` (0), ``daily_quota`` (1000), ``keys`` (key -> scopes; the first is the one
    clients use), ``faults`` and ``churn``. With the defaults, ``client.customers.list().total`` is 2258: archived
    customers are listed only with ``archived=True``.
    """

    base_url = f"http://rotor.mock{BASE_PATH}"

    def __init__(self, mock: MockRotor | None = None, **options: Any) -> None:
        self.mock = mock or make_mock(**options)
        self.retry_sleeps: list[float] = []  # seconds each retry of this mock's clients would have slept

    @property
    def api_key(self) -> str:
        return self.mock.api_key

    @property
    def store(self) -> CustomerStore:
        """The customers."""
        return self.mock.store

    @property
    def leads(self) -> LeadStore:
        return self.mock.leads

    @property
    def faults(self) -> Faults:
        return self.mock.faults

    @faults.setter
    def faults(self, faults: Faults) -> None:
        self.mock.faults = faults

    @property
    def churn(self) -> Churn | None:
        """The mock's churn (a copy of the one given), if any: ``churn.step(...)``, ``churn.counts``."""
        return self.mock.churn

    @property
    def keys(self) -> KeyRing:
        return self.mock.keys

    @property
    def last_request_id(self) -> str | None:
        """The ``x-request-id`` of the mock's latest response."""
        return self.mock.last_request_id

    def http_client(self) -> httpx.Client:
        """An httpx client that reaches this mock; the caller closes it."""
        return httpx.Client(transport=MockTransport(self.mock.app))

    def async_http_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=AsyncMockTransport(self.mock.app))

    def client(self, *, real_sleep: bool = False, **options: Any) -> Rotor:
        """A ``Rotor`` wired to this mock (options as for ``Rotor``; the key defaults to the mock's first key).

        Retries record their waits in ``retry_sleeps`` instead of sleeping, unless ``real_sleep=True``.
        """
        options.setdefault("api_key", self.api_key)
        if "http_client" in options:
            client = Rotor(base_url=self.base_url, **options)
        else:
            client = Rotor(base_url=self.base_url, http_client=self.http_client(), **options)
            client._owns_http = True  # made for this client alone: closing the client closes it
        if not real_sleep:
            client._sleep = self.retry_sleeps.append
        return client

    def async_client(self, *, real_sleep: bool = False, **options: Any) -> AsyncRotor:
        """An ``AsyncRotor`` wired to this mock (as ``client()``)."""
        options.setdefault("api_key", self.api_key)
        if "http_client" in options:
            client = AsyncRotor(base_url=self.base_url, **options)
        else:
            client = AsyncRotor(base_url=self.base_url, http_client=self.async_http_client(), **options)
            client._owns_http = True
        if not real_sleep:
            client._sleep = self._record_async_sleep
        return client

    async def _record_async_sleep(self, seconds: float) -> None:
        self.retry_sleeps.append(seconds)
        await asyncio.sleep(0)  # still a suspension point, as a real sleep is: other tasks run meanwhile

    def close(self) -> None:
        """Release what the mock holds (nothing in-process; the server for ``LiveMockRotorAPI``)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class LiveMockRotorAPI(MockRotorAPI):
    """A fresh mock served over real HTTP on 127.0.0.1 (a free port) until ``close()`` (options as
    ``MockRotorAPI``, plus ``port``).

    ``server``: a running ``MockServer`` to serve it on instead of starting one (it is then this mock's until
    another is given to it, and stays up after ``close()``): the ``rotor_mock_server`` fixture keeps one per test
    session.
    """

    def __init__(
        self,
        mock: MockRotor | None = None,
        *,
        port: int | None = None,
        server: MockServer | None = None,
        **options: Any,
    ) -> None:
        super().__init__(mock, **options)
        self._owns_server = server is None
        if server is None:
            server = MockServer(self.mock, port=port).start()
        else:
            server.mock = self.mock
        self.server = server
        self.base_url = server.base_url

    def http_client(self) -> httpx.Client:
        return httpx.Client(verify=ssl_context(self.base_url))  # a client per test loads no CA bundle

    def async_http_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(verify=ssl_context(self.base_url))

    def close(self) -> None:
        if self._owns_server:
            self.server.stop()
