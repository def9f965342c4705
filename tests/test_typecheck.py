"""The test processes' garbage collector: what is loaded by the end of collection is frozen (conftest.py), and a
block that resets the collector, as an in-process mypy run does, leaves it as it found it (tests.typecheck)."""

import gc

from tests.typecheck import collector_kept


def test_what_collection_loaded_is_frozen() -> None:
    assert gc.get_freeze_count() > 0


def test_a_block_that_resets_the_collector_leaves_it_as_it_was() -> None:
    threshold = gc.get_threshold()
    with collector_kept():
        gc.unfreeze()  # what mypy does, with thresholds of its own
        gc.set_threshold(threshold[0] * 3 + 1, threshold[1] + 1, threshold[2] + 1)
    assert gc.get_threshold() == threshold
    assert gc.get_freeze_count() > 0
