"""What every resource does, written once per client: list (paged), retrieve, upsert, export, a plain call.

The resource classes are rendered from the spec (``devtools/render_sdk.py``): each method checks its arguments and
calls one of these with the generated builder and decoder of its operation. ``SyncResource`` and
``AsyncResource`` differ only where one awaits; the behaviour they share (replay safety, file handling, page
building) lives in the functions above them.
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, ParamSpec, TypeVar

import attrs

from rotor import _validation
from rotor._base_client import AsyncAPIClient, RawResponse, SyncAPIClient, finish, want_raw
from rotor._budget import RequestBudget
from rotor._export import ExportJob, ExportResult
from rotor._options import RequestOptions, unshadowed
from rotor._query import ListQuery
from rotor._validation import RecordIdArg
from rotor.pagination import AsyncPage, Identified, SyncPage
from rotor.resources._decoders import Decoder, PageParts

ItemT = TypeVar("ItemT", bound=Identified)
R = TypeVar("R")
P = ParamSpec("P")
T = TypeVar("T")
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


def raw_view(method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    """``method`` returning its ``RawResponse`` (status, headers, retries_taken, ``parse()``): what
    ``client.with_raw_response.<resource>.<method>`` is. The wrapper keeps the method's signature (ParamSpec), so a
    misspelled keyword on a raw view is a type error, as on the method itself."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        token = want_raw.set(True)
        try:
            return method(*args, **kwargs)  # type: ignore[return-value]
        finally:
            want_raw.reset(token)

    return wrapper


def async_raw_view(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[RawResponse[T]]]:
    """``raw_view`` for an async method."""

    @functools.wraps(method)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        token = want_raw.set(True)
        try:
            return await method(*args, **kwargs)  # type: ignore[return-value]
        finally:
            want_raw.reset(token)

    return wrapper


class SyncResource:
    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def _call(
        self, build: Builder, decoder: Decoder[Any, R], filters: Mapping[str, Any], options: RequestOptions,
        *, idempotent: bool,
    ) -> R:  # fmt: skip
        """One request, its answer decoded: an operation with no list, record or upsert semantics."""
        options = _checked(build, options)
        return finish(self._client.request(build(**filters), decoder, idempotent=idempotent, options=options))

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
    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def _call(
        self, build: Builder, decoder: Decoder[Any, R], filters: Mapping[str, Any], options: RequestOptions,
        *, idempotent: bool,
    ) -> R:  # fmt: skip
        """As the sync ``_call``."""
        options = _checked(build, options)
        return finish(await self._client.request(build(**filters), decoder, idempotent=idempotent, options=options))

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
