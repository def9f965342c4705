"""Pages of customers that know how to fetch the next one.

Iterating a page yields every matching customer from that page on, fetching pages as needed; ``iter_pages()``
yields the pages. When to stop is decided by ``has_next_page()`` from both ``total`` and ``has_more``:

* either one saying "done" ends the iteration (a server whose ``has_more`` never turns false cannot loop us, and
  neither can one whose ``total`` is stale);
* an empty page ends it only when ``total`` is unknown (``data: [], has_more: true`` with a larger ``total``
  goes on, since the records counted by ``total`` are still to come);
* a page that brings no id not already seen ends it, and no id is ever yielded twice.
"""

from __future__ import annotations

import asyncio
import itertools
import math
from collections import deque
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from typing import Any

from rotor._exceptions import InvalidParameterError, RotorError
from rotor._validation import ListQuery
from rotor_generated.models import Customer, Pagination

# Pages fetched at once by async iteration once `total` is known: fast, and polite to a shared API.
DEFAULT_CONCURRENCY = 4


class _PageBase:
    def __init__(self, data: list[Customer], pagination: Pagination, query: ListQuery, retries_taken: int) -> None:
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

    def has_next_page(self) -> bool:
        limit = self.query.limit if self.pagination.limit is None else self.pagination.limit
        total = self.total
        if total is not None and self.page_number * limit >= total:
            return False
        has_more = self.pagination.has_more
        if isinstance(has_more, bool):
            return has_more
        if total is not None:
            return True
        # Neither field present: a full page suggests more; the no-new-ids guard bounds the rest.
        return len(self.data) >= limit

    def next_page_query(self) -> ListQuery | None:
        return self.query.at_page(self.page_number + 1) if self.has_next_page() else None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(page={self.page_number}, items={len(self.data)}, total={self.total})"


class _Dedup:
    """Remembers ids across pages; customers without an id cannot repeat detectably and are always kept."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def fresh(self, page: _PageBase) -> list[Customer]:
        out = []
        for customer in page.data:
            cid = customer.id
            if isinstance(cid, str):
                if cid in self.seen:
                    continue
                self.seen.add(cid)
            out.append(customer)
        return out


class CustomerPage(_PageBase):
    """One page of ``client.customers.list()``; iterate it for every customer across pages."""

    def __init__(self, *, fetch: Callable[[ListQuery], CustomerPage], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._fetch = fetch

    def get_next_page(self) -> CustomerPage:
        query = self.next_page_query()
        if query is None:
            raise RotorError("this is the last page: check has_next_page() first")
        return self._fetch(query)

    def iter_pages(self) -> Iterator[CustomerPage]:
        page: CustomerPage | None = self
        while page is not None:
            yield page
            page = page.get_next_page() if page.has_next_page() else None

    def __iter__(self) -> Iterator[Customer]:
        dedup = _Dedup()
        for page in self.iter_pages():
            fresh = dedup.fresh(page)
            yield from fresh
            if page.data and not fresh:
                return  # the server repeated itself: stop rather than loop


class AsyncCustomerPage(_PageBase):
    """One page of ``await client.customers.list()``; ``async for`` it for every customer across pages.

    Once the first page has told ``total``, the remaining pages are fetched ``concurrency`` at a time (default
    ``DEFAULT_CONCURRENCY`` = 4, polite to the API) and still yielded in order. Concurrency changes how soon an
    export ends, never how many requests it spends.
    """

    def __init__(self, *, fetch: Callable[[ListQuery], Coroutine[Any, Any, AsyncCustomerPage]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._fetch = fetch

    async def get_next_page(self) -> AsyncCustomerPage:
        query = self.next_page_query()
        if query is None:
            raise RotorError("this is the last page: check has_next_page() first")
        return await self._fetch(query)

    async def iter_pages(self, *, concurrency: int = DEFAULT_CONCURRENCY) -> AsyncIterator[AsyncCustomerPage]:
        if concurrency < 1:
            raise InvalidParameterError("concurrency", f"must be at least 1, got {concurrency}")
        yield self
        if not self.has_next_page():
            return
        limit = self.query.limit if self.pagination.limit is None else self.pagination.limit
        if concurrency == 1 or self.total is None:
            # Without a total the number of pages is unknown: follow them one by one.
            page = await self.get_next_page()
            async for later in page.iter_pages(concurrency=1):
                yield later
            return
        numbers = iter(range(self.page_number + 1, math.ceil(self.total / limit) + 1))
        in_flight: deque[asyncio.Task[AsyncCustomerPage]] = deque()
        try:
            for first in itertools.islice(numbers, concurrency):
                in_flight.append(asyncio.create_task(self._fetch(self.query.at_page(first))))
            while in_flight:
                page = await in_flight.popleft()
                following = next(numbers, None)
                if following is not None:
                    in_flight.append(asyncio.create_task(self._fetch(self.query.at_page(following))))
                yield page
        finally:
            for task in in_flight:  # the consumer stopped early, or a fetch failed: spend nothing more
                task.cancel()

    async def iter_customers(self, *, concurrency: int = DEFAULT_CONCURRENCY) -> AsyncIterator[Customer]:
        dedup = _Dedup()
        async for page in self.iter_pages(concurrency=concurrency):
            fresh = dedup.fresh(page)
            for customer in fresh:
                yield customer
            if page.data and not fresh:
                return

    def __aiter__(self) -> AsyncIterator[Customer]:
        return self.iter_customers()
