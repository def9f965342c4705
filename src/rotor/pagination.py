"""Pages that know how to fetch the next one, generic over the item model (``SyncPage[Customer]``, ...).

Iterating a page yields every matching item from that page on, fetching pages as needed, exactly once each
while the account changes (the walk in ``_exact.py`` says what is guaranteed and how); ``iter_pages()`` yields
the pages read, including those read only to heal a shifted boundary. One stop rule decides for sync, async and
read-ahead alike: the set ends where a page's own ``total`` says it ends. ``has_more`` and a short page decide
only when a server sends no ``total``, and then a page of ids already seen ends the walk (a server repeating
itself cannot loop us).

What is spent: a plain ``for`` or ``async for`` reads one page at a time, nothing the loop does not reach; a loop
that stops early has spent exactly the pages it was given. ``iter_items(concurrency=N)`` (async) reads up to N
pages ahead once ``total`` is known: the same items, faster, and a loop that stops early may have paid for up to
N - 1 pages it never saw. ``max_requests`` caps what a walk spends, retries included: the walk is refused after
its first page when the pages ``total`` promises do not fit, and never exceeds it.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Callable, Coroutine, Iterator
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from rotor._budget import RequestBudget
from rotor._exact import ExactWalk, PageFacts, Read
from rotor._exceptions import RotorError
from rotor._logging import logger
from rotor._query import ListQuery
from rotor._validation import concurrency as checked_concurrency
from rotor_generated.models import Pagination

if TYPE_CHECKING:
    import asyncio  # at run time imported where a task is made: the sync client never needs it

# Pages fetched at once by exports (and by iter_items when asked): fast, and polite to a shared API.
DEFAULT_CONCURRENCY = 4


class Identified(Protocol):
    """What paging needs of an item: an id, to never yield a record twice."""

    @property
    def id(self) -> str | None: ...


ItemT = TypeVar("ItemT", bound=Identified)
PageT = TypeVar("PageT", bound="BasePage[Any]")
Step = tuple[ExactWalk, RequestBudget, list[Any]]


class BasePage(Generic[ItemT]):
    def __init__(self, data: list[ItemT], pagination: Pagination, query: ListQuery, retries_taken: int) -> None:
        self.data = data
        self.pagination = pagination
        self.query = query
        self.retries_taken = retries_taken

    @property
    def total(self) -> int | None:
        return self.pagination.total

    @property
    def page_number(self) -> int:
        return self.query.page

    @property
    def limit(self) -> int:
        return self.query.limit

    @property
    def facts(self) -> PageFacts:
        """What the exact walk reads of this page: where it was asked for, its ids, its ``total``."""
        has_more = self.pagination.has_more
        return PageFacts(
            number=self.query.page,
            limit=self.query.limit,
            total=self.total,
            has_more=has_more if isinstance(has_more, bool) else None,
            ids=tuple(item.id for item in self.data),
        )

    def has_next_page(self) -> bool:
        """The one stop rule (see the module docstring)."""
        return not self.facts.is_last()

    def next_page_query(self) -> ListQuery | None:
        return self.query.at_page(self.page_number + 1) if self.has_next_page() else None

    def _start_walk(self, walk: ExactWalk | None, budget: RequestBudget | None, max_requests: int | None) -> Step:
        """Accept this page into ``walk`` (a new walk from here by default) and check the plan against the budget
        (by default one counting this page's requests against ``max_requests``): refused here, before another
        request, when the pages ``total`` promises do not fit."""
        walk = walk or ExactWalk(self.limit, filtered=self.query.filtered)
        budget = budget or RequestBudget(max_requests, spent=1 + self.retries_taken)
        fresh = walk.accept(self.facts, self.data)
        budget.check_plan(walk.planned_reads())
        return walk, budget, fresh

    def __repr__(self) -> str:
        return f"{type(self).__name__}(page={self.page_number}, items={len(self.data)}, total={self.total})"


class Walked(Generic[PageT]):
    """One step of a walk: the page read and its items not yielded before."""

    __slots__ = ("fresh", "page")

    def __init__(self, page: PageT, fresh: list[Any]) -> None:
        self.page = page
        self.fresh = fresh


def _warn_if_unproven(walk: ExactWalk) -> None:
    # Never silently: an export reports this in its result; a plain iteration has only the log to say it.
    if not walk.complete:
        logger.warning("the data changed during iteration and %d page boundaries could not be proven: "
                       "records may be missing (drift: %s)", walk.drift.unproven, walk.drift)  # fmt: skip


def _query_for(page: BasePage[Any], read: Read) -> ListQuery:
    return page.query.at_page(read.page).with_limit(read.limit)


SyncFetch = Callable[[ListQuery, RequestBudget | None], "SyncPage[Any]"]
AsyncFetch = Callable[[ListQuery, RequestBudget | None], Coroutine[Any, Any, "AsyncPage[Any]"]]


class SyncPage(BasePage[ItemT]):
    """One page of a ``list()`` call; iterate it for every item across pages."""

    def __init__(self, *, fetch: SyncFetch, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._fetch = fetch

    def get_next_page(self) -> SyncPage[ItemT]:
        query = self.next_page_query()
        if query is None:
            raise RotorError("this is the last page: check has_next_page() first")
        return self._fetch(query, None)

    def walk(
        self, *, max_requests: int | None = None, exact: ExactWalk | None = None, budget: RequestBudget | None = None
    ) -> Iterator[Walked[SyncPage[ItemT]]]:
        """Every page read from this one on, with the items each brought that were not yielded before.
        ``exact`` and ``budget`` let an export keep the walk's state and counts (see ``_export.py``)."""
        walk, budget, fresh = self._start_walk(exact, budget, max_requests)
        yield Walked(self, fresh)
        while (read := walk.next_read(budget.remaining)) is not None:
            page = self._fetch(_query_for(self, read), budget)
            yield Walked(page, walk.accept(page.facts, page.data))
        _warn_if_unproven(walk)

    def iter_pages(self, *, max_requests: int | None = None) -> Iterator[SyncPage[ItemT]]:
        for step in self.walk(max_requests=max_requests):
            yield step.page

    def iter_items(self, *, max_requests: int | None = None) -> Iterator[ItemT]:
        for step in self.walk(max_requests=max_requests):
            yield from step.fresh

    def __iter__(self) -> Iterator[ItemT]:
        return self.iter_items()


class AsyncPage(BasePage[ItemT]):
    """One page of an ``await ....list()`` call; ``async for`` it for every item across pages."""

    def __init__(self, *, fetch: AsyncFetch, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._fetch = fetch

    async def get_next_page(self) -> AsyncPage[ItemT]:
        query = self.next_page_query()
        if query is None:
            raise RotorError("this is the last page: check has_next_page() first")
        return await self._fetch(query, None)

    async def walk(
        self,
        *,
        concurrency: int = 1,
        max_requests: int | None = None,
        exact: ExactWalk | None = None,
        budget: RequestBudget | None = None,
    ) -> AsyncGenerator[Walked[AsyncPage[ItemT]]]:
        """Every page read from this one on, with its items not yielded before; with ``concurrency`` > 1, up to
        that many planned pages are read ahead (healing reads are made one at a time, when needed)."""
        concurrency = checked_concurrency(concurrency)
        walk, budget, fresh = self._start_walk(exact, budget, max_requests)
        yield Walked(self, fresh)
        ahead: dict[int, asyncio.Task[AsyncPage[Any]]] = {}
        try:
            while (read := walk.next_read(budget.remaining, in_flight=ahead.keys())) is not None:
                task = None
                if not read.heal and read.limit == walk.limit:  # a planned page: perhaps already read ahead
                    if concurrency > 1:
                        self._read_ahead(walk, budget, ahead, concurrency)
                    task = ahead.pop(read.page, None)
                page = await (task if task is not None else self._fetch(_query_for(self, read), budget))
                yield Walked(page, walk.accept(page.facts, page.data))
            _warn_if_unproven(walk)
        finally:
            for task in ahead.values():  # the consumer stopped early, a fetch failed, or the set ended sooner
                task.cancel()

    def _read_ahead(
        self, walk: ExactWalk, budget: RequestBudget, ahead: dict[int, asyncio.Task[AsyncPage[Any]]], concurrency: int
    ) -> None:
        import asyncio  # a loop is running: already imported (see the TYPE_CHECKING import)

        for number in walk.upcoming(concurrency):
            room = budget.remaining
            if number not in ahead and (room is None or room > len(ahead)):
                query = self.query.at_page(number).with_limit(walk.limit)
                ahead[number] = asyncio.create_task(self._fetch(query, budget))

    async def iter_pages(
        self, *, concurrency: int = 1, max_requests: int | None = None
    ) -> AsyncGenerator[AsyncPage[ItemT]]:
        """The pages from this one on (see ``walk``)."""
        steps = self.walk(concurrency=concurrency, max_requests=max_requests)
        try:
            async for step in steps:
                yield step.page
        finally:
            await steps.aclose()  # cancels pages read ahead when the consumer stops early

    async def iter_items(self, *, concurrency: int = 1, max_requests: int | None = None) -> AsyncIterator[ItemT]:
        """Every item from this page on, each once; ``concurrency`` and ``max_requests`` as for ``walk``."""
        steps = self.walk(concurrency=concurrency, max_requests=max_requests)
        try:
            async for step in steps:
                for item in step.fresh:
                    yield item
        finally:
            await steps.aclose()

    def __aiter__(self) -> AsyncIterator[ItemT]:
        return self.iter_items()
