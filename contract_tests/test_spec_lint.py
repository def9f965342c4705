"""The project's own rules for spec/openapi.yaml, on top of openapi-spec-validator."""

import re
from collections.abc import Iterator
from typing import Any

import pytest

from contract_tests.spec_helpers import operations, parameters, resolve, spec, validator
from devtools.paths import SOURCES
from devtools.spec_io import pointer, refs, validate_spec

# Error statuses the public docs list per operation (spec/SOURCES.md, stated facts), plus the 400 we assume everywhere.
DOCUMENTED_ERRORS = {
    ("get", "/auth/test"): {"400", "401", "429"},
    ("post", "/customers"): {"400", "401", "403", "429", "500"},
    ("get", "/customers"): {"400", "401", "403", "429", "500"},
    ("get", "/customers/{id}"): {"400", "401", "403", "404", "429"},
    ("post", "/leads"): {"400", "401", "403", "429", "500"},  # the customer upsert's set (A23): none recorded
    ("get", "/leads"): {"400", "401", "403", "429", "500"},
    ("get", "/leads/{id}"): {"400", "401", "403", "404", "429", "500"},
    ("get", "/pins"): {"400", "401", "403", "429", "500"},
    ("get", "/pin-types"): {"400", "401", "403", "429", "500"},
    ("get", "/service-plans"): {"400", "401", "403", "429", "500"},
    ("get", "/serviced-jobs"): {"400", "401", "403", "429", "500"},  # the other lists' set (A33): none recorded
}

# Every assumption in spec/SOURCES.md, and the place whose description must state it ("ASSUMPTION (An): ...").
ASSUMPTIONS = {
    "A1": "#/info",  # error status codes
    "A2": "#/paths/~1customers/get",  # customer list ordering
    "A3": "#/paths/~1customers/get/parameters/4",  # search matching
    "A4": "#/paths/~1customers/get/parameters/6",  # tags any/all
    "A5": "#/paths/~1customers/post",  # upsert 201 vs 200
    "A6": "#/components/schemas/Customer/properties/id",  # customer id format
    "A7": "#/components/parameters/RotorApiVersion",  # version header required
    "A8": "#/components/parameters/Limit",  # default limit
    "A9": "#/components/parameters/Page",  # default page
    "A10": "#/components/responses/ValidationError",  # 400 on bad GET input
    "A11": "#/components/responses/Forbidden",  # scope per operation
    "A12": "#/components/schemas/Address",  # address mirrors property_*
    "A13": "#/components/schemas/Customer",  # is_auto_pay vs has_payment_method
    "A14": "#/components/schemas/Customer/properties/location",  # coordinate order
    "A15": "#/components/schemas/CustomerUpsertParams/properties/id",  # upsert with an unknown id
    "A16": "#/components/schemas/CustomerUpsertParams/properties/email",  # email validation
    "A17": "#/components/schemas/ErrorResponse",  # status and message always present
    "A18": "#/components/schemas/CustomerUpsertResult",  # the upsert's answer names its record
    "A19": "#/paths/~1leads/get/parameters/4",  # the lead search parameter's name
    "A20": "#/paths/~1leads/get/parameters/4",  # lead search matching
    "A21": "#/paths/~1leads/get",  # empty lead filters
    "A22": "#/paths/~1leads/get/parameters/5",  # stage matching
    "A23": "#/paths/~1leads/post",  # lead upsert error statuses
    "A24": "#/components/schemas/LeadUpsertResult",  # the lead upsert's answer beyond the documented fields
    "A25": "#/components/responses/Forbidden",  # lead scopes
    "A26": "#/components/responses/Forbidden",  # scopes of pins, pin types, service plans, serviced jobs
    "A27": "#/paths/~1pins/get/parameters/3",  # pin filters compare exactly
    "A28": "#/paths/~1pin-types/get",  # pin types in a stable order
    "A29": "#/paths/~1service-plans/get/parameters/3",  # date-time filters: UTC without offset; empty ranges
    "A30": "#/paths/~1service-plans/get",  # empty service_type
    "A31": "#/paths/~1service-plans/get/parameters/5",  # frequency, service_type, sold_by compare exactly
    "A32": "#/paths/~1service-plans/get/parameters/8",  # status <=> active
    "A33": "#/paths/~1serviced-jobs/get",  # serviced jobs error statuses
    "A34": "#/paths/~1serviced-jobs/get/parameters/3",  # completed jobs within the non-archived, non-quote ones
    "A35": "#/components/schemas/ServicedJob/properties/service_plan_id",  # null without a plan
    "A36": "#/components/schemas/Customer/properties/id",  # records always carry their id
    "A37": "#/components/responses/ValidationError",  # query booleans are only true or false
    "A38": "#/components/responses/ValidationError",  # a repeated query parameter is a 400
    "A39": "#/components/responses/NotFound",  # a path that names no operation is the API's JSON 404
}
# An assumption in the spec names its id: the word, a space, the id in brackets.
ASSUMPTION_MENTION = re.compile(r"ASSUMPTION(?: \((A\d+)\))?")
SOURCES_ENTRY = re.compile(r"(?m)^\| (A\d+) \|")


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


@pytest.mark.parametrize(("path", "filters"), [("/customers", {"status"}), ("/leads", {"stage"})])
def test_list_parameters_carry_bounds_defaults_and_enums(path: str, filters: set[str]) -> None:
    params = parameters(spec()["paths"][path]["get"])
    assert params["limit"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50}
    assert params["page"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 2**53 - 1, "default": 1}
    assert params["archived"]["schema"] == {"type": "boolean", "default": False}
    # Every list takes the same filters besides its own, and an empty filter value is refused (A4, A21).
    assert params.keys() == {"rotor-api-version", "archived", "limit", "page", "search", "tags"} | filters
    for name in {"search", "tags"} | filters - {"status"}:
        assert params[name]["schema"] == {"type": "string", "minLength": 1}, name
    if "status" in filters:
        assert resolve(params["status"]["schema"])["enum"] == ["active", "inactive"]


def test_every_upsert_links_to_reading_its_record_back() -> None:
    # schemathesis' stateful phase follows these links: without one, no generated sequence reads an upserted record.
    upserts = [(path, op) for path, method, op in operations() if method == "post"]
    assert upserts
    for path, op in upserts:
        retrieve = spec()["paths"][f"{path}/{{id}}"]["get"]["operationId"]
        for status in ("200", "201"):
            links = [resolve(link) for link in op["responses"][status].get("links", {}).values()]
            targets = [(link["operationId"], link["parameters"]) for link in links]
            assert (retrieve, {"id": "$response.body#/id"}) in targets, f"POST {path} {status}"


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


@pytest.mark.parametrize(("assumption", "pointer"), ASSUMPTIONS.items())
def test_every_inferred_choice_is_labelled(assumption: str, pointer: str) -> None:
    node = _pointer(pointer)
    assert f"ASSUMPTION ({assumption})" in node.get("description", ""), f"say what we assumed at {pointer}"


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _spec_assumption_ids() -> list[str | None]:
    return [m.group(1) for text in _strings(spec()) for m in ASSUMPTION_MENTION.finditer(text)]


def _sources_ids() -> list[str]:
    return SOURCES_ENTRY.findall(SOURCES.read_text(encoding="utf-8"))


def test_every_assumption_in_the_spec_names_its_id() -> None:
    assert _spec_assumption_ids() and None not in _spec_assumption_ids(), "write ASSUMPTION (An), with An in SOURCES.md"


def test_assumption_ids_and_sources_agree() -> None:
    listed = _sources_ids()
    assert len(listed) == len(set(listed)), "an id is listed twice in spec/SOURCES.md"
    used = set(_spec_assumption_ids())
    assert used - set(listed) == set(), "assumptions the spec names but spec/SOURCES.md does not explain"
    assert set(listed) - used == set(), "assumptions spec/SOURCES.md lists but the spec never names"
    assert set(ASSUMPTIONS) == set(listed), "give every listed assumption its place in ASSUMPTIONS above"


def test_every_stated_fact_names_its_source() -> None:
    text = SOURCES.read_text(encoding="utf-8")
    facts = text.split("## Stated facts", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in facts.splitlines() if line.startswith("| ") and not line.startswith("| What")]
    assert rows
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split(" | ")]
        assert len(cells) == 2 and all(cells), f"a fact and where the docs state it: {row}"
