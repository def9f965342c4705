"""Client configuration, lifecycle and the raw-response view."""

import httpx
import pytest
import respx

from rotor import DEFAULT_BASE_URL, AsyncRotor, Rotor
from tests.conftest import API_KEY, BASE_URL


def test_key_and_base_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROTOR_API_KEY", API_KEY)
    monkeypatch.delenv("ROTOR_BASE_URL", raising=False)
    assert Rotor().base_url == DEFAULT_BASE_URL == "https://api.getrotor.com/open-api"
    monkeypatch.setenv("ROTOR_BASE_URL", "http://127.0.0.1:9/open-api/")
    client = Rotor()
    assert client.base_url == "http://127.0.0.1:9/open-api" and client.api_key == API_KEY
    assert Rotor(base_url="http://x/y").base_url == "http://x/y"


def test_defaults() -> None:
    client = Rotor(api_key=API_KEY)
    assert client.max_retries == 2
    assert client.timeout == httpx.Timeout(60.0, connect=5.0)
    assert repr(client) == "Rotor(base_url='https://api.getrotor.com/open-api', max_retries=2)"


def test_an_injected_http_client_is_used_and_not_closed(router: respx.MockRouter) -> None:
    route = router.get("/auth/test").respond(200, json={"authenticated": True})
    http = httpx.Client(headers={"x-trace": "1"})
    with Rotor(api_key=API_KEY, base_url=BASE_URL, http_client=http) as client:
        client.auth.test()
    assert route.calls.last.request.headers["x-trace"] == "1"
    assert not http.is_closed
    http.close()


def test_raw_response_exposes_status_headers_and_retries(router: respx.MockRouter) -> None:
    router.post("/customers").respond(
        201, json={"id": "c9", "message": "Customer created successfully"}, headers={"x-request-id": "r1"}
    )
    with Rotor(api_key=API_KEY, base_url=BASE_URL) as client:
        raw = client.with_raw_response.customers.create_or_update(email="jane@example.com")
        assert (raw.status_code, raw.headers["x-request-id"], raw.retries_taken) == (201, "r1", 0)
        assert raw.parse().id == "c9"
        # The plain methods are unaffected by the raw view.
        router.post("/customers").respond(200, json={"id": "c9"})
        assert client.customers.create_or_update(email="jane@example.com").id == "c9"


async def test_async_client_lifecycle_and_raw(router: respx.MockRouter) -> None:
    router.get("/customers/c1").respond(200, json={"data": {"id": "c1", "status": "active"}, "status": "success"})
    async with AsyncRotor(api_key=API_KEY, base_url=BASE_URL) as client:
        customer = await client.customers.retrieve("c1")
        raw = await client.with_raw_response.customers.retrieve("c1")
    assert customer.id == "c1" and raw.status_code == 200 and raw.parse() == customer
    assert client._http.is_closed
