"""Issue 20's SDK edges, each on both clients: every refusal a typed error naming the parameter, before any request.

Huge values (item 1), an upsert with no fields (2), ids as ``str`` or ``UUID`` (5), ``extra_query`` over a
method's own parameter (7), bytes where text is due (8), a closed client (9).
"""

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
import respx

import rotor
from rotor import ClientClosedError, InvalidParameterError, RotorError
from rotor._validation import MAX_URL_LENGTH
from tests.conftest import Flavor

CUSTOMER = {"id": "c1", "first_name": "Ada"}
EMPTY_PAGE = {"data": [], "pagination": {"total": 0, "has_more": False}, "status": "success"}
ID = uuid.UUID("3f2b8c1e-0d5a-4c57-9f1e-2a7b6c9d0e14")


def _refused(
    flavor: Flavor, router: respx.MockRouter, call: Any, param: str, match: str | None = None
) -> InvalidParameterError:
    with pytest.raises(InvalidParameterError, match=match) as info:
        flavor.run(call)
    assert info.value.param == param, info.value
    assert router.calls.call_count == 0, "a refused value must not be sent"
    return info.value


def test_httpx_url_limit_is_the_one_checked() -> None:
    # The pre-send check mirrors httpx's own limit; if httpx changes it, the check must follow.
    from httpx import _urlparse

    assert MAX_URL_LENGTH == _urlparse.MAX_URL_LENGTH


@pytest.mark.parametrize(
    ("call", "param"),
    [
        (lambda c: c.customers.list(search="😀" * 10000), "search"),
        (lambda c: c.customers.list(tags=["x" * 70000]), "tags"),
        (lambda c: c.leads.list(stage="é" * 30000), "stage"),
        (lambda c: c.customers.retrieve("x" * 70000), "id"),
        (lambda c: c.leads.retrieve("😀" * 6000), "id"),
        # Each value fits on its own, together they do not: refused at the build, named by the longest.
        (lambda c: c.customers.list(search="s" * 40000, tags="t" * 30000), "search"),
        (lambda c: c.customers.list(extra_query={"debug": "d" * 34000, "trace": "t" * 33000}), "debug"),
    ],
)
def test_values_too_long_for_a_url_are_refused_by_name(
    flavor: Flavor, router: respx.MockRouter, call: Any, param: str
) -> None:
    client = flavor.make()
    error = _refused(flavor, router, lambda: call(client), param)
    assert len(str(error)) < 300, "the message must not carry the huge value"


@pytest.mark.parametrize("resource", ["customers", "leads"])
def test_an_upsert_with_no_fields_is_refused(flavor: Flavor, router: respx.MockRouter, resource: str) -> None:
    client = flavor.make()
    records = getattr(client, resource)
    params_model = rotor.CustomerUpsertParams if resource == "customers" else rotor.LeadUpsertParams
    for call in (lambda: records.create_or_update(), lambda: records.create_or_update({}),
                 lambda: records.create_or_update(params_model())):  # fmt: skip
        _refused(flavor, router, call, "params", "at least one field")


@pytest.mark.parametrize(
    ("path", "body", "call"),
    [
        ("/customers", {**EMPTY_PAGE, "data": [CUSTOMER, {"first_name": "No id"}]}, lambda c: c.customers.list()),
        ("/leads", {**EMPTY_PAGE, "data": [{"name": "No id", "tags": []}]}, lambda c: c.leads.list()),
        ("/customers/c1", {"data": {"first_name": "No id"}, "status": "success"}, lambda c: c.customers.retrieve("c1")),
        ("/leads/l1", {"data": {"name": "No id", "tags": []}, "status": "success"}, lambda c: c.leads.retrieve("l1")),
    ],
)
def test_a_record_without_an_id_is_a_malformed_answer(
    flavor: Flavor, router: respx.MockRouter, path: str, body: dict[str, Any], call: Any
) -> None:
    """ASSUMPTION A36: every record read carries its id, so ``id`` is typed ``str``; one without is malformed."""
    router.get(path).respond(200, json=body)
    client = flavor.make()
    with pytest.raises(rotor.APIResponseValidationError, match="id"):
        flavor.run(lambda: call(client))


def test_retrieve_takes_a_uuid(flavor: Flavor, router: respx.MockRouter) -> None:
    route = router.get(f"/customers/{ID}").respond(200, json={"data": CUSTOMER, "status": "success"})
    client = flavor.make()
    assert flavor.run(lambda: client.customers.retrieve(ID)).first_name == "Ada"
    assert route.call_count == 1


def test_upsert_takes_its_id_as_a_uuid_or_its_string(flavor: Flavor, router: respx.MockRouter) -> None:
    route = router.post("/customers").respond(201, json={**CUSTOMER, "id": str(ID), "message": "created"})
    client = flavor.make()
    flavor.run(lambda: client.customers.create_or_update(id=ID, first_name="Ada"))
    flavor.run(lambda: client.customers.create_or_update(id=str(ID), first_name="Ada"))
    assert [json.loads(call.request.content)["id"] for call in route.calls] == [str(ID)] * 2


@pytest.mark.parametrize(
    ("call", "param"),
    [
        (lambda c: c.customers.create_or_update(id="no-such-id", first_name="Ada"), "id"),
        (lambda c: c.leads.create_or_update(id=42, name="Ada"), "id"),
        (lambda c: c.pins.list(pin_type_id="no-such-id"), "pin_type_id"),
    ],
)
def test_a_bad_uuid_says_what_an_id_must_be(flavor: Flavor, router: respx.MockRouter, call: Any, param: str) -> None:
    client = flavor.make()
    error = _refused(flavor, router, lambda: call(client), param)
    assert "must be a UUID (a uuid.UUID or a string" in str(error)


@pytest.mark.parametrize(
    ("call", "param"),
    [
        (lambda c: c.customers.list(limit=1, extra_query={"limit": "5"}), "limit"),
        (lambda c: c.customers.list(extra_query={"search": ""}), "search"),  # not given, still the method's own
        (lambda c: c.leads.list(extra_query={"stage": "x", "debug": "1"}), "stage"),
        (lambda c: c.service_plans.list(extra_query={"sold_by_user_id": "x"}), "sold_by_user_id"),
        (lambda c: c.customers.retrieve("c1", extra_query={"id": "c2"}), "id"),
        (lambda c: c.pin_types.list(extra_query={"limit": "5"}), None),  # pin types take no parameter: allowed
    ],
)
def test_extra_query_cannot_override_the_methods_own_parameters(
    flavor: Flavor, router: respx.MockRouter, call: Any, param: str | None
) -> None:
    client = flavor.make()
    if param is None:
        router.get("/pin-types").respond(200, json={"data": [], "status": "success"})
        flavor.run(lambda: call(client))
        assert router.calls.last.request.url.params["limit"] == "5"
        return
    _refused(flavor, router, lambda: call(client), "extra_query", f"'{param}' is a parameter of this method")


def test_extra_query_is_checked_before_an_export_touches_its_file(
    flavor: Flavor, router: respx.MockRouter, tmp_path: Path
) -> None:
    client = flavor.make()
    target = tmp_path / "c.jsonl"
    _refused(flavor, router, lambda: client.customers.export(target, extra_query={"tags": "x"}), "extra_query")
    assert list(tmp_path.iterdir()) == []


def test_extra_query_for_unknown_parameters_still_reaches_the_wire(flavor: Flavor, router: respx.MockRouter) -> None:
    route = router.get("/customers").respond(200, json=EMPTY_PAGE)
    client = flavor.make()
    flavor.run(lambda: client.customers.list(limit=1, extra_query={"debug": "1"}))
    assert dict(route.calls.last.request.url.params) == {"archived": "false", "limit": "1", "page": "1", "debug": "1"}


@pytest.mark.parametrize(
    ("call", "param"),
    [
        (lambda c: c.customers.list(tags=b"vip"), "tags"),
        (lambda c: c.customers.list(tags=[b"vip"]), "tags"),
        (lambda c: c.customers.list(tags=bytearray(b"vip")), "tags"),
        (lambda c: c.customers.list(search=b"vip"), "search"),
        (lambda c: c.leads.list(stage=b"new"), "stage"),
        (lambda c: c.customers.retrieve(b"c1"), "id"),
        (lambda c: c.pins.list(user_id=ID.bytes), "user_id"),
        (lambda c: c.customers.list(status=b"active"), "status"),
    ],
)
def test_bytes_are_refused_by_type(flavor: Flavor, router: respx.MockRouter, call: Any, param: str) -> None:
    client = flavor.make()
    error = _refused(flavor, router, lambda: call(client), param)
    assert "got bytes" in str(error) or "got bytearray" in str(error), error
    assert "118" not in str(error)  # b"vip" iterated as ints


def test_a_closed_client_raises_a_typed_error(flavor: Flavor, router: respx.MockRouter) -> None:
    client = flavor.make()
    sibling = client.with_options(timeout=5)  # shares the closed connections
    flavor.run(client.close)
    for closed in (client, sibling):
        with pytest.raises(ClientClosedError, match="is closed") as info:
            flavor.run(closed.customers.list)
        assert isinstance(info.value, RotorError) and isinstance(info.value, RuntimeError)
    assert router.calls.call_count == 0


@pytest.mark.parametrize(
    "name", ["😀" * 300, "a\x00b.jsonl"], ids=["too-long", "nul"]
)  # over NAME_MAX bytes; a NUL byte
def test_an_export_path_the_file_system_refuses_is_a_typed_error(
    flavor: Flavor, router: respx.MockRouter, tmp_path: Path, name: str
) -> None:
    client = flavor.make()
    _refused(flavor, router, lambda: client.customers.export(tmp_path / name), "path", "cannot be used as a file name")


@pytest.mark.parametrize("value", [10**5000, "x" * 70000], ids=["huge-int", "huge-text"])
def test_option_values_of_any_size_are_refused_briefly(flavor: Flavor, router: respx.MockRouter, value: Any) -> None:
    client = flavor.make()
    error = _refused(flavor, router, lambda: client.customers.list(timeout=value), "timeout")
    assert len(str(error)) < 300


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
def test_an_upsert_field_that_json_cannot_carry_is_refused_by_name(
    flavor: Flavor, router: respx.MockRouter, value: float
) -> None:
    client = flavor.make()
    _refused(
        flavor, router, lambda: client.leads.create_or_update(name="Ada", projected_value=value), "projected_value"
    )


@pytest.mark.parametrize("seconds", [10**30, float("inf"), 1_000_001])
def test_a_timeout_no_socket_can_hold_is_refused_at_construction(flavor: Flavor, seconds: float) -> None:
    # A deadline past the platform's clock failed inside the request with an OverflowError, after the quota was spent.
    with pytest.raises(InvalidParameterError, match="at most 1,000,000") as info:
        flavor.client_class(api_key="rotor_unit_key0secret", timeout=seconds)
    assert info.value.param == "timeout"
