"""The main job's schemathesis run, split across processes for speed, still runs every phase schemathesis has."""

from schemathesis.cli import schemathesis as schemathesis_command

from devtools.contract.mock import PHASE_GROUPS


def test_the_phase_groups_run_every_phase_once() -> None:
    run = schemathesis_command.commands["run"]
    (phases,) = (param for param in run.params if param.name == "phases")
    every_phase = str(phases.default).split(",")  # the phases a plain `schemathesis run` runs
    grouped = [phase for group in PHASE_GROUPS for phase in group.split(",")]
    assert sorted(grouped) == sorted(every_phase)
