from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.lead_upsert_params import LeadUpsertParams
from ...models.lead_upsert_result import LeadUpsertResult
from ...models.rotor_api_version import RotorApiVersion
from ...types import Response


def _get_kwargs(
    *,
    body: LeadUpsertParams,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["rotor-api-version"] = str(rotor_api_version)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/leads",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | LeadUpsertResult | None:
    if response.status_code == 200:
        response_200 = LeadUpsertResult.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = LeadUpsertResult.from_dict(response.json())

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
) -> Response[ErrorResponse | LeadUpsertResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: LeadUpsertParams,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[ErrorResponse | LeadUpsertResult]:
    """Create or update a lead

     Upserts a lead by the same rules as customers (stated): (1) with `id`, that lead is updated; (2)
    otherwise
    an existing lead is looked up by phone first, then by email; (3) if nothing matches, a new lead is
    created. On update, `tags` are merged with the existing tags. Answers 201 when it created the lead
    and 200
    when it updated one (stated on this page).

    The request and the lead name two things differently (stated): the request's `address_*` and
    `source`
    are the lead's `property_*` and `lead_source`.

    ASSUMPTION (A23): the error statuses are those of the customer upsert (validation, 401, 403, 429,
    500);
    our record of this page has no error examples.

    Args:
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.
        body (LeadUpsertParams): Create or update a lead. No field is required (stated).
            `address_*` become the lead's `property_*`, and `source` its `lead_source`. Third-party
            code caps `service_type` at 100 and `notes` at 2,000 characters, calling it Rotor's limit;
            that is hearsay, so no length is enforced here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LeadUpsertResult]
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
    body: LeadUpsertParams,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> ErrorResponse | LeadUpsertResult | None:
    """Create or update a lead

     Upserts a lead by the same rules as customers (stated): (1) with `id`, that lead is updated; (2)
    otherwise
    an existing lead is looked up by phone first, then by email; (3) if nothing matches, a new lead is
    created. On update, `tags` are merged with the existing tags. Answers 201 when it created the lead
    and 200
    when it updated one (stated on this page).

    The request and the lead name two things differently (stated): the request's `address_*` and
    `source`
    are the lead's `property_*` and `lead_source`.

    ASSUMPTION (A23): the error statuses are those of the customer upsert (validation, 401, 403, 429,
    500);
    our record of this page has no error examples.

    Args:
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.
        body (LeadUpsertParams): Create or update a lead. No field is required (stated).
            `address_*` become the lead's `property_*`, and `source` its `lead_source`. Third-party
            code caps `service_type` at 100 and `notes` at 2,000 characters, calling it Rotor's limit;
            that is hearsay, so no length is enforced here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LeadUpsertResult
    """

    return sync_detailed(
        client=client,
        body=body,
        rotor_api_version=rotor_api_version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: LeadUpsertParams,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> Response[ErrorResponse | LeadUpsertResult]:
    """Create or update a lead

     Upserts a lead by the same rules as customers (stated): (1) with `id`, that lead is updated; (2)
    otherwise
    an existing lead is looked up by phone first, then by email; (3) if nothing matches, a new lead is
    created. On update, `tags` are merged with the existing tags. Answers 201 when it created the lead
    and 200
    when it updated one (stated on this page).

    The request and the lead name two things differently (stated): the request's `address_*` and
    `source`
    are the lead's `property_*` and `lead_source`.

    ASSUMPTION (A23): the error statuses are those of the customer upsert (validation, 401, 403, 429,
    500);
    our record of this page has no error examples.

    Args:
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.
        body (LeadUpsertParams): Create or update a lead. No field is required (stated).
            `address_*` become the lead's `property_*`, and `source` its `lead_source`. Third-party
            code caps `service_type` at 100 and `notes` at 2,000 characters, calling it Rotor's limit;
            that is hearsay, so no length is enforced here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LeadUpsertResult]
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
    body: LeadUpsertParams,
    rotor_api_version: RotorApiVersion = RotorApiVersion.V1_1_0,
) -> ErrorResponse | LeadUpsertResult | None:
    """Create or update a lead

     Upserts a lead by the same rules as customers (stated): (1) with `id`, that lead is updated; (2)
    otherwise
    an existing lead is looked up by phone first, then by email; (3) if nothing matches, a new lead is
    created. On update, `tags` are merged with the existing tags. Answers 201 when it created the lead
    and 200
    when it updated one (stated on this page).

    The request and the lead name two things differently (stated): the request's `address_*` and
    `source`
    are the lead's `property_*` and `lead_source`.

    ASSUMPTION (A23): the error statuses are those of the customer upsert (validation, 401, 403, 429,
    500);
    our record of this page has no error examples.

    Args:
        rotor_api_version (RotorApiVersion):  Default: RotorApiVersion.V1_1_0.
        body (LeadUpsertParams): Create or update a lead. No field is required (stated).
            `address_*` become the lead's `property_*`, and `source` its `lead_source`. Third-party
            code caps `service_type` at 100 and `notes` at 2,000 characters, calling it Rotor's limit;
            that is hearsay, so no length is enforced here.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LeadUpsertResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            rotor_api_version=rotor_api_version,
        )
    ).parsed
