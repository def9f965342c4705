"""``client.serviced_jobs``: list (paged, newest first) and export, completed jobs by default, filtered by service
date."""

from __future__ import annotations

import os
from collections.abc import Mapping

from rotor import _validation as check
from rotor._export import ExportResult, ProgressCallback
from rotor._options import QueryValue, TimeoutArg, request_options
from rotor._query import ListQuery, list_query
from rotor._validation import DateTimeArg
from rotor.pagination import DEFAULT_CONCURRENCY, AsyncPage, SyncPage
from rotor.resources import _decoders
from rotor.resources._base import AsyncResource, SyncResource
from rotor_generated.api.serviced_jobs import list_serviced_jobs
from rotor_generated.models import ServicedJob, ServicedJobListResponse

ServicedJobPage = SyncPage[ServicedJob]
AsyncServicedJobPage = AsyncPage[ServicedJob]

_LIST = (list_serviced_jobs._get_kwargs, _decoders.page(ServicedJobListResponse))


def _query(*, limit: int | None, page: int, only_completed: bool, start: DateTimeArg, end: DateTimeArg) -> ListQuery:
    return list_query(
        limit=limit,
        page=page,
        only_completed=check.boolean("only_completed", only_completed),
        service_date_range_start=check.datetime_filter("service_date_range_start", start),
        service_date_range_end=check.datetime_filter("service_date_range_end", end, end=True),
    )


class ServicedJobs(SyncResource):
    def list(
        self,
        *,
        limit: int | None = None,
        page: int = 1,
        only_completed: bool = True,
        service_date_range_start: DateTimeArg = None,
        service_date_range_end: DateTimeArg = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> ServicedJobPage:
        """One page of jobs, newest first: completed ones, or every open one too with ``only_completed=False``.

        The service-date range is inclusive, its ends as for ``client.service_plans.list``; ``total`` counts the
        jobs in the range.
        """
        query = _query(
            limit=limit,
            page=page,
            only_completed=only_completed,
            start=service_date_range_start,
            end=service_date_range_end,
        )
        return self._list(*_LIST, query, request_options(extra_headers, extra_query, timeout))

    def export(
        self,
        path: str | os.PathLike[str],
        *,
        only_completed: bool = True,
        service_date_range_start: DateTimeArg = None,
        service_date_range_end: DateTimeArg = None,
        max_requests: int | None = None,
        resume: bool = False,
        progress: ProgressCallback | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> ExportResult:
        """Write every matching serviced job to ``path``, each once (as ``client.customers.export``)."""
        query = _query(
            limit=None,
            page=1,
            only_completed=only_completed,
            start=service_date_range_start,
            end=service_date_range_end,
        )
        options = request_options(extra_headers, extra_query, timeout)
        job = {"model": ServicedJob, "resume": resume, "max_requests": max_requests, "progress": progress}
        return self._export(path, _LIST, query, options, **job)


class AsyncServicedJobs(AsyncResource):
    async def list(
        self,
        *,
        limit: int | None = None,
        page: int = 1,
        only_completed: bool = True,
        service_date_range_start: DateTimeArg = None,
        service_date_range_end: DateTimeArg = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> AsyncServicedJobPage:
        """One page of jobs; ``async for`` the result for all of them (see ``ServicedJobs.list``)."""
        query = _query(
            limit=limit,
            page=page,
            only_completed=only_completed,
            start=service_date_range_start,
            end=service_date_range_end,
        )
        return await self._list(*_LIST, query, request_options(extra_headers, extra_query, timeout))

    async def export(
        self,
        path: str | os.PathLike[str],
        *,
        only_completed: bool = True,
        service_date_range_start: DateTimeArg = None,
        service_date_range_end: DateTimeArg = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        max_requests: int | None = None,
        resume: bool = False,
        progress: ProgressCallback | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> ExportResult:
        """Write every matching serviced job to ``path`` (as ``AsyncCustomers.export``)."""
        query = _query(
            limit=None,
            page=1,
            only_completed=only_completed,
            start=service_date_range_start,
            end=service_date_range_end,
        )
        options = request_options(extra_headers, extra_query, timeout)
        job = {"model": ServicedJob, "resume": resume, "max_requests": max_requests, "progress": progress}
        return await self._export(path, _LIST, query, options, concurrency, **job)
