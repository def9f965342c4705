"""In-process transports: the SDK talks to the mock app with no socket, sync or async."""

from __future__ import annotations

import asyncio
import atexit
import threading

import httpx
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class _HungUp(Exception):
    """The app returned before the last part of its response body: a server closing the connection mid-body."""


def _hang_up_detector(app: ASGIApp) -> ASGIApp:
    async def detect(scope: Scope, receive: Receive, send: Send) -> None:
        complete = False

        async def tracking_send(message: Message) -> None:
            nonlocal complete
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                complete = True
            await send(message)

        await app(scope, receive, tracking_send)
        if not complete:
            raise _HungUp

    return detect


class AsyncMockTransport(httpx.AsyncBaseTransport):
    def __init__(self, app: ASGIApp) -> None:
        self._inner = httpx.ASGITransport(app=_hang_up_detector(app))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        # httpx's ASGI transport only asserts that a response completed (a bare AssertionError, which the SDK
        # cannot tell from a bug); over a socket, the same `drop` fault is an httpx transport error. Match that.
        try:
            response = await self._inner.handle_async_request(request)
        except _HungUp:
            raise httpx.RemoteProtocolError(
                "peer closed connection without sending complete message body", request=request
            ) from None
        content = await response.aread()
        return httpx.Response(response.status_code, headers=response.headers, content=content, request=request)


def _serve(loop: asyncio.AbstractEventLoop) -> None:
    loop.run_forever()
    loop.close()  # after _stop() stopped it: release the loop's own sockets


_shared_loop: asyncio.AbstractEventLoop | None = None
_shared_lock = threading.Lock()


def _stop(loop: asyncio.AbstractEventLoop) -> None:
    loop.call_soon_threadsafe(loop.stop)


def shared_loop() -> asyncio.AbstractEventLoop:
    """The event loop every sync in-process transport runs its mock on: one daemon thread for the process, started
    on first use and stopped at exit. A loop and a thread per client cost more than a test's request itself."""
    global _shared_loop
    with _shared_lock:
        if _shared_loop is None:
            loop = asyncio.new_event_loop()
            threading.Thread(target=_serve, args=(loop,), name="rotor-mock-loop", daemon=True).start()
            atexit.register(_stop, loop)
            _shared_loop = loop
        return _shared_loop


class MockTransport(httpx.BaseTransport):
    """Sync transport: runs the ASGI app on the process's mock event loop (``shared_loop``), in a daemon thread.

    A daemon thread, so a test that forgets to close its client cannot keep the interpreter from exiting.
    """

    def __init__(self, app: ASGIApp) -> None:
        self._async = AsyncMockTransport(app)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        future = asyncio.run_coroutine_threadsafe(self._async.handle_async_request(request), shared_loop())
        return future.result()

    def close(self) -> None:
        """Nothing to release: the loop is the process's, the app holds no connection."""
