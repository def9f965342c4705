"""Settings: flags, then the environment, then a profile of the config file; the key is never printed."""

import json
import stat
import subprocess
from pathlib import Path

import pytest

from rotor.cli import config
from rotor.testing import READ_ONLY_API_KEY, TEST_API_KEY, LiveMockRotorAPI
from rotor.testing.app import READ_SCOPES
from tests.cli.conftest import CLI, ROTOR


def test_profiles_configure_the_cli(bare_cli: CLI, served: LiveMockRotorAPI) -> None:
    assert bare_cli("config", "set", "base_url", served.base_url).returncode == 0
    stored = bare_cli("config", "set", "api_key", input=TEST_API_KEY + "\n")  # prompted, not echoed
    assert stored.returncode == 0, stored.stderr
    assert bare_cli("config", "set", "--profile", "ro", "api_key", READ_ONLY_API_KEY).returncode == 0
    assert bare_cli("config", "set", "--profile", "ro", "base_url", served.base_url).returncode == 0
    assert stat.S_IMODE(bare_cli.config.stat().st_mode) == 0o600

    assert bare_cli("customers", "list", "--limit", "1").returncode == 0  # the default profile
    read_only = sorted(READ_SCOPES)  # every read scope (the mock's read-only key), no write scope
    assert json.loads(bare_cli("--profile", "ro", "auth", "test").stdout)["scopes"] == read_only
    assert json.loads(bare_cli("auth", "test", env={"ROTOR_PROFILE": "ro"}).stdout)["scopes"] == read_only
    # The environment beats a profile it chose, --profile beats the environment, a flag beats both.
    with_env = bare_cli("auth", "test", env={"ROTOR_PROFILE": "ro", "ROTOR_API_KEY": TEST_API_KEY})
    assert "customers:write" in json.loads(with_env.stdout)["scopes"]
    with_profile = bare_cli("--profile", "ro", "auth", "test", env={"ROTOR_API_KEY": TEST_API_KEY})
    assert json.loads(with_profile.stdout)["scopes"] == read_only
    with_flag = bare_cli("--api-key", READ_ONLY_API_KEY, "auth", "test", env={"ROTOR_API_KEY": TEST_API_KEY})
    assert "customers:write" not in json.loads(with_flag.stdout)["scopes"]

    shown = json.loads(bare_cli("--profile", "ro", "config", "show").stdout)
    assert shown["profile"] == "ro" and shown["other_profiles"] == "default"
    assert shown["api_key"] == f"{READ_ONLY_API_KEY[:8]}…{READ_ONLY_API_KEY[-4:]} (profile 'ro' ({bare_cli.config}))"
    assert shown["base_url"].startswith(served.base_url)
    from_env = json.loads(bare_cli("config", "show", env={"ROTOR_API_KEY": TEST_API_KEY}).stdout)
    assert from_env["api_key"].endswith("($ROTOR_API_KEY)")

    assert bare_cli("config", "unset", "--profile", "ro", "base_url").returncode == 0
    assert "not set" in json.loads(bare_cli("--profile", "ro", "config", "show").stdout)["base_url"]
    assert bare_cli("config", "unset", "--profile", "ro", "base_url").returncode == 2
    assert bare_cli("config", "set", "colour", "blue").returncode == 2


def test_the_key_never_appears_in_output(cli: CLI, bare_cli: CLI, served: LiveMockRotorAPI) -> None:
    key = served.api_key
    # Real processes: whatever a process prints (a warning at exit included) is what must not hold the key.
    runs = [
        bare_cli("config", "set", "api_key", key, process=True),
        bare_cli("config", "set", "base_url", served.base_url, process=True),
        bare_cli("config", "show", process=True),
        bare_cli("config", "show", "-f", "table", process=True),
        bare_cli("--debug", "auth", "test", process=True),
        bare_cli("--debug", "customers", "get", "no-such-id", process=True),
        # a wrong key: its message names no key either
        bare_cli("--debug", "--api-key", key + "x", "auth", "test", process=True),
        cli("--debug", "customers", "list", "--limit", "2", "-f", "table", process=True),
        cli("--debug", "customers", "upsert", "--email", "secret-check@example.com", process=True),
        cli("config", "show", env={"ROTOR_API_KEY": key}, process=True),
    ]
    for proc in runs:
        assert key not in proc.stdout and key not in proc.stderr, proc.args
    assert [proc.returncode for proc in runs] == [0, 0, 0, 0, 0, 5, 3, 0, 0, 0]
    assert key in bare_cli.config.read_text()  # stored, readable by its owner alone
    listing = bare_cli("config", "show").stdout
    assert f"{key[:8]}…{key[-4:]}" in listing


def test_a_broken_config_file_is_a_usage_error(cli: CLI) -> None:
    cli.config.write_text("[profiles.default\napi_key = ")
    proc = cli("customers", "list", "--limit", "1")
    assert proc.returncode == 2 and proc.stderr.startswith(f"error: cannot read the config file {cli.config}")


def test_a_reader_that_leaves_early_is_no_error(cli: CLI) -> None:
    proc = subprocess.run(
        f"'{ROTOR}' customers list --all --format jsonl | head -n 1",
        shell=True,
        env=cli.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and proc.stderr == "" and len(proc.stdout.splitlines()) == 1


def test_profile_flag_beats_the_environment_left_by_mock_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After `eval "$(rotor mock env ...)"`, `rotor --profile staging ...` goes to staging, with staging's key."""
    path = tmp_path / "config.toml"
    config.write(path, {"staging": {"api_key": "rotor_staging0key0secret", "base_url": "https://staging.example.com"},
                        "keyonly": {"api_key": "rotor_keyonly0key0secret"}})  # fmt: skip
    monkeypatch.setenv("ROTOR_CONFIG", str(path))
    monkeypatch.setenv("ROTOR_API_KEY", "rotor_mock_full0test0secret")
    monkeypatch.setenv("ROTOR_BASE_URL", "http://127.0.0.1:8787/open-api")
    staging = config.resolve({"api_key": None, "base_url": None}, "staging")
    assert staging.client_options() == {
        "api_key": "rotor_staging0key0secret",
        "base_url": "https://staging.example.com",
    }
    # A setting the profile lacks is the SDK's default (production), not the mock's URL from the environment.
    keyonly = config.resolve({"api_key": None, "base_url": None}, "keyonly")
    assert keyonly.value("base_url") is None and "ignores $ROTOR_BASE_URL" in keyonly.settings["base_url"].source
    # Flags still beat the profile; without --profile the environment beats the file.
    flagged = config.resolve({"api_key": "rotor_flag0key0secret", "base_url": None}, "staging")
    assert flagged.value("api_key") == "rotor_flag0key0secret"
    assert config.resolve({"api_key": None, "base_url": None}, None).value("api_key") == "rotor_mock_full0test0secret"
