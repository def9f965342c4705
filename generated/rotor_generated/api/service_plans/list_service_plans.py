import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.rotor_api_version import RotorApiVersion
from ...models.service_frequency import ServiceFrequency
from ...models.service_plan_list_response import ServicePlanListResponse
from ...models.service_plan_status import ServicePlanStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    created_at_range_start: datetime.datetime | Unset = UNSET,
    created_at_range_end: datetime.datetime | Unset = UNSET,
    frequency: ServiceFrequency | Unset = UNSET,
    service_type: str | Unset = UNSET,
    sold_by_user_id: UUID | Unset = UNSET,
    status: ServicePlanStatus | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["rotor-api-version"] = str(rotor_api_version)

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["page"] = page

    json_created_at_range_start: str | Unset = UNSET
    if not isinstance(created_at_range_start, Unset):
        json_created_at_range_start = created_at_range_start.isoformat()
    params["created_at_range_start"] = json_created_at_range_start

    json_created_at_range_end: str | Unset = UNSET
    if not isinstance(created_at_range_end, Unset):
        json_created_at_range_end = created_at_range_end.isoformat()
    params["created_at_range_end"] = json_created_at_range_end

    json_frequency: str | Unset = UNSET
    if not isinstance(frequency, Unset):
        json_frequency = frequency.value

    params["frequency"] = json_frequency

    params["service_type"] = service_type

    json_sold_by_user_id: str | Unset = UNSET
    if not isinstance(sold_by_user_id, Unset):
        json_sold_by_user_id = str(sold_by_user_id)
    params["sold_by_user_id"] = json_sold_by_user_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/service-plans",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ServicePlanListResponse | None:
    if response.status_code == 200:
        response_200 = ServicePlanListResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | ServicePlanListResponse]:
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
    created_at_range_start: datetime.datetime | Unset = UNSET,
    created_at_range_end: datetime.datetime | Unset = UNSET,
    frequency: ServiceFrequency | Unset = UNSET,
    service_type: str | Unset = UNSET,
    sold_by_user_id: UUID | Unset = UNSET,
    status: ServicePlanStatus | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[ErrorResponse | ServicePlanListResponse]:
    """List service plans

     Lists service plans (recurring service agreements), newest first (stated), one page at a time. Money
    is in
    dollars: `sale_value` is the contract's value over all its jobs, `total_received` what was paid net
    of
    refunds (stated).

    ASSUMPTION (A30): an empty `service_type` is rejected with 400, as every empty filter of the other
    lists.

    Args:
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        created_at_range_start (datetime.datetime | Unset):
        created_at_range_end (datetime.datetime | Unset):
        frequency (ServiceFrequency | Unset): How often a service plan's jobs recur (the
            `frequency` filter's values, stated).
        service_type (str | Unset):
        sold_by_user_id (UUID | Unset):
        status (ServicePlanStatus | Unset): A service plan's status, as the list filters it.
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ServicePlanListResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        page=page,
        created_at_range_start=created_at_range_start,
        created_at_range_end=created_at_range_end,
        frequency=frequency,
        service_type=service_type,
        sold_by_user_id=sold_by_user_id,
        status=status,
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
    created_at_range_start: datetime.datetime | Unset = UNSET,
    created_at_range_end: datetime.datetime | Unset = UNSET,
    frequency: ServiceFrequency | Unset = UNSET,
    service_type: str | Unset = UNSET,
    sold_by_user_id: UUID | Unset = UNSET,
    status: ServicePlanStatus | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> ErrorResponse | ServicePlanListResponse | None:
    """List service plans

     Lists service plans (recurring service agreements), newest first (stated), one page at a time. Money
    is in
    dollars: `sale_value` is the contract's value over all its jobs, `total_received` what was paid net
    of
    refunds (stated).

    ASSUMPTION (A30): an empty `service_type` is rejected with 400, as every empty filter of the other
    lists.

    Args:
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        created_at_range_start (datetime.datetime | Unset):
        created_at_range_end (datetime.datetime | Unset):
        frequency (ServiceFrequency | Unset): How often a service plan's jobs recur (the
            `frequency` filter's values, stated).
        service_type (str | Unset):
        sold_by_user_id (UUID | Unset):
        status (ServicePlanStatus | Unset): A service plan's status, as the list filters it.
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ServicePlanListResponse
    """

    return sync_detailed(
        client=client,
        limit=limit,
        page=page,
        created_at_range_start=created_at_range_start,
        created_at_range_end=created_at_range_end,
        frequency=frequency,
        service_type=service_type,
        sold_by_user_id=sold_by_user_id,
        status=status,
        rotor_api_version=rotor_api_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    created_at_range_start: datetime.datetime | Unset = UNSET,
    created_at_range_end: datetime.datetime | Unset = UNSET,
    frequency: ServiceFrequency | Unset = UNSET,
    service_type: str | Unset = UNSET,
    sold_by_user_id: UUID | Unset = UNSET,
    status: ServicePlanStatus | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[ErrorResponse | ServicePlanListResponse]:
    """List service plans

     Lists service plans (recurring service agreements), newest first (stated), one page at a time. Money
    is in
    dollars: `sale_value` is the contract's value over all its jobs, `total_received` what was paid net
    of
    refunds (stated).

    ASSUMPTION (A30): an empty `service_type` is rejected with 400, as every empty filter of the other
    lists.

    Args:
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        created_at_range_start (datetime.datetime | Unset):
        created_at_range_end (datetime.datetime | Unset):
        frequency (ServiceFrequency | Unset): How often a service plan's jobs recur (the
            `frequency` filter's values, stated).
        service_type (str | Unset):
        sold_by_user_id (UUID | Unset):
        status (ServicePlanStatus | Unset): A service plan's status, as the list filters it.
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ServicePlanListResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        page=page,
        created_at_range_start=created_at_range_start,
        created_at_range_end=created_at_range_end,
        frequency=frequency,
        service_type=service_type,
        sold_by_user_id=sold_by_user_id,
        status=status,
        rotor_api_version=rotor_api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    created_at_range_start: datetime.datetime | Unset = UNSET,
    created_at_range_end: datetime.datetime | Unset = UNSET,
    frequency: ServiceFrequency | Unset = UNSET,
    service_type: str | Unset = UNSET,
    sold_by_user_id: UUID | Unset = UNSET,
    status: ServicePlanStatus | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> ErrorResponse | ServicePlanListResponse | None:
    """List service plans

     Lists service plans (recurring service agreements), newest first (stated), one page at a time. Money
    is in
    dollars: `sale_value` is the contract's value over all its jobs, `total_received` what was paid net
    of
    refunds (stated).

    ASSUMPTION (A30): an empty `service_type` is rejected with 400, as every empty filter of the other
    lists.

    Args:
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        created_at_range_start (datetime.datetime | Unset):
        created_at_range_end (datetime.datetime | Unset):
        frequency (ServiceFrequency | Unset): How often a service plan's jobs recur (the
            `frequency` filter's values, stated).
        service_type (str | Unset):
        sold_by_user_id (UUID | Unset):
        status (ServicePlanStatus | Unset): A service plan's status, as the list filters it.
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ServicePlanListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            page=page,
            created_at_range_start=created_at_range_start,
            created_at_range_end=created_at_range_end,
            frequency=frequency,
            service_type=service_type,
            sold_by_user_id=sold_by_user_id,
            status=status,
            rotor_api_version=rotor_api_version,
        )
    ).parsed
