"""Running the devtools' commands (``scripts/bump-api-version``, ``scripts/diff-spec``) in this process: their
``main``, output captured, instead of a new interpreter per run. These commands are static work on files (a
generator the bump runs is its own process either way), and starting Python with the devtools imported cost about
a second a run, more than most of the runs.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
from collections.abc import Callable
from pathlib import Path

from devtools import bump


def run_main(main: Callable[[list[str]], int], argv: list[str], name: str) -> subprocess.CompletedProcess[str]:
    """``name ARGV`` as ``main(argv)``: its exit code and what it printed, as a process would give them."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return subprocess.CompletedProcess([name, *argv], code, out.getvalue(), err.getvalue())


def run_bump(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``scripts/bump-api-version ARGS`` on the project at ``root``; the released spec is ``root/../released.yaml``."""
    argv = [*args, "--root", str(root), "--base", str(root.parent / "released.yaml")]
    return run_main(bump.main, argv, "scripts/bump-api-version")
