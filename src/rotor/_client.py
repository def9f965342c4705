"""``Rotor`` and ``AsyncRotor``: configuration, resources, lifecycle."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any, Generic, ParamSpec, TypeVar

import httpx

from rotor import _constants
from rotor._base_client import AsyncAPIClient, RawResponse, SyncAPIClient, want_raw
from rotor._options import TimeoutArg
from rotor.resources import (
    AsyncAuth,
    AsyncCustomers,
    AsyncLeads,
    AsyncPins,
    AsyncPinTypes,
    AsyncServicedJobs,
    AsyncServicePlans,
    Auth,
    Customers,
    Leads,
    Pins,
    PinTypes,
    ServicedJobs,
    ServicePlans,
)

P = ParamSpec("P")
T = TypeVar("T")


def _raw(method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        token = want_raw.set(True)
        try:
            return method(*args, **kwargs)  # type: ignore[return-value]
        finally:
            want_raw.reset(token)

    return wrapper


def _async_raw(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[RawResponse[T]]]:
    @functools.wraps(method)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        token = want_raw.set(True)
        try:
            return await method(*args, **kwargs)  # type: ignore[return-value]
        finally:
            want_raw.reset(token)

    return wrapper


class Rotor(SyncAPIClient):
    """Synchronous client for the Rotor Open API.

    ``api_key`` defaults to ``$ROTOR_API_KEY`` and ``base_url`` to ``$ROTOR_BASE_URL``, then to production.
    Use it as a context manager, or call ``close()``, to release connections.
    """

    customers: Customers
    leads: Leads
    pins: Pins
    pin_types: PinTypes
    service_plans: ServicePlans
    serviced_jobs: ServicedJobs
    auth: Auth

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
        self.customers = Customers(self)
        self.leads = Leads(self)
        self.pins = Pins(self)
        self.pin_types = PinTypes(self)
        self.service_plans = ServicePlans(self)
        self.serviced_jobs = ServicedJobs(self)
        self.auth = Auth(self)

    @functools.cached_property
    def with_raw_response(self) -> RotorWithRawResponse:
        """The same methods, returning ``RawResponse`` (status, headers, retries_taken, ``parse()``)."""
        return RotorWithRawResponse(self)

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


class AsyncRotor(AsyncAPIClient):
    """Asynchronous client for the Rotor Open API (same options as ``Rotor``)."""

    customers: AsyncCustomers
    leads: AsyncLeads
    pins: AsyncPins
    pin_types: AsyncPinTypes
    service_plans: AsyncServicePlans
    serviced_jobs: AsyncServicedJobs
    auth: AsyncAuth

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
        self.customers = AsyncCustomers(self)
        self.leads = AsyncLeads(self)
        self.pins = AsyncPins(self)
        self.pin_types = AsyncPinTypes(self)
        self.service_plans = AsyncServicePlans(self)
        self.serviced_jobs = AsyncServicedJobs(self)
        self.auth = AsyncAuth(self)

    @functools.cached_property
    def with_raw_response(self) -> AsyncRotorWithRawResponse:
        """The same methods, returning ``RawResponse`` (status, headers, retries_taken, ``parse()``)."""
        return AsyncRotorWithRawResponse(self)

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


# Raw views: the same methods, wrapped. No annotations on purpose: mypy infers each wrapper from the method's own
# signature (ParamSpec), so a misspelled keyword on a raw view is a type error, as on the method itself.


class _CustomersWithRawResponse:
    def __init__(self, customers: Customers) -> None:
        self.list = _raw(customers.list)
        self.retrieve = _raw(customers.retrieve)
        self.create_or_update = _raw(customers.create_or_update)


class _LeadsWithRawResponse:
    def __init__(self, leads: Leads) -> None:
        self.list = _raw(leads.list)
        self.retrieve = _raw(leads.retrieve)
        self.create_or_update = _raw(leads.create_or_update)


class _ListWithRawResponse(Generic[P, T]):
    """The raw view of a resource whose only method is ``list`` (pins, pin types, service plans, serviced jobs),
    generic over that method so the view keeps its signature."""

    def __init__(self, list_method: Callable[P, T]) -> None:
        self.list = _raw(list_method)


class _AuthWithRawResponse:
    def __init__(self, auth: Auth) -> None:
        self.test = _raw(auth.test)


class RotorWithRawResponse:
    def __init__(self, client: Rotor) -> None:
        self.customers = _CustomersWithRawResponse(client.customers)
        self.leads = _LeadsWithRawResponse(client.leads)
        self.pins = _ListWithRawResponse(client.pins.list)
        self.pin_types = _ListWithRawResponse(client.pin_types.list)
        self.service_plans = _ListWithRawResponse(client.service_plans.list)
        self.serviced_jobs = _ListWithRawResponse(client.serviced_jobs.list)
        self.auth = _AuthWithRawResponse(client.auth)


class _AsyncCustomersWithRawResponse:
    def __init__(self, customers: AsyncCustomers) -> None:
        self.list = _async_raw(customers.list)
        self.retrieve = _async_raw(customers.retrieve)
        self.create_or_update = _async_raw(customers.create_or_update)


class _AsyncLeadsWithRawResponse:
    def __init__(self, leads: AsyncLeads) -> None:
        self.list = _async_raw(leads.list)
        self.retrieve = _async_raw(leads.retrieve)
        self.create_or_update = _async_raw(leads.create_or_update)


class _AsyncListWithRawResponse(Generic[P, T]):
    def __init__(self, list_method: Callable[P, Awaitable[T]]) -> None:
        self.list = _async_raw(list_method)


class _AsyncAuthWithRawResponse:
    def __init__(self, auth: AsyncAuth) -> None:
        self.test = _async_raw(auth.test)


class AsyncRotorWithRawResponse:
    def __init__(self, client: AsyncRotor) -> None:
        self.customers = _AsyncCustomersWithRawResponse(client.customers)
        self.leads = _AsyncLeadsWithRawResponse(client.leads)
        self.pins = _AsyncListWithRawResponse(client.pins.list)
        self.pin_types = _AsyncListWithRawResponse(client.pin_types.list)
        self.service_plans = _AsyncListWithRawResponse(client.service_plans.list)
        self.serviced_jobs = _AsyncListWithRawResponse(client.serviced_jobs.list)
        self.auth = _AsyncAuthWithRawResponse(client.auth)
