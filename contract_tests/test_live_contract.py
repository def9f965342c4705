"""scripts/contract --live, proven against the mock served on 127.0.0.1 as if it were production."""

import os
import subprocess
import sys

import pytest

from devtools.paths import ROOT
from rotor.testing import LiveMockRotorAPI, MockRotor


def _contract(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"ROTOR_API_KEY", "ROTOR_BASE_URL"}}
    cmd = [sys.executable, "-m", "devtools.contract", *args]
    return subprocess.run(cmd, cwd=ROOT, env=base | env, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("budget", [None, 3, 1])
def test_live_mode_never_exceeds_its_budget(budget: int | None) -> None:
    with LiveMockRotorAPI(MockRotor(customers=30)) as live:
        args = ["--live"] + ([] if budget is None else ["--budget", str(budget)])
        result = _contract(*args, env={"ROTOR_API_KEY": live.api_key, "ROTOR_BASE_URL": live.base_url})
        spent = live.mock.requests_received
    limit = budget or 20
    assert spent <= limit, result.stdout
    assert f"request(s) sent of a budget of {limit}" in result.stdout
    if budget is None:
        assert result.returncode == 0, result.stdout  # the mock conforms on every probe
        assert "0 mismatch(es)" in result.stdout and "FAIL" not in result.stdout
    else:
        assert spent == limit and "STOP  budget" in result.stdout


def test_live_mode_reports_a_nonconforming_server() -> None:
    class Sloppy(MockRotor):
        def list_customers(self, params: dict[str, object]) -> dict[str, object]:  # type: ignore[override]
            body = super().list_customers(params)
            body["pagination"]["total"] = "many"
            return body

    with LiveMockRotorAPI(Sloppy(customers=10)) as live:
        result = _contract("--live", env={"ROTOR_API_KEY": live.api_key, "ROTOR_BASE_URL": live.base_url})
    assert result.returncode == 1
    assert "pagination/total: 'many' is not of type 'integer'" in result.stdout


def test_live_mode_refuses_without_a_key() -> None:
    result = _contract("--live", env={})
    assert result.returncode == 2 and "Set ROTOR_API_KEY explicitly" in result.stderr
