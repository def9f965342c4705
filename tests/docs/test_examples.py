"""Every code block of README.md and docs/ runs, against the mock served on 127.0.0.1, and every Python block passes
``mypy --strict`` as a user would paste it. A block that is not run here says why, in a marker above it
(``tests/docs/blocks.py``)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest

from devtools import consumer
from devtools.paths import ROOT
from rotor.testing import LiveMockRotorAPI, MockRotor
from tests.docs.blocks import Block, blocks, page_text
from tests.shell import run_bash
from tests.typecheck import strict_mypy

BLOCKS = blocks()
PYTHON = [b for b in BLOCKS if b.lang == "python" and b.runs_here]
TEST_FILES = [b for b in PYTHON if "def test_" in b.code]  # a consumer's test file: pytest runs it
SCRIPTS = [b for b in PYTHON if b not in TEST_FILES]
SHELL = [b for b in BLOCKS if b.lang == "bash" and b.runs_here]
MARKED = [b for b in BLOCKS if not b.runs_here]


@pytest.fixture(scope="module")
def served() -> Iterator[LiveMockRotorAPI]:
    with LiveMockRotorAPI(MockRotor(customers=400, daily_quota=10**6)) as live:
        yield live


def _env(served: LiveMockRotorAPI) -> dict[str, str]:
    # The installed `rotor` and python first on PATH, as a user's shell would have them.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    return {**os.environ, "ROTOR_API_KEY": served.api_key, "ROTOR_BASE_URL": served.base_url, "PATH": path}


def test_the_docs_have_examples() -> None:
    assert {b.page for b in PYTHON} >= {"README.md", "docs/getting-started.md", "docs/testing.md"}
    assert len(PYTHON) >= 10


@pytest.mark.parametrize("block", MARKED, ids=lambda b: b.id)
def test_a_block_not_run_here_says_why_or_where(block: Block) -> None:
    assert block.marker is not None
    if block.marker.startswith("not run ("):
        assert block.marker.endswith(")") and len(block.marker) > len("not run ()") + 5
        return
    match = re.fullmatch(r"run by (tests/\S+\.py)( \(.+\))?", block.marker)
    assert match, f"{block.id}: marker must be 'not run (why)' or 'run by tests/<file>.py': {block.marker!r}"
    runner = ROOT / match[1]
    assert runner.is_file(), f"{block.id}: {match[1]} does not exist"
    assert block.page in runner.read_text(), f"{match[1]} does not read {block.page}"


# Every ResourceWarning shown, even at exit: what `-X dev` shows of them, without its debug allocator and asyncio debug
# mode (about a third of each block's CPU). A copied example that never closes its client would warn in its reader's
# code, so none may warn here.
PYTHON_CMD = [sys.executable, "-W", "always::ResourceWarning"]


def _test_count(code: str) -> int:
    return len(re.findall(r"^(?:async )?def test_", code, flags=re.MULTILINE))


@pytest.mark.parametrize("block", SCRIPTS, ids=lambda b: b.id)
def test_python_block_runs(block: Block, served: LiveMockRotorAPI, tmp_path: Path) -> None:
    """Each example runs, and leaves no socket or file open."""
    cmd = [*PYTHON_CMD, "-c", block.code]
    result = subprocess.run(cmd, capture_output=True, text=True, env=_env(served), cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ResourceWarning" not in result.stdout + result.stderr, result.stdout + result.stderr


def _consumer_session(group: list[Block], plugins: list[str], folder: Path, env: dict[str, str]) -> None:
    """``group``, each a test file of one consumer's project in ``folder``, run by one pytest session with
    ``plugins``: every test of every block passes, and nothing leaves a socket or file open."""
    files = {f"test_{re.sub(r'[^a-z0-9]+', '_', block.id.lower())}.py": block for block in group}
    folder.mkdir()
    for name, block in files.items():
        (folder / name).write_text(block.code)
    report = folder / "report.xml"
    cmd = [*PYTHON_CMD, "-m", "pytest", "-q", "-p", "no:cacheprovider", *plugins, "--rootdir", str(folder)]
    cmd += ["--junitxml", str(report), *files]
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=folder, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "ResourceWarning" not in output, output
    # Each block's own tests, all of them, passed: a case with no failure, error or skip under it, by file.
    cases = ElementTree.parse(report).getroot().iter("testcase")
    outcomes = {"failure", "error", "skipped"}
    passed = Counter(case.get("classname") for case in cases if not any(child.tag in outcomes for child in case))
    assert passed == {name.removesuffix(".py"): _test_count(block.code) for name, block in files.items()}, output


def test_the_test_file_blocks_pass_in_a_consumers_suite(served: LiveMockRotorAPI, tmp_path: Path) -> None:
    """The blocks that are a consumer's test files run as files of a consumer's project, with the rotor plugin's
    fixtures and only the plugins such a consumer has (devtools/consumer.py), which depend on what the block
    imports: one pytest session for the blocks that need the same plugins (a session per block cost about a second
    more each), so none passes by a plugin only another block's imports bring."""
    by_plugins: dict[tuple[str, ...], list[Block]] = {}
    for block in TEST_FILES:
        by_plugins.setdefault(tuple(consumer.pytest_options(block.code)), []).append(block)
    for index, (plugins, group) in enumerate(by_plugins.items()):
        _consumer_session(group, list(plugins), tmp_path / f"project{index}", _env(served))


@pytest.mark.parametrize("block", SHELL, ids=lambda b: b.id)
def test_shell_block_runs(block: Block, served: LiveMockRotorAPI, tmp_path: Path) -> None:
    proc = run_bash(block.code, cwd=tmp_path, env=_env(served), timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """One mypy --strict run over every Python block, each checked as a user's own file."""
    tmp = tmp_path_factory.mktemp("docs-typing")
    names = {}
    for i, block in enumerate(PYTHON):
        names[f"block{i}"] = block.id
        (tmp / f"block{i}.py").write_text(block.code)
    stdout = strict_mypy(tmp.glob("*.py"), tmp, "docs")
    errors: dict[str, list[str]] = {block_id: [] for block_id in names.values()}
    for line in stdout.splitlines():
        match = re.match(r"^.*?(block\d+)\.py:\d+: error: ", line)
        if match:
            errors[names[match[1]]].append(line)
    return errors


@pytest.mark.parametrize("block", PYTHON, ids=lambda b: b.id)
def test_python_block_passes_mypy_strict(block: Block, mypy_errors: dict[str, list[str]]) -> None:
    assert mypy_errors[block.id] == []


def test_the_markers_name_real_pages() -> None:
    # A page renamed under a "run by" test would leave that test reading nothing.
    for block in MARKED:
        assert page_text(block.page)


def test_the_readme_keeps_to_a_first_visit() -> None:
    # What it is, install, the two commands, a first example, links into the docs: the rest lives in docs/.
    readme = page_text("README.md")
    assert len(readme.splitlines()) <= 150
    assert "./scripts/regenerate" in readme and "./scripts/test" in readme and "(docs/api.md)" in readme
