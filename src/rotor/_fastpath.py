"""The fast path for well-formed responses (nearly all of them).

msgspec parses the bytes and checks every type in C, into mirror Structs derived from the generated models' own
type hints; a converter compiled per model (as in ``_decode``) then builds the very same generated attrs objects.
The mirrors are strict: an unknown field, a value of another type, or a date that does not parse makes the fast
path decline (``None``), and the caller falls back to the tolerant decoder in ``_decode``, which keeps such values.
On data the mirrors accept, both paths give equal models (tests/sdk/test_decode.py holds them to it).
"""

from __future__ import annotations

import datetime
import enum
import types
import typing
import uuid
from collections.abc import Callable
from typing import Any, TypeVar, Union

import attrs
import msgspec

import rotor_generated.models as _models
from rotor._decode import absent_value, json_name
from rotor_generated.types import UNSET, Unset

T = TypeVar("T")


class _Decline(Exception):
    """The fast path cannot build this value exactly as the tolerant decoder would."""


def _members(tp: Any) -> list[Any]:
    args = typing.get_args(tp) if typing.get_origin(tp) in (Union, types.UnionType) else (tp,)
    return [a for a in args if a is not Unset]


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


class _Builder:
    """Mirror Structs and converters for a family of generated models, built once per model."""

    def __init__(self) -> None:
        self.mirrors: dict[type, type] = {}
        self.converters: dict[type, Callable[[Any], Any]] = {}

    def mirror_type(self, tp: Any) -> Any:
        wire: list[Any] = []
        for member in _members(tp):
            if member in (datetime.datetime, datetime.date, uuid.UUID) or _is_enum(member):
                mapped: Any = str  # parsed in Python, exactly as the generated code does
            elif member is float:
                mapped = int | float  # keep JSON integers as ints, as the generated code does
            elif typing.get_origin(member) is list:
                mapped = list[self.mirror_type(typing.get_args(member)[0])]  # type: ignore[misc]
            elif isinstance(member, type) and attrs.has(member):
                mapped = self.mirror(member)
            else:
                mapped = member
            if mapped not in wire:
                wire.append(mapped)
        result = wire[0]
        for extra in wire[1:]:
            result = result | extra
        return result

    def mirror(self, cls: type) -> type:
        if cls not in self.mirrors:
            hints = typing.get_type_hints(cls, localns=vars(_models))
            fields: list[tuple[str, Any, Any]] = []
            for field in attrs.fields(cls):
                if field.name == "additional_properties":
                    continue
                tp = self.mirror_type(hints[field.name])
                name = json_name(field.name)
                if field.default is attrs.NOTHING:
                    fields.append((field.name, tp, msgspec.field(name=name)))
                elif absent_value(hints[field.name]) is None:
                    # A response model: msgspec itself fills in None for an absent field, so no absent check runs.
                    fields.append((field.name, tp, msgspec.field(name=name, default=None)))
                else:
                    fields.append((field.name, tp | msgspec.UnsetType, msgspec.field(name=name, default=msgspec.UNSET)))
            self.mirrors[cls] = msgspec.defstruct(
                f"_Wire{cls.__name__}", fields, kw_only=True, forbid_unknown_fields=True
            )
        return self.mirrors[cls]

    def value_code(self, tp: Any, ns: dict[str, Any], var: str = "v") -> str:
        """An expression turning the wire value ``var`` into the model's value for annotation ``tp``."""
        members = _members(tp)
        nullable = type(None) in members
        rest = [m for m in members if m is not type(None)]
        enums = [m for m in rest if _is_enum(m)]
        if enums:
            table = f"_E{len(ns)}"
            ns[table] = {m.value: m for m in enums[0]}
            # Enum | str: unknown values stay strings. A bare enum: an unknown value declines.
            code = f"{table}.get({var}, {var})" if str in rest else f"_known({table}, {var})"
        elif rest == [datetime.datetime]:
            code = f"_fromisoformat({var})"
        elif rest == [datetime.date]:
            code = f"_date_fromisoformat({var})"
        elif rest == [uuid.UUID]:
            code = f"_UUID({var})"
        elif len(rest) == 1 and isinstance(rest[0], type) and attrs.has(rest[0]):
            name = f"_C{len(ns)}"
            ns[name] = self.converter(rest[0])
            code = f"{name}({var})"
        elif len(rest) == 1 and typing.get_origin(rest[0]) is list:
            item = typing.get_args(rest[0])[0]
            inner = self.value_code(item, ns, "x")
            code = var if inner == "x" else f"[{inner} for x in {var}]"
        else:
            code = var  # str, bool, int, float, or unions of them: msgspec already checked the type
        return code if not nullable or code == var else f"(None if {var} is None else {code})"

    def converter(self, cls: type) -> Callable[[Any], Any]:
        if cls not in self.converters:
            self.converters[cls] = lambda wire: self.converters[cls](wire)  # placeholder for recursive models
            hints = typing.get_type_hints(cls, localns=vars(_models))
            ns: dict[str, Any] = {"cls": cls, "new": object.__new__, "UNSET": UNSET, "WIRE_UNSET": msgspec.UNSET,
                                  "_fromisoformat": datetime.datetime.fromisoformat, "_UUID": uuid.UUID,
                                  "_date_fromisoformat": datetime.date.fromisoformat,
                                  "_known": _known}  # fmt: skip
            lines = ["def convert(s):", "    o = new(cls)"]
            for field in attrs.fields(cls):
                if field.name == "additional_properties":
                    continue
                value = self.value_code(hints[field.name], ns)
                # A response model's absent field already arrives as None, which ``value`` passes through.
                if field.default is attrs.NOTHING or absent_value(hints[field.name]) is None:
                    lines.append(f"    v = s.{field.name}\n    o.{field.name} = {value}")
                else:
                    lines.append(f"    v = s.{field.name}\n    o.{field.name} = UNSET if v is WIRE_UNSET else {value}")
            lines += ["    o.additional_properties = {}", "    return o"]
            source = "\n".join(lines)
            exec(compile(source, f"<rotor fast converter for {cls.__name__}>", "exec"), ns)  # built from type hints
            self.converters[cls] = ns["convert"]
        return self.converters[cls]


def _known(table: dict[str, Any], value: str) -> Any:
    if value not in table:
        raise _Decline(value)
    return table[value]


_builder = _Builder()
_decoders: dict[type, tuple[msgspec.json.Decoder[Any], Callable[[Any], Any]]] = {}


def fast_decode(cls: type[T], content: bytes) -> T | None:
    """The model ``cls`` from response bytes, or None when only the tolerant decoder can build it."""
    entry = _decoders.get(cls)
    if entry is None:
        entry = _decoders[cls] = (msgspec.json.Decoder(_builder.mirror(cls)), _builder.converter(cls))
    decoder, convert = entry
    try:
        model: T = convert(decoder.decode(content))
    except (msgspec.DecodeError, _Decline, ValueError):  # ValidationError is a DecodeError; dates raise ValueError
        return None
    return model
