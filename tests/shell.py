"""Running a shell script as the docs and README show it: ``bash -euo pipefail``, in a process group of its own, so a
script that hangs is killed whole, any mock or server it started included."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path


def run_bash(
    script: str, *, cwd: Path, env: dict[str, str], timeout: float, input: str = ""
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.Popen(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(input, timeout=timeout)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
