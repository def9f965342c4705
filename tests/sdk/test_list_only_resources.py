"""Pins, pin types, service plans and serviced jobs through the SDK, on both clients, against the mock."""

import datetime as dt
import uuid
from typing import Any

import pytest

import rotor
from rotor.testing import MockRotorAPI


@pytest.fixture(scope="module")
def mock() -> MockRotorAPI:
    return MockRotorAPI(customers=200, pins=120, service_plans=150, serviced_jobs=300, daily_quota=10**6)


def test_each_list_on_the_sync_client(mock: MockRotorAPI) -> None:
    client = mock.client()
    kinds = client.pin_types.list()
    assert isinstance(kinds, list) and {k.id for k in kinds} == {
        s.record["id"] for s in mock.mock.stores["pin_types"].all()
    }
    pins = list(client.pins.list(pin_type_id=kinds[0].id, limit=7))
    assert pins and all(p.pin_type.id == kinds[0].id and len(p.location) == 2 for p in pins)
    plans = client.service_plans.list(status=rotor.ServicePlanStatus.ACTIVE, frequency="Quarterly")
    assert plans.data and all(p.active and p.service_frequency == "Quarterly" for p in plans)
    assert all(isinstance(p.start_date, dt.date) for p in plans.data)
    jobs = client.serviced_jobs.list(only_completed=False, limit=50)
    assert jobs.total == len(list(jobs)) > 0


async def test_each_list_on_the_async_client(mock: MockRotorAPI) -> None:
    client = mock.async_client()
    sync = mock.client()
    assert [k.id for k in await client.pin_types.list()] == [k.id for k in sync.pin_types.list()]
    page = await client.serviced_jobs.list(service_date_range_start=dt.date(2023, 1, 1), limit=40)
    ids = [job.id async for job in page]
    assert ids == [job.id for job in sync.serviced_jobs.list(service_date_range_start="2023-01-01", limit=40)]
    plans = await client.service_plans.list(limit=10)
    assert len([p async for p in plans]) == plans.total
    pins = await client.pins.list(limit=1000)
    assert len(pins.data) == pins.total == 120


def test_raw_views(mock: MockRotorAPI) -> None:
    client = mock.client()
    for raw in (
        client.with_raw_response.pins.list(limit=1),
        client.with_raw_response.pin_types.list(),
        client.with_raw_response.service_plans.list(limit=1),
        client.with_raw_response.serviced_jobs.list(limit=1),
    ):
        assert raw.status_code == 200 and raw.retries_taken == 0 and raw.parse() is not None


def test_a_date_is_the_whole_utc_day_and_strings_are_accepted(mock: MockRotorAPI) -> None:
    client = mock.client()
    day = dt.date(2024, 5, 1)
    by_date = client.service_plans.list(created_at_range_start=day, created_at_range_end=day)
    start, end = by_date.query.filters["created_at_range_start"], by_date.query.filters["created_at_range_end"]
    assert (start.isoformat(), end.isoformat()) == ("2024-05-01T00:00:00+00:00", "2024-05-01T23:59:59.999999+00:00")
    by_text = client.service_plans.list(
        created_at_range_start="2024-05-01T00:00:00Z", created_at_range_end="2024-05-01"
    )
    assert by_text.total == by_date.total
    aware = dt.datetime(2024, 5, 1, 2, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert client.serviced_jobs.list(service_date_range_start=aware).query.filters["service_date_range_start"] == aware


@pytest.mark.parametrize(
    ("method", "kwargs", "field"),
    [
        ("service_plans", {"created_at_range_start": dt.datetime(2024, 1, 1)}, "created_at_range_start"),
        ("service_plans", {"created_at_range_end": "2024-01-01T10:00:00"}, "created_at_range_end"),
        ("serviced_jobs", {"service_date_range_start": "yesterday"}, "service_date_range_start"),
        ("serviced_jobs", {"service_date_range_end": 20240101}, "service_date_range_end"),
        ("serviced_jobs", {"only_completed": "yes"}, "only_completed"),
        ("service_plans", {"frequency": "Daily"}, "frequency"),
        ("service_plans", {"sold_by_user_id": "bob"}, "sold_by_user_id"),
        ("pins", {"pin_type_id": "high"}, "pin_type_id"),
        ("pins", {"user_id": 7}, "user_id"),
    ],
)
def test_bad_filters_raise_before_any_request(method: str, kwargs: dict[str, Any], field: str) -> None:
    with MockRotorAPI(customers=0) as fresh:
        client = fresh.client()
        with pytest.raises(rotor.InvalidParameterError) as info:
            getattr(client, method).list(**kwargs)
        assert info.value.param == field
        assert fresh.mock.requests_received == 0


def test_naive_datetime_message_says_why() -> None:
    client = rotor.Rotor(api_key="rotor_k_1")
    with pytest.raises(rotor.InvalidParameterError, match="time zone"):
        client.serviced_jobs.list(service_date_range_start=dt.datetime(2024, 1, 1, 9))


def test_uuid_objects_are_accepted(mock: MockRotorAPI) -> None:
    user = mock.mock.stores["pins"].all()[0].record["created_by"]["user_id"]
    pins = mock.client().pins.list(user_id=uuid.UUID(user))
    assert pins.total and all(p.created_by.user_id == user for p in pins.data)
