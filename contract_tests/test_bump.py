"""scripts/bump-api-version end to end, on a copy of the project.

Every version here is derived from the spec as it is, so these tests pass again after the project itself bumps
(scripts/rehearse-bump runs them on a bumped copy).
"""

import difflib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from contract_tests.in_process import run_bump
from devtools.bump import SEMVER, next_minor
from devtools.generate import generate_into, tree_diff
from devtools.paths import ROOT
from devtools.rehearse_edits import AddField, RemoveField, edited, restyle
from devtools.spec_edit import enum_varname
from devtools.spec_io import api_version, load_spec, version_header_schemas

CURRENT = api_version(load_spec(ROOT / "spec" / "openapi.yaml"))
NEW = next_minor(CURRENT)


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


def _spec_text(root: Path) -> str:
    return (root / "spec" / "openapi.yaml").read_text()


def _write_spec(root: Path, text: str) -> None:
    (root / "spec" / "openapi.yaml").write_text(text)


def _drop_customer_source(root: Path) -> None:
    _write_spec(root, edited(_spec_text(root), RemoveField("Customer", "source")))


def _package_version(root: Path) -> tuple[int, int, int]:
    match = SEMVER.search((root / "src" / "rotor" / "_version.py").read_text())
    assert match
    major, minor, patch = map(int, match.groups())
    return major, minor, patch


def _changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def _comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def _sdk_api_version(root: Path) -> str:
    """``rotor.API_VERSION`` as the SDK computes it against the copy's regenerated client."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "generated"), os.environ.get("PYTHONPATH", "")])}
    code = "from rotor import API_VERSION; print(API_VERSION)"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_bump_with_an_added_optional_field(project: Path, tmp_path: Path) -> None:
    _write_spec(project, edited(_spec_text(project), AddField("Customer", "loyalty_tier")))
    constants_before = (project / "src" / "rotor" / "_constants.py").read_bytes()
    changelog_before = (project / "CHANGELOG.md").read_text()
    major, minor, _ = _package_version(project)
    result = run_bump(project, NEW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 breaking" in result.stdout and "response-field-added" in result.stdout

    spec = load_spec(project / "spec" / "openapi.yaml")
    (header,) = version_header_schemas(spec)
    assert spec["info"]["version"] == NEW and header["enum"] == [NEW] and header["default"] == NEW
    assert header["x-enum-varnames"] == [enum_varname(NEW)]
    auth_ok = spec["paths"]["/auth/test"]["get"]["responses"]["200"]["content"]["application/json"]
    assert auth_ok["examples"]["success"]["value"]["rotor_api_version"] == NEW  # the example answer follows
    # Regenerated cleanly: generated/ is exactly what the new spec produces, and carries the new field.
    spec_dir = project / "spec"
    generate_into(tmp_path / "fresh", spec_dir / "openapi.yaml", spec_dir / "generator.yaml", spec_dir / "templates")
    assert tree_diff(tmp_path / "fresh", project / "generated" / "rotor_generated")[0] == []
    generated = project / "generated" / "rotor_generated"
    # Template-independent: the model declares the new field as a string, whatever its optional spelling.
    assert re.search(r"(?m)^    loyalty_tier: str\b", (generated / "models" / "customer.py").read_text())
    assert f'{enum_varname(NEW)} = "{NEW}"' in (generated / "models" / "rotor_api_version.py").read_text()
    # The SDK's constant follows the generated enum: the bump has no hand-written file to edit for it.
    assert (project / "src" / "rotor" / "_constants.py").read_bytes() == constants_before
    assert _sdk_api_version(project) == NEW
    expected = f"{major}.{minor + 1}.0"  # an addition is a minor, 0.x too (docs/maintaining/index.md, "Versions")
    assert (project / "src" / "rotor" / "_version.py").read_text() == f'__version__ = "{expected}"\n'
    changelog = (project / "CHANGELOG.md").read_text()
    assert changelog.startswith(f"# Changelog\n\n## {expected} (")
    assert f"Rotor API {NEW}" in changelog and "loyalty_tier`: response field added" in changelog
    assert changelog.endswith(changelog_before.partition("\n\n")[2])  # history kept


@pytest.mark.parametrize("style", ["as kept", "restyled", "re-dumped"])
def test_bump_edits_only_the_version_whatever_the_style(project: Path, style: str) -> None:
    # "restyled": block style everywhere, 4-space indentation, double quotes, as an editor's formatter might leave it;
    # "re-dumped": what another YAML tool writes (PyYAML: its own style, every comment gone). A comment of our own
    # goes on top, so each style has one for the bump to keep, whatever the spec holds today.
    text = _spec_text(project)
    if style == "restyled":
        text = restyle(text)
    elif style == "re-dumped":
        text = yaml.safe_dump(yaml.safe_load(text), sort_keys=False, allow_unicode=True)
    _write_spec(project, "# A maintainer's note the bump must keep.\n" + text)
    before = _spec_text(project)
    result = run_bump(project, NEW)
    assert result.returncode == 0, result.stdout + result.stderr
    after = _spec_text(project)
    assert _comments(after) == _comments(before) and "# A maintainer's note the bump must keep." in _comments(after)
    (header,) = version_header_schemas(load_spec(project / "spec" / "openapi.yaml"))
    assert header["enum"] == [NEW] and header["default"] == NEW
    if style == "re-dumped":
        # PyYAML folds long strings over lines, which no round trip keeps: the data is what must not change.
        expected = before.replace(CURRENT, NEW).replace(enum_varname(CURRENT), enum_varname(NEW))
        assert yaml.safe_load(after) == yaml.safe_load(expected)
        return
    removed, added = _changed_lines(before, after)
    old_names, new_names = (CURRENT, enum_varname(CURRENT)), (NEW, enum_varname(NEW))
    assert removed and len(removed) == len(added)
    assert all(any(n in line for n in old_names) for line in removed), removed
    assert all(any(n in line for n in new_names) and not any(n in line for n in old_names) for line in added), added
    # The lines that changed differ only in the version: style, quoting and indentation are the file's own.
    for old, new in zip(removed, added, strict=True):
        assert old.replace(CURRENT, NEW).replace(enum_varname(CURRENT), enum_varname(NEW)) == new


def test_bump_with_a_removed_field_is_refused(project: Path) -> None:
    _drop_customer_source(project)
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    result = run_bump(project, NEW)
    assert result.returncode == 1
    assert "BREAKING" in result.stdout and "response-field-removed" in result.stdout
    assert "nothing written" in result.stderr
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_breaking_bump_when_allowed_is_a_major(project: Path) -> None:
    _drop_customer_source(project)
    major, _, _ = _package_version(project)
    result = run_bump(project, f"{int(CURRENT.split('.')[0]) + 1}.0.0", "--allow-breaking")
    assert result.returncode == 0, result.stderr
    expected = f"{major + 1}.0.0"  # a break is a major, 0.x too
    assert (project / "src" / "rotor" / "_version.py").read_text() == f'__version__ = "{expected}"\n'
    assert "### Breaking" in (project / "CHANGELOG.md").read_text()


@pytest.mark.parametrize(("args", "message"), [([CURRENT], f"already at {CURRENT}"), (["one.two"], "is not a version")])
def test_bad_bumps(project: Path, args: list[str], message: str) -> None:
    result = run_bump(project, *args)
    assert result.returncode == 2 and message in result.stderr


def test_a_spec_without_the_version_header_is_refused(project: Path) -> None:
    text = re.sub(r"(?m)^(\s*name: )rotor-api-version$", r"\1x-other-header", _spec_text(project))
    assert text != _spec_text(project)
    _write_spec(project, text)
    result = run_bump(project, NEW)
    assert result.returncode == 2 and "no rotor-api-version header" in result.stderr
