"""One command group per SDK resource (``rotor customers list|get|upsert``), derived from the SDK.

A resource is a ``ResourceCLI``: its client attribute and its SDK class (whose ``list`` signature gives the filters
and whose request model gives the upsert's fields), both read from ``rotor.resources.SyncResources``, plus how a
person reads it: the table's columns and the examples shown in ``--help`` (``PRESENTATIONS``, hand-kept; a
resource without one gets its model's first plain fields). Every subcommand is one function
``add_<name>(group, resource)`` listed in ``SUBCOMMANDS`` with the SDK method it needs; ``resource_app`` applies
each to each resource that has that method. A new resource of the spec needs nothing here; a new subcommand for
every resource is one more row in ``SUBCOMMANDS``.
"""

from __future__ import annotations

import importlib
import inspect
import json
import operator
import sys
import typing
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from attrs import frozen

from rotor._fields import fields, nested
from rotor.cli import groups, output
from rotor.cli.errors import CLIError, ExitCode
from rotor.cli.options import Param, Text, command, field_params, filter_params, given
from rotor.cli.output import Column, Format
from rotor.cli.session import async_session, reporting, session
from rotor.pagination import DEFAULT_CONCURRENCY
from rotor.resources import SyncResources


@frozen
class Presentation:
    """How a person reads a resource: the table (the ID column is added last) and the examples in ``--help``."""

    columns: tuple[Column, ...]  # in reading order
    list_example: str = "--limit 20"  # arguments for the examples in --help
    upsert_example: str = ""  # a list-only resource has no upsert


@frozen
class ResourceCLI:
    name: str  # the client attribute and the command group: client.customers, `rotor customers`
    singular: str  # "customer": in messages and help (the SDK class's, from spec/sdk.yaml)
    sdk: type[Any]  # the sync resource class: its list() keywords become filters, its _upsert_params the fields
    columns: tuple[Column, ...]  # the table, in reading order
    list_example: str
    upsert_example: str

    def resource(self, client: Any) -> Any:
        return getattr(client, self.name)


def _date(value: Any) -> str | None:
    return None if value is None else value.date().isoformat()


def _full_name(customer: Any) -> str:
    return " ".join(filter(None, [customer.first_name, customer.last_name]))


def _customer(record: Any) -> str | None:
    """A record's customer summary as a name (its company's when it has no person's name)."""
    customer = record.customer
    if customer is None:
        return None
    return _full_name(customer) or customer.company_name


def _person(user: Any) -> str | None:
    return None if user is None else (user.name or user.email)


def _money(value: float | None) -> str | None:
    return None if value is None else f"{value:,.2f}"


PRESENTATIONS: dict[str, Presentation] = {
    "customers": Presentation(
        columns=(
            Column("Name", _full_name, style="bold", min_width=10),
            Column("Email", lambda c: c.email, min_width=12),
            Column("Phone", lambda c: c.phone, no_wrap=True),
            Column("Status", lambda c: c.status),
            Column("Tags", lambda c: c.tags, style="magenta", min_width=6),
            Column("Created", lambda c: _date(c.created_at), no_wrap=True),
        ),
        list_example="--status active --tag vip --search an --limit 20",
        upsert_example="--email jane@example.com --first-name Jane --tag vip",
    ),
    "leads": Presentation(
        columns=(
            Column("Name", lambda lead: lead.name, style="bold", min_width=10),
            Column("Email", lambda lead: lead.email, min_width=12),
            Column("Phone", lambda lead: lead.phone, no_wrap=True),
            Column("Stage", lambda lead: lead.stage),
            Column("Tags", lambda lead: lead.tags, style="magenta", min_width=6),
            Column("Created", lambda lead: _date(lead.created_at), no_wrap=True),
        ),
        list_example="--stage Qualified --tag website-form",
        upsert_example="--email ada@example.com --name Ada --source 'web form'",
    ),
    "pins": Presentation(
        columns=(
            Column("Type", lambda pin: pin.pin_type.label, style="bold"),
            Column("Created by", lambda pin: _person(pin.created_by), min_width=10),
            Column("Location", lambda pin: ", ".join(f"{x:.5f}" for x in pin.location), no_wrap=True),
            Column("Created", lambda pin: _date(pin.created_at), no_wrap=True),
        ),
        list_example="--pin-type-id 3f0c9a2e-... --limit 50",
    ),
    "pin_types": Presentation(
        columns=(
            Column("Label", lambda t: t.label, style="bold"),
            Column("Color", lambda t: t.color, no_wrap=True),
        ),
        list_example="-f table",
    ),
    "service_plans": Presentation(
        columns=(
            Column("Customer", _customer, style="bold", min_width=10),
            Column("Type", lambda plan: plan.service_type),
            Column("Frequency", lambda plan: plan.service_frequency),
            Column("Active", lambda plan: plan.active),
            Column("Value", lambda plan: _money(plan.sale_value), no_wrap=True),
            Column("Sold by", lambda plan: _person(plan.sold_by)),
            Column("Start", lambda plan: None if plan.start_date is None else plan.start_date.isoformat()),
        ),
        list_example="--status active --frequency Monthly --created-at-range-start 2024-01-01",
    ),
    "serviced_jobs": Presentation(
        columns=(
            Column("Customer", _customer, style="bold", min_width=10),
            Column("Service date", lambda job: _date(job.service_date), no_wrap=True),
            Column("Technicians", lambda job: [_person(t) for t in job.technicians or []], min_width=10),
            Column("Received", lambda job: _money(job.total_received), no_wrap=True),
            Column("Outstanding", lambda job: _money(job.total_outstanding), no_wrap=True),
        ),
        list_example="--service-date-range-start 2024-06-01 --service-date-range-end 2024-06-30",
    ),
}


def _item_model(sdk: type[Any]) -> type:
    """The record a resource's ``list`` (or ``retrieve``) gives: ``Customer`` of ``SyncPage[Customer]``."""
    method = getattr(sdk, "list", None) or sdk.retrieve
    returned = typing.get_type_hints(method)["return"]
    args = typing.get_args(returned)
    return args[0] if args else returned  # type: ignore[no-any-return]


def _default_presentation(sdk: type[Any]) -> Presentation:
    """A resource no one has dressed yet: its model's first plain fields, as the API names them."""
    plain = [f for f in fields(_item_model(sdk)) if f.key != "id" and nested(f.type)[0] is None][:5]
    return Presentation(tuple(Column(f.key.replace("_", " ").capitalize(), operator.attrgetter(f.name)) for f in plain))


ID_COLUMN = Column("ID", operator.attrgetter("id"), style="dim", min_width=36)  # whole, to copy for `get`


def resource_cli(name: str) -> ResourceCLI:
    """The command group of the client attribute ``name``: its SDK class (the return type of the attribute, a cached
    property of ``SyncResources``) and how a person reads it."""
    attribute = vars(SyncResources)[name]
    # The annotation names a class of the resource's own module, which rotor.resources imports on first use only.
    module = importlib.import_module(f"rotor.resources.{name}")
    sdk = typing.get_type_hints(attribute.func, localns=vars(module))["return"]
    shown = PRESENTATIONS.get(name) or _default_presentation(sdk)
    return ResourceCLI(name, sdk._singular, sdk, (*shown.columns, ID_COLUMN), shown.list_example, shown.upsert_example)


def command_name(resource: ResourceCLI) -> str:
    """The command group's name: ``pin-types``, as commands are spelled in a shell (``pin_types`` stays an alias,
    see ``app.AliasedGroup``)."""
    return groups.command_name(resource.name)


def _format_param() -> inspect.Parameter:
    option = typer.Option(
        "--format",
        "-f",
        metavar="[table|json|jsonl|csv]",
        help="Output format (default: table on a terminal, json when piped).",
    )
    annotation = Annotated[Format | None, option]
    return inspect.Parameter("format", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)


def _ctx_param() -> inspect.Parameter:
    return inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)


def _example(*lines: str) -> str:
    return "Examples:\n\n" + "\n\n".join(f"  $ {line}" for line in lines)


def add_list(group: typer.Typer, resource: ResourceCLI) -> None:
    filters = filter_params(resource.sdk.list)
    follow = inspect.Parameter(
        "all",
        inspect.Parameter.KEYWORD_ONLY,
        default=False,
        annotation=Annotated[bool, typer.Option("--all", help="Follow pages: every match from --page on.")],
    )

    pages = any(p.keyword == "limit" for p in filters)

    def body(ctx: typer.Context, format: Format | None, all: bool, **values: Any) -> None:
        with reporting(ctx), session(ctx) as client:
            fmt = output.choose(format)
            query = given(filters, values)
            # A table on a terminal: a screenful, not the SDK's 1,000 a page; piped output keeps the API's pages.
            screenful = pages and fmt is Format.table and not all and "limit" not in query and output.is_terminal()
            if screenful:
                query["limit"] = output.screenful()
            page = resource.resource(client).list(**query)
            items: Iterable[Any]
            if isinstance(page, list):  # an unpaginated resource (pin types): everything in one answer
                items, caption = page, output.counted(len(page), resource.singular)
            else:
                items = page if all else page.data
                caption = "" if all else _page_caption(page, screenful)
            output.records(items, fmt, resource.columns, caption=caption)

    name = command_name(resource)
    group.command(
        "list",
        epilog=_example(f"rotor {name} list {resource.list_example}", f"rotor {name} list --all -f csv"),
    )(
        command(
            body,
            [_ctx_param(), *(p.parameter for p in filters), follow, _format_param()],
            name="list",
            doc=f"List {resource.name.replace('_', ' ')}, newest first, with the filters of the API.",
        )
    )


def last_page_number(page: Any) -> int | None:
    """The page ``total`` says is the last at this ``limit`` (None without a ``total``)."""
    return None if page.total is None else max(1, -(-page.total // page.limit))


def _page_caption(page: Any, screenful: bool = False) -> str:
    """Where this page is and how to see more; after a screenful, how to ask for more at once (``--limit``)."""
    last = last_page_number(page)
    where = f"page {page.page_number}" + (f" of {last}" if last else "")
    total = f", {page.total} matching" if page.total is not None else ""
    more = ""
    if page.has_next_page():
        limit = ", --limit N (up to 1000)" if screenful else ""
        more = f"; --page {page.page_number + 1}{limit} or --all for more"
    return f"{where}{total}{more}"


def add_get(group: typer.Typer, resource: ResourceCLI) -> None:
    record_id = inspect.Parameter(
        "id",
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
        annotation=Annotated[
            str,
            typer.Argument(metavar="ID", click_type=Text(), help=f"The {resource.singular}'s id.", show_default=False),
        ],
    )

    def body(ctx: typer.Context, id: str, format: Format | None) -> None:
        with reporting(ctx), session(ctx) as client:
            record = resource.resource(client).retrieve(id)
            output.mapping(record.to_dict(), output.choose(format), title=f"{resource.singular} {id}")

    name = command_name(resource)
    group.command("get", epilog=_example(f"rotor {name} get 3f0c9a2e-...", f"rotor {name} get ID -f json"))(
        command(
            body, [_ctx_param(), record_id, _format_param()], name="get", doc=f"Show one {resource.singular} by id."
        )
    )


# The export's own keywords: the command's flags, with their own help (the rest of the signature are filters).
_EXPORT_JOB = {"max_requests", "resume", "progress", "concurrency"}


def _option(
    name: str, annotation: Any, default: Any, *decls: str, help: str, metavar: str | None = None
) -> inspect.Parameter:
    option = typer.Option(*decls, help=help, rich_help_panel="Export", metavar=metavar)
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=Annotated[annotation, option]
    )


def add_export(group: typer.Typer, resource: ResourceCLI) -> None:
    filters = filter_params(resource.sdk.export, skip=_EXPORT_JOB)
    out = inspect.Parameter(
        "out",
        inspect.Parameter.KEYWORD_ONLY,
        annotation=Annotated[
            Path,
            typer.Option(
                "--out", "-o", metavar="FILE", show_default=False, rich_help_panel="Export",
                help="The file to write: .jsonl or .ndjson (JSON Lines) or .csv, each optionally .gz. Replaced only "
                "once the export is complete; until then the records go to FILE.part.",
            ),
        ],
    )  # fmt: skip
    job = [
        _option("max_requests", int | None, None, "--max-requests", metavar="N", help="Spend at most N requests "
                "(retries included): refused after the first when the plan needs more, before writing anything."),
        _option("resume", bool, False, "--resume", help="Continue an interrupted export of the same query from "
                "FILE.part (starts afresh when there is nothing to resume)."),
        _option("concurrency", int, DEFAULT_CONCURRENCY, "--concurrency", metavar="N", help="Pages read at a time."),
    ]  # fmt: skip

    def body(
        ctx: typer.Context, out: Path, max_requests: int | None, resume: bool, concurrency: int, **values: Any
    ) -> None:
        with reporting(ctx):
            kwargs = {**given(filters, values), "max_requests": max_requests, "resume": resume}
            import asyncio  # only an export runs a loop: every other command starts without importing asyncio

            result = asyncio.run(_export(ctx, resource, out, concurrency, kwargs))
            proof = "complete" if result.complete else f"NOT complete (drift: {_drift(result.drift)})"
            if result.complete and result.drift.changed:
                proof += f", the set changed while read ({_drift(result.drift)})"
            resumed = ", resumed" if result.resumed else ""
            typer.echo(
                f"wrote {output.counted(result.written, resource.singular)} to {result.path} in "
                f"{output.counted(result.requests, 'request')}{resumed}: {proof}"
            )

    name = command_name(resource)
    group.command(
        "export",
        epilog=_example(
            f"rotor {name} export --out {resource.name}.jsonl",
            f"rotor {name} export --out {resource.name}.csv.gz --max-requests 50 --resume",
        ),
    )(
        command(
            body,
            [_ctx_param(), out, *(p.parameter for p in filters), *job],
            name="export",
            doc=(
                f"Write every matching {resource.singular} to a file, each exactly once while the data changes, "
                "reading pages concurrently. Ends with one summary line; an interrupted export (Ctrl-C, quota, "
                "any error) leaves the file untouched and exits 10: run it again with --resume."
            ),
        )
    )


async def _export(
    ctx: typer.Context, resource: ResourceCLI, out: Path, concurrency: int, kwargs: dict[str, Any]
) -> Any:
    with output.export_progress(resource.name.replace("_", " ")) as progress:
        async with async_session(ctx) as client:
            export = resource.resource(client).export
            return await export(out, concurrency=concurrency, progress=progress, **kwargs)


def _drift(drift: Any) -> str:
    totals = " -> ".join(str(t) for t in drift.totals) or "no total"
    return f"totals {totals}, {drift.shifted} shifted, {drift.healed} healed, {drift.unproven} unproven"


def read_json(source: str) -> dict[str, Any]:
    """The object in FILE, or on stdin for ``-``: unreadable is a usage error, malformed a validation error."""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CLIError(f"--from-json: cannot read {source}: {exc}", ExitCode.USAGE) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CLIError(f"--from-json: {source} is not valid JSON ({exc})", ExitCode.VALIDATION) from None
    if not isinstance(data, dict):
        raise CLIError(f"--from-json: {source} must hold one JSON object", ExitCode.VALIDATION)
    return data


def add_upsert(group: typer.Typer, resource: ResourceCLI) -> None:
    fields: list[Param] = field_params(resource.sdk._upsert_params)
    from_json = inspect.Parameter(
        "from_json",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            str | None,
            typer.Option(
                "--from-json", metavar="FILE|-", help="Take the fields from a JSON object (flags override them)."
            ),
        ],
    )

    def body(ctx: typer.Context, format: Format | None, from_json: str | None, **values: Any) -> None:
        with reporting(ctx):
            data = read_json(from_json) if from_json is not None else {}
            data.update(given(fields, values))
            if not data:
                raise CLIError("nothing to upsert: give some fields, or --from-json FILE", ExitCode.USAGE)
            with session(ctx) as client:
                raw = resource.resource(client.with_raw_response).create_or_update(data)
            action = "created" if raw.status_code == 201 else "updated"
            result_id = raw.parse().id
            if output.choose(format) is Format.table:
                output.console_factory().print(f"{action} {resource.singular} [bold]{result_id}[/bold]")
            else:
                output.mapping({"action": action, "id": result_id}, output.choose(format))

    name = command_name(resource)
    group.command(
        "upsert",
        epilog=_example(
            f"rotor {name} upsert {resource.upsert_example}",
            f"rotor {name} upsert --from-json {resource.singular}.json",
        ),
    )(
        command(
            body,
            [_ctx_param(), from_json, *(p.parameter for p in fields), _format_param()],
            name="upsert",
            doc=(
                f"Create a {resource.singular}, or update the one matched by id, then phone, then email "
                "(tags are merged). Prints created or updated, and the id."
            ),
        )
    )


# The subcommands of a resource group: the SDK method a resource must have for it, and the function that adds it.
# A new subcommand for every resource (e.g. `export`) is one more row; a resource without the method goes without.
SUBCOMMANDS: tuple[tuple[str, Callable[[typer.Typer, ResourceCLI], None]], ...] = (
    ("list", add_list),
    ("retrieve", add_get),
    ("create_or_update", add_upsert),
    ("export", add_export),
)


def resource_app(resource: ResourceCLI) -> typer.Typer:
    group = typer.Typer(help=groups.resource_help(resource.name), no_args_is_help=True, rich_markup_mode="markdown")
    for method, add in SUBCOMMANDS:
        if hasattr(resource.sdk, method):
            add(group, resource)
    return group


def every_resource() -> tuple[ResourceCLI, ...]:
    """Every resource group. ``rotor`` itself builds only the one a command names (``app.LazyGroup``), so that
    `rotor customers get` imports neither the other resources nor their models."""
    return tuple(resource_cli(name) for name in groups.resource_groups().values())
