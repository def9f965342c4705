"""Generation is deterministic, the drift check notices any difference, and the custom templates stay in step."""

import difflib
import shutil
from pathlib import Path

import pytest

from devtools import generate
from devtools.generate import generate_into, tree_diff
from devtools.paths import GENERATED_DIR, SPEC, TEMPLATES
from devtools.rehearse_edits import AddField, edited
from devtools.spec_io import SpecError


def test_a_real_run_after_another_writes_the_committed_package_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Uncached: the generator itself, twice in this process (it runs in-process, so what one run leaves behind must
    # not change the next), the second compared with what an earlier run wrote (scripts/regenerate, in another
    # process, on another day): what the gate's cache relies on, and what the drift check holds the committed tree to.
    monkeypatch.delenv(generate.CACHE_ENV, raising=False)
    # The first run: a spec edit nobody regenerated, which the drift check reports. A structural edit (ruamel round
    # trip): it works whatever YAML style the spec is kept in.
    edited_spec = tmp_path / "openapi.yaml"
    edited_spec.write_text(edited(SPEC.read_text(), AddField("Customer", "nickname")))
    generate_into(tmp_path / "edited", edited_spec)
    summary, diff = tree_diff(tmp_path / "edited", GENERATED_DIR)
    assert summary == ["  changed  models/customer.py"]
    assert "+    nickname: str | None = None" in diff
    generate_into(tmp_path / "fresh")
    summary, diff = tree_diff(tmp_path / "fresh", GENERATED_DIR)
    assert summary == [], diff


def test_a_kept_package_is_reused_only_for_the_same_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The keeping is under test here, not the generator (the test above runs it): a stand-in that counts its runs
    # and writes what it was given.
    monkeypatch.setenv(generate.CACHE_ENV, str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    runs: list[str] = []

    def stand_in(out_dir: Path, tolerant_text: str, *args: object) -> None:
        runs.append(tolerant_text)
        (out_dir / "models").mkdir(parents=True)
        (out_dir / "models" / "spec.yaml").write_text(tolerant_text)

    monkeypatch.setattr(generate, "_run_generator", stand_in)
    generate_into(tmp_path / "first")
    assert len(runs) == 1 and len(list((tmp_path / "cache").iterdir())) == 1
    generate_into(tmp_path / "again")
    assert len(runs) == 1, "the generator ran again for the same inputs"
    assert tree_diff(tmp_path / "first", tmp_path / "again") == ([], "")
    edited_spec = tmp_path / "openapi.yaml"
    edited_spec.write_text(edited(SPEC.read_text(), AddField("Customer", "nickname")))
    generate_into(tmp_path / "edited", edited_spec)
    assert len(runs) == 2 and "nickname" in runs[-1]  # another spec is another key
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / "types.py.jinja").write_text((templates / "types.py.jinja").read_text() + "\n# edited\n")
    generate_into(tmp_path / "retemplated", templates=templates)
    assert len(runs) == 3  # so is an edited template
    assert len(list((tmp_path / "cache").iterdir())) == 3


def test_a_hand_edit_is_reported_with_a_diff(tmp_path: Path) -> None:
    generate_into(tmp_path / "fresh")
    edited = tmp_path / "edited"
    shutil.copytree(GENERATED_DIR, edited)
    target = edited / "models" / "customer.py"
    target.write_text(target.read_text() + "# hand edit\n")
    summary, diff = tree_diff(tmp_path / "fresh", edited)
    assert summary == ["  changed  models/customer.py"]
    assert "-# hand edit" in diff


def test_the_custom_template_is_the_generators_own_plus_one_repr() -> None:
    # Copied templates silently go stale when the generator is upgraded: this fails until it is re-copied.
    import openapi_python_client

    installed = Path(openapi_python_client.__file__).parent / "templates" / "types.py.jinja"
    ours = (TEMPLATES / "types.py.jinja").read_text()
    addition = '\n    def __repr__(self) -> str:\n        return "UNSET"\n'
    assert addition in ours
    assert ours.replace(addition, "", 1) == installed.read_text()


def _template_diff(name: str) -> str:
    import openapi_python_client

    installed = Path(openapi_python_client.__file__).parent / "templates" / name
    return "".join(
        difflib.unified_diff(
            installed.read_text().splitlines(keepends=True),
            (TEMPLATES / name).read_text().splitlines(keepends=True),
            f"openapi-python-client/templates/{name}",
            f"spec/templates/{name}",
        )
    )


def test_every_custom_template_but_one_has_its_change_documented() -> None:
    assert {p.name for p in TEMPLATES.glob("*.jinja")} == {
        "types.py.jinja",  # held by the test above
        *(p.name.removesuffix(".diff") for p in TEMPLATES.glob("*.jinja.diff")),
    }


@pytest.mark.parametrize("name", sorted(p.name.removesuffix(".diff") for p in TEMPLATES.glob("*.jinja.diff")))
def test_a_custom_template_is_the_generators_own_plus_the_documented_change(name: str) -> None:
    # The change is stored as a diff against the pinned generator's template: an upgrade that touches that template,
    # or an edit of ours that the diff does not record, fails here instead of going stale silently.
    documented = (TEMPLATES / f"{name}.diff").read_text()
    actual = _template_diff(name)
    assert actual, f"spec/templates/{name} is the generator's own again: delete it and its .diff"
    assert documented[documented.index("--- ") :] == actual, f"re-apply the change, then store this diff:\n{actual}"
    # Every changed line is ours and says so: nothing of the generator's is edited without a ROTOR marker nearby.
    hunks = actual.split("\n@@")[1:]
    assert hunks and all("ROTOR" in hunk for hunk in hunks)


def test_a_generator_warning_fails_generation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As the CLI's --fail-on-warning: a warning means part of the client was dropped (here, a response it cannot read).
    monkeypatch.delenv(generate.CACHE_ENV, raising=False)
    spec = tmp_path / "openapi.yaml"
    spec.write_text(SPEC.read_text().replace("application/json", "application/xml", 1))
    with pytest.raises(
        SpecError, match=r"(?s)openapi-python-client failed:\n.*Unsupported content_type application/xml"
    ):
        generate_into(tmp_path / "out", spec)
