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
import httpx
from rotor_generated import AuthenticatedClient
from rotor_generated.api.auth import test_auth
def answer(request):
    assert request.headers["rotor-api-version"] == "1.1.0" and request.headers["x-api-key"] == "k"
    return httpx.Response(200, json={"authenticated": True, "auth_method": "api_key"})
client = AuthenticatedClient(base_url="http://mock", token="k", prefix="", auth_header_name="x-api-key")
client.set_httpx_client(httpx.Client(base_url="http://mock", headers={"x-api-key": "k"},
                        transport=httpx.MockTransport(answer)))
assert test_auth.sync(client=client).authenticated is True
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
        run([py, "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheels[0])])
        run([py, "-c", SMOKE.format(call=CALL)], cwd=Path(tmp))
        print(f"built {wheels[0].name} and {sdists[0].name}; wheel smoke OK in a clean venv")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
