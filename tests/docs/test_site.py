"""The documentation site builds with ``mkdocs build --strict`` (no broken link, reference or anchor; offline: the
theme fetches nothing at build time), every page is in its navigation, and the API reference has an entry for every
public method of both clients and of every resource they carry."""

from __future__ import annotations

import asyncio
import inspect
import os
import subprocess
import sys
import zlib
from pathlib import Path

import httpx
import pytest
from mkdocs.config import load_config

from devtools.paths import ROOT
from rotor import AsyncRotor, Rotor


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)]
    result = subprocess.run(mkdocs, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _nav_files(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [f for value in nav.values() for f in _nav_files(value)]
    if isinstance(nav, list):
        return [f for item in nav for f in _nav_files(item)]
    return []


def inventory(site: Path) -> set[str]:
    """The object names of mkdocstrings' ``objects.inv`` (Sphinx inventory v2: four header lines, then zlib)."""
    data = (site / "objects.inv").read_bytes()
    body = zlib.decompress(data.split(b"\n", 4)[4]).decode()
    return {line.split(" ", 1)[0] for line in body.splitlines()}


def test_every_page_is_in_the_nav() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    in_nav = _nav_files(config["nav"])
    pages = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
    assert sorted(in_nav) == pages
    assert len(set(in_nav)) == len(in_nav)


def test_the_site_builds_strictly_offline(site: Path) -> None:
    assert (site / "index.html").is_file() and (site / "api" / "index.html").is_file()
    # No web font and no stylesheet from a CDN: what the site needs at build time ships with the theme.
    index = (site / "index.html").read_text()
    assert "fonts.googleapis.com" not in index and "fonts.gstatic.com" not in index
    assert '<pre class="mermaid">' in index  # the architecture diagram, drawn by the browser


def public_methods() -> list[str]:
    """Every public method of both clients and of every resource they carry, by the path the reference uses."""
    found = []
    for client_class in (Rotor, AsyncRotor):
        # Never used for a request; made only to see which resources it carries (closing it needs no I/O).
        client = client_class(api_key="k", base_url="http://127.0.0.1:9/open-api")
        for name, value in inspect.getmembers(client_class):
            if not name.startswith("_") and inspect.isfunction(value):
                found.append(f"rotor.{client_class.__name__}.{name}")
        for name in dir(client):
            resource = getattr(client, name)  # the resources are made on first use
            if name.startswith("_") or not hasattr(resource, "_client"):
                continue
            cls = type(resource)
            for method, _ in inspect.getmembers(cls, inspect.isfunction):
                if not method.startswith("_"):
                    found.append(f"{cls.__module__}.{cls.__qualname__}.{method}")
        http = client._http
        http.close() if isinstance(http, httpx.Client) else asyncio.run(http.aclose())
    return sorted(found)


def test_the_clients_have_resources_with_methods() -> None:
    methods = public_methods()
    assert "rotor.Rotor.with_options" in methods and "rotor.resources.customers.AsyncCustomers.list" in methods
    assert len(methods) > 30


def test_every_public_method_of_both_clients_has_a_reference_entry(site: Path) -> None:
    missing = sorted(set(public_methods()) - inventory(site))
    assert missing == [], f"no entry in the API reference for: {missing}"


def test_every_export_of_the_package_has_a_reference_entry(site: Path) -> None:
    import rotor
    import rotor.resources
    import rotor.testing
    import rotor.types

    names = inventory(site)
    # The models and page types are documented where they live, rotor.types (rotor re-exports them lazily).
    exported = [f"rotor.{n}" for n in rotor.__all__ if not n.startswith("_") and n not in rotor.types.__all__]
    exported += [f"rotor.types.{n}" for n in rotor.types.__all__]
    exported += [f"rotor.testing.{n}" for n in rotor.testing.__all__]
    resources = [getattr(rotor.resources, n) for n in rotor.resources.__all__]
    exported += [f"{c.__module__}.{c.__qualname__}" for c in resources]
    assert sorted(set(exported) - names) == []
