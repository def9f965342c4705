"""Every exception the SDK raises, in one tree.

RotorError
├── InvalidParameterError          bad argument, raised before any request is spent (also a ValueError)
├── ClientClosedError              a call on a client that was closed (also a RuntimeError)
└── APIError                       something went wrong talking to the API
    ├── APIConnectionError         no usable response (DNS, refused, reset, dropped)
    │   └── APITimeoutError
    ├── APIResponseValidationError a response whose body is not what the spec says
    └── APIStatusError             an answer that is not 2xx
        ├── RedirectError          3xx, with .location (never followed: the request carries the key)
        ├── BadRequestError        400, with .field_errors
        ├── AuthenticationError    401
        ├── PermissionDeniedError  403, with .required_scope
        ├── NotFoundError          404
        ├── RateLimitError         429, with .retry_after and .is_daily_quota
        └── InternalServerError    5xx
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from attrs import frozen

from rotor._logging import redact

if TYPE_CHECKING:  # annotations only: a process that only writes files (the served mock) never imports httpx
    import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "FieldError",
    "InsecureTransportWarning",
    "InternalServerError",
    "InvalidParameterError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RedirectError",
    "RequestBudgetExceeded",
    "RotorError",
]


class RotorError(Exception):
    """Base class of every exception raised by this SDK."""


class InvalidParameterError(RotorError, ValueError):
    """An argument is outside what the API accepts; no request was sent."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param


class ClientClosedError(RotorError, RuntimeError):
    """A call on a client after ``close()`` (or the end of its ``with`` block); no request was sent.

    Also a ``RuntimeError``, which is what httpx raised here before: code catching that keeps working.
    """

    def __init__(self, client: str) -> None:
        super().__init__(f"this {client} is closed: make a new client, or call it inside its `with` block")


class InsecureTransportWarning(UserWarning):
    """A client was configured to send its API key over plain ``http://`` to a host that is not local."""


class RequestBudgetExceeded(RotorError):
    """A call would spend more requests than its ``max_requests``: raised before the request that would exceed it.

    ``needed`` is what the plan asked for when known (an export refuses after its first page when the pages
    ``total`` promises do not fit); ``spent`` is what was spent, never more than ``max_requests``.
    """

    def __init__(self, *, max_requests: int, spent: int, needed: int | None = None) -> None:
        plan = f"the plan needs {needed} requests, " if needed is not None else ""
        super().__init__(f"{plan}max_requests is {max_requests} ({spent} spent)")
        self.max_requests = max_requests
        self.spent = spent
        self.needed = needed


@frozen
class FieldError:
    """One invalid field named by a 400 answer."""

    field: str | None
    message: str | None


class APIError(RotorError):
    """Talking to the API failed. ``request`` is the request, with the API key header redacted."""

    def __init__(self, message: str, *, request: httpx.Request, body: object | None = None) -> None:
        # Every message passes here, including text the server or a transport wrote: scrub known keys once.
        message = redact(message)
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body


class APIConnectionError(APIError):
    def __init__(
        self,
        *,
        request: httpx.Request,
        message: str = "Connection error.",
        connect_failed: bool = False,
        permanent: bool = False,
    ) -> None:
        super().__init__(message, request=request)
        # True when no connection was made, so the request cannot have reached the server (safe to replay).
        self.connect_failed = connect_failed
        # True when retrying cannot help (TLS or protocol mismatch, a request httpx refuses): never retried.
        self.permanent = permanent


class APITimeoutError(APIConnectionError):
    def __init__(self, *, request: httpx.Request) -> None:
        super().__init__(request=request, message="Request timed out.")


class APIResponseValidationError(APIError):
    """The response does not match the spec (not JSON, wrong envelope, wrong types where they matter)."""

    def __init__(self, message: str, *, response: httpx.Response, body: object | None = None) -> None:
        super().__init__(message, request=response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The API answered with a status other than 2xx."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object | None,
        error_code: str | None,
        field_errors: list[FieldError] | None = None,
    ) -> None:
        super().__init__(message, request=response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.error_code = error_code
        self.field_errors: list[FieldError] = field_errors or []
        self.request_id = response.headers.get("x-request-id")

    def __str__(self) -> str:
        code = f" {self.error_code}" if self.error_code else ""
        return f"{self.status_code}{code}: {self.message}"


class RedirectError(APIStatusError):
    """A 3xx answer. Not followed: the request carries the API key, and the new URL may be another host."""

    @property
    def location(self) -> str | None:
        location: str | None = self.response.headers.get("location")
        return location


class BadRequestError(APIStatusError):
    pass


class AuthenticationError(APIStatusError):
    pass


_SCOPE = re.compile(r"scope '([^']+)'")


class PermissionDeniedError(APIStatusError):
    @property
    def required_scope(self) -> str | None:
        """The scope the key lacks, read from the message (the API sends it nowhere else)."""
        match = _SCOPE.search(self.message)
        return match.group(1) if match else None


class NotFoundError(APIStatusError):
    pass


DAILY_QUOTA_ERROR_CODE = "RATE_LIMIT_EXCEEDED"


class RateLimitError(APIStatusError):
    @property
    def is_daily_quota(self) -> bool:
        """True for the per-key daily quota, which does not clear for hours; never retried."""
        return self.error_code == DAILY_QUOTA_ERROR_CODE

    @property
    def retry_after(self) -> float | None:
        return parse_retry_after(self.response.headers.get("retry-after"))


class InternalServerError(APIStatusError):
    pass


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header in delta-seconds form; None when absent or not a number."""
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        # The HTTP-date form is allowed by RFC 9110 but not used by this API; treat it as absent.
        return None
    return seconds if seconds >= 0 else None


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    if 300 <= status_code < 400:
        return RedirectError
    if status_code >= 500:
        return InternalServerError
    return _BY_STATUS.get(status_code, APIStatusError)
