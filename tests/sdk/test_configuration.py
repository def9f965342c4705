"""Every option is checked at construction (and in ``with_options`` and per call): one clear error, zero requests.

Keys read from files end in newlines: surrounding whitespace is stripped; a key with whitespace, control or
non-ASCII characters inside is refused with a message that never holds the key. Each test runs on both clients.
"""

import logging
import traceback
from typing import Any

import httpx
import pytest
import respx

import rotor
from rotor import _options
from tests.conftest import API_KEY, BASE_URL, Flavor

OK_AUTH = {"authenticated": True, "status": "success"}


def _texts(error: BaseException, caplog: pytest.LogCaptureFixture) -> list[str]:
    """Everywhere a key could leak to: the exception's text, repr, traceback, and every log record."""
    return [
        str(error),
        repr(error),
        "".join(traceback.format_exception(error)),
        *(record.getMessage() for record in caplog.records),
        caplog.text,
    ]


@pytest.mark.parametrize("padded", [API_KEY + "\n", API_KEY + "\r\n", f"  {API_KEY}\t\n", "\ufeff" + API_KEY])
def test_surrounding_whitespace_is_stripped_and_the_key_works(
    flavor: Flavor, router: respx.MockRouter, padded: str
) -> None:
    if padded.startswith("\ufeff"):
        # A byte-order mark is not whitespace to str.strip(): such a key is refused like any non-ASCII one.
        with pytest.raises(rotor.InvalidParameterError, match="non-ASCII character at position 0"):
            flavor.make(api_key=padded)
        return
    route = router.get("/auth/test").respond(200, json=OK_AUTH)
    client = flavor.make(api_key=padded)
    assert client.api_key == API_KEY
    assert flavor.run(client.auth.test).authenticated is True
    assert route.calls.last.request.headers["x-api-key"] == API_KEY


BAD_KEYS = {
    "inner newline": API_KEY[:8] + "\n" + API_KEY[8:],
    "inner CRLF": API_KEY[:8] + "\r\n" + API_KEY[8:],
    "inner space": API_KEY[:8] + " " + API_KEY[8:],
    "control character": API_KEY[:8] + "\x00" + API_KEY[8:],
    "non-ASCII": API_KEY + "é",
    "non-ASCII inside": API_KEY[:8] + "ü" + API_KEY[8:],
}


@pytest.mark.parametrize("name", BAD_KEYS)
def test_a_key_that_cannot_be_a_header_is_refused_without_showing_it(
    flavor: Flavor, router: respx.MockRouter, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    caplog.set_level(logging.DEBUG)
    bad = BAD_KEYS[name]
    with pytest.raises(rotor.InvalidParameterError) as info:
        flavor.make(api_key=bad)
    assert info.value.param == "api_key"
    assert "position 8" in str(info.value) or "position 21" in str(info.value)
    pieces = [bad, API_KEY, API_KEY[:8], API_KEY[8:], repr(bad)[1:-1]]
    assert [text for text in _texts(info.value, caplog) for piece in pieces if piece in text] == []
    assert len(router.calls) == 0


def test_a_key_from_the_environment_is_checked_the_same_way(flavor: Flavor, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROTOR_API_KEY", API_KEY + "\n")
    assert flavor.client_class(base_url=BASE_URL).api_key == API_KEY
    monkeypatch.setenv("ROTOR_API_KEY", "a b")
    with pytest.raises(rotor.InvalidParameterError, match="api_key: has a whitespace character at position 1"):
        flavor.client_class(base_url=BASE_URL)
    monkeypatch.delenv("ROTOR_API_KEY")
    with pytest.raises(rotor.InvalidParameterError, match="ROTOR_API_KEY"):
        flavor.client_class(base_url=BASE_URL)


BAD_OPTIONS: dict[str, tuple[dict[str, Any], str]] = {
    "base_url without scheme": ({"base_url": "api.getrotor.com/open-api"}, "base_url: must be an absolute http"),
    "base_url ftp": ({"base_url": "ftp://api.getrotor.com/open-api"}, "base_url: must be an absolute http"),
    "base_url not a string": ({"base_url": 8080}, "base_url: must be a string"),
    "base_url with query": ({"base_url": "https://api.getrotor.com/open-api?x=1"}, "base_url: must not carry a query"),
    "timeout as text": ({"timeout": "5"}, "timeout: must be a positive number of seconds, at most 1,000,000, got '5'"),
    "negative timeout": ({"timeout": -1}, "timeout: must be a positive number of seconds, at most 1,000,000, got -1"),
    "zero timeout": ({"timeout": 0}, "timeout: must be a positive number"),
    "NaN timeout": ({"timeout": float("nan")}, "timeout: must be a positive number"),
    "bool timeout": ({"timeout": True}, "timeout: must be a positive number"),
    "negative part": ({"timeout": httpx.Timeout(5.0, connect=-1)}, "timeout.connect: must be a positive number"),
    "max_retries text": ({"max_retries": "2"}, "max_retries: must be a non-negative integer"),
    "max_retries negative": ({"max_retries": -1}, "max_retries: must be a non-negative integer"),
    "header with newline": ({"default_headers": {"x-trace": "a\nb"}}, "default_headers: header 'x-trace' must be"),
    "header bad name": ({"default_headers": {"x trace": "1"}}, "default_headers: 'x trace' is not a valid header"),
    "header sets the key": ({"default_headers": {"X-Api-Key": "k"}}, "default_headers: must not set x-api-key"),
    "header not a mapping": ({"default_headers": ["x-trace"]}, "default_headers: must be a mapping"),
}


@pytest.mark.parametrize("name", BAD_OPTIONS)
def test_bad_options_fail_at_construction_with_zero_requests(
    flavor: Flavor, router: respx.MockRouter, name: str
) -> None:
    options, message = BAD_OPTIONS[name]
    with pytest.raises(rotor.InvalidParameterError) as info:
        flavor.make(**options)
    assert str(info.value).startswith(message)
    assert len(router.calls) == 0


@pytest.mark.parametrize("name", ["negative timeout", "timeout as text", "max_retries negative", "header with newline"])
def test_with_options_checks_the_same_way(flavor: Flavor, router: respx.MockRouter, name: str) -> None:
    options, message = BAD_OPTIONS[name]
    with pytest.raises(rotor.InvalidParameterError, match=message.split(":")[0]):
        flavor.make().with_options(**options)
    assert len(router.calls) == 0


PER_CALL: dict[str, tuple[dict[str, Any], str]] = {
    "timeout": ({"timeout": -1}, "timeout: must be a positive number"),
    "extra_headers": ({"extra_headers": {"x-a": "1\r\nx-api-key: stolen"}}, "extra_headers: header 'x-a'"),
    "extra_headers key": ({"extra_headers": {"x-api-key": "other"}}, "extra_headers: must not set x-api-key"),
    "extra_query": ({"extra_query": {"page": [1]}}, "extra_query: 'page' must be a str"),
}


@pytest.mark.parametrize("name", PER_CALL)
@pytest.mark.parametrize("method", ["list", "retrieve", "create_or_update", "auth.test"])
def test_bad_per_call_options_fail_before_the_request(
    flavor: Flavor, router: respx.MockRouter, name: str, method: str
) -> None:
    options, message = PER_CALL[name]
    client = flavor.make()
    calls = {
        "list": lambda: client.customers.list(**options),
        "retrieve": lambda: client.customers.retrieve("c1", **options),
        "create_or_update": lambda: client.customers.create_or_update(email="a@b.co", **options),
        "auth.test": lambda: client.auth.test(**options),
    }
    with pytest.raises(rotor.InvalidParameterError, match=message):
        flavor.run(calls[method])
    assert len(router.calls) == 0


def _page(ids: list[str], page: int, total: int) -> dict[str, Any]:
    data = [{"id": i} for i in ids]
    return {"data": data, "pagination": {"page": page, "limit": 2, "total": total, "has_more": page * 2 < total}}


def test_per_call_options_reach_every_page_and_default_headers_every_request(
    flavor: Flavor, router: respx.MockRouter
) -> None:
    route = router.get("/customers").mock(
        side_effect=lambda request: httpx.Response(
            200, json=_page(["a", "b"], 1, 3) if request.url.params["page"] == "1" else _page(["c"], 2, 3)
        )
    )
    client = flavor.make(default_headers={"x-team": "ops"}).with_options(default_headers={"x-env": "test"})
    options = {"extra_headers": {"x-trace": "t1"}, "extra_query": {"debug": True}, "timeout": 7}

    async def collect_async() -> list[str]:
        first = await client.customers.list(limit=2, **options)
        return [c.id async for c in first]

    ids = flavor.run(collect_async) if flavor.is_async else [c.id for c in client.customers.list(limit=2, **options)]
    assert ids == ["a", "b", "c"]
    assert route.call_count == 2
    for call in route.calls:
        request = call.request
        assert (request.headers["x-team"], request.headers["x-env"], request.headers["x-trace"]) == (
            "ops",
            "test",
            "t1",
        )
        assert request.url.params["debug"] == "true" and request.headers["x-api-key"] == API_KEY
        assert request.extensions["timeout"] == httpx.Timeout(7).as_dict()
    # Without per-call options, the client's own timeout applies again.
    router.get("/auth/test").respond(200, json=OK_AUTH)
    flavor.run(client.auth.test)
    assert router.calls.last.request.extensions["timeout"] == httpx.Timeout(60.0, connect=5.0).as_dict()


def test_plain_http_to_a_real_host_warns_once(
    flavor: Flavor, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_options, "_warned_plain_http", set())
    caplog.set_level(logging.WARNING, logger="rotor")
    for _ in range(3):
        flavor.make(base_url="http://api.getrotor.com/open-api")
    for local in ("http://127.0.0.1:8787/open-api", "http://localhost/x", "http://[::1]:80/x", "http://rotor.mock/x"):
        flavor.make(base_url=local)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == ["base_url uses plain http:// to api.getrotor.com: the API key travels unencrypted"]


def test_plain_http_to_a_real_host_is_a_python_warning_too() -> None:
    # The library's logger is silent until an application configures logging; a warning is seen by default.
    import rotor._options

    rotor._options._warned_plain_http.discard("api.example.org")
    with pytest.warns(rotor.InsecureTransportWarning, match="plain http:// to api.example.org"):
        rotor.Rotor(api_key="rotor_k0secret0value", base_url="http://api.example.org/open-api")
