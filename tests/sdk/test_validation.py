"""Bad arguments raise InvalidParameterError naming the parameter and its bound, and spend no request."""

from typing import Any

import pytest
import respx
from hypothesis import given
from hypothesis import strategies as st

from devtools.paths import SPEC
from devtools.spec_io import api_version, load_spec
from rotor import CustomerStatus, InvalidParameterError, Rotor, RotorError

not_an_int = st.one_of(st.floats(), st.text(max_size=5), st.booleans(), st.none(), st.lists(st.integers(), max_size=2))


def _call(client: Rotor, **kwargs: Any) -> None:
    client.customers.list(**kwargs)


@given(limit=st.one_of(st.integers(max_value=0), st.integers(min_value=1001)))
def test_limit_out_of_bounds(client: Rotor, router: respx.MockRouter, limit: int) -> None:
    with pytest.raises(InvalidParameterError, match=r"limit: must be between 1 and 1000") as info:
        client.customers.list(limit=limit)
    assert info.value.param == "limit"
    assert router.calls.call_count == 0


@given(page=st.one_of(st.integers(max_value=0), st.integers(min_value=2**53)))
def test_page_out_of_bounds(client: Rotor, router: respx.MockRouter, page: int) -> None:
    with pytest.raises(InvalidParameterError, match=r"page: must be between 1 and 9007199254740991"):
        client.customers.list(page=page)
    assert router.calls.call_count == 0


@given(value=not_an_int.filter(lambda v: v is not None))
def test_wrong_types_for_numbers(client: Rotor, router: respx.MockRouter, value: object) -> None:
    for name in ("limit", "page"):
        with pytest.raises(InvalidParameterError, match=rf"{name}: must be an integer"):
            _call(client, **{name: value})
    assert router.calls.call_count == 0


@given(status=st.text(max_size=12).filter(lambda s: s not in {"active", "inactive"}))
def test_unknown_status(client: Rotor, router: respx.MockRouter, status: str) -> None:
    with pytest.raises(InvalidParameterError, match=r"status: must be one of \['active', 'inactive'\]"):
        client.customers.list(status=status)
    assert router.calls.call_count == 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"tags": ["vip", ""]}, "tags: each item must be a non-empty string"),
        ({"tags": ["a,b"]}, "without commas"),
        ({"tags": [1]}, "tags: each item"),
        ({"tags": []}, "tags: must name at least one item"),
        ({"archived": "yes"}, "archived: must be a bool"),
        ({"search": 5}, "search: must be a non-empty string"),
        ({"search": ""}, "search: must be a non-empty string"),
    ],
)
def test_other_bad_list_arguments(
    client: Rotor, router: respx.MockRouter, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        _call(client, **kwargs)
    assert router.calls.call_count == 0


def test_good_arguments_reach_the_wire_as_the_spec_says(client: Rotor, router: respx.MockRouter) -> None:
    route = router.get("/customers").respond(200, json={"data": [], "pagination": {"total": 0}, "status": "success"})
    client.customers.list(status=CustomerStatus.ACTIVE, tags=["vip", "pool"], search="ann", archived=True, page=2)
    request = route.calls.last.request
    assert dict(request.url.params) == {
        "archived": "true",
        "limit": "1000",  # no limit given: the largest page, to spend the fewest requests
        "page": "2",
        "search": "ann",
        "status": "active",
        "tags": "vip,pool",
    }
    assert request.headers["rotor-api-version"] == api_version(load_spec(SPEC))
    assert request.headers["x-api-key"] == "rotor_unit_s3cr3t0key"


@pytest.mark.parametrize(
    ("bad_id", "message"),
    [
        ("", "must be a non-empty string"),
        ("   ", "must be a non-empty string"),
        (None, "must be a non-empty string"),
        (42, "must be a non-empty string"),
        (".", r"'\.' cannot be sent as a path segment"),  # would fetch the list instead
        ("..", r"'\.\.' cannot be sent as a path segment"),  # would fetch the API root
    ],
)
def test_retrieve_needs_an_id(client: Rotor, router: respx.MockRouter, bad_id: Any, message: str) -> None:
    with pytest.raises(InvalidParameterError, match=f"id: {message}"):
        client.customers.retrieve(bad_id)
    assert router.calls.call_count == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": 3}, "email: expected str, got int"),
        ({"status": "archived"}, "status: expected one of"),
        ({"tags": "vip"}, "tags: expected array"),
        ({"id": "not-a-uuid"}, "id: must be a UUID"),
        ({"frist_name": "Jane"}, "frist_name: is not a field of CustomerUpsertParams"),
        ({"billing_same_as_property": "yes"}, "billing_same_as_property: expected bool"),
    ],
)
def test_upsert_fields_are_checked(
    client: Rotor, router: respx.MockRouter, fields: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        client.customers.create_or_update(**fields)
    assert router.calls.call_count == 0


def test_missing_key_is_a_clear_error_at_construction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROTOR_API_KEY", raising=False)
    with pytest.raises(RotorError, match="ROTOR_API_KEY"):
        Rotor()
    with pytest.raises(RotorError, match="api_key"):
        Rotor(api_key="  ")


def test_bad_max_retries() -> None:
    with pytest.raises(RotorError, match="max_retries"):
        Rotor(api_key="k", max_retries=-1)
