"""Locating and loading the contract spec the mock validates requests against."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml


def spec_path() -> Path:
    """The packaged copy in a wheel; the checkout's ``spec/openapi.yaml`` in an editable install."""
    packaged = Path(str(files("rotor.testing") / "openapi.yaml"))
    if packaged.is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "spec" / "openapi.yaml"
    if checkout.is_file():
        return checkout
    raise FileNotFoundError("openapi.yaml is neither packaged with rotor.testing nor in a checkout")


# libyaml's parser when PyYAML was built with it (every wheel is): about 8x the pure-Python one, paid by every
# process that starts a mock.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load() -> dict[str, Any]:
    data = yaml.load(spec_path().read_text(encoding="utf-8"), Loader=_LOADER)
    assert isinstance(data, dict)
    return data
