"""README.md's install lines are the ones ``devtools/wheel_smoke.py`` runs (the last step of ``./scripts/test``):
``pip install rotor-sdk`` finds nothing (not published), so the README installs from a checkout or a built wheel."""

import re

from devtools import wheel_smoke
from devtools.paths import ROOT


def test_the_install_lines_are_the_ones_the_wheel_smoke_runs() -> None:
    lines = wheel_smoke.readme_install_lines()
    assert "pip install rotor-sdk" not in lines
    assert lines[0] == f"pip install {wheel_smoke.CHECKOUT}" and wheel_smoke.checkout_install() == [str(ROOT)]
    assert any(
        re.fullmatch(r"pip install 'dist/rotor_sdk-<version>-py3-none-any\.whl\[\w+(,\w+)*\]'", line) for line in lines
    )
    assert any("python -m build" in line for line in lines)
