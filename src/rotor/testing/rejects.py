"""Error answers: raising ``Reject`` anywhere in a request's handling answers with its status and body."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Reject(Exception):
    """Stop handling and answer with this status and body."""

    def __init__(self, status: int, body: dict[str, Any], headers: Mapping[str, str] | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = dict(headers or {})


def error(message: str, error_code: str | None = None, **extra: Any) -> dict[str, Any]:
    """The documented error body: ``status`` and ``message``, with ``error_code`` where the docs show one."""
    body: dict[str, Any] = {"status": "error", "message": message}
    if error_code:
        body["error_code"] = error_code
    body.update(extra)
    return body


def validation_error(errors: list[dict[str, str]]) -> Reject:
    return Reject(400, error("Validation failed", errors=errors))


def not_found() -> Reject:
    return Reject(404, error("Not found"))
