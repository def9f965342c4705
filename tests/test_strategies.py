"""The shared strategies draw what the spec allows, and draw it without rebuilding strategies per example."""

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from tests import strategies


@pytest.fixture
def fresh_body_strategies() -> Iterator[None]:
    # body_for keeps what it built: built anew here, and not kept past the test (its builders may be patched).
    strategies.body_for.cache_clear()
    yield
    strategies.body_for.cache_clear()


def _draw_valid(schema_name: str, examples: int, most_items: int | None = None) -> list[Any]:
    """``examples`` bodies drawn for ``schema_name``, each checked against the spec's schema."""
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": strategies._components()}
    validator = jsonschema.Draft202012Validator(schema)
    drawn: list[Any] = []

    @settings(max_examples=examples)
    @given(data=st.data())
    def draw_bodies(data: st.DataObject) -> None:
        body = data.draw(strategies.body_for(schema_name, most_items))
        validator.validate(body)
        drawn.append(body)

    draw_bodies()
    return drawn


def _arrays(node: Any) -> Iterator[dict[str, Any]]:
    """Every array schema under ``node``."""
    if isinstance(node, dict):
        if strategies.is_array(node):
            yield node
        for child in node.values():
            yield from _arrays(child)
    elif isinstance(node, list):
        for child in node:
            yield from _arrays(child)


def test_bodies_with_few_items_are_valid_and_still_hold_lists() -> None:
    # The malformed bodies start from these: every array the spec declares capped at two, none emptied. (A key the
    # schema does not name may hold any JSON, longer lists included: those are not the spec's arrays.) What a
    # derandomized run draws depends on the modules loaded before it, so the cap is read from the schemas, and the
    # drawn bodies are only held to it.
    spec_arrays, capped = list(_arrays(strategies._components())), list(_arrays(strategies._components(2)))
    assert len(capped) == len(spec_arrays) and any(a.get("maxItems", 3) > 2 for a in spec_arrays)
    assert all(a["maxItems"] == min(s.get("maxItems", 2), 2) for a, s in zip(capped, spec_arrays, strict=True))
    assert all(a.get("minItems", 0) <= a["maxItems"] for a in capped)
    lists = [body.get("data", []) for body in _draw_valid("CustomerListResponse", 30, most_items=2)]
    assert max(len(records) for records in lists) <= 2
    assert all(len(record.get("tags") or []) <= 2 for records in lists for record in records)


@pytest.mark.usefixtures("fresh_body_strategies")
def test_each_subschema_strategy_is_built_once_and_bodies_stay_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    builds: Counter[str] = Counter()
    build = strategies._build_subschema_strategy

    def counting_build(schema: Any, **options: Any) -> Any:
        builds[json.dumps(schema, sort_keys=True)] += 1
        return build(schema, **options)

    monkeypatch.setattr(strategies, "_build_subschema_strategy", counting_build)
    monkeypatch.setattr(strategies, "_built", {})
    _draw_valid("CustomerListResponse", 30)
    assert builds, "objects were drawn without building their properties' strategies"
    assert max(builds.values()) == 1


@pytest.mark.usefixtures("fresh_body_strategies")
def test_the_spec_objects_are_drawn_plain_and_varied(monkeypatch: pytest.MonkeyPatch) -> None:
    built: Counter[str] = Counter()
    library, plain = strategies._library_object_strategy, strategies._plain_object_strategy

    def counting_library(custom_formats: Any, alphabet: Any, schema: Any) -> Any:
        built["library"] += 1
        return library(custom_formats, alphabet, schema)

    def counting_plain(schema: Any, value: Any) -> Any:
        built["plain"] += 1
        return plain(schema, value)

    monkeypatch.setattr(strategies, "_library_object_strategy", counting_library)
    monkeypatch.setattr(strategies, "_plain_object_strategy", counting_plain)
    customers = [c for page in _draw_valid("CustomerListResponse", 60) for c in page.get("data", [])]
    assert built["plain"] and not built["library"], f"every object the spec declares is plain: {built}"
    declared = list(strategies._components()["schemas"]["Customer"]["properties"])
    # What the decoder properties need from the bodies: keys the spec does not name (kept, never lost), optional
    # properties left out, and keys in another order than the spec's.
    assert any(set(c) - set(declared) for c in customers), "no customer had a key the spec does not name"
    assert any(set(declared) - set(c) for c in customers), "every customer had every property"
    orders = [[k for k in c if k in declared] for c in customers]
    assert any(order != sorted(order, key=declared.index) for order in orders), "keys always came in the spec's order"


@pytest.mark.parametrize(
    "constraint",
    [{"additionalProperties": False}, {"additionalProperties": {"type": "integer"}}, {"maxProperties": 1}],
    ids=["closed", "typed-additional", "bounded"],
)
def test_objects_with_other_constraints_stay_the_librarys(constraint: dict[str, Any]) -> None:
    # Not plain: drawn by hypothesis-jsonschema itself, and still valid (drawn as plain, each would break its rule).
    schema = {"type": "object", "properties": {"a": {"type": "integer"}, "b": {"type": "string"}}, **constraint}
    validator = jsonschema.Draft202012Validator(schema)

    @settings(max_examples=30)
    @given(body=from_schema(schema))
    def draw(body: Any) -> None:
        validator.validate(body)

    draw()


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "number"},
        {"type": "number", "minimum": -2.5, "exclusiveMaximum": 3},
        {"type": "number", "minimum": 0.1, "maximum": 0.9},
    ],
    ids=["unbounded", "bounded", "no-integer-between"],
)
def test_numbers_are_drawn_with_and_without_a_fraction(schema: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(schema)
    kinds: set[type] = set()

    @settings(max_examples=60)
    @given(number=from_schema(schema))
    def draw(number: Any) -> None:
        validator.validate(number)
        kinds.add(type(number))

    draw()
    assert kinds == ({float} if schema.get("maximum") == 0.9 else {int, float})
