"""Serving the mock over real HTTP on 127.0.0.1, in a background thread (tests) or the foreground (scripts/mock)."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType

import uvicorn
from starlette.types import Receive, Scope, Send

from rotor.testing.app import BASE_PATH, MockRotor


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class MockServer:
    """``with MockServer(mock) as server:`` serves ``mock`` at ``server.base_url`` until the block ends.

    ``server.mock`` may be replaced while it runs: each request goes to the mock of the moment. The pytest plugin
    keeps one server per test session (per xdist worker) and gives it each test's fresh mock, instead of starting
    and stopping a server (a thread, a socket and uvicorn's shutdown poll) for every test.
    """

    def __init__(self, mock: MockRotor, *, port: int | None = None) -> None:
        self.mock = mock
        self.port = port or free_port()
        config = uvicorn.Config(
            self._app, host="127.0.0.1", port=self.port, log_level="error", lifespan="off", interface="asgi3"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="rotor-mock-server", daemon=True)

    async def _app(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.mock.app(scope, receive, send)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{BASE_PATH}"

    def start(self) -> MockServer:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"mock server did not start on 127.0.0.1:{self.port}")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)

    def __enter__(self) -> MockServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
