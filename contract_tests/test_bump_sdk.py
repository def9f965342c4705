"""The bump's second diff: the package's own public API before and after the regeneration (devtools/sdk_api.py), and
the package version it moves (semver over both diffs), end to end on a full copy of the project.

Also the diff's rules on small packages written here, one rule per case, so each verdict is pinned.
Every version is derived from the spec and the package as they are, so these pass again after a real bump.
"""

from __future__ import annotations

import shutil
import textwrap
from collections import OrderedDict
from pathlib import Path
from typing import Any

import pytest

from contract_tests.in_process import run_bump
from devtools import sdk_api
from devtools.bump import SEMVER, next_minor
from devtools.paths import ROOT
from devtools.rehearse_edits import AddField, RemoveField, edited
from devtools.sdk_api import Change, diff_surfaces, surface
from devtools.spec_io import api_version, load_spec

NEW = next_minor(api_version(load_spec(ROOT / "spec" / "openapi.yaml")))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for part in ("spec", "generated", "src", "docs"):
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("CHANGELOG.md", "README.md"):
        shutil.copy(ROOT / name, root / name)
    shutil.copy(ROOT / "spec" / "openapi.yaml", tmp_path / "released.yaml")
    return root


def _edit_spec(root: Path, text: str) -> None:
    (root / "spec" / "openapi.yaml").write_text(text)


def _drop_customer_source(root: Path) -> None:
    _edit_spec(root, edited((root / "spec" / "openapi.yaml").read_text(), RemoveField("Customer", "source")))


def _version(root: Path) -> tuple[int, int, int]:
    match = SEMVER.search((root / "src" / "rotor" / "_version.py").read_text())
    assert match
    major, minor, patch = map(int, match.groups())
    return major, minor, patch


def _files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def test_a_removed_response_field_is_a_spec_break_and_an_sdk_break(project: Path) -> None:
    _drop_customer_source(project)
    before = _files(project)
    result = run_bump(project, NEW)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "response-field-removed" in result.stdout  # the spec's report
    assert "rotor.Customer.source: object-removed" in result.stdout  # the SDK's: the model attribute is gone
    assert "Breaking changes to the API and the SDK: nothing written" in result.stderr
    assert _files(project) == before


def test_an_allowed_break_is_a_major_and_the_changelog_names_both(project: Path) -> None:
    _drop_customer_source(project)
    major, _, _ = _version(project)
    result = run_bump(project, NEW, "--allow-breaking")
    assert result.returncode == 0, result.stdout + result.stderr
    assert _version(project) == (major + 1, 0, 0)
    changelog = (project / "CHANGELOG.md").read_text()
    entry = changelog.split("\n## ")[1]
    assert "### Breaking" in entry
    assert "- API `" in entry and "source`: response field removed" in entry
    assert "- SDK `rotor.Customer.source`: object removed (attribute)" in entry
    # The regenerated model and the generated docs pages follow.
    assert "    source:" not in (project / "generated" / "rotor_generated" / "models" / "customer.py").read_text()


def test_an_added_field_is_an_sdk_addition_and_a_minor(project: Path) -> None:
    _edit_spec(project, edited((project / "spec" / "openapi.yaml").read_text(), AddField("Customer", "loyalty_tier")))
    major, minor, _ = _version(project)
    result = run_bump(project, NEW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "rotor.Customer.loyalty_tier: object-added" in result.stdout
    assert "0 breaking" in result.stdout
    assert _version(project) == (major, minor + 1, 0)
    entry = (project / "CHANGELOG.md").read_text().split("\n## ")[1]
    assert "### Added or relaxed" in entry and "- SDK `rotor.Customer.loyalty_tier`: object added" in entry
    # The bump re-rendered the SDK layer too: the export columns record the new field.
    assert "loyalty_tier" in (project / "spec" / "export-columns.yaml").read_text()


@pytest.fixture
def griffe_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The ``src`` folder of each package griffe reads during the test; nothing kept from earlier tests."""
    monkeypatch.setattr(sdk_api, "_loaded", OrderedDict())
    monkeypatch.setattr(sdk_api, "_surfaces", {})
    reads: list[Path] = []
    real = sdk_api._load_package

    def counted(src: Path, generated: Path) -> Any:
        reads.append(src)
        return real(src, generated)

    monkeypatch.setattr(sdk_api, "_load_package", counted)
    return reads


def test_a_bump_that_changes_only_the_version_is_a_patch(project: Path, griffe_reads: list[Path]) -> None:
    # Each package the bump reads, read by griffe once: the project as it is, then as regenerated (for the SDK diff
    # and again for its API pages).
    major, minor, patch = _version(project)
    result = run_bump(project, NEW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SDK: no change to the public API" in result.stdout
    assert _version(project) == (major, minor, patch + 1)
    assert len(griffe_reads) == 2, griffe_reads


# The rules, on two versions of a small package (only the generated models package, as a partial copy holds).
BEFORE = """
import attrs

@attrs.define
class Model:
    name: str | None
    count: int

def fetch(limit: int | None = None, *, mode: str = "a") -> Model | None:
    ...

def keep(x: int) -> int:
    ...
"""


def _changes(tmp_path: Path, before: str, after: str) -> list[Change]:
    surfaces = []
    for name, code in (("old", before), ("new", after)):
        models = tmp_path / name / "generated" / "rotor_generated" / "models"
        models.mkdir(parents=True)
        (models.parent / "__init__.py").write_text("")
        (models / "__init__.py").write_text(textwrap.dedent(code))
        surfaces.append(surface(tmp_path / name / "src", tmp_path / name / "generated"))
    return diff_surfaces(*surfaces)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            ("limit: int | None = None", "limit: int = 5"),
            {("fetch(limit)", "parameter-type-narrowed"), ("fetch(limit)", "parameter-default-changed")},
        ),
        (("limit: int | None = None", "limit: int | str | None = None"), {("fetch(limit)", "parameter-type-widened")}),
        (("limit: int | None = None, ", ""), {("fetch(limit)", "parameter-removed")}),
        ((', *, mode: str = "a"', ', *, mode: str = "a", page: int'), {("fetch(page)", "parameter-added-required")}),
        (
            (', *, mode: str = "a"', ', *, mode: str = "a", page: int = 1'),
            {("fetch(page)", "parameter-added-optional")},
        ),
        (("-> Model | None:", "-> Model | str | None:"), {("fetch", "return-type-widened")}),
        (("-> Model | None:", "-> Model:"), {("fetch", "return-type-narrowed")}),
        (("name: str | None", "name: str"), {("Model.name", "attribute-type-narrowed")}),
        (("name: str | None", "name: int | None"), {("Model.name", "attribute-type-changed")}),
        (("    count: int\n", ""), {("Model.count", "object-removed")}),
        (("def keep(x: int)", "def kept(x: int)"), {("keep", "object-removed"), ("kept", "object-added")}),
    ],
)
def test_each_rule(tmp_path: Path, edit: tuple[str, str], expected: set[tuple[str, str]]) -> None:
    assert edit[0] in BEFORE
    changes = _changes(tmp_path, BEFORE, BEFORE.replace(*edit))
    assert {(c.where.removeprefix("rotor_generated.models."), c.rule) for c in changes} == expected


def test_no_change_no_report(tmp_path: Path) -> None:
    assert _changes(tmp_path, BEFORE, BEFORE) == []


def test_a_package_read_again_after_an_edit_is_read_afresh(tmp_path: Path) -> None:
    # Surfaces are kept per process by the sources they were read from: the same folder edited is another package.
    models = tmp_path / "generated" / "rotor_generated" / "models"
    models.mkdir(parents=True)
    (models.parent / "__init__.py").write_text("")
    (models / "__init__.py").write_text(textwrap.dedent(BEFORE))
    before = surface(tmp_path / "src", tmp_path / "generated")
    (models / "__init__.py").write_text(textwrap.dedent(BEFORE).replace("def keep(", "def kept("))
    after = surface(tmp_path / "src", tmp_path / "generated")
    assert {name.rsplit(".", 1)[-1] for name in set(before) ^ set(after)} == {"keep", "kept"}


def test_the_same_sources_are_read_once_for_the_surface_and_the_api_pages(
    tmp_path: Path, griffe_reads: list[Path]
) -> None:
    # A bump reads the package it makes for its surface, then for its API pages: one read, wherever the copy sits.
    for name in ("first", "second"):
        models = tmp_path / name / "generated" / "rotor_generated" / "models"
        models.mkdir(parents=True)
        (models.parent / "__init__.py").write_text("")
        (models / "__init__.py").write_text(textwrap.dedent(BEFORE) + f"\n# {name}\n")
    surface(tmp_path / "first" / "src", tmp_path / "first" / "generated")
    assert sdk_api.load_package(tmp_path / "first" / "src", tmp_path / "first" / "generated")
    assert griffe_reads == [tmp_path / "first" / "src"]
    surface(tmp_path / "second" / "src", tmp_path / "second" / "generated")  # other sources: read
    assert len(griffe_reads) == 2
