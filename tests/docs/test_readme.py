"""Every Python example in README.md runs, against the mock served on 127.0.0.1."""

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools.paths import ROOT
from rotor.testing import LiveMockRotorAPI, MockRotor

BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), flags=re.DOTALL)


@pytest.fixture(scope="module")
def served() -> Iterator[LiveMockRotorAPI]:
    with LiveMockRotorAPI(MockRotor(customers=400, daily_quota=10**6)) as live:
        yield live


def test_the_readme_has_examples() -> None:
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_example_runs(code: str, served: LiveMockRotorAPI, tmp_path: Path) -> None:
    """Each example runs, and under ``python -X dev`` leaves no socket or file open (a copied example that never
    closes its client would warn in its reader's code)."""
    env = {**os.environ, "ROTOR_API_KEY": served.api_key, "ROTOR_BASE_URL": served.base_url}
    python = [sys.executable, "-X", "dev"]  # dev mode shows every ResourceWarning, even at exit
    if "def test_" in code:
        # A consumer's test file: run it with pytest, where the rotor plugin provides the fixtures.
        path = tmp_path / "test_consumer_example.py"
        path.write_text(code)
        cmd = [*python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(tmp_path), str(path)]
    else:
        cmd = [*python, "-c", code]
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ResourceWarning" not in result.stdout + result.stderr, result.stdout + result.stderr
    if "def test_" in code:
        tests = len(re.findall(r"^(?:async )?def test_", code, flags=re.MULTILINE))
        assert re.search(rf"\b{tests} passed\b", result.stdout), result.stdout


def test_the_install_lines_are_the_ones_the_wheel_smoke_runs() -> None:
    """`pip install rotor-sdk` finds nothing (not published): the README installs from a checkout or a built wheel,
    and devtools/wheel_smoke.py (in ./scripts/test) runs the checkout line as written, then the wheel with extras."""
    from devtools import wheel_smoke

    lines = wheel_smoke.readme_install_lines()
    assert "pip install rotor-sdk" not in lines
    assert lines[0] == f"pip install {wheel_smoke.CHECKOUT}" and wheel_smoke.checkout_install() == [str(ROOT)]
    assert any(
        re.fullmatch(r"pip install 'dist/rotor_sdk-<version>-py3-none-any\.whl\[\w+(,\w+)*\]'", line) for line in lines
    )
    assert any("python -m build" in line for line in lines)
