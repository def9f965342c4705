"""When a failed request is retried, and how long to wait: one policy, run by tenacity for sync and async.

* Never retried: a connection failure that cannot heal (TLS or protocol mismatch, a request httpx refuses).
* Retried: connection errors, timeouts and 500/502/503/504, for idempotent requests (GETs, and upserts that name
  their record, see ``resources/customers.py``). A write that may have reached the server is never replayed.
* A 429 is retried only when it is *not* the daily quota and carries a short ``Retry-After``; the daily quota
  does not clear for hours, so retrying it would only spend more of it.
* ``Retry-After`` up to ``MAX_RETRY_AFTER`` seconds is honoured exactly; a longer one raises at once.
* Otherwise: exponential backoff with jitter, from ``INITIAL_RETRY_DELAY`` up to ``MAX_RETRY_DELAY``.
"""

from __future__ import annotations

import logging
from typing import Any

import tenacity

from rotor import _constants
from rotor._exceptions import (
    APIConnectionError,
    APIStatusError,
    InternalServerError,
    RateLimitError,
    parse_retry_after,
)
from rotor._logging import logger

RETRYABLE_STATUSES = frozenset({500, 502, 503, 504})


def _retry_after(exc: BaseException) -> float | None:
    if isinstance(exc, APIStatusError):
        return parse_retry_after(exc.response.headers.get("retry-after"))
    return None


def should_retry(exc: BaseException, *, idempotent: bool) -> bool:
    if isinstance(exc, APIConnectionError):
        return not exc.permanent and (idempotent or exc.connect_failed)
    if not idempotent:
        return False
    retry_after = _retry_after(exc)
    if retry_after is not None and retry_after > _constants.MAX_RETRY_AFTER:
        return False
    if isinstance(exc, InternalServerError):
        return exc.status_code in RETRYABLE_STATUSES
    if isinstance(exc, RateLimitError):
        return not exc.is_daily_quota and retry_after is not None
    return False


_backoff = tenacity.wait_exponential_jitter(
    multiplier=_constants.INITIAL_RETRY_DELAY, max=_constants.MAX_RETRY_DELAY, jitter=_constants.INITIAL_RETRY_DELAY
)


def _wait(state: tenacity.RetryCallState) -> float:
    exc = state.outcome.exception() if state.outcome else None
    retry_after = _retry_after(exc) if exc else None
    return retry_after if retry_after is not None else _backoff(state)


def _log_retry(state: tenacity.RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome else None
    wait = state.next_action.sleep if state.next_action else 0.0
    logger.info("retrying after %s (attempt %d, waiting %.2fs)", type(exc).__name__, state.attempt_number, wait)


def policy(max_retries: int, *, idempotent: bool) -> dict[str, Any]:
    """Keyword arguments for ``tenacity.Retrying`` / ``AsyncRetrying``."""
    return {
        "stop": tenacity.stop_after_attempt(max_retries + 1),
        "wait": _wait,
        "retry": tenacity.retry_if_exception(lambda exc: should_retry(exc, idempotent=idempotent)),
        "before_sleep": _log_retry if logger.isEnabledFor(logging.INFO) else None,
        "reraise": True,
    }
