"""Reading the spec as plain data."""

import functools
import json
import pickle
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import YAMLError

from devtools.paths import ROOT

Spec = dict[str, Any]
VERSION_HEADER = "rotor-api-version"


class SpecError(Exception):
    """The file is missing, not YAML, or not a valid OpenAPI document."""


def parse_yaml(text: str) -> Any:
    """YAML text as plain data, as the spec is read: YAML 1.2, and a key given twice in one mapping refused
    (``DuplicateKeyError``; PyYAML keeps the last, so a second ``User:`` schema would quietly replace the first).

    Every call returns data of its own, which the caller may edit."""
    return pickle.loads(_parsed(text))


# A bump, a regeneration and the tests that read the spec parse the same few texts again and again (in the contract
# tests, 215 parses of 51 texts: 8 of the 9 CPU seconds were repeats). Each text is parsed once per process and kept
# pickled: unpickling is C and several times faster than constructing the data again, and gives a fresh copy. A text
# that does not parse raises each time (lru_cache keeps no exception).
@functools.lru_cache(maxsize=64)
def _parsed(text: str) -> bytes:
    return pickle.dumps(YAML(typ="safe").load(text), protocol=pickle.HIGHEST_PROTOCOL)


def load_yaml(path: Path) -> Any:
    """A YAML file as plain data (``parse_yaml``), each refusal a ``SpecError`` naming the file and line."""
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))
    except DuplicateKeyError as exc:
        first, again = exc.context_mark, exc.problem_mark
        key = str(exc.problem).removeprefix("found duplicate key ").split(" with value")[0]
        where = f"line {again.line + 1}" if again else "?"
        was = f" (first given at line {first.line + 1})" if first else ""
        raise SpecError(f"{path}: duplicate key {key} at {where}{was}") from None
    except (OSError, YAMLError) as exc:
        raise SpecError(f"cannot read {path}: {exc}") from exc


def load_spec(path: Path) -> Spec:
    data = load_yaml(path)
    if not isinstance(data, dict) or "openapi" not in data:
        raise SpecError(f"{path} is not an OpenAPI document (no top-level 'openapi' key)")
    return data


# Documents already found valid in this process, by their canonical JSON: a bump or a regeneration validates the
# same document at several steps (about half a second each).
_VALID: set[str] = set()


def validate_spec(spec: Spec) -> None:
    """Raise SpecError with a one-line reason when the spec is not valid OpenAPI 3.1."""
    canonical = json.dumps(spec, sort_keys=True, default=str)
    if canonical in _VALID:
        return
    _validate(spec)
    _VALID.add(canonical)


def _validate(spec: Spec) -> None:
    from openapi_spec_validator import validate
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    try:
        validate(spec)
    except OpenAPIValidationError as exc:
        # The validator's str() dumps the whole spec; the message and path are what a person needs.
        where = "/".join(str(p) for p in getattr(exc, "absolute_path", []))
        raise SpecError(f"invalid OpenAPI: {getattr(exc, 'message', exc)} at /{where}") from None
    except Exception as exc:  # unresolvable $ref and friends come as other types
        raise SpecError(f"invalid OpenAPI: {type(exc).__name__}: {str(exc)[:300]}") from None


def pointer(spec: Spec, ref: str) -> Any:
    """The node at a local JSON pointer (``#/components/schemas/Customer``, ``#/paths/~1customers/get``)."""
    node: Any = spec
    for raw in ref.removeprefix("#/").split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def resolve(spec: Spec, node: Any) -> Any:
    """``node`` with any chain of local ``$ref`` followed (bounded, so a cycle cannot hang)."""
    for _ in range(32):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            break
        node = pointer(spec, node["$ref"])
    return node


def refs(node: Any) -> Iterator[str]:
    """Every ``$ref`` string anywhere inside ``node``."""
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def ref_targets(node: Any) -> list[str]:
    """The names of the component schemas ``node`` refers to."""
    prefix = "#/components/schemas/"
    return [ref.removeprefix(prefix) for ref in refs(node) if ref.startswith(prefix)]


def _walk(node: Any) -> Iterator[Any]:
    yield node
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    for child in children:
        yield from _walk(child)


def version_header_schemas(spec: Spec) -> list[Any]:
    """The schema of every ``rotor-api-version`` header parameter, declared in components or inline in an
    operation, with a ``$ref`` schema followed. Works on plain data and on a ruamel round-trip document alike."""
    found: list[Any] = []
    for node in _walk(spec):
        if not (isinstance(node, dict) and node.get("in") == "header" and isinstance(node.get("schema"), dict)):
            continue
        if str(node.get("name", "")).lower() != VERSION_HEADER:
            continue
        schema = resolve(spec, node["schema"])
        if all(schema is not seen for seen in found):
            found.append(schema)
    return found


def api_version(spec: Spec) -> str:
    """The API version the spec pins: the version header's default, which the generated client sends."""
    defaults = {schema.get("default") for schema in version_header_schemas(spec)}
    if len(defaults) != 1 or not isinstance(next(iter(defaults)), str):
        raise SpecError(f"expected one default for the {VERSION_HEADER} header, found {sorted(map(str, defaults))}")
    version: str = defaults.pop()
    return version


def read_spec(ref: str, root: Path = ROOT) -> Spec:
    """A validated spec from a file path or from ``REV:path`` in git (``HEAD:spec/openapi.yaml``)."""
    path = Path(ref)
    if not path.is_absolute() and not path.exists():
        path = root / ref
    if not path.exists() and ":" in ref:
        proc = subprocess.run(["git", "show", ref], cwd=root, capture_output=True, check=False)
        if proc.returncode != 0:
            raise SpecError(f"cannot read {ref} from git: {proc.stderr.decode().strip()}")
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "openapi.yaml"
            copy.write_bytes(proc.stdout)
            spec = load_spec(copy)
    else:
        spec = load_spec(path)
    validate_spec(spec)
    return spec
