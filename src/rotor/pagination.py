"""Pages that know how to fetch the next one, generic over the item model (``SyncPage[Customer]``, ...).

Iterating a page yields every matching item from that page on, fetching pages as needed; ``iter_pages()``
yields the pages. One stop rule, ``has_next_page()``, decides for the sync pages, the async pages and the
concurrent async path alike, from both ``total`` and ``has_more``:

* either one saying "done" ends the iteration (a server whose ``has_more`` never turns false cannot loop us, and
  neither can one whose ``total`` is stale);
* an empty page ends it only when ``total`` is unknown (``data: [], has_more: true`` with a larger ``total``
  goes on, since the records counted by ``total`` are still to come);
* a page that brings no id not already seen ends it, and no id is ever yielded twice.

A plain ``async for`` fetches one page at a time, as the sync iteration does: nothing is fetched that the loop
does not reach. ``iter_items(concurrency=N)`` opts into fetching up to N pages ahead once ``total`` is known;
the items yielded are the same, and a loop that stops early may have paid for up to N - 1 pages it never read.
"""

from __future__ import annotations

import asyncio
import math
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Coroutine, Iterator
from typing import Any, Generic, Protocol, TypeVar

from rotor._exceptions import RotorError
from rotor._query import ListQuery
from rotor._validation import concurrency as checked_concurrency
from rotor_generated.models import Pagination

# Pages fetched at once by exports (and by iter_items when asked): fast, and polite to a shared API.
DEFAULT_CONCURRENCY = 4


class Identified(Protocol):
    """What paging needs of an item: an id, to never yield a record twice."""

    @property
    def id(self) -> str | None: ...


ItemT = TypeVar("ItemT", bound=Identified)


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
        page = self.pagination.page
        return self.query.page if page is None else page

    @property
    def limit(self) -> int:
        return self.query.limit if self.pagination.limit is None else self.pagination.limit

    def has_next_page(self) -> bool:
        """The one stop rule (see the module docstring)."""
        total = self.total
        if total is not None and self.page_number * self.limit >= total:
            return False
        has_more = self.pagination.has_more
        if isinstance(has_more, bool):
            return has_more
        if total is not None:
            return True
        # Neither field present: a full page suggests more; the no-new-ids guard bounds the rest.
        return len(self.data) >= self.limit

    def next_page_query(self) -> ListQuery | None:
        return self.query.at_page(self.page_number + 1) if self.has_next_page() else None

    def last_page_number(self) -> int | None:
        """The last page ``total`` promises, or None when the server gave no total."""
        return None if self.total is None else max(self.page_number, math.ceil(self.total / self.limit))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(page={self.page_number}, items={len(self.data)}, total={self.total})"


class _NewItems(Generic[ItemT]):
    """Remembers ids across pages. Items without an id cannot repeat detectably and are always kept."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def of(self, page: BasePage[ItemT]) -> list[ItemT] | None:
        """The page's items not seen before, or None when it brought nothing new: the server repeated itself,
        and the iteration stops rather than loop."""
        fresh = []
        for item in page.data:
            item_id = item.id
            if item_id is not None:
                if item_id in self.seen:
                    continue
                self.seen.add(item_id)
            fresh.append(item)
        return None if page.data and not fresh else fresh


class SyncPage(BasePage[ItemT]):
    """One page of a ``list()`` call; iterate it for every item across pages."""

    def __init__(self, *, fetch: Callable[[ListQuery], SyncPage[ItemT]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._fetch = fetch

    def get_next_page(self) -> SyncPage[ItemT]:
        query = self.next_page_query()
        if query is None:
            raise RotorError("this is the last page: check has_next_page() first")
        return self._fetch(query)

    def iter_pages(self) -> Iterator[SyncPage[ItemT]]:
        page: SyncPage[ItemT] | None = self
        while page is not None:
            yield page
            page = page.get_next_page() if page.has_next_page() else None

    def __iter__(self) -> Iterator[ItemT]:
        new_items: _NewItems[ItemT] = _NewItems()
        for page in self.iter_pages():
            fresh = new_items.of(page)
            if fresh is None:
                return
            yield from fresh


class AsyncPage(BasePage[ItemT]):
    """One page of an ``await ....list()`` call; ``async for`` it for every item across pages."""

    def __init__(self, *, fetch: Callable[[ListQuery], Coroutine[Any, Any, AsyncPage[ItemT]]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._fetch = fetch

    async def get_next_page(self) -> AsyncPage[ItemT]:
        query = self.next_page_query()
        if query is None:
            raise RotorError("this is the last page: check has_next_page() first")
        return await self._fetch(query)

    async def iter_pages(self, *, concurrency: int = 1) -> AsyncGenerator[AsyncPage[ItemT]]:
        """The pages from this one on; with ``concurrency`` > 1, up to that many fetched ahead once ``total``
        is known, still yielded in order and stopped by the same rule as one at a time."""
        concurrency = checked_concurrency(concurrency)
        page: AsyncPage[ItemT] = self
        last = self.last_page_number()
        if concurrency == 1 or last is None:
            # One at a time; also without a total, when the number of pages is unknown.
            while True:
                yield page
                if not page.has_next_page():
                    return
                page = await page.get_next_page()
        ahead: deque[asyncio.Task[AsyncPage[ItemT]]] = deque()
        planned = iter(range(self.page_number + 1, last + 1))
        try:
            while True:
                yield page
                if not page.has_next_page():
                    return
                while len(ahead) < concurrency and (number := next(planned, None)) is not None:
                    ahead.append(asyncio.create_task(self._fetch(self.query.at_page(number))))
                if not ahead:
                    # The server says there is more than total promised: go on one at a time.
                    async for later in (await page.get_next_page()).iter_pages():
                        yield later
                    return
                page = await ahead.popleft()
        finally:
            for task in ahead:  # the consumer stopped early, or a fetch failed: spend nothing more
                task.cancel()

    async def iter_items(self, *, concurrency: int = 1) -> AsyncIterator[ItemT]:
        """Every item from this page on; ``concurrency`` as for ``iter_pages``."""
        pages = self.iter_pages(concurrency=concurrency)
        new_items: _NewItems[ItemT] = _NewItems()
        try:
            async for page in pages:
                fresh = new_items.of(page)
                if fresh is None:
                    return
                for item in fresh:
                    yield item
        finally:
            await pages.aclose()  # cancels pages fetched ahead when the consumer stops early

    def __aiter__(self) -> AsyncIterator[ItemT]:
        return self.iter_items()
