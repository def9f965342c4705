"""Where the CLI's settings come from: flags, then the environment, then a profile of the config file.

The file is TOML at ``$ROTOR_CONFIG``, else the platform's user config folder (platformdirs:
``~/.config/rotor/config.toml`` on Linux), one table per profile::

    [profiles.default]
    api_key = "rotor_..."
    base_url = "https://api.getrotor.com/open-api"

It is written readable by its owner alone (mode 0600): it holds keys. No function here returns a key for
printing except through ``mask``.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w
from attrs import frozen

from rotor.cli.errors import CLIError, ExitCode

CONFIG_ENV = "ROTOR_CONFIG"
PROFILE_ENV = "ROTOR_PROFILE"
DEFAULT_PROFILE = "default"
# What a profile may hold, and the environment variable each falls back to before the file.
SETTINGS = {"api_key": "ROTOR_API_KEY", "base_url": "ROTOR_BASE_URL"}
SECRET_SETTINGS = frozenset({"api_key"})


def config_path() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    return platformdirs.user_config_path("rotor", appauthor=False) / "config.toml"


def mask(secret: str) -> str:
    """Enough of a key to tell two apart, never enough to use: ``rotor_ab…cdef``; a short one is hidden whole."""
    if len(secret) < 16:
        return "…" * 3
    return f"{secret[:8]}…{secret[-4:]}"


def shown(name: str, value: str) -> str:
    return mask(value) if name in SECRET_SETTINGS else value


def read(path: Path) -> dict[str, dict[str, str]]:
    """The profiles of the file at ``path`` (none when it does not exist)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CLIError(f"cannot read the config file {path}: {exc}", ExitCode.USAGE) from None
    profiles = data.get("profiles", {})
    if not isinstance(profiles, dict) or not all(isinstance(p, dict) for p in profiles.values()):
        raise CLIError(f"config file {path}: [profiles.<name>] tables expected", ExitCode.USAGE)
    return {name: {k: str(v) for k, v in values.items()} for name, values in profiles.items()}


def write(path: Path, profiles: dict[str, dict[str, str]]) -> None:
    """Replace the file at once (never half-written), created with mode 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")  # mkstemp: mode 0600
    try:
        with os.fdopen(fd, "wb") as out:
            tomli_w.dump({"profiles": profiles}, out)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def profile_name(flag: str | None) -> str:
    return flag or os.environ.get(PROFILE_ENV) or DEFAULT_PROFILE


def check_setting(name: str) -> str:
    if name not in SETTINGS:
        raise CLIError(f"unknown setting {name!r}: expected one of {', '.join(SETTINGS)}", ExitCode.USAGE)
    return name


@frozen
class Setting:
    value: str | None
    source: str  # "--api-key", "$ROTOR_API_KEY", "profile 'default' (path)" or "not set"


@frozen
class Resolved:
    profile: str
    path: Path
    settings: dict[str, Setting]

    def value(self, name: str) -> str | None:
        return self.settings[name].value

    def client_options(self) -> dict[str, Any]:
        return {name: setting.value for name, setting in self.settings.items()}


def resolve(flags: dict[str, str | None], profile_flag: str | None) -> Resolved:
    """Each setting from the first of: its flag, its environment variable, the profile in the file.

    ``--profile`` (``profile_flag``) is chosen on this command line, so it beats the environment, as ``gh`` and
    ``aws --profile`` do: ``ROTOR_API_KEY``/``ROTOR_BASE_URL`` are often left over from an earlier
    ``eval "$(rotor mock env ...)"``, and must not send a command meant for staging to the mock. With it, a setting
    the profile lacks is not set (the SDK's default), never taken from the environment. ``$ROTOR_PROFILE`` is
    environment too, so there the other variables still win."""
    path = config_path()
    profile = profile_name(profile_flag)
    profiles = read(path)
    explicit = profile_flag is not None or PROFILE_ENV in os.environ
    if explicit and profile not in profiles:
        raise CLIError(
            f"no profile {profile!r} in {path} (create it with: rotor config set --profile {profile} api_key)",
            ExitCode.USAGE,
        )
    stored = profiles.get(profile, {})
    settings: dict[str, Setting] = {}
    for name, env in SETTINGS.items():
        flag = flags.get(name)
        if flag is not None:
            settings[name] = Setting(flag, f"--{name.replace('_', '-')}")
        elif os.environ.get(env) and profile_flag is None:
            settings[name] = Setting(os.environ[env], f"${env}")
        elif name in stored:
            settings[name] = Setting(stored[name], f"profile {profile!r} ({path})")
        elif os.environ.get(env):
            settings[name] = Setting(None, f"not set (--profile {profile} ignores ${env})")
        else:
            settings[name] = Setting(None, "not set")
    return Resolved(profile, path, settings)
