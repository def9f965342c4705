"""The test processes' garbage collector (tests/collector.py): settled once collection is done, and left as it was
by a block that resets it, as an in-process mypy run does."""

import gc
import os
import subprocess
import sys
from pathlib import Path

from devtools.paths import ROOT
from tests.collector import FULL_COLLECTION_EVERY, collector_kept


def test_what_collection_loaded_is_frozen_and_full_collections_are_rare() -> None:
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[2] == FULL_COLLECTION_EVERY


def test_a_block_that_resets_the_collector_leaves_it_as_it_was() -> None:
    threshold = gc.get_threshold()
    with collector_kept():
        gc.unfreeze()  # what mypy does, with thresholds of its own
        gc.set_threshold(threshold[0] * 3 + 1, threshold[1] + 1, threshold[2] + 1)
    assert gc.get_threshold() == threshold
    assert gc.get_freeze_count() > 0


LEAKING_MODULE = """
import socket

class Holder:
    def __init__(self):
        self.me = self
        self.socket = socket.socket()

Holder()  # unreachable at once, in a cycle: only the collector finalizes it


def test_nothing():
    pass
"""


def test_garbage_from_collection_is_still_finalized_not_frozen(tmp_path: Path) -> None:
    # A socket leaked while the tests were imported still warns, and the warning is still an error.
    (tmp_path / "conftest.py").write_text(
        "from tests import collector\n\ndef pytest_collection_finish():\n    collector.settle()\n"
    )
    (tmp_path / "test_leak.py").write_text(LEAKING_MODULE)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    errors_are_errors = ["-W", "error::ResourceWarning", "-W", "error::pytest.PytestUnraisableExceptionWarning"]
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *errors_are_errors]
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "ResourceWarning" in result.stdout, result.stdout + result.stderr
