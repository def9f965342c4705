"""The mock's semantics: paging, filters, quota and upsert behave as the spec and docs say."""

from typing import Any

import pytest
from hypothesis import settings

from contract_tests.conftest import record
from contract_tests.mock_checks import HEADERS, check_daily_quota, check_list_invariants, http_client
from rotor.testing import MockRotor


def test_paging_and_filters_over_many_queries() -> None:
    # Scales with the profile: 200 queries in the dev gate, 500 in CI, 1,000 when exploring.
    mock = MockRotor(customers=1000, seed=3, daily_quota=10**9)
    check_list_invariants(mock, max_examples=settings().max_examples * 10 // 3)
    record(mock)


def test_request_1001_is_refused_and_other_keys_are_unaffected() -> None:
    check_daily_quota(MockRotor)


def test_same_seed_same_data_other_seed_other_data() -> None:
    first, again, other = (
        MockRotor(customers=50, seed=1),
        MockRotor(customers=50, seed=1),
        MockRotor(customers=50, seed=2),
    )
    records = [[s.record for s in m.store.all()] for m in (first, again, other)]
    assert records[0] == records[1] != records[2]


def test_data_set_is_varied() -> None:
    stored = MockRotor(customers=2500).store.all()
    records = [s.record for s in stored]

    def share(predicate: Any) -> float:
        return sum(1 for r in records if predicate(r)) / len(records)

    assert 0.05 < sum(s.archived for s in stored) / len(stored) < 0.2
    assert 0.6 < share(lambda r: r["status"] == "active") < 0.9
    assert 0.1 < share(lambda r: r["location"] is None) < 0.7
    assert 0.1 < share(lambda r: r["notes"] is None) < 0.9
    assert 0.05 < share(lambda r: r["tags"] is None) < 0.5
    assert 0.1 < share(lambda r: "company_name" in r) < 0.5
    assert 0.05 < share(lambda r: "address" not in r) < 0.5
    with_address = [r["address"] for r in records if "address" in r]
    assert any(a["street2"] is None for a in with_address) and any(a["street2"] for a in with_address)


def _upsert(mock: MockRotor, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    with http_client(mock) as http:
        response = http.post("/customers", json=body)
        return response.status_code, response.json()


def test_upsert_follows_the_documented_rules() -> None:
    mock = MockRotor(customers=0)
    status, created = _upsert(mock, {"phone": "+15550001", "email": "a@example.com", "tags": ["vip"]})
    assert status == 201 and created["message"] == "Customer created successfully"
    # By id: updated, tags merged.
    status, updated = _upsert(mock, {"id": created["id"], "first_name": "Ann", "tags": ["pool", "vip"]})
    assert status == 200 and updated["id"] == created["id"] and updated["tags"] == ["vip", "pool"]
    # No id: phone first, even when the email differs...
    status, by_phone = _upsert(mock, {"phone": "+15550001", "email": "x@example.com", "last_name": "Lee"})
    assert status == 200 and by_phone["id"] == created["id"] and by_phone["email"] == "x@example.com"
    # ...then email, when the phone matches nobody.
    status, second = _upsert(mock, {"email": "b@example.com"})
    assert status == 201 and second["id"] != created["id"]
    status, by_email = _upsert(mock, {"phone": "+15559999", "email": "b@example.com", "notes": "gate code 12"})
    assert status == 200 and by_email["id"] == second["id"]
    # Reads see the change, with the flat property_* fields as the nested address.
    _upsert(
        mock, {"id": created["id"], "property_street1": "1 Main", "property_city": "Austin", "property_zip": "78701"}
    )
    with http_client(mock) as http:
        customer = http.get(f"/customers/{created['id']}").json()["data"]
        listed = http.get("/customers", params={"search": "ann"}).json()["data"]
    assert customer["first_name"] == "Ann" and customer["last_name"] == "Lee"
    assert customer["address"]["street1"] == "1 Main" and customer["address"]["zip"] == "78701"
    assert [c["id"] for c in listed] == [created["id"]]
    assert len(mock.store) == 2


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 1001}, "limit"),
        ({"page": 0}, "page"),
        ({"status": "archived"}, "status"),
        ({"archived": "maybe"}, "archived"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(params: dict[str, Any], field: str) -> None:
    with http_client(MockRotor(customers=5)) as http:
        response = http.get("/customers", params=params)
    assert response.status_code == 400
    assert response.json()["message"] == "Validation failed"
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_version_header_missing_or_wrong_is_a_400() -> None:
    with http_client(MockRotor(customers=5)) as http:
        missing = http.get("/customers", headers={"x-api-key": HEADERS["x-api-key"], "rotor-api-version": ""})
        wrong = http.get("/customers", headers={"rotor-api-version": "9.9.9"})
    del_header = {k: v for k, v in HEADERS.items() if k != "rotor-api-version"}
    with http_client(MockRotor(customers=5)) as http:
        http.headers.pop("rotor-api-version")
        absent = http.get("/customers", headers=del_header)
    assert absent.status_code == 400 and absent.json()["errors"][0]["field"] == "rotor-api-version"
    assert wrong.status_code == 400 and missing.status_code == 400


def test_unknown_key_and_missing_key_are_401() -> None:
    with http_client(MockRotor(customers=5)) as http:
        unknown = http.get("/customers", headers={"x-api-key": "rotor_nope_nope"})
        http.headers.pop("x-api-key")
        missing = http.get("/customers")
    assert unknown.status_code == missing.status_code == 401
    assert missing.json()["error_code"] == "AUTHENTICATION_REQUIRED"
