"""Checking configuration and per-call options before any request is spent.

Every mistake here raises ``InvalidParameterError`` at construction (or at the call, for per-call options) with
zero requests made: a typo in ``base_url`` or ``timeout`` must not cost retries, time or quota. No message built
here ever contains the API key.
"""

from __future__ import annotations

import ipaddress
import os
import re
import warnings
from collections.abc import Iterable, Mapping

import attrs
import httpx

from rotor import _constants
from rotor._budget import RequestBudget
from rotor._exceptions import InsecureTransportWarning, InvalidParameterError
from rotor._logging import logger
from rotor._validation import brief

API_KEY_HEADER = "x-api-key"
TimeoutArg = float | httpx.Timeout | None
QueryValue = str | int | float | bool

# RFC 9110 token characters: what a header name may hold.
_HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
# Printable ASCII plus space and tab inside a value: no CR/LF (header injection), no other control characters.
_HEADER_VALUE = re.compile(r"^[\x20-\x7e\t]*$")
# Names that never resolve on the public Internet (RFC 2606, RFC 6761): plain http to them exposes nothing.
_RESERVED_SUFFIXES = (".test", ".invalid", ".localhost", ".example", ".mock", ".internal")
_warned_plain_http: set[str] = set()


def api_key(value: object) -> str:
    """The key from the argument or ``$ROTOR_API_KEY``, surrounding whitespace stripped (files end in newlines)."""
    key = value if value is not None else os.environ.get("ROTOR_API_KEY")
    if key is None or (isinstance(key, str) and not key.strip()):
        raise InvalidParameterError(
            "api_key",
            "missing: pass api_key=... to the client or set the ROTOR_API_KEY environment variable. "
            "Keys are created in Rotor under Settings > Integrations.",
        )
    if not isinstance(key, str):
        raise InvalidParameterError("api_key", f"must be a string, got {type(key).__name__}")
    key = key.strip()
    # Say where and what kind of character, never the character or the key: both would leak the secret.
    for position, char in enumerate(key):
        if char.isspace() or not char.isprintable() or not char.isascii():
            kind = "a whitespace" if char.isspace() else "a non-ASCII" if not char.isascii() else "a control"
            raise InvalidParameterError(
                "api_key", f"has {kind} character at position {position}; Rotor keys are printable ASCII"
            )
    return key


def _is_loopback_or_reserved(host: str) -> bool:
    if host == "localhost" or host.endswith(_RESERVED_SUFFIXES):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def base_url(value: object) -> str:
    """An absolute http(s) URL, without its trailing slash; plain http to a real host warns once."""
    raw = value if value is not None else os.environ.get("ROTOR_BASE_URL") or _constants.DEFAULT_BASE_URL
    if not isinstance(raw, str):
        raise InvalidParameterError("base_url", f"must be a string, got {type(raw).__name__}")
    example = f"like {_constants.DEFAULT_BASE_URL!r}"
    try:
        url = httpx.URL(raw.strip())
    except httpx.InvalidURL as exc:
        raise InvalidParameterError(
            "base_url", f"is not a valid URL ({exc}); expected an absolute URL {example}"
        ) from None
    if url.scheme not in ("http", "https") or not url.host:
        raise InvalidParameterError("base_url", f"must be an absolute http(s) URL {example}, got {brief(raw)}")
    if url.query or url.fragment:
        raise InvalidParameterError("base_url", f"must not carry a query or fragment, got {brief(raw)}")
    if url.scheme == "http" and not _is_loopback_or_reserved(url.host) and url.host not in _warned_plain_http:
        _warned_plain_http.add(url.host)
        text = f"base_url uses plain http:// to {url.host}: the API key travels unencrypted"
        logger.warning(text)
        # Also a Python warning: the library's logger is silent until the application configures logging.
        warnings.warn(text, InsecureTransportWarning, stacklevel=5)  # the caller of Rotor(...)
    return str(url).rstrip("/")


# The longest timeout taken: the socket layer turns a timeout into a deadline, and one past what the platform's
# clock can hold (1e30 seconds, infinity) fails deep inside a request with an OverflowError.
MAX_TIMEOUT_SECONDS = 1_000_000


def _seconds(name: str, value: object, *, allow_none: bool) -> float | None:
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= MAX_TIMEOUT_SECONDS:
        raise InvalidParameterError(
            name, f"must be a positive number of seconds, at most {MAX_TIMEOUT_SECONDS:,}, got {brief(value)}"
        )
    return float(value)


def timeout(value: object) -> httpx.Timeout:
    """Seconds (a positive number) or an ``httpx.Timeout`` whose parts are positive or None; None: the default."""
    if value is None:
        return _constants.DEFAULT_TIMEOUT
    if isinstance(value, httpx.Timeout):
        parts = value.as_dict()
        for part, seconds in parts.items():
            _seconds(f"timeout.{part}", seconds, allow_none=True)
        return value
    seconds = _seconds("timeout", value, allow_none=False)
    return httpx.Timeout(seconds)


def max_retries(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidParameterError("max_retries", f"must be a non-negative integer, got {brief(value)}")
    return value


def headers(name: str, value: Mapping[str, str] | None) -> dict[str, str]:
    """Extra headers: valid names, printable ASCII values, and never the key header (use ``api_key``)."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidParameterError(name, f"must be a mapping of header names to strings, got {type(value).__name__}")
    checked: dict[str, str] = {}
    for header, text in value.items():
        if not isinstance(header, str) or not _HEADER_NAME.match(header):
            raise InvalidParameterError(name, f"{header!r} is not a valid header name")
        if header.lower() == API_KEY_HEADER:
            raise InvalidParameterError(name, "must not set x-api-key: pass api_key= (it is checked and redacted)")
        if not isinstance(text, str) or not _HEADER_VALUE.match(text):
            # The value is not shown: a user may have put a secret in it.
            raise InvalidParameterError(name, f"header {header!r} must be a printable ASCII string without newlines")
        checked[header] = text
    return checked


def query(value: Mapping[str, QueryValue] | None) -> dict[str, QueryValue]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidParameterError("extra_query", f"must be a mapping, got {type(value).__name__}")
    for param, item in value.items():
        if not isinstance(param, str) or not param:
            raise InvalidParameterError("extra_query", f"parameter names must be non-empty strings, got {brief(param)}")
        if not isinstance(item, str | int | float | bool):
            raise InvalidParameterError("extra_query", f"{brief(param)} must be a str, int, float or bool")
    return dict(value)


def unshadowed(query: Mapping[str, QueryValue], taken: Iterable[str]) -> None:
    """Refuse ``extra_query`` keys that name a parameter the method takes itself (``taken``): sent as extra query,
    they would replace the checked value (``list(limit=1, extra_query={"limit": "5"})`` returned 5 rows) or slip
    an unchecked one past its check. ``extra_query`` is for parameters the SDK does not know yet."""
    for param in sorted(set(query) & set(taken)):
        raise InvalidParameterError(
            "extra_query", f"{param!r} is a parameter of this method: pass it as {param}=..., where it is checked"
        )


@attrs.frozen
class RequestOptions:
    """Per-call additions to one request (and, for a list, to every page it fetches)."""

    extra_headers: dict[str, str] = attrs.field(factory=dict)
    extra_query: dict[str, QueryValue] = attrs.field(factory=dict)
    timeout: httpx.Timeout | None = None
    # Counts every attempt (retries too) and refuses the one beyond its limit; shared by the pages of one walk.
    budget: RequestBudget | None = None


NO_OPTIONS = RequestOptions()


def request_options(
    extra_headers: Mapping[str, str] | None, extra_query: Mapping[str, QueryValue] | None, timeout_: TimeoutArg
) -> RequestOptions:
    if extra_headers is None and extra_query is None and timeout_ is None:
        return NO_OPTIONS
    return RequestOptions(
        extra_headers=headers("extra_headers", extra_headers),
        extra_query=query(extra_query),
        timeout=None if timeout_ is None else timeout(timeout_),
    )
