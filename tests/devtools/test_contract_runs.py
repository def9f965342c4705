"""The main job's schemathesis run, split across processes for speed, still runs every phase schemathesis has, and
reports the runs' counts and failures together."""

import subprocess
from typing import Any

import pytest
from schemathesis.cli import schemathesis as schemathesis_command
from schemathesis.config import SchemathesisConfig

from contract_tests.schemathesis_setup import CONFIG_FILE
from devtools.contract import mock
from devtools.contract.mock import PHASE_GROUPS


def test_the_phase_groups_run_every_phase_once() -> None:
    run = schemathesis_command.commands["run"]
    (phases,) = (param for param in run.params if param.name == "phases")
    every_phase = str(phases.default).split(",")  # the phases a plain `schemathesis run` runs
    grouped = [phase for group in PHASE_GROUPS for phase in group.split(",")]
    assert sorted(grouped) == sorted(every_phase)


def test_each_group_is_one_run_and_the_report_adds_them_up(monkeypatch: pytest.MonkeyPatch) -> None:
    # The runs themselves are stubbed: what is checked is what each is asked for and how their reports combine.
    outputs = {
        "coverage": "900 generated, 900 passed, 22 skipped",
        "examples,fuzzing": "400 generated, 399 passed, 1 errored ST101",  # no "skipped": schemathesis omits zeros
        "stateful": "200 generated, 200 passed, 18 skipped",
    }
    asked: list[str] = []

    def run(base_url: str, *args: str, **_: Any) -> subprocess.CompletedProcess[str]:
        phases = args[args.index("--phases") + 1]
        asked.append(phases)
        return subprocess.CompletedProcess([], 1 if "errored" in outputs[phases] else 0, outputs[phases], "")

    monkeypatch.setattr(mock, "schemathesis_cli", run)
    outcome = mock.schemathesis_against_mock(max_examples=1)
    assert sorted(asked) == sorted(PHASE_GROUPS)
    assert not outcome.ok
    assert outcome.detail == "1500 generated, 1499 passed, 40 skipped, 1 errored; failures: ST101"


def test_no_run_replays_what_an_earlier_one_stored() -> None:
    # schemathesis's own cache would replay an earlier run's failures first (a planted bug's, against the real mock).
    assert SchemathesisConfig.from_path(str(CONFIG_FILE)).cache.enabled is False
