"""Every documented exit code, produced by a real scenario against a served mock (README, "Exit codes").

Each failure is one line on stderr with no traceback, and `--debug` brings the traceback back.
"""

import subprocess
import sys
from pathlib import Path

from rotor.cli.errors import ExitCode
from rotor.testing import NO_SCOPE_API_KEY, READ_ONLY_API_KEY, LiveMockRotorAPI
from rotor.testing.server import free_port
from tests.cli.conftest import CLI, serve_with_cli


def assert_fails(proc: subprocess.CompletedProcess[str], code: ExitCode, *needles: str) -> None:
    assert proc.returncode == code, (proc.returncode, proc.stdout, proc.stderr)
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert "Traceback" not in proc.stderr
    if code is not ExitCode.USAGE:  # usage errors are Typer's own message (usage line, hint, error)
        assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    for needle in needles:
        assert needle in proc.stderr


def test_usage(cli: CLI) -> None:
    assert_fails(cli("customers", "list", "--no-such-flag"), ExitCode.USAGE, "No such option")
    assert_fails(cli("customers", "list", "--limit", "many"), ExitCode.USAGE)
    assert_fails(cli("customers", "get"), ExitCode.USAGE, "Missing argument")
    assert_fails(cli("customers", "upsert"), ExitCode.USAGE, "nothing to upsert")
    assert_fails(cli("customers", "upsert", "--from-json", "/no/such/file.json"), ExitCode.USAGE, "cannot read")
    assert_fails(cli("--profile", "nope", "auth", "test"), ExitCode.USAGE, "no profile 'nope'")


def test_auth(cli: CLI, bare_cli: CLI, served: LiveMockRotorAPI) -> None:
    assert_fails(cli("--api-key", "rotor_wrong_0000secret", "auth", "test"), ExitCode.AUTH, "401", "Invalid API key")
    no_key = bare_cli("--base-url", served.base_url, "customers", "list")
    assert_fails(no_key, ExitCode.AUTH, "no API key")


def test_permission(cli: CLI) -> None:
    read_only = cli("--api-key", READ_ONLY_API_KEY, "customers", "upsert", "--email", "ro@example.com")
    assert_fails(read_only, ExitCode.PERMISSION, "403", "customers:write")
    assert_fails(cli("--api-key", NO_SCOPE_API_KEY, "leads", "list"), ExitCode.PERMISSION, "leads:read")


def test_not_found(cli: CLI) -> None:
    # The installed script in a process of its own (the other cases run in-process, tests/cli/conftest.py): its exit
    # code and its one line on stderr are what a shell sees.
    proc = cli("customers", "get", "no-such-customer", process=True)
    assert_fails(proc, ExitCode.NOT_FOUND, "404", "[request req_")


def test_quota(tmp_path: Path, cli: CLI) -> None:
    proc, settings = serve_with_cli(tmp_path, "--daily-quota", "1", "--customers", "5")
    try:
        env = {"ROTOR_BASE_URL": settings["ROTOR_BASE_URL"], "ROTOR_API_KEY": settings["ROTOR_API_KEY"]}
        assert cli("auth", "test", env=env).returncode == 0  # the one request of the day
        assert_fails(cli("customers", "list", env=env), ExitCode.QUOTA, "429", "daily request quota")
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


def test_validation(cli: CLI, served: LiveMockRotorAPI) -> None:
    spent = served.mock.requests_received
    assert_fails(cli("customers", "list", "--limit", "5000"), ExitCode.VALIDATION, "limit: must be between 1 and 1000")
    assert_fails(cli("customers", "list", "--status", "archived"), ExitCode.VALIDATION, "status")
    assert_fails(cli("leads", "upsert", "--priority", "urgent-ish", "--name", "x"), ExitCode.VALIDATION, "priority")
    assert_fails(cli("customers", "upsert", "--from-json", "-", input="[1, 2]"), ExitCode.VALIDATION, "one JSON object")
    assert served.mock.requests_received == spent  # refused before any request
    rejected = cli("customers", "upsert", "--email", "not-an-email")  # the SDK sends it; the API says 400
    assert_fails(rejected, ExitCode.VALIDATION, "400", "email")


def test_network(cli: CLI) -> None:
    closed = f"http://127.0.0.1:{free_port()}/open-api"  # nothing listens there
    assert_fails(
        cli("--base-url", closed, "--max-retries", "0", "auth", "test"), ExitCode.NETWORK, "Connection refused"
    )


def test_server(tmp_path: Path, cli: CLI) -> None:
    proc, settings = serve_with_cli(tmp_path, "--error-rate", "1.0", "--customers", "5")
    try:
        env = {"ROTOR_BASE_URL": settings["ROTOR_BASE_URL"], "ROTOR_API_KEY": settings["ROTOR_API_KEY"]}
        assert_fails(cli("--max-retries", "0", "customers", "list", env=env), ExitCode.SERVER, "server error: 50")
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


def test_debug_shows_the_traceback(cli: CLI) -> None:
    proc = cli("--debug", "customers", "get", "no-such-customer")
    assert proc.returncode == ExitCode.NOT_FOUND
    assert "Traceback" in proc.stderr and "NotFoundError" in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("error: not found: 404")


def test_ctrl_c_while_starting_exits_130_without_a_traceback() -> None:
    """Ctrl-C that lands while ``rotor`` is still importing (before Typer handles it) ends quietly, with the code a
    Ctrl-C gives later on; the interrupt is raised by an import hook, where a real one would land."""
    code = (
        "import sys\n"
        "class Interrupt:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'rotor.cli.app':\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Interrupt())\n"
        "from rotor.cli import main\n"
        "sys.exit(main())\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, "--version"], capture_output=True, text=True, check=False)
    assert (proc.returncode, proc.stdout, proc.stderr) == (130, "", "")
