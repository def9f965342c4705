"""scripts/mock's entry point: serves on 127.0.0.1, then tells a shell how to reach it (stdout, --env-file)."""

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx

from devtools.paths import ROOT
from rotor import Rotor
from rotor.testing.server import free_port
from tests.environment import without_user_settings
from tests.shell import run_bash


def test_mock_cli_prints_config_once_serving(tmp_path: Path) -> None:
    imports = tmp_path / "imports.txt"  # -X importtime's report (a file: a pipe nobody reads would fill and block)
    with imports.open("w") as report:
        proc = subprocess.Popen(
            [sys.executable, "-X", "importtime", "-m", "rotor.testing", "--customers", "30", "--seed", "4",
             "--daily-quota", "50"],
            stdout=subprocess.PIPE,
            stderr=report,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )  # fmt: skip
        try:
            assert proc.stdout is not None
            base_url = proc.stdout.readline().strip().removeprefix("ROTOR_BASE_URL=")
            api_key = proc.stdout.readline().strip().removeprefix("ROTOR_API_KEY=")
            assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/open-api")
            # Printed once the server accepts connections: no retry needed.
            with Rotor(api_key=api_key, base_url=base_url, max_retries=0) as client:
                assert len(list(client.customers.list(archived=True))) == 30
            _assert_stop_signals_are_waited_for(proc.pid)
            # Two stop signals at once (Ctrl-C, then a kill): the first stops it, the second is taken too rather than
            # killing it or raising once its signals are unblocked again. A clean exit.
            proc.send_signal(signal.SIGINT)
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=10) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=10)
            if proc.stdout is not None:
                proc.stdout.close()
    # Serving needs the app and the server, never the SDK's clients or httpx (rotor.testing imports each name on
    # first use): about 0.2 s of every mock's start.
    imported = {line.split("|")[-1].strip() for line in imports.read_text().splitlines() if "|" in line}
    assert "rotor.testing.app" in imported and "uvicorn" in imported, sorted(imported)
    leaked = imported & {"httpx", "rotor._client", "rotor.testing.harness"}
    assert not leaked, leaked


def _signal_mask(status: str, field: str) -> int:
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith(f"{field}:")), 16)


def _assert_stop_signals_are_waited_for(pid: int) -> None:
    """SIGINT and SIGTERM are blocked in each thread of a serving mock but the main one, which takes them with
    ``sigwait`` (while it waits, Linux shows them unblocked there), and no handler of ours catches SIGTERM (Python
    catches SIGINT in every process, to raise KeyboardInterrupt). A handler that set an Event
    deadlocked on the Event's lock when the signal came just as the main thread began to wait, and the mock then
    ignored every later SIGTERM: one start in eight, stopped as soon as it printed its address."""
    tasks = Path(f"/proc/{pid}/task")
    if not tasks.is_dir():
        return  # no procfs (not Linux): the masks cannot be read from outside
    stop = (1 << (signal.SIGINT - 1)) | (1 << (signal.SIGTERM - 1))
    caught = _signal_mask(Path(f"/proc/{pid}/status").read_text(), "SigCgt")
    assert not caught & (1 << (signal.SIGTERM - 1)), "a handler catches SIGTERM"
    others = [task for task in tasks.iterdir() if task.name != str(pid)]
    assert others, "the server runs in a thread of its own"
    for task in others:
        assert _signal_mask((task / "status").read_text(), "SigBlk") & stop == stop, f"thread {task.name} takes them"


def readme_recipe() -> str:
    blocks: list[str] = re.findall(r"```bash\n(.*?)```", (ROOT / "docs/testing.md").read_text(), flags=re.DOTALL)
    [recipe] = [block for block in blocks if "--env-file" in block]
    return recipe


def test_the_readme_recipe_serves_configures_and_stops(tmp_path: Path) -> None:
    """The shell recipe of docs/testing.md, run as written except for where the mock and python come from and the port."""
    port = free_port()
    script = (
        readme_recipe()
        # The real script, run from another folder: a relative --env-file must land in the caller's folder.
        .replace("./scripts/mock", str(ROOT / "scripts" / "mock"))
        .replace("python -c", f"{sys.executable} -c")
        .replace("8787", str(port))
    )
    env = without_user_settings()
    proc = run_bash(script, cwd=tmp_path, env=env, timeout=30)
    stdout, stderr = proc.stdout, proc.stderr
    assert proc.returncode == 0, stdout + stderr
    assert f"ROTOR_BASE_URL=http://127.0.0.1:{port}/open-api" in stdout
    assert "\n2258\n" in stdout  # what the SDK call in the recipe printed
    assert not (tmp_path / ".rotor-mock.env").exists()  # the mock removed it on SIGTERM
    try:
        httpx.get(f"http://127.0.0.1:{port}/open-api/auth/test", timeout=2)
        raise AssertionError("the mock still serves after the recipe killed it")
    except httpx.ConnectError:
        pass


def test_a_stale_env_file_is_replaced_and_removed_when_the_mock_cannot_start(tmp_path: Path) -> None:
    env_file = tmp_path / "mock.env"
    env_file.write_text("ROTOR_BASE_URL=http://stale\n")
    serving = subprocess.Popen(
        [sys.executable, "-m", "rotor.testing", "--customers", "5", "--env-file", str(env_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert serving.stdout is not None
        printed = serving.stdout.readline() + serving.stdout.readline()
        assert env_file.read_text() == printed and "stale" not in printed
        # A second mock on the same port cannot start: it says so, and leaves no file pointing anywhere.
        port = printed.split(":")[2].split("/")[0]
        other_file = tmp_path / "other.env"
        other_file.write_text("ROTOR_BASE_URL=http://stale\n")
        busy = subprocess.run(
            [sys.executable, "-m", "rotor.testing", "--port", port, "--env-file", str(other_file)],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert busy.returncode == 1 and "did not start" in busy.stderr
        assert not other_file.exists()
    finally:
        serving.terminate()
        assert serving.wait(timeout=10) == 0
        if serving.stdout is not None:
            serving.stdout.close()
    assert not env_file.exists()


def test_every_resource_s_size_is_a_flag_with_its_store_s_default() -> None:
    from rotor.testing import MockRotor
    from rotor.testing.__main__ import make_parser

    args = make_parser().parse_args(["--pins", "7", "--serviced-jobs", "0"])
    assert (args.pins, args.serviced_jobs) == (7, 0)
    for name, store in MockRotor.store_types.items():  # one flag per store, none restated
        if name not in ("pins", "serviced_jobs"):
            assert getattr(args, name) == store.default_count, name
