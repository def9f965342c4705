"""Hypothesis profiles for the whole suite: ``dev`` (fast, the default) and ``ci`` (thorough, still bounded) for the
gate, and ``explore`` for looking for new bugs.

Select with HYPOTHESIS_PROFILE=ci (``.ci/run`` does). The gate's profiles are derandomized and keep no example
database, so a red run reproduces exactly and a run never depends on what an earlier one stored. ``explore`` is
the opposite on purpose: random, five times the examples, and failures kept in ``.hypothesis/examples`` so the
next explore run tries them first (README, "Exploring beyond the gate"); schemathesis follows it
(``contract_tests/schemathesis_setup.py``). Whatever it finds becomes an explicit test, never a gate setting.
Function-scoped fixtures are shared across a test's examples on purpose: the respx router and mocks they give
accumulate state that the tests assert on in total (e.g. "no request was made across all examples").

Here too: the garbage collector of every test process, settled once collection is done (``tests/collector.py``).
"""

import os
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

from tests import collector

EXPLORE_DATABASE = Path(__file__).resolve().parent / ".hypothesis" / "examples"

settings.register_profile(
    "dev",
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "ci",
    max_examples=150,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "explore",
    max_examples=300,
    derandomize=False,
    database=DirectoryBasedExampleDatabase(EXPLORE_DATABASE),
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_collection_finish() -> None:
    collector.settle()
