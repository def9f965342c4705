"""The garbage collector of the test processes (conftest.py settles it once collection is done).

What collection loaded (the libraries, the spec, the built strategies and schemas) stays for the whole run: frozen,
no collection walks it again. CPython runs a full collection only once the objects that survived since the last one
number a quarter of those it kept then; frozen objects are not counted among those, so that brake stopped holding
and full collections came four times as often. One in every 100 rounds of the middle generation, not 10, makes them
rare again. Together about a tenth of the tests' CPU (BENCHMARKS.md, issue 21).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FULL_COLLECTION_EVERY = 100  # collections of the middle generation per full collection (CPython's default: 10)


def settle() -> None:
    _collect_then_freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)


@contextmanager
def collector_kept() -> Iterator[None]:
    """The collector as it was, whatever the block inside does to it. An in-process mypy run sets its own thresholds
    for good and moves every frozen object back into the collected heap; the tests after it would pay for that, in
    the one worker that happened to run it."""
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count() > 0
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if frozen:
            _collect_then_freeze()


def _collect_then_freeze() -> None:
    # Garbage is collected first, not frozen for good: a socket or file left unreachable is still finalized, and its
    # ResourceWarning still reaches pytest (an error here).
    gc.collect()
    gc.freeze()
