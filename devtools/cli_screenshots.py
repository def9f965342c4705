"""The docs' pictures of the CLI (docs/cli.md), made by running the real commands against the seeded mock.

Each picture is one ``rotor`` command line, run in-process through the CLI's own entry (``rotor.cli.app.run``)
with its tables printed on a recording Rich console, saved as SVG (``Console(record=True)`` + ``save_svg``). The
mock's data is deterministic for its seed, so the files change only when the CLI's output does;
``tests/cli/test_cli_readme.py`` fails when a committed picture is stale.

    scripts/cli-screenshots            # rewrite docs/*.svg
    scripts/cli-screenshots --check    # exit 1 when a picture is out of date
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console

from devtools.paths import ROOT
from rotor.cli import output
from rotor.cli.app import run
from rotor.testing import LiveMockRotorAPI, MockRotor

# picture -> the command line it shows (arguments after `rotor`)
SCREENSHOTS = {
    "docs/cli-customers-list.svg": ["customers", "list", "--status", "active", "--tag", "vip", "--limit", "8"],
}
# picture -> the export whose progress bar it shows, as drawn after its second page
EXPORT_SCREENSHOTS = {
    "docs/cli-customers-export.svg": ["customers", "export", "--archived", "--concurrency", "1"],
}
FRAME_AFTER_PAGES = 2
WIDTH = 160


@contextmanager
def environment(**values: str) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def render(args: list[str], mock: LiveMockRotorAPI) -> str:
    """The SVG of ``rotor ARGS --format table`` as a terminal of WIDTH columns shows it."""
    console = Console(record=True, width=WIDTH, force_terminal=True, color_system="truecolor", file=io.StringIO())
    with (
        tempfile.TemporaryDirectory() as tmp,
        environment(
            ROTOR_API_KEY=mock.api_key, ROTOR_BASE_URL=mock.base_url, ROTOR_CONFIG=str(Path(tmp) / "none.toml")
        ),
    ):
        factory, output.console_factory = output.console_factory, lambda: console
        try:
            code = run([*args, "--format", "table"])
        finally:
            output.console_factory = factory
    if code != 0:
        raise SystemExit(f"rotor {' '.join(args)} exited {code}")
    return console.export_svg(title=f"rotor {' '.join(args)}")


def render_progress(args: list[str], mock: LiveMockRotorAPI) -> str:
    """The SVG of the progress bar ``rotor ARGS --out FILE`` draws on a terminal, after FRAME_AFTER_PAGES pages.
    Its clock is stopped at 0 so the picture does not depend on the machine's speed."""
    terminal = Console(width=WIDTH, force_terminal=True, color_system="truecolor", file=io.StringIO(),
                       get_time=lambda: 0.0)  # fmt: skip
    frames: list[str] = []

    def keep(bar: Any) -> None:
        # The bar shows its counts as one worded field ("2 pages"); with one request a page, requests count pages.
        if bar.tasks[0].completed == FRAME_AFTER_PAGES:
            picture = Console(record=True, width=WIDTH, force_terminal=True, color_system="truecolor",
                              file=io.StringIO())  # fmt: skip
            picture.print(bar.get_renderable())
            frames.append(picture.export_svg(title=f"rotor {' '.join(args)} --out customers.jsonl"))

    with (
        tempfile.TemporaryDirectory() as tmp,
        environment(
            ROTOR_API_KEY=mock.api_key, ROTOR_BASE_URL=mock.base_url, ROTOR_CONFIG=str(Path(tmp) / "none.toml")
        ),
    ):
        saved = output.progress_console_factory, output.on_progress_frame
        output.progress_console_factory, output.on_progress_frame = (lambda: terminal), keep
        try:
            code = run([*args, "--out", str(Path(tmp) / "customers.jsonl")])
        finally:
            output.progress_console_factory, output.on_progress_frame = saved
    if code != 0 or not frames:
        raise SystemExit(f"rotor {' '.join(args)} exited {code} with {len(frames)} frames")
    return frames[0]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    with LiveMockRotorAPI(MockRotor(seed=0)) as mock:
        pictures = [(name, args, render) for name, args in SCREENSHOTS.items()]
        pictures += [(name, args, render_progress) for name, args in EXPORT_SCREENSHOTS.items()]
        for name, args, draw in pictures:
            svg = draw(args, mock)
            path = ROOT / name
            if check:
                if not path.is_file() or path.read_text() != svg:
                    stale.append(name)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(svg)
                print(f"wrote {name}: rotor {' '.join(args)}")
    if stale:
        print(f"out of date (run scripts/cli-screenshots): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
