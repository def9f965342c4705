"""``client.service_plans``: list (paged, newest first) and export, filtered by creation range, frequency, type,
seller, status."""

from __future__ import annotations

import os
from collections.abc import Mapping

from rotor import _validation as check
from rotor._export import ExportResult, ProgressCallback
from rotor._options import QueryValue, TimeoutArg, request_options
from rotor._query import ListQuery, list_query
from rotor._validation import DateTimeArg, IdArg
from rotor.pagination import DEFAULT_CONCURRENCY, AsyncPage, SyncPage
from rotor.resources import _decoders
from rotor.resources._base import AsyncResource, SyncResource
from rotor_generated.api.service_plans import list_service_plans
from rotor_generated.models import ServiceFrequency, ServicePlan, ServicePlanListResponse, ServicePlanStatus

ServicePlanPage = SyncPage[ServicePlan]
AsyncServicePlanPage = AsyncPage[ServicePlan]

_LIST = (list_service_plans._get_kwargs, _decoders.page(ServicePlanListResponse))


def _query(
    *,
    limit: int | None,
    page: int,
    created_at_range_start: DateTimeArg,
    created_at_range_end: DateTimeArg,
    frequency: ServiceFrequency | str | None,
    service_type: str | None,
    sold_by_user_id: IdArg,
    status: ServicePlanStatus | str | None,
) -> ListQuery:
    return list_query(
        limit=limit,
        page=page,
        created_at_range_start=check.datetime_filter("created_at_range_start", created_at_range_start),
        created_at_range_end=check.datetime_filter("created_at_range_end", created_at_range_end, end=True),
        frequency=check.one_of("frequency", ServiceFrequency, frequency),
        service_type=check.text("service_type", service_type),
        sold_by_user_id=check.uuid_filter("sold_by_user_id", sold_by_user_id),
        status=check.one_of("status", ServicePlanStatus, status),
    )


class ServicePlans(SyncResource):
    def list(
        self,
        *,
        limit: int | None = None,
        page: int = 1,
        created_at_range_start: DateTimeArg = None,
        created_at_range_end: DateTimeArg = None,
        frequency: ServiceFrequency | str | None = None,
        service_type: str | None = None,
        sold_by_user_id: IdArg = None,
        status: ServicePlanStatus | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> ServicePlanPage:
        """One page of service plans, newest first; iterate the result for all of them across pages.

        The creation range is inclusive at both ends. Each end is an aware ``datetime``, a ``date`` (that whole UTC
        day) or an ISO 8601 string; a naive datetime raises ``InvalidParameterError`` (the API names no time zone).
        """
        query = _query(
            limit=limit,
            page=page,
            created_at_range_start=created_at_range_start,
            created_at_range_end=created_at_range_end,
            frequency=frequency,
            service_type=service_type,
            sold_by_user_id=sold_by_user_id,
            status=status,
        )
        return self._list(*_LIST, query, request_options(extra_headers, extra_query, timeout))

    def export(
        self,
        path: str | os.PathLike[str],
        *,
        created_at_range_start: DateTimeArg = None,
        created_at_range_end: DateTimeArg = None,
        frequency: ServiceFrequency | str | None = None,
        service_type: str | None = None,
        sold_by_user_id: IdArg = None,
        status: ServicePlanStatus | str | None = None,
        max_requests: int | None = None,
        resume: bool = False,
        progress: ProgressCallback | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> ExportResult:
        """Write every matching service plan to ``path``, each once (as ``client.customers.export``)."""
        query = _query(
            limit=None,
            page=1,
            created_at_range_start=created_at_range_start,
            created_at_range_end=created_at_range_end,
            frequency=frequency,
            service_type=service_type,
            sold_by_user_id=sold_by_user_id,
            status=status,
        )
        options = request_options(extra_headers, extra_query, timeout)
        job = {"model": ServicePlan, "resume": resume, "max_requests": max_requests, "progress": progress}
        return self._export(path, _LIST, query, options, **job)


class AsyncServicePlans(AsyncResource):
    async def list(
        self,
        *,
        limit: int | None = None,
        page: int = 1,
        created_at_range_start: DateTimeArg = None,
        created_at_range_end: DateTimeArg = None,
        frequency: ServiceFrequency | str | None = None,
        service_type: str | None = None,
        sold_by_user_id: IdArg = None,
        status: ServicePlanStatus | str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> AsyncServicePlanPage:
        """One page of service plans; ``async for`` the result for all of them (see ``ServicePlans.list``)."""
        query = _query(
            limit=limit,
            page=page,
            created_at_range_start=created_at_range_start,
            created_at_range_end=created_at_range_end,
            frequency=frequency,
            service_type=service_type,
            sold_by_user_id=sold_by_user_id,
            status=status,
        )
        return await self._list(*_LIST, query, request_options(extra_headers, extra_query, timeout))

    async def export(
        self,
        path: str | os.PathLike[str],
        *,
        created_at_range_start: DateTimeArg = None,
        created_at_range_end: DateTimeArg = None,
        frequency: ServiceFrequency | str | None = None,
        service_type: str | None = None,
        sold_by_user_id: IdArg = None,
        status: ServicePlanStatus | str | None = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        max_requests: int | None = None,
        resume: bool = False,
        progress: ProgressCallback | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> ExportResult:
        """Write every matching service plan to ``path`` (as ``AsyncCustomers.export``)."""
        query = _query(
            limit=None,
            page=1,
            created_at_range_start=created_at_range_start,
            created_at_range_end=created_at_range_end,
            frequency=frequency,
            service_type=service_type,
            sold_by_user_id=sold_by_user_id,
            status=status,
        )
        options = request_options(extra_headers, extra_query, timeout)
        job = {"model": ServicePlan, "resume": resume, "max_requests": max_requests, "progress": progress}
        return await self._export(path, _LIST, query, options, concurrency, **job)
