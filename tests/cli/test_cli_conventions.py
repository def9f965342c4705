"""The conventions of gh and the AWS CLI that `rotor` follows (issue 20, item 10): flags for booleans and values
named in words in help, hyphenated command names, completion of enum values, a screenful on a terminal with ids
whole, a key piped in without a prompt."""

import os
import pty
import re
import subprocess
import typing
from collections.abc import Iterator
from typing import Any

import pytest

from rotor.cli.options import enum_values, option_name
from rotor.cli.resources import command_name, every_resource
from rotor.testing import LiveMockRotorAPI
from tests.cli.conftest import CLI, ROTOR, commands

RESOURCES = every_resource()

UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.fixture
def invoke(cli: CLI) -> Any:
    """`rotor ARGS` in-process against the served mock (the ``cli`` fixture's runner): (exit code, all output)."""

    def run(*args: str, **extra_env: str) -> tuple[int, str]:
        proc = cli(*args, env=extra_env)
        return proc.returncode, proc.stdout + proc.stderr

    return run


@pytest.mark.parametrize("path", [(), *(path for path, _ in commands())], ids=lambda p: " ".join(p) or "rotor")
def test_help_names_values_in_words(invoke: Any, path: tuple[str, ...]) -> None:
    code, help = invoke(*path, "--help")
    assert code == 0
    assert not re.findall(r"<[\w\[\], |]+>", help), help  # Python's placeholders: <str>, <int>, <list[str]>, <bool>


def test_help_placeholders_say_what_the_value_is(invoke: Any) -> None:
    def row(help: str, flag: str) -> str:
        return next(line for line in help.splitlines() if f"{flag} " in line)

    customers = invoke("customers", "list", "--help")[1]
    assert "TAG" in row(customers, "--tag") and "[active|inactive]" in row(customers, "--status")
    assert "--no-archived" in row(customers, "--archived")
    assert "UUID" in row(invoke("pins", "list", "--help")[1], "--pin-type-id")
    assert "DATE" in row(invoke("service-plans", "list", "--help")[1], "--created-at-range-start")
    assert "--no-debug" in row(invoke("--help")[1], "--debug")


def test_a_value_after_a_flag_is_refused_as_such(invoke: Any) -> None:
    code, output = invoke("--debug", "true", "auth", "test")
    assert code == 2 and "boolean options are flags" in output and "No such command" not in output
    assert invoke("--no-debug", "auth", "test")[0] == 0


def test_command_names_are_hyphenated_and_the_underscored_ones_still_work(invoke: Any) -> None:
    listed = invoke("--help")[1]
    for resource in RESOURCES:
        assert command_name(resource) in listed
        if "_" in resource.name:
            assert resource.name not in listed  # an alias, hidden
    hyphenated, underscored = invoke("pin-types", "list", "-f", "json"), invoke("pin_types", "list", "-f", "json")
    assert hyphenated[0] == underscored[0] == 0 and hyphenated[1] == underscored[1]
    assert invoke("serviced_jobs", "list", "--limit", "1", "-f", "json")[0] == 0


def _enum_options() -> Iterator[tuple[str, str, str, list[str]]]:
    """(group, subcommand, flag, values) for every option of an SDK enum, found in the SDK's hints as the CLI's."""
    for resource in RESOURCES:
        sources = [("list", typing.get_type_hints(resource.sdk.list))]
        if hasattr(resource.sdk, "create_or_update"):
            sources.append(("upsert", typing.get_type_hints(resource.sdk._upsert_params)))
        for sub, hints in sources:
            for keyword, hint in hints.items():
                if enum_values(hint):
                    yield command_name(resource), sub, option_name(keyword, str), enum_values(hint)


ENUM_OPTIONS = list(_enum_options())


def test_the_enum_options_are_found() -> None:
    flags = {(group, sub, flag) for group, sub, flag, _ in ENUM_OPTIONS}
    assert {
        ("customers", "list", "--status"),
        ("service-plans", "list", "--frequency"),
        ("leads", "upsert", "--priority"),
    } <= flags


@pytest.mark.parametrize(
    ("group", "sub", "flag", "values"), ENUM_OPTIONS, ids=lambda x: x if isinstance(x, str) else ""
)
def test_every_enum_option_completes_its_values(
    invoke: Any, group: str, sub: str, flag: str, values: list[str]
) -> None:
    words = f"rotor {group} {sub} {flag} "
    env = {"_ROTOR_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "4"}
    code, output = invoke(**env)
    assert code == 0 and output.split() == values
    prefix = values[0][:2]
    env = {**env, "COMP_WORDS": words + prefix}
    assert invoke(**env)[1].split() == [v for v in values if v.startswith(prefix)]


def test_a_terminal_gets_a_screenful_with_whole_ids(cli: CLI, served: LiveMockRotorAPI) -> None:
    """An 80x20 terminal: a screenful of rows (not the 1,000 of a page), a line saying how to see more, and every
    id whole on its row."""
    before = served.mock.requests_served
    primary, secondary = pty.openpty()
    try:
        proc = subprocess.run(
            [str(ROTOR), "customers", "list"],
            stdout=secondary,
            stderr=subprocess.PIPE,
            env={**cli.env, "COLUMNS": "80", "LINES": "20"},
            timeout=60,
            check=False,
        )
        os.close(secondary)
        shown = b""
        while chunk := _read(primary):
            shown += chunk
    finally:
        os.close(primary)
    assert proc.returncode == 0, proc.stderr
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.decode())  # colours and cursor codes out
    rows = [line for line in text.splitlines() if line.startswith("│")]
    ids = [match for row in rows for match in UUID_RE.findall(row)]
    assert len(ids) == 20 - 7  # the terminal's height less the table's frame and the prompt
    assert all(len(row) <= 80 for row in text.splitlines())
    assert "--limit N (up to 1000) or --all for more" in text and "hidden at this width" in text
    assert served.mock.requests_served - before == 1
    with served.client() as client:
        assert ids == [c.id for c in client.customers.list(limit=13).data]


def test_a_piped_key_is_read_without_a_prompt(bare_cli: CLI) -> None:
    """`echo KEY | rotor config set api_key`: stored, and nothing but the confirmation printed (no prompt, no
    getpass warning that input may be echoed)."""
    proc = bare_cli("config", "set", "api_key", input="rotor_piped0key0secret\n")
    assert proc.returncode == 0 and proc.stderr == ""
    assert proc.stdout.startswith("api_key = rotor_pi…cret in profile 'default'")
    assert 'api_key = "rotor_piped0key0secret"' in bare_cli.config.read_text()
    assert bare_cli("config", "set", "api_key", input="\n").returncode == 2  # an empty line: nothing to store


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # EIO: the writer closed the terminal
        return b""
