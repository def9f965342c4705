"""``client.pins``: list (paged, newest first) and export, filtered by pin type and creator."""

from __future__ import annotations

import os
from collections.abc import Mapping

from rotor import _validation as check
from rotor._export import ExportResult, ProgressCallback
from rotor._options import QueryValue, TimeoutArg, request_options
from rotor._query import ListQuery, list_query
from rotor._validation import IdArg
from rotor.pagination import DEFAULT_CONCURRENCY, AsyncPage, SyncPage
from rotor.resources import _decoders
from rotor.resources._base import AsyncResource, SyncResource
from rotor_generated.api.pins import list_pins
from rotor_generated.models import Pin, PinListResponse

PinPage = SyncPage[Pin]
AsyncPinPage = AsyncPage[Pin]

_LIST = (list_pins._get_kwargs, _decoders.page(PinListResponse))


def _query(*, limit: int | None, page: int, pin_type_id: IdArg, user_id: IdArg) -> ListQuery:
    return list_query(
        limit=limit,
        page=page,
        pin_type_id=check.uuid_filter("pin_type_id", pin_type_id),
        user_id=check.uuid_filter("user_id", user_id),
    )


class Pins(SyncResource):
    def list(
        self,
        *,
        limit: int | None = None,
        page: int = 1,
        pin_type_id: IdArg = None,
        user_id: IdArg = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> PinPage:
        """One page of pins, newest first; iterate the result for all of them across pages.

        ``pin_type_id`` keeps pins of that type, ``user_id`` the pins that user created (UUIDs or their strings).
        """
        query = _query(limit=limit, page=page, pin_type_id=pin_type_id, user_id=user_id)
        return self._list(*_LIST, query, request_options(extra_headers, extra_query, timeout))

    def export(
        self,
        path: str | os.PathLike[str],
        *,
        pin_type_id: IdArg = None,
        user_id: IdArg = None,
        max_requests: int | None = None,
        resume: bool = False,
        progress: ProgressCallback | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> ExportResult:
        """Write every matching pin to ``path``, each once (as ``client.customers.export``)."""
        query = _query(limit=None, page=1, pin_type_id=pin_type_id, user_id=user_id)
        options = request_options(extra_headers, extra_query, timeout)
        job = {"model": Pin, "resume": resume, "max_requests": max_requests, "progress": progress}
        return self._export(path, _LIST, query, options, **job)


class AsyncPins(AsyncResource):
    async def list(
        self,
        *,
        limit: int | None = None,
        page: int = 1,
        pin_type_id: IdArg = None,
        user_id: IdArg = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> AsyncPinPage:
        """One page of pins; ``async for`` the result for all of them (see ``Pins.list``)."""
        query = _query(limit=limit, page=page, pin_type_id=pin_type_id, user_id=user_id)
        return await self._list(*_LIST, query, request_options(extra_headers, extra_query, timeout))

    async def export(
        self,
        path: str | os.PathLike[str],
        *,
        pin_type_id: IdArg = None,
        user_id: IdArg = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        max_requests: int | None = None,
        resume: bool = False,
        progress: ProgressCallback | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> ExportResult:
        """Write every matching pin to ``path``, ``concurrency`` pages at a time (as ``AsyncCustomers.export``)."""
        query = _query(limit=None, page=1, pin_type_id=pin_type_id, user_id=user_id)
        options = request_options(extra_headers, extra_query, timeout)
        job = {"model": Pin, "resume": resume, "max_requests": max_requests, "progress": progress}
        return await self._export(path, _LIST, query, options, concurrency, **job)
