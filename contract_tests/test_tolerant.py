"""The generator's copy of the spec marks what the client sends, and the model template types fields by that mark."""

import copy
import re
from pathlib import Path

import pytest
import yaml

from contract_tests.spec_helpers import api_version, spec, validator
from devtools.generate import generate_into
from devtools.spec_io import Spec, SpecError
from devtools.tolerant import REQUEST_MARK, response_only_schemas, tolerant_copy


def _marked(doc: Spec) -> set[str]:
    return {name for name, schema in doc["components"]["schemas"].items() if schema.get(REQUEST_MARK)}


def _edited() -> Spec:
    """The spec plus an inline object inside a request schema and one inside a response schema, and one more
    operation (a copy of the lead list) that takes the shared version header like every other."""
    edited = copy.deepcopy(spec())
    schemas = edited["components"]["schemas"]
    nested = {"type": "object", "properties": {"city": {"type": "string"}}}
    schemas["CustomerUpsertParams"]["properties"]["billing"] = copy.deepcopy(nested)
    schemas["Customer"]["properties"]["billing"] = copy.deepcopy(nested)
    extra = {**copy.deepcopy(edited["paths"]["/leads"]["get"]), "operationId": "listPins"}
    edited["paths"]["/pins"] = {"get": extra}
    return edited


@pytest.fixture(scope="module")
def generated_from_edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated package of ``_edited()``, made once for the tests below (a generation takes seconds)."""
    tmp = tmp_path_factory.mktemp("edited")
    spec_path = tmp / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(_edited(), sort_keys=False))
    generate_into(tmp / "out", spec_path)
    return tmp / "out"


def test_only_the_request_body_schemas_are_marked() -> None:
    assert _marked(tolerant_copy(spec())) == {"CustomerUpsertParams", "LeadUpsertParams"}
    assert not _marked(spec())  # the spec itself is left alone


def test_inline_objects_follow_the_model_they_sit_in(generated_from_edited: Path) -> None:
    edited = tolerant_copy(_edited())["components"]["schemas"]
    assert edited["CustomerUpsertParams"]["properties"]["billing"].get(REQUEST_MARK) is True
    assert REQUEST_MARK not in edited["Customer"]["properties"]["billing"]
    # End to end: the template reads the mark on the nested models the generator makes of them.
    models = generated_from_edited / "models"
    assert "    city: str | Unset = UNSET\n" in (models / "customer_upsert_params_billing.py").read_text()
    assert "    city: str | None = None\n" in (models / "customer_billing.py").read_text()


def test_an_added_operation_needs_no_generator_config_for_the_version_header(generated_from_edited: Path) -> None:
    # The generator names an inline enum after its operation; without the tolerant copy's naming, every operation
    # had its own copy of the version enum unless spec/generator.yaml renamed it.
    version = re.escape(f'"{api_version()}"')
    holders = [p.name for p in (generated_from_edited / "models").glob("*.py") if re.search(version, p.read_text())]
    assert holders == ["rotor_api_version.py"]
    builder = (generated_from_edited / "api" / "leads" / "list_pins.py").read_text()
    assert "rotor_api_version: RotorApiVersion = RotorApiVersion." in builder  # typed by the one enum, defaulted


def test_every_response_enum_takes_unknown_values_in_the_generators_copy() -> None:
    # Nullable enums (anyOf [enum, null], e.g. Lead.priority) included: an unknown value must reach the client.
    tolerant = tolerant_copy(spec())
    checked = []
    for name in sorted(response_only_schemas(spec())):
        for prop_name, prop in spec()["components"]["schemas"][name].get("properties", {}).items():
            if "enum" not in str(_resolved_members(prop)):
                continue
            loose = tolerant["components"]["schemas"][name]["properties"][prop_name]
            assert list(validator(loose).iter_errors("a-value-added-later")) == [], f"{name}.{prop_name}"
            checked.append(f"{name}.{prop_name}")
    assert {"Customer.status", "Lead.priority", "LeadUpsertResult.priority"} <= set(checked)


def _resolved_members(prop: dict[str, object]) -> list[object]:
    members = prop.get("anyOf", [prop])
    assert isinstance(members, list)
    schemas = spec()["components"]["schemas"]
    return [schemas[m["$ref"].rsplit("/", 1)[-1]] if "$ref" in m else m for m in members]


def test_an_object_schema_both_sent_and_received_is_refused() -> None:
    shared = copy.deepcopy(spec())
    shared["components"]["schemas"]["CustomerUpsertParams"]["properties"]["address"] = {
        "$ref": "#/components/schemas/Address"
    }
    with pytest.raises(SpecError, match=r"\['Address'\]"):
        tolerant_copy(shared)
