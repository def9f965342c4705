"""Iteration spends the fewest requests, stops on total and has_more, and never yields an id twice."""

import math
from typing import Any

import httpx
import pytest
import respx
from hypothesis import given
from hypothesis import strategies as st

from rotor import AsyncRotor, Rotor
from tests.conftest import API_KEY, BASE_URL


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
def test_full_iteration_costs_ceil_total_over_1000(client: Rotor, router: respx.MockRouter, total: int) -> None:
    route = router.get("/customers").mock(side_effect=_server(total))
    route.reset()
    ids = [c.id for c in client.customers.list()]
    assert ids == [f"c{i}" for i in range(total)]
    assert route.call_count == max(1, math.ceil(total / 1000))


def test_a_server_whose_has_more_lies_cannot_loop(client: Rotor, router: respx.MockRouter) -> None:
    route = router.get("/customers").mock(side_effect=_server(25, has_more=True))
    assert len(list(client.customers.list(limit=10))) == 25
    assert route.call_count == 3


def test_has_more_false_stops_even_if_total_says_more(client: Rotor, router: respx.MockRouter) -> None:
    route = router.get("/customers").mock(side_effect=_server(25, has_more=False))
    assert len(list(client.customers.list(limit=10))) == 10
    assert route.call_count == 1


def test_empty_page_with_more_to_come_goes_on(client: Rotor, router: respx.MockRouter) -> None:
    pages = [
        {"data": [{"id": "a"}], "pagination": {"page": 1, "limit": 1, "total": 3, "has_more": True}},
        {"data": [], "pagination": {"page": 2, "limit": 1, "total": 3, "has_more": True}},
        {"data": [{"id": "c"}], "pagination": {"page": 3, "limit": 1, "total": 3, "has_more": False}},
    ]
    router.get("/customers").mock(side_effect=[httpx.Response(200, json=p) for p in pages])
    assert [c.id for c in client.customers.list(limit=1)] == ["a", "c"]


def test_without_total_or_has_more_a_short_page_ends_it(client: Rotor, router: respx.MockRouter) -> None:
    route = router.get("/customers").mock(side_effect=_server(25, has_more=None, send_total=False))
    assert len(list(client.customers.list(limit=10))) == 25
    assert route.call_count == 3


def test_a_repeating_server_yields_no_duplicates_and_stops(client: Rotor, router: respx.MockRouter) -> None:
    route = router.get("/customers").mock(side_effect=_server(10_000, has_more=True, send_total=False, repeat_from=3))
    ids = [c.id for c in client.customers.list(limit=10)]
    assert len(ids) == len(set(ids)) == 20
    assert route.call_count == 3


def test_iter_pages_and_next_page(client: Rotor, router: respx.MockRouter) -> None:
    router.get("/customers").mock(side_effect=_server(25))
    first = client.customers.list(limit=10)
    assert [len(p.data) for p in first.iter_pages()] == [10, 10, 5]
    assert first.has_next_page() and first.get_next_page().page_number == 2
    assert first.total == 25


async def test_async_iteration_matches_sync(router: respx.MockRouter) -> None:
    route = router.get("/customers").mock(side_effect=_server(2345))
    async with AsyncRotor(api_key=API_KEY, base_url=BASE_URL) as client:
        page = await client.customers.list()
        ids = [c.id async for c in page]
        sizes = [len(p.data) async for p in page.iter_pages()]
    assert ids == [f"c{i}" for i in range(2345)]
    assert sizes == [1000, 1000, 345]
    assert route.call_count == 3 + 2  # one iteration of items, one of pages (first page reused)


@pytest.mark.parametrize("limit", [1, 7, 1000])
def test_explicit_limit_is_respected(client: Rotor, router: respx.MockRouter, limit: int) -> None:
    route = router.get("/customers").mock(side_effect=_server(30))
    assert len(list(client.customers.list(limit=limit))) == 30
    assert route.call_count == math.ceil(30 / limit)


@pytest.mark.parametrize("pagination", [{"total": 25}, {"total": 25, "page": None, "limit": None}])
def test_a_page_that_omits_its_number_or_size_uses_the_query(
    client: Rotor, router: respx.MockRouter, pagination: dict[str, Any]
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
