"""The documented bump, rehearsed inside the gate in seconds: in a scratch copy of the work tree, the kinds of change
Rotor ships between versions, then regeneration, then every test that derives its expectations from the spec
(marked ``spec_derived``), there. A test that restates a spec fact instead of reading it fails here.

The edits, all at once: an optional field at the top and at the bottom of ``Customer``, a new ``CustomerStatus``
value, a new optional filter on the customer list, and a new operation over an existing resource (``GET
/pins/{id}``); then the whole file re-dumped by another YAML tool (no comments, another style). The full
``scripts/rehearse-bump`` (bump, every gate, a fresh virtual environment) stays a CI job.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from devtools import columns
from devtools.paths import ROOT
from devtools.rehearse_edits import AddEnumValue, AddField, AddQueryParameter, AddRetrieve, edited

# Names no test uses for anything else (a test may well call a field "loyalty_tier" to mean one the SDK lacks).
TOP, BOTTOM, FILTER = "rehearsal_first_field", "rehearsal_last_field", "rehearsal_filter"


def _copy_work_tree(target: Path) -> None:
    """The work tree as git would commit it (tracked and untracked, not ignored: no .venv, no caches)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.split(b"\0")  # fmt: skip
    for name in filter(None, listed):
        source = ROOT / name.decode()
        if source.is_file():
            copied = target / name.decode()
            copied.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copied)
            if source.suffix == ".py":
                _copy_bytecode(source, copied)


def _copy_bytecode(source: Path, copied: Path) -> None:
    """The module's compiled bytecode too (this interpreter's, pytest's rewritten one included), so the scratch run
    does not compile every module again (about 3 s of its CPU). A .pyc records its source's mtime and size, and the
    copy keeps both: a file the rehearsal edits or regenerates no longer matches and is compiled afresh."""
    cache = source.parent / "__pycache__"
    for compiled in cache.glob(f"{source.stem}.{sys.implementation.cache_tag}*.pyc"):
        (copied.parent / "__pycache__").mkdir(exist_ok=True)
        shutil.copy2(compiled, copied.parent / "__pycache__" / compiled.name)


def _edit(spec: Path) -> None:
    text = spec.read_text(encoding="utf-8")
    text = edited(
        text,
        AddField("Customer", TOP, at=0),
        AddField("Customer", BOTTOM),
        AddEnumValue("CustomerStatus", "paused"),
        AddQueryParameter("/customers", FILTER),
        AddRetrieve("/pins", "Pin"),
    )
    # Re-dumped by another YAML tool (PyYAML: its own style, every comment gone), as a maintainer's script might.
    spec.write_text(yaml.safe_dump(yaml.safe_load(text), sort_keys=False, allow_unicode=True), encoding="utf-8")


def _run(scratch: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The scratch copy's packages first on the path, ahead of this checkout's editable install.
    path = os.pathsep.join(str(scratch / p) for p in ("src", "generated", "."))
    env = {**os.environ, "PYTHONPATH": path}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the scratch copy's modules compiled once, not once per process
    return subprocess.run([sys.executable, *args], cwd=scratch, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def rehearsed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    scratch = tmp_path_factory.mktemp("rehearsal")
    _copy_work_tree(scratch)
    _edit(scratch / "spec" / "openapi.yaml")
    regenerated = _run(scratch, "-m", "devtools.generate")
    assert regenerated.returncode == 0, regenerated.stdout + regenerated.stderr
    return scratch


def _marking_files(root: Path) -> list[str]:
    """The test files that mark tests ``spec_derived`` (collecting only these, not the whole suite, halves the run's
    CPU); the whole suite when a conftest applies the mark, since then any file may hold such tests."""
    files = sorted(
        path.relative_to(root).as_posix()
        for folder in ("tests", "contract_tests")
        for path in (root / folder).rglob("*.py")
        if "spec_derived" in path.read_text(encoding="utf-8") and path.name != Path(__file__).name
    )
    return ["tests", "contract_tests"] if any(Path(f).name == "conftest.py" for f in files) else files


def test_the_spec_derived_tests_pass_on_the_bumped_spec(rehearsed: Path) -> None:
    files = _marking_files(rehearsed)
    result = _run(rehearsed, "-m", "pytest", "-q", "-m", "spec_derived", "-n", "0", "-p", "no:randomly", "-x", *files)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_new_fields_are_appended_to_the_export_columns(rehearsed: Path) -> None:
    before, after = columns.read()["Customer"], columns.read(rehearsed / "spec" / "export-columns.yaml")["Customer"]
    assert after == [*before, TOP, BOTTOM]  # every existing column in place; the field added at the top comes last
    probe = "from rotor._formats import csv_columns; from rotor import Customer; print(','.join(csv_columns(Customer)))"
    header = _run(rehearsed, "-c", probe)
    assert header.stdout.strip().split(",")[-2:] == [TOP, BOTTOM], header.stderr


def test_the_new_operation_is_wired_everywhere_without_hand_edits(rehearsed: Path) -> None:
    probe = """
import inspect
from rotor import AsyncRotor, Rotor
from rotor.testing.operations import OPERATIONS
from rotor.testing import MockRotorAPI
api = MockRotorAPI(pins=3)
with api.client() as client:
    pin = client.pins.list().data[0]
    assert client.pins.retrieve(pin.id).id == pin.id
    assert client.with_raw_response.pins.retrieve(pin.id).status_code == 200
    assert client.customers.list(rehearsal_filter="x").total is not None
assert inspect.iscoroutinefunction(AsyncRotor(api_key="k").pins.retrieve)
assert OPERATIONS["retrievePin"].scope == "pins:read"
print("ok")
"""
    result = _run(rehearsed, "-c", probe)
    assert result.stdout.strip() == "ok", result.stdout + result.stderr
    cli = _run(
        rehearsed, "-c", "import sys; from rotor.cli import main; sys.argv = ['rotor', 'pins', '--help']; main()"
    )
    assert "get" in cli.stdout, cli.stdout + cli.stderr
