"""Hypothesis profiles for the whole suite: ``dev`` (fast, the default) and ``ci`` (thorough, still bounded).

Select with HYPOTHESIS_PROFILE=ci (``.ci/run`` does). Both are derandomized so a red run reproduces exactly.
Function-scoped fixtures are shared across a test's examples on purpose: the respx router and mocks they give
accumulate state that the tests assert on in total (e.g. "no request was made across all examples").
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "dev",
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "ci",
    max_examples=150,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
