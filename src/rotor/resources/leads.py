"""``client.leads``: list (paged), retrieve, create_or_update, export (the upsert rules of customers)."""

from __future__ import annotations

import os
from collections.abc import Mapping

from rotor import _validation as check
from rotor._export import ExportResult, ProgressCallback
from rotor._options import QueryValue, TimeoutArg, request_options
from rotor._query import ListQuery, list_query
from rotor._validation import TagsArg
from rotor.pagination import DEFAULT_CONCURRENCY, AsyncPage, SyncPage
from rotor.resources import _decoders
from rotor.resources._base import AsyncRecords, Operation, SyncRecords
from rotor_generated.api.leads import create_or_update_lead, list_leads, retrieve_lead
from rotor_generated.models import Lead, LeadListResponse, LeadResponse, LeadUpsertParams, LeadUpsertResult

LeadPage = SyncPage[Lead]
AsyncLeadPage = AsyncPage[Lead]

_LIST = (list_leads._get_kwargs, _decoders.page(LeadListResponse))
_RETRIEVE: Operation = (retrieve_lead._get_kwargs, _decoders.record(LeadResponse))
_UPSERT: Operation = (create_or_update_lead._get_kwargs, _decoders.whole(LeadUpsertResult))


def _query(
    *, archived: bool, limit: int | None, page: int, search: str | None, stage: str | None, tags: TagsArg
) -> ListQuery:
    return list_query(
        limit=limit,
        page=page,
        archived=check.boolean("archived", archived),
        search=check.text("search", search),
        stage=check.text("stage", stage),
        tags=check.tags(tags),
    )


class Leads(SyncRecords[Lead, LeadUpsertParams, LeadUpsertResult]):
    _retrieve_operation, _upsert_operation, _upsert_params = _RETRIEVE, _UPSERT, LeadUpsertParams

    def list(
        self,
        *,
        archived: bool = False,
        limit: int | None = None,
        page: int = 1,
        search: str | None = None,
        stage: str | None = None,
        tags: TagsArg = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> LeadPage:
        """One page of leads, newest first; iterate the result for all of them across pages.

        ``search`` matches name, email or phone; ``stage`` is the pipeline stage; a lead matches ``tags`` when it
        has any of them. ``limit`` defaults to 1000, so iterating everything costs ceil(total / 1000) requests.
        """
        query = _query(archived=archived, limit=limit, page=page, search=search, stage=stage, tags=tags)
        return self._list(*_LIST, query, request_options(extra_headers, extra_query, timeout))

    def export(
        self,
        path: str | os.PathLike[str],
        *,
        archived: bool = False,
        search: str | None = None,
        stage: str | None = None,
        tags: TagsArg = None,
        max_requests: int | None = None,
        resume: bool = False,
        progress: ProgressCallback | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> ExportResult:
        """Write every matching lead to ``path``, each once (as ``client.customers.export``)."""
        query = _query(archived=archived, limit=None, page=1, search=search, stage=stage, tags=tags)
        options = request_options(extra_headers, extra_query, timeout)
        job = {"model": Lead, "resume": resume, "max_requests": max_requests, "progress": progress}
        return self._export(path, _LIST, query, options, **job)


class AsyncLeads(AsyncRecords[Lead, LeadUpsertParams, LeadUpsertResult]):
    _retrieve_operation, _upsert_operation, _upsert_params = _RETRIEVE, _UPSERT, LeadUpsertParams

    async def list(
        self,
        *,
        archived: bool = False,
        limit: int | None = None,
        page: int = 1,
        search: str | None = None,
        stage: str | None = None,
        tags: TagsArg = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> AsyncLeadPage:
        """One page of leads; ``async for`` the result for all of them (see ``Leads.list``)."""
        query = _query(archived=archived, limit=limit, page=page, search=search, stage=stage, tags=tags)
        return await self._list(*_LIST, query, request_options(extra_headers, extra_query, timeout))

    async def export(
        self,
        path: str | os.PathLike[str],
        *,
        archived: bool = False,
        search: str | None = None,
        stage: str | None = None,
        tags: TagsArg = None,
        concurrency: int = DEFAULT_CONCURRENCY,
        max_requests: int | None = None,
        resume: bool = False,
        progress: ProgressCallback | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> ExportResult:
        """Write every matching lead to ``path``, ``concurrency`` pages at a time (as ``AsyncCustomers.export``)."""
        query = _query(archived=archived, limit=None, page=1, search=search, stage=stage, tags=tags)
        options = request_options(extra_headers, extra_query, timeout)
        job = {"model": Lead, "resume": resume, "max_requests": max_requests, "progress": progress}
        return await self._export(path, _LIST, query, options, concurrency, **job)
