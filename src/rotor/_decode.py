"""Turning response bytes into the generated models, tolerantly where it is safe and strictly where it is not.

The generated ``from_dict`` accepts wrong scalar types silently and raises KeyError/TypeError/ValueError on the
rest, losing a whole page to one odd record. This decoder builds the same generated attrs classes, driven by
their own type hints (so it follows regeneration without edits), with one rule:

* A field whose value does not fit its declared type is left at "no value" on the model and its raw value is
  kept in ``additional_properties`` under its JSON name, so ``customer["created_at"]`` still returns it and
  ``to_dict()`` round-trips it. The record, and the page, survive.
* Envelopes and pagination are strict (``STRICT``; envelopes are registered by their decoders): their fields
  steer the SDK, so a misfit there raises ``Malformed``, which the client turns into ``APIResponseValidationError``.

"No value" is what the type says (``absent_value``): None on response models, whose optional fields are typed
``T | None`` (so a null decodes to None as well), and UNSET on request models (``T | Unset``), where leaving a field
out differs from sending null.

Unknown enum values need no special case: the client is generated from a tolerant copy of the spec in which
response enums are typed ``Enum | str`` (see devtools/tolerant.py).

Responses reach this decoder only when the msgspec fast path (``_fastpath.py``) declines them; it also checks
upsert arguments (``strict=True``). Each model's decoder is compiled once from its type hints (``_compile``).
"""

from __future__ import annotations

import contextlib
import datetime
import enum
import gc
import textwrap
import threading
import types
import typing
import uuid
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, Union

import attrs
import orjson

from rotor._fields import absent_value, fields, members
from rotor_generated.models import ErrorResponse, Pagination
from rotor_generated.types import UNSET, Unset

T = TypeVar("T")


class Malformed(Exception):
    """A value does not fit the type the generated model declares for it."""

    def __init__(self, where: str, value: object, expected: str, got: str | None = None) -> None:
        self.where = where
        self.expected = expected
        self.got = got or type(value).__name__
        super().__init__(f"{where or 'value'}: expected {expected}, got {self.got}")

    def suffix(self) -> str:
        """This error's own path, to append to an outer field's (``.zip`` under ``Customer.address``)."""
        return f".{self.where}" if self.where else ""


# Models whose every field must decode: they drive pagination and error handling. Envelopes are added by the
# resources' decoders (``resources/_decoders.py``), next to where each is defined.
STRICT: set[type] = {Pagination, ErrorResponse}


def register_strict(model: type) -> None:
    """Make ``model`` strict. Must come before its first decode: compiled decoders read STRICT when built."""
    if model not in STRICT:
        STRICT.add(model)
        _decoders.clear()


def loads(content: bytes) -> Any:
    """Parse JSON bytes; raises ``orjson.JSONDecodeError`` (a ValueError) on bad input."""
    return orjson.loads(content)


def _datetime(value: Any) -> datetime.datetime:
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            pass
    raise Malformed("", value, "ISO 8601 date-time")


def _date(value: Any) -> datetime.date:
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise Malformed("", value, "ISO 8601 date")


def _uuid(value: Any) -> uuid.UUID:
    if isinstance(value, str):
        try:
            return uuid.UUID(value)
        except ValueError:
            pass
    raise Malformed("", value, "UUID")


def _rank(tp: Any) -> int:
    # Try specific types before general ones: "active" must become CustomerStatus.ACTIVE, not stay a str.
    if isinstance(tp, type) and (issubclass(tp, enum.Enum) or attrs.has(tp)):
        return 0
    if tp in (datetime.datetime, datetime.date, uuid.UUID):
        return 1
    return 2


def _checks(tp: Any, ns: dict[str, Any]) -> list[tuple[str, str]]:
    """(condition on ``v``, value expression) pairs, tried in order, that a compiled decoder inlines for ``tp``.

    Conversions that can still refuse a value (dates, UUIDs, nested models) raise Malformed, which the decoder
    treats as a misfit like a failed condition.
    """
    admitted = members(tp)
    pairs: list[tuple[str, str]] = []
    enums = [m for m in admitted if isinstance(m, type) and issubclass(m, enum.Enum)]
    if len(enums) == 1 and str in admitted:
        # The tolerant reader's `Enum | str`: known values to members, anything else stays the string.
        table = f"_E{len(ns)}"
        ns[table] = {m.value: m for m in enums[0]}
        pairs.append(("v.__class__ is str", f"{table}.get(v, v)"))
        admitted = tuple(m for m in admitted if m is not str and m is not enums[0])
    for member in sorted((m for m in admitted if m is not Unset), key=_rank):
        if member is type(None):
            pairs.append(("v is None", "v"))
        elif member in (str, bool, int):
            pairs.append((f"v.__class__ is {member.__name__}", "v"))
        elif member is float:
            pairs.append(("v.__class__ is float or v.__class__ is int", "v"))
        elif isinstance(member, type) and issubclass(member, enum.Enum):
            table = f"_E{len(ns)}"
            ns[table] = {m.value: m for m in member}
            pairs.append((f"v.__class__ is str and v in {table}", f"{table}[v]"))
        elif typing.get_origin(member) is list and typing.get_args(member)[0] is str:
            pairs.append(("v.__class__ is list and all(map(_IS_STR, v))", "v"))
        elif typing.get_origin(member) is list and typing.get_args(member)[0] is float:
            pairs.append(("v.__class__ is list and all(map(_NUMBER.__contains__, map(type, v)))", "v"))
        elif isinstance(member, type) and attrs.has(member):
            decoder = f"_D{len(ns)}"
            ns[decoder] = _decoder_for(member)
            pairs.append(("v.__class__ is dict", f"{decoder}(v, {member in STRICT})"))
        elif typing.get_origin(member) is list and attrs.has(typing.get_args(member)[0]):
            item_type = typing.get_args(member)[0]
            decoder = f"_D{len(ns)}"
            ns[decoder] = _decoder_for(item_type)
            pairs.append(("v.__class__ is list", f"[{decoder}(x, {item_type in STRICT}) for x in v]"))
        elif member is datetime.datetime:
            pairs.append(("v.__class__ is str", "_datetime(v)"))
        elif member is datetime.date:
            pairs.append(("v.__class__ is str", "_date(v)"))
        elif member is uuid.UUID:
            pairs.append(("v.__class__ is str", "_uuid(v)"))
        else:
            # A type the generator did not produce before: fail when the decoder is built, never silently.
            raise TypeError(f"no decoding rule for {member!r} in {tp!r}")
    return pairs


def describe(tp: Any) -> str:
    """A reader's name for an annotation: ``str``, ``one of ['active', 'inactive']``, ``array of str`` ..."""
    if typing.get_origin(tp) in (Union, types.UnionType):
        return " or ".join(describe(m) for m in sorted(typing.get_args(tp), key=_rank) if m is not Unset)
    if typing.get_origin(tp) is list:
        return f"array of {describe(typing.get_args(tp)[0])}"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return f"one of {sorted(m.value for m in tp)}"
    names = {
        type(None): "null",
        float: "number",
        datetime.datetime: "ISO 8601 date-time",
        datetime.date: "ISO 8601 date",
        uuid.UUID: "UUID",
    }
    if tp in names:
        return names[tp]
    return "object" if attrs.has(tp) else getattr(tp, "__name__", str(tp))


_HEAD = """\
def decode(d, strict):
    if d.__class__ is not dict:
        raise Malformed({name!r}, d, "object")
    o = new(cls)
    kept = {{}}
    n = 0
"""
_TAIL = """\
    if n != len(d):
        for k in d:
            if k not in KNOWN:
                kept[k] = d[k]
    o.additional_properties = kept
    return o
"""
# The misfit branch: required and strict fields raise (with the nested path); others keep the raw value.
_RAISE = "raise Malformed({where!r} + exc.suffix(), v, exc.expected or {expected!r}, exc.got or None) from None"
_MISFIT_REQUIRED = _RAISE
_MISFIT_OPTIONAL = f"if strict: {_RAISE}\nkept[{{key!r}}] = v\no.{{attr}} = {{absent}}"


def _field_code(attr: str, key: str, required: bool, where: str, tp: Any, ns: dict[str, Any]) -> list[str]:
    pairs = _checks(tp, ns)
    body = [f"{'if' if i == 0 else 'elif'} {cond}:\n    o.{attr} = {value}" for i, (cond, value) in enumerate(pairs)]
    # Named, not repr'd: the compiled code reads UNSET from its namespace and None is a keyword.
    absent_code = "" if required else "UNSET" if absent_value(tp) is UNSET else "None"
    misfit = (_MISFIT_REQUIRED if required else _MISFIT_OPTIONAL).format(
        where=where, key=key, attr=attr, expected=describe(tp), absent=absent_code
    )
    absent = f"raise Malformed({where!r}, UNSET, 'a value (required)')" if required else f"o.{attr} = {absent_code}"
    code = (
        f"if {key!r} in d:\n"
        f"    v = d[{key!r}]\n"
        "    n += 1\n"
        "    try:\n"
        + textwrap.indent("\n".join(body) + "\nelse:\n    raise _MISFIT", " " * 8)
        + "\n    except Malformed as exc:\n"
        + textwrap.indent(misfit, " " * 8)
        + f"\nelse:\n    {absent}"
    )
    return textwrap.indent(code, "    ").splitlines()


def _compile(cls: type) -> Callable[[Any, bool], Any]:
    """A decoder for ``cls`` written out field by field (as attrs writes ``__init__``): a function call per field
    would be most of the cost on a 1,000-customer page."""
    name = cls.__name__
    ns: dict[str, Any] = {
        "cls": cls,
        "new": object.__new__,
        "UNSET": UNSET,
        "Malformed": Malformed,
        "_MISFIT": _MISFIT,
        "_NUMBER": (int, float),
        "_IS_STR": str.__instancecheck__,
        "_datetime": _datetime,
        "_date": _date,
        "_uuid": _uuid,
    }
    lines = _HEAD.format(name=name).splitlines()
    known: list[str] = []
    for field in fields(cls):
        known.append(field.key)
        lines += _field_code(field.name, field.key, field.required, f"{name}.{field.key}", field.type, ns)
    ns["KNOWN"] = frozenset(known)
    source = "\n".join(lines) + "\n" + _TAIL
    exec(compile(source, f"<rotor decoder for {name}>", "exec"), ns)  # our own code, built from type hints
    decoder: Callable[[Any, bool], Any] = ns["decode"]
    return decoder


_decoders: dict[type, Callable[[Any, bool], Any]] = {}
# Raised inside compiled decoders only to reach their misfit branch, which fills in what and where.
_MISFIT = Malformed("", None, "")
_MISFIT.got = ""


def _decoder_for(cls: type) -> Callable[[Any, bool], Any]:
    decoder = _decoders.get(cls)
    if decoder is None:
        decoder = _decoders[cls] = _compile(cls)
    return decoder


def decode_model(cls: type[T], data: Any, *, strict: bool | None = None) -> T:
    """Build the generated model ``cls`` from a parsed JSON value (see the module docstring for the rules).

    ``strict=True`` makes every field of this model (not nested ones) fit or raise; used to check arguments.
    """
    model: T = _decoder_for(cls)(data, cls in STRICT if strict is None else strict)
    return model


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large page is built.

    A 1,000-customer page allocates ~5,000 objects, none in cycles; with the collector running, about a third of
    decode time goes to scanning them. This changes process-global state, so it is reference-counted across
    threads and restores the collector only if it was enabled when the first pauser entered.
    """
    global _gc_pausers, _gc_was_enabled
    with _gc_lock:
        if _gc_pausers == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pausers += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pausers -= 1
            if _gc_pausers == 0 and _gc_was_enabled:
                gc.enable()


_gc_lock = threading.Lock()
_gc_pausers = 0
_gc_was_enabled = True
