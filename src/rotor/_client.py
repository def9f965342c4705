"""``Rotor`` and ``AsyncRotor``: configuration, resources, lifecycle."""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import Any

import httpx

from rotor import _constants
from rotor._base_client import AsyncAPIClient, SyncAPIClient
from rotor._options import TimeoutArg
from rotor.resources import AsyncResources, SyncResources


class Rotor(SyncAPIClient, SyncResources):
    """Synchronous client for the Rotor Open API.

    ``api_key`` defaults to ``$ROTOR_API_KEY`` and ``base_url`` to ``$ROTOR_BASE_URL``, then to production.
    Use it as a context manager, or call ``close()``, to release connections.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int = _constants.DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            http_client=http_client,
        )
        self._add_resources(self)

    def with_options(
        self,
        *,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> Rotor:
        """A client sharing this one's connections, with some options changed (``default_headers`` are added)."""
        options = self._options(timeout=timeout, max_retries=max_retries, default_headers=default_headers)
        client = Rotor(http_client=self._http, **options)
        client._sleep = self._sleep  # a test's no-sleep (or recording) backoff carries over too
        return client

    def __enter__(self) -> Rotor:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class AsyncRotor(AsyncAPIClient, AsyncResources):
    """Asynchronous client for the Rotor Open API (same options as ``Rotor``)."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int = _constants.DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            http_client=http_client,
        )
        self._add_resources(self)

    def with_options(
        self,
        *,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> AsyncRotor:
        """A client sharing this one's connections, with some options changed (as ``Rotor.with_options``)."""
        options = self._options(timeout=timeout, max_retries=max_retries, default_headers=default_headers)
        client = AsyncRotor(http_client=self._http, **options)
        client._sleep = self._sleep  # a test's no-sleep (or recording) backoff carries over too
        return client

    async def __aenter__(self) -> AsyncRotor:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
