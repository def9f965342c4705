"""A consumer's pytest, for the tests and benchmarks that run one: the plugins of what a consumer installs, not the
development tools installed beside them here.

This environment also has schemathesis, hypothesis, pytest-xdist ... and pytest loads every installed plugin at
start: about a second of each consumer run (0.55 s instead of 1.85 s for one trivial test), and fixtures a consumer
would not have. A consumer has rotor-sdk with its extras, pytest, what their own test file imports, and what all
of those require.
"""

import ast
from collections.abc import Iterable
from functools import cache
from importlib.metadata import PackageNotFoundError, distribution, entry_points, packages_distributions

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

SDK = "rotor-sdk"


def installed_by_consumer(roots: Iterable[tuple[str, frozenset[str]]]) -> set[str]:
    """The distributions ``roots`` (name, extras) bring in, themselves included: canonical names. A distribution
    reached again with more extras is walked again for them."""
    extras_seen: dict[str, frozenset[str]] = {}
    todo = [(canonicalize_name(name), extras) for name, extras in roots]
    while todo:
        name, extras = todo.pop()
        known = extras_seen.get(name)
        if known is not None and extras <= known:
            continue
        extras_seen[name] = extras | (known or frozenset())
        try:
            requires = distribution(name).requires or []
        except PackageNotFoundError:  # an optional requirement not installed here
            continue
        wanted = extras_seen[name] | {""}
        for line in requires:
            requirement = Requirement(line)
            if requirement.marker is None or any(requirement.marker.evaluate({"extra": e}) for e in wanted):
                todo.append((canonicalize_name(requirement.name), frozenset(requirement.extras)))
    return set(extras_seen)


def imported_distributions(code: str) -> set[str]:
    """The installed distributions whose top-level modules ``code`` imports: canonical names."""
    modules: set[str] = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module.split(".")[0])
    providers = _providers()
    return {canonicalize_name(dist) for module in modules for dist in providers.get(module, [])}


@cache
def _providers() -> dict[str, list[str]]:
    return dict(packages_distributions())  # every installed distribution's metadata read: once per process


@cache
def _sdk_roots() -> tuple[tuple[str, frozenset[str]], ...]:
    extras = frozenset(distribution(SDK).metadata.get_all("Provides-Extra") or [])
    return ((SDK, extras), ("pytest", frozenset()))


def pytest_options(test_code: str = "") -> list[str]:
    """``-p no:<plugin>`` for every installed pytest plugin a consumer running ``test_code`` would not have: one who
    installed rotor-sdk with its extras, pytest, and what the file imports (with what those require)."""
    imported = [(name, frozenset[str]()) for name in imported_distributions(test_code)]
    consumer = installed_by_consumer([*_sdk_roots(), *imported])
    options: list[str] = []
    for plugin in entry_points(group="pytest11"):
        if plugin.dist is None or canonicalize_name(plugin.dist.name) not in consumer:
            options += ["-p", f"no:{plugin.name}"]
    return options
