"""Checking arguments before a request is spent (the key allows 1,000 requests a day).

Small checks that any resource composes: each returns the value as the generated builder takes it (UNSET for
"not given") or raises ``InvalidParameterError`` naming the parameter and what it accepts.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from rotor._decode import Malformed, decode_model
from rotor._exceptions import InvalidParameterError
from rotor_generated.types import UNSET, Unset

E = TypeVar("E", bound=enum.Enum)
P = TypeVar("P")
TagsArg = str | Iterable[str] | None
DateTimeArg = dt.datetime | dt.date | str | None
IdArg = uuid.UUID | str | None
MAX_CONCURRENCY = 32


def int_in(name: str, value: object, low: int, high: int) -> int:
    bound = f"between {low} and {high}"
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidParameterError(name, f"must be an integer {bound}, got {type(value).__name__} {value!r}")
    if not low <= value <= high:
        raise InvalidParameterError(name, f"must be {bound}, got {value}")
    return value


def boolean(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidParameterError(name, f"must be a bool, got {type(value).__name__}")
    return value


def flag(name: str, value: object) -> bool | Unset:
    """A boolean filter without a default: a bool, or None for "not given"."""
    return UNSET if value is None else boolean(name, value)


def optional_int(name: str, value: object, low: int | None, high: int | None) -> int | Unset:
    """An integer filter within the spec's bounds (either may be open); None means "not given"."""
    if value is None:
        return UNSET
    return int_in(name, value, -(2**63) if low is None else low, 2**63 - 1 if high is None else high)


def one_of(name: str, enum_type: type[E], value: E | str | None) -> E | Unset:
    """An enum filter: a member or its value; None means "not given"."""
    if value is None:
        return UNSET
    allowed = [m.value for m in enum_type]
    if isinstance(value, str) and value in allowed:
        return enum_type(value)
    raise InvalidParameterError(name, f"must be one of {allowed}, got {value!r}")


def text(name: str, value: object) -> str | Unset:
    """A free-text filter (search, stage): a non-empty string, or None for "not given"."""
    if value is None:
        return UNSET
    if not isinstance(value, str) or not value:
        raise InvalidParameterError(name, f"must be a non-empty string, got {value!r}")
    return value


def comma_list(name: str, value: TagsArg) -> str | Unset:
    """A list of strings (tags) or one comma-separated string of them, sent comma-separated."""
    if value is None:
        return UNSET
    items = value.split(",") if isinstance(value, str) else list(value)
    for item in items:
        if not isinstance(item, str) or not item.strip() or "," in item:
            raise InvalidParameterError(name, f"each item must be a non-empty string without commas, got {item!r}")
    if not items:
        raise InvalidParameterError(name, "must name at least one item")
    return ",".join(item.strip() for item in items)


def date_filter(name: str, value: object) -> dt.date | dt.datetime:
    """A date or an aware date-time, from the object or its ISO 8601 string; a naive one is refused: the API
    documents no time zone, so a datetime without one could mean any instant (ASSUMPTION A29 in the spec)."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value)
        except ValueError:
            raise InvalidParameterError(name, f"must be an ISO 8601 date or date-time, got {value!r}") from None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidParameterError(
                name, f"must carry a time zone (the API documents none to assume), got naive {value.isoformat()}"
            )
        return value
    if isinstance(value, dt.date):
        return value
    raise InvalidParameterError(name, f"must be a datetime, a date or an ISO 8601 string, got {type(value).__name__}")


def datetime_filter(name: str, value: DateTimeArg, *, end: bool = False) -> dt.datetime | Unset:
    """One end of an inclusive date-time range, as the builder sends it; None means "not given". A date stands for
    that whole UTC day: its first instant as a start, its last as an ``end``."""
    if value is None:
        return UNSET
    checked = date_filter(name, value)
    if isinstance(checked, dt.datetime):
        return checked
    return dt.datetime.combine(checked, dt.time.max if end else dt.time.min, tzinfo=dt.UTC)


def uuid_filter(name: str, value: IdArg) -> uuid.UUID | Unset:
    """A filter by id that the API types as a UUID: a ``uuid.UUID`` or its string; None means "not given"."""
    if value is None:
        return UNSET
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        try:
            return uuid.UUID(value)
        except ValueError:
            pass
    raise InvalidParameterError(name, f"must be a UUID, got {value!r}")


def concurrency(value: object) -> int:
    """Pages fetched at once: at least 1, and bounded so one export cannot flood a shared API."""
    return int_in("concurrency", value, 1, MAX_CONCURRENCY)


def record_id(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidParameterError("id", f"must be a non-empty string, got {value!r}")
    if value in (".", ".."):
        # URL paths resolve dot segments: "." would fetch the list instead of a record, ".." the API root.
        raise InvalidParameterError("id", f"{value!r} cannot be sent as a path segment")
    return value


def upsert_params(model: type[P], params: P | Mapping[str, Any] | None, fields: Mapping[str, Any]) -> P:
    """The body of an upsert, as the request model ``model``: from a model, a mapping and/or keywords, with
    unknown field names and values of the wrong type refused."""
    if isinstance(params, model):
        data = params.to_dict()  # type: ignore[attr-defined]
    elif params is None:
        data = {}
    elif isinstance(params, Mapping):
        data = dict(params)
    else:
        expected = f"{model.__name__} or a mapping"
        raise InvalidParameterError("params", f"must be {expected}, got {type(params).__name__}")
    data.update(fields)
    known = {a.name for a in attrs.fields(model)} - {"additional_properties"}  # type: ignore[arg-type]
    unknown = sorted(set(data) - known)
    if unknown:
        raise InvalidParameterError(
            unknown[0], f"is not a field of {model.__name__} (known: {', '.join(sorted(known))})"
        )
    for name, value in data.items():
        if isinstance(value, enum.Enum):
            data[name] = value.value
    if "id" in data and not isinstance(data["id"], str):
        data["id"] = str(data["id"])
    try:
        return decode_model(model, data, strict=True)
    except Malformed as exc:
        field = exc.where.split(".")[1] if "." in exc.where else exc.where
        raise InvalidParameterError(field, f"expected {exc.expected}, got {exc.got}") from None
