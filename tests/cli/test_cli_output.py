"""The CLI's rendering, in-process: the export's progress bar and the records table."""

import io

import pytest
from rich.console import Console
from rich.progress import Progress

from rotor._export import ExportProgress
from rotor.cli import output


def _frames(monkeypatch: pytest.MonkeyPatch, steps: list[ExportProgress]) -> list[str]:
    """The bar's text after each step, as a terminal 200 columns wide would show it."""
    terminal = Console(file=io.StringIO(), force_terminal=True, width=200)
    frames: list[str] = []

    def keep(bar: Progress) -> None:
        capture = Console(file=io.StringIO(), width=200, color_system=None)
        capture.print(bar.get_renderable())
        frames.append(capture.file.getvalue())  # type: ignore[attr-defined]

    monkeypatch.setattr(output, "progress_console_factory", lambda: terminal)
    monkeypatch.setattr(output, "on_progress_frame", keep)
    with output.export_progress("customers") as update:
        assert update is not None
        for step in steps:
            update(step)
    return frames


def test_the_progress_bar_counts_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = (
        ExportProgress(written=1000 * n, pages=n, requests=n, planned_requests=3 - n, total=2258) for n in (1, 2)
    )
    first, second = _frames(monkeypatch, [one, two])
    assert "1,000 written, 1 page, 1 request spent, 2 planned" in first
    assert "2,000 written, 2 pages, 2 requests spent, 1 planned" in second


@pytest.mark.parametrize(("n", "text"), [(0, "0 pages"), (1, "1 page"), (2, "2 pages"), (1000, "1000 pages")])
def test_counted(n: int, text: str) -> None:
    assert output.counted(n, "page") == text
