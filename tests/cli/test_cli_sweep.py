"""Every command and every parameter of ``rotor``, given values of every kind, against a served mock: the exit code
is always one of the table in docs/cli.md ("Exit codes") and never 1 (an unexpected error), nothing prints a traceback,
and no output holds the API key.

Commands are found in the Typer app itself (``conftest.commands``), so a new command or option is swept without a
change here. Cheap by construction: Typer's ``CliRunner`` in-process (the click command built once), a few hundred
runs, each parameter getting a rotating handful of the values and each command every value at least once.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
import typer.testing
from typer._click import types
from typer._click.core import Command, Parameter  # Typer's own copy of Click

from devtools.paths import ROOT
from rotor.cli import errors, session
from rotor.cli.app import app
from rotor.testing import LiveMockRotorAPI, MockRotor
from rotor.testing import __main__ as mock_main
from tests.cli.conftest import command_once, commands

CLI_PAGE = (ROOT / "docs" / "cli.md").read_text()
TABLE = CLI_PAGE[CLI_PAGE.index("### Exit codes\n") : CLI_PAGE.index("### Trying it on the mock\n")]
DOCUMENTED = {int(code) for code in re.findall(r"^\| (\d+) \| ", TABLE, flags=re.MULTILINE)}
ALLOWED = DOCUMENTED - {1}  # 1 is a bug (or a missing extra, and both extras are installed here)

UUID = "3f0c9a2e-0000-4000-8000-000000000000"
# A value of every kind a user (or a script gone wrong) may pass; argv cannot hold NUL, so neither do these.
VALUES: dict[str, str] = {
    "empty": "",
    "whitespace": " \t ",
    "control": "a\x01b\x1b[31m\nc",
    "slash": "a/b",
    "encoded-slash": "%2F",
    "dot-dot": "../..",
    "huge-text": "x" * 70_000,
    "emoji": "😀" * 10_000,
    "zero": "0",
    "negative": "-1",
    "huge-int": "1" + "0" * 30,
    "float": "1.5",
    "nan": "nan",
    "inf": "-inf",
    "odd-boolean": "yes",
    "bad-date": "2024-13-45",
    "words-date": "yesterday",
    "bad-uuid": "3f0c9a2e-0000-4000-8000-00000000000g",
    "uuid": UUID,
    "option-like": "--help",
}

NUMERIC = ("zero", "negative", "huge-int", "float", "nan", "inf")
NUMERIC_TYPES = (types.IntParamType, types.FloatParamType)  # ranges included


@pytest.fixture(scope="module")
def served() -> Iterator[LiveMockRotorAPI]:
    mock = MockRotor(
        customers=20, leads=20, pins=10, pin_types=3, service_plans=10, serviced_jobs=10, daily_quota=10**9
    )
    with LiveMockRotorAPI(mock) as live:
        yield live


@pytest.fixture
def runner(served: LiveMockRotorAPI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> "Sweep":
    # The click command is built once: building it per run would cost more than the runs.
    monkeypatch.setattr(typer.testing, "_get_command", command_once)
    # `mock serve` with valid flags would serve until stopped: the sweep checks its flags, not its serving.
    monkeypatch.setattr(mock_main, "serve", lambda args: 0)
    return Sweep(served, tmp_path, monkeypatch)


class Sweep:
    def __init__(self, served: LiveMockRotorAPI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.runner = typer.testing.CliRunner()
        self.key = served.api_key
        self.port = served.server.port
        self.tmp_path = tmp_path
        self.env = {
            "ROTOR_API_KEY": served.api_key,
            "ROTOR_BASE_URL": served.base_url,
            "ROTOR_CONFIG": str(tmp_path / "config.toml"),
            "ROTOR_PROFILE": None,
            "COLUMNS": "120",
        }
        self.reported: list[BaseException] = []  # what `reporting` turned into a message, last one last
        real = errors.message

        def message(exc: BaseException) -> str:
            self.reported.append(exc)
            return real(exc)

        monkeypatch.setattr(session, "message", message)

    def run(self, args: list[str]) -> tuple[int, str, BaseException | None]:
        """The exit code, all output, and the exception behind an exit 1 (None when there was none)."""
        self.reported.clear()
        result = self.runner.invoke(app, args, env=self.env, prog_name="rotor", input="")
        error = result.exception if not isinstance(result.exception, SystemExit) else None
        return result.exit_code, result.output, error or (self.reported[-1] if self.reported else None)


def _base(path: tuple[str, ...], command: Command, tmp_path: Path, port: int) -> dict[str, list[str]]:
    """The least each command needs to get past its own usage check: a value for each required parameter."""
    given: dict[str, list[str]] = {}
    for param in _swept(command):
        if param.required:
            value = {"id": UUID, "out": str(tmp_path / "out.jsonl"), "name": "base_url"}.get(param.name or "", "x")
            given[param.name or ""] = _spell(param, value)
    if path == ("mock", "env"):  # the port the mock serves on: no waiting, whatever --wait says
        given = {"port": ["--port", str(port)]}
    return given


def _swept(command: Command) -> list[Parameter]:
    return [p for p in command.params if p.name not in {"help", "install_completion", "show_completion", "version"}]


def _spell(param: Parameter, value: str) -> list[str]:
    if param.param_type_name == "argument":
        return [value]
    return [param.opts[0], value]  # a flag given a value: the value is a stray argument, a usage error


def cases(path: tuple[str, ...], command: Command, tmp_path: Path, port: int) -> Iterator[tuple[str, str, list[str]]]:
    """(parameter, value kind, argv) for one command: its parameters and the value kinds in turn, side by side,
    until each parameter has had a value and each kind a parameter (kind k on parameter k, then on parameter k
    modulo their number: a command's runs are bounded by the longer list). Global options are swept on
    `rotor auth test`."""
    params = _swept(command)
    if not params:
        yield "", "", list(path)
        return
    kinds = list(VALUES)
    base = _base(path, command, tmp_path, port)
    turns = [(params[turn % len(params)], kinds[turn % len(kinds)]) for turn in range(max(len(params), len(kinds)))]
    # A number's edges are where its bugs are (a port past 65535, a wait of nan): every numeric kind on each.
    turns += [
        (p, kind) for p in params if isinstance(p.type, NUMERIC_TYPES) for kind in NUMERIC if (p, kind) not in turns
    ]
    for param, kind in turns:
        rest = [arg for name, spelled in base.items() if name != param.name for arg in spelled]
        given = _spell(param, VALUES[kind])
        if path:
            argv = [*path, *rest, *given] if param.param_type_name != "argument" else [*path, *given, *rest]
        else:
            argv = [*given, "auth", "test"]
        yield param.name or "", kind, argv


ROOT_COMMAND = typer.main.get_command(app)
COMMANDS = [((), ROOT_COMMAND), *commands()]


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=lambda c: " ".join(c) if isinstance(c, tuple) else "")
def test_every_value_of_every_parameter_exits_with_a_documented_code(
    runner: Sweep, path: tuple[str, ...], command: Command, tmp_path: Path
) -> None:
    failures = []
    swept_kinds = set()
    for _, kind, argv in cases(path, command, tmp_path, runner.port):
        swept_kinds.add(kind)
        code, out, error = runner.run(argv)
        shown = [a if len(a) < 40 else f"<{kind}: {len(a)} chars>" for a in argv]
        if code not in ALLOWED:
            failures.append(f"exit {code} for {shown}: {type(error).__name__ if error else ''} {out[-300:]!r}")
        elif "Traceback" in out or (runner.key in out and path != ("mock", "env")):  # it prints the mock's key
            failures.append(f"a traceback or the key in the output of {shown}: {out[-300:]!r}")
    assert not failures, "\n".join(failures)
    assert swept_kinds == set(VALUES) or not _swept(command)


@pytest.mark.parametrize(
    "argv",
    [
        ["customers", "get", "x" * 70_000],
        ["customers", "list", "--search", "😀" * 10_000],
        ["--timeout", "1" + "0" * 30, "auth", "test"],
        ["customers", "export", "--out", "é" * 300],
        ["leads", "upsert", "--projected-value", "nan"],
    ],
    ids=["huge-id", "huge-search", "huge-timeout", "huge-file-name", "nan-field"],
)
def test_values_the_sdk_once_let_through_are_refused(runner: Sweep, argv: list[str]) -> None:
    code, out, error = runner.run(argv)
    assert code == 7, (code, type(error), out[-300:])


def test_the_sweep_reads_the_documented_codes() -> None:
    assert {0, 2, 3, 4, 5, 6, 7, 8, 9, 10} == ALLOWED
