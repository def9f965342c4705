from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.lead_response import LeadResponse
from ...models.rotor_api_version import RotorApiVersion
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["rotor-api-version"] = str(rotor_api_version)

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/leads/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | LeadResponse | None:
    if response.status_code == 200:
        response_200 = LeadResponse.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
) -> Response[ErrorResponse | LeadResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[ErrorResponse | LeadResponse]:
    """Get a lead by ID

    Args:
        id (str):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LeadResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        rotor_api_version=rotor_api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> ErrorResponse | LeadResponse | None:
    """Get a lead by ID

    Args:
        id (str):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LeadResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        rotor_api_version=rotor_api_version,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[ErrorResponse | LeadResponse]:
    """Get a lead by ID

    Args:
        id (str):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LeadResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        rotor_api_version=rotor_api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> ErrorResponse | LeadResponse | None:
    """Get a lead by ID

    Args:
        id (str):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LeadResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            rotor_api_version=rotor_api_version,
        )
    ).parsed
