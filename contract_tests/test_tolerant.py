"""The generator's copy of the spec marks what the client sends, and the model template types fields by that mark."""

import copy
from pathlib import Path

import pytest
import yaml

from contract_tests.spec_helpers import spec
from devtools.generate import generate_into
from devtools.spec_io import Spec, SpecError
from devtools.tolerant import REQUEST_MARK, tolerant_copy


def _marked(doc: Spec) -> set[str]:
    return {name for name, schema in doc["components"]["schemas"].items() if schema.get(REQUEST_MARK)}


def _with_nested_objects() -> Spec:
    """The spec plus an inline object inside a request schema and one inside a response schema."""
    edited = copy.deepcopy(spec())
    schemas = edited["components"]["schemas"]
    nested = {"type": "object", "properties": {"city": {"type": "string"}}}
    schemas["CustomerUpsertParams"]["properties"]["billing"] = copy.deepcopy(nested)
    schemas["Customer"]["properties"]["billing"] = copy.deepcopy(nested)
    return edited


def test_only_the_request_body_schema_is_marked() -> None:
    assert _marked(tolerant_copy(spec())) == {"CustomerUpsertParams"}
    assert not _marked(spec())  # the spec itself is left alone


def test_inline_objects_follow_the_model_they_sit_in(tmp_path: Path) -> None:
    edited = tolerant_copy(_with_nested_objects())["components"]["schemas"]
    assert edited["CustomerUpsertParams"]["properties"]["billing"].get(REQUEST_MARK) is True
    assert REQUEST_MARK not in edited["Customer"]["properties"]["billing"]
    # End to end: the template reads the mark on the nested models the generator makes of them.
    spec_path = tmp_path / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(_with_nested_objects(), sort_keys=False))
    generate_into(tmp_path / "out", spec_path)
    models = tmp_path / "out" / "models"
    assert "    city: str | Unset = UNSET\n" in (models / "customer_upsert_params_billing.py").read_text()
    assert "    city: str | None = None\n" in (models / "customer_billing.py").read_text()


def test_an_object_schema_both_sent_and_received_is_refused() -> None:
    shared = copy.deepcopy(spec())
    shared["components"]["schemas"]["CustomerUpsertParams"]["properties"]["address"] = {
        "$ref": "#/components/schemas/Address"
    }
    with pytest.raises(SpecError, match=r"\['Address'\]"):
        tolerant_copy(shared)
