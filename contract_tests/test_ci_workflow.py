"""The CI workflow parses, and runs the scripts it names: a job pointing at a missing script fails only on GitHub."""

import os
import re
from typing import Any

import yaml

from devtools.paths import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def _jobs() -> dict[str, Any]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    jobs: dict[str, Any] = workflow["jobs"]
    return jobs


def _commands(job: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_every_script_the_workflow_runs_exists_and_is_executable() -> None:
    named = {m for job in _jobs().values() for m in re.findall(r"\./(scripts/[\w.-]+)", _commands(job))}
    assert named
    for script in named:
        assert os.access(ROOT / script, os.X_OK), f"{script} is missing or not executable"


def test_a_job_rehearses_the_next_api_bump() -> None:
    rehearsals = [job for job in _jobs().values() if "./scripts/rehearse-bump" in _commands(job)]
    assert len(rehearsals) == 1
    (job,) = rehearsals
    assert job.get("timeout-minutes", 360) <= 60  # it bootstraps a venv and runs every gate twice
    assert any(str(step.get("uses", "")).startswith("actions/checkout@") for step in job["steps"])
