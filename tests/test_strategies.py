"""The shared strategies draw what the spec allows, and draw it without rebuilding strategies per example."""

import json
from collections import Counter
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests import strategies


def test_each_subschema_strategy_is_built_once_and_bodies_stay_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    builds: Counter[str] = Counter()
    build = strategies._build_subschema_strategy

    def counting_build(schema: Any, **options: Any) -> Any:
        builds[json.dumps(schema, sort_keys=True)] += 1
        return build(schema, **options)

    monkeypatch.setattr(strategies, "_build_subschema_strategy", counting_build)
    monkeypatch.setattr(strategies, "_built", {})
    schema = {"$ref": "#/components/schemas/CustomerListResponse", "components": strategies._components()}
    validator = jsonschema.Draft202012Validator(schema)

    @settings(max_examples=30)
    @given(data=st.data())
    def draw_bodies(data: st.DataObject) -> None:
        validator.validate(data.draw(strategies.body_for("CustomerListResponse")))

    draw_bodies()
    assert builds, "objects were drawn without building their properties' strategies"
    assert max(builds.values()) == 1
