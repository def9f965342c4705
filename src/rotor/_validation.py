"""Checking arguments before a request is spent (the key allows 1,000 requests a day)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from rotor import _constants
from rotor._decode import Malformed, decode_model
from rotor._exceptions import InvalidParameterError
from rotor_generated.models import CustomerStatus, CustomerUpsertParams
from rotor_generated.types import UNSET, Unset

StatusArg = CustomerStatus | str | None
TagsArg = str | Iterable[str] | None


def _int_in(name: str, value: object, low: int, high: int) -> int:
    bound = f"between {low} and {high}"
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidParameterError(name, f"must be an integer {bound}, got {type(value).__name__} {value!r}")
    if not low <= value <= high:
        raise InvalidParameterError(name, f"must be {bound}, got {value}")
    return value


def _status(value: StatusArg) -> CustomerStatus | Unset:
    if value is None:
        return UNSET
    allowed = [m.value for m in CustomerStatus]
    if isinstance(value, str) and value in allowed:
        return CustomerStatus(value)
    raise InvalidParameterError("status", f"must be one of {allowed}, got {value!r}")


def _tags(value: TagsArg) -> str | Unset:
    if value is None:
        return UNSET
    tags = value.split(",") if isinstance(value, str) else list(value)
    for tag in tags:
        if not isinstance(tag, str) or not tag.strip() or "," in tag:
            raise InvalidParameterError("tags", f"each tag must be a non-empty string without commas, got {tag!r}")
    if not tags:
        raise InvalidParameterError("tags", "must name at least one tag")
    return ",".join(tag.strip() for tag in tags)


@attrs.frozen
class ListQuery:
    """A validated customer-list query; ``to_kwargs()`` feeds the generated request builder."""

    archived: bool
    limit: int
    page: int
    search: str | Unset
    status: CustomerStatus | Unset
    tags: str | Unset

    def to_kwargs(self) -> dict[str, Any]:
        return attrs.asdict(self, recurse=False)

    def at_page(self, page: int) -> ListQuery:
        return attrs.evolve(self, page=page)


def list_query(
    *,
    archived: bool,
    limit: int | None,
    page: int,
    search: str | None,
    status: StatusArg,
    tags: TagsArg,
) -> ListQuery:
    if not isinstance(archived, bool):
        raise InvalidParameterError("archived", f"must be a bool, got {type(archived).__name__}")
    if search is not None and (not isinstance(search, str) or not search):
        raise InvalidParameterError("search", f"must be a non-empty string, got {search!r}")
    return ListQuery(
        archived=archived,
        # No limit given: the largest page, so a full iteration costs ceil(total / 1000) requests.
        limit=_constants.MAX_LIMIT
        if limit is None
        else _int_in("limit", limit, _constants.MIN_LIMIT, _constants.MAX_LIMIT),
        page=_int_in("page", page, _constants.MIN_PAGE, _constants.MAX_PAGE),
        search=UNSET if search is None else search,
        status=_status(status),
        tags=_tags(tags),
    )


MAX_CONCURRENCY = 32


def concurrency(value: object) -> int:
    """Pages fetched at once: at least 1, and bounded so one export cannot flood a shared API."""
    return _int_in("concurrency", value, 1, MAX_CONCURRENCY)


def customer_id(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidParameterError("id", f"must be a non-empty string, got {value!r}")
    return value


def upsert_params(
    params: CustomerUpsertParams | Mapping[str, Any] | None, fields: Mapping[str, Any]
) -> CustomerUpsertParams:
    if isinstance(params, CustomerUpsertParams):
        data = params.to_dict()
    elif params is None:
        data = {}
    elif isinstance(params, Mapping):
        data = dict(params)
    else:
        raise InvalidParameterError("params", f"must be CustomerUpsertParams or a mapping, got {type(params).__name__}")
    data.update(fields)
    known = {a.name for a in attrs.fields(CustomerUpsertParams)} - {"additional_properties"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InvalidParameterError(unknown[0], f"is not a customer field (known: {', '.join(sorted(known))})")
    if "status" in data and isinstance(data["status"], CustomerStatus):
        data["status"] = data["status"].value
    if "id" in data and not isinstance(data["id"], str):
        data["id"] = str(data["id"])
    try:
        return decode_model(CustomerUpsertParams, data, strict=True)
    except Malformed as exc:
        field = exc.where.split(".")[1] if "." in exc.where else exc.where
        raise InvalidParameterError(field, f"expected {exc.expected}, got {exc.got}") from None
