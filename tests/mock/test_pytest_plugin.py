"""The pytest plugin from a consumer's side: each file below is a user's test module, run by pytester with the
plugin loaded from its entry point, as in a project that installed ``rotor-sdk[mock]``."""

from pathlib import Path

import httpx
import pytest

import rotor.testing  # noqa: F401  # imported here, not first inside a run: pytester unloads what a run imported
from devtools import consumer
from rotor.testing import data_cache

pytest_plugins = ["pytester"]
HINT = "rotor.testing needs the 'mock' extra (missing module: faker); install it with: pip install 'rotor-sdk[mock]'"

CONSUMER_INI = """
[pytest]
asyncio_mode = auto
asyncio_default_fixture_loop_scope = function
"""


def run_consumer(pytester: pytest.Pytester, code: str, *args: str) -> pytest.RunResult:
    pytester.makeini(CONSUMER_INI)
    pytester.makepyfile(test_consumer=code)
    return pytester.runpytest("-p", "no:cacheprovider", "--strict-markers", *args)


def test_defaults_are_what_the_docstrings_say(pytester: pytest.Pytester) -> None:
    result = run_consumer(
        pytester,
        """
        def test_in_process(rotor_mock):
            with rotor_mock.client() as client:
                assert client.customers.list().total == 2258
                assert client.customers.list(archived=True).total == 2500


        async def test_in_process_async(rotor_mock):
            async with rotor_mock.async_client() as client:
                assert (await client.customers.list()).total == 2258


        def test_served(rotor_mock_server):
            assert rotor_mock_server.base_url.startswith("http://127.0.0.1:")
            with rotor_mock_server.client() as client:
                assert client.customers.list().total == 2258


        def test_factory(rotor_mock_factory):
            with rotor_mock_factory().client() as client:
                assert client.customers.list().total == 2258
        """,
    )
    result.assert_outcomes(passed=4)


MARKED = """
import pytest

import rotor
from rotor.testing import Faults

MINE = "rotor_mine_s3cret0key"


@pytest.mark.rotor_mock(customers=50, leads=7, seed=3, daily_quota=5)
def test_customers_seed_and_quota(rotor_mock, rotor_mock_factory):
    with rotor_mock.client() as client:
        assert client.customers.list(archived=True).total == 50
        assert client.leads.list(archived=True).total == 7
        ids = [c.id for c in client.customers.list(archived=True)]
        assert ids == [c.id for c in rotor_mock_factory(customers=50, seed=3).client().customers.list(archived=True)]
        assert ids != [c.id for c in rotor_mock_factory(customers=50).client().customers.list(archived=True)]
        for _ in range(2):
            client.auth.test()
        with pytest.raises(rotor.RateLimitError) as info:
            client.auth.test()
        assert info.value.is_daily_quota


@pytest.mark.rotor_mock(customers=10, daily_quota=1)
async def test_quota_async(rotor_mock):
    async with rotor_mock.async_client() as client:
        await client.auth.test()
        with pytest.raises(rotor.RateLimitError):
            await client.auth.test()


@pytest.mark.rotor_mock(customers=5, keys={MINE: ["customers:read"]})
def test_keys_and_scopes(rotor_mock):
    assert rotor_mock.api_key == MINE
    with rotor_mock.client() as client:
        assert client.auth.test().scopes == ["customers:read"]
        with pytest.raises(rotor.PermissionDeniedError) as info:
            client.customers.create_or_update(email="a@example.com")
        assert info.value.required_scope == "customers:write"


@pytest.mark.rotor_mock(customers=5, faults={"error_rate": 1.0})
def test_faults_as_a_dict(rotor_mock):
    with rotor_mock.client(max_retries=0) as client, pytest.raises(rotor.InternalServerError):
        client.auth.test()


@pytest.mark.rotor_mock(customers=5, faults=Faults(queue=["drop", "503"]))
async def test_faults_as_faults_async(rotor_mock):
    async with rotor_mock.async_client() as client:
        assert (await client.with_raw_response.auth.test()).retries_taken == 2
    assert len(rotor_mock.retry_sleeps) == 2


@pytest.mark.rotor_mock(customers=7, daily_quota=2)
def test_the_server_reads_the_marker_too(rotor_mock_server):
    with rotor_mock_server.client() as client:
        assert client.customers.list(archived=True).total == 7
        client.auth.test()
        with pytest.raises(rotor.RateLimitError):
            client.auth.test()


@pytest.mark.rotor_mock(customers=3)
class TestOnAClass:
    def test_applies_to_each_method(self, rotor_mock):
        assert rotor_mock.client().customers.list(archived=True).total == 3
"""


def test_the_marker_sets_each_option(pytester: pytest.Pytester) -> None:
    run_consumer(pytester, MARKED).assert_outcomes(passed=7)


def test_a_wrong_marker_fails_its_test_with_a_clear_message(pytester: pytest.Pytester) -> None:
    result = run_consumer(
        pytester,
        """
        import pytest


        @pytest.mark.rotor_mock(50, customer=50)
        def test_typo(rotor_mock):
            pass


        def test_unaffected(rotor_mock):
            pass
        """,
    )
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(
        ["*@pytest.mark.rotor_mock takes keyword options customers, leads, pins, * got 50, customer"]
    )


def test_factory_knobs_and_teardown(pytester: pytest.Pytester, tmp_path: Path) -> None:
    served_at = tmp_path / "served_at"
    result = run_consumer(
        pytester,
        f"""
        import pathlib

        import pytest

        import rotor


        def test_knobs(rotor_mock_factory):
            empty = rotor_mock_factory(customers=0)
            quota = rotor_mock_factory(customers=4, seed=9, daily_quota=1, keys={{"rotor_k_k": ["leads:read"]}})
            flaky = rotor_mock_factory(customers=4, faults={{"error_rate": 1.0}})
            served = rotor_mock_factory(customers=6, served=True)
            assert len({{empty, quota, flaky, served}}) == 4  # fresh ones
            assert empty.client().customers.list().total == 0
            with quota.client() as client:
                assert client.auth.test().scopes == ["leads:read"]
                with pytest.raises(rotor.RateLimitError):
                    client.auth.test()
            with flaky.client() as client, pytest.raises(rotor.InternalServerError):
                client.auth.test()
            assert len(flaky.retry_sleeps) == 2  # the default two retries, not slept
            with served.client() as client:
                assert client.customers.list(archived=True).total == 6
            pathlib.Path({str(served_at)!r}).write_text(served.base_url)


        async def test_async(rotor_mock_factory):
            mock = rotor_mock_factory(customers=2, served=True)
            async with mock.async_client() as client:
                assert (await client.customers.list(archived=True)).total == 2
        """,
    )
    result.assert_outcomes(passed=2)
    with pytest.raises(httpx.ConnectError):  # the served mock was closed at teardown
        httpx.get(served_at.read_text() + "/auth/test", timeout=2)


def test_without_the_extra_only_the_tests_using_a_fixture_fail(pytester: pytest.Pytester) -> None:
    # The plugin loads (it imports nothing of the mock); each fixture fails its own test, saying what to install.
    pytester.makeconftest("import sys\nsys.modules['faker'] = None  # as if the mock extra were not installed\n")
    pytester.makepyfile(
        test_consumer="""
        def test_plain():
            import rotor

            assert rotor.Rotor(api_key="x").api_key == "x"


        def test_in_process(rotor_mock):
            pass


        def test_served(rotor_mock_server):
            pass


        def test_factory(rotor_mock_factory):
            pass
        """
    )
    # A process of its own (the conftest hides Faker from it alone), with only the plugins such a consumer has
    # (devtools/consumer.py): loading this environment's development tools was most of its time.
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--strict-markers", *consumer.pytest_options())
    result.assert_outcomes(passed=1, errors=3)
    assert [line for line in result.outlines if "pip install" in line and " - " not in line] == [HINT] * 3


ISOLATION = """
import pytest

EMAIL = "isolation-probe@example.com"


@pytest.fixture(params=["rotor_mock", "rotor_mock_server"])
def mock(request):
    return request.getfixturevalue(request.param)


def test_1_writes(mock):
    with mock.client() as client:
        client.customers.create_or_update(email=EMAIL, first_name="Probe")
        assert client.customers.list(search="isolation-probe").total == 1
        assert client.customers.list().total == 2259
        mock.store.get(str(client.customers.list().data[-1].id))["notes"] = "changed in place"
    mock.faults.error_rate = 1.0  # a switch left on


def test_2_sees_none_of_it(mock):
    assert mock.faults.error_rate == 0 and sum(mock.keys.used.values()) == 0
    with mock.client() as client:
        assert client.customers.list(search="isolation-probe").total == 0
        assert client.customers.list().total == 2258
        assert all(c.notes != "changed in place" for c in client.customers.list(archived=True))
    assert sum(mock.keys.used.values()) == 5  # this test's own requests only (3 pages for the last): a fresh quota
"""


def test_a_tests_writes_are_never_seen_by_the_next(pytester: pytest.Pytester) -> None:
    """Both fixtures: records written through the API or changed in place, quota spent and faults switched on in
    one test are gone in the next (the served mock shares its server between tests, never its state)."""
    result = run_consumer(pytester, ISOLATION, "-p", "no:randomly")
    result.assert_outcomes(passed=4)


ONE_SERVER = """
SEEN = []


def test_a(rotor_mock_server):
    SEEN.append((rotor_mock_server.base_url, id(rotor_mock_server.server), id(rotor_mock_server.mock)))


def test_b(rotor_mock_server):
    SEEN.append((rotor_mock_server.base_url, id(rotor_mock_server.server), id(rotor_mock_server.mock)))
    with rotor_mock_server.client() as client:
        assert client.customers.list().total == 2258  # and it serves this test's mock


def test_c(rotor_mock_server):
    SEEN.append((rotor_mock_server.base_url, id(rotor_mock_server.server), id(rotor_mock_server.mock)))
    assert len({(url, server) for url, server, _ in SEEN}) == 1  # one server for the session
    assert len({mock for _, _, mock in SEEN}) == 3  # a mock of its own for each test
"""


def test_the_served_fixture_starts_one_server_per_session(pytester: pytest.Pytester) -> None:
    run_consumer(pytester, ONE_SERVER).assert_outcomes(passed=3)


@pytest.mark.parametrize("cache", ["pytest's cache", "no cache provider"])
def test_seeded_data_is_kept_in_pytests_cache_when_there_is_one(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, cache: str
) -> None:
    monkeypatch.delenv(data_cache.ENV, raising=False)  # the plugin's default, not the gate's folder
    pytester.makeini(CONSUMER_INI)
    # Data no other test of this process has seeded (a process makes each data set once, then copies it).
    consumer = "import pytest\n\n@pytest.mark.rotor_mock(customers=7, seed=918273)\ndef test_lists(rotor_mock):\n"
    pytester.makepyfile(test_consumer=consumer + "    assert rotor_mock.client().customers.list()\n")
    args = ["--strict-markers"] if cache == "pytest's cache" else ["-p", "no:cacheprovider", "--strict-markers"]
    pytester.runpytest(*args).assert_outcomes(passed=1)
    kept = list((pytester.path / ".pytest_cache" / "d" / "rotor-mock-data").glob("*.pickle"))
    assert len(kept) == (1 if cache == "pytest's cache" else 0)
