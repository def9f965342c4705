"""What every resource does, written once per client: list (paged), retrieve, upsert, export.

A resource then reads as its method signatures, its argument checks and which generated builder and decoder
each method uses. ``SyncResource`` and ``AsyncResource`` differ only where one awaits; the behaviour they share
(replay safety, file handling, page building) lives in the functions above them.
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

import attrs

from rotor import _validation
from rotor._base_client import RawResponse, finish
from rotor._budget import RequestBudget
from rotor._export import ExportJob, ExportResult
from rotor._options import QueryValue, RequestOptions, TimeoutArg, request_options, unshadowed
from rotor._query import ListQuery
from rotor._validation import RecordIdArg
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
ListOperation = tuple[Builder, Decoder[Any, PageParts[Any]]]
PathArg = str | os.PathLike[str]

# An upsert that names its record is found again by a replay (which then updates it): safe to retry.
RECORD_KEYS = ("id", "phone", "email")


# Builder arguments that never travel in the query: the upsert's body, and the version header the SDK sets.
_NOT_QUERY = frozenset({"body", "rotor_api_version"})


@functools.cache
def _operation_parameters(build: Builder) -> frozenset[str]:
    """The query and path parameters of an operation: every argument its generated builder takes, given or not."""
    return frozenset(inspect.signature(build).parameters) - _NOT_QUERY


def _checked(build: Builder, options: RequestOptions) -> RequestOptions:
    """``options`` once no ``extra_query`` key overrides one of the operation's own parameters."""
    unshadowed(options.extra_query, _operation_parameters(build))
    return options


def names_its_record(params: Any) -> bool:
    body = params.to_dict()
    return any(body.get(key) for key in RECORD_KEYS)


class SyncResource:
    def __init__(self, client: Rotor) -> None:
        self._client = client

    def _list(
        self, build: Builder, decoder: Decoder[Any, PageParts[ItemT]], query: ListQuery, options: RequestOptions
    ) -> SyncPage[ItemT]:
        options = _checked(build, options)

        def fetch_raw(page_query: ListQuery, budget: RequestBudget | None) -> RawResponse[SyncPage[ItemT]]:
            # Later pages are fetched with the same options as the first, counted by the walk's budget if any.
            page_options = options if budget is None else attrs.evolve(options, budget=budget)
            kwargs = build(**page_query.to_kwargs())
            raw = self._client.request(kwargs, decoder, idempotent=True, options=page_options)
            data, pagination = raw.parse()
            page: SyncPage[ItemT] = SyncPage(data=data, pagination=pagination, query=page_query,
                                             retries_taken=raw.retries_taken,
                                             fetch=lambda q, b: fetch_raw(q, b).parse())  # fmt: skip
            return RawResponse(raw.http_response, raw.retries_taken, page)

        return finish(fetch_raw(query, options.budget))

    def _retrieve(self, build: Builder, decoder: Decoder[Any, R], id: RecordIdArg, options: RequestOptions) -> R:
        kwargs = build(_validation.record_id(id))
        return finish(self._client.request(kwargs, decoder, idempotent=True, options=_checked(build, options)))

    def _upsert(self, build: Builder, decoder: Decoder[Any, R], body: Any, options: RequestOptions) -> R:
        options = _checked(build, options)
        raw = self._client.request(build(body=body), decoder, idempotent=names_its_record(body), options=options)
        return finish(raw)

    def _export(
        self, path: PathArg, list_operation: ListOperation, query: ListQuery, options: RequestOptions, **job: Any
    ) -> ExportResult:
        """``job``: the model and the export's ``resume``, ``max_requests`` and ``progress`` (see ``ExportJob``)."""
        options = _checked(list_operation[0], options)
        export = ExportJob(path, query=query, **job)  # every check, before the first request
        with export.running():
            read = export.first_read()
            if read is not None:
                options = attrs.evolve(options, budget=export.budget)
                first = self._list(*list_operation, export.first_query(read), options)
                for step in first.walk(exact=export.walk, budget=export.budget):
                    export.write(step)
            return export.finish()


class AsyncResource:
    def __init__(self, client: AsyncRotor) -> None:
        self._client = client

    async def _list(
        self, build: Builder, decoder: Decoder[Any, PageParts[ItemT]], query: ListQuery, options: RequestOptions
    ) -> AsyncPage[ItemT]:
        options = _checked(build, options)

        async def fetch_raw(page_query: ListQuery, budget: RequestBudget | None) -> RawResponse[AsyncPage[ItemT]]:
            page_options = options if budget is None else attrs.evolve(options, budget=budget)  # as the sync one
            kwargs = build(**page_query.to_kwargs())
            raw = await self._client.request(kwargs, decoder, idempotent=True, options=page_options)
            data, pagination = raw.parse()

            async def fetch(q: ListQuery, b: RequestBudget | None) -> AsyncPage[ItemT]:
                return (await fetch_raw(q, b)).parse()

            page: AsyncPage[ItemT] = AsyncPage(data=data, pagination=pagination, query=page_query,
                                               retries_taken=raw.retries_taken, fetch=fetch)  # fmt: skip
            return RawResponse(raw.http_response, raw.retries_taken, page)

        return finish(await fetch_raw(query, options.budget))

    async def _retrieve(self, build: Builder, decoder: Decoder[Any, R], id: RecordIdArg, options: RequestOptions) -> R:
        kwargs = build(_validation.record_id(id))
        return finish(await self._client.request(kwargs, decoder, idempotent=True, options=_checked(build, options)))

    async def _upsert(self, build: Builder, decoder: Decoder[Any, R], body: Any, options: RequestOptions) -> R:
        options = _checked(build, options)
        raw = await self._client.request(build(body=body), decoder, idempotent=names_its_record(body), options=options)
        return finish(raw)

    async def _export(
        self,
        path: PathArg,
        list_operation: ListOperation,
        query: ListQuery,
        options: RequestOptions,
        concurrency: int,
        **job: Any,
    ) -> ExportResult:
        """As the sync ``_export``, reading up to ``concurrency`` pages at a time."""
        concurrency = _validation.concurrency(concurrency)
        options = _checked(list_operation[0], options)
        export = ExportJob(path, query=query, **job)
        with export.running():
            read = export.first_read()
            if read is not None:
                options = attrs.evolve(options, budget=export.budget)
                first = await self._list(*list_operation, export.first_query(read), options)
                async for step in first.walk(concurrency=concurrency, exact=export.walk, budget=export.budget):
                    export.write(step)
            return export.finish()


class _RecordOperations:
    """Which operations a resource's ``retrieve`` and ``create_or_update`` use: set by each resource class."""

    _retrieve_operation: ClassVar[Operation]
    _upsert_operation: ClassVar[Operation]
    _upsert_params: ClassVar[type[Any]]  # the request model of the upsert body


class SyncRecords(SyncResource, _RecordOperations, Generic[RecordT, ParamsT, ResultT]):
    """``retrieve`` and ``create_or_update``, the same for every resource that has them."""

    def retrieve(
        self,
        id: RecordIdArg,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> RecordT:
        """The record with this id (a string or a ``uuid.UUID``); raises NotFoundError when there is none."""
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
        id: RecordIdArg,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> RecordT:
        """The record with this id (a string or a ``uuid.UUID``); raises NotFoundError when there is none."""
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
