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
import itertools
import typing
import uuid
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import attrs
import msgspec

from rotor._fields import absent_value, fields, members
from rotor_generated.types import UNSET, Unset

T = TypeVar("T")


class _Decline(Exception):
    """The fast path cannot build this value exactly as the tolerant decoder would."""


def _members(tp: Any) -> list[Any]:
    return [a for a in members(tp) if a is not Unset]


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
            wire: list[tuple[str, Any, Any]] = []
            for field in fields(cls):
                tp = self.mirror_type(field.type)
                if field.required:
                    wire.append((field.name, tp, msgspec.field(name=field.key)))
                elif absent_value(field.type) is None:
                    # A response model: msgspec itself fills in None for an absent field, so no absent check runs.
                    wire.append((field.name, tp, msgspec.field(name=field.key, default=None)))
                else:
                    unset = msgspec.field(name=field.key, default=msgspec.UNSET)
                    wire.append((field.name, tp | msgspec.UnsetType, unset))
            # Untracked by the cyclic GC (gc=False): a mirror holds no cycles and lives for one decode.
            options: dict[str, Any] = {"kw_only": True, "forbid_unknown_fields": True, "gc": False}
            self.mirrors[cls] = msgspec.defstruct(f"_Wire{cls.__name__}", wire, **options)
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
        """A function from the mirror Struct of ``cls`` to ``cls``, written out field by field, with the models
        nested in it (a customer's address, a page's customers) built inline rather than by a call each."""
        if cls not in self.converters:
            self.converters[cls] = lambda wire: self.converters[cls](wire)  # placeholder for recursive models
            ns: dict[str, Any] = {"new": object.__new__, "UNSET": UNSET, "WIRE_UNSET": msgspec.UNSET,
                                  "_fromisoformat": datetime.datetime.fromisoformat, "_UUID": uuid.UUID,
                                  "_date_fromisoformat": datetime.date.fromisoformat,
                                  "_known": _known}  # fmt: skip
            names = itertools.count()
            lines = ["def convert(s):", *_indent(self._model_lines(cls, "s", "o", ns, (cls,), names)), "    return o"]
            source = "\n".join(lines)
            exec(compile(source, f"<rotor fast converter for {cls.__name__}>", "exec"), ns)  # built from type hints
            self.converters[cls] = ns["convert"]
        return self.converters[cls]

    def _model_lines(
        self, cls: type, src: str, obj: str, ns: dict[str, Any], stack: tuple[type, ...], names: Iterator[int]
    ) -> list[str]:
        """Statements that build ``cls`` from the mirror Struct named ``src`` into the local ``obj``."""
        model = f"_K{len(ns)}"
        ns[model] = cls
        lines = [f"{obj} = new({model})"]
        for field in fields(cls):
            tp = field.type
            dst = f"{obj}.{field.name}"
            # A response model's absent field already arrives as None, which every value rule passes through.
            if field.required or absent_value(tp) is None:
                lines += self._assign_lines(tp, f"{src}.{field.name}", dst, ns, stack, names)
            else:
                var = f"u{next(names)}"
                lines += [f"{var} = {src}.{field.name}", f"if {var} is WIRE_UNSET:", f"    {dst} = UNSET", "else:"]
                lines += _indent(self._assign_lines(tp, var, dst, ns, stack, names))
        lines.append(f"{obj}.additional_properties = {{}}")
        return lines

    def _assign_lines(
        self, tp: Any, src: str, dst: str, ns: dict[str, Any], stack: tuple[type, ...], names: Iterator[int]
    ) -> list[str]:
        """Statements that set ``dst`` to the model's value for annotation ``tp`` from the wire value ``src``."""
        members = _members(tp)
        nullable = type(None) in members
        rest = [m for m in members if m is not type(None)]
        inner: list[str] | None = None
        var = f"w{next(names)}"
        if len(rest) == 1 and isinstance(rest[0], type) and attrs.has(rest[0]) and rest[0] not in stack:
            obj = f"o{next(names)}"
            inner = [*self._model_lines(rest[0], var, obj, ns, (*stack, rest[0]), names), f"{dst} = {obj}"]
        elif len(rest) == 1 and typing.get_origin(rest[0]) is list:
            item = typing.get_args(rest[0])[0]
            if isinstance(item, type) and attrs.has(item) and item not in stack:
                obj, each, built = f"o{next(names)}", f"x{next(names)}", f"l{next(names)}"
                body = [*self._model_lines(item, each, obj, ns, (*stack, item), names), f"{built}.append({obj})"]
                inner = [f"{built} = []", f"for {each} in {var}:", *_indent(body), f"{dst} = {built}"]
        if inner is None:
            code = self.value_code(tp, ns, var)
            if code == var:
                return [f"{dst} = {src}"]
            return [f"{var} = {src}", f"{dst} = {code}"]
        if nullable:
            return [f"{var} = {src}", f"if {var} is None:", f"    {dst} = None", "else:", *_indent(inner)]
        return [f"{var} = {src}", *inner]


def _indent(lines: list[str]) -> list[str]:
    return ["    " + line for line in lines]


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
