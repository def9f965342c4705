"""A consumer's pytest loads rotor's plugin and what a consumer installs, not this environment's development tools."""

from devtools import consumer


def _disabled(options: list[str]) -> set[str]:
    return {option.removeprefix("no:") for option in options if option.startswith("no:")}


def test_development_tools_are_left_out_and_the_sdks_requirements_kept() -> None:
    disabled = _disabled(consumer.pytest_options())
    assert {"schemathesis", "hypothesispytest", "xdist"} <= disabled  # requirements-dev.txt only
    assert not {"rotor", "faker", "anyio"} & disabled  # the plugin itself; the mock extra's Faker; httpx's anyio


def test_what_the_test_file_imports_is_installed_too() -> None:
    assert "respx" in _disabled(consumer.pytest_options("import httpx\n"))
    assert "respx" not in _disabled(consumer.pytest_options("import httpx\nfrom respx import MockRouter\n"))


def test_an_imported_distribution_brings_what_it_requires() -> None:
    # schemathesis requires hypothesis: a consumer whose tests import schemathesis has hypothesis's plugin too.
    disabled = _disabled(consumer.pytest_options("import schemathesis\n"))
    assert "schemathesis" not in disabled and "hypothesispytest" not in disabled


def test_a_distribution_reached_again_with_more_extras_is_walked_for_them() -> None:
    # rotor-sdk first without extras (nothing of the mock), then with the mock extra: the mock's requirements count.
    # (Walked last first: the list is a stack.)
    assert "faker" in consumer.installed_by_consumer([("rotor-sdk", frozenset({"mock"})), ("rotor-sdk", frozenset())])
    assert "faker" not in consumer.installed_by_consumer([("rotor-sdk", frozenset())])
