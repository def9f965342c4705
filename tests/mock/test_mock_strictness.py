"""The mock is as strict as the API it stands for (issue 20 item 6): query booleans are `true` or `false` (A37), a
repeated parameter is a 400 (A38), and a path that names no operation is the API's JSON 404, counted (A39)."""

from collections.abc import Iterator

import httpx
import pytest

import rotor
from rotor.testing import MockRotorAPI

HEADERS = {"rotor-api-version": rotor.API_VERSION}


@pytest.fixture(scope="module")
def mock() -> MockRotorAPI:
    return MockRotorAPI(customers=30, leads=10, serviced_jobs=10, daily_quota=10**6)


@pytest.fixture
def http(mock: MockRotorAPI) -> Iterator[httpx.Client]:
    with mock.http_client() as client:
        client.headers.update({**HEADERS, "x-api-key": mock.api_key})
        yield client


def _field_errors(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["status"] == "error" and body["message"] == "Validation failed"
    errors: list[dict[str, str]] = body["errors"]
    return errors


@pytest.mark.parametrize(
    ("path", "name"),
    [("/customers", "archived"), ("/leads", "archived"), ("/serviced-jobs", "only_completed")],
)
@pytest.mark.parametrize("value", ["yes", "no", "1", "0", "on", "off", "True", "FALSE", ""])
def test_a_boolean_is_only_true_or_false(
    mock: MockRotorAPI, http: httpx.Client, path: str, name: str, value: str
) -> None:
    errors = _field_errors(http.get(f"{mock.base_url}{path}", params={name: value}))
    assert [e["field"] for e in errors] == [name]


@pytest.mark.parametrize("value", ["true", "false"])
def test_true_and_false_are_still_booleans(mock: MockRotorAPI, http: httpx.Client, value: str) -> None:
    for path, name in (("/customers", "archived"), ("/serviced-jobs", "only_completed")):
        assert http.get(f"{mock.base_url}{path}", params={name: value}).status_code == 200


@pytest.mark.parametrize(
    ("path", "query", "name"),
    [
        ("/customers", "tags=vip&tags=pool", "tags"),
        ("/customers", "status=active&status=inactive", "status"),
        ("/customers", "limit=5&limit=6", "limit"),
        ("/customers", "limit=5&limit=5", "limit"),  # even the same value: the client sent it twice
        ("/leads", "stage=New&stage=Won", "stage"),
        ("/pins", "page=1&page=2", "page"),
    ],
)
def test_a_repeated_parameter_is_refused_by_name(
    mock: MockRotorAPI, http: httpx.Client, path: str, query: str, name: str
) -> None:
    errors = _field_errors(http.get(f"{mock.base_url}{path}?{query}"))
    assert [e["field"] for e in errors] == [name]
    assert "2 times" in errors[0]["message"]


@pytest.mark.parametrize(
    "path",
    ["/customers/a/b", "/customers/a%2Fb", "/customers/", "/leads/l1/notes", "/pins/x", "/pin-types/a", "/nope"],
)
def test_a_path_that_names_no_operation_is_the_apis_404_and_is_counted(
    mock: MockRotorAPI, http: httpx.Client, path: str
) -> None:
    served = mock.mock.requests_served
    response = http.get(mock.base_url + path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"status": "error", "message": "Not found"}
    assert mock.mock.requests_served == served + 1  # counted against the quota like any request


def test_an_unknown_path_checks_the_key_first(mock: MockRotorAPI, http: httpx.Client) -> None:
    response = http.get(mock.base_url + "/customers/a/b", headers={"x-api-key": ""})
    assert response.status_code == 401 and response.json()["error_code"] == "AUTHENTICATION_REQUIRED"


def test_a_known_path_with_another_method_is_still_405_and_other_paths_are_not_the_apis(
    mock: MockRotorAPI, http: httpx.Client
) -> None:
    assert http.delete(mock.base_url + "/customers").status_code == 405
    outside = http.get(mock.base_url.removesuffix("/open-api") + "/elsewhere")
    assert outside.status_code == 404 and "json" not in outside.headers["content-type"]


def test_the_sdk_reads_an_id_with_a_slash_as_not_found(rotor_mock: MockRotorAPI) -> None:
    # The generated builder sends "a/b" as a%2Fb; a server that decodes it gets /customers/a/b: the API's JSON 404.
    with rotor_mock.client() as client, pytest.raises(rotor.NotFoundError) as info:
        client.customers.retrieve("a/b")
    assert info.value.body == {"status": "error", "message": "Not found"}
