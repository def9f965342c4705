"""scripts/diff-spec on one-edit variants of the real spec: every rule, with the verdict a client would give."""

import copy
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from contract_tests.in_process import run_main
from contract_tests.spec_helpers import spec
from devtools.bump import next_minor
from devtools.paths import SPEC
from devtools.spec_diff import RULES, diff_specs
from devtools.spec_diff.__main__ import main as diff_spec_main
from devtools.spec_edit import enum_varname

Edit = Callable[[dict[str, Any]], None]


def _list_get(s: dict[str, Any]) -> dict[str, Any]:
    op: dict[str, Any] = s["paths"]["/customers"]["get"]
    return op


def _schemas(s: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = s["components"]["schemas"]
    return schemas


def _drop_param(name: str) -> Edit:
    def edit(s: dict[str, Any]) -> None:
        op = _list_get(s)
        op["parameters"] = [p for p in op["parameters"] if p.get("name") != name]

    return edit


def _drop_param_of(path: str, name: str) -> Edit:
    def edit(s: dict[str, Any]) -> None:
        op = s["paths"][path]["get"]
        op["parameters"] = [p for p in op["parameters"] if p.get("name") != name]

    return edit


def _param_of(path: str, name: str, **changes: Any) -> Edit:
    def edit(s: dict[str, Any]) -> None:
        for p in s["paths"][path]["get"]["parameters"]:
            if p.get("name") == name:
                p.update(changes)

    return edit


def _add_param(required: bool) -> Edit:
    def edit(s: dict[str, Any]) -> None:
        _list_get(s)["parameters"].append(
            {"name": "region", "in": "query", "required": required, "schema": {"type": "string"}}
        )

    return edit


def _param(name: str, **changes: Any) -> Edit:
    def edit(s: dict[str, Any]) -> None:
        for p in _list_get(s)["parameters"]:
            if p.get("name") == name:
                p.update(changes)

    return edit


def _component_param(name: str, **schema_changes: Any) -> Edit:
    def edit(s: dict[str, Any]) -> None:
        s["components"]["parameters"][name]["schema"].update(schema_changes)

    return edit


def _set(path: list[str], value: Any) -> Edit:
    def edit(s: dict[str, Any]) -> None:
        node = s
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return edit


def _delete(path: list[str]) -> Edit:
    def edit(s: dict[str, Any]) -> None:
        node = s
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return edit


def _bump_version(s: dict[str, Any]) -> None:
    # Relative to the spec as it is, so the case still bumps after the project itself has bumped.
    new = next_minor(s["info"]["version"])
    s["info"]["version"] = new
    s["components"]["parameters"]["RotorApiVersion"]["schema"].update(
        enum=[new], default=new, **{"x-enum-varnames": [enum_varname(new)]}
    )


def _enum(schema: str, *, add: str = "", drop: str = "") -> Edit:
    """Add or drop one value relative to the enum as it is, so an enum that grew in a bump keeps its cases."""

    def edit(s: dict[str, Any]) -> None:
        values = _schemas(s)[schema]["enum"]
        assert add not in values and (not drop or drop in values)
        _schemas(s)[schema]["enum"] = [v for v in values if v != drop] + ([add] if add else [])

    return edit


def _add_operation(s: dict[str, Any]) -> None:
    s["paths"]["/invoices"] = {
        "get": {**copy.deepcopy(_list_get(s)), "operationId": "listInvoices", "tags": ["invoices"]}
    }


def _require_upsert_field(s: dict[str, Any]) -> None:
    _schemas(s)["CustomerUpsertParams"]["required"] = ["email"]


def _add_required_upsert_field(s: dict[str, Any]) -> None:
    _schemas(s)["CustomerUpsertParams"]["properties"]["region"] = {"type": "string"}
    _schemas(s)["CustomerUpsertParams"]["required"] = ["region"]


CUSTOMER = ["components", "schemas", "Customer", "properties"]
UPSERT = ["components", "schemas", "CustomerUpsertParams", "properties"]

# (id, edit, the rules it must trigger, breaking?)
CASES: list[tuple[str, Edit, set[str], bool]] = [
    ("remove an operation", _delete(["paths", "/customers/{id}"]), {"operation-removed"}, True),
    ("add an operation", _add_operation, {"operation-added"}, False),
    ("remove a parameter", _drop_param("search"), {"parameter-removed"}, True),
    ("add an optional parameter", _add_param(False), {"parameter-added-optional"}, False),
    ("add a required parameter", _add_param(True), {"parameter-added-required"}, True),
    ("make a parameter required", _param("search", required=True), {"parameter-became-required"}, True),
    (
        "make the version header optional",
        _set(["components", "parameters", "RotorApiVersion", "required"], False),
        {"parameter-became-optional"},
        False,
    ),
    ("narrow limit's maximum", _component_param("Limit", maximum=500), {"request-bound-narrowed"}, True),
    ("raise page's minimum", _component_param("Page", minimum=2), {"request-bound-narrowed"}, True),
    ("widen limit's maximum", _component_param("Limit", maximum=5000), {"request-bound-widened"}, False),
    (
        "add a bound where none was",
        _param("search", schema={"type": "string", "minLength": 1, "maxLength": 50}),
        {"request-bound-narrowed"},
        True,
    ),
    ("change the default limit", _component_param("Limit", default=100), {"default-changed"}, True),
    (
        "remove a request enum value",
        _enum("CustomerStatus", drop="inactive"),
        {"request-enum-value-removed", "response-enum-value-removed"},
        True,
    ),
    (
        "add an enum value",
        _enum("CustomerStatus", add="archived"),
        {"request-enum-value-added", "response-enum-value-added"},
        False,
    ),
    (
        "add a response-only enum value",
        _enum("AuthMethod", add="oauth"),
        {"response-enum-value-added"},
        False,
    ),
    (
        # Lead.priority is nullable (anyOf [LeadPriority, null]): the response side must be seen through the anyOf.
        "remove a value of an enum that responses hold nullable",
        _enum("LeadPriority", drop="medium"),
        {"request-enum-value-removed", "response-enum-value-removed"},
        True,
    ),
    ("change a parameter's type", _component_param("Limit", type="string"), {"request-type-changed"}, True),
    (
        "widen a request field's type",
        _set([*UPSERT, "notes"], {"type": ["string", "null"]}),
        {"request-type-widened"},
        False,
    ),
    ("remove a request field", _delete([*UPSERT, "service_type"]), {"request-field-removed"}, True),
    (
        "add an optional request field",
        _set([*UPSERT, "region"], {"type": "string"}),
        {"request-field-added-optional"},
        False,
    ),
    ("add a required request field", _add_required_upsert_field, {"request-field-added-required"}, True),
    ("make a request field required", _require_upsert_field, {"request-field-became-required"}, True),
    ("remove a response field", _delete([*CUSTOMER, "source"]), {"response-field-removed"}, True),
    ("add a response field", _set([*CUSTOMER, "loyalty_tier"], {"type": "string"}), {"response-field-added"}, False),
    (
        "change a response field's type",
        _set([*CUSTOMER, "is_auto_pay"], {"type": "string"}),
        {"response-type-changed"},
        True,
    ),
    (
        "make a response field nullable",
        _set([*CUSTOMER, "email"], {"type": ["string", "null"]}),
        {"response-type-changed"},
        True,
    ),
    (
        "make a nullable response field non-null",
        _set([*CUSTOMER, "notes"], {"type": "string"}),
        {"response-type-narrowed"},
        False,
    ),
    (
        "drop a required nested response field",
        _set(["components", "schemas", "Address", "required"], ["city", "country", "state", "street1"]),
        {"response-field-became-optional"},
        True,
    ),
    (
        "require a response field",
        _set(["components", "schemas", "Pagination", "required"], ["total"]),
        {"response-field-became-required"},
        False,
    ),
    (
        "remove a documented status",
        _delete(["paths", "/customers/{id}", "get", "responses", "404"]),
        {"status-removed"},
        True,
    ),
    (
        "add a documented status",
        _set(["paths", "/auth/test", "get", "responses", "500"], {"$ref": "#/components/responses/InternalError"}),
        {"status-added"},
        False,
    ),
    ("bump the API version", _bump_version, {"api-version-changed"}, False),
    # The read-only lists: their own parameters, enums and required-everywhere items.
    ("remove the pin types list", _delete(["paths", "/pin-types"]), {"operation-removed"}, True),
    ("remove a pin filter", _drop_param_of("/pins", "pin_type_id"), {"parameter-removed"}, True),
    (
        "change the completed-jobs default",
        _param_of("/serviced-jobs", "only_completed", schema={"type": "boolean", "default": False}),
        {"default-changed"},
        True,
    ),
    (
        "add a service frequency (a filter's enum; plans answer free text)",
        _enum("ServiceFrequency", add="Fortnightly"),
        {"request-enum-value-added"},
        False,
    ),
    (
        "drop a service plan status (a filter's enum; plans answer a boolean)",
        _enum("ServicePlanStatus", drop="inactive"),
        {"request-enum-value-removed"},
        True,
    ),
    (
        "a pin's field no longer required",
        _set(["components", "schemas", "Pin", "required"], ["id", "created_at", "location", "pin_type"]),
        {"response-field-became-optional"},
        True,
    ),
    (
        "add a pin type field",
        _set(["components", "schemas", "PinType", "properties", "icon"], {"type": "string"}),
        {"response-field-added"},
        False,
    ),
]


@pytest.mark.parametrize(("edit", "rules", "breaking"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule_table(edit: Edit, rules: set[str], breaking: bool) -> None:
    new = copy.deepcopy(spec())
    edit(new)
    changes = diff_specs(spec(), new)
    assert {c.rule for c in changes} == rules, [c.as_dict() for c in changes]
    assert any(c.breaking for c in changes) is breaking
    assert diff_specs(spec(), new) == changes  # the same verdict on a repeated run


def test_relaxing_a_required_request_field() -> None:
    # The reverse of a table row: the spec as it was with `email` required, then as it is.
    before = copy.deepcopy(spec())
    _require_upsert_field(before)
    changes = diff_specs(before, spec())
    assert [(c.rule, c.breaking) for c in changes] == [("request-field-became-optional", False)]


def test_every_rule_is_exercised() -> None:
    exercised = set().union(*(rules for _, _, rules, _ in CASES)) | {"request-field-became-optional"}
    assert exercised == set(RULES)


def test_identical_specs_have_no_changes() -> None:
    assert diff_specs(spec(), copy.deepcopy(spec())) == []


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_main(diff_spec_main, list(args), "scripts/diff-spec")


def test_cli_exit_codes_and_json(tmp_path: Path) -> None:
    new = copy.deepcopy(spec())
    _delete([*CUSTOMER, "source"])(new)
    changed = tmp_path / "new.yaml"
    changed.write_text(yaml.safe_dump(new))
    breaking = _cli(str(SPEC), str(changed), "--json")
    assert breaking.returncode == 1
    payload = json.loads(breaking.stdout)
    assert payload["breaking"] is True and {c["rule"] for c in payload["changes"]} == {"response-field-removed"}
    human = _cli(str(SPEC), str(changed))
    assert human.returncode == 1 and "BREAKING" in human.stdout and "response-field-removed" in human.stdout
    assert _cli(str(SPEC), str(SPEC)).returncode == 0
    (tmp_path / "bad.yaml").write_text("openapi: 3.1.0\ninfo: {}\npaths: {}\n")
    invalid = _cli(str(SPEC), str(tmp_path / "bad.yaml"))
    assert invalid.returncode == 2 and "invalid OpenAPI" in invalid.stderr
    missing = _cli(str(SPEC), str(tmp_path / "nope.yaml"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
