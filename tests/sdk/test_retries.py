"""Retries are safe for this API: reads retried on transient failures, writes only when replay is harmless.

Every test runs on ``Rotor`` and ``AsyncRotor`` (the ``flavor`` fixture): the two share one policy, and a test
on one client alone would let the other drift.
"""

import httpx
import pytest
import respx

import rotor
from tests.conftest import Flavor

OK_AUTH = {"authenticated": True, "status": "success"}
UPSERTED = {"id": "c1", "message": "Customer updated successfully"}


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_transient_statuses_are_retried_with_backoff(flavor: Flavor, router: respx.MockRouter, status: int) -> None:
    route = router.get("/auth/test").mock(
        side_effect=[httpx.Response(status), httpx.Response(status), httpx.Response(200, json=OK_AUTH)]
    )
    client = flavor.make()
    raw = flavor.run(client.with_raw_response.auth.test)
    assert raw.status_code == 200 and raw.retries_taken == 2 and route.call_count == 3
    assert raw.parse().authenticated is True
    waits = flavor.waits
    assert len(waits) == 2 and 0.5 <= waits[0] <= 1.0 and 1.0 <= waits[1] <= 1.5  # exponential, jittered


def test_retries_are_bounded_by_max_retries(flavor: Flavor, router: respx.MockRouter) -> None:
    route = router.get("/auth/test").respond(503)
    client = flavor.make()
    with pytest.raises(rotor.InternalServerError):
        flavor.run(client.auth.test)
    assert route.call_count == 3  # 1 + max_retries (2)
    route.reset()
    with pytest.raises(rotor.InternalServerError):
        flavor.run(client.with_options(max_retries=0).auth.test)
    assert route.call_count == 1


@pytest.mark.parametrize(
    "error", [httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("dropped")]
)
def test_connection_problems_are_retried_for_reads(flavor: Flavor, router: respx.MockRouter, error: Exception) -> None:
    route = router.get("/auth/test").mock(side_effect=[error, httpx.Response(200, json=OK_AUTH)])
    assert flavor.run(flavor.make().auth.test).authenticated is True
    assert route.call_count == 2


def test_timeouts_surface_as_api_timeout_error(flavor: Flavor, router: respx.MockRouter) -> None:
    router.get("/auth/test").mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(rotor.APITimeoutError):
        flavor.run(flavor.make().auth.test)


def test_short_retry_after_is_honoured_exactly(flavor: Flavor, router: respx.MockRouter) -> None:
    router.get("/auth/test").mock(
        side_effect=[httpx.Response(503, headers={"retry-after": "3"}), httpx.Response(200, json=OK_AUTH)]
    )
    flavor.run(flavor.make().auth.test)
    assert flavor.waits == [3.0]


def test_long_retry_after_raises_instead_of_sleeping(flavor: Flavor, router: respx.MockRouter) -> None:
    route = router.get("/auth/test").respond(503, headers={"retry-after": "3600"})
    with pytest.raises(rotor.InternalServerError):
        flavor.run(flavor.make().auth.test)
    assert route.call_count == 1 and flavor.waits == []


def test_daily_quota_is_never_retried(flavor: Flavor, router: respx.MockRouter) -> None:
    body = {
        "status": "error",
        "message": "Daily API key request limit of 1000 exceeded",
        "error_code": "RATE_LIMIT_EXCEEDED",
    }
    route = router.get("/customers").respond(429, json=body, headers={"retry-after": "1"})
    with pytest.raises(rotor.RateLimitError):
        flavor.run(flavor.make().customers.list)
    assert route.call_count == 1


def test_a_short_lived_429_with_retry_after_is_retried(flavor: Flavor, router: respx.MockRouter) -> None:
    route = router.get("/auth/test").mock(
        side_effect=[
            httpx.Response(429, json={"status": "error", "message": "slow down"}, headers={"retry-after": "1"}),
            httpx.Response(200, json=OK_AUTH),
        ]
    )
    flavor.run(flavor.make().auth.test)
    assert route.call_count == 2 and flavor.waits == [1.0]


def test_an_anonymous_upsert_is_never_replayed(flavor: Flavor, router: respx.MockRouter) -> None:
    # Without id, phone or email a replay would create a second customer.
    route = router.post("/customers").mock(side_effect=[httpx.Response(503), httpx.Response(201, json=UPSERTED)])
    client = flavor.make()
    with pytest.raises(rotor.InternalServerError):
        flavor.run(lambda: client.customers.create_or_update(first_name="Jane"))
    assert route.call_count == 1
    route.reset()
    route.side_effect = [httpx.ReadTimeout("slow"), httpx.Response(201, json=UPSERTED)]
    with pytest.raises(rotor.APITimeoutError):
        flavor.run(lambda: client.customers.create_or_update(first_name="Jane"))
    assert route.call_count == 1


@pytest.mark.parametrize(
    "key", [{"email": "jane@example.com"}, {"phone": "+15125550100"}, {"id": "9b2f1c3e-4d5a-4b6c-8d7e-0f1a2b3c4d5e"}]
)
def test_an_upsert_that_names_its_record_is_replayed(
    flavor: Flavor, router: respx.MockRouter, key: dict[str, str]
) -> None:
    route = router.post("/customers").mock(side_effect=[httpx.ReadTimeout("slow"), httpx.Response(200, json=UPSERTED)])
    client = flavor.make()
    raw = flavor.run(lambda: client.with_raw_response.customers.create_or_update({"first_name": "Jane", **key}))
    assert raw.retries_taken == 1 and route.call_count == 2


def test_a_write_that_never_connected_is_replayed(flavor: Flavor, router: respx.MockRouter) -> None:
    route = router.post("/customers").mock(
        side_effect=[httpx.ConnectError("refused"), httpx.Response(201, json=UPSERTED)]
    )
    client = flavor.make()
    flavor.run(lambda: client.customers.create_or_update(first_name="Jane"))
    assert route.call_count == 2


def test_client_errors_are_not_retried(flavor: Flavor, router: respx.MockRouter) -> None:
    route = router.get("/customers/x").respond(404, json={"status": "error", "message": "Not found"})
    with pytest.raises(rotor.NotFoundError):
        flavor.run(lambda: flavor.make().customers.retrieve("x"))
    assert route.call_count == 1


def test_with_options_keeps_the_clients_sleep(flavor: Flavor, router: respx.MockRouter) -> None:
    router.get("/auth/test").mock(side_effect=[httpx.Response(503), httpx.Response(200, json=OK_AUTH)])
    flavor.run(flavor.make().with_options(max_retries=1).auth.test)
    assert len(flavor.waits) == 1  # recorded by the test's sleep, not slept for real
