"""Request validation compiled once per operation from the spec: the mock's fast path.

openapi-core re-reads the spec for every request (about 3.7 ms of a 4.9 ms request). Here each operation's
parameters and body are turned, once, into a list of (name, cast, JSON Schema validator, default, format
unmarshaller), using openapi-core's own pieces (its casting rules, its validator class and format checker, its
format unmarshallers), so a request that passes here gets the values openapi-core would give it.

``accept`` answers a request it can vouch for with its parameters and body, else ``None``. ``reject`` then writes the
field errors openapi-core would write (about 0.3 ms where openapi-core takes 6 to 8): each parameter in the spec's
order (a failed cast, an empty query value, a missing required one, or the first schema error), then the body's
first schema error, each as openapi-core words it. What either cannot vouch for (an unusual content type, a header
given twice, a kind it does not compile) returns ``None``, and the mock asks openapi-core, whose answer is served.
``tests/mock/test_compiled_validation.py`` holds both to openapi-core over a corpus of valid and invalid requests
per operation and over random queries: the same values where ``accept`` answers, the same errors where ``reject``
does.
"""

from __future__ import annotations

import contextlib
import json
from base64 import b64decode
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, NamedTuple
from uuid import UUID

import isodate
import orjson
from jsonschema.protocols import Validator
from openapi_schema_validator import OAS30ReadValidator, OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

Cast = Callable[[str], Any]


def _format_date(value: str) -> date:
    return datetime.strptime(value, "%Y-%m-%d").date()


def _format_uuid(value: Any) -> UUID:
    return value if isinstance(value, UUID) else UUID(value)


def _format_byte(value: str) -> str:
    return str(b64decode(value), "utf8")


# openapi-core's format unmarshallers for OpenAPI 3.1 (``openapi_core.unmarshalling.schemas.
# oas31_format_unmarshallers``), the same functions written here so that starting a mock does not import
# openapi-core (about 0.3 s of every process that serves one): tests/mock/test_compiled_validation.py holds the two
# tables to the same formats and the same results.
FORMAT_UNMARSHALLERS: dict[str, Callable[[Any], Any]] = {
    "date": _format_date,
    "date-time": isodate.parse_datetime,
    "binary": bytes,
    "uuid": _format_uuid,
    "byte": _format_byte,
}

_BOOLEAN = {"true": True, "false": False}  # openapi-core also reads yes/no, 1/0, on/off: the API does not (A37)
_NO_DEFAULT = object()
_SPEC_URI = "urn:rotor:spec"
_JSON = {"application/json", "application/json; charset=utf-8"}  # other parameters: openapi-core decides


class Unsupported(Exception):
    """This operation has something the fast path does not compile: every request goes to openapi-core."""


def _cast_boolean(value: str) -> bool:
    # KeyError: not a boolean the API takes (A37); ``strict_query`` refuses it before either validator runs.
    return _BOOLEAN[value]


_CASTS: dict[str, Cast] = {"string": str, "integer": int, "number": float, "boolean": _cast_boolean}


class Sent(NamedTuple):
    """What the validators read of a request."""

    query: Any  # starlette QueryParams (a multi-dict)
    path: Mapping[str, str]  # the router's decoded path parameters
    headers: Any  # starlette Headers
    content_type: str | None
    body: bytes


class _Param:
    __slots__ = (
        "cast", "default", "has_default", "kind", "location", "name", "required", "unmarshal", "validator"
    )  # fmt: skip

    def __init__(
        self,
        name: str,
        location: str,
        schema: dict[str, Any],
        resolved: dict[str, Any],
        make: Callable[[dict[str, Any]], Validator],
        required: bool,
    ) -> None:
        kind = resolved.get("type")
        if not isinstance(kind, str) or kind not in _CASTS:
            raise Unsupported(f"parameter {name}: type {kind!r}")
        if set(resolved) & {"allOf", "anyOf", "oneOf", "not", "nullable"}:
            raise Unsupported(f"parameter {name}: composed schema")
        self.name = name
        self.location = location
        self.kind = kind
        self.required = required
        self.cast = _CASTS[kind]
        self.default = _NO_DEFAULT if required else resolved.get("default", _NO_DEFAULT)
        self.has_default = "default" in resolved  # openapi-core fills even a required one's
        self.validator = make(schema)
        unmarshal = FORMAT_UNMARSHALLERS.get(resolved.get("format", ""))
        self.unmarshal = _tolerant(unmarshal) if unmarshal is not None and kind == "string" else None


class CompiledOperation:
    """One operation's parameters and body, compiled: ``accept`` returns (params, body), ``reject`` the field errors,
    each None for what is not theirs to say (then openapi-core is asked)."""

    def __init__(self, spec: Mapping[str, Any], op: Mapping[str, Any], *, path_parameters: bool = False) -> None:
        # References ("#/components/...") resolve against the whole spec, as openapi-core resolves them.
        resolver = Registry().with_resource(_SPEC_URI, Resource.from_contents(spec, DRAFT202012)).resolver(_SPEC_URI)
        checker = OAS30ReadValidator.FORMAT_CHECKER  # what openapi-core checks formats with for OAS 3.1

        def make(schema: dict[str, Any]) -> Validator:
            validator: Validator = OAS31Validator(schema, _resolver=resolver, format_checker=checker)
            return validator

        def resolve(schema: dict[str, Any]) -> dict[str, Any]:
            while "$ref" in schema:
                ref = schema["$ref"]
                if not ref.startswith("#/") or len(schema) > 1:
                    raise Unsupported(f"reference {ref!r}")
                target: Any = spec
                for part in ref[2:].split("/"):
                    target = target[part]
                schema = target
            return schema

        # Every query parameter's type, whether or not the fast path compiles the operation: the strict checks
        # (``strict_query``) run before either validator, because openapi-core is as lenient as the fast path.
        self.query_types: dict[str, str] = {}
        for raw in op.get("parameters", []):
            with contextlib.suppress(Unsupported, KeyError):
                param = resolve(raw)
                if param["in"] == "query":
                    self.query_types[param["name"]] = str(resolve(param.get("schema", {})).get("type"))
        self.required_headers: list[str] = []
        self.in_order: list[_Param] = []  # every parameter, in the order openapi-core reports them
        self.security_headers: list[str] = []
        self.body_validator: Validator | None = None
        self.body_required = False
        self.body_formats: dict[str, Callable[[str], Any]] = {}
        self.unsupported: str | None = None  # why every request of this operation goes to openapi-core, if so
        try:
            if path_parameters:  # openapi-core merges them after the operation's: not compiled
                raise Unsupported("parameters on the path item")
            for raw in op.get("parameters", []):
                param = resolve(raw)
                where = param["in"]
                if where not in {"query", "path", "header"}:
                    raise Unsupported(f"parameter in {where}")
                if "schema" not in param or "content" in param or "style" in param or "explode" in param:
                    raise Unsupported(f"parameter {param['name']}: serialisation")
                if "allowEmptyValue" in param:
                    raise Unsupported(f"parameter {param['name']}: allowEmptyValue")
                if any(p.name == param["name"] and p.location == where for p in self.in_order):
                    raise Unsupported(f"parameter {param['name']}: declared twice")
                required = bool(param.get("required"))
                compiled = _Param(param["name"], where, param["schema"], resolve(param["schema"]), make, required)
                if required and where == "header":
                    self.required_headers.append(param["name"])
                self.in_order.append(compiled)
            self._security(spec, op)
            if "requestBody" in op:
                self._compile_body(op["requestBody"], make, resolve)
        except Unsupported as exc:
            self.unsupported = str(exc)
        # By where ``accept`` looks for them (the order of its checks does not change its answer).
        self.query = [p for p in self.in_order if p.location == "query"]
        self.path = [p for p in self.in_order if p.location == "path"]
        self.headers = [p for p in self.in_order if p.location == "header"]

    def strict_query(self, query: Any) -> list[dict[str, str]]:
        """Field errors for what the API refuses but openapi-core (and so the fast path) would take: a boolean other
        than ``true``/``false`` (ASSUMPTION A37; openapi-core also reads ``yes``, ``1``, ``on``) and a scalar
        parameter given more than once (A38; a multi-dict read keeps the last value silently)."""
        errors = []
        for name, kind in self.query_types.items():
            values = query.getlist(name)
            if len(values) > 1 and kind != "array":
                errors.append({"field": name, "message": f"given {len(values)} times; give it once"})
            elif kind == "boolean" and values and values[0] not in ("true", "false"):
                errors.append({"field": name, "message": f"must be true or false, got {values[0]!r}"})
        return errors

    def _security(self, spec: Mapping[str, Any], op: Mapping[str, Any]) -> None:
        """Keys the operation needs in headers (apiKey schemes only; anything else is not compiled)."""
        for requirement in op.get("security", spec.get("security", [])):
            if len(requirement) != 1:
                raise Unsupported("security requirement with several schemes")
            scheme = spec["components"]["securitySchemes"][next(iter(requirement))]
            if scheme.get("type") != "apiKey" or scheme.get("in") != "header":
                raise Unsupported("security scheme")
            self.security_headers.append(scheme["name"])
        if len(self.security_headers) > 1:
            raise Unsupported("alternative security requirements")

    def _compile_body(
        self,
        body: Mapping[str, Any],
        make: Callable[[dict[str, Any]], Validator],
        resolve: Callable[[dict[str, Any]], dict[str, Any]],
    ) -> None:
        if set(body.get("content", {})) != {"application/json"}:
            raise Unsupported("request body media types")
        schema = body["content"]["application/json"]["schema"]
        resolved = resolve(schema)
        if resolved.get("type") != "object" or set(resolved) & {"allOf", "anyOf", "oneOf", "not", "discriminator"}:
            raise Unsupported("request body schema")
        for name, prop_schema in resolved.get("properties", {}).items():
            prop = resolve(prop_schema)
            if _nested_format(prop, resolve, top=True):
                raise Unsupported(f"request body property {name}: a format below the top level")
            unmarshal = FORMAT_UNMARSHALLERS.get(prop.get("format", ""))
            if unmarshal is not None:
                if prop.get("type") != "string":
                    raise Unsupported(f"request body property {name}: format on a {prop.get('type')}")
                self.body_formats[name] = _tolerant(unmarshal)
        if _nested_format(resolved.get("additionalProperties", {}), resolve, top=False):
            raise Unsupported("request body additional properties with a format")
        self.body_validator = make(schema)
        self.body_required = bool(body.get("required"))

    def accept(self, sent: Sent) -> tuple[dict[str, Any], Any] | None:
        query, path, headers, content_type, body = sent
        if self.unsupported is not None:
            return None
        for name in self.security_headers:
            if name not in headers:
                return None
        params: dict[str, Any] = {}
        try:
            for param in self.query:
                if param.name not in query:
                    if param.required:
                        return None
                    if param.default is not _NO_DEFAULT:
                        params[param.name] = param.default
                    continue
                # A repeated parameter is refused (``strict_query``, A38): never the multi-dict's last value.
                if len(query.getlist(param.name)) != 1 or (value := _checked(param, query[param.name])) is _INVALID:
                    return None
                params[param.name] = value
            for param in self.path:
                if param.name not in path or (value := _checked(param, path[param.name])) is _INVALID:
                    return None
                params[param.name] = value
            for param in self.headers:
                values = headers.getlist(param.name)
                if len(values) != 1 or (value := _checked(param, values[0])) is _INVALID:
                    return None
                params[param.name] = value
        except (KeyError, ValueError, TypeError):
            return None
        if self.body_validator is None:
            return (params, None) if not body else None
        if not body:
            return None
        if content_type is None or content_type.lower() not in _JSON:
            return None
        document = _json_document(body)
        if document is _INVALID or not self.body_validator.is_valid(document):
            return None
        for name, unmarshal in self.body_formats.items():
            if name in document:
                document[name] = unmarshal(document[name])
        return params, document

    def reject(self, sent: Sent) -> list[dict[str, str]] | None:
        """The field errors openapi-core answers this request with, or None: it is valid, or not for this to say.

        As openapi-core does, every parameter is read in the spec's order, then the body. What the mock refuses before
        either validator runs, in its own words (a required header missing, a repeated parameter, a boolean word
        other than true/false, a body that is not JSON), is not for this to say.
        """
        query, path, headers, content_type, body = sent
        if self.unsupported is not None or any(name not in headers for name in self.security_headers):
            return None
        errors: list[dict[str, str]] = []
        for param in self.in_order:
            if param.location == "query":
                values = query.getlist(param.name)
                if len(values) > 1:  # refused by the strict checks first, in their own words
                    return None
                if not values:
                    if param.required and param.has_default:
                        return None
                    if param.required:
                        message = f"Missing required query parameter: {param.name}"
                        errors.append({"field": param.name, "message": message})
                    continue
                raw = values[0]
            elif param.location == "path":
                if param.name not in path:
                    return None
                raw = path[param.name]
            else:
                values = headers.getlist(param.name)
                if len(values) > 1 or (param.required and not values):  # the latter refused first, in its own words
                    return None
                if not values:
                    continue
                raw = values[0]
            error = _param_error(param, raw)
            if error is _UNSURE:
                return None
            if error is not None:
                errors.append(error)
        if self.body_validator is None:
            if body:
                return None
        elif not body:
            if self.body_required:
                errors.append({"field": "body", "message": "Missing required request body"})
        elif content_type is None or content_type.lower() not in _JSON:
            return None
        else:
            document = _json_document(body)
            if document is _INVALID:
                return None
            first = next(iter(self.body_validator.iter_errors(document)), None)
            if first is not None:
                errors.append({"field": ".".join(str(p) for p in first.path) or "body", "message": first.message})
        return errors or None


_INVALID = object()


def _json_document(body: bytes) -> Any:
    """The body as openapi-core reads it (the standard library's ``json``: an integer of any size stays an integer,
    where orjson reads one beyond 64 bits as a float, which changes the value and the words of any error naming it),
    or ``_INVALID`` for what the mock answers "not valid JSON" (orjson's stricter reading: no NaN, no lone
    surrogates) or cannot read at all (nesting too deep)."""
    try:
        orjson.loads(body)
        return json.loads(body)
    except (ValueError, RecursionError):  # orjson.JSONDecodeError is a ValueError
        return _INVALID


# A parameter whose error openapi-core words in a way not written here: compared by identity, never served.
_UNSURE: dict[str, str] = {"field": "", "message": "not for the compiled path to say"}


def _param_error(param: _Param, raw: str) -> dict[str, str] | None:
    """openapi-core's field error for one parameter's value (None: valid): it casts, then refuses an empty query
    value, then validates the cast value against the schema and reports the first error."""
    try:
        value = param.cast(raw)
    except ValueError:
        return {"field": param.name, "message": f"Failed to cast value to {param.kind} type: {raw}"}
    except KeyError:  # a boolean word other than true/false: only the query's are refused before (strict_query)
        return _UNSURE
    if raw == "" and param.location == "query":
        return {"field": param.name, "message": f"Value of {param.name} query parameter cannot be empty"}
    first = next(iter(param.validator.iter_errors(value)), None)
    return None if first is None else {"field": param.name, "message": first.message}


def _tolerant(unmarshal: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """As openapi-core applies a format: a value the format's parser refuses stays as it was."""

    def apply(value: Any) -> Any:
        try:
            return unmarshal(value)
        except (AttributeError, ValueError, TypeError):
            return value

    return apply


def _checked(param: _Param, raw: str) -> Any:
    value = param.cast(raw)
    if not param.validator.is_valid(value):
        return _INVALID
    return param.unmarshal(value) if param.unmarshal is not None else value


def _nested_format(schema: Any, resolve: Callable[[dict[str, Any]], dict[str, Any]], *, top: bool) -> bool:
    """Whether a format openapi-core unmarshals appears inside ``schema`` (below its top level when ``top``)."""
    if not isinstance(schema, dict):
        return False
    schema = resolve(schema)
    if not top and schema.get("format") in FORMAT_UNMARSHALLERS:
        return True
    children: list[Any] = []
    for key in ("items", "additionalProperties", "not"):
        children.append(schema.get(key))
    children.extend(schema.get("properties", {}).values())
    for key in ("allOf", "anyOf", "oneOf", "prefixItems"):
        children.extend(schema.get(key, []))
    return any(_nested_format(child, resolve, top=False) for child in children)


def compile_operations(spec: Mapping[str, Any]) -> dict[str, CompiledOperation]:
    """Every operation of the spec, by operationId."""
    return {
        op["operationId"]: CompiledOperation(spec, op, path_parameters=bool(item.get("parameters")))
        for item in spec["paths"].values()
        for method, op in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    }
