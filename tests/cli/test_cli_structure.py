"""The command tree: generated from the SDK (every filter, every field, every resource), with an example in each
command's help, the version, completion, and a clear message when the 'cli' extra is missing."""

import ast
import importlib.util
import inspect
import json
import subprocess
import sys
from typing import Any

import attrs
import pytest
import typer

import rotor
import rotor_generated.models
from rotor import cli as rotor_cli
from rotor.cli.app import app
from rotor.cli.errors import ExitCode
from rotor.cli.options import REQUEST_OPTIONS
from rotor.cli.resources import command_name, every_resource
from rotor.resources._base import SyncResource
from rotor.testing import LiveMockRotorAPI
from rotor.testing.__main__ import make_parser
from rotor.testing.server import free_port
from rotor_generated.models import CustomerStatus
from tests.cli.conftest import CLI, ROTOR, commands
from tests.environment import without_user_settings

RESOURCES = every_resource()

# Marked one by one: the tests that read a resource, a filter or a field from the SDK run again on the bump
# rehearsal's bumped copy (contract_tests/test_bump_rehearsal.py); the mock's flags and the entry point do not.
derived = pytest.mark.spec_derived

ROOT = typer.main.get_command(app)


def options_of(*path: str) -> set[str]:
    command = ROOT
    for name in path:
        command = command.get_command(typer.Context(command), name)  # type: ignore[attr-defined]
    return {param.name for param in command.params if param.name}


@derived
def test_every_sdk_resource_has_a_command_group() -> None:
    """Every resource of the SDK with a list, get or upsert has its command group, derived: none is written here."""
    client = rotor.Rotor(api_key="rotor_unit_key0secret")
    found = {n: getattr(client, n) for n in dir(client) if not n.startswith("_") and n != "with_raw_response"}
    sdk = {name for name, value in found.items() if isinstance(value, SyncResource) and hasattr(value, "list")}
    client.close()
    assert sdk == {resource.name for resource in RESOURCES}
    assert {command_name(resource) for resource in RESOURCES} <= set(ROOT.list_commands(typer.Context(ROOT)))  # type: ignore[attr-defined]


@derived
@pytest.mark.parametrize("argv", [["--version"], ["--help"], []], ids=["version", "help", "bare"])
def test_version_and_help_import_neither_the_sdk_nor_the_generated_client(argv: list[str]) -> None:
    """``rotor --version`` and ``rotor --help`` start on Typer alone, yet the help lists every command group."""
    code = (
        "import sys; from rotor.cli import app; app.run(sys.argv[1:]); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rotor_generated', 'httpx', 'rich') "
        "or m in ('rotor._client', 'rotor.resources', 'rotor.cli.resources', 'rotor.cli.commands')))"
    )
    proc = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True)
    *shown, loaded = proc.stdout.strip().splitlines()
    assert not [m for m in ast.literal_eval(loaded) if not m.startswith("rich")], loaded
    if argv != ["--version"]:
        listed = "\n".join(shown)
        assert all(f" {name} " in listed for name in [*map(command_name, RESOURCES), "auth", "config", "mock"])
    else:
        assert shown == [f"rotor {rotor.__version__}"]


@derived
def test_a_resource_command_imports_only_its_own_resource_and_models() -> None:
    """``rotor customers get`` builds the customers group alone: no other resource's SDK module, generated
    operations or models are imported (each command pays only for what it uses)."""
    resource = RESOURCES[0].name
    code = (
        "import sys; from rotor.cli import app\n"
        "try: app.run(sys.argv[1:])\nexcept SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('rotor.resources.', 'rotor_generated.'))))"
    )
    argv = [command_name(RESOURCES[0]), "get", "an-id"]
    # No key anywhere: the command stops before any request, after building its group.
    env = without_user_settings() | {"ROTOR_CONFIG": "/nonexistent.toml"}
    proc = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env, check=False)
    loaded = ast.literal_eval(proc.stdout.strip().splitlines()[-1])
    assert f"rotor.resources.{resource}" in loaded, proc.stdout + proc.stderr  # the command did build its group
    others = [r.name for r in RESOURCES if r.name != resource]
    strays = [
        m for m in loaded if any(m.startswith((f"rotor.resources.{o}", f"rotor_generated.api.{o}")) for o in others)
    ]
    models = [m for m in loaded if m.startswith("rotor_generated.models.")]
    assert not strays, strays
    assert models and len(models) < len(rotor_generated.models.__all__), models  # its own, not every model


@derived
@pytest.mark.parametrize("fmt", ["json", "table"])
def test_a_command_imports_rich_only_to_draw_and_never_httpx_own_command_line(cli: CLI, fmt: str) -> None:
    """The installed entry point spares httpx's own command line (Click, Rich, Pygments), which httpx imports on
    every import; Rich is imported only where a table is drawn, so output for scripts starts without it."""
    group = command_name(RESOURCES[0])
    listed = cli(group, "list", "--limit", "1", "-f", "json")
    record_id = json.loads(listed.stdout)[0]["id"]
    code = (
        "import sys; from rotor.cli import main; code = main(); print(sorted(m for m, module in sys.modules.items() "
        "if module and (m.split('.')[0] in ('rich', 'pygments', 'click') or m == 'httpx._main'))); sys.exit(code)"
    )
    argv = [group, "get", record_id, "-f", fmt]
    proc = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, env=cli.env, check=False)
    assert proc.returncode == 0, proc.stderr
    *shown, loaded = proc.stdout.strip().splitlines()
    assert record_id in "\n".join(shown)  # the record was fetched and printed
    modules = ast.literal_eval(loaded)
    assert not [m for m in modules if not m.startswith("rich")], modules  # neither httpx's CLI nor Click nor Pygments
    assert bool(modules) == (fmt == "table"), modules  # Rich for the table alone


@derived
@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r.name)
def test_list_takes_every_filter_of_the_sdk(resource: Any) -> None:
    sdk = set(inspect.signature(resource.sdk.list).parameters) - REQUEST_OPTIONS
    assert options_of(command_name(resource), "list") == sdk | {"all", "format"}


@derived
@pytest.mark.parametrize("resource", [r for r in RESOURCES if hasattr(r.sdk, "create_or_update")], ids=lambda r: r.name)
def test_upsert_takes_every_field_of_the_request_model(resource: Any) -> None:
    fields = {f.name for f in attrs.fields(resource.sdk._upsert_params)} - {"additional_properties"}
    assert options_of(command_name(resource), "upsert") == fields | {"from_json", "format"}


@derived
def test_the_tag_filter_is_repeatable_and_singular(cli: CLI) -> None:
    help = cli("customers", "list", "--help").stdout
    assert "--tag " in help and "--tags" not in help
    values = ", ".join(member.value for member in CustomerStatus)
    assert f"One of: {values}." in help  # the enum's values, from the SDK (read here from the generated enum)


@derived
@pytest.mark.parametrize("path", [path for path, _ in commands()], ids=" ".join)
def test_every_command_has_an_example_in_its_help(path: tuple[str, ...]) -> None:
    command = dict(commands())[path]
    assert f"$ rotor {path[0]}" in (command.epilog or ""), path


def test_mock_serve_takes_the_flags_of_scripts_mock(cli: CLI) -> None:
    """The flags of the mock's one argparse parser, in the help style of every other command (Typer's)."""
    help = cli("mock", "serve", "--help").stdout
    for action in make_parser()._actions:
        for flag in action.option_strings:
            assert flag in help
    assert "Usage: rotor mock serve [OPTIONS]" in help and "─ Options ─" in help and "$ rotor mock serve" in help
    assert "usage: " not in help and "show this help message" not in help  # argparse's own words
    refused = cli("mock", "serve", "--port", "-1")  # the mock's own check, a usage error in Typer's words
    assert refused.returncode == 2 and "--port must not be negative" in refused.stderr
    assert "Try 'rotor mock serve --help' for help." in refused.stderr


def test_mock_env_prints_exports(cli: CLI, served: LiveMockRotorAPI) -> None:
    port = served.server.port
    proc = cli("mock", "env", "--port", str(port))
    assert proc.stdout.splitlines() == [
        f"export ROTOR_BASE_URL=http://127.0.0.1:{port}/open-api",
        "export ROTOR_API_KEY=rotor_mock_full0test0secret",
    ]
    assert cli("mock", "env").returncode == 2
    assert cli("mock", "env", "--port", str(free_port()), "--wait", "0.2").returncode == ExitCode.NETWORK


@derived
def test_version_and_completion(cli: CLI) -> None:
    assert cli("--version").stdout == f"rotor {rotor.__version__}\n"
    assert "_rotor_completion" in cli("--show-completion", "bash").stdout
    env = {"_ROTOR_COMPLETE": "complete_bash", "COMP_WORDS": "rotor customers list --sta", "COMP_CWORD": "3"}
    assert cli(env=env).stdout.split() == ["--status"]


def test_without_the_extra_rotor_says_what_to_install(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None if name == "rich" else real(name))
    assert rotor_cli.main() == 1
    assert capsys.readouterr().err == (
        "rotor: the command line needs the 'cli' extra (missing module: rich); "
        "install it with: pip install 'rotor-sdk[cli]'\n"
    )


def test_the_script_is_the_installed_entry_point() -> None:
    assert ROTOR.is_file()
    assert "from rotor.cli import main" in ROTOR.read_text()
    assert subprocess.run([str(ROTOR)], capture_output=True, text=True, check=False).returncode in (0, 2)
