"""The ``rotor`` command: global flags, and the groups (one per resource, plus auth, config and mock)."""

from __future__ import annotations

from typing import Annotated

import typer
from typer import _click as click  # Typer's own copy of Click: what its groups, contexts and commands are made of
from typer.core import TyperGroup

from rotor._version import __version__
from rotor.cli import commands
from rotor.cli.resources import RESOURCES, command_name, resource_app
from rotor.cli.session import State, enable_debug_logging

# Words a user may put after a boolean flag, thinking it takes a value (`rotor --debug true ...`).
BOOLEAN_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "1", "0"})


class AliasedGroup(TyperGroup):
    """``rotor``'s command groups, spelled with hyphens as shell commands are (``pin-types``); the underscored
    names (``pin_types``, the SDK's attribute) still work as hidden aliases, so scripts written before keep
    running."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, cmd_name) or super().get_command(ctx, cmd_name.replace("_", "-"))

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0].lower() in BOOLEAN_WORDS and self.get_command(ctx, args[0]) is None:
            ctx.fail(
                f"{args[0]!r} is not a command: boolean options are flags that take no value "
                "(--debug to turn one on, --no-debug to turn it off)"
            )
        return super().resolve_command(ctx, args)


app = typer.Typer(
    name="rotor",
    cls=AliasedGroup,
    help="Look up, list, upsert and export Rotor records from a shell (built on the rotor SDK).",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,  # --debug prints a plain traceback: no locals, which could hold the key
    epilog="Examples:\n\n  $ rotor auth test\n\n  $ rotor customers list --status active --tag vip\n\n"
    "  $ rotor --profile prod leads get ID -f json",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rotor {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    profile: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Profile of the config file; named here, it beats $ROTOR_API_KEY and $ROTOR_BASE_URL "
            "(default: $ROTOR_PROFILE, else 'default').",
        ),
    ] = None,
    api_key: Annotated[
        str | None,
        typer.Option(metavar="KEY", help="API key (default: $ROTOR_API_KEY, else the profile's).", show_default=False),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            metavar="URL", help="API base URL (default: $ROTOR_BASE_URL, else the profile's, else production)."
        ),
    ] = None,
    timeout: Annotated[
        float | None, typer.Option(metavar="SECONDS", help="Seconds per request (the SDK's default: 60).")
    ] = None,
    max_retries: Annotated[
        int | None, typer.Option(metavar="N", help="Retries of a failed request (the SDK's default: 2).")
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug/--no-debug", help="Log every request and show tracebacks.", show_default=False)
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    ctx.obj = State(
        api_key=api_key, base_url=base_url, profile=profile, timeout=timeout, max_retries=max_retries, debug=debug
    )
    if debug:
        enable_debug_logging()


for _resource in RESOURCES:
    app.add_typer(resource_app(_resource), name=command_name(_resource))
app.add_typer(commands.auth, name="auth")
app.add_typer(commands.config_app, name="config")
app.add_typer(commands.mock, name="mock")


def run(argv: list[str]) -> int:
    """Run ``rotor`` with ``argv``; the exit code (README, "Exit codes")."""
    try:
        app(args=argv, prog_name="rotor")
    except SystemExit as exit:
        code = exit.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0
