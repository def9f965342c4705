from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.pin_list_response import PinListResponse
from ...models.rotor_api_version import RotorApiVersion
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    pin_type_id: UUID | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["rotor-api-version"] = str(rotor_api_version)

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["page"] = page

    json_pin_type_id: str | Unset = UNSET
    if not isinstance(pin_type_id, Unset):
        json_pin_type_id = str(pin_type_id)
    params["pin_type_id"] = json_pin_type_id

    json_user_id: str | Unset = UNSET
    if not isinstance(user_id, Unset):
        json_user_id = str(user_id)
    params["user_id"] = json_user_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/pins",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | PinListResponse | None:
    if response.status_code == 200:
        response_200 = PinListResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | PinListResponse]:
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
    pin_type_id: UUID | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[ErrorResponse | PinListResponse]:
    """List pins

     Lists map pins, newest first (stated), one page at a time. A pin marks a place on the map with a pin
    type
    and the user who dropped it; unlike every other record of the API, each field of a pin is required
    (stated).

    Args:
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        pin_type_id (UUID | Unset):
        user_id (UUID | Unset):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PinListResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        page=page,
        pin_type_id=pin_type_id,
        user_id=user_id,
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
    pin_type_id: UUID | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> ErrorResponse | PinListResponse | None:
    """List pins

     Lists map pins, newest first (stated), one page at a time. A pin marks a place on the map with a pin
    type
    and the user who dropped it; unlike every other record of the API, each field of a pin is required
    (stated).

    Args:
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        pin_type_id (UUID | Unset):
        user_id (UUID | Unset):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PinListResponse
    """

    return sync_detailed(
        client=client,
        limit=limit,
        page=page,
        pin_type_id=pin_type_id,
        user_id=user_id,
        rotor_api_version=rotor_api_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    pin_type_id: UUID | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[ErrorResponse | PinListResponse]:
    """List pins

     Lists map pins, newest first (stated), one page at a time. A pin marks a place on the map with a pin
    type
    and the user who dropped it; unlike every other record of the API, each field of a pin is required
    (stated).

    Args:
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        pin_type_id (UUID | Unset):
        user_id (UUID | Unset):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PinListResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        page=page,
        pin_type_id=pin_type_id,
        user_id=user_id,
        rotor_api_version=rotor_api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    page: int | Unset = 1,
    pin_type_id: UUID | Unset = UNSET,
    user_id: UUID | Unset = UNSET,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> ErrorResponse | PinListResponse | None:
    """List pins

     Lists map pins, newest first (stated), one page at a time. A pin marks a place on the map with a pin
    type
    and the user who dropped it; unlike every other record of the API, each field of a pin is required
    (stated).

    Args:
        limit (int | Unset):  Default: 50.
        page (int | Unset):  Default: 1.
        pin_type_id (UUID | Unset):
        user_id (UUID | Unset):
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PinListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            page=page,
            pin_type_id=pin_type_id,
            user_id=user_id,
            rotor_api_version=rotor_api_version,
        )
    ).parsed
