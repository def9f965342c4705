"""The SDK's decoder builds the same generated models as the generated ``from_dict``, and more tolerantly."""

import datetime
import json
from typing import Any

import attrs
import httpx
import orjson
import pytest
import respx
from hypothesis import given
from hypothesis import strategies as st

import rotor_generated.models as models
from rotor import UNSET, Address, Customer, CustomerStatus, CustomerUpsertParams, Rotor
from rotor._base_client import decode_response
from rotor._decode import Malformed, decode_model
from rotor._exceptions import APIResponseValidationError
from rotor._fastpath import fast_decode
from rotor._fields import json_name
from rotor.resources import _decoders
from rotor.testing import MockRotor
from rotor.testing.store import Filters
from tests.strategies import body_for, json_values, malformed_bytes

RESPONSE_SCHEMAS = [
    "CustomerListResponse",
    "CustomerResponse",
    "CustomerUpsertResult",
    "AuthTestResponse",
    "ErrorResponse",
]


# The response schemas the msgspec fast path (rotor._fastpath) decodes; the others always take the tolerant decoder.
FAST_SCHEMAS = ["CustomerListResponse", "CustomerResponse", "CustomerUpsertResult", "AuthTestResponse"]


@pytest.mark.parametrize("schema_name", RESPONSE_SCHEMAS)
@given(data=st.data())
def test_spec_valid_bodies_decode_like_the_generated_code_and_round_trip(schema_name: str, data: st.DataObject) -> None:
    """Both of the SDK's decoders, the tolerant one and the fast path (where it takes the body), build the models the
    generated ``from_dict`` builds. One body drawn for both: drawing it is most of an example's time."""
    body = data.draw(body_for(schema_name))
    cls = getattr(models, schema_name)
    model = decode_model(cls, body)
    assert model == cls.from_dict(body)
    # A response model's None stands for "absent" and for "null" alike, and to_dict writes it as absent: the
    # model round trip is exact, while the dict round trip drops the nulls of declared fields
    # (test_a_null_reads_as_none_and_leaves_as_absent, test_nothing_the_server_sent_is_lost).
    assert decode_model(cls, model.to_dict()) == model
    assert cls.from_dict(model.to_dict()) == model
    if schema_name in FAST_SCHEMAS:
        fast = fast_decode(cls, json.dumps(body).encode())
        if fast is not None:  # it may decline (e.g. an unknown field); then the tolerant decoder takes over
            assert fast == model
            # Equal is not enough: 1 == 1.0. The same values of the same types, as JSON writes them.
            generated = cls.from_dict(body).to_dict()
            assert json.dumps(fast.to_dict(), sort_keys=True) == json.dumps(generated, sort_keys=True)


@given(body=body_for("CustomerListResponse"))
def test_pages_through_the_client(client: Rotor, router: respx.MockRouter, body: dict[str, Any]) -> None:
    router.get("/customers").respond(200, json=body)
    page = client.customers.list(limit=10)
    assert len(page.data) == len(body.get("data", []))
    assert page.pagination.to_dict() == body.get("pagination", {})


GOOD: dict[str, Any] = {
    "id": "c1",
    "status": "active",
    "created_at": "2019-12-27T18:11:19.117Z",
    "address": {"city": "Austin", "country": "US", "state": "TX", "street1": "1 Main", "zip": "78701"},
    "first_name": "Jane",
}


def _page(*customers: dict[str, Any]) -> dict[str, Any]:
    return {
        "data": list(customers),
        "pagination": {"page": 1, "limit": 50, "total": len(customers)},
        "status": "success",
    }


def test_unknown_enum_value_is_kept_as_a_string() -> None:
    page = decode_model(models.CustomerListResponse, _page({**GOOD, "status": "archived"}, GOOD))
    assert isinstance(page.data, list)
    assert page.data[0].status == "archived" and not isinstance(page.data[0].status, CustomerStatus)
    assert page.data[1].status is CustomerStatus.ACTIVE
    assert page.data[0].to_dict()["status"] == "archived"


def test_unknown_fields_are_kept() -> None:
    customer = decode_model(Customer, {**GOOD, "loyalty_tier": "gold", "address": {**GOOD["address"], "unit": "4B"}})
    assert customer["loyalty_tier"] == "gold"
    assert isinstance(customer.address, Address)
    assert customer.address["unit"] == "4B"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("created_at", "yesterday"),
        ("first_name", 123),
        ("is_auto_pay", "yes"),
        ("address", {"city": "Austin"}),  # required sub-fields missing
        ("location", "30.2,-97.7"),
        ("tags", [1, 2]),
    ],
)
def test_a_malformed_optional_field_never_loses_the_record(field: str, value: Any) -> None:
    page = decode_model(models.CustomerListResponse, _page({**GOOD, field: value}, GOOD))
    assert isinstance(page.data, list) and len(page.data) == 2
    odd = page.data[0]
    assert getattr(odd, field) is None  # not typed as what it is not...
    assert odd[field] == value  # ...but the raw value is still there
    assert odd.to_dict()[field] == value
    assert odd.first_name == ("Jane" if field != "first_name" else None)
    assert odd.created_at == (
        datetime.datetime(2019, 12, 27, 18, 11, 19, 117000, tzinfo=datetime.UTC) if field != "created_at" else None
    )


@pytest.mark.parametrize("field", ["created_at", "address", "notes", "location", "email"])
def test_a_null_reads_as_none_and_leaves_as_absent(field: str) -> None:
    """On a response model None means "no value": absent and null read the same, on every path."""
    page = _page({**GOOD, field: None}, {key: value for key, value in GOOD.items() if key != field})
    fast = fast_decode(models.CustomerListResponse, orjson.dumps(page))
    tolerant = decode_model(models.CustomerListResponse, page)
    assert fast is not None and fast == tolerant
    assert tolerant.data is not None
    with_null, without = tolerant.data
    assert getattr(with_null, field) is None and getattr(without, field) is None
    assert field not in with_null.additional_properties  # null is not malformed, so nothing is kept
    assert with_null == without and with_null.to_dict() == without.to_dict()
    assert field not in with_null.to_dict()


def test_absent_fields_get_each_models_own_default() -> None:
    """Response models read None; a request model keeps UNSET, because leaving a field out differs from null."""
    customer = decode_model(Customer, {"id": "c1"})
    assert customer == Customer(id="c1") == Customer.from_dict({"id": "c1"}) == fast_decode(Customer, b'{"id":"c1"}')
    assert customer.email is None and customer.address is None
    params = decode_model(CustomerUpsertParams, {"first_name": "Jane"}, strict=True)
    assert params == CustomerUpsertParams(first_name="Jane") == CustomerUpsertParams.from_dict({"first_name": "Jane"})
    assert params.email is UNSET and params.to_dict() == {"first_name": "Jane"}
    with pytest.raises(Malformed):  # a request model's field is never silently None
        decode_model(CustomerUpsertParams, {"email": None}, strict=True)


@pytest.mark.parametrize(
    "body",
    [
        {"data": "nope"},
        {"data": [1, 2]},
        {"pagination": {"total": "142"}},
        {"pagination": []},
        {"status": 5},
        [],
    ],
)
def test_a_broken_envelope_is_an_error(body: Any) -> None:
    with pytest.raises(Malformed):
        decode_model(models.CustomerListResponse, body)


@given(data=st.data())
def test_nothing_the_server_sent_is_lost(data: st.DataObject) -> None:
    """Whatever a (possibly broken) page holds, a page that decodes keeps every key of every record."""
    body = data.draw(body_for("CustomerListResponse"))
    customers = body.get("data", [])
    if customers:
        index = data.draw(st.integers(0, len(customers) - 1))
        key = data.draw(st.sampled_from(["status", "created_at", "tags", "address", "first_name", "location", "extra"]))
        customers[index][key] = data.draw(json_values)
    try:
        page = decode_model(models.CustomerListResponse, body)
    except Malformed:
        return  # only the envelope may refuse, and these edits never touch it
    decoded_customers = [] if page.data is None else page.data
    declared = {json_name(field.name) for field in attrs.fields(Customer)}
    for sent, decoded in zip(customers, decoded_customers, strict=True):
        # The one thing dropped: a declared field sent as null, which reads None just as if it were absent.
        lost = set(sent) - set(decoded.to_dict())
        assert all(key in declared and sent[key] is None for key in lost), lost


# -- the msgspec fast path ------------------------------------------------------------------------------------


def test_fast_path_takes_realistic_pages_and_declines_odd_ones() -> None:
    mock = MockRotor(customers=300)
    items, pagination = mock.store.page(Filters(archived=True), limit=300, page=1)
    body = {"data": items, "pagination": pagination, "status": "success"}
    fast = fast_decode(models.CustomerListResponse, orjson.dumps(body))
    assert fast is not None and fast == decode_model(models.CustomerListResponse, body)
    odd = {**body, "data": [{**items[0], "loyalty_tier": "gold"}]}
    assert fast_decode(models.CustomerListResponse, orjson.dumps(odd)) is None


def _tolerant_only(schema_name: str, content: bytes) -> object:
    try:
        return decode_model(getattr(models, schema_name), orjson.loads(content))
    except (ValueError, Malformed) as exc:
        return type(exc)


# The decoder each operation uses, by the schema of its success body.
DECODERS: dict[str, _decoders.Decoder[Any, Any]] = {
    "CustomerListResponse": _decoders.page(models.CustomerListResponse),
    "CustomerResponse": _decoders.record(models.CustomerResponse),
    "CustomerUpsertResult": _decoders.whole(models.CustomerUpsertResult),
    "AuthTestResponse": _decoders.whole(models.AuthTestResponse),
}


@pytest.mark.parametrize("schema_name", FAST_SCHEMAS)
@given(data=st.data())
def test_fast_and_tolerant_paths_agree_on_any_bytes(schema_name: str, data: st.DataObject) -> None:
    content = data.draw(
        st.one_of(body_for(schema_name).map(lambda b: json.dumps(b).encode()), malformed_bytes(schema_name))
    )
    decoder = DECODERS[schema_name]
    request = httpx.Request("GET", "http://127.0.0.1/open-api")
    try:
        result: object = decode_response(httpx.Response(200, content=content, request=request), decoder)
    except APIResponseValidationError:
        result = APIResponseValidationError
    reference = _tolerant_only(schema_name, content)
    if isinstance(reference, type):  # the tolerant path refuses: the SDK raises its typed error
        assert result is APIResponseValidationError
    elif result is not APIResponseValidationError:
        assert result == decoder.finish(reference)
    else:  # only the finishing step may refuse a body both paths decoded (CustomerResponse without data)
        with pytest.raises(Malformed):
            decoder.finish(reference)
