"""What every resource does, written once per client: list (paged), retrieve, upsert, export.

A resource then reads as its method signatures, its argument checks and which generated builder and decoder
each method uses. ``SyncResource`` and ``AsyncResource`` differ only where one awaits; the behaviour they share
(replay safety, file handling, page building) lives in the functions above them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar, Generic, TypeVar

import orjson

from rotor import _validation
from rotor._base_client import RawResponse, finish
from rotor._files import replacing
from rotor._options import QueryValue, RequestOptions, TimeoutArg, request_options
from rotor._query import ListQuery
from rotor.pagination import AsyncPage, Identified, SyncPage
from rotor.resources._decoders import Decoder, PageParts

if TYPE_CHECKING:
    from rotor._client import AsyncRotor, Rotor

ItemT = TypeVar("ItemT", bound=Identified)
R = TypeVar("R")
RecordT = TypeVar("RecordT")
ParamsT = TypeVar("ParamsT")
ResultT = TypeVar("ResultT")
Builder = Callable[..., dict[str, Any]]  # a generated ``_get_kwargs``
Operation = tuple[Builder, Decoder[Any, Any]]  # a generated builder and the decoder of its answer

# An upsert that names its record is found again by a replay (which then updates it): safe to retry.
RECORD_KEYS = ("id", "phone", "email")


def names_its_record(params: Any) -> bool:
    body = params.to_dict()
    return any(body.get(key) for key in RECORD_KEYS)


def _jsonl(item: Any) -> bytes:
    return orjson.dumps(item.to_dict(), option=orjson.OPT_APPEND_NEWLINE)


def _write_all(out: BinaryIO, items: Iterable[Any]) -> int:
    written = 0
    for item in items:
        out.write(_jsonl(item))
        written += 1
    return written


class SyncResource:
    def __init__(self, client: Rotor) -> None:
        self._client = client

    def _list(
        self, build: Builder, decoder: Decoder[Any, PageParts[ItemT]], query: ListQuery, options: RequestOptions
    ) -> SyncPage[ItemT]:
        def fetch_raw(page_query: ListQuery) -> RawResponse[SyncPage[ItemT]]:
            raw = self._client.request(build(**page_query.to_kwargs()), decoder, idempotent=True, options=options)
            data, pagination = raw.parse()
            # Later pages are fetched with the same options as the first.
            page = SyncPage(data=data, pagination=pagination, query=page_query, retries_taken=raw.retries_taken,
                            fetch=lambda q: fetch_raw(q).parse())  # fmt: skip
            return RawResponse(raw.http_response, raw.retries_taken, page)

        return finish(fetch_raw(query))

    def _retrieve(self, build: Builder, decoder: Decoder[Any, R], id: str, options: RequestOptions) -> R:
        kwargs = build(_validation.record_id(id))
        return finish(self._client.request(kwargs, decoder, idempotent=True, options=options))

    def _upsert(self, build: Builder, decoder: Decoder[Any, R], body: Any, options: RequestOptions) -> R:
        raw = self._client.request(build(body=body), decoder, idempotent=names_its_record(body), options=options)
        return finish(raw)

    def _export_jsonl(self, path: str | os.PathLike[str], first_page: Callable[[], SyncPage[Any]]) -> int:
        with replacing(path) as out:  # an unusable path fails here, before a request is spent
            return _write_all(out, first_page())


class AsyncResource:
    def __init__(self, client: AsyncRotor) -> None:
        self._client = client

    async def _list(
        self, build: Builder, decoder: Decoder[Any, PageParts[ItemT]], query: ListQuery, options: RequestOptions
    ) -> AsyncPage[ItemT]:
        async def fetch_raw(page_query: ListQuery) -> RawResponse[AsyncPage[ItemT]]:
            kwargs = build(**page_query.to_kwargs())
            raw = await self._client.request(kwargs, decoder, idempotent=True, options=options)
            data, pagination = raw.parse()

            async def fetch(q: ListQuery) -> AsyncPage[ItemT]:  # later pages: same options as the first
                return (await fetch_raw(q)).parse()

            page = AsyncPage(data=data, pagination=pagination, query=page_query, retries_taken=raw.retries_taken,
                             fetch=fetch)  # fmt: skip
            return RawResponse(raw.http_response, raw.retries_taken, page)

        return finish(await fetch_raw(query))

    async def _retrieve(self, build: Builder, decoder: Decoder[Any, R], id: str, options: RequestOptions) -> R:
        kwargs = build(_validation.record_id(id))
        return finish(await self._client.request(kwargs, decoder, idempotent=True, options=options))

    async def _upsert(self, build: Builder, decoder: Decoder[Any, R], body: Any, options: RequestOptions) -> R:
        raw = await self._client.request(build(body=body), decoder, idempotent=names_its_record(body), options=options)
        return finish(raw)

    async def _export_jsonl(self, path: str | os.PathLike[str], first_page: Callable[[], Any], concurrency: int) -> int:
        concurrency = _validation.concurrency(concurrency)
        written = 0
        with replacing(path) as out:  # an unusable path fails here, before a request is spent
            page: AsyncPage[Any] = await first_page()
            async for item in page.iter_items(concurrency=concurrency):
                out.write(_jsonl(item))
                written += 1
        return written


class _RecordOperations:
    """Which operations a resource's ``retrieve`` and ``create_or_update`` use: set by each resource class."""

    _retrieve_operation: ClassVar[Operation]
    _upsert_operation: ClassVar[Operation]
    _upsert_params: ClassVar[type[Any]]  # the request model of the upsert body


class SyncRecords(SyncResource, _RecordOperations, Generic[RecordT, ParamsT, ResultT]):
    """``retrieve`` and ``create_or_update``, the same for every resource that has them."""

    def retrieve(
        self,
        id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> RecordT:
        """The record with this id; raises NotFoundError when there is none."""
        result: RecordT = self._retrieve(
            *self._retrieve_operation, id, request_options(extra_headers, extra_query, timeout)
        )
        return result

    def create_or_update(
        self,
        params: ParamsT | Mapping[str, Any] | None = None,
        /,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
        **fields: Any,
    ) -> ResultT:
        """Create a record, or update the one matched by ``id``, then ``phone``, then ``email``; ``tags`` are merged.

        Pass fields as keywords, as a mapping, or as the typed request model. Unknown fields and wrong types raise
        before any request. The status tells which happened (201 created, 200 updated; see ``with_raw_response``).
        Replayed after a failure only when it names its record (``id``, ``phone`` or ``email``).
        """
        body = _validation.upsert_params(self._upsert_params, params, fields)
        result: ResultT = self._upsert(
            *self._upsert_operation, body, request_options(extra_headers, extra_query, timeout)
        )
        return result


class AsyncRecords(AsyncResource, _RecordOperations, Generic[RecordT, ParamsT, ResultT]):
    """``retrieve`` and ``create_or_update`` for the async client (see ``SyncRecords``)."""

    async def retrieve(
        self,
        id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> RecordT:
        """The record with this id; raises NotFoundError when there is none."""
        options = request_options(extra_headers, extra_query, timeout)
        result: RecordT = await self._retrieve(*self._retrieve_operation, id, options)
        return result

    async def create_or_update(
        self,
        params: ParamsT | Mapping[str, Any] | None = None,
        /,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
        **fields: Any,
    ) -> ResultT:
        """Create or update a record (see ``SyncRecords.create_or_update``)."""
        body = _validation.upsert_params(self._upsert_params, params, fields)
        options = request_options(extra_headers, extra_query, timeout)
        result: ResultT = await self._upsert(*self._upsert_operation, body, options)
        return result
