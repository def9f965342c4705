"""Iteration and exports stay exact while the data changes between page reads (both clients, any concurrency).

The server here is a list of ids, newest first, that changes *at the moment each request arrives*, following a
history hypothesis draws: so with pages read ahead, a later page can be read before an earlier one, as on a real
network. The guarantee under test (``rotor._exact``): every record present for the whole walk is yielded exactly
once; with records also leaving and entering the set, either that holds or the export says ``complete=False``.
"""

from __future__ import annotations

import asyncio
import bisect
import itertools
import math
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
import respx
from hypothesis import example, given, settings
from hypothesis import strategies as st

import rotor
from rotor._exact import ExactWalk, PageFacts, covering_page
from tests.conftest import Flavor


class ChangingServer:
    """Ids ``c<n>`` newest first. Before answering request i, applies ``history[i]``: (inserts at the front,
    exits anywhere, re-entries anywhere) for that many records; the rng places them."""

    def __init__(self, size: int, history: list[tuple[int, int, int]], seed: int = 0) -> None:
        self.ids = [f"c{n}" for n in range(size, 0, -1)]
        self.out: list[str] = []  # records that left the set (they may come back, elsewhere in the order)
        self.history = history
        self.rng = random.Random(seed)
        self.requests = 0
        self.counter = itertools.count(size + 1)
        self.ever_left: set[str] = set()
        self.original = set(self.ids)

    def change(self, inserts: int, exits: int, entries: int) -> None:
        for _ in range(inserts):
            self.ids.insert(0, f"c{next(self.counter)}")
        for _ in range(min(exits, len(self.ids))):
            gone = self.ids.pop(self.rng.randrange(len(self.ids)))
            self.out.append(gone)
            self.ever_left.add(gone)
        for _ in range(min(entries, len(self.out))):
            back = self.out.pop(self.rng.randrange(len(self.out)))
            # Its place in the order is its creation rank: the number in its id (newest = largest first). The ids
            # stay in that order (inserts are the newest, exits keep it), so the place is found by bisection.
            rank = bisect.bisect_left(self.ids, -int(back[1:]), key=lambda i: -int(i[1:]))
            self.ids.insert(rank, back)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.requests < len(self.history):
            self.change(*self.history[self.requests])
        self.requests += 1
        page, limit = int(request.url.params["page"]), int(request.url.params["limit"])
        start = (page - 1) * limit
        data = [{"id": i} for i in self.ids[start : start + limit]]
        total = len(self.ids)
        pagination = {"page": page, "limit": limit, "total": total, "has_more": start + len(data) < total}
        return httpx.Response(200, json={"data": data, "pagination": pagination, "status": "success"})

    def arriving_late(self, delay: Callable[[int], float]) -> Callable[[httpx.Request], Any]:
        """This server behind a network that delays each request by ``delay(page)`` before the server reads it:
        with pages read ahead, a later page is then read before an earlier one (async clients only)."""

        async def answer(request: httpx.Request) -> httpx.Response:
            await asyncio.sleep(delay(int(request.url.params["page"])))
            return self(request)

        return answer

    def stayed(self) -> set[str]:
        """The records present for the whole walk."""
        return self.original - self.ever_left


def _iterate(flavor: Flavor, client: Any, concurrency: int, limit: int) -> list[str]:
    if not flavor.is_async:
        return [c.id for c in client.customers.list(limit=limit)]

    async def collect() -> list[str]:
        first = await client.customers.list(limit=limit)
        return [c.id async for c in first.iter_items(concurrency=concurrency)]

    result: list[str] = flavor.run(collect)
    return result


def _network(flavor: Flavor, server: ChangingServer, seed: int) -> Callable[[httpx.Request], Any]:
    """The async client's requests arrive in a seeded random order (up to 3 ms late each); the sync one's in order."""
    if not flavor.is_async:
        return server
    rng = random.Random(seed)
    return server.arriving_late(lambda page: rng.random() * 0.003)


inserts_only = st.lists(st.tuples(st.integers(0, 25), st.just(0), st.just(0)), max_size=30)
# Exports read pages of 1000: changes big enough to move records across (and past) page edges.
any_change = st.lists(st.tuples(st.integers(0, 600), st.integers(0, 300), st.integers(0, 300)), max_size=8)


@settings(max_examples=30, deadline=None)
@given(size=st.integers(0, 260), limit=st.sampled_from([7, 10, 50]), concurrency=st.sampled_from([1, 3, 8]),
       history=inserts_only, seed=st.integers(0, 2**16))  # fmt: skip
@example(size=200, limit=10, concurrency=8, history=[(0, 0, 0)] + [(5, 0, 0)] * 11, seed=1)  # loses 20 unhealed
def test_while_records_are_only_created_no_record_is_lost_or_repeated(
    flavor: Flavor, router: respx.MockRouter, size: int, limit: int, concurrency: int, history: Any, seed: int
) -> None:
    server = ChangingServer(size, history)
    router.get("/customers").mock(side_effect=_network(flavor, server, seed))
    ids = _iterate(flavor, flavor.make(), concurrency, limit)
    assert len(ids) == len(set(ids)), "an id was yielded twice"
    assert server.stayed() <= set(ids), "a record present throughout was lost"


@settings(max_examples=30, deadline=None)
@given(size=st.integers(1, 4500), concurrency=st.sampled_from([1, 3, 8]), history=any_change,
       seed=st.integers(0, 3))  # fmt: skip
def test_with_records_leaving_and_entering_an_export_is_exact_or_says_it_is_not(
    flavor: Flavor, router: respx.MockRouter, tmp_path: Path, size: int, concurrency: int, history: Any, seed: int
) -> None:
    server = ChangingServer(size, history, seed)
    router.get("/customers").mock(side_effect=_network(flavor, server, seed))
    client = flavor.make()
    path = tmp_path / f"export-{flavor}-{random.random()}.jsonl"
    options: dict[str, Any] = {"concurrency": concurrency} if flavor.is_async else {}
    # A filtered export (the server ignores the filter; its changes are what a status filter would see).
    result = flavor.run(lambda: client.customers.export(path, status="active", **options))
    ids = [orjson.loads(line)["id"] for line in path.read_bytes().splitlines()]
    assert len(ids) == len(set(ids)) == result.written
    lost = server.stayed() - set(ids)
    assert result.complete is (result.drift.unproven == 0)
    assert not lost or not result.complete, f"lost {sorted(lost)} yet complete; drift {result.drift}"
    # Counted when sent; a read ahead cancelled at the end may never have reached the server.
    assert server.requests <= result.requests <= server.requests + concurrency - 1


def test_a_page_of_records_already_seen_does_not_end_the_iteration(flavor: Flavor, router: respx.MockRouter) -> None:
    # Page 1 read; then 10 customers are created: page 2 now holds exactly page 1's records. The old rule took
    # that for a server repeating itself and stopped after 10 of 50.
    server = ChangingServer(50, [(0, 0, 0), (10, 0, 0)])
    route = router.get("/customers").mock(side_effect=server)
    ids = _iterate(flavor, flavor.make(), 1, 10)
    assert len(ids) == len(set(ids)) and set(ids) == server.original  # the new ones went in front of page 1
    assert route.call_count == 6  # the set grew by a page, so the walk reads one more: nothing else


@pytest.mark.parametrize("concurrency", [2, 8])
def test_a_page_read_ahead_before_the_one_it_follows_is_healed(
    router: respx.MockRouter, tmp_path: Path, concurrency: int
) -> None:
    # Pages 2.. are read ahead at once; one record is created between two of those reads, so a later page
    # misses the record the shift pushed across its edge. A healing read recovers it.
    # Page 2 arrives last: page 3 is read before it, then one record is created, then page 2 is read.
    server = ChangingServer(5000, [(0, 0, 0), (0, 0, 0), (1, 0, 0)])
    router.get("/customers").mock(side_effect=server.arriving_late(lambda page: 0.05 if page == 2 else 0))
    flavor = Flavor(is_async=True)
    client = flavor.make()

    async def export() -> rotor.ExportResult:
        result: rotor.ExportResult = await client.customers.export(tmp_path / "c.jsonl", concurrency=concurrency)
        return result

    result = asyncio.run(export())
    ids = [orjson.loads(line)["id"] for line in (tmp_path / "c.jsonl").read_bytes().splitlines()]
    assert set(ids) >= server.original and len(ids) == len(set(ids))
    assert result.drift.shifted == result.drift.healed == 1 and result.complete
    # The created record pushed one past page 5: the floor for 5001 records, and one healing read.
    assert result.requests == server.requests == 6 + 1


def test_the_walk_alone_heals_a_gap_and_counts_it() -> None:
    walk = ExactWalk(limit=4)
    first = PageFacts(number=1, limit=4, total=8, has_more=True, ids=("a", "b", "c", "d"))
    walk.accept(first, list(first.ids))
    # Page 2 read as if one record ("e") left before it: it starts one further on, total 7.
    second = PageFacts(number=2, limit=4, total=7, has_more=False, ids=("f", "g", "h"))
    walk.accept(second, list(second.ids))
    assert walk.drift.shifted == 1
    read = walk.next_read()
    assert read is not None and read.heal
    # The set as it now is, around the end of the proven run: "d", then "f" ("e" really left).
    now = ["a", "b", "c", "d", "f", "g", "h"]
    start = (read.page - 1) * read.limit
    healing = PageFacts(read.page, read.limit, 7, None, tuple(now[start : start + read.limit]))
    walk.accept(healing, list(healing.ids))
    assert walk.next_read() is None
    assert walk.complete and walk.drift.healed == 1 and walk.drift.heal_reads == 1


@pytest.mark.parametrize("filtered", [False, True])
def test_equal_totals_prove_a_boundary_until_a_filtered_set_has_moved(filtered: bool) -> None:
    # Page 2's total moved (an entry behind the edge and an exit before it would look the same for page 3).
    walk = ExactWalk(limit=2, filtered=filtered)
    for facts in (
        PageFacts(number=1, limit=2, total=6, has_more=True, ids=("a", "b")),
        PageFacts(number=2, limit=2, total=5, has_more=True, ids=("b", "d")),  # overlap: proven all the same
        PageFacts(number=3, limit=2, total=5, has_more=False, ids=("e", "f")),  # same total as page 2, no overlap
    ):
        walk.accept(facts, list(facts.ids))
    read = walk.next_read()
    assert (read is not None and read.heal) is filtered  # a filtered set heals it; an unfiltered one cannot slip


@given(first=st.integers(0, 50_000), width=st.integers(0, 999))
def test_a_healing_read_covers_its_whole_window_in_one_page(first: int, width: int) -> None:
    page, limit = covering_page(first, first + width, 1000)
    start = (page - 1) * limit
    if width < 1000 and any(first // n == (first + width) // n for n in range(width + 1, 1001)):
        assert start <= first and first + width < start + limit
    assert 1 <= limit <= 1000


# -- budgets -------------------------------------------------------------------------------------------------


def _pages(total: int) -> ChangingServer:
    return ChangingServer(total, [])


def test_max_requests_below_the_plan_is_refused_after_one_request_and_writes_nothing(
    flavor: Flavor, router: respx.MockRouter, tmp_path: Path
) -> None:
    route = router.get("/customers").mock(side_effect=_pages(4500))
    with pytest.raises(rotor.RequestBudgetExceeded, match="the plan needs 5 requests, max_requests is 4") as refused:
        flavor.run(lambda: flavor.make().customers.export(tmp_path / "c.jsonl", max_requests=4))
    assert route.call_count == 1
    assert refused.value.needed == 5 and refused.value.spent == 1
    assert list(tmp_path.iterdir()) == []


def test_iteration_takes_a_budget_too(flavor: Flavor, router: respx.MockRouter) -> None:
    route = router.get("/customers").mock(side_effect=_pages(45))
    client = flavor.make()

    async def walk_async() -> None:
        page = await client.customers.list(limit=10)
        async for _ in page.iter_items(max_requests=4):
            pass

    def walk_sync() -> None:
        for _ in client.customers.list(limit=10).iter_items(max_requests=4):
            pass

    with pytest.raises(rotor.RequestBudgetExceeded):
        flavor.run(walk_async if flavor.is_async else walk_sync)
    assert route.call_count == 1


def test_retries_count_against_the_budget_and_it_is_never_exceeded(
    flavor: Flavor, router: respx.MockRouter, tmp_path: Path
) -> None:
    server = _pages(2500)
    answers = iter([None, httpx.Response(503), httpx.Response(503)])

    def flaky(request: httpx.Request) -> httpx.Response:
        return next(answers, None) or server(request)

    route = router.get("/customers").mock(side_effect=flaky)
    with pytest.raises(rotor.RequestBudgetExceeded) as stopped:
        flavor.run(lambda: flavor.make(max_retries=5).customers.export(tmp_path / "c.jsonl", max_requests=4))
    assert route.call_count == 4 == stopped.value.spent  # 1 + (503, 503, ok) for page 2; page 3 refused
    assert rotor.partial_export(stopped.value) is not None  # resumable


# -- results, progress and resume ----------------------------------------------------------------------------


def test_the_result_and_progress_say_what_was_done(flavor: Flavor, router: respx.MockRouter, tmp_path: Path) -> None:
    router.get("/customers").mock(side_effect=_pages(2345))
    seen: list[rotor.ExportProgress] = []
    result = flavor.run(lambda: flavor.make().customers.export(tmp_path / "c.jsonl", progress=seen.append))
    assert (result.written, result.requests, result.retries, result.pages) == (2345, 3, 0, 3)
    assert result.complete and not result.drift.changed and result.path == tmp_path / "c.jsonl"
    assert [(p.written, p.pages, p.planned_requests) for p in seen] == [(1000, 1, 2), (2000, 2, 1), (2345, 3, 0)]
    spent = [p.requests for p in seen]
    # Requests spent so far: the async export has pages in flight ahead of the one it reports.
    assert spent == [1, 2, 3] if not flavor.is_async else spent == sorted(spent) and spent[-1] == 3


@pytest.mark.parametrize("fail_at", [2, 3, 5])
def test_an_interrupted_export_resumes_with_exactly_the_records_and_one_page_more(
    flavor: Flavor, router: respx.MockRouter, tmp_path: Path, fail_at: int
) -> None:
    server = ChangingServer(4321, [])
    calls = 0

    def failing_once(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(503) if calls == fail_at else server(request)

    router.get("/customers").mock(side_effect=failing_once)
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"previous\n")
    client = flavor.make(max_retries=0)
    one_at_a_time: dict[str, Any] = {"concurrency": 1} if flavor.is_async else {}
    with pytest.raises(rotor.InternalServerError):
        flavor.run(lambda: client.customers.export(path, **one_at_a_time))
    assert path.read_bytes() == b"previous\n"
    result = flavor.run(lambda: client.customers.export(path, resume=True, **one_at_a_time))
    ids = [orjson.loads(line)["id"] for line in path.read_bytes().splitlines()]
    assert sorted(ids) == sorted(server.original) and len(ids) == len(set(ids)) == result.written
    assert result.resumed and result.complete
    assert calls == math.ceil(4321 / 1000) + 1  # the floor, plus the one request the failure spent
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]


def test_an_interruption_of_a_concurrent_export_costs_at_most_the_pages_in_flight(
    router: respx.MockRouter, tmp_path: Path
) -> None:
    server = ChangingServer(9876, [])
    calls = 0

    def second_fails(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(503) if calls == 2 else server(request)

    route = router.get("/customers").mock(side_effect=second_fails)
    flavor = Flavor(is_async=True)
    client = flavor.make(max_retries=0)
    path = tmp_path / "c.jsonl"
    with pytest.raises(rotor.InternalServerError):
        flavor.run(lambda: client.customers.export(path, concurrency=4))
    result = flavor.run(lambda: client.customers.export(path, resume=True, concurrency=4))
    assert result.written == 9876 and result.complete
    assert route.call_count <= math.ceil(9876 / 1000) + 4


def test_resuming_a_different_query_is_refused_before_any_request(
    flavor: Flavor, router: respx.MockRouter, tmp_path: Path
) -> None:
    server = _pages(3000)
    answers = iter([server(httpx.Request("GET", "https://x/?page=1&limit=1000"))])
    route = router.get("/customers").mock(side_effect=lambda request: next(answers, httpx.Response(503)))
    path = tmp_path / "c.jsonl"
    client = flavor.make(max_retries=0)
    with pytest.raises(rotor.InternalServerError):
        flavor.run(lambda: client.customers.export(path))
    spent_before = route.call_count
    with pytest.raises(rotor.InvalidParameterError, match="different query"):
        flavor.run(lambda: client.customers.export(path, status="active", resume=True))
    assert route.call_count == spent_before


def test_resume_without_a_partial_export_starts_afresh(
    flavor: Flavor, router: respx.MockRouter, tmp_path: Path
) -> None:
    router.get("/customers").mock(side_effect=_pages(1500))
    result = flavor.run(lambda: flavor.make().customers.export(tmp_path / "c.jsonl", resume=True))
    assert result.written == 1500 and not result.resumed


def test_early_stop_costs_only_the_pages_reached(router: respx.MockRouter) -> None:
    route = router.get("/customers").mock(side_effect=_pages(5000))

    async def run(concurrency: int, stop_after: int, limit: int) -> int:
        route.reset()
        async with Flavor(is_async=True).make() as client:
            page = await client.customers.list(limit=limit)
            seen = 0
            async for _ in page.iter_items(concurrency=concurrency):
                seen += 1
                if seen == stop_after:
                    break
            await asyncio.sleep(0)
        return route.call_count

    assert asyncio.run(run(1, 150, 100)) == 2  # a plain walk reads only what the loop reaches
    assert asyncio.run(run(8, 1001, 1000)) <= 2 + 7  # reading ahead: at most concurrency - 1 pages more


def test_an_iteration_that_cannot_prove_itself_says_so_in_the_log(
    flavor: Flavor, router: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    def no_totals(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        data = [{"id": f"c{i}"} for i in range((page - 1) * 10, min(page * 10, 25))]
        return httpx.Response(200, json={"data": data, "pagination": {"page": page, "limit": 10}})

    router.get("/customers").mock(side_effect=no_totals)
    with caplog.at_level("WARNING", logger="rotor"):
        assert len(_iterate(flavor, flavor.make(), 1, 10)) == 25
    assert "could not be proven" in caplog.text


def test_a_moving_filtered_export_reads_overlapping_pages_instead_of_healing_each(
    flavor: Flavor, router: respx.MockRouter, tmp_path: Path
) -> None:
    # One record leaves the (filtered) set as page 2 is read, then a few per read: the set is seen to move, and
    # every later read starts a little before the previous one ended, so its overlap proves the boundary.
    server = ChangingServer(9000, [(0, 0, 0), (0, 1, 0)] + [(0, 2, 1)] * 20, seed=7)
    router.get("/customers").mock(side_effect=server)
    client = flavor.make()
    options: dict[str, Any] = {"concurrency": 1} if flavor.is_async else {}
    result = flavor.run(lambda: client.customers.export(tmp_path / "c.jsonl", status="active", **options))
    ids = [orjson.loads(line)["id"] for line in (tmp_path / "c.jsonl").read_bytes().splitlines()]
    assert len(ids) == len(set(ids)) and server.stayed() <= set(ids)
    assert result.complete and result.drift.overlap_reads >= 6
    assert result.drift.heal_reads <= 1  # at most the boundary on which the move was first seen
    assert result.requests <= math.ceil(9000 / 1000) + 2
