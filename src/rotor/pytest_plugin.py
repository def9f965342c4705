"""pytest fixtures for testing code that uses the Rotor SDK (registered automatically via an entry point).

    def test_my_sync(rotor_mock):
        client = rotor_mock.client()
        assert client.customers.list(limit=5).data

    @pytest.mark.rotor_mock(customers=50, seed=3, daily_quota=5)
    def test_small(rotor_mock): ...

    def test_two_mocks(rotor_mock_factory):
        empty, served = rotor_mock_factory(customers=0), rotor_mock_factory(served=True)

Imports of the mock are deferred to the fixtures, so installing ``rotor-sdk`` without the ``mock`` extra never
breaks pytest: only a test that uses a fixture fails, saying which package to install.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from rotor.testing.factory import MockFactory
    from rotor.testing.harness import LiveMockRotorAPI, MockRotorAPI
    from rotor.testing.server import MockServer

MARKER = "rotor_mock"
# Besides these, a record count per resource the mock stores (``customers=300``): read from the mock when a marker
# is checked, so this module imports nothing of the mock's until a fixture is used.
OPTIONS = ("seed", "daily_quota", "keys", "faults", "churn")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(<resource>=count, ..., seed=0, daily_quota=1000, keys=None, faults=None, churn=None): "
        "options of the mock the rotor_mock and rotor_mock_server fixtures give this test (customers=300 seeds 300 "
        "customers; each resource's own default otherwise)",
    )


def _factory(config: pytest.Config) -> type[MockFactory]:
    try:
        from rotor.testing import data_cache
        from rotor.testing.factory import MockFactory
    except ImportError as exc:  # the message names the missing package and the pip command
        missing = str(exc)
    else:
        # Seeded data kept in pytest's own cache between runs and xdist workers (rotor.testing.data_cache), unless
        # the variable names another folder; subprocesses a test starts inherit it.
        cache = getattr(config, "cache", None)  # absent under -p no:cacheprovider: then nothing is kept
        if not os.environ.get(data_cache.ENV) and cache is not None:
            os.environ[data_cache.ENV] = str(cache.mkdir("rotor-mock-data"))
        return MockFactory
    pytest.fail(missing, pytrace=False)  # outside the except block: the message alone, no chained traceback


def _marker_options(request: pytest.FixtureRequest) -> dict[str, Any]:
    marker = request.node.get_closest_marker(MARKER)
    if marker is None:
        return {}
    _factory(request.config)  # fails the test with the install command when the mock extra is missing
    from rotor.testing.app import MockRotor

    options = (*MockRotor.store_types, *OPTIONS)
    unknown = sorted(set(marker.kwargs) - set(options))
    if marker.args or unknown:
        pytest.fail(
            f"@pytest.mark.{MARKER} takes keyword options {', '.join(options)}; "
            f"got {', '.join([*map(repr, marker.args), *unknown])}",
            pytrace=False,
        )
    return dict(marker.kwargs)


@pytest.fixture
def rotor_mock_factory(request: pytest.FixtureRequest) -> Iterator[MockFactory]:
    """Makes fresh mocks: ``rotor_mock_factory(customers=..., leads=..., seed=..., daily_quota=..., keys=...,
    faults=..., churn=..., served=False)``; ``served=True`` serves it over HTTP on 127.0.0.1. Every mock made is
    closed after the test.

    With the defaults (2,500 customers, seed 0), ``client.customers.list().total`` is 2258: the other 242 are
    archived and listed only with ``archived=True``.
    """
    with _factory(request.config)() as factory:
        yield factory


@pytest.fixture
def rotor_mock(request: pytest.FixtureRequest) -> Iterator[MockRotorAPI]:
    """A fresh in-process mock: 2,500 seeded customers (seed 0), daily quota 1,000, faults off; override with
    ``@pytest.mark.rotor_mock(customers=..., leads=..., seed=..., daily_quota=..., keys=..., faults=...,
    churn=...)`` (``churn``: a ``rotor.testing.Churn`` or a dict of its fields, e.g. ``{"inserts": 5}``).

    With the defaults, ``client.customers.list().total`` is 2258: the other 242 customers are archived and listed
    only with ``archived=True``. Its clients record retry waits in ``rotor_mock.retry_sleeps`` instead of sleeping.
    """
    with _factory(request.config)() as factory:
        yield factory(**_marker_options(request))


@pytest.fixture(scope="session")
def _rotor_mock_shared_server() -> Iterator[MockServer]:
    """The one server of a test session (of each xdist worker): ``rotor_mock_server`` gives it each test's mock."""
    from rotor.testing.app import MockRotor
    from rotor.testing.server import MockServer

    with MockServer(MockRotor()) as server:
        yield server


@pytest.fixture
def rotor_mock_server(request: pytest.FixtureRequest) -> Iterator[LiveMockRotorAPI]:
    """A fresh mock served over HTTP on 127.0.0.1 (same defaults, marker and ``list().total`` of 2258 as
    ``rotor_mock``).

    The server is shared by the tests of a session (one per xdist worker, so ``base_url`` is the same in each);
    its state is not: every test gets a fresh mock, seeded and with unspent quotas, and what a test writes is
    never seen by the next.
    """
    _factory(request.config)  # fails the test with the install command when the mock extra is missing
    options = _marker_options(request)
    from rotor.testing.harness import LiveMockRotorAPI, make_mock

    server = request.getfixturevalue("_rotor_mock_shared_server")
    with LiveMockRotorAPI(make_mock(**options), server=server) as mock:
        yield mock
