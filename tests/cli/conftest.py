"""Running ``rotor`` against the mock served over HTTP: in this process by default (Typer's ``CliRunner``, as the
sweep does), or as the installed script (``[project.scripts]``) in a process of its own where the process itself is
what a test is about (``cli(..., process=True)``: a terminal, a signal, the entry point, stdin from a pipe)."""

import functools
import logging
import os
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
import typer
import typer.testing
from typer._click.core import Command, Context  # Typer's own copy of Click
from typer.core import TyperGroup

from rotor.cli.app import app
from rotor.testing import LiveMockRotorAPI, MockRotor
from rotor.testing.server import free_port
from tests.environment import is_user_setting, without_user_settings

# The script pip installed beside this interpreter: what a user runs, not `python -m`.
ROTOR = Path(sys.executable).parent / "rotor"


class CLI:
    """``cli("customers", "list")`` runs rotor with none of the user's Rotor settings and its own config file."""

    def __init__(self, config: Path, env: dict[str, str]) -> None:
        self.config = config
        self.env = env

    def __call__(
        self,
        *args: str,
        input: str | None = None,
        env: dict[str, str] | None = None,
        timeout: float = 60,
        process: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        full_env = {**self.env, **(env or {})}
        if process:
            return subprocess.run(
                [str(ROTOR), *args], capture_output=True, text=True, input=input, env=full_env, timeout=timeout,
                check=False,
            )  # fmt: skip
        return run_in_process(list(args), full_env, input)


command_once = functools.cache(typer.main.get_command)  # the click command, built once (as the installed script does)


def run_in_process(args: list[str], env: dict[str, str], input: str | None) -> subprocess.CompletedProcess[str]:
    """``rotor ARGS`` through Typer's CliRunner: its own stdin, stdout and stderr, the environment ``env`` (the
    user's Rotor settings it does not set are unset), and what a process would leave behind put back: the ``rotor``
    logger's handlers and level (``--debug`` sets them). An exception that escapes is printed as Python would print
    it, with exit code 1, so "no traceback" assertions hold as they do for a process."""
    unset: dict[str, str | None] = {k: None for k in os.environ if is_user_setting(k) and k not in env}
    logger = logging.getLogger("rotor")
    handlers, level = list(logger.handlers), logger.level
    try:
        with mock.patch.object(typer.testing, "_get_command", command_once):
            result = typer.testing.CliRunner().invoke(app, args, input=input, env={**unset, **env}, prog_name="rotor")
    finally:
        logger.handlers[:], logger.level = handlers, level
    stderr, code = result.stderr, result.exit_code
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        info = result.exc_info or (type(result.exception), result.exception, result.exception.__traceback__)
        stderr += "".join(traceback.format_exception(*info))
        code = 1
    return subprocess.CompletedProcess(["rotor", *args], code, result.stdout, stderr)


def clean_env(config: Path) -> dict[str, str]:
    env = without_user_settings()
    env.update(ROTOR_CONFIG=str(config), COLUMNS="200", NO_COLOR="1")
    return env


@pytest.fixture(scope="session")
def served() -> Iterator[LiveMockRotorAPI]:
    with LiveMockRotorAPI(MockRotor(customers=300, leads=80, daily_quota=10**6)) as live:
        yield live


@pytest.fixture
def cli(served: LiveMockRotorAPI, tmp_path: Path) -> CLI:
    """The CLI pointed at the served mock through the environment, as `eval "$(rotor mock env ...)"` would."""
    env = clean_env(tmp_path / "config.toml")
    env.update(ROTOR_API_KEY=served.api_key, ROTOR_BASE_URL=served.base_url)
    return CLI(tmp_path / "config.toml", env)


@pytest.fixture
def bare_cli(tmp_path: Path) -> CLI:
    """The CLI with no key and no base URL configured."""
    return CLI(tmp_path / "config.toml", clean_env(tmp_path / "config.toml"))


def serve_with_cli(tmp_path: Path, *flags: str) -> tuple[subprocess.Popen[str], dict[str, str]]:
    """``rotor mock serve FLAGS --env-file ...`` in the background; returns it and the settings it wrote."""
    env_file = tmp_path / "mock.env"
    port = str(free_port())
    proc = subprocess.Popen(
        [str(ROTOR), "mock", "serve", "--port", port, "--env-file", str(env_file), *flags],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(tmp_path / "config.toml"),
    )
    deadline = time.monotonic() + 30
    while not env_file.is_file():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"rotor mock serve did not start: {proc.communicate()[1]}")
        time.sleep(0.05)
    settings = dict(line.split("=", 1) for line in env_file.read_text().splitlines())
    return proc, settings


def commands(command: Command | None = None, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Command]]:
    """Every command ``rotor`` runs, by its path (``("customers", "list")``), found as Click finds them (so a
    command made on demand, as ``mock serve`` is, counts); hidden aliases (``pin_types``) left out."""
    command = command or command_once(app)
    if not isinstance(command, TyperGroup):
        return [(path, command)]
    ctx = Context(command, info_name=path[-1] if path else "rotor")
    found = []
    for name in command.list_commands(ctx):
        sub = command.get_command(ctx, name)
        if sub is not None and not sub.hidden:
            found += commands(sub, (*path, name))
    return found
