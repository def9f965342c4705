"""What every command shares: the global flags (``State``), the SDK client made from them, and error reporting."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from collections.abc import AsyncIterator, Iterator
from typing import Any

import typer
from attrs import define

from rotor._client import AsyncRotor, Rotor
from rotor.cli import config
from rotor.cli.errors import CLIError, ExitCode, classify, interrupted_export, message


@define
class State:
    """The root command's flags, kept on ``ctx.obj`` for the subcommands."""

    api_key: str | None = None
    base_url: str | None = None
    profile: str | None = None
    timeout: float | None = None
    max_retries: int | None = None
    debug: bool = False

    def resolve(self) -> config.Resolved:
        return config.resolve({"api_key": self.api_key, "base_url": self.base_url}, self.profile)


def state(ctx: typer.Context) -> State:
    found = ctx.find_object(State)
    return found if found is not None else State()


def client_options(ctx: typer.Context) -> dict[str, Any]:
    """A client's keywords from flags, then the environment, then the profile (no key: exit 3)."""
    flags = state(ctx)
    resolved = flags.resolve()
    options = resolved.client_options()
    if not options["api_key"]:
        raise CLIError(
            "no API key: pass --api-key, set ROTOR_API_KEY, or store one with: rotor config set api_key",
            ExitCode.AUTH,
        )
    extra: dict[str, object] = {}
    if flags.timeout is not None:
        extra["timeout"] = flags.timeout
    if flags.max_retries is not None:
        extra["max_retries"] = flags.max_retries
    return {**options, **extra}


@contextlib.contextmanager
def session(ctx: typer.Context) -> Iterator[Rotor]:
    """A ``Rotor`` configured from flags, then the environment, then the profile."""
    with Rotor(**client_options(ctx)) as client:
        yield client


@contextlib.asynccontextmanager
async def async_session(ctx: typer.Context) -> AsyncIterator[AsyncRotor]:
    """As ``session``, an ``AsyncRotor`` (exports read pages concurrently)."""
    async with AsyncRotor(**client_options(ctx)) as client:
        yield client


def _is_cli_flow(exc: BaseException) -> bool:
    """Typer's own exceptions (Exit, Abort, usage errors) go on to Typer, which prints and exits for them."""
    return type(exc).__module__.startswith(("typer", "click"))


@contextlib.contextmanager
def reporting(ctx: typer.Context) -> Iterator[None]:
    """Any failure becomes one line on stderr and its exit code (README, "Exit codes"); ``--debug`` adds the
    traceback before it."""
    try:
        yield
    except BrokenPipeError:
        # `rotor ... | head`: the reader left; nothing to report. Later flushes of stdout go nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(ExitCode.OK) from None
    except (Exception, KeyboardInterrupt) as exc:
        # Ctrl-C reaches here only when it interrupted an export that kept what it wrote (exit 10, resumable).
        if _is_cli_flow(exc) or (isinstance(exc, KeyboardInterrupt) and interrupted_export(exc) is None):
            raise
        if state(ctx).debug:
            traceback.print_exc()
        code, _ = classify(exc)
        typer.echo(message(exc), err=True)
        raise typer.Exit(int(code)) from None


def enable_debug_logging() -> None:
    """``--debug``: the SDK's request log (keys scrubbed by its filter) on stderr."""
    logger = logging.getLogger("rotor")
    if not any(isinstance(h, logging.StreamHandler) and h.stream is sys.stderr for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
