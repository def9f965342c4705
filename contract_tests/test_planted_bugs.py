"""Proof the contract suite bites: each planted mock bug makes one of its checks fail.

Each bug overrides one step of the real mock, one row of its operation table or one method of one of its stores;
the same check passes on the real mock elsewhere in the suite (test_schemathesis.py, test_mock_semantics.py).
"""

import subprocess
from collections.abc import Mapping
from datetime import UTC
from typing import Any

import attrs
import pytest
from starlette.requests import Request

from contract_tests.mock_checks import (
    CUSTOMERS,
    LEADS,
    SERVICE_PLANS,
    SERVICED_JOBS,
    Resource,
    check_daily_quota,
    check_inclusive_ranges,
    check_list_invariants,
    check_list_only_invariants,
    check_upsert_rules,
)
from contract_tests.spec_helpers import api_version, operations
from devtools.contract.runner import failure_codes, schemathesis_cli_here
from rotor.testing import LiveMockRotorAPI, MockRotor
from rotor.testing.customers import CustomerStore
from rotor.testing.leads import LeadStore
from rotor.testing.operations import Call, list_records, with_handler
from rotor.testing.rejects import Reject
from rotor.testing.service_plans import ServicePlanStore
from rotor.testing.store import ApiKey, Filters, RecordStore, Stored


def _stores(**replaced: type[RecordStore]) -> Mapping[str, type[RecordStore]]:
    """The real mock's store types with some replaced."""
    return {**MockRotor.store_types, **replaced}


class IgnoresAuth(MockRotor):
    def authenticate(self, presented: str | None) -> ApiKey:
        return self.keys.keys[0]


def _one_too_many(call: Call) -> tuple[int, Any]:
    status, body = list_records(attrs.evolve(call, params={**call.params, "limit": call.params["limit"] + 1}))
    body["pagination"]["limit"] = call.params["limit"]
    return status, body


class OffByOneLimit(MockRotor):
    operations = with_handler("listCustomers", _one_too_many)


def _total_plus_one(call: Call) -> tuple[int, Any]:
    status, body = list_records(call)
    body["pagination"]["total"] += 1
    return status, body


class WrongTotal(MockRotor):
    operations = with_handler("listCustomers", _total_plus_one)


class _StatusIgnored(CustomerStore):
    def filters(self, params: Mapping[str, Any]) -> Filters:
        return super().filters({k: v for k, v in params.items() if k != "status"})


class IgnoresStatusFilter(MockRotor):
    store_types = _stores(customers=_StatusIgnored)


class _AllTags(LeadStore):
    @staticmethod
    def has_tags(tags: list[str], wanted: tuple[str, ...]) -> bool:
        return set(wanted) <= set(tags)


class LeadTagsMatchAll(MockRotor):
    store_types = _stores(leads=_AllTags)


class _EmailFirst(LeadStore):
    upsert_keys = ("email", "phone")


class LeadUpsertMatchesEmailFirst(MockRotor):
    store_types = _stores(leads=_EmailFirst)


class WrongErrorEnvelope(MockRotor):
    def error_body(self, reject: Reject) -> dict[str, Any]:
        return {"error": reject.body["message"]}


class SkipsVersionHeaderCheck(MockRotor):
    async def validate(self, request: Request, op: dict[str, Any]) -> tuple[dict[str, Any], Any]:
        headers = {k: v for k, v in request.headers.items() if k != "rotor-api-version"}
        scope = {**request.scope, "headers": [(k.encode(), v.encode()) for k, v in headers.items()]}
        scope["headers"].append((b"rotor-api-version", api_version().encode()))
        return await super().validate(Request(scope, request.receive), op)


class QuotaOff(MockRotor):
    def spend_quota(self, key: ApiKey) -> None:
        self.keys.used[key.name] += 1


class ServerErrorOnBadInput(MockRotor):
    async def validate(self, request: Request, op: dict[str, Any]) -> tuple[dict[str, Any], Any]:
        try:
            return await super().validate(request, op)
        except Reject as reject:
            raise RuntimeError("unhandled bad input") from reject  # crashes into a 500 instead of a 400


# Bounded runs over one list operation: these bugs sit in steps every operation shares (test_schemathesis.py
# covers every operation on the real mock). Each bug's run asks only the check that names it.
SCHEMATHESIS_BUGS = [
    (IgnoresAuth, "ignored_auth", "ST401"),  # API accepts requests without authentication
    (WrongErrorEnvelope, "response_schema_conformance", "ST108"),  # response violates schema
    (SkipsVersionHeaderCheck, "missing_required_header", "ST203"),  # missing required header accepted
    (ServerErrorOnBadInput, "not_a_server_error", "ST101"),  # server error
]


def _quick_run(mock: MockRotor, checks: str) -> subprocess.CompletedProcess[str]:
    (listing,) = (op["operationId"] for path, method, op in operations() if (path, method) == (CUSTOMERS.path, "get"))
    bounds = ("--max-examples", "25", "--phases", "examples,coverage,fuzzing", "--include-operation-id", listing)
    # The CLI's own command, run in this worker (which has schemathesis loaded): a process per bug cost twice the CPU.
    with LiveMockRotorAPI(mock) as live:
        return schemathesis_cli_here(live.base_url, *bounds, checks=checks)


@pytest.mark.parametrize(
    ("bug", "check", "expected"), SCHEMATHESIS_BUGS, ids=[b.__name__ for b, *_ in SCHEMATHESIS_BUGS]
)
def test_schemathesis_catches(bug: type[MockRotor], check: str, expected: str) -> None:
    result = _quick_run(bug(customers=100, daily_quota=10**9), check)
    assert result.returncode == 1, result.stdout[-3000:]
    assert expected in failure_codes(result.stdout)


@pytest.mark.parametrize(
    ("bug", "resource"),
    [(OffByOneLimit, CUSTOMERS), (WrongTotal, CUSTOMERS), (IgnoresStatusFilter, CUSTOMERS), (LeadTagsMatchAll, LEADS)],
    ids=lambda v: v.__name__ if isinstance(v, type) else v.store,
)
def test_paging_properties_catch(bug: type[MockRotor], resource: Resource) -> None:
    with pytest.raises(AssertionError):
        check_list_invariants(bug(customers=300, leads=300, daily_quota=10**9), 60, resource, shrink=False)


def test_upsert_check_catches_email_looked_up_before_phone() -> None:
    with pytest.raises(AssertionError, match="the phone is looked up before the email"):
        check_upsert_rules(LeadUpsertMatchesEmailFirst(customers=0, leads=0), LEADS)


def test_quota_check_catches_quota_off() -> None:
    with pytest.raises(AssertionError):
        check_daily_quota(QuotaOff)


def test_the_real_mock_passes_the_same_quick_checks() -> None:
    # The control: the same bounded runs, on the unmodified mock, find nothing (one run asking every bug's check).
    result = _quick_run(
        MockRotor(customers=100, daily_quota=10**9), ",".join(check for _, check, _ in SCHEMATHESIS_BUGS)
    )
    assert result.returncode == 0 and "Tested: 1" in result.stdout, result.stdout[-3000:]
    for resource in (CUSTOMERS, LEADS):
        check_list_invariants(MockRotor(customers=300, leads=300, daily_quota=10**9), 60, resource)
        check_upsert_rules(MockRotor(customers=0, leads=0), resource)


class _ExclusiveEnd(ServicePlanStore):
    def matches(self, item: Stored, filters: Filters) -> bool:
        end = next((e for f, _, e in filters.ranges if f == "created_at" and e is not None), None)
        return super().matches(item, filters) and (end is None or item.record["created_at"] != _iso(end))


def _iso(moment: Any) -> str:
    return str(moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"))


class ServicePlanRangeEndExclusive(MockRotor):
    store_types = _stores(service_plans=_ExclusiveEnd)


def _unfiltered_total(call: Call) -> tuple[int, Any]:
    status, body = list_records(call)
    body["pagination"]["total"] = len(call.records().matching(Filters()))  # counts before the date filters
    return status, body


class JobTotalBeforeFiltering(MockRotor):
    operations = with_handler("listServicedJobs", _unfiltered_total)


def test_range_check_catches_an_exclusive_end() -> None:
    with pytest.raises(AssertionError):
        check_inclusive_ranges(ServicePlanRangeEndExclusive(customers=100, service_plans=100), SERVICE_PLANS)


def test_list_only_check_catches_a_total_counted_before_filtering() -> None:
    with pytest.raises(AssertionError, match="total"):
        check_list_only_invariants(
            JobTotalBeforeFiltering(customers=100, serviced_jobs=300), SERVICED_JOBS, 60, shrink=False
        )
