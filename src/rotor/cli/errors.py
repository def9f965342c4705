"""Exit codes, one per error class, and the one line a failure prints (README, "Exit codes").

The SDK's exception tree (``rotor._exceptions``) is mapped here and nowhere else; the most specific class wins.
"""

from __future__ import annotations

import enum

from rotor._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    InvalidParameterError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RedirectError,
    RequestBudgetExceeded,
)
from rotor._export import PartialExport, partial_export
from rotor.cli.output import counted


class ExitCode(enum.IntEnum):
    OK = 0
    ERROR = 1  # anything not listed below (a bug: --debug shows the traceback)
    USAGE = 2  # bad flags or arguments, an unreadable --from-json file
    AUTH = 3  # no API key, or the API refused it (401)
    PERMISSION = 4  # the key lacks the scope (403)
    NOT_FOUND = 5  # no record with that id (404)
    QUOTA = 6  # the daily request quota is spent, or the API asked to slow down (429)
    VALIDATION = 7  # a value refused before any request is sent, or by the API (400, 422), or malformed input JSON
    NETWORK = 8  # no answer: refused connection, DNS, timeout, dropped connection (after retries)
    SERVER = 9  # the API failed (5xx, after retries), answered with a redirect or with a body not as documented
    PARTIAL_EXPORT = 10  # an export stopped part-way (Ctrl-C, quota, any error): the target is untouched, resume it


class CLIError(Exception):
    """A failure the CLI itself detects (no key, malformed input file): a message and its exit code."""

    def __init__(self, message: str, code: ExitCode) -> None:
        super().__init__(message)
        self.code = code


# Most specific first: the first class an exception is an instance of decides.
_BY_CLASS: tuple[tuple[type[Exception], ExitCode, str], ...] = (
    (CLIError, ExitCode.ERROR, ""),  # its own code, see exit_code()
    (InvalidParameterError, ExitCode.VALIDATION, "invalid value"),
    (RequestBudgetExceeded, ExitCode.VALIDATION, "over --max-requests"),  # refused before spending more
    (AuthenticationError, ExitCode.AUTH, "authentication failed"),
    (PermissionDeniedError, ExitCode.PERMISSION, "permission denied"),
    (NotFoundError, ExitCode.NOT_FOUND, "not found"),
    (RateLimitError, ExitCode.QUOTA, "rate limited"),
    (BadRequestError, ExitCode.VALIDATION, "rejected by the API"),
    (InternalServerError, ExitCode.SERVER, "server error"),
    (RedirectError, ExitCode.SERVER, "unexpected redirect"),
    (APIResponseValidationError, ExitCode.SERVER, "unexpected answer"),
    (APIConnectionError, ExitCode.NETWORK, "network error"),
)


def interrupted_export(exc: BaseException) -> PartialExport | None:
    """What an interrupted export kept, attached to ``exc`` or to the exception it was raised from (Ctrl-C in
    ``asyncio.run`` cancels the task, whose ``CancelledError`` carries it, then raises a new KeyboardInterrupt)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        found = partial_export(current)
        if found is not None:
            return found
        current = current.__cause__ or current.__context__
    return None


def _refused_plan(exc: BaseException) -> bool:
    """A budget that the export's plan does not fit (raised before spending more), as opposed to one spent mid-way."""
    return isinstance(exc, RequestBudgetExceeded) and exc.needed is not None


def classify(exc: BaseException) -> tuple[ExitCode, str]:
    """The exit code and a short label for ``exc``: an export that stopped part-way is 10, whatever stopped it."""
    if _refused_plan(exc):
        return ExitCode.VALIDATION, "over --max-requests"  # resuming would be refused the same way: not a 10
    if interrupted_export(exc) is not None:
        return ExitCode.PARTIAL_EXPORT, "export interrupted"
    if isinstance(exc, CLIError):
        return exc.code, ""
    if isinstance(exc, APIStatusError) and exc.status_code == 422:
        return ExitCode.VALIDATION, "rejected by the API"
    for cls, code, label in _BY_CLASS:
        if isinstance(exc, cls):
            return code, label
    if isinstance(exc, APIStatusError):
        return ExitCode.ERROR, "unexpected status"
    return ExitCode.ERROR, "internal error"


def message(exc: BaseException) -> str:
    """One line for stderr: what failed and, where it helps, what to do. SDK messages never hold the key."""
    code, label = classify(exc)
    text = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, KeyboardInterrupt):
        text = "Ctrl-C"
    if isinstance(exc, RateLimitError):
        if exc.is_daily_quota:
            text += " (the key's daily request quota is spent; it is not retried)"
        elif exc.retry_after is not None:
            text += f" (retry in {exc.retry_after:g}s)"
    if isinstance(exc, AuthenticationError):
        text += " (check --api-key, $ROTOR_API_KEY or the profile: rotor config show)"
    if isinstance(exc, PermissionDeniedError) and exc.required_scope:
        text += f" (the key needs the '{exc.required_scope}' scope)"
    if isinstance(exc, APIStatusError) and exc.request_id:
        text += f" [request {exc.request_id}]"
    partial = interrupted_export(exc)
    if isinstance(exc, RequestBudgetExceeded) and partial is None:
        text += "; nothing was written (raise --max-requests, or narrow the export with filters)"
    if partial is not None and _refused_plan(exc):
        assert isinstance(exc, RequestBudgetExceeded)
        text += (
            f"; the partial export in {partial.part} is kept: run again with --resume and --max-requests "
            f"{exc.needed} or more"
        )
    elif partial is not None:
        text += (
            f"; {counted(partial.written, 'record')} kept in {partial.part} after "
            f"{counted(partial.requests, 'request')}; "
            f"{partial.path} is untouched: run the same command with --resume to continue"
        )
    if code is ExitCode.ERROR and not isinstance(exc, CLIError):
        text += " (run with --debug for the traceback)"
    return f"error: {label}: {text}" if label else f"error: {text}"
