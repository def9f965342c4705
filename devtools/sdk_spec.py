"""The SDK's resource layer as the spec and ``spec/sdk.yaml`` describe it: resources, methods, their shapes and
arguments. ``devtools/render_sdk.py`` renders code from it; tests read it to compute what to expect.

Everything here is derived: a fact the spec states is read from the spec, a name the spec cannot say from
``spec/sdk.yaml`` or from the conventions written at its top. An operation this module cannot place (an unknown
parameter type, a shape with no template) is an error naming it, never a silent gap.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from devtools.paths import SDK_CONFIG, SPEC
from devtools.spec_io import Spec, SpecError, api_version, load_spec, load_yaml, resolve

HTTP_METHODS = ("get", "post", "put", "patch", "delete")
PAGING = ("limit", "page")  # the paginated lists' own parameters, handled by the generic page core


class Shape(enum.Enum):
    PAGINATED_LIST = "paginated_list"  # {data: [...], pagination: {...}}: list, iteration, export
    WHOLE_LIST = "whole_list"  # {data: [...]}: every record in one answer
    RETRIEVE = "retrieve"  # GET .../{id}: {data: {...}}
    UPSERT = "upsert"  # POST with a body: the answer is the result
    CALL = "call"  # anything else: the answer is the result


class Kind(enum.Enum):
    """How the SDK takes a filter, and which ``rotor._validation`` check turns it into what the builder sends."""

    BOOLEAN = "boolean"
    ENUM = "enum"
    UUID = "uuid"
    DATE_TIME = "date_time"
    COMMA_LIST = "comma_list"
    INTEGER = "integer"
    TEXT = "text"


def snake(name: str) -> str:
    """``listPinTypes`` -> ``list_pin_types``; ``pin-types`` -> ``pin_types``."""
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace("-", "_")
    return name.lower()


def pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def ref_name(node: Any) -> str | None:
    ref = node.get("$ref") if isinstance(node, dict) else None
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


@attrs.frozen
class Param:
    name: str
    kind: Kind
    description: str
    default: Any = None  # the spec's default (booleans), else None: "not given"
    enum_class: str | None = None  # the generated enum of an ENUM
    minimum: int | None = None
    maximum: int | None = None


@attrs.frozen
class Method:
    name: str  # the SDK method: list, retrieve, create_or_update, test
    operation_id: str
    path: str
    http_method: str
    shape: Shape
    summary: str
    description: str
    module: str  # rotor_generated.api.<tag>.<module>
    response_model: str  # the generated model of the 200/201 answer
    item_model: str | None  # the record of a list or retrieve
    body_model: str | None  # the request model of an upsert
    params: tuple[Param, ...]  # the filters, in the spec's order (paging parameters aside)
    scope: str | None  # the scope a key needs (None: any valid key)
    tag: str

    @property
    def exports(self) -> bool:
        return self.shape is Shape.PAGINATED_LIST


@attrs.frozen
class Resource:
    name: str  # client.<name>
    singular: str
    description: str
    methods: tuple[Method, ...]
    export: bool

    @property
    def class_name(self) -> str:
        return pascal(self.name)

    @property
    def plural_words(self) -> str:
        return self.name.replace("_", " ")

    def method(self, name: str) -> Method | None:
        return next((m for m in self.methods if m.name == name), None)

    @property
    def paginated(self) -> Method | None:
        return next((m for m in self.methods if m.shape is Shape.PAGINATED_LIST), None)


@attrs.frozen
class SDK:
    resources: tuple[Resource, ...]
    comma_separated: frozenset[str]
    api_version: str

    def operations(self) -> Iterator[tuple[Resource, Method]]:
        for resource in self.resources:
            for method in resource.methods:
                yield resource, method

    def exporting(self) -> list[Resource]:
        return [r for r in self.resources if r.export and r.paginated is not None]


def _answer_schema(spec: Spec, op: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    for status in ("200", "201"):
        response = resolve(spec, op.get("responses", {}).get(status))
        if isinstance(response, dict):
            schema = response.get("content", {}).get("application/json", {}).get("schema", {})
            return ref_name(schema), resolve(spec, schema)
    return None, {}


def _shape(http_method: str, path: str, op: dict[str, Any], answer: dict[str, Any]) -> Shape:
    props = answer.get("properties", {})
    if http_method == "post" and "requestBody" in op:
        return Shape.UPSERT
    if http_method == "get" and "{id}" in path:
        return Shape.RETRIEVE
    if http_method == "get" and "pagination" in props and props.get("data", {}).get("type") == "array":
        return Shape.PAGINATED_LIST
    if http_method == "get" and props.get("data", {}).get("type") == "array":
        return Shape.WHOLE_LIST
    return Shape.CALL


def _param(spec: Spec, node: dict[str, Any], comma_separated: frozenset[str], where: str) -> Param:
    name = node["name"]
    schema = node.get("schema", {})
    enum_class = ref_name(schema)
    resolved = resolve(spec, schema)
    description = " ".join(str(node.get("description", "")).split())
    if name in comma_separated:
        return Param(name, Kind.COMMA_LIST, description)
    if "enum" in resolved and enum_class is not None:
        return Param(name, Kind.ENUM, description, enum_class=enum_class)
    kind = resolved.get("type")
    if kind == "boolean":
        return Param(name, Kind.BOOLEAN, description, default=resolved.get("default"))
    if kind == "integer":
        return Param(name, Kind.INTEGER, description, minimum=resolved.get("minimum"), maximum=resolved.get("maximum"))
    if kind == "string":
        fmt = resolved.get("format")
        if fmt == "uuid":
            return Param(name, Kind.UUID, description)
        if fmt == "date-time":
            return Param(name, Kind.DATE_TIME, description)
        if fmt is None and "enum" not in resolved:
            return Param(name, Kind.TEXT, description)
    raise SpecError(f"{where}: query parameter {name!r} has a schema the SDK has no argument type for: {resolved}")


def _scope(spec: Spec, op: dict[str, Any]) -> str | None:
    """The scope of the operation's security requirement; none named means any valid key will do."""
    requirements: list[dict[str, list[str]]] = op.get("security", spec.get("security")) or []
    scopes = [scope for requirement in requirements for names in requirement.values() for scope in names]
    if len(scopes) > 1:
        raise SpecError(f"{op.get('operationId')}: one scope per operation is supported, found {scopes}")
    return scopes[0] if scopes else None


def _method_name(operation_id: str, resource: str, singular: str) -> str:
    name = snake(operation_id)
    for suffix in (resource, singular.replace(" ", "_")):
        if name.endswith("_" + suffix):
            return name[: -len(suffix) - 1]
    return name


def _text(value: Any) -> str:
    return str(value or "").strip()


def read(spec_path: Path = SPEC, config_path: Path = SDK_CONFIG) -> SDK:
    spec = load_spec(spec_path)
    config = load_yaml(config_path) or {}
    return build(spec, config)


def build(spec: Spec, config: dict[str, Any]) -> SDK:
    comma_separated = frozenset(config.get("comma_separated", ()))
    settings = config.get("resources", {}) or {}
    tags = [tag["name"] for tag in spec.get("tags", [])]
    descriptions = {tag["name"]: _text(tag.get("description")) for tag in spec.get("tags", [])}
    found: dict[str, list[Method]] = {tag: [] for tag in tags}
    for path, item in spec["paths"].items():
        for http_method, op in item.items():
            if http_method not in HTTP_METHODS:
                continue
            op_id = op["operationId"]
            op_tags = op.get("tags", [])
            if len(op_tags) != 1 or op_tags[0] not in found:
                raise SpecError(f"{op_id}: needs exactly one tag, declared under the spec's `tags`; has {op_tags}")
            tag = op_tags[0]
            resource_settings = settings.get(tag, {}) or {}
            singular = resource_settings.get("singular") or tag.removesuffix("s").replace("_", " ")
            response_model, answer = _answer_schema(spec, op)
            shape = _shape(http_method, path, op, answer)
            data = answer.get("properties", {}).get("data", {})
            item_model = ref_name(data.get("items", data)) if shape is not Shape.CALL else None
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            params = [resolve(spec, p) for p in op.get("parameters", [])]
            filters = tuple(
                _param(spec, p, comma_separated, op_id)
                for p in params
                if p.get("in") == "query" and not (shape is Shape.PAGINATED_LIST and p["name"] in PAGING)
            )
            if response_model is None:
                raise SpecError(f"{op_id}: its success answer must be a $ref to a schema of components/schemas")
            found[tag].append(
                Method(
                    name=_method_name(op_id, tag, singular),
                    operation_id=op_id,
                    path=path,
                    http_method=http_method,
                    shape=shape,
                    summary=_text(op.get("summary")),
                    description=_text(op.get("description")),
                    module=f"rotor_generated.api.{tag}.{snake(op_id)}",
                    response_model=response_model,
                    item_model=item_model,
                    body_model=ref_name(body),
                    params=filters,
                    scope=_scope(spec, op),
                    tag=tag,
                )
            )
    resources = []
    for tag in tags:
        resource_settings = settings.get(tag, {}) or {}
        methods = tuple(found[tag])
        names = [m.name for m in methods]
        if len(set(names)) != len(names):
            raise SpecError(f"tag {tag!r}: two operations map to the same method name: {names}")
        if methods:
            resources.append(
                Resource(
                    name=tag,
                    singular=resource_settings.get("singular") or tag.removesuffix("s").replace("_", " "),
                    description=descriptions[tag],
                    methods=methods,
                    export=resource_settings.get("export", True),
                )
            )
    return SDK(tuple(resources), comma_separated, api_version(spec))
