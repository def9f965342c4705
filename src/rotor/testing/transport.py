"""In-process transports: the SDK talks to the mock app with no socket, sync or async."""

from __future__ import annotations

import asyncio
import threading

import httpx
from starlette.types import ASGIApp


def _check_complete(response: httpx.Response) -> None:
    # A real server that hangs up mid-body makes httpx raise; mirror that for the mock's `drop` fault.
    expected = response.headers.get("content-length")
    if expected is not None and int(expected) != len(response.content):
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")


class AsyncMockTransport(httpx.AsyncBaseTransport):
    def __init__(self, app: ASGIApp) -> None:
        self._inner = httpx.ASGITransport(app=app)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        content = await response.aread()
        out = httpx.Response(response.status_code, headers=response.headers, content=content, request=request)
        _check_complete(out)
        return out


def _serve(loop: asyncio.AbstractEventLoop) -> None:
    loop.run_forever()
    loop.close()  # after close() stopped it: release the loop's own sockets


class MockTransport(httpx.BaseTransport):
    """Sync transport: runs the ASGI app on an event loop in a daemon thread, started on first use.

    A daemon thread, so a test that forgets to close its client cannot keep the interpreter from exiting.
    """

    def __init__(self, app: ASGIApp) -> None:
        self._async = AsyncMockTransport(app)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()

    def _running_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                threading.Thread(target=_serve, args=(loop,), name="rotor-mock-loop", daemon=True).start()
                self._loop = loop
            return self._loop

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        future = asyncio.run_coroutine_threadsafe(self._async.handle_async_request(request), self._running_loop())
        return future.result()

    def close(self) -> None:
        with self._lock:
            loop, self._loop = self._loop, None
        if loop is not None:
            loop.call_soon_threadsafe(loop.stop)
