"""The ``rotor`` command: global flags, and the groups (one per resource, plus auth, config and mock).

Only this module, Typer and ``rotor.cli.groups`` load for every command line: a group's commands (and with them the
SDK, the generated client, Rich's tables) are built when the command line names that group, so ``rotor --version``
and ``rotor --help`` start in about the time Python takes to import httpx.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer import _click as click  # Typer's own copy of Click: what its groups, contexts and commands are made of
from typer.core import TyperGroup

from rotor._version import __version__
from rotor.cli import groups

# Words a user may put after a boolean flag, thinking it takes a value (`rotor --debug true ...`).
BOOLEAN_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "1", "0"})


def _build_group(name: str) -> typer.Typer:
    """The Typer app of the group ``name`` (one of ``groups.helps()``), importing what it needs."""
    if name in ("auth", "config", "mock"):
        from rotor.cli import commands

        return {"auth": commands.auth, "config": commands.config_app, "mock": commands.mock}[name]
    from rotor.cli.resources import resource_app, resource_cli

    return resource_app(resource_cli(groups.resource_groups()[name]))


class AliasedGroup(TyperGroup):
    """``rotor``'s command groups, spelled with hyphens as shell commands are (``pin-types``); the underscored
    names (``pin_types``, the SDK's attribute) still work as hidden aliases, so scripts written before keep
    running.

    Each group is built on first use. Listing them (``--help``, shell completion) needs only their names and help
    lines (``groups.helps()``), so it is answered with placeholders that carry just those.
    """

    _listing = False  # True while help or completion only lists the groups

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*groups.helps(), *(name for name in super().list_commands(ctx) if name not in groups.helps())]

    def _group(self, ctx: click.Context, name: str) -> click.Command | None:
        found = super().get_command(ctx, name)
        help = groups.helps().get(name)
        if found is not None or help is None:
            return found
        if self._listing:
            return TyperGroup(name=name, help=help, rich_markup_mode=self.rich_markup_mode)
        # Exactly what `app.add_typer(group, name=name)` would have built, under a parent with the root's settings.
        parent = typer.Typer(rich_markup_mode=app.rich_markup_mode, pretty_exceptions_short=app.pretty_exceptions_short)
        parent.add_typer(_build_group(name), name=name)
        command = typer.main.get_group(parent).commands[name]
        self.add_command(command, name)
        return command

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._group(ctx, cmd_name) or self._group(ctx, cmd_name.replace("_", "-"))

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[Any]:
        self._listing = True
        try:
            return super().shell_complete(ctx, incomplete)
        finally:
            self._listing = False

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
    from rotor.cli.session import State, enable_debug_logging  # a command runs: the SDK is needed now

    ctx.obj = State(
        api_key=api_key, base_url=base_url, profile=profile, timeout=timeout, max_retries=max_retries, debug=debug
    )
    if debug:
        enable_debug_logging()


def run(argv: list[str]) -> int:
    """Run ``rotor`` with ``argv``; the exit code (README, "Exit codes")."""
    try:
        app(args=argv, prog_name="rotor")
    except SystemExit as exit:
        code = exit.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0
