"""Sending one logical request: build it from the generated builder, retry it by policy, decode it, raise typed.

Shared by ``Rotor`` and ``AsyncRotor``; only the send loop differs between the two.
"""

from __future__ import annotations

import contextvars
import functools
import os
import ssl
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import attrs
import httpx
import tenacity

from rotor import _options, _retry
from rotor._constants import DEFAULT_MAX_RETRIES
from rotor._decode import Malformed, decode_model, gc_paused, loads
from rotor._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    ClientClosedError,
    FieldError,
    InvalidParameterError,
    status_error_class,
)
from rotor._fastpath import fast_decode
from rotor._logging import REDACTED, logger, register_secret
from rotor._options import API_KEY_HEADER, NO_OPTIONS, RequestOptions, TimeoutArg
from rotor._version import __version__

if TYPE_CHECKING:
    from rotor.resources._decoders import Decoder

T = TypeVar("T")
HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)

# Set by `with_raw_response` wrappers: the resource method then returns the RawResponse itself.
want_raw: contextvars.ContextVar[bool] = contextvars.ContextVar("rotor_want_raw", default=False)


@attrs.frozen
class RawResponse(Generic[T]):
    """The HTTP response behind a result, for status and headers; ``parse()`` gives the usual result."""

    http_response: httpx.Response
    retries_taken: int
    _parsed: T

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    def parse(self) -> T:
        return self._parsed


def finish(raw: RawResponse[T]) -> T:
    """What a resource method returns: the parsed result, or the raw response under ``with_raw_response``."""
    return raw if want_raw.get() else raw.parse()  # type: ignore[return-value]


def redacted_request(request: httpx.Request) -> httpx.Request:
    """A copy of ``request`` safe to keep on an exception (its key header replaced)."""
    headers = httpx.Headers(request.headers)
    if API_KEY_HEADER in headers:
        headers[API_KEY_HEADER] = REDACTED
    return httpx.Request(request.method, request.url, headers=headers)


def _status_error(response: httpx.Response) -> APIStatusError:
    # Error bodies are parsed defensively: any field may be missing, null or of the wrong type.
    try:
        body: Any = loads(response.content)
    except ValueError:
        body = response.text[:500] or None
    fields = body if isinstance(body, dict) else {}
    message = fields.get("message") if isinstance(fields.get("message"), str) else None
    error_code = fields.get("error_code") if isinstance(fields.get("error_code"), str) else None
    items = fields.get("errors")
    field_errors = [
        FieldError(
            field=item.get("field") if isinstance(item.get("field"), str) else None,
            message=item.get("message") if isinstance(item.get("message"), str) else None,
        )
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, dict)
    ]
    if field_errors:
        details = "; ".join(f"{e.field}: {e.message}" for e in field_errors)
        message = f"{message or 'Validation failed'} ({details})"
    response.request = redacted_request(response.request)
    if response.next_request is not None:  # the redirect httpx prepared (never followed) carries the key too
        response.next_request = redacted_request(response.next_request)
    if 300 <= response.status_code < 400:
        location = response.headers.get("location")
        # Not followed on purpose: the request carries the API key, and a redirect may lead to another host.
        message = (
            f"HTTP {response.status_code} redirect to {location!r}, which the SDK does not follow "
            "(it would carry the API key); check base_url"
        )
    return status_error_class(response.status_code)(
        message or f"HTTP {response.status_code} {response.reason_phrase}".strip(),
        response=response,
        body=body,
        error_code=error_code,
        field_errors=field_errors,
    )


def decode_response(response: httpx.Response, decoder: Decoder[Any, T]) -> T:
    """Raise for an error status; otherwise build the body's model and finish it, or raise
    APIResponseValidationError. Well-formed bodies take the msgspec fast path; anything it declines (unknown
    fields, odd values) goes through the tolerant decoder, which keeps what it cannot type."""
    if not 200 <= response.status_code < 300:
        raise _status_error(response)
    content = response.content
    body: Any = None
    # Parsing and model building allocate thousands of acyclic objects per page: keep the GC out of it.
    with gc_paused():
        try:
            model = fast_decode(decoder.model, content)
            if model is None:
                try:
                    body = loads(content)
                except ValueError:
                    response.request = redacted_request(response.request)
                    snippet = response.text[:80]
                    message = f"response body is not JSON: {snippet!r}"
                    raise APIResponseValidationError(message, response=response) from None
                model = decode_model(decoder.model, body)
            return decoder.finish(model)
        except Malformed as exc:
            response.request = redacted_request(response.request)
            message = f"response does not match the spec: {exc}"
            raise APIResponseValidationError(message, response=response, body=body) from None


# TLS failures that are not a dropped connection: a certificate or protocol mismatch fails the same way every time.
_TRANSIENT_SSL = (ssl.SSLEOFError, ssl.SSLZeroReturnError, ssl.SSLSyscallError, ssl.SSLWantReadError)


def _cannot_heal(exc: BaseException) -> bool:
    """True for failures a retry would only repeat: unsupported scheme, a request httpx refuses, TLS mismatch."""
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.LocalProtocolError):
        return True
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLError) and not isinstance(cause, _TRANSIENT_SSL):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


def _transport_error(exc: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
    safe = redacted_request(request)
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request=safe)
    message = f"Connection error: {type(exc).__name__}: {exc}"
    return APIConnectionError(
        request=safe, message=message, connect_failed=isinstance(exc, httpx.ConnectError), permanent=_cannot_heal(exc)
    )


def _unreadable(exc: httpx.TransportError | httpx.DecodingError, response: httpx.Response) -> APIError:
    """What an answer whose body could not be read raises. Cut off: a connection error. Arrived but not decodable
    as its Content-Encoding says (a proxy that mangled a gzip answer): the status still says what the API meant,
    so an error status is its status error (retried as such) and a success is a validation error. Either keeps a
    response with the status and headers that arrived and an empty body (the original never got one: reading it
    would raise)."""
    if isinstance(exc, httpx.TransportError):
        return _transport_error(exc, response.request)
    readable = httpx.Response(
        response.status_code, headers=response.headers, content=b"", request=redacted_request(response.request)
    )
    if not 200 <= response.status_code < 300:
        return _status_error(readable)
    encoding = response.headers.get("content-encoding")
    message = f"HTTP {response.status_code} response body does not decode as its Content-Encoding ({encoding}): {exc}"
    return APIResponseValidationError(message, response=readable)


@functools.cache
def _shared_ssl_context(cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
    # Loading the CA bundle is most of what an httpx client costs to make (about 50 ms): one context serves every
    # client the SDK makes (an SSLContext is safe to share between clients and threads, and is never changed
    # after this). It is httpx's own default context; the arguments are the variables httpx reads for it, so
    # setting one later gets a context of its own.
    return httpx.create_ssl_context()


@functools.cache
def _trusting_no_one() -> ssl.SSLContext:
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # certificates required, host names checked, no CA to pass them


_PROXY_VARIABLES = {"http_proxy", "https_proxy", "all_proxy"}  # httpx may reach a proxy over TLS


def ssl_context(base_url: str | None = None) -> ssl.SSLContext:
    """The TLS settings of every httpx client the SDK makes itself: httpx's default (certifi, or
    ``$SSL_CERT_FILE`` / ``$SSL_CERT_DIR``), built on first use and shared.

    A client of a plain ``http://`` base URL (the mock, a local proxy) never speaks TLS: it gets a context that
    trusts no certificate, which costs nothing to make, instead of loading the CA bundle (about 35 ms of the first
    client of every process). Were TLS ever attempted through it, verification would fail, never pass. Not when a
    proxy is set in the environment, which httpx may reach over TLS.
    """
    plain = base_url is not None and base_url.startswith("http://")
    if plain and not any(name.lower() in _PROXY_VARIABLES for name in os.environ):
        return _trusting_no_one()
    return _shared_ssl_context(os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))


class BaseClient(Generic[HttpT]):
    """Configuration and request building shared by the sync and async clients; every option is checked here.

    ``api_key`` defaults to ``$ROTOR_API_KEY`` and ``base_url`` to ``$ROTOR_BASE_URL``, then to production;
    ``http_client`` is an httpx client of the matching kind to send through (the caller keeps it open and closes it).
    """

    _sleep: Callable[[float], Any]  # the backoff between retries: replaceable in tests

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: HttpT | None = None,
    ) -> None:
        self.api_key = _options.api_key(api_key)
        register_secret(self.api_key)
        self.base_url = _options.base_url(base_url)
        self.max_retries = _options.max_retries(max_retries)
        self.timeout = _options.timeout(timeout)
        self.default_headers = _options.headers("default_headers", default_headers)
        self._owns_http = http_client is None
        self._http: HttpT = http_client or self._new_http()

    def _new_http(self) -> HttpT:
        raise NotImplementedError

    def with_options(
        self,
        *,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A client sharing this one's connections, with some options changed (``default_headers`` are added)."""
        options = self._options(timeout=timeout, max_retries=max_retries, default_headers=default_headers)
        client = type(self)(http_client=self._http, **options)
        client._sleep = self._sleep  # a test's no-sleep (or recording) backoff carries over too
        return client

    def _options(
        self, *, timeout: TimeoutArg, max_retries: int | None, default_headers: Mapping[str, str] | None
    ) -> dict[str, Any]:
        """This client's settings with some overridden, for ``with_options`` (checked again by the constructor)."""
        return {
            "api_key": self.api_key,
            "base_url": self.base_url,
            "timeout": timeout if timeout is not None else self.timeout,
            "max_retries": max_retries if max_retries is not None else self.max_retries,
            "default_headers": {**self.default_headers, **(default_headers or {})},
        }

    def __repr__(self) -> str:
        # Never the key: reprs end up in logs and tracebacks.
        return f"{type(self).__name__}(base_url={self.base_url!r}, max_retries={self.max_retries})"

    def _request_args(self, kwargs: dict[str, Any], options: RequestOptions) -> dict[str, Any]:
        # Later entries win: the generated builder's headers over defaults, per-call ones over both; the key last.
        headers = {
            "user-agent": f"rotor-python/{__version__}",
            "accept": "application/json",
            **self.default_headers,
            **kwargs.get("headers", {}),
            **options.extra_headers,
            API_KEY_HEADER: self.api_key,
        }
        params = kwargs.get("params")
        if options.extra_query:
            params = {**(params or {}), **options.extra_query}
        return {
            "method": kwargs["method"].upper(),
            "url": self.base_url + kwargs["url"],
            "params": params,
            "json": kwargs.get("json"),
            "headers": headers,
            "timeout": options.timeout or self.timeout,
        }


def _build_request(http: httpx.Client | httpx.AsyncClient, args: dict[str, Any]) -> httpx.Request:
    """The request httpx will send, or ``InvalidParameterError`` for one it refuses to build: a URL over its length
    limit (the values are each checked, but together they may still not fit), named by its longest part."""
    try:
        return http.build_request(**args)
    except httpx.InvalidURL as exc:
        parts = {name: len(str(value)) for name, value in (args["params"] or {}).items()}
        parts["id"] = len(args["url"])  # the path: only a record's id makes it long
        raise InvalidParameterError(max(parts, key=parts.__getitem__), f"cannot be sent: {exc}") from None


def _log_response(request: httpx.Request, response: httpx.Response, started: float) -> None:
    elapsed_ms = (time.perf_counter() - started) * 1000
    logger.debug("%s %s -> %d (%.1f ms)", request.method, request.url, response.status_code, elapsed_ms)


class SyncAPIClient(BaseClient[httpx.Client]):
    _sleep: Callable[[float], None] = staticmethod(time.sleep)

    def _new_http(self) -> httpx.Client:
        return httpx.Client(timeout=self.timeout, follow_redirects=False, verify=ssl_context(self.base_url))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _send(self, kwargs: dict[str, Any], options: RequestOptions) -> httpx.Response:
        if self._http.is_closed:  # httpx would raise a bare RuntimeError from send(), after the budget is spent
            raise ClientClosedError(type(self).__name__)
        request = _build_request(self._http, self._request_args(kwargs, options))
        if options.budget is not None:
            options.budget.spend()  # every attempt counts; refused before it is sent
        started = time.perf_counter()
        # Streamed, then read here, so that a body which cannot be read still has its response (httpx's own read
        # inside send() would raise without it). Closed on any failure, as httpx closes it. Errors are raised after
        # the except blocks, not in them: raised in one, they would keep the httpx error as __context__ (hidden by
        # `from None`, still reachable), and with it the request as sent, API key included.
        failure: APIError | None = None
        try:
            response = self._http.send(request, stream=True)
        except httpx.TransportError as exc:
            failure = _transport_error(exc, request)
        if failure is not None:
            raise failure
        try:
            response.read()
        except (httpx.TransportError, httpx.DecodingError) as exc:
            response.close()
            failure = _unreadable(exc, response)
        except BaseException:
            response.close()
            raise
        if failure is not None:
            raise failure
        _log_response(request, response, started)
        return response

    def request(
        self,
        kwargs: dict[str, Any],
        decode: Decoder[Any, T],
        *,
        idempotent: bool,
        options: RequestOptions = NO_OPTIONS,
    ) -> RawResponse[T]:
        retrying = tenacity.Retrying(sleep=self._sleep, **_retry.policy(self.max_retries, idempotent=idempotent))
        for attempt in retrying:
            with attempt:
                response = self._send(kwargs, options)
                parsed = decode_response(response, decode)
        return RawResponse(response, attempt.retry_state.attempt_number - 1, parsed)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()


async def _async_sleep(seconds: float) -> None:
    # asyncio is imported here, not at the top: a program (or a `rotor` command) that never awaits anything should
    # not pay for importing it. Here a loop is running, so it is already imported.
    import asyncio

    await asyncio.sleep(seconds)


class AsyncAPIClient(BaseClient[httpx.AsyncClient]):
    _sleep: Callable[[float], Awaitable[None]] = staticmethod(_async_sleep)

    def _new_http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=self.timeout, follow_redirects=False, verify=ssl_context(self.base_url))

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _send(self, kwargs: dict[str, Any], options: RequestOptions) -> httpx.Response:
        if self._http.is_closed:  # as in the sync client
            raise ClientClosedError(type(self).__name__)
        request = _build_request(self._http, self._request_args(kwargs, options))
        if options.budget is not None:
            options.budget.spend()  # every attempt counts; refused before it is sent
        started = time.perf_counter()
        failure: APIError | None = None  # as in the sync client
        try:
            response = await self._http.send(request, stream=True)
        except httpx.TransportError as exc:
            failure = _transport_error(exc, request)
        if failure is not None:
            raise failure
        try:
            await response.aread()
        except (httpx.TransportError, httpx.DecodingError) as exc:
            await response.aclose()
            failure = _unreadable(exc, response)
        except BaseException:
            await response.aclose()
            raise
        if failure is not None:
            raise failure
        _log_response(request, response, started)
        return response

    async def request(
        self,
        kwargs: dict[str, Any],
        decode: Decoder[Any, T],
        *,
        idempotent: bool,
        options: RequestOptions = NO_OPTIONS,
    ) -> RawResponse[T]:
        retrying = tenacity.AsyncRetrying(sleep=self._sleep, **_retry.policy(self.max_retries, idempotent=idempotent))
        async for attempt in retrying:
            with attempt:
                response = await self._send(kwargs, options)
                parsed = decode_response(response, decode)
        return RawResponse(response, attempt.retry_state.attempt_number - 1, parsed)

    async def close(self) -> None:
        if self._owns_http:
            await self._http.aclose()
