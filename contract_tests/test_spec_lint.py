"""The project's own rules for spec/openapi.yaml, on top of openapi-spec-validator."""

import re
from typing import Any

import pytest

from contract_tests.spec_helpers import operations, parameters, resolve, spec, validator
from devtools.spec_io import pointer, refs, validate_spec

# Error statuses the public docs list per operation (rotor-api-facts.md §1.2), plus the 400 we assume everywhere.
DOCUMENTED_ERRORS = {
    ("get", "/auth/test"): {"400", "401", "429"},
    ("post", "/customers"): {"400", "401", "403", "429", "500"},
    ("get", "/customers"): {"400", "401", "403", "429", "500"},
    ("get", "/customers/{id}"): {"400", "401", "403", "404", "429"},
}

# Every [INF] decision of rotor-api-facts.md §7, and where the spec must say "ASSUMPTION" about it.
ASSUMPTIONS = {
    "default limit": "#/components/parameters/Limit",
    "default page": "#/components/parameters/Page",
    "error status codes": "#/info",
    "is_auto_pay vs has_payment_method": "#/components/schemas/Customer",
    "400 on bad GET input": "#/components/responses/ValidationError",
    "scope per operation": "#/components/responses/Forbidden",
    "customer list ordering": "#/paths/~1customers/get",
    "version header required": "#/components/parameters/RotorApiVersion",
    "upsert 201 vs 200": "#/paths/~1customers/post",
    "search matching": "#/paths/~1customers/get/parameters/4",
    "tags any/all": "#/paths/~1customers/get/parameters/6",
    "customer id format": "#/components/schemas/Customer/properties/id",
    "upsert with an unknown id": "#/components/schemas/CustomerUpsertParams/properties/id",
    "email validation": "#/components/schemas/CustomerUpsertParams/properties/email",
}


def _pointer(ptr: str) -> Any:
    return pointer(spec(), ptr)


OPS = [pytest.param(path, method, op, id=f"{method.upper()} {path}") for path, method, op in operations()]


def test_spec_is_valid_openapi_31() -> None:
    assert spec()["openapi"].startswith("3.1")
    validate_spec(spec())


def test_documented_operations_are_all_modelled() -> None:
    assert {(m, p) for p, m, _ in operations()} == set(DOCUMENTED_ERRORS)


@pytest.mark.parametrize(("path", "method", "op"), OPS)
def test_operation_has_identity_and_auth(path: str, method: str, op: dict[str, Any]) -> None:
    assert re.fullmatch(r"[a-z][A-Za-z]+", op.get("operationId", "")), "camelCase operationId"
    assert op.get("summary")
    assert op.get("tags") and op["tags"][0] in {t["name"] for t in spec()["tags"]}
    # The generator ignores top-level security; only an operation-level entry makes it require a key.
    assert op.get("security") == [{"ApiKeyAuth": []}]


@pytest.mark.parametrize(("path", "method", "op"), OPS)
def test_operation_lists_documented_errors_with_examples(path: str, method: str, op: dict[str, Any]) -> None:
    responses = op["responses"]
    missing = DOCUMENTED_ERRORS[(method, path)] - set(responses)
    assert not missing, f"undocumented error statuses: {missing}"
    for status, raw in responses.items():
        media = resolve(raw)["content"]["application/json"]
        assert media.get("examples"), f"{status} has no example"


@pytest.mark.parametrize(("path", "method", "op"), OPS)
def test_operation_sends_version_header_with_default(path: str, method: str, op: dict[str, Any]) -> None:
    header = parameters(op)["rotor-api-version"]
    assert header["in"] == "header"
    assert header["required"] is True
    assert header["schema"]["enum"] == [spec()["info"]["version"]]
    assert header["schema"]["default"] == spec()["info"]["version"]


def test_list_parameters_carry_bounds_defaults_and_enums() -> None:
    params = parameters(spec()["paths"]["/customers"]["get"])
    assert params["limit"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50}
    assert params["page"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 2**53 - 1, "default": 1}
    assert params["archived"]["schema"] == {"type": "boolean", "default": False}
    assert resolve(params["status"]["schema"])["enum"] == ["active", "inactive"]
    assert {"search", "tags"} <= params.keys()


def test_no_unused_components() -> None:
    used: set[str] = set()
    todo = list(refs(spec()["paths"]))
    while todo:
        ref = todo.pop()
        if ref not in used:
            used.add(ref)
            todo.extend(refs(_pointer(ref)))
    components = spec()["components"]
    declared = {
        f"#/components/{kind}/{name}"
        for kind in ("schemas", "responses", "parameters", "links")
        for name in components[kind]
    }
    assert declared - used == set()
    assert set(components["securitySchemes"]) == {"ApiKeyAuth"}


def _examples() -> list[Any]:
    found = []
    for path, method, op in operations():
        body = op.get("requestBody", {}).get("content", {}).get("application/json")
        media_list = [("request", body)] if body else []
        media_list += [(status, resolve(r)["content"]["application/json"]) for status, r in op["responses"].items()]
        for where, media in media_list:
            for name, example in media.get("examples", {}).items():
                label = f"{method.upper()} {path} {where} {name}"
                found.append(pytest.param(media["schema"], example["value"], id=label))
    return found


@pytest.mark.parametrize(("schema", "value"), _examples())
def test_every_example_validates_against_its_schema(schema: dict[str, Any], value: Any) -> None:
    errors = [e.message for e in validator(schema).iter_errors(value)]
    assert errors == []


@pytest.mark.parametrize(("topic", "pointer"), ASSUMPTIONS.items())
def test_every_inferred_choice_is_labelled(topic: str, pointer: str) -> None:
    node = _pointer(pointer)
    assert "ASSUMPTION" in node.get("description", ""), f"{topic}: say what we assumed at {pointer}"
