"""``client.customers``: list (paged), retrieve, create_or_update, export.

An upsert is replayed after a failure only when it names its record (``id``, ``phone`` or ``email``): the API
then finds the record the first attempt created and updates it, so a replay cannot create a duplicate. An upsert
without any of them would create a second customer, so it is never replayed once it may have reached the server.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from rotor import _validation as check
from rotor._export import ExportResult, ProgressCallback
from rotor._options import QueryValue, TimeoutArg, request_options
from rotor._query import ListQuery, list_query
from rotor._validation import TagsArg
from rotor.pagination import DEFAULT_CONCURRENCY, AsyncPage, SyncPage
from rotor.resources import _decoders
from rotor.resources._base import AsyncRecords, Operation, SyncRecords
from rotor_generated.api.customers import create_or_update_customer, list_customers, retrieve_customer
from rotor_generated.models import (
    Customer,
    CustomerListResponse,
    CustomerResponse,
    CustomerStatus,
    CustomerUpsertParams,
    CustomerUpsertResult,
)

StatusArg = CustomerStatus | str | None
CustomerPage = SyncPage[Customer]
AsyncCustomerPage = AsyncPage[Customer]

_LIST = (list_customers._get_kwargs, _decoders.page(CustomerListResponse))
_RETRIEVE: Operation = (retrieve_customer._get_kwargs, _decoders.record(CustomerResponse))
_UPSERT: Operation = (create_or_update_customer._get_kwargs, _decoders.whole(CustomerUpsertResult))


def _query(
    *, archived: bool, limit: int | None, page: int, search: str | None, status: StatusArg, tags: TagsArg
) -> ListQuery:
    return list_query(
        limit=limit,
        page=page,
        archived=check.boolean("archived", archived),
        search=check.text("search", search),
        status=check.one_of("status", CustomerStatus, status),
        tags=check.tags(tags),
    )


class Customers(SyncRecords[Customer, CustomerUpsertParams, CustomerUpsertResult]):
    _retrieve_operation, _upsert_operation, _upsert_params = _RETRIEVE, _UPSERT, CustomerUpsertParams

    def list(
        self,
        *,
        archived: bool = False,
        limit: int | None = None,
        page: int = 1,
        search: str | None = None,
        status: StatusArg = None,
        tags: TagsArg = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> CustomerPage:
        """One page of customers; iterate the result for all of them across pages.

        ``limit`` defaults to 1000 (the maximum), so iterating everything costs ceil(total / 1000) requests.
        ``tags`` takes a list or a comma-separated string; a customer matches when it has any of them.
        """
        query = _query(archived=archived, limit=limit, page=page, search=search, status=status, tags=tags)
        return self._list(*_LIST, query, request_options(extra_headers, extra_query, timeout))

    def export(
        self,
        path: str | os.PathLike[str],
        *,
        archived: bool = False,
        search: str | None = None,
        status: StatusArg = None,
        tags: TagsArg = None,
        max_requests: int | None = None,
        resume: bool = False,
        progress: ProgressCallback | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> ExportResult:
        """Write every matching customer to ``path`` (``.jsonl``, ``.csv``, either with ``.gz``), each once.

        Exact while the account changes, resumable, within ``max_requests`` (see the README's "Exports"). Costs
        ceil(total / 1000) requests, plus any the drift needs. ``path`` is replaced only once the export is
        complete; an interrupted one leaves it untouched and ``<path>.part`` to resume from (``resume=True``).
        """
        query = _query(archived=archived, limit=None, page=1, search=search, status=status, tags=tags)
        options = request_options(extra_headers, extra_query, timeout)
        job = {"model": Customer, "resume": resume, "max_requests": max_requests, "progress": progress}
        return self._export(path, _LIST, query, options, **job)


class AsyncCustomers(AsyncRecords[Customer, CustomerUpsertParams, CustomerUpsertResult]):
    _retrieve_operation, _upsert_operation, _upsert_params = _RETRIEVE, _UPSERT, CustomerUpsertParams

    async def list(
        self,
        *,
        archived: bool = False,
        limit: int | None = None,
        page: int = 1,
        search: str | None = None,
        status: StatusArg = None,
        tags: TagsArg = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> AsyncCustomerPage:
        """One page of customers; ``async for`` the result for all of them across pages (see ``Customers.list``)."""
        query = _query(archived=archived, limit=limit, page=page, search=search, status=status, tags=tags)
        return await self._list(*_LIST, query, request_options(extra_headers, extra_query, timeout))

    async def export(
        self,
        path: str | os.PathLike[str],
        *,
        archived: bool = False,
        search: str | None = None,
        status: StatusArg = None,
        tags: TagsArg = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        max_requests: int | None = None,
        resume: bool = False,
        progress: ProgressCallback | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> ExportResult:
        """As ``Customers.export``, reading up to ``concurrency`` pages at a time (an interruption then costs up
        to ``concurrency`` pages read but not yet written)."""
        query = _query(archived=archived, limit=None, page=1, search=search, status=status, tags=tags)
        options = request_options(extra_headers, extra_query, timeout)
        job = {"model": Customer, "resume": resume, "max_requests": max_requests, "progress": progress}
        return await self._export(path, _LIST, query, options, concurrency, **job)
