import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.rotor_api_version import RotorApiVersion
from ...models.serviced_job_list_response import ServicedJobListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    only_completed: bool | Unset = True,
    service_date_range_start: datetime.datetime | Unset = UNSET,
    service_date_range_end: datetime.datetime | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["rotor-api-version"] = str(rotor_api_version)

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["page"] = page

    params["only_completed"] = only_completed

    json_service_date_range_start: str | Unset = UNSET
    if not isinstance(service_date_range_start, Unset):
        json_service_date_range_start = service_date_range_start.isoformat()
    params["service_date_range_start"] = json_service_date_range_start

    json_service_date_range_end: str | Unset = UNSET
    if not isinstance(service_date_range_end, Unset):
        json_service_date_range_end = service_date_range_end.isoformat()
    params["service_date_range_end"] = json_service_date_range_end

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/serviced-jobs",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ServicedJobListResponse | None:
    if response.status_code == 200:
        response_200 = ServicedJobListResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ServicedJobListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    only_completed: bool | Unset = True,
    service_date_range_start: datetime.datetime | Unset = UNSET,
    service_date_range_end: datetime.datetime | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[ErrorResponse | ServicedJobListResponse]:
    """List serviced jobs

     Lists jobs, completed ones by default, ordered by creation, newest first (stated). `service_date` is
    the
    start of the job's first visit; money is in dollars. The service-date filters are applied after the
    database query, and the pagination totals count the filtered set (stated).

    ASSUMPTION (A33): the error statuses are those of the other lists (400, 401, 403, 429, 500); our
    record of
    this page has no error examples.

    Args:
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        only_completed (bool | Unset):  Default: True.
        service_date_range_start (datetime.datetime | Unset):
        service_date_range_end (datetime.datetime | Unset):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ServicedJobListResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        page=page,
        only_completed=only_completed,
        service_date_range_start=service_date_range_start,
        service_date_range_end=service_date_range_end,
        rotor_api_version=rotor_api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    only_completed: bool | Unset = True,
    service_date_range_start: datetime.datetime | Unset = UNSET,
    service_date_range_end: datetime.datetime | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> ErrorResponse | ServicedJobListResponse | None:
    """List serviced jobs

     Lists jobs, completed ones by default, ordered by creation, newest first (stated). `service_date` is
    the
    start of the job's first visit; money is in dollars. The service-date filters are applied after the
    database query, and the pagination totals count the filtered set (stated).

    ASSUMPTION (A33): the error statuses are those of the other lists (400, 401, 403, 429, 500); our
    record of
    this page has no error examples.

    Args:
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        only_completed (bool | Unset):  Default: True.
        service_date_range_start (datetime.datetime | Unset):
        service_date_range_end (datetime.datetime | Unset):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ServicedJobListResponse
    """

    return sync_detailed(
        client=client,
        limit=limit,
        page=page,
        only_completed=only_completed,
        service_date_range_start=service_date_range_start,
        service_date_range_end=service_date_range_end,
        rotor_api_version=rotor_api_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    only_completed: bool | Unset = True,
    service_date_range_start: datetime.datetime | Unset = UNSET,
    service_date_range_end: datetime.datetime | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[ErrorResponse | ServicedJobListResponse]:
    """List serviced jobs

     Lists jobs, completed ones by default, ordered by creation, newest first (stated). `service_date` is
    the
    start of the job's first visit; money is in dollars. The service-date filters are applied after the
    database query, and the pagination totals count the filtered set (stated).

    ASSUMPTION (A33): the error statuses are those of the other lists (400, 401, 403, 429, 500); our
    record of
    this page has no error examples.

    Args:
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        only_completed (bool | Unset):  Default: True.
        service_date_range_start (datetime.datetime | Unset):
        service_date_range_end (datetime.datetime | Unset):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ServicedJobListResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        page=page,
        only_completed=only_completed,
        service_date_range_start=service_date_range_start,
        service_date_range_end=service_date_range_end,
        rotor_api_version=rotor_api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    only_completed: bool | Unset = True,
    service_date_range_start: datetime.datetime | Unset = UNSET,
    service_date_range_end: datetime.datetime | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> ErrorResponse | ServicedJobListResponse | None:
    """List serviced jobs

     Lists jobs, completed ones by default, ordered by creation, newest first (stated). `service_date` is
    the
    start of the job's first visit; money is in dollars. The service-date filters are applied after the
    database query, and the pagination totals count the filtered set (stated).

    ASSUMPTION (A33): the error statuses are those of the other lists (400, 401, 403, 429, 500); our
    record of
    this page has no error examples.

    Args:
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        only_completed (bool | Unset):  Default: True.
        service_date_range_start (datetime.datetime | Unset):
        service_date_range_end (datetime.datetime | Unset):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ServicedJobListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            page=page,
            only_completed=only_completed,
            service_date_range_start=service_date_range_start,
            service_date_range_end=service_date_range_end,
            rotor_api_version=rotor_api_version,
        )
    ).parsed
