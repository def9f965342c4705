"""Running the schemathesis CLI against a served API (the built-in mock, or production in live mode)."""

import subprocess
import sys
from pathlib import Path

from devtools.paths import ROOT, SPEC

CONFIG = ROOT / "schemathesis.toml"


def _run_args(base_url: str, extra: tuple[str, ...], spec: Path, checks: str) -> list[str]:
    return ["--config-file", str(CONFIG), "run", str(spec), "--url", base_url, "--checks", checks, *extra]


def schemathesis_cli(
    base_url: str, *extra: str, spec: Path = SPEC, checks: str = "all"
) -> subprocess.CompletedProcess[str]:
    """``schemathesis run`` with schemathesis.toml (all checks unless named, positive + negative, deterministic), in
    a process of its own: runs may go side by side (devtools.contract.mock runs its phases at once)."""
    exe = Path(sys.executable).parent / "schemathesis"
    cmd = [str(exe), *_run_args(base_url, extra, spec, checks)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)


def schemathesis_cli_here(
    base_url: str, *extra: str, spec: Path = SPEC, checks: str = "all"
) -> subprocess.CompletedProcess[str]:
    """The same command, run in this process through Click's test runner: the same code from its arguments to its
    report and exit code, without starting an interpreter and importing schemathesis again (two thirds of a short
    run's CPU). One run at a time: the runner swaps this process's standard streams while it runs. Its Hypothesis
    settings start from this process's loaded profile (a test run's: health checks suppressed, blobs printed), where
    a process of its own starts from Hypothesis's defaults; schemathesis.toml sets what decides the cases either way."""
    from click.testing import CliRunner  # imported only by the callers that run it here (the tests)
    from schemathesis.cli import schemathesis

    args = _run_args(base_url, extra, spec, checks)
    result = CliRunner().invoke(schemathesis, args, catch_exceptions=False)
    return subprocess.CompletedProcess(["schemathesis", *args], result.exit_code, result.output, "")


def failure_codes(output: str) -> set[str]:
    """The distinct failure codes (``ST101`` ...) in a schemathesis report."""
    return {word for word in output.replace("\n", " ").split() if word.startswith("ST") and word[2:].isdigit()}
