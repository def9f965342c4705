"""schemathesis, loaded from spec/openapi.yaml, against the mock: all checks, positive and negative cases,
examples + coverage + fuzzing + stateful phases (configured in schemathesis.toml), 0 failures expected."""

from collections.abc import Iterator
from typing import Any

import pytest
from schemathesis.checks import not_a_server_error

from contract_tests.conftest import record
from contract_tests.schemathesis_setup import load_schema, stateful_settings
from contract_tests.spec_helpers import api_version
from rotor.testing import NO_SCOPE_API_KEY, READ_ONLY_API_KEY, TEST_API_KEY, MockRotor

MOCK = MockRotor(customers=300, seed=11, daily_quota=10**9)
VERSION = api_version()
schema = load_schema(MOCK.app)


@pytest.fixture(scope="module", autouse=True)
def _count_coverage() -> Iterator[None]:
    yield
    record(MOCK)


@schema.parametrize()
def test_mock_obeys_the_spec(case: Any) -> None:
    case.call_and_validate()


class UpsertThenRetrieve(schema.as_state_machine()):  # type: ignore[misc]
    """Stateful phase: follows the spec's links (upsert, then retrieve by the returned id)."""

    def setup(self) -> None:
        # Each generated sequence starts from the seeded data, or replays would see another run's upserts.
        MOCK.reset()


TestStatefulUpsertThenRetrieve = UpsertThenRetrieve.TestCase
TestStatefulUpsertThenRetrieve.settings = stateful_settings(schema)  # deterministic, as schemathesis.toml says


# Statuses generated traffic cannot reach with the full-scope key and an unlimited quota: each one is
# provoked on purpose, and the answer must still conform to the spec.

UPSERT_BODY: dict[str, Any] = {"email": "contract@example.com", "first_name": "Contract"}


def _case(path: str, method: str, **kwargs: Any) -> Any:
    return schema[path][method].Case(**kwargs)


@pytest.mark.parametrize(
    ("path", "method", "kwargs"),
    [
        ("/customers", "POST", {"body": UPSERT_BODY}),
        ("/customers", "GET", {"query": {"limit": 5}}),
        ("/customers/{id}", "GET", {"path_parameters": {"id": "c1"}}),
    ],
)
def test_missing_scope_is_a_conforming_403(path: str, method: str, kwargs: dict[str, Any]) -> None:
    key = READ_ONLY_API_KEY if method == "POST" else NO_SCOPE_API_KEY
    case = _case(path, method, headers={"rotor-api-version": VERSION, "x-api-key": key}, **kwargs)
    response = case.call()
    assert response.status_code == 403
    assert response.json()["error_code"] == "INSUFFICIENT_SCOPE"
    case.validate_response(response)


def test_spent_quota_is_a_conforming_429_on_every_operation() -> None:
    mock = MockRotor(customers=20, daily_quota=0)
    quota_schema = load_schema(mock.app)
    cases = [
        quota_schema["/auth/test"]["GET"].Case(),
        quota_schema["/customers"]["GET"].Case(),
        quota_schema["/customers/{id}"]["GET"].Case(path_parameters={"id": "c1"}),
        quota_schema["/customers"]["POST"].Case(body=UPSERT_BODY),
    ]
    for case in cases:
        response = case.call(headers={"rotor-api-version": VERSION, "x-api-key": TEST_API_KEY})
        assert response.status_code == 429
        assert response.json()["error_code"] == "RATE_LIMIT_EXCEEDED"
        case.validate_response(response)
    record(mock)


def test_server_errors_are_conforming_500s() -> None:
    cases = [
        _case("/customers", "GET"),
        _case("/customers/{id}", "GET", path_parameters={"id": "c1"}),
        _case("/customers", "POST", body=UPSERT_BODY),
    ]
    for case in cases:
        response = case.call(headers={"rotor-api-version": VERSION, "x-api-key": TEST_API_KEY, "x-mock-fault": "500"})
        assert response.status_code == 500
        case.validate_response(response, excluded_checks=[not_a_server_error])


def test_existing_customers_are_found_and_updated() -> None:
    customer_id = next(iter(MOCK.store.all())).record["id"]
    headers = {"rotor-api-version": VERSION, "x-api-key": TEST_API_KEY}
    found = _case("/customers/{id}", "GET", path_parameters={"id": customer_id})
    response = found.call(headers=headers)
    assert response.status_code == 200
    found.validate_response(response)
    update = _case("/customers", "POST", body={"id": customer_id, "tags": ["contract"]})
    response = update.call(headers=headers)
    assert response.status_code == 200 and "contract" in response.json()["tags"]
    update.validate_response(response)
