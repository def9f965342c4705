"""The code blocks of the docs: README.md and every Markdown page under docs/, as the tests run them.

A block runs unless an HTML comment right above it says otherwise: ``<!-- docs-test: not run (why) -->`` (an install,
the gate itself) or ``<!-- docs-test: run by tests/<file>.py (...) -->`` (a test that also checks its output; that
file must name the page). The generated pages (``devtools/api_docs.py``) hold signatures, not programs.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from devtools.api_docs import OWNED
from devtools.paths import ROOT

FENCE = re.compile(
    r"(?:<!-- docs-test: (?P<marker>[^\n]*?) -->\n)?^```(?P<lang>python|bash)\n(?P<code>.*?)^```", re.S | re.M
)


@attrs.frozen
class Block:
    page: str  # relative to the repository root
    index: int  # its place among the page's blocks
    lang: str
    code: str
    marker: str | None

    @property
    def id(self) -> str:
        return f"{self.page}#{self.index}"

    @property
    def runs_here(self) -> bool:
        return self.marker is None


def pages() -> list[Path]:
    generated = {ROOT / path for path in OWNED}
    return [ROOT / "README.md", *(p for p in sorted((ROOT / "docs").rglob("*.md")) if p not in generated)]


def page_blocks(path: Path) -> list[Block]:
    page = path.relative_to(ROOT).as_posix()
    return [
        Block(page, i, m["lang"], m["code"], m["marker"])
        for i, m in enumerate(FENCE.finditer(path.read_text(encoding="utf-8")))
    ]


def blocks() -> list[Block]:
    return [block for path in pages() for block in page_blocks(path)]


def page_text(page: str) -> str:
    return (ROOT / page).read_text(encoding="utf-8")
