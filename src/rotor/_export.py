"""One export job: the file handling, state, resume, budget and result every resource's ``export`` shares.

The sync and async resources drive the same job (``resources/_base.py``): they read pages with the exact walk
(``_exact.py``, through ``SyncPage.walk`` / ``AsyncPage.walk``) and hand each step to ``ExportJob.write``; only
the reading differs. The job checks everything before the first request (path, format, budget, a resumable
state), writes each page's new records to ``<target>.part`` and then a checkpoint to ``<target>.part.json``,
and replaces the target only once the walk is done.

Resuming (``resume=True``) reads the ids back from the ``.part`` file (cut back to the last checkpoint), restores
the walk, and reads on from the next page: written pages are not read again, except the one read to prove the
boundary still holds. Without a resumable state, ``resume=True`` starts afresh, so scripts can always pass it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import attrs
import orjson

from rotor import _files
from rotor._budget import RequestBudget
from rotor._exact import Drift, ExactWalk, Read
from rotor._exceptions import InvalidParameterError
from rotor._formats import ExportFormat, export_format, open_rows, read_ids
from rotor._logging import logger
from rotor._query import ListQuery
from rotor.pagination import Walked

STATE_VERSION = 1


@attrs.frozen
class ExportProgress:
    """Handed to ``progress`` after every page: what is written and spent, and what the plan still needs."""

    written: int
    pages: int
    requests: int
    planned_requests: int  # pages the latest ``total`` still promises (healing reads aside)
    total: int | None  # the set's size as the latest page reported it


@attrs.frozen
class ExportResult:
    """What an export did. ``complete`` is the proof that every record matching the query for the whole export
    was written exactly once; when false, ``drift`` says what moved and what could not be proven."""

    path: Path
    written: int
    requests: int  # attempts, retries included: what the key's quota was charged
    retries: int
    pages: int  # pages read, healing reads included
    drift: Drift
    complete: bool
    resumed: bool


@attrs.frozen
class PartialExport:
    """Attached to the exception that stopped an export (``exc.partial_export``): where it stopped and how to go on.
    The target is untouched; ``export(..., resume=True)`` with the same query continues from ``part`` (after a
    daily-quota 429: with another key, or once the quota resets at midnight UTC)."""

    path: Path
    part: Path
    state: Path
    written: int
    requests: int

    def __str__(self) -> str:
        return (
            f"export interrupted: {self.written} records in {self.part} "
            f"({self.requests} request{'' if self.requests == 1 else 's'} spent); "
            f"{self.path} is untouched. Run the same export with resume=True to continue."
        )


ProgressCallback = Callable[[ExportProgress], None]


def partial_export(exc: BaseException) -> PartialExport | None:
    """The resume information an interrupted export attached to ``exc``, if any."""
    found = getattr(exc, "partial_export", None)
    return found if isinstance(found, PartialExport) else None


def _query_key(query: ListQuery) -> dict[str, Any]:
    """The query as the state file keeps it, to refuse resuming a different one (enums by value)."""
    filters = {k: getattr(v, "value", v) for k, v in sorted(query.given().items())}
    return {"filters": orjson.loads(orjson.dumps(filters)), "limit": query.limit}


class ExportJob:
    """Everything an export checks, writes and reports; created (and checked) before the first request."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        model: type[Any],
        query: ListQuery,
        resume: bool,
        max_requests: int | None,
        progress: ProgressCallback | None,
    ) -> None:
        self.target = _files.export_target(path)
        self.format: ExportFormat = export_format(self.target)
        self.budget = RequestBudget(max_requests)
        if not isinstance(resume, bool):
            raise InvalidParameterError("resume", f"must be True or False, got {resume!r}")
        if progress is not None and not callable(progress):
            raise InvalidParameterError("progress", "must be a callable taking an ExportProgress")
        self.part, self.state_path = _files.part_path(self.target), _files.state_path(self.target)
        self.model, self.query, self.progress = model, query, progress
        self.identity = {"model": model.__name__, "format": str(self.format), "query": _query_key(query)}
        self.written = self.pages = self.retries = 0
        self.resumed = False
        self.walk = ExactWalk(query.limit, filtered=query.filtered)
        self._part_existed = self.part.exists()
        saved = self._resumable() if resume else None
        self._out: BinaryIO = _files.open_part(self.part, keep_bytes=saved["bytes"] if saved else None)
        self._fresh = saved is None  # emptied when the first page is written, not before
        if saved is not None:
            self._restore(saved)

    # -- starting --------------------------------------------------------------------------------------------

    def _resumable(self) -> dict[str, Any] | None:
        state = _files.read_state(self.state_path)
        if state is None or not self.part.exists():
            if self.part.exists() or self.state_path.exists():
                logger.warning("resume: %s has no usable checkpoint; the export starts afresh", self.part)
            return None
        if state.get("version") != STATE_VERSION or state.get("identity") != self.identity:
            raise InvalidParameterError(
                "resume",
                f"{self.part} is a partial export of a different query or format; "
                "export without resuming to start afresh (it will be replaced)",
            )
        if self.part.stat().st_size < int(state["bytes"]):  # type: ignore[call-overload]
            logger.warning("resume: %s is shorter than its checkpoint says; the export starts afresh", self.part)
            return None  # the data did not reach the disk (a power cut)
        return state

    def _restore(self, saved: dict[str, Any]) -> None:
        ids = read_ids(self.part, self.format, limit_bytes=saved["bytes"])
        self.walk = ExactWalk.restore(saved["walk"], ids)
        self.written, self.pages, self.retries = saved["written"], saved["pages"], saved["retries"]
        self.resumed = True  # max_requests is per run: the budget, new, counts this run's requests only

    def first_read(self) -> Read | None:
        """The page to start with: page one of the query, or where a resumed export goes on (None: nothing left)."""
        if not self.resumed:
            return Read(self.query.page, self.query.limit)
        return self.walk.next_read(self.budget.remaining)

    def first_query(self, read: Read) -> ListQuery:
        return self.query.at_page(read.page).with_limit(read.limit)

    # -- each page -------------------------------------------------------------------------------------------

    def write(self, step: Walked[Any]) -> None:
        """The page's new records, then a checkpoint naming exactly those bytes, then progress."""
        walk = self.walk
        if self._fresh:
            _files.start_fresh(self._out, self.state_path)
            self._fresh = False
        rows = open_rows(self._out, self.format, self.model, header=self._out.tell() == 0)
        for item in step.fresh:
            rows.write(item)
        rows.close()
        self._out.flush()
        self.written += len(step.fresh)
        self.pages += 1
        self.retries += step.page.retries_taken
        self._checkpoint()
        if self.progress is not None:
            self.progress(
                ExportProgress(self.written, self.pages, self.budget.spent, walk.planned_reads(), step.page.total)
            )

    def _checkpoint(self) -> None:
        _files.write_state(
            self.state_path,
            {
                "version": STATE_VERSION,
                "identity": self.identity,
                "bytes": self._out.tell(),
                "written": self.written,
                "pages": self.pages,
                "retries": self.retries,
                "walk": self.walk.checkpoint(),
            },
        )

    # -- ending ----------------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        """Around the reading: whatever stops it (an error, Ctrl-C, the budget) leaves the target untouched."""
        try:
            yield
        except BaseException as exc:
            self.interrupted(exc)
            raise

    def finish(self) -> ExportResult:
        walk = self.walk
        _files.commit(self._out, self.part, self.target, self.state_path)
        return ExportResult(
            path=self.target,
            written=self.written,
            requests=self.budget.spent,
            retries=self.retries,
            pages=self.pages,
            drift=walk.drift,
            complete=walk.complete,
            resumed=self.resumed,
        )

    def interrupted(self, exc: BaseException) -> None:
        """Keep what was written for a resume (or nothing, when no page was), and say so on the exception."""
        self._out.close()
        if self.pages == 0 and not self.resumed:
            if not self._part_existed:
                _files.discard(self.part)  # only the empty file this run made: an earlier partial stays resumable
            return
        info = PartialExport(self.target, self.part, self.state_path, self.written, self.budget.spent)
        exc.partial_export = info  # type: ignore[attr-defined]
        exc.add_note(str(info))


__all__ = ["ExportJob", "ExportProgress", "ExportResult", "PartialExport", "partial_export"]
