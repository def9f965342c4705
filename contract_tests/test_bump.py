"""scripts/bump-api-version end to end, on a copy of the project."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from devtools.generate import generate_into, tree_diff
from devtools.paths import ROOT
from devtools.spec_io import load_spec


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for part in ("spec", "generated"):
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "src" / "rotor").mkdir(parents=True)
    for name in ("_constants.py", "_version.py"):
        shutil.copy(ROOT / "src" / "rotor" / name, root / "src" / "rotor" / name)
    shutil.copy(ROOT / "CHANGELOG.md", root / "CHANGELOG.md")
    shutil.copy(ROOT / "spec" / "openapi.yaml", tmp_path / "released.yaml")
    return root


def _bump(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        sys.executable,
        "-m",
        "devtools.bump",
        *args,
        "--root",
        str(root),
        "--base",
        str(root.parent / "released.yaml"),
    ]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)


def _edit_spec(root: Path, old: str, new: str) -> None:
    spec = root / "spec" / "openapi.yaml"
    text = spec.read_text()
    assert text.count(old) == 1
    spec.write_text(text.replace(old, new))


def test_bump_with_an_added_optional_field(project: Path, tmp_path: Path) -> None:
    _edit_spec(
        project,
        "        source: {type: string}\n        is_auto_pay:",
        "        source: {type: string}\n        loyalty_tier: {type: string}\n        is_auto_pay:",
    )
    result = _bump(project, "1.2.0")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 breaking" in result.stdout and "response-field-added" in result.stdout

    spec = load_spec(project / "spec" / "openapi.yaml")
    header = spec["components"]["parameters"]["RotorApiVersion"]["schema"]
    assert spec["info"]["version"] == "1.2.0" and header["enum"] == ["1.2.0"] and header["default"] == "1.2.0"
    assert header["x-enum-varnames"] == ["V1_2_0"]
    # Regenerated cleanly: generated/ is exactly what the new spec produces, and carries the new field.
    spec_dir = project / "spec"
    generate_into(tmp_path / "fresh", spec_dir / "openapi.yaml", spec_dir / "generator.yaml", spec_dir / "templates")
    assert tree_diff(tmp_path / "fresh", project / "generated" / "rotor_generated")[0] == []
    generated = project / "generated" / "rotor_generated"
    assert "loyalty_tier: str | Unset = UNSET" in (generated / "models" / "customer.py").read_text()
    assert 'V1_2_0 = "1.2.0"' in (generated / "models" / "rotor_api_version.py").read_text()
    assert 'API_VERSION = "1.2.0"' in (project / "src" / "rotor" / "_constants.py").read_text()
    assert (project / "src" / "rotor" / "_version.py").read_text() == '__version__ = "0.1.1"\n'
    changelog = (project / "CHANGELOG.md").read_text()
    assert changelog.startswith("# Changelog\n\n## 0.1.1 (")
    assert "Rotor API 1.2.0" in changelog and "loyalty_tier`: response field added" in changelog
    assert "## 0.1.0: Rotor API 1.1.0" in changelog  # history kept


def test_bump_with_a_removed_field_is_refused(project: Path) -> None:
    _edit_spec(project, "        source: {type: string}\n        is_auto_pay:", "        is_auto_pay:")
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    result = _bump(project, "1.2.0")
    assert result.returncode == 1
    assert "BREAKING" in result.stdout and "response-field-removed" in result.stdout
    assert "nothing written" in result.stderr
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_breaking_bump_when_allowed_is_a_minor_while_0x(project: Path) -> None:
    _edit_spec(project, "        source: {type: string}\n        is_auto_pay:", "        is_auto_pay:")
    result = _bump(project, "2.0.0", "--allow-breaking")
    assert result.returncode == 0, result.stderr
    assert (project / "src" / "rotor" / "_version.py").read_text() == '__version__ = "0.2.0"\n'
    assert "### Breaking" in (project / "CHANGELOG.md").read_text()


@pytest.mark.parametrize(("args", "message"), [(["1.1.0"], "already at 1.1.0"), (["one.two"], "is not a version")])
def test_bad_bumps(project: Path, args: list[str], message: str) -> None:
    result = _bump(project, *args)
    assert result.returncode == 2 and message in result.stderr
