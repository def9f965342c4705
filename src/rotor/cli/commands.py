"""The groups that are not resources: ``rotor auth``, ``rotor config`` and ``rotor mock``."""

from __future__ import annotations

import argparse
import functools
import inspect
import math
import shlex
import socket
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from typer import _click as click  # Typer's own copy of Click: what its groups and commands are made of
from typer.core import TyperGroup

from rotor.cli import config, groups, output
from rotor.cli.errors import CLIError, ExitCode
from rotor.cli.options import Text, command
from rotor.cli.output import Format
from rotor.cli.session import reporting, session, state

FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        metavar="[table|json|jsonl|csv]",
        help="Output format (default: table on a terminal, json when piped).",
    ),
]
ProfileOption = Annotated[
    str | None,
    typer.Option(
        "--profile", metavar="NAME", help="The profile (default: rotor --profile, else $ROTOR_PROFILE, else default)."
    ),
]

auth = typer.Typer(help=groups.AUTH_HELP, no_args_is_help=True, rich_markup_mode="markdown")


@auth.command("test", epilog="Example:\n\n  $ rotor auth test\n\n  $ rotor --profile prod auth test -f json")
def auth_test(ctx: typer.Context, format: FormatOption = None) -> None:
    """The company, scopes and API version of the key in use (never the key itself)."""
    with reporting(ctx), session(ctx) as client:
        result = client.auth.test()
    shown = {
        "authenticated": result.authenticated,
        "company": result.company_id,
        "user": None if result.user_id is None else str(result.user_id),
        "scopes": result.scopes,
        "auth_method": output.cell(result.auth_method) or None,
        "api_version": result.rotor_api_version,
    }
    output.mapping({k: v for k, v in shown.items() if v is not None}, output.choose(format))


config_app = typer.Typer(
    help=groups.CONFIG_HELP,
    no_args_is_help=True,
    rich_markup_mode="markdown",
)


def _profile(ctx: typer.Context, flag: str | None) -> str:
    return config.profile_name(flag or state(ctx).profile)


@config_app.command(
    "set",
    epilog="Examples:\n\n  $ rotor config set api_key            (prompts, without echo)\n\n"
    "  $ rotor config set --profile staging base_url https://staging.example.com/open-api",
)
def config_set(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="NAME", click_type=Text(), help="api_key or base_url.", show_default=False)
    ],
    value: Annotated[
        str | None,
        typer.Argument(
            metavar="[VALUE]",
            click_type=Text(),
            help="The value (when left out: prompted for, hidden, on a terminal; else read from stdin).",
            show_default=False,
        ),
    ] = None,
    profile: ProfileOption = None,
) -> None:
    """Store a setting in a profile of the config file (written with mode 0600)."""
    with reporting(ctx):
        name = config.check_setting(name)
        if value is None and not sys.stdin.isatty():
            # `echo KEY | rotor config set api_key`: the value is the piped line, read quietly. A prompt would
            # land in the output, and getpass, unable to hide input that is not typed, warns that it may echo.
            value = sys.stdin.readline()
        elif value is None:
            value = typer.prompt(name, hide_input=name in config.SECRET_SETTINGS)
        value = value.strip()
        if not value:
            raise CLIError(f"{name}: an empty value; use rotor config unset {name} to remove it", ExitCode.USAGE)
        path = config.config_path()
        profiles = config.read(path)
        chosen = _profile(ctx, profile)
        profiles.setdefault(chosen, {})[name] = value
        config.write(path, profiles)
        typer.echo(f"{name} = {config.shown(name, value)} in profile {chosen!r} ({path})")


@config_app.command("unset", epilog="Example:\n\n  $ rotor config unset --profile staging base_url")
def config_unset(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="NAME", click_type=Text(), help="api_key or base_url.", show_default=False)
    ],
    profile: ProfileOption = None,
) -> None:
    """Remove a setting from a profile."""
    with reporting(ctx):
        name = config.check_setting(name)
        path = config.config_path()
        profiles = config.read(path)
        chosen = _profile(ctx, profile)
        if profiles.get(chosen, {}).pop(name, None) is None:
            raise CLIError(f"{name} is not set in profile {chosen!r} ({path})", ExitCode.USAGE)
        config.write(path, profiles)
        typer.echo(f"{name} removed from profile {chosen!r}")


@config_app.command("show", epilog="Examples:\n\n  $ rotor config show\n\n  $ rotor --profile prod config show")
def config_show(ctx: typer.Context, profile: ProfileOption = None, format: FormatOption = None) -> None:
    """Each setting in effect and where it comes from (flag, environment or profile); the key masked."""
    with reporting(ctx):
        flags = state(ctx)
        resolved = config.resolve({"api_key": flags.api_key, "base_url": flags.base_url}, profile or flags.profile)
        shown: dict[str, str] = {"config_file": str(resolved.path), "profile": resolved.profile}
        for name, setting in resolved.settings.items():
            value = "" if setting.value is None else config.shown(name, setting.value)
            shown[name] = f"{value} ({setting.source})" if value else f"({setting.source})"
        others = sorted(set(config.read(resolved.path)) - {resolved.profile})
        shown["other_profiles"] = ", ".join(others)
        output.mapping(shown, output.choose(format))


class MockGroup(TyperGroup):
    """``rotor mock``: its ``serve`` command is made from the mock's own flags when first asked for, so that every
    other ``rotor`` command starts without importing the mock (an optional extra, and half a second)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), "serve"])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return serve_command() if cmd_name == "serve" else super().get_command(ctx, cmd_name)


mock = typer.Typer(
    cls=MockGroup,
    help=groups.MOCK_HELP,
    no_args_is_help=True,
    rich_markup_mode="markdown",
)

SERVE_EXAMPLE = "Example:\n\n  $ rotor mock serve --port 8787 --daily-quota 50 --env-file mock.env"


def _mock_flag(action: argparse.Action) -> inspect.Parameter:
    """One flag of the mock's argparse parser as a Typer option: its name, type, default and help, unchanged."""
    kind: Any = action.type or str
    option = typer.Option(
        action.option_strings[0],
        help=action.help,
        metavar=action.metavar if isinstance(action.metavar, str) else action.dest.upper(),  # argparse: --port PORT
        show_default=False,  # the mock's help says its defaults in words
    )
    annotation = Annotated[kind if action.default is not None else kind | None, option]  # type: ignore[valid-type]
    return inspect.Parameter(action.dest, inspect.Parameter.KEYWORD_ONLY, default=action.default, annotation=annotation)


@functools.cache
def serve_command() -> click.Command:
    """``rotor mock serve``, in Typer's help style, with the flags of ``scripts/mock`` taken from the one parser
    that defines them (``rotor.testing.__main__.make_parser``) and checked by the same ``check``."""
    serve_app = typer.Typer(rich_markup_mode="markdown", add_completion=False)  # completion is rotor's, at the top
    try:
        from rotor.testing import __main__ as mock_main
    except ImportError as exc:  # no 'mock' extra: say which package to install, whatever the flags (exit 1)
        missing = str(exc)

        @serve_app.command(
            "serve",
            context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
            epilog=SERVE_EXAMPLE,
        )
        def unavailable(ctx: typer.Context) -> None:
            """Serve the mock on 127.0.0.1 (needs the 'mock' extra)."""
            with reporting(ctx):
                raise CLIError(missing, ExitCode.ERROR)

        return typer.main.get_command(serve_app)

    parser = mock_main.make_parser("rotor mock serve")
    flags = [_mock_flag(action) for action in parser._actions if action.option_strings and action.dest != "help"]

    def body(ctx: typer.Context, **values: Any) -> None:
        args = argparse.Namespace(**values)
        error = mock_main.check(args)
        if error is not None:
            ctx.fail(error)
        with reporting(ctx):
            code = mock_main.serve(args)
        raise typer.Exit(code)

    doc = f"{parser.description} Until stopped (Ctrl-C); prints ROTOR_BASE_URL=... and ROTOR_API_KEY=... once serving."
    serve_app.command("serve", epilog=SERVE_EXAMPLE)(
        command(body, [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context),
                       *flags], name="serve", doc=doc)
    )  # fmt: skip
    return typer.main.get_command(serve_app)


@mock.command(
    "env",
    epilog='Examples:\n\n  $ rotor mock serve --port 8787 &\n\n  $ eval "$(rotor mock env --port 8787)"\n\n'
    '  $ rotor mock serve --env-file mock.env &  eval "$(rotor mock env --env-file mock.env)"',
)
def mock_env(
    ctx: typer.Context,
    port: Annotated[
        int | None,
        typer.Option(
            "--port",
            min=1,
            max=65535,
            metavar="PORT",
            help="The port a mock serves on: waits for it, then prints it and its default key.",
        ),
    ] = None,
    env_file: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="The --env-file of a running mock: waits for it, then prints its lines."),
    ] = None,
    wait: Annotated[
        float, typer.Option(min=0, metavar="SECONDS", help="Seconds to wait for the mock to be serving.")
    ] = 10.0,
) -> None:
    """Print `export ROTOR_BASE_URL=... ROTOR_API_KEY=...` lines for a shell to eval, pointing at a mock."""
    if not math.isfinite(wait):  # nan passes the range check (no comparison holds), and would wait forever
        ctx.fail(f"--wait: {wait} is not a number of seconds")
    with reporting(ctx):
        if (port is None) == (env_file is None):
            raise CLIError("give one of --port or --env-file", ExitCode.USAGE)
        if env_file is not None:
            values = _read_env_file(env_file, wait)
        elif port is not None:
            try:
                from rotor.testing.app import BASE_PATH, TEST_API_KEY
            except ImportError as exc:
                raise CLIError(str(exc), ExitCode.ERROR) from None
            _wait_for_port(port, wait)
            values = {"ROTOR_BASE_URL": f"http://127.0.0.1:{port}{BASE_PATH}", "ROTOR_API_KEY": TEST_API_KEY}
        for name, value in values.items():
            typer.echo(f"export {name}={shlex.quote(value)}")


def _read_env_file(path: Path, wait: float) -> dict[str, str]:
    deadline = time.monotonic() + wait
    while not path.is_file() or not path.stat().st_size:
        if time.monotonic() > deadline:
            hint = "is `rotor mock serve --env-file` running?"
            raise CLIError(f"{path} did not appear within {wait:g}s: {hint}", ExitCode.USAGE)
        time.sleep(0.05)
    values = {}
    for line in path.read_text().splitlines():
        name, sep, value = line.partition("=")
        if sep and name.startswith("ROTOR_"):
            values[name] = value
    return values


def _wait_for_port(port: int, wait: float) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise CLIError(f"nothing serves on 127.0.0.1:{port} after {wait:g}s", ExitCode.NETWORK) from None
            time.sleep(0.05)
