"""Iteration spends the fewest requests, stops on total and has_more, and never yields an id twice.

Every rule runs on both clients (``flavor``), and async iteration at several concurrencies: one stop rule serves
them all, so the same server gives the same items whatever the client.
"""

import asyncio
import math
from typing import Any

import httpx
import pytest
import respx
from hypothesis import given, settings
from hypothesis import strategies as st

from rotor import AsyncPage
from rotor._query import ListQuery
from rotor_generated.models import Customer, Pagination
from tests.conftest import Flavor


def _ids(flavor: Flavor, client: Any, concurrency: int = 1, **list_args: Any) -> list[str]:
    """Every id a full iteration yields: sync ``for``, or async ``iter_items(concurrency=...)``."""
    if not flavor.is_async:
        return [c.id for c in client.customers.list(**list_args)]

    async def collect() -> list[str]:
        first = await client.customers.list(**list_args)
        return [c.id async for c in first.iter_items(concurrency=concurrency)]

    result: list[str] = flavor.run(collect)
    return result


def _server(total: int, *, has_more: Any = "honest", send_total: bool = True, repeat_from: int | None = None) -> Any:
    """A paging endpoint over ids 0..total-1 with switchable lies."""

    def answer(request: httpx.Request) -> httpx.Response:
        page, limit = int(request.url.params["page"]), int(request.url.params["limit"])
        if repeat_from is not None and page >= repeat_from:
            page = repeat_from - 1
        ids = range((page - 1) * limit, min(page * limit, total))
        pagination: dict[str, Any] = {"page": page, "limit": limit}
        if send_total:
            pagination["total"] = total
        if has_more == "honest":
            pagination["has_more"] = page * limit < total
        elif has_more is not None:
            pagination["has_more"] = has_more
        return httpx.Response(
            200, json={"data": [{"id": f"c{i}"} for i in ids], "pagination": pagination, "status": "success"}
        )

    return answer


@given(total=st.integers(0, 4500))
def test_full_iteration_costs_ceil_total_over_1000(
    flavor: Flavor, flavored_client: Any, router: respx.MockRouter, total: int
) -> None:
    route = router.get("/customers").mock(side_effect=_server(total))
    route.reset()
    ids = _ids(flavor, flavored_client)
    assert ids == [f"c{i}" for i in range(total)]
    assert route.call_count == max(1, math.ceil(total / 1000))


def test_a_server_whose_has_more_lies_cannot_loop(flavor: Flavor, router: respx.MockRouter) -> None:
    route = router.get("/customers").mock(side_effect=_server(25, has_more=True))
    assert len(_ids(flavor, flavor.make(), limit=10)) == 25
    assert route.call_count == 3


@pytest.mark.parametrize("concurrency", [1, 4])
def test_no_stop_rule_ends_while_total_says_more_is_coming(
    flavor: Flavor, router: respx.MockRouter, concurrency: int
) -> None:
    # has_more false on every page, total 25: the records total counts are still to come, so iteration goes on.
    route = router.get("/customers").mock(side_effect=_server(25, has_more=False))
    assert len(_ids(flavor, flavor.make(), concurrency, limit=10)) == 25
    assert route.call_count == 3


def test_empty_page_with_more_to_come_goes_on(flavor: Flavor, router: respx.MockRouter) -> None:
    pages = [
        {"data": [{"id": "a"}], "pagination": {"page": 1, "limit": 1, "total": 3, "has_more": True}},
        {"data": [], "pagination": {"page": 2, "limit": 1, "total": 3, "has_more": True}},
        {"data": [{"id": "c"}], "pagination": {"page": 3, "limit": 1, "total": 3, "has_more": False}},
    ]
    router.get("/customers").mock(side_effect=[httpx.Response(200, json=p) for p in pages])
    assert _ids(flavor, flavor.make(), limit=1) == ["a", "c"]


def test_without_total_or_has_more_a_short_page_ends_it(flavor: Flavor, router: respx.MockRouter) -> None:
    route = router.get("/customers").mock(side_effect=_server(25, has_more=None, send_total=False))
    assert len(_ids(flavor, flavor.make(), limit=10)) == 25
    assert route.call_count == 3


def test_a_repeating_server_yields_no_duplicates_and_stops(flavor: Flavor, router: respx.MockRouter) -> None:
    route = router.get("/customers").mock(side_effect=_server(10_000, has_more=True, send_total=False, repeat_from=3))
    ids = _ids(flavor, flavor.make(), limit=10)
    assert len(ids) == len(set(ids)) == 20
    assert route.call_count == 3


def test_iter_pages_and_next_page(client: Any, router: respx.MockRouter) -> None:
    router.get("/customers").mock(side_effect=_server(25))
    first = client.customers.list(limit=10)
    assert [len(p.data) for p in first.iter_pages()] == [10, 10, 5]
    assert first.has_next_page() and first.get_next_page().page_number == 2
    assert first.total == 25


async def test_async_iteration_matches_sync(router: respx.MockRouter) -> None:
    route = router.get("/customers").mock(side_effect=_server(2345))
    async with Flavor(is_async=True).make() as client:
        page = await client.customers.list()
        ids = [c.id async for c in page]
        sizes = [len(p.data) async for p in page.iter_pages()]
    assert ids == [f"c{i}" for i in range(2345)]
    assert sizes == [1000, 1000, 345]
    assert route.call_count == 3 + 2  # one iteration of items, one of pages (first page reused)


@pytest.mark.parametrize("limit", [1, 7, 1000])
def test_explicit_limit_is_respected(flavor: Flavor, router: respx.MockRouter, limit: int) -> None:
    route = router.get("/customers").mock(side_effect=_server(30))
    assert len(_ids(flavor, flavor.make(), limit=limit)) == 30
    assert route.call_count == math.ceil(30 / limit)


@pytest.mark.parametrize("pagination", [{"total": 25}, {"total": 25, "page": None, "limit": None}])
def test_a_page_that_omits_its_number_or_size_uses_the_query(
    client: Any, router: respx.MockRouter, pagination: dict[str, Any]
) -> None:
    """Absent and null read the same (None): the page number and size then come from the request itself."""

    def answer(request: httpx.Request) -> httpx.Response:
        page, limit = int(request.url.params["page"]), int(request.url.params["limit"])
        ids = range((page - 1) * limit, min(page * limit, 25))
        body = {"data": [{"id": f"c{i}"} for i in ids], "pagination": pagination, "status": "success"}
        return httpx.Response(200, json=body)

    route = router.get("/customers").mock(side_effect=answer)
    first = client.customers.list(limit=10)
    assert first.pagination.page is None and first.pagination.limit is None
    assert first.page_number == 1 and first.get_next_page().page_number == 2
    assert [c.id for c in first] == [f"c{i}" for i in range(25)]
    assert route.call_count == 1 + 3


def _history_server(total: int, reported_total: int | None, has_more_until: int | None, send_has_more: bool) -> Any:
    """A server over ids 0..total-1 that may lie: a stale ``total``, and ``has_more`` turning false early."""

    def answer(request: httpx.Request) -> httpx.Response:
        page, limit = int(request.url.params["page"]), int(request.url.params["limit"])
        ids = range((page - 1) * limit, min(page * limit, total))
        pagination: dict[str, Any] = {"page": page, "limit": limit, "total": reported_total}
        if send_has_more:
            honest = page * limit < total
            pagination["has_more"] = honest if has_more_until is None else honest and page < has_more_until
        body = {"data": [{"id": f"c{i}"} for i in ids], "pagination": pagination}
        return httpx.Response(200, json=body)

    return answer


@settings(max_examples=30)  # four clients an example
@given(
    total=st.integers(0, 60),
    total_drift=st.sampled_from([None, 0, -7, 5]),
    has_more_until=st.none() | st.integers(1, 8),
    send_has_more=st.booleans(),
    limit=st.integers(1, 12),
)
def test_sync_and_async_at_any_concurrency_yield_the_same_items(
    router: respx.MockRouter,
    total: int,
    total_drift: int | None,
    has_more_until: int | None,
    send_has_more: bool,
    limit: int,
) -> None:
    reported = None if total_drift is None else max(0, total + total_drift)
    router.get("/customers").mock(side_effect=_history_server(total, reported, has_more_until, send_has_more))
    sync, async_ = Flavor(is_async=False), Flavor(is_async=True)
    expected = _ids(sync, sync.make(), limit=limit)
    for concurrency in (1, 3, 8):
        assert _ids(async_, async_.make(), concurrency, limit=limit) == expected, concurrency


async def test_stopping_early_cancels_pages_fetched_ahead() -> None:
    started: list[int] = []
    cancelled: list[int] = []

    def page_of(number: int) -> AsyncPage[Customer]:
        return AsyncPage(
            data=[Customer(id=f"c{number}")],
            pagination=Pagination(page=number, limit=1, total=10, has_more=True),
            query=ListQuery(filters={}, limit=1, page=number),
            retries_taken=0,
            fetch=fetch,
        )

    async def fetch(query: ListQuery, budget: object) -> AsyncPage[Customer]:
        started.append(query.page)
        if query.page > 2:
            try:
                await asyncio.sleep(3600)  # a slow page, still in flight when the loop stops
            except asyncio.CancelledError:
                cancelled.append(query.page)
                raise
        return page_of(query.page)

    async for page in page_of(1).iter_items(concurrency=4):
        if page.id == "c2":
            break
    for _ in range(3):  # let the loop close the abandoned generators
        await asyncio.sleep(0)
    assert sorted(started) == [2, 3, 4, 5]
    assert sorted(cancelled) == [3, 4, 5]
