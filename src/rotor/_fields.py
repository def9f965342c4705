"""How the SDK reads a generated model's fields: attribute names, JSON keys, resolved types, nesting.

One place for everything that walks the models' type hints (the tolerant decoder in ``_decode``, the fast path in
``_fastpath``, the export rows in ``_formats``, the CLI's options), so they cannot disagree on what a field is.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterator, Mapping
from typing import Any, Union

import attrs

import rotor_generated.models as _models
from rotor_generated.types import UNSET, Unset

EXTRA = "additional_properties"  # the generated attribute holding fields the model does not know


@attrs.frozen
class Field:
    name: str  # the attribute (``zip_``)
    key: str  # its JSON key (``zip``)
    type: Any  # the resolved annotation
    required: bool


def json_name(attr_name: str) -> str:
    """The JSON key of a generated attribute (the generator appends ``_`` to names like ``zip``)."""
    return attr_name[:-1] if attr_name.endswith("_") else attr_name


def members(tp: Any) -> tuple[Any, ...]:
    """The types a union annotation admits (``str | None`` -> ``(str, NoneType)``); a plain type alone."""
    return typing.get_args(tp) if typing.get_origin(tp) in (Union, types.UnionType) else (tp,)


class _ModelNames(Mapping[str, Any]):
    """The generated models by name, each imported when a type hint names it (the package imports them lazily, and a
    model module imports the models it refers to only for type checkers)."""

    def __getitem__(self, name: str) -> Any:
        try:
            return getattr(_models, name)
        except AttributeError:
            raise KeyError(name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(_models.__all__)

    def __len__(self) -> int:
        return len(_models.__all__)


@functools.cache
def fields(model: type) -> tuple[Field, ...]:
    """The model's fields in attribute order, its bag of unknown fields aside."""
    hints = typing.get_type_hints(model, localns=_ModelNames())
    return tuple(
        Field(f.name, json_name(f.name), hints[f.name], f.default is attrs.NOTHING)
        for f in attrs.fields(model)
        if f.name != EXTRA
    )


def nested(tp: Any) -> tuple[type | None, bool]:
    """(the generated model a field holds, whether as a list of them); (None, False) for a plain value."""
    for member in members(tp):
        if attrs.has(member):
            return member, False
        if typing.get_origin(member) is list:
            (item,) = typing.get_args(member) or (Any,)
            if attrs.has(item):
                return item, True
    return None, False


def absent_value(tp: Any) -> Unset | None:
    """What an optional field of annotation ``tp`` holds when the body leaves it out, as the generated
    ``from_dict`` does: UNSET where the type admits it (request models), else None (response models)."""
    admitted = members(tp)
    if Unset in admitted:
        return UNSET
    if type(None) in admitted:
        return None
    raise TypeError(f"an optional field typed {tp!r} has no value for 'absent'")
