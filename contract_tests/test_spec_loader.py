"""The spec loader refuses what YAML tools silently accept: a key given twice in one mapping. PyYAML keeps the last
one, so a second ``User:`` schema quietly replaced the first and validation, lint and regeneration went ahead."""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools import generate, regenerate
from devtools.paths import SPEC
from devtools.spec_diff.__main__ import main as diff_spec


@pytest.fixture
def duplicated(tmp_path: Path) -> tuple[Path, int, int]:
    """A copy of the spec with a second ``User`` schema; (its path, the line of the first, of the second)."""
    lines = SPEC.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line == "    User:\n")
    schemas = next(i for i, line in enumerate(lines) if line == "  schemas:\n")
    lines.insert(schemas + 1, "    User: {type: string}\n")  # the duplicate, above the original
    copy = tmp_path / "openapi.yaml"
    copy.write_text("".join(lines), encoding="utf-8")
    return copy, schemas + 2, first + 2  # 1-based: the inserted line, then the original one below it


def test_diff_spec_names_the_key_and_both_lines(
    duplicated: tuple[Path, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, first, second = duplicated
    assert diff_spec([str(SPEC), str(path)]) == 2
    error = capsys.readouterr().err
    assert f'duplicate key "User" at line {second} (first given at line {first})' in error


def test_regenerate_stops_before_generating(
    duplicated: tuple[Path, int, int], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, first, second = duplicated
    monkeypatch.setattr(regenerate, "SPEC", path)
    monkeypatch.setattr(generate, "main", lambda *_: pytest.fail("regenerated from a broken spec"))
    assert regenerate.main() == 2
    assert f'duplicate key "User" at line {second} (first given at line {first})' in capsys.readouterr().err


def test_the_mock_reads_the_spec_as_the_tools_do() -> None:
    # The mock reads its packaged spec with PyYAML's YAML 1.1 rules; the tools with ruamel's YAML 1.2. They agree on
    # this spec; a value they would read differently (an unquoted `yes` or `010`) fails here, not in a far-off test.
    from devtools.spec_io import load_spec
    from rotor.testing.spec import load

    assert load() == load_spec(SPEC)


def test_the_spec_is_read_by_ruamels_c_parser() -> None:
    # The pure-Python parser reads the same data 5x slower, in every process that reads the spec: the gate's bumps
    # and regenerations read it a dozen times each. A missing ruamel.yaml.clib falls back to it silently.
    from ruamel.yaml import YAML

    assert YAML(typ="safe").Parser.__name__ == "CParser", YAML(typ="safe").Parser
