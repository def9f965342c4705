"""What a user feels before any work: start-up, making a client, and a consumer's tests on our fixtures.

Each is a ratio to a floor measured in the same run, the two alternated so that a burst of load from elsewhere
lands on both (these machines are shared):

- ``import rotor``, ``rotor --version``, ``rotor --help`` (whole processes) against ``python -c "import httpx"``;
  ``rotor customers get ID`` against the served mock, against a ``python -c`` that imports httpx and sends the same
  GET. Each ratio is the median of the per-round ratios, each command's time the median of its runs.
- A client after the first (``Rotor()``, ``AsyncRotor()``): ms to construct.
- A consumer's tests, each ``client.customers.list(limit=10)`` on a client of its own: a pytest process on
  ``rotor_mock`` and one on ``rotor_mock_server`` against the same tests on respx (the test doubles a consumer would
  otherwise write), whole processes, per test.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from devtools import consumer
from rotor import API_VERSION
from rotor.testing import data_cache

PYTHON = sys.executable
ROTOR = str(Path(sys.executable).with_name("rotor"))


def _wall(command: Sequence[str], env: Mapping[str, str], cwd: str | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=dict(env), cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


def _alternated(
    commands: Mapping[str, Sequence[str]], floor: str, rounds: int, env: Mapping[str, str], cwd: str | None = None
) -> dict[str, Any]:
    """Each command and the floor once per round, in turn; per command the median seconds, the median of its
    per-round ratios to the floor, and their spread (min, max)."""
    for command in commands.values():  # warm the OS's file cache and the bytecode caches
        _wall(command, env, cwd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            times[name].append(_wall(command, env, cwd))
    results: dict[str, Any] = {}
    for name in commands:
        results[f"{name}_s"] = statistics.median(times[name])
        if name != floor:
            ratios = [mine / base for mine, base in zip(times[name], times[floor], strict=True)]
            results[f"{name}_vs_floor"] = statistics.median(ratios)
            results[f"{name}_vs_floor_spread"] = (min(ratios), max(ratios))
    return results


def bench_startup(base_url: str, api_key: str, customer_id: str, rounds: int) -> dict[str, Any]:
    env = {**os.environ, "ROTOR_API_KEY": api_key, "ROTOR_BASE_URL": base_url, "PYTHONDONTWRITEBYTECODE": ""}
    env.pop("ROTOR_PROFILE", None)
    headers = {"x-api-key": api_key, "rotor-api-version": API_VERSION}
    raw_get = (
        f"import httpx; r = httpx.get({base_url + '/customers/' + customer_id!r}, headers={headers!r}); "
        "r.raise_for_status(); print(r.text)"
    )
    with tempfile.TemporaryDirectory() as home:  # no config file of the user's: flags and env only
        env |= {"HOME": home, "XDG_CONFIG_HOME": home}
        imports = _alternated(
            {
                "import_httpx": [PYTHON, "-c", "import httpx"],
                "import_rotor": [PYTHON, "-c", "import rotor"],
                "from_rotor_import_rotor": [PYTHON, "-c", "from rotor import Rotor"],
                "rotor_version": [ROTOR, "--version"],
                "rotor_help": [ROTOR, "--help"],
            },
            "import_httpx",
            rounds,
            env,
        )
        get = _alternated(
            {
                "httpx_get": [PYTHON, "-c", raw_get],
                "rotor_get": [ROTOR, "customers", "get", customer_id, "-f", "json"],
            },
            "httpx_get",
            rounds,
            env,
        )
    return {
        "startup_import_httpx_s": imports["import_httpx_s"],
        "startup_import_rotor_s": imports["import_rotor_s"],
        "import_rotor_vs_httpx": imports["import_rotor_vs_floor"],
        "import_rotor_vs_httpx_spread": imports["import_rotor_vs_floor_spread"],
        "from_rotor_import_rotor_vs_httpx": imports["from_rotor_import_rotor_vs_floor"],
        "rotor_version_vs_httpx": imports["rotor_version_vs_floor"],
        "rotor_version_vs_httpx_spread": imports["rotor_version_vs_floor_spread"],
        "rotor_help_vs_httpx": imports["rotor_help_vs_floor"],
        "rotor_help_vs_httpx_spread": imports["rotor_help_vs_floor_spread"],
        "startup_rotor_version_s": imports["rotor_version_s"],
        "startup_httpx_get_s": get["httpx_get_s"],
        "startup_rotor_get_s": get["rotor_get_s"],
        "rotor_get_vs_httpx_get": get["rotor_get_vs_floor"],
        "rotor_get_vs_httpx_get_spread": get["rotor_get_vs_floor_spread"],
    }


def _construct_ms(make: Callable[[], Any], repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        client = make()
        samples.append((time.perf_counter() - started) * 1000)
        _close(client)
    return statistics.median(samples)


def _close(client: Any) -> None:
    result = client.close()
    if result is not None:  # AsyncRotor: a coroutine
        asyncio.run(result)


def bench_clients(repeats: int) -> dict[str, float]:
    """ms to make a client once the first is made (the first pays for the shared TLS context)."""
    import httpx

    from rotor import AsyncRotor, Rotor

    key = "rotor_bench_key0secret"
    # The first client in a fresh process: it builds the shared TLS context (this process may have built it already).
    code = (
        "import time; from rotor import Rotor; started = time.perf_counter(); "
        "Rotor(api_key='rotor_bench_key0secret').close(); "
        "print((time.perf_counter() - started) * 1000)"
    )
    first_ms = float(subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, check=True).stdout)
    return {
        "client_first_ms": first_ms,
        "client_next_ms": _construct_ms(lambda: Rotor(api_key=key), repeats),
        "async_client_next_ms": _construct_ms(lambda: AsyncRotor(api_key=key), repeats),
        "bare_httpx_client_ms": _construct_ms(httpx.Client, max(3, repeats // 10)),
    }


CONSUMER_BODY = """
@pytest.mark.parametrize("n", range({tests}))
def test_list(n, {fixture}):
    with {client} as client:
        page = client.customers.list(limit=10)
        assert len(page.data) == 10
"""

RESPX_HEADER = """
import httpx
import pytest
import respx

from rotor import Rotor

BODY = {body!r}


@pytest.fixture
def mocked():
    with respx.mock(base_url="https://api.example.com/open-api", assert_all_called=False) as router:
        router.get("/customers").mock(return_value=httpx.Response(200, content=BODY))
        yield router
"""


def _consumer_page() -> bytes:
    """The mock's first page of ten customers: the respx tests answer with exactly what the fixtures serve."""
    import orjson

    from rotor.testing import MockRotor
    from rotor.testing.store import Filters

    mock = MockRotor()
    items, pagination = mock.store.page(Filters(), limit=10, page=1)
    return orjson.dumps({"data": items, "pagination": pagination, "status": "success"})


# Each test's own time (setup + call + teardown), written by the consumer's conftest: the steady cost per test,
# apart from what a process pays once (start-up, imports, the first test's seeding of the mock's data).
DURATIONS_CONFTEST = """
import json, os

DURATIONS = {}


def pytest_runtest_logreport(report):
    DURATIONS[report.nodeid] = DURATIONS.get(report.nodeid, 0.0) + report.duration


def pytest_sessionfinish(session):
    with open(os.environ["ROTOR_BENCH_DURATIONS"], "a") as out:
        out.write(json.dumps(DURATIONS) + "\\n")
"""


def bench_fixtures(tests: int, rounds: int) -> dict[str, Any]:
    """A consumer's ``tests`` tests on respx, on ``rotor_mock`` and on ``rotor_mock_server``, each a whole pytest
    process (start-up, collection, the first test's one-time costs: what the consumer waits for)."""
    suites = {
        "respx": RESPX_HEADER.format(body=_consumer_page())
        + CONSUMER_BODY.format(
            tests=tests, fixture="mocked", client='Rotor(api_key="k", base_url="https://api.example.com/open-api")'
        ),
        "in_process": "import pytest\n"
        + CONSUMER_BODY.format(tests=tests, fixture="rotor_mock", client="rotor_mock.client()"),
        "served": "import pytest\n"
        + CONSUMER_BODY.format(tests=tests, fixture="rotor_mock_server", client="rotor_mock_server.client()"),
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "pytest.ini").write_text("[pytest]\n")
        (folder / "conftest.py").write_text(DURATIONS_CONFTEST)
        commands = {}
        for name, code in suites.items():
            (folder / f"test_{name}.py").write_text(textwrap.dedent(code))
            # As in a consumer's project: only the plugins a consumer has (devtools/consumer.py), and pytest's cache
            # on, where the plugin keeps the mock's seeded data, so every run after the first (the first round here)
            # reads it instead of making it.
            commands[name] = [PYTHON, "-m", "pytest", "-q", *consumer.pytest_options(code), f"test_{name}.py"]
        durations = folder / "durations.jsonl"
        env = {k: v for k, v in os.environ.items() if k != data_cache.ENV}  # the plugin's own folder, as a consumer has
        env["ROTOR_BENCH_DURATIONS"] = str(durations)
        results = _alternated(commands, "respx", rounds, env, cwd=tmp)
        steady: dict[str, list[float]] = {name: [] for name in suites}
        for line in durations.read_text().splitlines():
            for nodeid, seconds in json.loads(line).items():
                name = nodeid.split(".py::")[0].removeprefix("test_")
                if not nodeid.endswith("[0]"):  # the first test of a run pays the one-time costs
                    steady[name].append(seconds)
    median = {name: statistics.median(values) * 1000 for name, values in steady.items()}
    return {
        "respx_steady_ms_per_test": median["respx"],
        "rotor_mock_steady_ms_per_test": median["in_process"],
        "rotor_mock_server_steady_ms_per_test": median["served"],
        "rotor_mock_vs_respx_steady": median["in_process"] / median["respx"],
        "rotor_mock_server_vs_respx_steady": median["served"] / median["respx"],
        "fixture_tests": tests,
        "respx_ms_per_test": results["respx_s"] / tests * 1000,
        "rotor_mock_ms_per_test": results["in_process_s"] / tests * 1000,
        "rotor_mock_server_ms_per_test": results["served_s"] / tests * 1000,
        "rotor_mock_vs_respx": results["in_process_vs_floor"],
        "rotor_mock_vs_respx_spread": results["in_process_vs_floor_spread"],
        "rotor_mock_server_vs_respx": results["served_vs_floor"],
        "rotor_mock_server_vs_respx_spread": results["served_vs_floor_spread"],
    }
