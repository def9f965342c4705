from collections.abc import Iterator

import pytest
import respx

from rotor import Rotor

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
