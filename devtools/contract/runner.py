"""Running the schemathesis CLI against a served API (the built-in mock, or production in live mode)."""

import subprocess
import sys
from pathlib import Path

from devtools.paths import ROOT, SPEC


def schemathesis_cli(
    base_url: str, *extra: str, spec: Path = SPEC, checks: str = "all"
) -> subprocess.CompletedProcess[str]:
    """``schemathesis run`` with schemathesis.toml (all checks unless named, positive + negative, deterministic)."""
    exe = Path(sys.executable).parent / "schemathesis"
    cmd = [str(exe), "run", str(spec), "--url", base_url, "--checks", checks, *extra]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)


def failure_codes(output: str) -> set[str]:
    """The distinct failure codes (``ST101`` ...) in a schemathesis report."""
    return {word for word in output.replace("\n", " ").split() if word.startswith("ST") and word[2:].isdigit()}
