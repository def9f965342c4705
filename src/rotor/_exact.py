"""Exact iteration over offset pages while the account changes: which page to fetch next, and what is proven.

The list operations page by offset, newest first, and the data moves while we read: a record created after the
export began goes to the front and pushes every other record one place on; a record that leaves the filtered set
(a status change) pulls the ones after it one place back. Page 7 read a moment after page 6 then starts where
page 6 ended *plus the shift*, so a later page can repeat records, or skip some.

The guarantee: **every record that matched the query for the whole walk is yielded exactly once**, or the walk
reports that it could not prove so (``complete`` false, with the drift it saw). No id is ever yielded twice.

How. Records keep their relative order (the order is by creation), and each page is a contiguous run of the set
as it was when that page was read. So when a page contains *any* record already proven, nothing that matched
throughout can lie between the proven run and that page: the boundary is proven by overlap. When two adjacent
pages report the same ``total`` and share no record, nothing entered or left between the two reads as far as the
server's count shows, and the boundary is proven by the count. Otherwise the boundary has shifted: the walk
heals it by reading, now, a page placed around the end of the proven run (its ``limit`` chosen so the one page
covers the estimated gap), until a page overlaps both sides, or the set's end. A boundary that cannot be healed
within ``MAX_HEAL_READS`` reads, or within the request budget, is counted as unproven.

Proof by count has one hole: between two reads, one record entering the set *behind* the boundary and another
leaving *before* it leave ``total`` unchanged while moving the boundary back by one. New records only ever enter
at the front, so an unfiltered set cannot meet it (its entries never land behind a boundary). A filtered set can
(a status change brings a record in anywhere), so once a filtered walk has seen its total move, it stops taking
equal totals as proof: each later read starts a little before the previous one ended (its ``limit`` chosen so,
``furthest_page``), and the overlap proves the boundary as it is read. Pages already read ahead when the move
was seen are healed, one read each, within the budget.

This module does no I/O: ``SyncPage`` and ``AsyncPage`` (``pagination.py``) run the same walk, one page at a time
or with pages fetched ahead, so the sync and async clients behave the same by construction.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from typing import Any

import attrs

from rotor._constants import MAX_LIMIT

# Reads spent on one shifted boundary before it is given up as unproven. A gap narrower than a page is healed by
# one read; two more allow for the data moving again while the healing read was in flight.
MAX_HEAL_READS = 3


@attrs.frozen
class PageFacts:
    """What the walk needs of one page: where it was asked for, the ids it held, the ``total`` it reported."""

    number: int
    limit: int
    total: int | None
    has_more: bool | None
    ids: tuple[str | None, ...]

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.limit

    def is_last(self) -> bool:
        """This page reached the end of the set as it was when it was read."""
        if self.total is not None:
            return self.offset + len(self.ids) >= self.total
        if self.has_more is not None:
            return not self.has_more
        return len(self.ids) < self.limit  # neither field: a short page is the last


@attrs.frozen
class Read:
    """A page the walk asks for; ``heal`` marks one placed to prove a shifted boundary."""

    page: int
    limit: int
    heal: bool = False


@attrs.define
class Drift:
    """What changed under the walk, and what that cost. ``totals`` are the distinct totals seen, in order."""

    totals: list[int] = attrs.field(factory=list)
    shifted: int = 0  # boundaries where a page did not provably follow the one before
    healed: int = 0  # ... of which a healing read proved it
    unproven: int = 0  # ... and of which it could not (the walk is then not complete)
    heal_reads: int = 0  # pages read only to heal
    overlap_reads: int = 0  # reads of a moving filtered walk, each starting inside the one before

    @property
    def changed(self) -> bool:
        return len(self.totals) > 1

    def saw(self, total: int | None) -> None:
        if total is not None and (not self.totals or self.totals[-1] != total):
            self.totals.append(total)

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


def furthest_page(first: int, anchor: int, max_limit: int) -> Read:
    """A page holding offset ``first`` (and so the records from there to ``anchor``) that reaches as far past
    ``anchor`` as any limit up to ``max_limit`` allows: offset pages are aligned, so the limit decides."""
    best = (-1, 0, 0)
    for limit in range(max_limit, max_limit // 2 - 1, -1):
        start = first // limit * limit
        best = max(best, (start + limit - anchor, limit, start // limit + 1))
    _, limit, page = best
    return Read(page, limit)


def covering_page(first: int, last: int, max_limit: int) -> tuple[int, int]:
    """(page, limit) of one page holding the offsets ``first``..``last``: the largest limit that fits, since a
    longer page reaches further past the gap. Offset pages are aligned (page k starts at (k - 1) * limit), so
    the limit is chosen so that no page boundary falls inside the range; when none can, the page at ``first``."""
    for limit in range(max_limit, last - first, -1):
        if first // limit == last // limit:
            return first // limit + 1, limit
    return first // max_limit + 1, max_limit


class ExactWalk:
    """The state of one walk over a list: feed it every page read (``accept``), ask it what to read
    (``next_read``). Pages must be accepted in the order ``next_read`` named them."""

    def __init__(self, limit: int, *, filtered: bool = False) -> None:
        self.limit = limit
        # A filtered set (by status, tags, a search...) gains members anywhere in the order, not only at the front,
        # so once its total has moved, equal totals on two sides of a boundary no longer prove nothing slipped.
        self.filtered = filtered
        self.drift = Drift()
        self.seen: set[str] = set()
        self._proven: set[str] = set()
        self._frontier: PageFacts | None = None  # the last page of the proven run
        self._pending: PageFacts | None = None  # a page not yet proven to follow the frontier
        self._heal_reads = 0
        self._bias = 0  # moves the next healing read when the last one missed
        self._last_main: PageFacts | None = None
        self._latest_total: int | None = None
        self._ended = False  # a healing read reached the end of the set

    # -- saving and resuming (an export's state file) ---------------------------------------------------------

    def checkpoint(self) -> dict[str, Any]:
        """What a resumed walk needs besides the ids already written (which the export reads back from its file)."""
        page = attrs.asdict
        return {
            "limit": self.limit,
            "frontier": page(self._frontier) if self._frontier else None,
            "pending": page(self._pending) if self._pending else None,
            "last_main": page(self._last_main) if self._last_main else None,
            "heal_reads": self._heal_reads,
            "bias": self._bias,
            "latest_total": self._latest_total,
            "filtered": self.filtered,
            "ended": self._ended,
            "drift": self.drift.to_dict(),
        }

    @classmethod
    def restore(cls, checkpoint: dict[str, Any], seen: Iterable[str]) -> ExactWalk:
        """The walk as it was at ``checkpoint``, with ``seen`` the ids written by then. They count as proven, bar
        those of a page still pending: a resumed walk reads on (or heals) from where the saved one stopped."""

        def page(value: dict[str, Any] | None) -> PageFacts | None:
            return None if value is None else PageFacts(**{**value, "ids": tuple(value["ids"])})

        walk = cls(int(checkpoint["limit"]), filtered=bool(checkpoint["filtered"]))
        walk.seen = set(seen)
        walk._frontier, walk._pending = page(checkpoint["frontier"]), page(checkpoint["pending"])
        walk._last_main = page(checkpoint["last_main"])
        walk._proven = walk.seen - set(walk._pending.ids if walk._pending else ())
        walk._heal_reads, walk._bias = checkpoint["heal_reads"], checkpoint["bias"]
        walk._latest_total, walk._ended = checkpoint["latest_total"], checkpoint["ended"]
        walk.drift = Drift(**checkpoint["drift"])
        return walk

    # -- what to read ----------------------------------------------------------------------------------------

    def next_read(self, budget_left: int | None = None, in_flight: Collection[int] = ()) -> Read | None:
        """The next page to read, or None when the walk is done. ``budget_left``: requests that may still be
        spent; healing yields to the pages the plan still needs, and is given up when they would not fit.
        ``in_flight``: page numbers already being read ahead (a moving walk still takes those)."""
        if self._pending is not None:
            affordable = budget_left is None or budget_left > self.planned_reads()
            if self._heal_reads < MAX_HEAL_READS and affordable:
                return self._healing_read()
            self._give_up()
        last = self._last_main
        if last is None or self._ended or last.is_last():
            return None
        numbered = last.limit == self.limit
        if numbered and (not self._moving() or last.number + 1 in in_flight):
            return Read(last.number + 1, self.limit)
        return self._window_read()

    def _moving(self) -> bool:
        """A filtered set whose total has moved: its boundaries need overlap to be proven (see __init__)."""
        return self.filtered and self.drift.changed

    def _window_read(self) -> Read:
        """The next read of a moving walk: a page that starts inside the end of the proven run, so that the
        overlap proves the boundary as it is read, instead of a healing read after every page."""
        frontier = self._frontier
        assert frontier is not None
        end = frontier.offset + max(len(frontier.ids), 1) - 1
        estimate = max(0, end + (self._latest_total or 0) - (frontier.total or 0) + self._bias)
        self.drift.overlap_reads += 1
        return furthest_page(max(0, estimate - self._margin()), estimate, MAX_LIMIT)

    def _margin(self) -> int:
        return max(16, self.limit // 20)  # for what moves between two reads

    def upcoming(self, count: int) -> list[int]:
        """Up to ``count`` page numbers the plan will read next (for reading ahead); none while healing, and
        none in a moving walk, whose reads each start where the one before ended."""
        last = self._last_main
        if self._pending is not None or last is None or self._latest_total is None or self._ended:
            return []
        if self._moving() or last.limit != self.limit:
            return []
        final = math.ceil(self._latest_total / self.limit)
        return list(range(last.number + 1, min(final, last.number + count) + 1))

    def planned_reads(self) -> int:
        """Pages still to read by the latest ``total``: what the plan needs, healing aside."""
        last = self._last_main
        if last is None or self._latest_total is None or last.is_last():
            return 0
        if self._moving():
            left = self._latest_total - (last.offset + len(last.ids))
            return max(1, math.ceil(left / (self.limit - self._margin())))
        return max(1, math.ceil(self._latest_total / self.limit) - last.number)

    # -- what was read ---------------------------------------------------------------------------------------

    def accept(self, page: PageFacts, items: Sequence[Any] = ()) -> list[Any]:
        """Record one page read; returns its items not yielded before (``items`` in the page's order, with the
        ids in ``page.ids``). Items without an id cannot repeat detectably and are always kept."""
        self.drift.saw(page.total)
        if page.total is not None:
            self._latest_total = page.total
        fresh = []
        for item, item_id in zip(items, page.ids, strict=True):
            if item_id is not None:
                if item_id in self.seen:
                    continue
                self.seen.add(item_id)
            fresh.append(item)
        if self._pending is not None:
            self._accept_healing(page)
        else:
            self._accept_planned(page, brought_new=bool(fresh) or not page.ids)
        return fresh

    @property
    def complete(self) -> bool:
        """Every boundary proven, by overlap, by count or by healing."""
        return self.drift.unproven == 0 and self._pending is None

    def _accept_planned(self, page: PageFacts, *, brought_new: bool) -> None:
        self._last_main = page
        if page.total is None and not brought_new:
            # Without a total nothing says more is coming: a page of repeats means the server repeated itself.
            self._last_main = attrs.evolve(page, has_more=False)
        follows = True if self._frontier is None else self._follows(page)
        if follows is False:
            self.drift.shifted += 1
            self._pending, self._heal_reads, self._bias = page, 0, 0
            return
        if follows is None:
            self.drift.unproven += 1  # a server without totals: nothing to prove the boundary with, or heal by
        self._extend(page)

    def _follows(self, page: PageFacts) -> bool | None:
        """True when proven to follow the proven run, False when shifted, None when it cannot be told."""
        frontier = self._frontier
        assert frontier is not None
        if any(item_id in self._proven for item_id in page.ids):
            return True  # overlap: nothing can lie between
        if page.total is None or frontier.total is None:
            return None
        if not frontier.ids or (not page.ids and not page.is_last()):
            return None  # an empty page before the end: the server contradicts its own total
        if self.filtered and self.drift.changed:
            return False  # see __init__: only a read across the boundary can prove it now
        adjacent = page.number == frontier.number + 1 and page.limit == frontier.limit == self.limit
        return adjacent and page.total == frontier.total and len(frontier.ids) == frontier.limit

    def _extend(self, page: PageFacts) -> None:
        self._proven.update(i for i in page.ids if i is not None)
        self._frontier = page

    def _accept_healing(self, read: PageFacts) -> None:
        pending = self._pending
        assert pending is not None
        self._heal_reads += 1
        self.drift.heal_reads += 1
        ids = [i for i in read.ids if i is not None]
        touches_proven = any(i in self._proven for i in ids)
        if touches_proven:
            advanced = any(i not in self._proven for i in ids)
            self._extend(read)  # the proven run now ends where this read ends
            if read.is_last() or not set(ids).isdisjoint(pending.ids):
                # It reached the pending page (or the end of the set, past which nothing matched throughout).
                self._ended = self._ended or read.is_last()
                self._resolve(healed=True)
            elif not advanced:
                self._bias += read.limit // 2  # it lay inside the proven run: look further on
        elif not set(ids).isdisjoint(pending.ids):
            self._bias -= read.limit // 2  # it began past the proven run: look further back
        else:
            self._give_up()  # it touched neither side: where the gap lies is unknown

    def _healing_read(self) -> Read:
        frontier, pending = self._frontier, self._pending
        assert frontier is not None and pending is not None
        end = frontier.offset + max(len(frontier.ids), 1) - 1  # the proven run's last record, when it was read
        # Records created since push it further on; records that left pull it back. The totals show the net.
        moved = (self._latest_total or 0) - (frontier.total or 0)
        estimate = max(0, end + moved + self._bias)
        gap = abs((frontier.total or 0) - (pending.total or 0))
        margin = self._margin()
        # A healing read may be as long as the API allows, whatever the walk's own page size: one read then
        # covers the gap even when the walk pages by ten.
        page, limit = covering_page(max(0, estimate - margin), estimate + gap + margin + 1, MAX_LIMIT)
        return Read(page, limit, heal=True)

    def _give_up(self) -> None:
        self.drift.unproven += 1
        self._resolve(healed=False)

    def _resolve(self, *, healed: bool) -> None:
        pending = self._pending
        assert pending is not None
        self.drift.healed += healed
        self._pending = None
        self._extend(pending)
