"""The gate is deterministic: the same run sends the same requests every time, so a red run is a real bug.

Random exploration is a separate, explicit run (HYPOTHESIS_PROFILE=explore, see README and conftest.py).
"""

from typing import Any

import pytest
from hypothesis import settings

import contract_tests.test_schemathesis as gate
from contract_tests.schemathesis_setup import load_schema
from rotor.testing import MockRotor

exploring = pytest.mark.skipif(not settings().derandomize, reason="the loaded hypothesis profile explores at random")

Sent = tuple[str, str, str, str, int]


@pytest.mark.parametrize("name", ["dev", "ci"])
def test_gate_profiles_are_derandomized_and_keep_no_database(name: str) -> None:
    profile = settings.get_profile(name)
    assert profile.derandomize and profile.database is None


@exploring
def test_the_stateful_phase_uses_the_gate_settings() -> None:
    stateful = gate.TestStatefulUpsertThenRetrieve.settings
    assert stateful.derandomize and stateful.database is None


def _stateful_run(max_examples: int) -> list[Sent]:
    """The gate's state machine and settings (fewer examples), against a mock of its own, recording each request."""
    mock = MockRotor(customers=50, seed=11, daily_quota=10**9)
    sent: list[Sent] = []

    class Recorded(load_schema(mock.app).as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            mock.reset()

        def after_call(self, response: Any, case: Any) -> None:
            sent.append((case.method, case.formatted_path, repr(case.query), repr(case.body), response.status_code))

    Recorded.run(settings=settings(gate.TestStatefulUpsertThenRetrieve.settings, max_examples=max_examples))
    return sent


def _followed_a_link(sent: list[Sent]) -> bool:
    """Whether the run retrieved a customer it had upserted (the spec's link from the upsert to the retrieve)."""
    return any(
        method == "GET" and path.startswith("/customers/") and status == 200 for method, path, *_, status in sent
    )


@exploring
def test_the_stateful_phase_sends_the_same_requests_twice() -> None:
    # Not vacuous: the compared runs follow the spec's link. Which examples reach it depends on the literals
    # hypothesis draws from the modules loaded in this process (more of them in a full run), so the run grows until
    # one does, within a bound, instead of betting that ten examples always will. For the same reason the runs
    # compared are the two after that one: it also imports what the mock and schemathesis load on first use
    # (openapi-core for the first rejected request, anyio's backend, Faker's locales: 242 modules in a fresh
    # process), which changes what the next run draws. Compared with it, a fresh process failed.
    for examples in (10, 25, 60):
        if _followed_a_link(_stateful_run(examples)):
            break
    else:
        pytest.fail("no run of up to 60 examples retrieved a customer it had upserted")
    first = _stateful_run(examples)
    assert _followed_a_link(first)
    assert first == _stateful_run(examples)
