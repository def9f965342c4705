"""``mypy --strict`` over small user programs, in this process (its own process would import mypy again, seconds of
CPU), as a user's own code is checked: the SDK's errors are not the programs' concern (``follow_imports =
silent``)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from mypy import api

from devtools.paths import ROOT
from tests.collector import collector_kept


def strict_mypy(files: Iterable[Path], workdir: Path, cache_name: str) -> str:
    """mypy's report on ``files``; its configuration is written to ``workdir``. The cache is kept between runs (one
    per xdist worker, which may run this at the same time): the SDK, httpx and attrs are checked once, and a rerun
    checks only the programs (about 3 s instead of 30)."""
    config = workdir / "mypy.ini"
    config.write_text(
        "[mypy]\nstrict = True\npython_version = 3.11\nfollow_imports = silent\n"
        f"mypy_path = {ROOT / 'src'}:{ROOT / 'generated'}\n"
    )
    cache = ROOT / "build" / f"mypy-{cache_name}-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    with collector_kept():
        stdout, stderr, _ = api.run(["--config-file", str(config), "--cache-dir", str(cache), *map(str, files)])
    assert not stderr, stderr
    return stdout
