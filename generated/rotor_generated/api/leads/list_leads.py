from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.lead_list_response import LeadListResponse
from ...models.rotor_api_version import RotorApiVersion
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    archived: bool | Unset = False,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    tags: str | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["rotor-api-version"] = str(rotor_api_version)

    params: dict[str, Any] = {}

    params["archived"] = archived

    params["limit"] = limit

    params["page"] = page

    params["search"] = search

    params["stage"] = stage

    params["tags"] = tags

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/leads",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | LeadListResponse | None:
    if response.status_code == 200:
        response_200 = LeadListResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | LeadListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    archived: bool | Unset = False,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    tags: str | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[ErrorResponse | LeadListResponse]:
    """List leads

     Lists leads matching the filters, newest first (stated), one page at a time.

    ASSUMPTION (A21): an empty `search`, `stage` or `tags` is rejected with 400, as we assume for the
    customer
    list (the docs do not say what an empty filter does).

    Args:
        archived (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        search (str | Unset):
        stage (str | Unset):
        tags (str | Unset):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LeadListResponse]
    """

    kwargs = _get_kwargs(
        archived=archived,
        limit=limit,
        page=page,
        search=search,
        stage=stage,
        tags=tags,
        rotor_api_version=rotor_api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    archived: bool | Unset = False,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    tags: str | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> ErrorResponse | LeadListResponse | None:
    """List leads

     Lists leads matching the filters, newest first (stated), one page at a time.

    ASSUMPTION (A21): an empty `search`, `stage` or `tags` is rejected with 400, as we assume for the
    customer
    list (the docs do not say what an empty filter does).

    Args:
        archived (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        search (str | Unset):
        stage (str | Unset):
        tags (str | Unset):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LeadListResponse
    """

    return sync_detailed(
        client=client,
        archived=archived,
        limit=limit,
        page=page,
        search=search,
        stage=stage,
        tags=tags,
        rotor_api_version=rotor_api_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    archived: bool | Unset = False,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    tags: str | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[ErrorResponse | LeadListResponse]:
    """List leads

     Lists leads matching the filters, newest first (stated), one page at a time.

    ASSUMPTION (A21): an empty `search`, `stage` or `tags` is rejected with 400, as we assume for the
    customer
    list (the docs do not say what an empty filter does).

    Args:
        archived (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        search (str | Unset):
        stage (str | Unset):
        tags (str | Unset):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LeadListResponse]
    """

    kwargs = _get_kwargs(
        archived=archived,
        limit=limit,
        page=page,
        search=search,
        stage=stage,
        tags=tags,
        rotor_api_version=rotor_api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    archived: bool | Unset = False,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    stage: str | Unset = UNSET,
    tags: str | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> ErrorResponse | LeadListResponse | None:
    """List leads

     Lists leads matching the filters, newest first (stated), one page at a time.

    ASSUMPTION (A21): an empty `search`, `stage` or `tags` is rejected with 400, as we assume for the
    customer
    list (the docs do not say what an empty filter does).

    Args:
        archived (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        search (str | Unset):
        stage (str | Unset):
        tags (str | Unset):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LeadListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            archived=archived,
            limit=limit,
            page=page,
            search=search,
            stage=stage,
            tags=tags,
            rotor_api_version=rotor_api_version,
        )
    ).parsed
