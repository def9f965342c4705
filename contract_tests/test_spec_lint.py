"""The project's own rules for spec/openapi.yaml, on top of openapi-spec-validator."""

import re
from collections.abc import Iterator
from typing import Any

import pytest

from contract_tests.spec_helpers import operations, parameters, resolve, spec, validator
from devtools.paths import SOURCES
from devtools.spec_io import pointer, refs, validate_spec

pytestmark = pytest.mark.spec_derived


# What every operation's answers must include, by what the operation is (the spec lists the rest where the docs
# do): a bad request (A10), a missing or bad key, the quota; a refused scope when the operation needs one; a record
# that is not there when it reads one by id.
def required_errors(path: str, op: dict[str, Any]) -> set[str]:
    statuses = {"400", "401", "429"}
    if any(scopes for requirement in op.get("security", []) for scopes in requirement.values()):
        statuses.add("403")
    if "{id}" in path:
        statuses.add("404")
    return statuses


# An assumption in the spec names its id: the word, a space, the id in brackets.
ASSUMPTION_MENTION = re.compile(r"ASSUMPTION(?: \((A\d+)\))?")
SOURCES_ENTRY = re.compile(r"(?m)^\| (A\d+) \|")


def _pointer(ptr: str) -> Any:
    return pointer(spec(), ptr)


OPS = [pytest.param(path, method, op, id=f"{method.upper()} {path}") for path, method, op in operations()]


def test_spec_is_valid_openapi_31() -> None:
    assert spec()["openapi"].startswith("3.1")
    validate_spec(spec())


@pytest.mark.parametrize(("path", "method", "op"), OPS)
def test_operation_has_identity_and_auth(path: str, method: str, op: dict[str, Any]) -> None:
    assert re.fullmatch(r"[a-z][A-Za-z]+", op.get("operationId", "")), "camelCase operationId"
    assert op.get("summary")
    assert op.get("tags") and op["tags"][0] in {t["name"] for t in spec()["tags"]}
    # The generator ignores top-level security; only an operation-level entry makes it require a key. Its scopes
    # (A11, A25, A26) are what the mock enforces: at most one, none meaning any valid key.
    [requirement] = op.get("security", [{}])
    assert list(requirement) == ["ApiKeyAuth"] and len(requirement["ApiKeyAuth"]) <= 1


@pytest.mark.parametrize(("path", "method", "op"), OPS)
def test_operation_lists_documented_errors_with_examples(path: str, method: str, op: dict[str, Any]) -> None:
    responses = op["responses"]
    missing = required_errors(path, op) - set(responses)
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


LISTS = [pytest.param(p, op, id=f"GET {p}") for p, m, op in operations() if m == "get" and "limit" in parameters(op)]


@pytest.mark.parametrize(("path", "op"), LISTS)
def test_list_parameters_carry_bounds_defaults_and_enums(path: str, op: dict[str, Any]) -> None:
    # Every paginated list pages alike: the shared Limit and Page, never a copy that could drift.
    refs_used = {p.get("$ref") for p in op["parameters"]}
    assert {"#/components/parameters/Limit", "#/components/parameters/Page"} <= refs_used
    for name, param in parameters(op).items():
        if param["in"] != "query" or name in ("limit", "page"):
            continue
        schema = resolve(param["schema"])
        assert param.get("required", False) is False, f"{name}: a filter is optional"
        if "enum" in schema:
            assert "$ref" in param["schema"], f"{name}: an enum filter refers to its schema (one generated enum)"
        elif schema.get("type") == "string" and "format" not in schema:
            # An empty filter value is refused (A4, A21): say so in the schema, so client and mock both check it.
            assert schema.get("minLength") == 1, name


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


def test_every_stated_fact_names_its_source() -> None:
    text = SOURCES.read_text(encoding="utf-8")
    facts = text.split("## Stated facts", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in facts.splitlines() if line.startswith("| ") and not line.startswith("| What")]
    assert rows
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split(" | ")]
        assert len(cells) == 2 and all(cells), f"a fact and where the docs state it: {row}"
