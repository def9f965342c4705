"""``client.customers``: list (paged), retrieve, create_or_update.

An upsert is replayed after a failure only when it names its record (``id``, ``phone`` or ``email``): the API
then finds the record the first attempt created and updates it, so a replay cannot create a duplicate. An upsert
without any of them would create a second customer, so it is never replayed once it may have reached the server.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, BinaryIO

import orjson

from rotor import _validation
from rotor._base_client import RawResponse, finish
from rotor._files import open_replacement, replace_when_done
from rotor._options import QueryValue, RequestOptions, TimeoutArg, request_options
from rotor._validation import ListQuery, StatusArg, TagsArg
from rotor.pagination import DEFAULT_CONCURRENCY, AsyncCustomerPage, CustomerPage
from rotor.resources import _decoders
from rotor_generated.api.customers import create_or_update_customer, list_customers, retrieve_customer
from rotor_generated.models import Customer, CustomerUpsertParams, CustomerUpsertResult

if TYPE_CHECKING:
    from rotor._client import AsyncRotor, Rotor

_UPSERT_KEYS = ("id", "phone", "email")


def _write_jsonl(out: BinaryIO, customers: Iterable[Customer]) -> int:
    written = 0
    for customer in customers:
        out.write(orjson.dumps(customer.to_dict(), option=orjson.OPT_APPEND_NEWLINE))
        written += 1
    return written


def _upsert_is_replayable(params: CustomerUpsertParams) -> bool:
    body = params.to_dict()
    return any(body.get(key) for key in _UPSERT_KEYS)


class Customers:
    def __init__(self, client: Rotor) -> None:
        self._client = client

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
        query = _validation.list_query(
            archived=archived, limit=limit, page=page, search=search, status=status, tags=tags
        )
        return finish(self._fetch_raw(query, request_options(extra_headers, extra_query, timeout)))

    def _fetch_raw(self, query: ListQuery, options: RequestOptions) -> RawResponse[CustomerPage]:
        kwargs = list_customers._get_kwargs(**query.to_kwargs())
        raw = self._client.request(kwargs, _decoders.page, idempotent=True, options=options)
        data, pagination = raw.parse()

        def fetch(next_query: ListQuery) -> CustomerPage:  # later pages: same options as the first
            return self._fetch_raw(next_query, options).parse()

        page = CustomerPage(data=data, pagination=pagination, query=query, retries_taken=raw.retries_taken, fetch=fetch)
        return RawResponse(raw.http_response, raw.retries_taken, page)

    def retrieve(
        self,
        id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> Customer:
        """The customer with this id; raises NotFoundError when there is none."""
        kwargs = retrieve_customer._get_kwargs(_validation.customer_id(id))
        options = request_options(extra_headers, extra_query, timeout)
        return finish(self._client.request(kwargs, _decoders.customer, idempotent=True, options=options))

    def export_jsonl(
        self,
        path: str | os.PathLike[str],
        *,
        archived: bool = False,
        search: str | None = None,
        status: StatusArg = None,
        tags: TagsArg = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> int:
        """Write every matching customer to ``path`` as JSON Lines, one page in memory at a time.

        Costs ceil(total / 1000) requests; returns the number of customers written. The file at ``path`` is
        replaced only once the export is complete: a failed or interrupted export leaves it as it was.
        """
        target, handle = open_replacement(path)  # an unwritable path fails here, before a request is spent
        with replace_when_done(target, handle) as out:
            first = self.list(
                archived=archived,
                search=search,
                status=status,
                tags=tags,
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            )
            return _write_jsonl(out, first)

    def create_or_update(
        self,
        params: CustomerUpsertParams | Mapping[str, Any] | None = None,
        /,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
        **fields: Any,
    ) -> CustomerUpsertResult:
        """Create a customer, or update the one matched by ``id``, then ``phone``, then ``email``.

        Pass fields as keywords (``first_name="Jane"``) or as a typed ``CustomerUpsertParams``. On update, ``tags``
        are merged with the existing ones. The result's status tells which happened (201 created, 200 updated;
        see ``with_raw_response``).
        """
        body = _validation.upsert_params(params, fields)
        options = request_options(extra_headers, extra_query, timeout)
        kwargs = create_or_update_customer._get_kwargs(body=body)
        replayable = _upsert_is_replayable(body)
        return finish(self._client.request(kwargs, _decoders.upsert_result, idempotent=replayable, options=options))


class AsyncCustomers:
    def __init__(self, client: AsyncRotor) -> None:
        self._client = client

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
        query = _validation.list_query(
            archived=archived, limit=limit, page=page, search=search, status=status, tags=tags
        )
        return finish(await self._fetch_raw(query, request_options(extra_headers, extra_query, timeout)))

    async def _fetch_raw(self, query: ListQuery, options: RequestOptions) -> RawResponse[AsyncCustomerPage]:
        kwargs = list_customers._get_kwargs(**query.to_kwargs())
        raw = await self._client.request(kwargs, _decoders.page, idempotent=True, options=options)
        data, pagination = raw.parse()

        async def fetch(next_query: ListQuery) -> AsyncCustomerPage:  # later pages: same options as the first
            return (await self._fetch_raw(next_query, options)).parse()

        page = AsyncCustomerPage(
            data=data, pagination=pagination, query=query, retries_taken=raw.retries_taken, fetch=fetch
        )
        return RawResponse(raw.http_response, raw.retries_taken, page)

    async def retrieve(
        self,
        id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> Customer:
        """The customer with this id; raises NotFoundError when there is none."""
        kwargs = retrieve_customer._get_kwargs(_validation.customer_id(id))
        options = request_options(extra_headers, extra_query, timeout)
        return finish(await self._client.request(kwargs, _decoders.customer, idempotent=True, options=options))

    async def export_jsonl(
        self,
        path: str | os.PathLike[str],
        *,
        archived: bool = False,
        search: str | None = None,
        status: StatusArg = None,
        tags: TagsArg = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> int:
        """Write every matching customer to ``path`` as JSON Lines, fetching ``concurrency`` pages at a time.

        Holds at most ``concurrency`` + 1 pages in memory; costs ceil(total / 1000) requests. As the sync
        ``export_jsonl``, it replaces ``path`` only once complete.
        """
        concurrency = _validation.concurrency(concurrency)
        target, handle = open_replacement(path)  # an unwritable path fails here, before a request is spent
        written = 0
        with replace_when_done(target, handle) as out:
            first = await self.list(
                archived=archived,
                search=search,
                status=status,
                tags=tags,
                extra_headers=extra_headers,
                extra_query=extra_query,
                timeout=timeout,
            )
            async for customer in first.iter_customers(concurrency=concurrency):
                out.write(orjson.dumps(customer.to_dict(), option=orjson.OPT_APPEND_NEWLINE))
                written += 1
        return written

    async def create_or_update(
        self,
        params: CustomerUpsertParams | Mapping[str, Any] | None = None,
        /,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
        **fields: Any,
    ) -> CustomerUpsertResult:
        """Create or update a customer (see ``Customers.create_or_update``)."""
        body = _validation.upsert_params(params, fields)
        options = request_options(extra_headers, extra_query, timeout)
        kwargs = create_or_update_customer._get_kwargs(body=body)
        replayable = _upsert_is_replayable(body)
        raw = await self._client.request(kwargs, _decoders.upsert_result, idempotent=replayable, options=options)
        return finish(raw)
