"""Read-only views of spec/openapi.yaml shared by the contract tests."""

from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from devtools import spec_io
from devtools.paths import SPEC
from devtools.spec_io import Spec, load_spec

HTTP_METHODS = ("get", "put", "post", "delete", "patch")


@cache
def spec() -> Spec:
    return load_spec(SPEC)


def api_version() -> str:
    """The version the spec pins (its version header's default): what a conforming client sends."""
    return spec_io.api_version(spec())


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield path, method, item[method]


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """``node`` with its local ``$ref`` followed."""
    target = spec_io.resolve(spec(), node)
    assert isinstance(target, dict)
    return target


def parameters(op: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in (resolve(raw) for raw in op.get("parameters", []))}


def validator(schema: dict[str, Any]) -> Draft202012Validator:
    """A format-checking validator for a schema that may $ref into the spec's components."""
    return Draft202012Validator({**schema, "components": spec()["components"]}, format_checker=FormatChecker())
