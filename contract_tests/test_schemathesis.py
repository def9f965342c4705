"""schemathesis, loaded from spec/openapi.yaml, against the mock: all checks, positive and negative cases,
examples + coverage + fuzzing + stateful phases (configured in schemathesis.toml), 0 failures expected."""

from collections.abc import Iterator
from typing import Any

import pytest
from schemathesis.checks import not_a_server_error

from contract_tests.conftest import record
from contract_tests.schemathesis_setup import load_schema, stateful_settings
from contract_tests.spec_helpers import api_version, operations
from rotor.testing import NO_SCOPE_API_KEY, READ_ONLY_API_KEY, TEST_API_KEY, MockRotor

MOCK = MockRotor(customers=300, leads=300, seed=11, daily_quota=10**9)
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
    """Stateful phase: follows the spec's links (each upsert, then a retrieve by the returned id)."""

    def setup(self) -> None:
        # Each generated sequence starts from the seeded data, or replays would see another run's upserts.
        MOCK.reset()


TestStatefulUpsertThenRetrieve = UpsertThenRetrieve.TestCase
TestStatefulUpsertThenRetrieve.settings = stateful_settings(schema)  # deterministic, as schemathesis.toml says


# Statuses generated traffic cannot reach with the full-scope key and an unlimited quota: each one is
# provoked on purpose, on every operation that documents it, and the answer must still conform to the spec.

UPSERT_BODY: dict[str, Any] = {"email": "contract@example.com"}  # a valid body for both upserts


def _case(schema: Any, path: str, method: str, **kwargs: Any) -> Any:
    """A valid request to the operation: an id in the path, a body for an upsert."""
    if "{id}" in path:
        kwargs.setdefault("path_parameters", {"id": "c1"})
    if method == "post":
        kwargs.setdefault("body", UPSERT_BODY)
    return schema[path][method.upper()].Case(**kwargs)


def _documented(status: str) -> list[Any]:
    """The operations documenting ``status``, as test parameters."""
    return [pytest.param(p, m, op, id=op["operationId"]) for p, m, op in operations() if status in op["responses"]]


@pytest.mark.parametrize(("path", "method", "op"), _documented("403"))
def test_missing_scope_is_a_conforming_403(path: str, method: str, op: dict[str, Any]) -> None:
    # The read-only key cannot write; the key without scopes cannot read.
    key = READ_ONLY_API_KEY if method == "post" else NO_SCOPE_API_KEY
    case = _case(schema, path, method, headers={"rotor-api-version": VERSION, "x-api-key": key})
    response = case.call()
    assert response.status_code == 403
    assert response.json()["error_code"] == "INSUFFICIENT_SCOPE"
    case.validate_response(response)


def test_spent_quota_is_a_conforming_429_on_every_operation() -> None:
    mock = MockRotor(customers=20, leads=20, daily_quota=0)
    quota_schema = load_schema(mock.app)
    for path, method, _ in operations():
        case = _case(quota_schema, path, method)
        response = case.call(headers={"rotor-api-version": VERSION, "x-api-key": TEST_API_KEY})
        assert response.status_code == 429
        assert response.json()["error_code"] == "RATE_LIMIT_EXCEEDED"
        case.validate_response(response)
    record(mock)


@pytest.mark.parametrize(("path", "method", "op"), _documented("500"))
def test_server_errors_are_conforming_500s(path: str, method: str, op: dict[str, Any]) -> None:
    case = _case(schema, path, method)
    response = case.call(headers={"rotor-api-version": VERSION, "x-api-key": TEST_API_KEY, "x-mock-fault": "500"})
    assert response.status_code == 500
    case.validate_response(response, excluded_checks=[not_a_server_error])


@pytest.mark.parametrize("store", ["customers", "leads"])
def test_existing_records_are_found_and_updated(store: str) -> None:
    record_id = MOCK.stores[store].all()[0].record["id"]
    headers = {"rotor-api-version": VERSION, "x-api-key": TEST_API_KEY}
    found = _case(schema, f"/{store}/{{id}}", "get", path_parameters={"id": record_id})
    response = found.call(headers=headers)
    assert response.status_code == 200
    found.validate_response(response)
    update = _case(schema, f"/{store}", "post", body={"id": record_id, "tags": ["contract"]})
    response = update.call(headers=headers)
    assert response.status_code == 200 and "contract" in response.json()["tags"]
    update.validate_response(response)
