"""Response decoders per operation: the shape of each success body, and what is required of it."""

from __future__ import annotations

from typing import Any

from rotor._decode import Malformed, decode_model
from rotor_generated.models import (
    AuthTestResponse,
    Customer,
    CustomerListResponse,
    CustomerResponse,
    CustomerUpsertResult,
    Pagination,
)
from rotor_generated.types import Unset


def page(body: Any) -> tuple[list[Customer], Pagination]:
    envelope = decode_model(CustomerListResponse, body)
    data = [] if isinstance(envelope.data, Unset) else envelope.data
    pagination = Pagination() if isinstance(envelope.pagination, Unset) else envelope.pagination
    return data, pagination


def customer(body: Any) -> Customer:
    envelope = decode_model(CustomerResponse, body)
    if isinstance(envelope.data, Unset):
        raise Malformed("CustomerResponse.data", None, "a customer", got="nothing")
    return envelope.data


def upsert_result(body: Any) -> CustomerUpsertResult:
    return decode_model(CustomerUpsertResult, body)


def auth_test(body: Any) -> AuthTestResponse:
    return decode_model(AuthTestResponse, body)
