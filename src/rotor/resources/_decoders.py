"""Response decoders per operation: the model each success body is, and what is required of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs

from rotor._decode import Malformed
from rotor_generated.models import (
    AuthTestResponse,
    Customer,
    CustomerListResponse,
    CustomerResponse,
    CustomerUpsertResult,
    Pagination,
)

M = TypeVar("M")
R = TypeVar("R")


@attrs.frozen
class Decoder(Generic[M, R]):
    """``model`` is what the body decodes to; ``finish`` turns it into what the method returns."""

    model: type[M]
    finish: Callable[[M], R]


def _page(envelope: CustomerListResponse) -> tuple[list[Customer], Pagination]:
    data = [] if envelope.data is None else envelope.data
    pagination = Pagination() if envelope.pagination is None else envelope.pagination
    return data, pagination


def _customer(envelope: CustomerResponse) -> Customer:
    if envelope.data is None:
        raise Malformed("CustomerResponse.data", None, "a customer", got="nothing")
    return envelope.data


def _same(model: Any) -> Any:
    return model


page: Decoder[CustomerListResponse, tuple[list[Customer], Pagination]] = Decoder(CustomerListResponse, _page)
customer: Decoder[CustomerResponse, Customer] = Decoder(CustomerResponse, _customer)
upsert_result: Decoder[CustomerUpsertResult, CustomerUpsertResult] = Decoder(CustomerUpsertResult, _same)
auth_test: Decoder[AuthTestResponse, AuthTestResponse] = Decoder(AuthTestResponse, _same)
