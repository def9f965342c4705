"""Command-line options made from the SDK's own signatures: a list's filters, an upsert's fields.

The SDK says what an operation takes (``Customers.list``'s keywords, the fields of ``CustomerUpsertParams``);
this module turns each into a Typer option, so a filter or field added to the SDK appears on the command line with
no CLI change. Values are passed through unchecked: the SDK checks them before any request, with its own messages.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import types
import typing
import uuid
from collections.abc import Callable, Iterable
from typing import Annotated, Any

import attrs
import typer
from typer._click import types as click_types  # Typer's own copy of Click's types

from rotor_generated.types import Unset

# Keywords every SDK method takes that are not the operation's own.
REQUEST_OPTIONS = frozenset({"self", "extra_headers", "extra_query", "timeout"})

FILTER_HELP = {
    "archived": "Include archived records.",
    "limit": "Records per page (1-1000; the SDK's default is 1000).",
    "page": "The page to start from (1 is the newest).",
    "search": "Case-insensitive text to look for (names, email, phone).",
    "tags": "Match records with any of these tags (repeat the option).",
}


def _members(hint: Any) -> list[Any]:
    """The non-null members of a union hint (``str | None`` -> [str]); a plain hint is its own member."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return [m for m in typing.get_args(hint) if m not in (types.NoneType, Unset)]
    return [hint]


def _is_list(member: Any) -> bool:
    return typing.get_origin(member) in (list, Iterable, tuple) or member in (list, tuple)


def enum_values(hint: Any) -> list[str]:
    """The values of the enum an SDK hint takes (``CustomerStatus | str | None`` -> active, inactive), if any."""
    enums = [m for m in _members(hint) if isinstance(m, type) and issubclass(m, enum.Enum)]
    return [str(member.value) for member in enums[0]] if enums else []


def cli_type(hint: Any) -> tuple[Any, str]:
    """The Python type Typer parses an SDK hint as, and a help note (an enum's values)."""
    members = _members(hint)
    if any(_is_list(m) for m in members):
        return list[str], ""
    values = enum_values(hint)
    if values:
        return str, "One of: " + ", ".join(values) + "."
    for simple in (bool, int, float):
        if members == [simple]:
            return simple, ""
    return str, ""  # str, UUID, and anything else: passed as text, for the SDK to check


def metavar(keyword: str, hint: Any) -> str | None:
    """The placeholder help shows for an option's value, in the words of its SDK hint (``--tag TAG``,
    ``--pin-type-id UUID``, ``--status [active|inactive]``), not Python's (``<str>``); None for a flag."""
    members = _members(hint)
    if any(_is_list(m) for m in members):
        return keyword.removesuffix("s").upper()
    values = enum_values(hint)
    if values:
        return f"[{'|'.join(values)}]"
    if uuid.UUID in members:
        return "UUID"
    if dt.date in members or dt.datetime in members:
        return "DATE"  # a date, or an ISO 8601 date-time (the SDK's datetime_filter takes both)
    return {bool: None, int: "INTEGER", float: "NUMBER"}.get(members[0], "TEXT") if len(members) == 1 else "TEXT"


class Text(click_types.StringParamType):
    """Text, named TEXT in help: Typer names a plain ``str`` argument's type as Python does (``<str>``)."""

    def get_metavar(self, param: Any, ctx: Any) -> str:
        return "TEXT"


def _completer(values: list[str]) -> Callable[[str], list[str]]:
    """Shell completion of an enum option's values (``rotor customers list --status <TAB>``). A completer, not a
    ``click.Choice``: the value still goes to the SDK unchecked, so a refused one is the SDK's validation error
    (exit 7, with its message), as for every other value."""

    def complete(incomplete: str) -> list[str]:
        return [value for value in values if value.startswith(incomplete)]

    return complete


def option_name(name: str, typ: Any) -> str:
    """``first_name`` -> ``--first-name``; a repeatable option is named in the singular (``tags`` -> ``--tag``)."""
    if typing.get_origin(typ) is list:
        name = name.removesuffix("s")
    return "--" + name.replace("_", "-")


@attrs.frozen
class Param:
    """One generated option: the SDK keyword it fills and its ``inspect.Parameter``."""

    keyword: str
    parameter: inspect.Parameter


def make_param(keyword: str, hint: Any, default: Any, help: str, panel: str | None = None) -> Param:
    typ, note = cli_type(hint)
    decls = [option_name(keyword, typ)]
    if typ is bool:
        decls = [f"{decls[0]}/--no-{decls[0][2:]}"]  # a flag, either way: `--archived true` is not a thing
    if not (typ is bool and default is False):
        default = None  # not given: the SDK's default applies (or, for an upsert, the field is not sent)
    values = enum_values(hint)
    option = typer.Option(
        *decls,
        help=" ".join(filter(None, [help, note])),
        rich_help_panel=panel,
        metavar=metavar(keyword, hint),
        autocompletion=_completer(values) if values else None,
    )
    base: Any = typ if default is False else typ | None
    annotation: Any = Annotated[base, option]
    parameter = inspect.Parameter(keyword, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
    return Param(keyword, parameter)


def filter_params(method: Callable[..., Any], *, skip: Iterable[str] = ()) -> list[Param]:
    """A method's keyword-only arguments as options: a list's filters (``archived``, ``limit``, ``page``,
    ``search``, ``status``, ``tags``, ...). ``skip`` names keywords the command handles itself (a callback)."""
    hints = typing.get_type_hints(method)
    params = []
    for name, param in inspect.signature(method).parameters.items():
        if name in REQUEST_OPTIONS or name in skip or param.kind is not inspect.Parameter.KEYWORD_ONLY:
            continue
        help = FILTER_HELP.get(name, f"Filter by {name.replace('_', ' ')}.")
        params.append(make_param(name, hints[name], param.default, help, panel="Filters"))
    return params


def field_params(model: type[Any]) -> list[Param]:
    """An upsert's fields: one option per field of its request model (``CustomerUpsertParams``)."""
    hints = typing.get_type_hints(model)
    return [
        make_param(field.name, hints[field.name], None, f"Sets {field.name}.", panel="Fields")
        for field in attrs.fields(model)
        if field.name != "additional_properties"
    ]


def given(params: Iterable[Param], values: dict[str, Any]) -> dict[str, Any]:
    """The SDK keywords the user gave (an empty repeatable option counts as not given)."""
    out = {}
    for param in params:
        value = values.get(param.keyword)
        if value is None or value == []:
            continue
        out[param.keyword] = value
    return out


def command(
    body: Callable[..., Any], parameters: Iterable[inspect.Parameter], *, name: str, doc: str
) -> Callable[..., Any]:
    """A function Typer can read: ``body(**values)`` behind a signature built from ``parameters``."""

    def function(**values: Any) -> Any:
        return body(**values)

    ordered = sorted(parameters, key=lambda p: p.kind)  # positional arguments first
    function.__signature__ = inspect.Signature(ordered)  # type: ignore[attr-defined]
    function.__annotations__ = {p.name: p.annotation for p in ordered}
    function.__name__ = function.__qualname__ = name.replace("-", "_")
    function.__doc__ = doc
    return function
