"""Proof the contract suite bites: each planted mock bug makes one of its checks fail.

Each bug is a one-method override of the real mock; the same check passes on the real mock elsewhere in the suite
(test_schemathesis.py, test_mock_semantics.py).
"""

from collections.abc import Mapping
from typing import Any

import pytest
from starlette.requests import Request

from contract_tests.mock_checks import check_daily_quota, check_list_invariants
from contract_tests.spec_helpers import api_version
from devtools.contract_run import failure_codes, schemathesis_cli
from rotor.testing import LiveMockRotorAPI, MockRotor
from rotor.testing.app import Reject
from rotor.testing.store import ApiKey, Filters


class IgnoresAuth(MockRotor):
    def authenticate(self, presented: str | None) -> ApiKey:
        return self.keys.keys[0]


class OffByOneLimit(MockRotor):
    def list_customers(self, params: Mapping[str, Any]) -> dict[str, Any]:
        body = super().list_customers({**params, "limit": params["limit"] + 1})  # slices one too many
        body["pagination"]["limit"] = params["limit"]
        return body


class WrongTotal(MockRotor):
    def list_customers(self, params: Mapping[str, Any]) -> dict[str, Any]:
        body = super().list_customers(params)
        body["pagination"]["total"] += 1
        return body


class IgnoresStatusFilter(MockRotor):
    def filters(self, params: Mapping[str, Any]) -> Filters:
        return super().filters({k: v for k, v in params.items() if k != "status"})


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


def _schemathesis_failures(mock: MockRotor) -> set[str]:
    with LiveMockRotorAPI(mock) as live:
        result = schemathesis_cli(live.base_url, "--max-examples", "25", "--phases", "examples,coverage,fuzzing")
    assert result.returncode == 1, result.stdout[-3000:]
    return failure_codes(result.stdout)


@pytest.mark.parametrize(
    ("bug", "expected"),
    [
        (IgnoresAuth, "ST401"),  # API accepts requests without authentication
        (WrongErrorEnvelope, "ST108"),  # response violates schema
        (SkipsVersionHeaderCheck, "ST203"),  # missing required header accepted
        (ServerErrorOnBadInput, "ST101"),  # server error
    ],
    ids=lambda v: v.__name__ if isinstance(v, type) else v,
)
def test_schemathesis_catches(bug: type[MockRotor], expected: str) -> None:
    assert expected in _schemathesis_failures(bug(customers=100, daily_quota=10**9))


@pytest.mark.parametrize("bug", [OffByOneLimit, WrongTotal, IgnoresStatusFilter], ids=lambda b: b.__name__)
def test_paging_properties_catch(bug: type[MockRotor]) -> None:
    with pytest.raises(AssertionError):
        check_list_invariants(bug(customers=300, daily_quota=10**9), max_examples=60)


def test_quota_check_catches_quota_off() -> None:
    with pytest.raises(AssertionError):
        check_daily_quota(QuotaOff)


def test_the_real_mock_passes_the_same_quick_checks() -> None:
    # The control: the same bounded runs, on the unmodified mock, find nothing.
    with LiveMockRotorAPI(MockRotor(customers=100, daily_quota=10**9)) as live:
        result = schemathesis_cli(live.base_url, "--max-examples", "25", "--phases", "examples,coverage,fuzzing")
    assert result.returncode == 0, result.stdout[-3000:]
    check_list_invariants(MockRotor(customers=300, daily_quota=10**9), max_examples=60)
