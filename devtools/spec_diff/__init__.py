"""What changed between two specs, from a client's point of view: breaking or not.

The spec is flattened into facts (operations, parameters, request fields, response fields, statuses, enums, bounds,
types); each difference is matched against RULES, one row per kind of change. Every row says whether it breaks
clients and why, so the verdict is explained by the table rather than by scattered ifs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar

import attrs

from devtools.spec_io import Spec, resolve

VERSION_HEADER = "rotor-api-version"
METHODS = ("get", "put", "post", "delete", "patch")


@attrs.frozen
class Rule:
    id: str
    breaking: bool
    why: str


RULES = {rule.id: rule for rule in [
    Rule("operation-removed", True, "calls to it will fail"),
    Rule("operation-added", False, "new capability"),
    Rule("parameter-removed", True, "callers that send it break"),
    Rule("parameter-added-optional", False, "callers need not send it"),
    Rule("parameter-added-required", True, "existing calls lack it"),
    Rule("parameter-became-required", True, "existing calls may lack it"),
    Rule("parameter-became-optional", False, "existing calls still valid"),
    Rule("request-field-removed", True, "callers that send it break"),
    Rule("request-field-added-optional", False, "callers need not send it"),
    Rule("request-field-added-required", True, "existing bodies lack it"),
    Rule("request-field-became-required", True, "existing bodies may lack it"),
    Rule("request-field-became-optional", False, "existing bodies still valid"),
    Rule("request-enum-value-removed", True, "callers sending that value are rejected"),
    Rule("request-enum-value-added", False, "new accepted value"),
    Rule("request-bound-narrowed", True, "values accepted before are now rejected"),
    Rule("request-bound-widened", False, "everything accepted before still is"),
    Rule("request-type-changed", True, "values of the old type are rejected"),
    Rule("request-type-widened", False, "values of the old type are still accepted"),
    Rule("response-field-removed", True, "readers of it get nothing"),
    Rule("response-field-added", False, "unknown fields are kept, known ones typed"),
    Rule("response-type-changed", True, "readers get a value of another type"),
    Rule("response-type-narrowed", False, "every value sent is of a type readers expect"),
    Rule("response-field-became-required", False, "readers get it more often, never less"),
    Rule("response-field-became-optional", True, "readers that relied on it may get nothing"),
    Rule("response-enum-value-added", False, "our tolerant reader keeps unknown values as strings"),
    Rule("response-enum-value-removed", False, "readers just never see it"),
    Rule("status-removed", True, "clients handling it lose a documented outcome"),
    Rule("status-added", False, "an added outcome; the SDK maps every status to a typed error"),
    Rule("default-changed", True, "callers relying on the default get other behaviour"),
    Rule("api-version-changed", False, "the version header follows the bump (the SDK sends it for you)"),
]}  # fmt: skip


@attrs.frozen(order=True)
class Change:
    """One difference, named by a rule of ``rules`` (the spec's table here; ``devtools.sdk_api`` subclasses it with
    the package's)."""

    rules: ClassVar[Mapping[str, Rule]] = RULES
    where: str
    rule: str
    detail: str = ""

    @property
    def breaking(self) -> bool:
        return self.rules[self.rule].breaking

    @property
    def why(self) -> str:
        return self.rules[self.rule].why

    def as_dict(self) -> dict[str, Any]:
        return {"where": self.where, "rule": self.rule, "breaking": self.breaking, "detail": self.detail,
                "why": self.why}  # fmt: skip


class _View:
    """Reference-resolving reads of one spec."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec

    def resolve(self, node: Any) -> Any:
        return resolve(self.spec, node)

    def operations(self) -> dict[str, dict[str, Any]]:
        return {
            f"{method.upper()} {path}": op
            for path, item in self.spec.get("paths", {}).items()
            for method, op in item.items()
            if method in METHODS
        }

    def parameters(self, op: dict[str, Any]) -> dict[str, dict[str, Any]]:
        params = [self.resolve(p) for p in op.get("parameters", [])]
        return {f"{p['in']}:{p['name']}": p for p in params}

    def request_schema(self, op: dict[str, Any]) -> dict[str, Any] | None:
        body = self.resolve(op.get("requestBody", {}))
        schema = body.get("content", {}).get("application/json", {}).get("schema")
        return self.resolve(schema) if schema else None

    def response_schemas(self, op: dict[str, Any]) -> dict[str, dict[str, Any]]:
        out = {}
        for status, raw in op.get("responses", {}).items():
            schema = self.resolve(raw).get("content", {}).get("application/json", {}).get("schema")
            if schema:
                out[str(status)] = self.resolve(schema)
        return out

    def fields(self, schema: Any, prefix: str = "", depth: int = 0) -> Iterator[tuple[str, dict[str, Any], bool]]:
        """(dotted path, resolved schema, required) for every property, recursively (arrays as ``[]``)."""
        schema = self.resolve(schema)
        if not isinstance(schema, dict) or depth > 8:
            return
        required = set(schema.get("required", []))
        for name, prop in schema.get("properties", {}).items():
            path = f"{prefix}{name}"
            resolved = self.resolve(prop)
            yield path, resolved, name in required
            yield from self.fields(resolved, f"{path}.", depth + 1)
            if isinstance(resolved, dict) and resolved.get("type") in ("array", ["array", "null"]):
                yield from self.fields(resolved.get("items", {}), f"{path}[].", depth + 1)


def _types(schema: dict[str, Any], view: _View) -> frozenset[str]:
    schema = view.resolve(schema)
    if "anyOf" in schema or "oneOf" in schema:
        return frozenset(t for s in schema.get("anyOf", schema.get("oneOf", [])) for t in _types(s, view))
    kind = schema.get("type")
    if kind is None:
        return frozenset({"string"} if "enum" in schema else {"any"})
    kinds = frozenset(kind if isinstance(kind, list) else [kind])
    # An integer is a number: widening integer -> number is not a type change for a reader.
    return kinds | ({"number"} if "integer" in kinds else frozenset())


def _enum(schema: dict[str, Any], view: _View) -> set[Any]:
    """The enum's values, seen through ``anyOf``/``oneOf`` (a nullable enum is ``anyOf: [<enum>, null]``)."""
    schema = view.resolve(schema)
    values = set(schema.get("enum", []))
    for member in schema.get("anyOf", []) + schema.get("oneOf", []):
        values |= _enum(member, view)
    return values


def _compare_value_schema(
    where: str, old: dict[str, Any], new: dict[str, Any], old_v: _View, new_v: _View, *, request: bool
) -> Iterator[Change]:
    side = "request" if request else "response"
    old_t, new_t = _types(old, old_v), _types(new, new_v)
    if old_t != new_t:
        if request:
            rule = "request-type-widened" if new_t >= old_t else "request-type-changed"
        else:
            rule = "response-type-narrowed" if new_t <= old_t else "response-type-changed"
        yield Change(where, rule, f"{sorted(old_t)} -> {sorted(new_t)}")
    old_e, new_e = _enum(old, old_v), _enum(new, new_v)
    if old_e or new_e:
        for value in sorted(map(str, old_e - new_e)):
            yield Change(where, f"{side}-enum-value-removed", value)
        for value in sorted(map(str, new_e - old_e)):
            yield Change(where, f"{side}-enum-value-added", value)
    if request:
        yield from _compare_bounds(where, old_v.resolve(old), new_v.resolve(new))


def _compare_bounds(where: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    for key, narrower in (
        ("minimum", int.__gt__),
        ("minLength", int.__gt__),
        ("maximum", int.__lt__),
        ("maxLength", int.__lt__),
    ):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if after is None:
            yield Change(where, "request-bound-widened", f"{key} {before} removed")
        elif before is None or narrower(int(after), int(before)):
            yield Change(where, "request-bound-narrowed", f"{key} {before} -> {after}")
        else:
            yield Change(where, "request-bound-widened", f"{key} {before} -> {after}")


def _compare_parameters(
    where: str, old_op: dict[str, Any], new_op: dict[str, Any], old_v: _View, new_v: _View
) -> Iterator[Change]:
    old_p, new_p = old_v.parameters(old_op), new_v.parameters(new_op)
    for key in sorted(old_p.keys() - new_p.keys()):
        yield Change(f"{where} {key}", "parameter-removed", "")
    for key in sorted(new_p.keys() - old_p.keys()):
        required = new_p[key].get("required", False)
        yield Change(f"{where} {key}", "parameter-added-required" if required else "parameter-added-optional", "")
    for key in sorted(old_p.keys() & new_p.keys()):
        old, new = old_p[key], new_p[key]
        at = f"{where} {key}"
        if old.get("required", False) != new.get("required", False):
            yield Change(at, "parameter-became-required" if new.get("required") else "parameter-became-optional", "")
        if key == f"header:{VERSION_HEADER}":
            # Its value and default change with every bump: that is the bump itself, not a break.
            before, after = old["schema"].get("default"), new["schema"].get("default")
            if before != after:
                yield Change(at, "api-version-changed", f"{before} -> {after}")
            continue
        old_s, new_s = old_v.resolve(old.get("schema", {})), new_v.resolve(new.get("schema", {}))
        if old_s.get("default") != new_s.get("default"):
            yield Change(at, "default-changed", f"{old_s.get('default')} -> {new_s.get('default')}")
        yield from _compare_value_schema(at, old_s, new_s, old_v, new_v, request=True)


def _parent(path: str) -> str | None:
    return path[: path.rfind(".")].removesuffix("[]") if "." in path else None


def _compare_fields(
    where: str, old_s: Any, new_s: Any, old_v: _View, new_v: _View, *, request: bool
) -> Iterator[Change]:
    side = "request" if request else "response"
    old_f = {path: (schema, req) for path, schema, req in old_v.fields(old_s)}
    new_f = {path: (schema, req) for path, schema, req in new_v.fields(new_s)}
    removed, added = old_f.keys() - new_f.keys(), new_f.keys() - old_f.keys()
    for path in sorted(removed):
        if _parent(path) not in removed:  # report the top of a removed subtree only
            yield Change(f"{where} {path}", f"{side}-field-removed", "")
    for path in sorted(added):
        if _parent(path) in added:
            continue
        if request:
            rule = "request-field-added-required" if new_f[path][1] else "request-field-added-optional"
        else:
            rule = "response-field-added"
        yield Change(f"{where} {path}", rule, "")
    for path in sorted(old_f.keys() & new_f.keys()):
        (old, old_req), (new, new_req) = old_f[path], new_f[path]
        at = f"{where} {path}"
        if old_req != new_req:
            yield Change(at, f"{side}-field-became-{'required' if new_req else 'optional'}", "")
        yield from _compare_value_schema(at, old, new, old_v, new_v, request=request)


def diff_specs(old: Spec, new: Spec) -> list[Change]:
    old_v, new_v = _View(old), _View(new)
    old_ops, new_ops = old_v.operations(), new_v.operations()
    changes: list[Change] = []
    changes += [Change(op, "operation-removed", "") for op in sorted(old_ops.keys() - new_ops.keys())]
    changes += [Change(op, "operation-added", "") for op in sorted(new_ops.keys() - old_ops.keys())]
    for op in sorted(old_ops.keys() & new_ops.keys()):
        old_op, new_op = old_ops[op], new_ops[op]
        changes += _compare_parameters(op, old_op, new_op, old_v, new_v)
        old_body, new_body = old_v.request_schema(old_op), new_v.request_schema(new_op)
        if old_body or new_body:
            changes += _compare_fields(f"{op} body", old_body or {}, new_body or {}, old_v, new_v, request=True)
        old_res, new_res = old_v.response_schemas(old_op), new_v.response_schemas(new_op)
        old_statuses, new_statuses = set(old_op.get("responses", {})), set(new_op.get("responses", {}))
        changes += [Change(f"{op} {s}", "status-removed", "") for s in sorted(map(str, old_statuses - new_statuses))]
        changes += [Change(f"{op} {s}", "status-added", "") for s in sorted(map(str, new_statuses - old_statuses))]
        for status in sorted(old_res.keys() & new_res.keys()):
            changes += _compare_fields(f"{op} {status}", old_res[status], new_res[status], old_v, new_v, request=False)
    return sorted(set(changes))


def report(
    changes: Sequence[Change],
    *,
    none: str = "No changes that affect clients.",
    summary: str = "{count} change(s), {breaking} breaking.",
    scope: str = "",
) -> str:
    """The changes for a person: breaking ones first, each with its rule and why (``scope`` names whose, in the
    group titles)."""
    if not changes:
        return none
    breaking = [c for c in changes if c.breaking]
    lines = [summary.format(count=len(changes), breaking=len(breaking))]
    for title, group in (("BREAKING", breaking), ("Non-breaking", [c for c in changes if not c.breaking])):
        if group:
            lines.append(f"\n{title}{scope}:")
            lines += [f"  - {c.where}: {c.rule}{f' ({c.detail})' if c.detail else ''} - {c.why}" for c in group]
    return "\n".join(lines)


def print_changes(changes: Sequence[Change], text: str, *, as_json: bool) -> int:
    """What the diff commands print (``text``, or one JSON object) and their exit code: 1 when something breaks."""
    breaking = any(c.breaking for c in changes)
    if as_json:
        print(json.dumps({"breaking": breaking, "changes": [c.as_dict() for c in changes]}, indent=2))
    else:
        print(text)
    return 1 if breaking else 0
