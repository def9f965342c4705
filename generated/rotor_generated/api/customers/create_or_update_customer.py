from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_upsert_params import CustomerUpsertParams
from ...models.customer_upsert_result import CustomerUpsertResult
from ...models.error_response import ErrorResponse
from ...models.rotor_api_version import RotorApiVersion
from ...types import Response


def _get_kwargs(
    *,
    body: CustomerUpsertParams,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["rotor-api-version"] = str(rotor_api_version)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/customers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerUpsertResult | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = CustomerUpsertResult.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CustomerUpsertResult.from_dict(response.json())

        return response_201

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
) -> Response[CustomerUpsertResult | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CustomerUpsertParams,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[CustomerUpsertResult | ErrorResponse]:
    """Create or update a customer

     Upserts a customer: (1) with `id`, that record is updated; (2) otherwise an existing record is
    looked up
    by phone first, then by email; (3) if nothing matches, a new record is created. On update, `tags`
    are
    merged with the existing tags, not replaced.

    ASSUMPTION (A5): 201 when created, 200 when updated; the customer page states no status, the leads
    twin states these two.

    Args:
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.
        body (CustomerUpsertParams): Create or update a customer. No field is required (stated).
            Address fields are flat here, while reads return a nested `address`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerUpsertResult | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        rotor_api_version=rotor_api_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CustomerUpsertParams,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> CustomerUpsertResult | ErrorResponse | None:
    """Create or update a customer

     Upserts a customer: (1) with `id`, that record is updated; (2) otherwise an existing record is
    looked up
    by phone first, then by email; (3) if nothing matches, a new record is created. On update, `tags`
    are
    merged with the existing tags, not replaced.

    ASSUMPTION (A5): 201 when created, 200 when updated; the customer page states no status, the leads
    twin states these two.

    Args:
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.
        body (CustomerUpsertParams): Create or update a customer. No field is required (stated).
            Address fields are flat here, while reads return a nested `address`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerUpsertResult | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        rotor_api_version=rotor_api_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CustomerUpsertParams,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[CustomerUpsertResult | ErrorResponse]:
    """Create or update a customer

     Upserts a customer: (1) with `id`, that record is updated; (2) otherwise an existing record is
    looked up
    by phone first, then by email; (3) if nothing matches, a new record is created. On update, `tags`
    are
    merged with the existing tags, not replaced.

    ASSUMPTION (A5): 201 when created, 200 when updated; the customer page states no status, the leads
    twin states these two.

    Args:
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.
        body (CustomerUpsertParams): Create or update a customer. No field is required (stated).
            Address fields are flat here, while reads return a nested `address`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerUpsertResult | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        rotor_api_version=rotor_api_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CustomerUpsertParams,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> CustomerUpsertResult | ErrorResponse | None:
    """Create or update a customer

     Upserts a customer: (1) with `id`, that record is updated; (2) otherwise an existing record is
    looked up
    by phone first, then by email; (3) if nothing matches, a new record is created. On update, `tags`
    are
    merged with the existing tags, not replaced.

    ASSUMPTION (A5): 201 when created, 200 when updated; the customer page states no status, the leads
    twin states these two.

    Args:
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.
        body (CustomerUpsertParams): Create or update a customer. No field is required (stated).
            Address fields are flat here, while reads return a nested `address`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerUpsertResult | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            rotor_api_version=rotor_api_version,
        )
    ).parsed
