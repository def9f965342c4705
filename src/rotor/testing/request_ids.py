"""An ``x-request-id`` on every response the mock sends, as the SDK's errors report it (``err.request_id``).

ASGI middleware rather than a header in each handler, so nothing escapes it: errors, faults that still answer,
cut-off bodies and the router's own 404s all carry one.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "x-request-id"


def new_request_id() -> str:
    return f"req_{uuid.uuid4().hex}"


class RequestIds:
    def __init__(self, app: ASGIApp, on_issue: Callable[[str], None]) -> None:
        self.app = app
        self.on_issue = on_issue

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = new_request_id()

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", []), (REQUEST_ID_HEADER.encode(), request_id.encode())]
                message = {**message, "headers": headers}
                self.on_issue(request_id)
            await send(message)

        await self.app(scope, receive, send_with_id)
