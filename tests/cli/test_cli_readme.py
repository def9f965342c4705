"""The docs' command-line page (docs/cli.md): every command line runs as written (the installed `rotor` against the
mock), every exit code is in its table, and its picture is what the real command prints today."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from devtools import cli_screenshots
from devtools.paths import ROOT
from rotor.cli.errors import ExitCode
from rotor.testing import LiveMockRotorAPI
from rotor.testing.server import free_port
from tests.cli.conftest import clean_env
from tests.shell import run_bash

SECTION = (ROOT / "docs" / "cli.md").read_text()
# The blocks that run `rotor` (the install line is left to pip).
BLOCKS = [
    block
    for block in re.findall(r"```bash\n(.*?)```", SECTION, flags=re.DOTALL)
    if re.search(r"^rotor ", block, flags=re.MULTILINE)
]


def run_block(block: str, env: dict[str, str], cwd: Path, input: str = "") -> subprocess.CompletedProcess[str]:
    env = {**env, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"}  # the installed `rotor`
    return run_bash(block, cwd=cwd, env=env, timeout=120, input=input)


def test_the_section_has_its_blocks() -> None:
    assert len(BLOCKS) == 3  # examples, configuration, the mock


def test_the_examples_run(served: LiveMockRotorAPI, tmp_path: Path) -> None:
    [examples] = [b for b in BLOCKS if "rotor customers list" in b and "mock" not in b]
    env = {**clean_env(tmp_path / "config.toml"), "ROTOR_API_KEY": served.api_key, "ROTOR_BASE_URL": served.base_url}
    proc = run_block(examples, env, tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert '"action": "created"' in proc.stdout and "Examples" in proc.stdout  # an upsert's answer; --help
    assert (tmp_path / "customers.jsonl").read_text().count("\n") > 10


def test_the_configuration_runs(tmp_path: Path, served: LiveMockRotorAPI) -> None:
    [configuration] = [b for b in BLOCKS if "rotor config" in b]
    proc = run_block(configuration, clean_env(tmp_path / "config.toml"), tmp_path, input=served.api_key + "\n")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert served.api_key not in proc.stdout + proc.stderr and "rotor_st…cret" in proc.stdout
    assert "https://staging.example.com/open-api" in proc.stdout


def test_the_mock_recipe_runs(tmp_path: Path) -> None:
    [recipe] = [b for b in BLOCKS if "rotor mock serve" in b]
    proc = run_block(recipe.replace("8787", str(free_port())), clean_env(tmp_path / "config.toml"), tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count('"id"') == 5  # the five customers, as JSON (piped)


@pytest.mark.parametrize("code", list(ExitCode), ids=lambda c: c.name)
def test_every_exit_code_is_in_the_table(code: ExitCode) -> None:
    assert re.search(rf"^\| {int(code)} \| ", SECTION, flags=re.MULTILINE)


def test_the_picture_is_up_to_date() -> None:
    assert "](cli-customers-list.svg)" in SECTION
    assert "](cli-customers-export.svg)" in SECTION
    assert cli_screenshots.main(["--check"]) == 0, "run scripts/cli-screenshots"
