"""The generator's copy of the spec: tolerant response enums, request schemas marked as such, and shared
parameter enums named once.

The contract spec stays strict (the mock and schemathesis hold the server to it). A client, though, must not lose
a whole page because the server added an enum value: the generated models would raise on it. So, for generation
only, every enum-typed property of a schema that appears in responses (and never in a request) becomes
``anyOf: [<the enum>, string]`` (a nullable one, ``anyOf: [<the enum>, string, null]``). The generator then types
it ``CustomerStatus | str``: known values are the enum, unknown ones stay strings and round-trip. Request-side
enums stay strict, so callers cannot send unknown values.

The generator names an inline enum after the operation that uses it: the version header, one parameter shared by
every operation, would become one enum class per operation (``ListCustomersRotorApiVersion``, ...), each needing
a ``class_overrides`` entry to be ``RotorApiVersion`` again. So the inline enum of every shared parameter
(``components/parameters``) becomes a schema of the parameter's name, which the generator makes one class of,
whatever operations are added. A ``$ref`` in the spec itself would not do: the generator drops the default of a
referenced schema, and only keeps one written beside a single-item ``allOf``.

Every object schema the client sends (reachable from a request body or a parameter) gets ``x-rotor-request: true``.
``spec/templates/model.py.jinja`` reads it: request models keep ``T | Unset = UNSET`` (leaving a field out and
sending null do different things on the server), while every other model reads ``T | None = None``. Deriving
the mark from where a schema is used, rather than from its name, means no naming rule can be broken. An object
schema used both ways cannot be both, so generation refuses it.
"""

import copy
from collections.abc import Iterator
from typing import Any

from devtools.spec_io import Spec, SpecError, refs, resolve

_REF_PREFIX = "#/components/schemas/"
# Read by spec/templates/model.py.jinja (as model.data.model_extra); keep the two spellings in step.
REQUEST_MARK = "x-rotor-request"
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_VALUES = ("items", "additionalProperties", "not")


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


def _request_roots(spec: Spec) -> list[Any]:
    """Request bodies and parameters, each resolved (a ``$ref`` to components/requestBodies names no schema)."""
    ops = list(_operations(spec))
    bodies = [resolve(spec, op["requestBody"]) for op in ops if "requestBody" in op]
    params = [resolve(spec, p) for op in ops for p in op.get("parameters", [])]
    return bodies + params + list(spec.get("components", {}).get("parameters", {}).values())


def _response_roots(spec: Spec) -> list[Any]:
    ops = list(_operations(spec))
    return [op.get("responses", {}) for op in ops] + [spec.get("components", {}).get("responses", {})]


def response_only_schemas(spec: Spec) -> set[str]:
    return _closure(spec, _response_roots(spec)) - _closure(spec, _request_roots(spec))


def _is_object(schema: Any) -> bool:
    """Whether the generator makes a model class of ``schema`` (an enum or a scalar it does not)."""
    return isinstance(schema, dict) and (schema.get("type") == "object" or "properties" in schema or "allOf" in schema)


def _inline_schemas(root: Any) -> Iterator[dict[str, Any]]:
    """``root`` and every schema written inline inside it (not those behind a ``$ref``)."""
    if not isinstance(root, dict) or "$ref" in root:
        return
    yield root
    children = list(root.get("properties", {}).values())
    children += [root[key] for key in _SCHEMA_VALUES if key in root]
    children += [item for key in _SCHEMA_LISTS for item in root.get(key, [])]
    for child in children:
        yield from _inline_schemas(child)


def _request_body_schemas(root: Any) -> Iterator[Any]:
    """The schema of a parameter, or of each media type of a request body."""
    if isinstance(root, dict) and "schema" in root:
        yield root["schema"]
    for media in root.get("content", {}).values() if isinstance(root, dict) else ():
        if isinstance(media, dict) and "schema" in media:
            yield media["schema"]


def mark_request_schemas(spec: Spec) -> None:
    """Mark, in place, every schema the client sends (see the module docstring)."""
    schemas = spec.get("components", {}).get("schemas", {})
    sent = _closure(spec, _request_roots(spec))
    shared = sorted(name for name in sent & _closure(spec, _response_roots(spec)) if _is_object(schemas[name]))
    if shared:
        raise SpecError(
            f"schemas used in both requests and responses: {shared}. A request model keeps `Unset` for fields "
            "left out, a response model reads None: give the request side its own schema (say `<Name>Params`)."
        )
    roots = [schemas[name] for name in sorted(sent)]
    roots += [schema for root in _request_roots(spec) for schema in _request_body_schemas(root)]
    for root in roots:
        for schema in filter(_is_object, _inline_schemas(root)):
            schema[REQUEST_MARK] = True


def _is_enum(spec: Spec, prop: Any) -> bool:
    if not isinstance(prop, dict):
        return False
    if "enum" in prop:
        return True
    ref = prop.get("$ref", "")
    target = spec.get("components", {}).get("schemas", {}).get(ref[len(_REF_PREFIX) :]) if ref else None
    return isinstance(target, dict) and "enum" in target


def _is_nullable_enum(spec: Spec, prop: Any) -> bool:
    """``anyOf: [<an enum>, {type: 'null'}]``, the way a nullable enum is written in OpenAPI 3.1."""
    members = prop.get("anyOf", []) if isinstance(prop, dict) else []
    nulls = [m for m in members if m == {"type": "null"}]
    return len(members) == 2 and len(nulls) == 1 and all(_is_enum(spec, m) for m in members if m not in nulls)


def _tolerant(spec: Spec, prop: Any) -> Any:
    """A response property that also takes any string when it is an enum; otherwise the property as it is."""
    if _is_enum(spec, prop):
        members = [prop, {"type": "string"}]
    elif _is_nullable_enum(spec, prop):
        members = [m for m in prop["anyOf"] if m != {"type": "null"}] + [{"type": "string"}, {"type": "null"}]
    else:
        return prop
    return {
        "anyOf": members,
        "description": "Known values are typed; a value this client does not know is kept as a string.",
    }


def name_shared_parameter_enums(spec: Spec) -> None:
    """In place: each shared parameter's inline enum becomes ``components/schemas/<parameter name>``, referenced
    through a single-item ``allOf`` that keeps the default (see the module docstring)."""
    components = spec.get("components", {})
    schemas = components.setdefault("schemas", {})
    for name, param in components.get("parameters", {}).items():
        schema = param.get("schema")
        if not (isinstance(schema, dict) and "enum" in schema):
            continue
        if name in schemas:
            raise SpecError(
                f"parameter {name} has an inline enum and a schema of the same name exists: rename one of them"
            )
        schemas[name] = {key: value for key, value in schema.items() if key != "default"}
        wrapper: dict[str, Any] = {"allOf": [{"$ref": f"{_REF_PREFIX}{name}"}]}
        if "default" in schema:
            wrapper["default"] = schema["default"]
        param["schema"] = wrapper


def tolerant_copy(spec: Spec) -> Spec:
    out = copy.deepcopy(spec)
    schemas = out.get("components", {}).get("schemas", {})
    for name in sorted(response_only_schemas(spec)):
        properties = schemas[name].get("properties", {})
        for prop_name, prop in properties.items():
            properties[prop_name] = _tolerant(spec, prop)
    mark_request_schemas(out)
    name_shared_parameter_enums(out)
    return out
