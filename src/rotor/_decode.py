"""Turning response bytes into the generated models, tolerantly where it is safe and strictly where it is not.

The generated ``from_dict`` accepts wrong scalar types silently and raises KeyError/TypeError/ValueError on the
rest, losing a whole page to one odd record. This decoder builds the same generated attrs classes, driven by
their own type hints (so it follows regeneration without edits), with one rule:

* A field whose value does not fit its declared type is left UNSET on the model and its raw value is kept in
  ``additional_properties`` under its JSON name, so ``customer["created_at"]`` still returns it and
  ``to_dict()`` round-trips it. The record, and the page, survive.
* Envelopes and pagination are strict (``STRICT``): their fields steer the SDK, so a misfit there raises
  ``Malformed``, which the client turns into ``APIResponseValidationError``.

Unknown enum values need no special case: the client is generated from a tolerant copy of the spec in which
response enums are typed ``Enum | str`` (see devtools/tolerant.py).
"""

from __future__ import annotations

import datetime
import enum
import types
import typing
import uuid
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, Union

import attrs
import orjson

import rotor_generated.models as _models
from rotor_generated.models import CustomerListResponse, CustomerResponse, ErrorResponse, Pagination
from rotor_generated.types import UNSET, Unset

T = TypeVar("T")
Converter = Callable[[Any], Any]


class Malformed(Exception):
    """A value does not fit the type the generated model declares for it."""

    def __init__(self, where: str, value: object, expected: str, got: str | None = None) -> None:
        self.where = where
        self.expected = expected
        self.got = got or type(value).__name__
        super().__init__(f"{where or 'value'}: expected {expected}, got {self.got}")


# Models whose every field must decode: they drive pagination and error handling.
STRICT: frozenset[type] = frozenset({CustomerListResponse, CustomerResponse, Pagination, ErrorResponse})


def loads(content: bytes) -> Any:
    """Parse JSON bytes; raises ``orjson.JSONDecodeError`` (a ValueError) on bad input."""
    return orjson.loads(content)


def json_name(attr_name: str) -> str:
    """The JSON key of a generated attribute (the generator appends ``_`` to names like ``zip``)."""
    return attr_name[:-1] if attr_name.endswith("_") else attr_name


def _scalar(tp: type, label: str) -> Converter:
    def convert(value: Any) -> Any:
        # bool is an int subclass; JSON true must not pass as a number, nor 1 as a boolean.
        if isinstance(value, tp) and (tp is bool or not isinstance(value, bool)):
            return value
        raise Malformed("", value, label)

    return convert


def _number(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    raise Malformed("", value, "number")


def _none(value: Any) -> Any:
    if value is None:
        return None
    raise Malformed("", value, "null")


def _datetime(value: Any) -> datetime.datetime:
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            pass
    raise Malformed("", value, "ISO 8601 date-time")


def _uuid(value: Any) -> uuid.UUID:
    if isinstance(value, str):
        try:
            return uuid.UUID(value)
        except ValueError:
            pass
    raise Malformed("", value, "UUID")


def _enum(tp: type[enum.Enum]) -> Converter:
    members = {m.value: m for m in tp}

    def convert(value: Any) -> Any:
        if isinstance(value, str) and value in members:
            return members[value]
        raise Malformed("", value, f"one of {sorted(members)}")

    return convert


def _list(item: Converter) -> Converter:
    def convert(value: Any) -> Any:
        if not isinstance(value, list):
            raise Malformed("", value, "array")
        return [item(v) for v in value]

    return convert


def _union(options: list[Converter]) -> Converter:
    def convert(value: Any) -> Any:
        last: Malformed | None = None
        for option in options:
            try:
                return option(value)
            except Malformed as exc:
                last = exc
        assert last is not None
        raise last

    return convert


def _rank(tp: Any) -> int:
    # Try specific types before general ones: "active" must become CustomerStatus.ACTIVE, not stay a str.
    if isinstance(tp, type) and (issubclass(tp, enum.Enum) or attrs.has(tp)):
        return 0
    if tp in (datetime.datetime, uuid.UUID):
        return 1
    return 2


def converter(tp: Any) -> Converter:
    """A function that checks (and where needed converts) a JSON value for the annotation ``tp``."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        members = sorted((a for a in typing.get_args(tp) if a is not Unset), key=_rank)
        return _union([converter(a) for a in members])
    if origin is list:
        return _list(converter(typing.get_args(tp)[0]))
    if origin is dict or tp is Any:
        return lambda value: value
    if tp is type(None):
        return _none
    if tp is datetime.datetime:
        return _datetime
    if tp is uuid.UUID:
        return _uuid
    if tp is float:
        return _number
    if tp in (str, bool, int):
        return _scalar(tp, tp.__name__)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum(tp)
    if isinstance(tp, type) and attrs.has(tp):
        return lambda value: decode_model(tp, value)
    raise TypeError(f"no converter for {tp!r}")  # a new generator feature: fail loudly in tests, not silently


@attrs.frozen
class _Field:
    attr: str
    key: str
    convert: Converter
    required: bool


@cache
def _plan(cls: type) -> tuple[_Field, ...]:
    hints = typing.get_type_hints(cls, localns=vars(_models))
    return tuple(
        _Field(f.name, json_name(f.name), converter(hints[f.name]), f.default is attrs.NOTHING)
        for f in attrs.fields(cls)
        if f.name != "additional_properties"
    )


@cache
def _known_keys(cls: type) -> frozenset[str]:
    return frozenset(f.key for f in _plan(cls))


def decode_model(cls: type[T], data: Any, *, strict: bool | None = None) -> T:
    """Build the generated model ``cls`` from a parsed JSON value (see the module docstring for the rules).

    ``strict=True`` makes every field of this model (not nested ones) fit or raise; used to check arguments.
    """
    name = cls.__name__
    model_type: type = cls  # the caches key on the class
    if not isinstance(data, dict):
        raise Malformed(name, data, "object")
    if strict is None:
        strict = cls in STRICT
    values: dict[str, Any] = {}
    kept: dict[str, Any] = {}
    for field in _plan(model_type):
        if field.key not in data:
            if field.required:
                raise Malformed(f"{name}.{field.key}", UNSET, "a value (required)")
            continue
        raw = data[field.key]
        try:
            values[field.attr] = field.convert(raw)
        except Malformed as exc:
            if strict or field.required:
                path = f"{name}.{field.key}" + (f".{exc.where}" if exc.where else "")
                raise Malformed(path, raw, exc.expected, exc.got) from None
            kept[field.key] = raw
    model = cls(**values)
    known = _known_keys(model_type)
    kept.update((k, v) for k, v in data.items() if k not in known)
    model.additional_properties = kept  # type: ignore[attr-defined]
    return model
