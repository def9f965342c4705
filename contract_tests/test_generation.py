"""Generation is deterministic and the drift check notices any difference."""

import shutil
from pathlib import Path

from devtools.generate import generate_into, tree_diff
from devtools.paths import GENERATED_DIR, SPEC, TEMPLATES


def test_generating_twice_is_byte_identical(tmp_path: Path) -> None:
    generate_into(tmp_path / "a")
    generate_into(tmp_path / "b")
    assert tree_diff(tmp_path / "a", tmp_path / "b") == ([], "")


def test_committed_generated_code_is_what_the_spec_produces(tmp_path: Path) -> None:
    generate_into(tmp_path / "fresh")
    summary, diff = tree_diff(tmp_path / "fresh", GENERATED_DIR)
    assert summary == [], diff


def test_a_hand_edit_is_reported_with_a_diff(tmp_path: Path) -> None:
    generate_into(tmp_path / "fresh")
    edited = tmp_path / "edited"
    shutil.copytree(GENERATED_DIR, edited)
    target = edited / "models" / "customer.py"
    target.write_text(target.read_text() + "# hand edit\n")
    summary, diff = tree_diff(tmp_path / "fresh", edited)
    assert summary == ["  changed  models/customer.py"]
    assert "-# hand edit" in diff


def test_an_unregenerated_spec_edit_is_reported(tmp_path: Path) -> None:
    edited_spec = tmp_path / "openapi.yaml"
    text = SPEC.read_text()
    edited_spec.write_text(
        text.replace(
            "        source: {type: string}\n", "        source: {type: string}\n        nickname: {type: string}\n", 1
        )
    )
    generate_into(tmp_path / "fresh", edited_spec)
    summary, diff = tree_diff(tmp_path / "fresh", GENERATED_DIR)
    assert summary == ["  changed  models/customer.py"]
    assert "+    nickname: str | Unset = UNSET" in diff


def test_the_custom_template_is_the_generators_own_plus_one_repr() -> None:
    # Copied templates silently go stale when the generator is upgraded: this fails until it is re-copied.
    import openapi_python_client

    installed = Path(openapi_python_client.__file__).parent / "templates" / "types.py.jinja"
    ours = (TEMPLATES / "types.py.jinja").read_text()
    addition = '\n    def __repr__(self) -> str:\n        return "UNSET"\n'
    assert addition in ours
    assert ours.replace(addition, "", 1) == installed.read_text()
