"""The SDK against the mock served over real HTTP on 127.0.0.1 (and in-process for async)."""

import math
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

import rotor
from rotor.testing import Faults, LiveMockRotorAPI, MockRotor, MockRotorAPI


# The default data set (2,500 customers, 2,258 of them not archived: three pages) throughout: it is made once per run
# and kept (rotor.testing.data_cache), where a size of this file's own cost its own 1.5 s of Faker.
@pytest.fixture(scope="module")
def live() -> Iterator[LiveMockRotorAPI]:
    with LiveMockRotorAPI(MockRotor(daily_quota=10**6)) as mock:
        yield mock


def _unarchived(mock: MockRotor) -> set[str]:
    return {s.record["id"] for s in mock.store.all() if not s.archived}


def test_full_iteration_costs_ceil_n_over_1000(live: LiveMockRotorAPI) -> None:
    expected = _unarchived(live.mock)
    n = len(expected)
    assert n % 1000 and n > 2000  # not a multiple of 1000, and more than two pages
    before = live.mock.requests_served
    with live.client() as client:
        ids = [c.id for c in client.customers.list()]
    assert len(ids) == len(set(ids)) == n and set(ids) == expected
    assert live.mock.requests_served - before == math.ceil(n / 1000) == 3


def test_iteration_survives_503s_and_dropped_connections(live: LiveMockRotorAPI) -> None:
    faults = Faults(error_rate=0.1, error_statuses=(503,), drop_rate=0.1, retry_after=0, seed=3)
    live.mock.faults = faults
    try:
        with live.client(max_retries=4) as client:  # harness clients record backoff waits instead of sleeping
            page = client.customers.list(limit=100)
            ids = [c.id for c in page]
    finally:
        live.mock.faults = Faults()
    assert faults.injected["503"] >= 2 and faults.injected["drop"] >= 2  # the faults really happened
    assert len(ids) == len(set(ids)) == len(_unarchived(live.mock))
    assert set(ids) == _unarchived(live.mock)


def test_spent_quota_raises_after_zero_retries() -> None:
    with LiveMockRotorAPI(MockRotor(customers=10, daily_quota=3)) as live, live.client() as client:
        for _ in range(3):
            client.auth.test()
        served = live.mock.requests_served
        with pytest.raises(rotor.RateLimitError) as info:
            client.customers.list()
        assert info.value.is_daily_quota
        assert info.value.message == "Daily API key request limit of 3 exceeded"
        assert live.mock.statuses[("listCustomers", 429)] == 1  # one request: no retry
        assert live.mock.requests_served == served


def test_every_operation_round_trips(live: LiveMockRotorAPI) -> None:
    with live.client() as client:
        auth = client.auth.test()
        assert auth.authenticated is True and "customers:read" in (auth.scopes or [])
        created = client.with_raw_response.customers.create_or_update(
            first_name="Ada", email="ada@example.com", tags=["vip"], status="active", property_city="Austin"
        )
        assert created.status_code == 201
        customer_id = created.parse().id
        assert isinstance(customer_id, str)
        updated = client.with_raw_response.customers.create_or_update(email="ada@example.com", tags=["pool"])
        assert updated.status_code == 200 and updated.parse().tags == ["vip", "pool"]
        fetched = client.customers.retrieve(customer_id)
        assert fetched.first_name == "Ada" and fetched.status == rotor.CustomerStatus.ACTIVE
        assert [c.id for c in client.customers.list(search="ada@example.com")] == [customer_id]
        with pytest.raises(rotor.NotFoundError):
            client.customers.retrieve("no-such-customer")


def test_scope_errors_name_the_scope() -> None:
    with (
        MockRotorAPI(customers=5) as mock,
        mock.client(api_key=rotor.testing.READ_ONLY_API_KEY) as client,
        pytest.raises(rotor.PermissionDeniedError) as info,
    ):
        client.customers.create_or_update(email="x@example.com")
    assert info.value.required_scope == "customers:write"


async def test_async_iteration_in_process() -> None:
    with MockRotorAPI(daily_quota=10**6) as mock:
        async with mock.async_client() as client:
            page = await client.customers.list(status="inactive")
            ids = [c.id async for c in page]
    expected = {s.record["id"] for s in mock.store.all() if not s.archived and s.record["status"] == "inactive"}
    assert set(ids) == expected and len(ids) == len(expected)


def test_consumer_fixtures(rotor_mock: MockRotorAPI, rotor_mock_server: LiveMockRotorAPI) -> None:
    # The fixtures consumers get from the pytest plugin: fresh, independent mocks.
    with rotor_mock.client() as a, rotor_mock_server.client() as b:
        assert a.customers.list(limit=1).total == b.customers.list(limit=1).total
    rotor_mock.faults.error_rate = 1.0
    with rotor_mock.client(max_retries=0) as client, pytest.raises(rotor.InternalServerError):
        client.auth.test()
    assert rotor_mock_server.base_url.startswith("http://127.0.0.1:")


async def test_concurrent_iteration_is_ordered_complete_and_costs_the_same() -> None:
    with MockRotorAPI(daily_quota=10**6) as mock:
        async with mock.async_client() as client:
            first = await client.customers.list(limit=100)
            before = mock.mock.requests_served
            sequential = [c.id async for c in first.iter_items(concurrency=1)]
            spent_sequential = mock.mock.requests_served - before
            before = mock.mock.requests_served
            concurrent = [c.id async for c in first.iter_items(concurrency=8)]
            spent_concurrent = mock.mock.requests_served - before
    assert concurrent == sequential and len(set(concurrent)) == len(concurrent)
    assert spent_concurrent == spent_sequential == math.ceil(len(concurrent) / 100) - 1  # page 1 was in hand


async def test_bad_concurrency_is_refused() -> None:
    with MockRotorAPI(customers=5) as mock:
        async with mock.async_client() as client:
            page = await client.customers.list()
            with pytest.raises(rotor.InvalidParameterError, match="concurrency"):
                [p async for p in page.iter_pages(concurrency=0)]


def test_export_streams_every_customer(live: LiveMockRotorAPI, tmp_path: Path) -> None:
    expected = _unarchived(live.mock)
    before = live.mock.requests_served
    with live.client() as client:
        written = client.customers.export(tmp_path / "customers.jsonl").written
    lines = (tmp_path / "customers.jsonl").read_bytes().splitlines()
    assert written == len(lines) == len(expected)
    assert {orjson.loads(line)["id"] for line in lines} == expected
    assert live.mock.requests_served - before == math.ceil(len(expected) / 1000)


async def test_async_export(tmp_path: Path) -> None:
    with MockRotorAPI(daily_quota=10**6) as mock:
        async with mock.async_client() as client:
            result = await client.customers.export(tmp_path / "active.jsonl", status="active", concurrency=3)
            written = result.written
    lines = (tmp_path / "active.jsonl").read_bytes().splitlines()
    expected = {s.record["id"] for s in mock.store.all() if not s.archived and s.record["status"] == "active"}
    assert written == len(lines) == len(expected)
    assert {orjson.loads(line)["id"] for line in lines} == expected
