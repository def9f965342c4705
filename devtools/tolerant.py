"""The tolerant reader's copy of the spec, used only for generating the client.

The contract spec stays strict (the mock and schemathesis hold the server to it). A client, though, must not lose
a whole page because the server added an enum value: the generated models would raise on it. So, for generation
only, every enum-typed property of a schema that appears in responses (and never in a request body) becomes
``anyOf: [<the enum>, string]``. The generator then types it ``CustomerStatus | str``: known values are the enum,
unknown ones stay strings and round-trip. Request-side enums stay strict, so callers cannot send unknown values.
"""

import copy
from collections.abc import Iterator
from typing import Any

from devtools.spec_io import Spec, refs

_REF_PREFIX = "#/components/schemas/"


def _refs(node: Any) -> Iterator[str]:
    """Names of the component schemas ``node`` refers to."""
    return (ref[len(_REF_PREFIX) :] for ref in refs(node) if ref.startswith(_REF_PREFIX))


def _closure(spec: Spec, roots: Any) -> set[str]:
    schemas = spec.get("components", {}).get("schemas", {})
    seen: set[str] = set()
    todo = list(_refs(roots))
    while todo:
        name = todo.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        todo.extend(_refs(schemas[name]))
    return seen


def _operations(spec: Spec) -> Iterator[dict[str, Any]]:
    for item in spec.get("paths", {}).values():
        for method, op in item.items():
            if method in {"get", "put", "post", "delete", "patch", "head", "options"}:
                yield op


def response_only_schemas(spec: Spec) -> set[str]:
    ops = list(_operations(spec))
    components = spec.get("components", {})
    in_responses = _closure(spec, [[op.get("responses", {}) for op in ops], components.get("responses", {})])
    in_requests = _closure(
        spec, [[op.get("requestBody", {}), op.get("parameters", [])] for op in ops] + [components.get("parameters", {})]
    )
    return in_responses - in_requests


def _is_enum(spec: Spec, prop: Any) -> bool:
    if not isinstance(prop, dict):
        return False
    if "enum" in prop:
        return True
    ref = prop.get("$ref", "")
    target = spec.get("components", {}).get("schemas", {}).get(ref[len(_REF_PREFIX) :]) if ref else None
    return isinstance(target, dict) and "enum" in target


def tolerant_copy(spec: Spec) -> Spec:
    out = copy.deepcopy(spec)
    schemas = out.get("components", {}).get("schemas", {})
    for name in sorted(response_only_schemas(spec)):
        for prop_name, prop in schemas[name].get("properties", {}).items():
            if _is_enum(spec, prop):
                schemas[name]["properties"][prop_name] = {
                    "anyOf": [prop, {"type": "string"}],
                    "description": "Known values are typed; a value this client does not know is kept as a string.",
                }
    return out
