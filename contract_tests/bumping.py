"""Running scripts/bump-api-version on a copy of the project, for the bump tests.

In this process (``devtools.bump.main``, its output captured), not a new interpreter per bump: the bump is static
work on files (the generator it runs is its own process either way), and starting Python with the devtools
imported cost about a second of each test.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from attrs import frozen

from devtools import bump


@frozen
class BumpRun:
    returncode: int
    stdout: str
    stderr: str


def run_bump(root: Path, *args: str) -> BumpRun:
    """``scripts/bump-api-version ARGS`` on the project at ``root``; the released spec is ``root/../released.yaml``."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = bump.main([*args, "--root", str(root), "--base", str(root.parent / "released.yaml")])
    return BumpRun(code, out.getvalue(), err.getvalue())
