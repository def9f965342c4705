"""The test processes' garbage collector (tests/collector.py): settled once collection is done, and left as it was
by a block that resets it, as an in-process mypy run does."""

import gc

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
