"""Build the sdist and wheel, install the wheel in a clean venv, and use it there.

Catches what an editable install hides: a module or data file missing from the wheel, an undeclared dependency.
"""

import subprocess
import sys
import tempfile
import venv
from pathlib import Path

from devtools.paths import ROOT

# Runs inside the clean venv: only the installed wheel is importable there.
SMOKE = r"""
import importlib.metadata, sys
import rotor, rotor_generated
version = importlib.metadata.version("rotor-sdk")
assert rotor.__version__ == version, (rotor.__version__, version)
from importlib.resources import files
assert (files("rotor_generated") / "py.typed").is_file() and (files("rotor") / "py.typed").is_file()
{call}
print(f"wheel smoke OK: rotor-sdk {{version}}")
"""

CALL = """
from rotor.testing import Mock
from rotor.testing.spec import spec_path
assert "site-packages" in str(spec_path()), spec_path()  # the packaged spec, not a checkout's
mock = Mock(customers=1200)
with mock.client() as client:
    assert client.auth.test().authenticated is True
    unarchived = sum(1 for stored in mock.store.all() if not stored.archived)
    ids = {c.id for c in client.customers.list()}
    assert len(ids) == unarchived, (len(ids), unarchived)
"""


def run(cmd: list[str], cwd: Path | None = None) -> None:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"failed: {' '.join(cmd)}")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        dist = Path(tmp) / "dist"
        # Default `build` makes the sdist, then the wheel *from the sdist*: both are checked for completeness.
        run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(ROOT)])
        wheels = sorted(dist.glob("*.whl"))
        sdists = sorted(dist.glob("*.tar.gz"))
        assert len(wheels) == 1 and len(sdists) == 1, list(dist.iterdir())
        env_dir = Path(tmp) / "venv"
        venv.create(env_dir, with_pip=True)
        py = str(env_dir / "bin" / "python")
        constraints = str(ROOT / "constraints.txt")  # the tested versions: a red run means our code, not a new release
        run([py, "-m", "pip", "install", "-q", "--disable-pip-version-check", f"{wheels[0]}[mock]", "-c", constraints])
        run([py, "-c", SMOKE.format(call=CALL)], cwd=Path(tmp))
        print(f"built {wheels[0].name} and {sdists[0].name}; wheel smoke OK in a clean venv")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
