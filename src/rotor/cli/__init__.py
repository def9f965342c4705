"""The ``rotor`` command: look up, list and upsert Rotor records from a shell, built on the SDK.

Needs the ``cli`` extra (``pip install 'rotor-sdk[cli]'``): Typer, Rich, platformdirs, tomli-w. The entry point is
installed with every wheel, so without the extra it says which one to install instead of a traceback.
"""

from __future__ import annotations

import importlib.util
import sys

_EXTRA = ("typer", "rich", "platformdirs", "tomli_w")
PIP_HINT = "pip install 'rotor-sdk[cli]'"
INTERRUPTED = 130  # what shells report for a command stopped by Ctrl-C (128 + SIGINT), and what Typer exits with


def main() -> int:
    """``rotor`` (``[project.scripts]``): the app, or the install hint when the extra is missing."""
    missing = [name for name in _EXTRA if importlib.util.find_spec(name) is None]
    if missing:
        print(
            f"rotor: the command line needs the 'cli' extra (missing module: {', '.join(missing)}); "
            f"install it with: {PIP_HINT}",
            file=sys.stderr,
        )
        return 1
    # httpx imports its own command line (Click, Rich's console, Pygments) on every import when they are installed;
    # rotor never runs it. Marked absent, httpx takes the path it takes without its 'cli' extra (its __init__
    # catches the ImportError): about 30 ms off every command. Only in this process, which `rotor` owns.
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    try:
        from rotor.cli.app import run
    except KeyboardInterrupt:  # Ctrl-C while importing, before Typer handles it: quiet, and the same exit code
        return INTERRUPTED
    return run(sys.argv[1:])
