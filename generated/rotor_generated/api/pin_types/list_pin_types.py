from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.pin_type_list_response import PinTypeListResponse
from ...models.rotor_api_version import RotorApiVersion
from ...types import Response


def _get_kwargs(
    *,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["rotor-api-version"] = str(rotor_api_version)

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/pin-types",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | PinTypeListResponse | None:
    if response.status_code == 200:
        response_200 = PinTypeListResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | PinTypeListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[ErrorResponse | PinTypeListResponse]:
    """List pin types

     Lists every pin type of the company (stated): not paginated, no query parameters besides the version
    header.

    ASSUMPTION (A28): the pin types come in the same order on every call; the docs state none.

    Args:
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PinTypeListResponse]
    """

    kwargs = _get_kwargs(
        rotor_api_version=rotor_api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> ErrorResponse | PinTypeListResponse | None:
    """List pin types

     Lists every pin type of the company (stated): not paginated, no query parameters besides the version
    header.

    ASSUMPTION (A28): the pin types come in the same order on every call; the docs state none.

    Args:
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PinTypeListResponse
    """

    return sync_detailed(
        client=client,
        rotor_api_version=rotor_api_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[ErrorResponse | PinTypeListResponse]:
    """List pin types

     Lists every pin type of the company (stated): not paginated, no query parameters besides the version
    header.

    ASSUMPTION (A28): the pin types come in the same order on every call; the docs state none.

    Args:
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PinTypeListResponse]
    """

    kwargs = _get_kwargs(
        rotor_api_version=rotor_api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> ErrorResponse | PinTypeListResponse | None:
    """List pin types

     Lists every pin type of the company (stated): not paginated, no query parameters besides the version
    header.

    ASSUMPTION (A28): the pin types come in the same order on every call; the docs state none.

    Args:
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PinTypeListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            rotor_api_version=rotor_api_version,
        )
    ).parsed
