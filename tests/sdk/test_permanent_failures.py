"""Failures that a retry cannot fix are raised at once, typed, on both clients: redirects, TLS and protocol errors."""

import socket
import ssl
import threading
from collections.abc import Callable, Iterator

import httpx
import pytest
import respx

import rotor
from tests.conftest import API_KEY, Flavor


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_is_a_typed_status_error_with_its_location(
    flavor: Flavor, router: respx.MockRouter, status: int
) -> None:
    route = router.get("/customers/c1").respond(status, headers={"location": "https://elsewhere.example/c1"})
    with pytest.raises(rotor.RedirectError) as info:
        flavor.run(lambda: flavor.make().customers.retrieve("c1"))
    error = info.value
    assert isinstance(error, rotor.APIStatusError)
    assert (error.status_code, error.location) == (status, "https://elsewhere.example/c1")
    assert "https://elsewhere.example/c1" in str(error) and "not JSON" not in str(error)
    assert route.call_count == 1  # never retried, never followed


def _ssl_failure(kind: type[ssl.SSLError]) -> httpx.ConnectError:
    error = httpx.ConnectError("[SSL] handshake failed")
    error.__cause__ = kind(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    return error


PERMANENT: dict[str, Callable[[], Exception]] = {
    "certificate": lambda: _ssl_failure(ssl.SSLCertVerificationError),
    "TLS protocol": lambda: _ssl_failure(ssl.SSLError),
    "bad header": lambda: httpx.LocalProtocolError("Illegal header value"),
    "unsupported protocol": lambda: httpx.UnsupportedProtocol("Request URL has an unsupported protocol"),
}


def _transport(outcomes: list[Exception | httpx.Response], calls: list[httpx.Request]) -> httpx.MockTransport:
    # httpx's own MockTransport, not respx: respx re-raises side effects with a new cause, hiding the TLS error.
    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return httpx.MockTransport(handle)


def _http_client(flavor: Flavor, transport: httpx.MockTransport) -> httpx.Client | httpx.AsyncClient:
    return httpx.AsyncClient(transport=transport) if flavor.is_async else httpx.Client(transport=transport)


@pytest.mark.parametrize("name", PERMANENT)
def test_failures_that_cannot_heal_are_not_retried(flavor: Flavor, name: str) -> None:
    calls: list[httpx.Request] = []
    transport = _transport([PERMANENT[name](), httpx.Response(200, json={"authenticated": True})], calls)
    client = flavor.make(http_client=_http_client(flavor, transport))
    with pytest.raises(rotor.APIConnectionError) as info:
        flavor.run(client.auth.test)
    assert info.value.permanent is True
    assert len(calls) == 1


def test_a_dropped_tls_connection_is_still_retried(flavor: Flavor) -> None:
    calls: list[httpx.Request] = []
    transport = _transport([_ssl_failure(ssl.SSLEOFError), httpx.Response(200, json={"authenticated": True})], calls)
    client = flavor.make(http_client=_http_client(flavor, transport))
    assert flavor.run(client.auth.test).authenticated is True
    assert len(calls) == 2


@pytest.fixture
def plain_server() -> Iterator[tuple[int, list[int]]]:
    """A plain-TCP server on 127.0.0.1 that answers every connection with an HTTP 400 (never TLS)."""
    listener = socket.create_server(("127.0.0.1", 0))
    connections: list[int] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            connections.append(1)
            with conn:
                conn.recv(4096)
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1], connections
    listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept(); close() alone does not
    listener.close()
    thread.join(timeout=5)


def test_https_against_a_plain_http_server_fails_once(flavor: Flavor, plain_server: tuple[int, list[int]]) -> None:
    port, connections = plain_server
    client = flavor.make(base_url=f"https://127.0.0.1:{port}/open-api", max_retries=3)
    with pytest.raises(rotor.APIConnectionError) as info:
        flavor.run(client.auth.test)
    assert info.value.permanent is True
    assert len(connections) == 1
    assert API_KEY not in str(info.value)
