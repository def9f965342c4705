"""Semantic checks of a mock (or anything serving the Rotor API), usable on the real mock and on planted bugs.

Each raises AssertionError (via hypothesis, with a minimal example) when the server breaks the contract.
"""

import math
from collections.abc import Callable
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contract_tests.spec_helpers import api_version
from rotor.testing import TEST_API_KEY, MockRotor
from rotor.testing.data import TAG_VOCABULARY
from rotor.testing.transport import MockTransport

HEADERS = {"x-api-key": TEST_API_KEY, "rotor-api-version": api_version()}
SEARCH_TERMS = ["an", "son", "LLC", "gmail", "+1", "Inc", "mar", "zz-nothing"]

queries = st.fixed_dictionaries(
    {"limit": st.integers(1, 1000), "page": st.integers(1, 12)},
    optional={
        "archived": st.booleans(),
        "status": st.sampled_from(["active", "inactive"]),
        "tags": st.lists(st.sampled_from(TAG_VOCABULARY), min_size=1, max_size=3, unique=True).map(",".join),
        "search": st.sampled_from(SEARCH_TERMS),
    },
)


def http_client(mock: MockRotor) -> httpx.Client:
    return httpx.Client(transport=MockTransport(mock.app), base_url="http://rotor.mock/open-api", headers=HEADERS)


def matches(customer: dict[str, Any], query: dict[str, Any], archived_ids: set[str]) -> bool:
    """The documented filters, written independently of the mock's own implementation."""
    if customer["id"] in archived_ids and not query.get("archived", False):
        return False
    if "status" in query and customer.get("status") != query["status"]:
        return False
    if "tags" in query and not set(query["tags"].split(",")) & set(customer.get("tags") or []):
        return False
    if "search" in query:
        needle = query["search"].lower()
        fields = ("first_name", "last_name", "company_name", "email", "phone")
        return any(needle in str(customer.get(f) or "").lower() for f in fields)
    return True


def check_list_invariants(mock: MockRotor, max_examples: int) -> None:
    """Paging arithmetic, filters, and that a query's pages together give exactly ``total`` distinct ids."""
    archived_ids = {s.record["id"] for s in mock.store.all() if s.archived}
    every = {s.record["id"]: s.record for s in mock.store.all()}

    # One failure, shrunk, as a plain AssertionError (not a group), so callers can expect exactly that.
    @settings(
        max_examples=max_examples,
        suppress_health_check=list(HealthCheck),
        database=None,
        deadline=None,
        report_multiple_bugs=False,
    )
    @given(query=queries)
    def prop(query: dict[str, Any]) -> None:
        with http_client(mock) as http:
            body = http.get("/customers", params=query).json()
            data, pagination = body["data"], body["pagination"]
            limit, page, total = query["limit"], query["page"], pagination["total"]
            expected_total = sum(1 for c in every.values() if matches(c, query, archived_ids))
            assert total == expected_total, f"total {total} != {expected_total} matching"
            assert len(data) == min(limit, max(0, total - (page - 1) * limit))
            assert pagination["has_more"] == (page * limit < total)
            assert (pagination["limit"], pagination["page"]) == (limit, page)
            for customer in data:
                assert matches(customer, query, archived_ids), f"{customer['id']} does not match {query}"
            # All pages of this query, with a page size that keeps it to at most ~12 requests.
            size = max(limit, math.ceil(total / 12), 1)
            ids: list[str] = []
            for n in range(1, math.ceil(total / size) + 2):
                ids += [
                    c["id"] for c in http.get("/customers", params={**query, "limit": size, "page": n}).json()["data"]
                ]
            assert len(ids) == len(set(ids)) == total

    prop()


def check_daily_quota(make_mock: Callable[..., MockRotor], quota: int = 1000) -> None:
    """Request quota+1 of a key is refused with the documented body; another key is unaffected."""
    mock = make_mock(
        customers=10, daily_quota=quota, keys={"rotor_a_key": ["customers:read"], "rotor_b_key": ["customers:read"]}
    )
    with http_client(mock) as http:
        a, b = {"x-api-key": "rotor_a_key"}, {"x-api-key": "rotor_b_key"}
        statuses = [http.get("/auth/test", headers=a).status_code for _ in range(quota)]
        assert statuses == [200] * quota
        refused = http.get("/customers", headers=a)
        assert refused.status_code == 429, refused.status_code
        assert refused.json() == {
            "status": "error",
            "message": f"Daily API key request limit of {quota} exceeded",
            "error_code": "RATE_LIMIT_EXCEEDED",
        }
        assert http.get("/customers", params={"limit": 1}, headers=b).status_code == 200
