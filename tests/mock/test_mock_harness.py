"""The mock harness outside the happy path: dropped connections in-process, request ids on every answer, path ids
taken as sent, retry waits recorded instead of slept, the deprecated names, and the missing extra."""

import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest

import rotor
import rotor.testing
from rotor.testing import Faults, LiveMockRotorAPI, MockRotor, MockRotorAPI
from rotor.testing.server import MockServer
from rotor.testing.transport import MockTransport

HEADERS = {"x-api-key": rotor.testing.TEST_API_KEY, "rotor-api-version": rotor.API_VERSION}


@pytest.fixture
def mock() -> MockRotorAPI:
    return MockRotorAPI(customers=20, seed=1)


# -- a dropped connection, in-process ------------------------------------------------------------------------------


def test_a_dropped_response_is_retried_then_succeeds(mock: MockRotorAPI) -> None:
    mock.faults.queue = ["drop"]
    with mock.client() as client:
        raw = client.with_raw_response.auth.test()
    assert raw.status_code == 200 and raw.retries_taken == 1
    assert mock.faults.injected["drop"] == 1 and len(mock.retry_sleeps) == 1


async def test_a_dropped_response_is_retried_then_succeeds_async(mock: MockRotorAPI) -> None:
    mock.faults.queue = ["drop"]
    async with mock.async_client() as client:
        raw = await client.with_raw_response.customers.list(limit=5)
    assert raw.status_code == 200 and raw.retries_taken == 1
    assert mock.faults.injected["drop"] == 1 and len(mock.retry_sleeps) == 1


def test_a_dropped_response_without_retries_is_a_connection_error(mock: MockRotorAPI) -> None:
    mock.faults.queue = ["drop"]
    with mock.client(max_retries=0) as client, pytest.raises(rotor.APIConnectionError, match="RemoteProtocolError"):
        client.auth.test()


async def test_a_dropped_response_without_retries_is_a_connection_error_async(mock: MockRotorAPI) -> None:
    mock.faults.queue = ["drop"]
    async with mock.async_client(max_retries=0) as client:
        with pytest.raises(rotor.APIConnectionError, match="RemoteProtocolError"):
            await client.customers.retrieve("anyone")


# -- x-request-id on every response --------------------------------------------------------------------------------


@pytest.fixture
def http(mock: MockRotorAPI) -> Iterator[httpx.Client]:
    with httpx.Client(transport=MockTransport(mock.mock.app), base_url=mock.base_url, headers=HEADERS) as client:
        yield client


def test_every_response_carries_a_unique_request_id(mock: MockRotorAPI, http: httpx.Client) -> None:
    some_id = mock.store.all()[0].record["id"]
    answers = {
        200: http.get(f"/customers/{some_id}"),
        201: http.post("/customers", json={"email": "new@example.com"}),
        400: http.get("/customers", params={"limit": 0}),
        401: http.get("/auth/test", headers={"x-api-key": "rotor_wrong_key"}),
        403: http.post("/customers", json={}, headers={"x-api-key": rotor.testing.READ_ONLY_API_KEY}),
        404: http.get("/customers/no-such-customer"),
        500: http.get("/auth/test", headers={"x-mock-fault": "500"}),
        503: http.get("/auth/test", headers={"x-mock-fault": "503"}),
        -1: http.get("/auth/test", headers={"x-mock-fault": "truncate"}),  # a cut body still has its headers
        -2: http.get("/auth/test", headers={"x-mock-fault": "html"}),
        -3: http.get("/no-such-route"),  # the router's own 404
    }
    mock.mock.keys.daily_quota = 0
    answers[429] = http.get("/auth/test")
    for status, response in answers.items():
        assert status < 0 or response.status_code == status, (status, response.status_code)
    ids = [response.headers.get("x-request-id") for response in answers.values()]
    assert all(ids) and len(set(ids)) == len(ids), ids
    assert mock.last_request_id == ids[-1]


def test_a_dropped_response_sends_its_request_id_before_hanging_up() -> None:
    with (
        LiveMockRotorAPI(customers=5) as live,
        httpx.Client(base_url=live.base_url, headers=HEADERS) as http,
        http.stream("GET", "/auth/test", headers={"x-mock-fault": "drop"}) as response,
    ):
        assert response.headers["x-request-id"] == live.last_request_id
        with pytest.raises(httpx.RemoteProtocolError):
            response.read()


def test_an_error_carries_the_mocks_request_id(mock: MockRotorAPI) -> None:
    with mock.client() as client, pytest.raises(rotor.NotFoundError) as info:
        client.customers.retrieve("no-such-customer")
    assert info.value.request_id is not None and info.value.request_id == mock.last_request_id


async def test_an_error_carries_the_mocks_request_id_async(mock: MockRotorAPI) -> None:
    mock.mock.keys.daily_quota = 0
    async with mock.async_client() as client:
        with pytest.raises(rotor.RateLimitError) as info:
            await client.auth.test()
    assert info.value.request_id is not None and info.value.request_id == mock.last_request_id


# -- path ids exactly as sent --------------------------------------------------------------------------------------


@pytest.mark.parametrize("odd", ["\n", "\t", " ", "\r", "x\n", "\u00e9"])
def test_an_unknown_odd_id_is_a_404(http: httpx.Client, odd: str) -> None:
    # URL parsing deletes tabs and newlines; the id used to arrive empty and be refused with a 400.
    response = http.get(f"/customers/{quote(odd, safe='')}")
    assert response.status_code == 404, response.text
    assert response.json() == {"status": "error", "message": "Not found"}


@pytest.mark.parametrize("odd", ["\t", " ", "a b\tc\nd\u00e9?#%"])
def test_a_stored_customer_with_an_odd_id_is_retrievable(mock: MockRotorAPI, http: httpx.Client, odd: str) -> None:
    # The API's upsert takes uuids only, but stored ids are any string the spec allows (the mock's store takes it).
    mock.store.add({**mock.store.all()[0].record, "id": odd, "first_name": "Odd"})
    fetched = http.get(f"/customers/{quote(odd, safe='')}")
    assert fetched.status_code == 200 and fetched.json()["data"]["id"] == odd
    if odd.strip():  # the SDK refuses blank ids before sending
        with mock.client() as client:
            assert client.customers.retrieve(odd).first_name == "Odd"


# -- retries do not sleep unless asked -----------------------------------------------------------------------------


def test_retry_waits_are_recorded_not_slept(mock: MockRotorAPI) -> None:
    mock.faults.queue = ["503", "502"]
    started = time.monotonic()
    with mock.client() as client:
        assert client.with_raw_response.auth.test().retries_taken == 2
    assert time.monotonic() - started < 0.5  # two backoffs of 0.5 s or more, not slept
    assert len(mock.retry_sleeps) == 2 and all(0 < wait <= 8 for wait in mock.retry_sleeps)


async def test_retry_waits_are_recorded_not_slept_async(mock: MockRotorAPI) -> None:
    mock.faults = Faults(queue=["503"], retry_after=30)
    started = time.monotonic()
    async with mock.async_client() as client:
        assert (await client.with_raw_response.auth.test()).retries_taken == 1
    assert time.monotonic() - started < 0.5
    assert mock.retry_sleeps == [30]  # Retry-After honoured exactly


def test_real_sleep_opts_back_in(mock: MockRotorAPI) -> None:
    mock.faults = Faults(queue=["503"], retry_after=0.3)
    started = time.monotonic()
    with mock.client(real_sleep=True) as client:
        client.auth.test()
    assert time.monotonic() - started >= 0.3 and mock.retry_sleeps == []


async def test_real_sleep_opts_back_in_async(mock: MockRotorAPI) -> None:
    mock.faults = Faults(queue=["503"], retry_after=0.3)
    started = time.monotonic()
    async with mock.async_client(real_sleep=True) as client:
        await client.auth.test()
    assert time.monotonic() - started >= 0.3 and mock.retry_sleeps == []


def test_a_misspelt_queued_fault_is_refused_at_once(mock: MockRotorAPI) -> None:
    with pytest.raises(ValueError, match="unknown fault 'drpo'"):
        mock.faults.queue = ["drpo"]


# -- names -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), [("Mock", MockRotorAPI), ("LiveMock", LiveMockRotorAPI)])
def test_the_old_names_still_work_with_a_deprecation_warning(old: str, new: type) -> None:
    with pytest.warns(DeprecationWarning, match=f"rotor.testing.{old} is deprecated.*use {new.__name__}"):
        assert getattr(rotor.testing, old) is new
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        from rotor.testing import MockRotorAPI as current  # the new names warn about nothing

        assert current is MockRotorAPI
    with pytest.raises(AttributeError):
        rotor.testing.NoSuchThing  # type: ignore[attr-defined]  # noqa: B018 (a type checker refuses it too)


def test_every_public_name_resolves_and_is_listed() -> None:
    # rotor.testing imports each name on first use: each must import, dir() lists them before they are, and a
    # submodule is still an attribute of the package (checked in a fresh interpreter, where nothing is imported yet).
    probe = (
        "import sys, rotor.testing as t; missing = set(t.__all__) - set(dir(t)); "
        "assert 'rotor.testing.harness' not in sys.modules, 'imported at once'; assert not missing, missing; "
        "assert t.server.free_port() > 0  # a submodule, reached from the package as when it imported everything"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    for name in rotor.testing.__all__:
        assert getattr(rotor.testing, name) is not None


def test_the_harness_takes_a_ready_mock_rotor() -> None:
    state = MockRotor(customers=3)
    with MockRotorAPI(state).client() as client:
        assert client.customers.list(archived=True).total == 3


# -- without the mock extra ----------------------------------------------------------------------------------------

BLOCK_FAKER = "import sys; sys.modules['faker'] = None  # as if the mock extra were not installed\n"


def test_importing_the_mock_without_the_extra_says_what_to_install() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_FAKER + "import rotor.testing"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError:") and "missing module: faker" in last, result.stderr
    assert "pip install 'rotor-sdk[mock]'" in last


def test_the_served_mock_parses_http_in_c() -> None:
    # uvicorn picks httptools when it is installed (the mock extra requires it), else h11: pure Python, and about a
    # seventh more of the served mock's CPU under schemathesis' traffic. A missing httptools falls back silently.
    with MockServer(MockRotor(customers=1)) as server:
        assert server._server.config.http_protocol_class.__name__ == "HttpToolsProtocol"
