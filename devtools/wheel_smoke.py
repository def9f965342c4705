"""Build the sdist and wheel, install the wheel in a clean venv, and use it there as a consumer would.

Catches what an editable install hides: a module or data file missing from the wheel, an undeclared dependency.
One venv, in three stages: first the SDK alone (no extras, installed from the checkout as the README's first
install line says) with pytest, where the pytest plugin must load without
the mock, ``rotor.testing`` must say how to get it and the ``rotor`` script must say how to get the CLI; then the
``mock`` extra added, as the user told so would, where the mock and every fixture must work; then the ``cli`` extra,
where the installed ``rotor`` script must run (``--version``, and a list against ``rotor mock serve``).
"""

import os
import shlex
import subprocess
import sys
import tempfile
import textwrap
import time
import venv
from pathlib import Path

from devtools.paths import ROOT

PIP_HINT = "pip install 'rotor-sdk[mock]'"
CLI_HINT = "pip install 'rotor-sdk[cli]'"

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
from rotor.testing import MockRotorAPI
from rotor.testing.spec import spec_path
assert "site-packages" in str(spec_path()), spec_path()  # the packaged spec, not a checkout's
# A size no test uses: the installed mock makes its own data with Faker here (the gate's kept data has no such key).
# Small, and read ten at a time so that iterating still follows the pages.
mock = MockRotorAPI(customers=23)
with mock.client() as client:
    assert client.auth.test().authenticated is True
    unarchived = sum(1 for stored in mock.store.all() if not stored.archived)
    ids = {c.id for c in client.customers.list(limit=10)}
    assert len(ids) == unarchived, (len(ids), unarchived)
"""

# A consumer without the extra: the SDK alone; the plugin is installed (entry point) and must stay harmless, and a
# test asking for a fixture fails with the install hint while the session goes on.
PLAIN_CONSUMER = {
    "test_app.py": """
        import rotor


        def test_builds_a_client():
            client = rotor.Rotor(api_key="x")
            assert client.api_key == "x"
            client.close()
    """,
    "test_uses_mock.py": """
        def test_needs_the_mock(rotor_mock):
            pass
    """,
}
# A consumer with the extra, using every fixture and the marker.
MOCK_CONSUMER = {
    "test_with_mock.py": """
        import pytest

        import rotor


        def test_in_process(rotor_mock):
            with rotor_mock.client() as client:
                assert client.customers.list(limit=1).total == 2258  # the documented default


        @pytest.mark.rotor_mock(customers=30, seed=3, daily_quota=2, faults={"queue": ["503"]})
        def test_marker(rotor_mock):
            with rotor_mock.client() as client:
                assert client.customers.list(archived=True, limit=1).total == 30
                with pytest.raises(rotor.RateLimitError):
                    client.auth.test()
            assert len(rotor_mock.retry_sleeps) == 1  # the 503 was retried, without sleeping


        def test_factory(rotor_mock_factory):
            empty = rotor_mock_factory(customers=0)
            served = rotor_mock_factory(customers=10, served=True)
            with empty.client() as a, served.client() as b:
                assert a.customers.list().total == 0
                assert b.customers.list(archived=True).total == 10


        def test_served(rotor_mock_server):
            assert rotor_mock_server.base_url.startswith("http://127.0.0.1:")
            with rotor_mock_server.client() as client:
                assert client.auth.test().authenticated is True
    """,
}


# The README's install lines (under "Install"): the checkout one is run as written, with the checkout's
# placeholder path replaced by this one; the wheel ones are what the stages below install.
CHECKOUT = "./rotor-sdk"


def readme_install_lines() -> list[str]:
    """The ``pip install ...`` lines of the README's install block, comments dropped."""
    text = (ROOT / "README.md").read_text()
    section = text[text.index("## Install\n") : text.index("## Quick start")]
    block = section[section.index("```bash\n") + len("```bash\n") :]
    block = block[: block.index("```")]
    return [line.split("#")[0].strip() for line in block.splitlines() if line.startswith("pip install")]


def checkout_install() -> list[str]:
    """The README's first install line (from a checkout, no extras) as pip arguments, aimed at this checkout."""
    first = shlex.split(readme_install_lines()[0])
    assert first[:2] == ["pip", "install"] and CHECKOUT in first, first
    return [str(ROOT) if arg == CHECKOUT else arg for arg in first[2:]]


# An inherited PYTHONPATH would let the venv import a checkout instead of the installed wheel.
CLEAN_ENV = {name: value for name, value in os.environ.items() if name not in {"PYTHONPATH", "PYTHONHOME"}}


def run(cmd: list[str], cwd: Path | None = None, *, expect: int | None = 0) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, cwd=cwd, env=CLEAN_ENV, capture_output=True, text=True, check=False)
    if expect is not None and proc.returncode != expect:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"failed (exit {proc.returncode}, expected {expect}): {' '.join(cmd)}")
    return proc


def consumer_project(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(textwrap.dedent(text).lstrip())
    return root


def pytest_cmd(py: str) -> list[str]:
    # -p no:cacheprovider: nothing written; --strict-markers: the plugin must register its marker.
    return [py, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--strict-markers", "-W", "error::DeprecationWarning"]


def check(condition: bool, what: str, proc: subprocess.CompletedProcess[str]) -> None:
    if not condition:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"wheel smoke: {what}")


def version_of(py: str) -> str:
    return run([py, "-c", "import rotor; print(rotor.__version__)"]).stdout.strip()


def check_cli_lists(rotor_script: str, tmp: Path) -> None:
    """``rotor mock serve`` in the background, then ``rotor customers list`` against it, from the venv's script."""
    env_file = tmp / "mock.env"
    server = subprocess.Popen(
        [rotor_script, "mock", "serve", "--customers", "7", "--env-file", str(env_file)],
        env=CLEAN_ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not env_file.is_file():
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("wheel smoke: `rotor mock serve` did not start")
            time.sleep(0.1)
        settings = dict(line.split("=", 1) for line in env_file.read_text().splitlines())
        env = {**CLEAN_ENV, **settings, "ROTOR_CONFIG": str(tmp / "rotor-config.toml")}
        cmd = [rotor_script, "customers", "list", "--archived", "--format", "jsonl"]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        check(proc.returncode == 0 and len(proc.stdout.splitlines()) == 7, "`rotor customers list` failed", proc)
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> int:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        dist = tmp / "dist"
        # Default `build` makes the sdist, then the wheel *from the sdist*: both are checked for completeness.
        run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(ROOT)])
        wheels = sorted(dist.glob("*.whl"))
        sdists = sorted(dist.glob("*.tar.gz"))
        assert len(wheels) == 1 and len(sdists) == 1, list(dist.iterdir())
        env_dir = tmp / "venv"
        venv.create(env_dir, with_pip=False)  # this pip installs into it (--python): no ensurepip, seconds saved
        py = str(env_dir / "bin" / "python")
        constraints = str(ROOT / "constraints.txt")  # the tested versions: a red run means our code, not a new release
        pip = [sys.executable, "-m", "pip", "--python", py, "install", "-q", "--disable-pip-version-check"]
        uninstall = [sys.executable, "-m", "pip", "--python", py, "uninstall", "-q", "-y"]
        # The bootstrap's installer, when it is there and can reach the index: the same pinned set for a fraction of
        # pip's CPU (uv reads no pip config, so a machine it fails on keeps pip).
        uv = [str(Path(sys.executable).with_name("uv")), "pip", "install", "--quiet", "--python", py]
        if Path(uv[0]).exists() and run([*uv, "pytest", "-c", constraints], expect=None).returncode == 0:
            pip = uv
            uninstall = [uv[0], "pip", "uninstall", "--quiet", "--python", py]

        # Stage 1: the SDK without the extra, installed from the checkout as the README says (pip builds it).
        run([*pip, *checkout_install(), "pytest", "-c", constraints])
        # One session: the test that uses no fixture passes (the plugin loaded harmlessly), the one that does fails.
        proc = run(pytest_cmd(py), cwd=consumer_project(tmp / "plain", PLAIN_CONSUMER), expect=1)
        check(
            PIP_HINT in proc.stdout
            and "1 passed, 1 error" in proc.stdout
            and "ERROR test_uses_mock.py::test_needs_the_mock" in proc.stdout,  # the error is the fixture test's
            "without the extra, the plain test must pass and a test using a fixture fail alone, with the install hint",
            proc,
        )
        proc = run([py, "-c", "import rotor.testing"], cwd=tmp, expect=1)
        check(PIP_HINT in proc.stderr, f"importing rotor.testing without the extra does not say {PIP_HINT}", proc)

        rotor_script = str(env_dir / "bin" / "rotor")
        proc = run([rotor_script, "--version"], cwd=tmp, expect=1)
        check(CLI_HINT in proc.stderr, f"`rotor` without the cli extra does not say {CLI_HINT}", proc)

        # Stage 2: the built wheel in its place (the same version: pip would keep the checkout's), the extra added.
        run([*uninstall, "rotor-sdk"])
        run([*pip, f"{wheels[0]}[mock]", "-c", constraints])
        run([py, "-c", SMOKE.format(call=CALL)], cwd=tmp)
        proc = run(pytest_cmd(py), cwd=consumer_project(tmp / "with_mock", MOCK_CONSUMER))
        check("4 passed" in proc.stdout, "the mock consumer's tests did not all pass", proc)

        # Stage 3: the CLI extra added; the entry point runs, against the mock served by the CLI itself.
        run([*pip, f"{wheels[0]}[mock,cli]", "-c", constraints])
        proc = run([rotor_script, "--version"], cwd=tmp)
        check(proc.stdout == f"rotor {version_of(py)}\n", "`rotor --version` does not print the package version", proc)
        check_cli_lists(rotor_script, tmp)
        print(
            f"built {wheels[0].name} and {sdists[0].name}; wheel smoke OK in a clean venv, without extras, "
            f"with [mock], with [cli] ({time.perf_counter() - started:.1f}s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
