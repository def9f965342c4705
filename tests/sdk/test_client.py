"""Client configuration, lifecycle and the raw-response view."""

import inspect
from collections.abc import Callable
from typing import Any

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


def _public_methods(obj: object) -> dict[str, Callable[..., Any]]:
    return {name: getattr(obj, name) for name in dir(obj) if not name.startswith("_") and callable(getattr(obj, name))}


@pytest.mark.parametrize("client_class", [Rotor, AsyncRotor])
def test_raw_views_have_every_method_with_its_real_signature(client_class: type[Rotor] | type[AsyncRotor]) -> None:
    client = client_class(api_key=API_KEY, base_url=BASE_URL)
    for resource in ("customers", "leads", "auth"):
        methods = {
            name: method
            for name, method in _public_methods(getattr(client, resource)).items()
            if name != "export"  # writes a file: no single response to show
        }
        raw_view = _public_methods(getattr(client.with_raw_response, resource))
        assert sorted(raw_view) == sorted(methods), resource
        for name, method in methods.items():
            assert inspect.signature(raw_view[name]) == inspect.signature(method), f"{resource}.{name}"


def test_every_sync_method_has_an_async_twin_with_the_same_signature() -> None:
    sync, async_ = Rotor(api_key=API_KEY, base_url=BASE_URL), AsyncRotor(api_key=API_KEY, base_url=BASE_URL)
    pairs = [(sync, async_), (sync.with_raw_response, async_.with_raw_response)]
    pairs += [(getattr(sync, r), getattr(async_, r)) for r in ("customers", "leads", "auth")]
    pairs += [
        (getattr(sync.with_raw_response, r), getattr(async_.with_raw_response, r))
        for r in ("customers", "leads", "auth")
    ]
    for sync_obj, async_obj in pairs:
        sync_methods, async_methods = _public_methods(sync_obj), _public_methods(async_obj)
        assert set(sync_methods) <= set(async_methods), type(sync_obj).__name__
        for name, method in sync_methods.items():
            sync_sig, async_sig = inspect.signature(method), inspect.signature(async_methods[name])
            # The async side may add knobs of its own (concurrency), never drop or rename one.
            extra = [p for p in async_sig.parameters if p not in sync_sig.parameters]
            assert [p for p in sync_sig.parameters] == [p for p in async_sig.parameters if p not in extra], name
            for param in sync_sig.parameters.values():
                twin = async_sig.parameters[param.name]
                assert (param.kind, param.default) == (twin.kind, twin.default), f"{name}({param.name})"
