import asyncio
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import respx

from rotor import AsyncRotor, Rotor

BASE_URL = "https://api.test.invalid/open-api"
API_KEY = "rotor_unit_s3cr3t0key"


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    """Every request must hit a declared route; nothing leaves the process."""
    with respx.mock(base_url=BASE_URL, assert_all_called=False, assert_all_mocked=True) as mock:
        yield mock


@pytest.fixture
def client(router: respx.MockRouter) -> Iterator[Rotor]:
    with Rotor(api_key=API_KEY, base_url=BASE_URL) as rotor:
        rotor._sleep = lambda seconds: None  # retries without real waiting; waits are asserted via the log
        yield rotor


class Flavor:
    """One test body for both clients: ``make()`` builds a ``Rotor`` or an ``AsyncRotor``, ``run()`` calls it."""

    def __init__(self, is_async: bool) -> None:
        self.is_async = is_async
        self.client_class: type[Rotor] | type[AsyncRotor] = AsyncRotor if is_async else Rotor
        self.waits: list[float] = []  # what the clients' retries would have slept, in order

    def make(self, **options: Any) -> Any:
        """A client for the respx router's base URL whose retries record their waits instead of sleeping."""
        options.setdefault("api_key", API_KEY)
        options.setdefault("base_url", BASE_URL)
        client = self.client_class(**options)
        client._sleep = self._record_async if self.is_async else self.waits.append
        return client

    async def _record_async(self, seconds: float) -> None:
        self.waits.append(seconds)

    def run(self, call: Callable[[], Any]) -> Any:
        """``call()``'s result; awaited on a fresh event loop for the async client."""
        result = call()
        if inspect.isawaitable(result):

            async def wait() -> Any:
                return await result

            return asyncio.run(wait())
        return result

    def __repr__(self) -> str:
        return self.client_class.__name__


@pytest.fixture(params=[False, True], ids=["sync", "async"])
def flavor(request: pytest.FixtureRequest) -> Flavor:
    return Flavor(request.param)


@pytest.fixture
def flavored_client(flavor: Flavor) -> Any:
    """One client of the test's flavor, shared by a property test's examples (making a client costs ~10 ms)."""
    return flavor.make()
