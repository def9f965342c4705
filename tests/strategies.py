"""Hypothesis strategies shared by the unit tests: spec-valid bodies and malformed ones."""

import json
from functools import cache
from typing import Any

import hypothesis_jsonschema._from_schema as _hypothesis_jsonschema
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from hypothesis_jsonschema._canonicalise import get_integer_bounds

from devtools.paths import SPEC
from devtools.spec_io import load_spec


def _dumps(value: Any) -> bytes:
    # stdlib json: it writes integers of any size, which a broken server may send too.
    return json.dumps(value).encode()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


# hypothesis-jsonschema builds a new strategy for every property of every object it draws (canonicalising the
# property's schema each time): a third of the decoder tests' CPU. A strategy depends only on its schema, alphabet and
# formats and is immutable, so each is built once and reused; the same strategies draw the same values, so no example
# changes. Replaces the module's private builder, which the exact pin in requirements-dev.txt holds still (an upgrade
# that moves it fails this import; tests/test_strategies.py fails if the library stops calling it).
_SUBSCHEMA_BUILDER = "__from_schema"
_build_subschema_strategy = getattr(_hypothesis_jsonschema, _SUBSCHEMA_BUILDER)
_built: dict[tuple[str, int, int], st.SearchStrategy[Any]] = {}
_kept_alive: list[object] = []  # the alphabet and formats objects whose ids key _built


def _subschema_strategy(schema: Any, *, alphabet: Any, custom_formats: Any) -> st.SearchStrategy[Any]:
    key = (json.dumps(schema, sort_keys=True), id(alphabet), id(custom_formats))
    if key not in _built:
        _kept_alive.extend((alphabet, custom_formats))
        _built[key] = _build_subschema_strategy(schema, alphabet=alphabet, custom_formats=custom_formats)
    return _built[key]


setattr(_hypothesis_jsonschema, _SUBSCHEMA_BUILDER, _subschema_strategy)


# Its objects are drawn key by key, each key through a new filtered strategy (a fresh "not drawn yet" filter over the
# names), and that drawing was half of the decoder and error properties' CPU. Every object the spec declares is
# plain: properties, required, and no limit on other keys. Such an object is drawn here with Hypothesis's own
# fixed_dictionaries (required properties first, as the library does; each optional one present or not, in a drawn
# order), then up to three keys the schema does not name, with any JSON value: the same set of valid objects, for a
# fraction of the cost. Every other object schema (a key limit, patterns, dependencies, typed or closed
# additionalProperties) stays the library's. Replaces the module's private object builder (looked up whenever a
# schema is built, and held still by the exact pin); tests/test_strategies.py checks that it is used, and that what
# it draws stays valid and varied.
_library_object_strategy = _hypothesis_jsonschema.object_schema
_PLAIN_OBJECT_KEYWORDS = {"type", "properties", "required", "description", "title", "components"}
_MOST_UNNAMED_KEYS = 3


def _plain_object_strategy(schema: dict[str, Any], value: Any) -> st.SearchStrategy[dict[str, Any]]:
    """Objects of a plain object schema; ``value(subschema)`` is the strategy of a property's values."""
    properties: dict[str, Any] = schema.get("properties", {})
    required: list[str] = schema.get("required", [])
    named = st.fixed_dictionaries(
        {name: value(properties.get(name, {})) for name in required},
        optional={name: value(sub) for name, sub in properties.items() if name not in required},
    )
    unnamed_key = value({"type": "string"}).filter(lambda name: name not in properties and name not in required)
    unnamed = st.dictionaries(unnamed_key, value({}), max_size=_MOST_UNNAMED_KEYS)
    return st.builds(lambda named, unnamed: {**named, **unnamed}, named, unnamed)


def _object_strategy(custom_formats: Any, alphabet: Any, schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    if not set(schema) <= _PLAIN_OBJECT_KEYWORDS:
        return _library_object_strategy(custom_formats, alphabet, schema)

    def value(subschema: Any) -> st.SearchStrategy[Any]:
        return _subschema_strategy(subschema, alphabet=alphabet, custom_formats=custom_formats)

    return _plain_object_strategy(schema, value)


_hypothesis_jsonschema.object_schema = _object_strategy


# A JSON number may be written without a fraction, and servers do (``"projected_value": 100``), but
# hypothesis-jsonschema draws only floats for ``type: number``: no body ever held an integer there, and a decoder
# that turned such integers into floats passed every property. Integers within the schema's bounds are drawn too.
_library_number_strategy = _hypothesis_jsonschema.number_schema


def _number_strategy(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    floats = _library_number_strategy(schema)
    low, high = get_integer_bounds(schema)
    if low is not None and high is not None and low > high:
        return floats  # no integer between the bounds
    return floats | _hypothesis_jsonschema.integer_schema(schema)


_hypothesis_jsonschema.number_schema = _number_strategy


@cache
def _components(most_items: int | None = None) -> dict[str, Any]:
    components: dict[str, Any] = load_spec(SPEC)["components"]
    if most_items is not None:
        components = _at_most(components, most_items)
    return components


def is_array(schema: dict[str, Any]) -> bool:
    """Whether ``schema`` declares an array (``type: array``, or ``array`` among its types)."""
    kinds = schema.get("type")
    return kinds == "array" or (isinstance(kinds, list) and "array" in kinds)


def _at_most(node: Any, most_items: int) -> Any:
    """The schemas with every array holding at most ``most_items`` (a tighter maxItems, never a looser one)."""
    if isinstance(node, list):
        return [_at_most(item, most_items) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _at_most(value, most_items) for key, value in node.items()}
    if is_array(out):
        out["maxItems"] = min(out.get("maxItems", most_items), most_items)
    return out


@cache
def body_for(schema_name: str, most_items: int | None = None) -> st.SearchStrategy[Any]:
    """Bodies valid against a component schema of the spec, with real UUIDs where the spec says uuid; with
    ``most_items``, no array longer than that."""
    schema: dict[str, Any] = {"$ref": f"#/components/schemas/{schema_name}", "components": _components(most_items)}
    return from_schema(schema, custom_formats={"uuid": st.uuids().map(str)})


def _mutate(body: Any, data: st.DataObject) -> Any:
    """Replace one value somewhere in ``body`` with arbitrary JSON."""
    if isinstance(body, dict) and body:
        key = data.draw(st.sampled_from(sorted(body)))
        if data.draw(st.booleans()):
            return {**body, key: data.draw(json_values)}
        return {**body, key: _mutate(body[key], data)}
    if isinstance(body, list) and body:
        index = data.draw(st.integers(0, len(body) - 1))
        return [*body[:index], _mutate(body[index], data), *body[index + 1 :]]
    return data.draw(json_values)


@st.composite
def malformed_bytes(draw: st.DrawFn, schema_name: str) -> bytes:
    """Bytes a broken or unexpected server might send where ``schema_name`` is due."""
    kind = draw(st.sampled_from(["mutated", "truncated", "html", "empty", "random", "other_json"]))
    if kind == "html":
        return b"<html><body><h1>502 Bad Gateway</h1></body></html>"
    if kind == "empty":
        return b""
    if kind == "random":
        return draw(st.binary(max_size=64))
    if kind == "other_json":
        return _dumps(draw(json_values))
    # The body to truncate or mutate: valid, with at most two items in any array. One value is mutated, anywhere, and
    # every kind of field is still there to mutate; long lists only made each draw dearer (a third of the CPU of the
    # error and decoder properties that draw these).
    valid = _dumps(draw(body_for(schema_name, 2)))
    if kind == "truncated":
        return valid[: draw(st.integers(0, max(len(valid) - 1, 0)))]
    return _dumps(_mutate(json.loads(valid), draw(st.data())))
