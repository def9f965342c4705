"""Every documented error gives the right exception with the right fields; nothing else ever escapes."""

from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx
from hypothesis import given, settings
from hypothesis import strategies as st

import rotor
from tests.conftest import API_KEY, Flavor
from tests.strategies import malformed_bytes

DOCUMENTED = [
    (400, {"status": "error", "message": "Validation failed", "errors": [{"field": "email", "message": "Invalid email format"}]}, rotor.BadRequestError, None),
    (401, {"status": "error", "message": "Authentication required. Provide x-api-key header.", "error_code": "AUTHENTICATION_REQUIRED"}, rotor.AuthenticationError, "AUTHENTICATION_REQUIRED"),
    (403, {"status": "error", "message": "Forbidden: required scope 'customers:read' not granted for this API key", "error_code": "INSUFFICIENT_SCOPE"}, rotor.PermissionDeniedError, "INSUFFICIENT_SCOPE"),
    (404, {"status": "error", "message": "Not found"}, rotor.NotFoundError, None),
    (429, {"status": "error", "message": "Daily API key request limit of 1000 exceeded", "error_code": "RATE_LIMIT_EXCEEDED"}, rotor.RateLimitError, "RATE_LIMIT_EXCEEDED"),
    (500, {"status": "error", "message": "Internal server error"}, rotor.InternalServerError, None),
]  # fmt: skip


@pytest.mark.parametrize(("status", "body", "exc_type", "error_code"), DOCUMENTED)
def test_documented_errors(
    flavor: Flavor, router: respx.MockRouter, status: int, body: dict[str, Any], exc_type: type, error_code: str | None
) -> None:
    router.get("/customers/c1").respond(status, json=body, headers={"x-request-id": "req_1"})
    with pytest.raises(exc_type) as info:
        flavor.run(lambda: flavor.make().customers.retrieve("c1"))
    error = info.value
    assert isinstance(error, rotor.APIStatusError)
    assert error.status_code == status
    assert error.error_code == error_code
    assert error.message.startswith(body["message"])
    assert error.body == body
    assert error.request_id == "req_1"
    assert error.response.status_code == status


def test_bad_request_carries_field_errors(flavor: Flavor, router: respx.MockRouter) -> None:
    router.post("/customers").respond(400, json=DOCUMENTED[0][1])
    with pytest.raises(rotor.BadRequestError) as info:
        flavor.run(lambda: flavor.make().customers.create_or_update(email="jane@example.com"))
    assert info.value.field_errors == [rotor.FieldError(field="email", message="Invalid email format")]
    assert "email: Invalid email format" in str(info.value)


def test_permission_denied_names_the_scope(flavor: Flavor, router: respx.MockRouter) -> None:
    router.get("/customers").respond(403, json=DOCUMENTED[2][1])
    with pytest.raises(rotor.PermissionDeniedError) as info:
        flavor.run(flavor.make().customers.list)
    assert info.value.required_scope == "customers:read"


def test_daily_quota_is_recognised(flavor: Flavor, router: respx.MockRouter) -> None:
    route = router.get("/auth/test").respond(429, json=DOCUMENTED[4][1])
    with pytest.raises(rotor.RateLimitError) as info:
        flavor.run(flavor.make().auth.test)
    assert info.value.is_daily_quota
    assert route.call_count == 1  # never retried


@pytest.mark.parametrize(
    "body",
    [
        {"status": "error", "message": None, "error_code": 5},
        {"message": ["x"], "errors": "nope"},
        {"errors": [None, {"field": 1, "message": {}}]},
        [],
        "plain text",
    ],
)
def test_error_bodies_of_the_wrong_shape_still_type(flavor: Flavor, router: respx.MockRouter, body: Any) -> None:
    router.get("/customers").respond(400, json=body)
    with pytest.raises(rotor.BadRequestError) as info:
        flavor.run(flavor.make().customers.list)
    assert isinstance(info.value.message, str) and info.value.message
    assert info.value.error_code is None or isinstance(info.value.error_code, str)


def _behind_mangling_proxy(flavor: Flavor, status: int, sent: list[httpx.Request]) -> httpx.Client | httpx.AsyncClient:
    """An httpx client (of the flavor's kind) behind a proxy that mangled a gzip answer: the status and headers arrive,
    the body does not decode. httpx's own MockTransport, not respx: respx reads (and so decodes) a body inside
    send(), which a real transport never does."""

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(status, headers={"content-encoding": "gzip"}, stream=httpx.ByteStream(b"not gzip"))

    transport = httpx.MockTransport(answer)
    return httpx.AsyncClient(transport=transport) if flavor.is_async else httpx.Client(transport=transport)


def test_a_success_that_does_not_decode_as_its_content_encoding_is_a_validation_error(flavor: Flavor) -> None:
    sent: list[httpx.Request] = []
    http = _behind_mangling_proxy(flavor, 200, sent)
    with pytest.raises(rotor.APIResponseValidationError, match="gzip") as info:
        flavor.run(flavor.make(max_retries=2, http_client=http).auth.test)
    assert len(sent) == 1  # not retried: the same bytes would likely come again, a request each
    assert info.value.status_code == 200 and info.value.response.text == ""  # readable: its body never arrived
    assert API_KEY not in str(info.value) + repr(info.value.response.request.headers)


def test_an_error_status_that_does_not_decode_is_still_its_status_error(flavor: Flavor) -> None:
    # The status says what the API meant: a 503 stays a retried InternalServerError, its body unknown.
    sent: list[httpx.Request] = []
    http = _behind_mangling_proxy(flavor, 503, sent)
    with pytest.raises(rotor.InternalServerError) as info:
        flavor.run(flavor.make(max_retries=2, http_client=http).auth.test)
    assert len(sent) == 3
    assert (info.value.status_code, info.value.body, info.value.response.text) == (503, None, "")


def test_undocumented_status(flavor: Flavor, router: respx.MockRouter) -> None:
    router.get("/customers").respond(418, text="teapot")
    with pytest.raises(rotor.APIStatusError) as info:
        flavor.run(flavor.make().customers.list)
    assert type(info.value) is rotor.APIStatusError
    assert info.value.status_code == 418


OPERATIONS: dict[str, tuple[str, str, str, Callable[[Any], object]]] = {
    "list": ("GET", "/customers", "CustomerListResponse", lambda c: c.customers.list()),
    "retrieve": ("GET", "/customers/c1", "CustomerResponse", lambda c: c.customers.retrieve("c1")),
    "upsert": ("POST", "/customers", "CustomerUpsertResult", lambda c: c.customers.create_or_update(email="a@b.co")),
    "auth": ("GET", "/auth/test", "AuthTestResponse", lambda c: c.auth.test()),
}


@pytest.mark.parametrize("operation", OPERATIONS)
@settings(max_examples=125)  # x 4 operations x 2 clients: 1,000 malformed bodies in every profile
@given(data=st.data(), status=st.sampled_from([200, 201, 400, 401, 403, 404, 429, 500, 502, 503, 418]))
def test_malformed_bodies_raise_only_rotor_errors(
    flavor: Flavor, flavored_client: Any, router: respx.MockRouter, operation: str, data: st.DataObject, status: int
) -> None:
    method, path, schema, call = OPERATIONS[operation]
    content = data.draw(malformed_bytes(schema))
    router.route(method=method, path=path).mock(return_value=httpx.Response(status, content=content))
    try:
        flavor.run(lambda: call(flavored_client))
    except rotor.RotorError as exc:
        assert str(exc)
        if status >= 400:
            assert isinstance(exc, rotor.APIStatusError) and exc.status_code == status
        else:
            assert isinstance(exc, rotor.APIResponseValidationError)
    else:
        assert status < 400  # a tolerated body: only ever for a success status
