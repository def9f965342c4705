"""scripts/contract [--live] [--budget N]: check that an API answers as spec/openapi.yaml says.

Default: a bounded schemathesis run against the built-in mock on 127.0.0.1.
``--live``: read-only probes of the real API (or ``$ROTOR_BASE_URL``), only when ``$ROTOR_API_KEY`` is set
explicitly; every response is validated against the spec, probes of the spec's ASSUMPTIONs (400 on bad input or a
missing version header, 404 on an unknown id, the lead search's name) report whether they hold, and no more than
``--budget`` requests (default 25; the probes below are 23) are sent, out of the key's 1,000 a day.
Exit 0: all conform; 1: a mismatch; 2: refused (no key) or bad usage.
"""

import argparse
import os
import sys
import uuid
from collections.abc import Callable
from typing import Any

import attrs
import httpx
from jsonschema import Draft202012Validator, FormatChecker

from devtools import sdk_spec
from devtools.paths import SPEC
from devtools.sdk_spec import Shape
from devtools.spec_io import Spec, load_spec, resolve
from rotor import DEFAULT_BASE_URL

DEFAULT_BUDGET = 25


class BudgetExhausted(Exception):
    pass


class BudgetTransport(httpx.BaseTransport):
    """Refuses, without sending, every request past the budget."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.sent = 0
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.sent >= self.budget:
            raise BudgetExhausted(f"request budget of {self.budget} spent")
        self.sent += 1
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


@attrs.frozen
class Probe:
    name: str
    method: str
    path: str  # the spec's path template
    params: dict[str, Any] = attrs.field(factory=dict)
    path_params: Callable[[dict[str, Any]], dict[str, str]] | None = None
    headers: dict[str, str] = attrs.field(factory=dict)
    without: tuple[str, ...] = ()  # headers this probe leaves out
    expect: int | None = None  # a specific status this probe should provoke
    # For a probe of an assumption a status cannot show: what its answer must hold, and the assumption's words.
    holds: Callable[[Any], bool] | None = None
    assumption: str = ""


def _first_id(listed: str) -> Callable[[dict[str, Any]], dict[str, str]]:
    """The id of the first record the probe named ``listed`` answered (any id if there was none)."""

    def path_params(seen: dict[str, Any]) -> dict[str, str]:
        data = (seen.get(listed) or {}).get("data") or [{}]
        return {"id": str(data[0].get("id") or uuid.uuid4())}

    return path_params


def _unknown_id(_: dict[str, Any]) -> dict[str, str]:
    return {"id": str(uuid.uuid4())}


def _matched_nothing(body: Any) -> bool:
    return isinstance(body, dict) and body.get("pagination", {}).get("total") == 0


def _operation_probes() -> list[Probe]:
    """One probe per GET of the spec, named by its operationId, so a new operation is probed without a line here:
    a list's first page of 2, a retrieve of the first record its resource's list answered."""
    gets = [method for _, method in sdk_spec.read().operations() if method.http_method == "get"]
    listed: dict[str, str] = {}
    probes = []
    for method in sorted(gets, key=lambda m: m.shape is Shape.RETRIEVE):  # lists first: retrieves read their ids
        if method.shape is Shape.RETRIEVE:
            probes.append(
                Probe(method.operation_id, "GET", method.path, path_params=_first_id(listed.get(method.tag, "")))
            )
            continue
        listed.setdefault(method.tag, method.operation_id)
        probes.append(
            Probe(method.operation_id, "GET", method.path, {"limit": 2} if method.shape is Shape.PAGINATED_LIST else {})
        )
    return probes


# Beyond one probe per operation: the pages, filters and errors the spec states or assumes.
PROBES = [
    *_operation_probes(),
    Probe("page 2", "GET", "/customers", {"limit": 2, "page": 2}),
    Probe("filter status", "GET", "/customers", {"limit": 1, "status": "active"}),
    Probe("include archived", "GET", "/customers", {"limit": 1, "archived": "true"}),
    Probe("filter tags", "GET", "/customers", {"limit": 1, "tags": "vip"}),
    Probe("search", "GET", "/customers", {"limit": 1, "search": "a"}),
    Probe("unknown id", "GET", "/customers/{id}", path_params=_unknown_id, expect=404),
    Probe("limit 0 (assumed 400)", "GET", "/customers", {"limit": 0}, expect=400),
    Probe("bad key", "GET", "/auth/test", headers={"x-api-key": "rotor_invalid_key"}, expect=401),
    Probe("no version header (assumed 400)", "GET", "/auth/test", without=("rotor-api-version",), expect=400),
    Probe("leads by stage", "GET", "/leads", {"limit": 1, "stage": "New"}),
    Probe("leads by tags", "GET", "/leads", {"limit": 1, "tags": "referral"}),
    # Were the search not called `search`, the API would ignore it and list every lead.
    Probe(
        "lead search name",
        "GET",
        "/leads",
        {"limit": 1, "search": "zq-no-such-lead-zq"},
        holds=_matched_nothing,
        assumption="A19: `search` filters leads (a search matching nothing lists none)",
    ),
    Probe("unknown lead", "GET", "/leads/{id}", path_params=_unknown_id, expect=404),
    Probe("empty stage (assumed 400)", "GET", "/leads", {"stage": ""}, expect=400),
    Probe("service plans active", "GET", "/service-plans", {"limit": 1, "status": "active"}),
]


class Validator:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec

    def problems(self, method: str, path: str, response: httpx.Response) -> list[str]:
        op = self.spec["paths"][path][method.lower()]
        documented = op["responses"].get(str(response.status_code))
        if documented is None:
            return [f"status {response.status_code} is not documented for {method} {path}"]
        documented = resolve(self.spec, documented)
        schema = documented["content"]["application/json"]["schema"]
        try:
            body = response.json()
        except ValueError:
            return ["body is not JSON"]
        validator = Draft202012Validator(
            {**schema, "components": self.spec["components"]}, format_checker=FormatChecker()
        )
        return [f"{'/'.join(map(str, e.path)) or 'body'}: {e.message}" for e in validator.iter_errors(body)][:5]


def run_live(base_url: str, api_key: str, budget: int) -> int:
    spec = load_spec(SPEC)
    validator = Validator(spec)
    transport = BudgetTransport(budget)
    version = spec["info"]["version"]
    seen: dict[str, Any] = {}
    failures = 0
    print(f"live contract check of {base_url} (budget {budget} requests)")
    with httpx.Client(transport=transport, timeout=30) as http:
        for index, probe in enumerate(PROBES):
            path = probe.path.format(**probe.path_params(seen)) if probe.path_params else probe.path
            headers = {"x-api-key": api_key, "rotor-api-version": version, **probe.headers}
            for name in probe.without:
                del headers[name]
            try:
                response = http.request(probe.method, base_url + path, params=probe.params, headers=headers)
            except BudgetExhausted:
                print(f"  STOP  budget of {budget} requests spent; {len(PROBES) - index} probe(s) not run")
                break
            except httpx.HTTPError as exc:
                print(f"  FAIL  {probe.name:<24} {type(exc).__name__}")
                failures += 1
                continue
            is_json = response.headers.get("content-type", "").startswith("application/json")
            seen[probe.name] = response.json() if is_json else None
            problems = validator.problems(probe.method, probe.path, response)
            if probe.expect is not None and response.status_code != probe.expect:
                problems.append(f"expected {probe.expect} (see the spec's ASSUMPTION), got {response.status_code}")
            if probe.holds is not None and not problems and not probe.holds(seen[probe.name]):
                problems.append(f"the spec's ASSUMPTION {probe.assumption} does not hold")
            failures += bool(problems)
            print(f"  {'FAIL' if problems else 'OK  '}  {probe.name:<24} {response.status_code}  {'; '.join(problems)}")
            if response.status_code == 429:
                print("  STOP  the key's daily quota is spent")
                break
    print(f"{transport.sent} request(s) sent of a budget of {budget}; {failures} mismatch(es)")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/contract", description=__doc__.splitlines()[0])
    parser.add_argument("--live", action="store_true", help="probe the real API (needs $ROTOR_API_KEY)")
    parser.add_argument("--budget", type=int, default=DEFAULT_BUDGET, help="most requests to send (default 25)")
    args = parser.parse_args(argv)
    if args.budget < 1:
        parser.error("--budget must be at least 1")
    if not args.live:
        from devtools.contract.mock import schemathesis_against_mock

        outcome = schemathesis_against_mock()
        print(f"{'PASS' if outcome.ok else 'FAIL'}  schemathesis vs the built-in mock: {outcome.detail}")
        return 0 if outcome.ok else 1
    api_key = os.environ.get("ROTOR_API_KEY", "").strip()
    if not api_key:
        print(
            "error: --live talks to the real Rotor API and spends requests of your key's daily quota.\n"
            "Set ROTOR_API_KEY explicitly to run it (and ROTOR_BASE_URL to aim it elsewhere).",
            file=sys.stderr,
        )
        return 2
    base_url = (os.environ.get("ROTOR_BASE_URL") or DEFAULT_BASE_URL).rstrip("/")
    return run_live(base_url, api_key, args.budget)
