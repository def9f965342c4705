"""scripts/contract --live, proven against the mock served on 127.0.0.1 as if it were production."""

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from typing import Any

import pytest

from contract_tests.in_process import run_main
from devtools.contract import live as live_contract
from devtools.paths import ROOT
from rotor.testing import LiveMockRotorAPI, MockRotor
from rotor.testing.leads import LeadStore
from rotor.testing.operations import Call, list_records, with_handler
from rotor.testing.store import Filters

Contract = Callable[..., subprocess.CompletedProcess[str]]
ROTOR_SETTINGS = ("ROTOR_API_KEY", "ROTOR_BASE_URL")  # the only ones a run gets: what its test gives


@pytest.fixture
def contract(monkeypatch: pytest.MonkeyPatch) -> Contract:
    """``scripts/contract ARGS`` with only the Rotor settings ``env`` gives, run in this process (its ``main``, output
    captured): the served mock answers from a thread of this process all the same, and a new interpreter per run
    cost more than the run."""

    def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        for name in ROTOR_SETTINGS:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return run_main(live_contract.main, list(args), "scripts/contract")

    return run


@pytest.mark.parametrize("budget", [None, 3, 1])
def test_live_mode_never_exceeds_its_budget(budget: int | None, contract: Contract) -> None:
    with LiveMockRotorAPI(MockRotor(customers=30)) as live:
        args = ["--live"] + ([] if budget is None else ["--budget", str(budget)])
        result = contract(*args, env={"ROTOR_API_KEY": live.api_key, "ROTOR_BASE_URL": live.base_url})
        spent = live.mock.requests_received
    limit = budget or 25
    assert spent <= limit, result.stdout
    assert f"request(s) sent of a budget of {limit}" in result.stdout
    if budget is None:
        assert result.returncode == 0, result.stdout  # the mock conforms on every probe
        assert "0 mismatch(es)" in result.stdout and "FAIL" not in result.stdout
    else:
        assert spent == limit and "STOP  budget" in result.stdout


def test_live_mode_reports_a_nonconforming_server(contract: Contract) -> None:
    def sloppy_total(call: Call) -> tuple[int, Any]:
        status, body = list_records(call)
        body["pagination"]["total"] = "many"
        return status, body

    class SearchIgnored(LeadStore):  # as the API would behave if its lead search were not called `search`
        def filters(self, params: Mapping[str, Any]) -> Filters:
            return super().filters({k: v for k, v in params.items() if k != "search"})

    class Sloppy(MockRotor):
        operations = with_handler("listCustomers", sloppy_total)
        store_types = {**MockRotor.store_types, "leads": SearchIgnored}  # noqa: RUF012 (never mutated)

    with LiveMockRotorAPI(Sloppy(customers=10, leads=10)) as live:
        result = contract("--live", env={"ROTOR_API_KEY": live.api_key, "ROTOR_BASE_URL": live.base_url})
    assert result.returncode == 1
    assert "pagination/total: 'many' is not of type 'integer'" in result.stdout
    assert "ASSUMPTION A19: `search` filters leads" in result.stdout


def test_live_mode_refuses_without_a_key() -> None:
    # Through the entry point in a process of its own (the others call its main here): its exit code is the script's.
    env = {k: v for k, v in os.environ.items() if k not in ROTOR_SETTINGS}
    cmd = [sys.executable, "-m", "devtools.contract", "--live"]
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 2 and "Set ROTOR_API_KEY explicitly" in result.stderr
