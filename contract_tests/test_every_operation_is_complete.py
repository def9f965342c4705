"""Every operation of the spec has all its pieces, so adding one cannot half-land (README: "Adding an operation").

For each operation: a generated request builder, an SDK method on both clients with the same signature, a raw
view on both, a row in the mock's operation table with a scope, a live probe (reads only: the live contract
never writes to a real account), and an example in the README. A failure names the operation and the missing
piece.
"""

import inspect
import re
from importlib import import_module
from typing import Any

import pytest

from devtools.contract.live import PROBES
from devtools.paths import ROOT, SPEC
from devtools.spec_io import load_spec
from rotor import AsyncRotor, Rotor
from rotor.testing.operations import OPERATIONS

SPEC_DOC = load_spec(SPEC)
README = (ROOT / "README.md").read_text()
# operationId prefix -> SDK method name (the Stainless verbs users know).
VERBS = {"list": "list", "retrieve": "retrieve", "createOrUpdate": "create_or_update", "test": "test"}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).replace("-", "_").lower()


def _operations() -> list[tuple[str, str, str, str]]:
    """(operationId, HTTP method, path, tag) for every operation of the spec."""
    found = []
    for path, item in SPEC_DOC["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and "operationId" in operation:
                found.append((operation["operationId"], method.upper(), path, operation["tags"][0]))
    return found


OPERATION_LIST = _operations()


def _sdk_name(operation_id: str, tag: str) -> tuple[str, str]:
    """(resource attribute, method) of an operation: its tag, and the verb its id starts with."""
    verb = next((v for v in sorted(VERBS, key=len, reverse=True) if operation_id.startswith(v)), None)
    assert verb is not None, f"{operation_id}: its id starts with none of the known verbs {sorted(VERBS)}"
    return _snake(tag), VERBS[verb]


def test_the_spec_has_operations() -> None:
    assert len(OPERATION_LIST) >= 7


@pytest.mark.parametrize(("operation_id", "method", "path", "tag"), OPERATION_LIST, ids=[o[0] for o in OPERATION_LIST])
def test_operation_has_every_piece(operation_id: str, method: str, path: str, tag: str) -> None:
    resource, verb = _sdk_name(operation_id, tag)
    missing: list[str] = []

    module_name = f"rotor_generated.api.{_snake(tag)}.{_snake(operation_id)}"
    try:
        builder = import_module(module_name)._get_kwargs
    except (ImportError, AttributeError):
        missing.append(f"generated builder {module_name}._get_kwargs (regenerate)")
    else:
        assert callable(builder)

    sync, async_ = Rotor(api_key="rotor_test_key_1234"), AsyncRotor(api_key="rotor_test_key_1234")
    methods: dict[str, Any] = {}
    for label, client in (("Rotor", sync), ("AsyncRotor", async_)):
        method_obj = getattr(getattr(client, resource, None), verb, None)
        if method_obj is None:
            missing.append(f"{label}.{resource}.{verb}")
        else:
            methods[label] = method_obj
        if getattr(getattr(client.with_raw_response, resource, None), verb, None) is None:
            missing.append(f"{label}.with_raw_response.{resource}.{verb}")
    if len(methods) == 2:
        assert inspect.iscoroutinefunction(methods["AsyncRotor"]), f"AsyncRotor.{resource}.{verb} must be async"
        sync_params = list(inspect.signature(methods["Rotor"]).parameters)
        async_params = list(inspect.signature(methods["AsyncRotor"]).parameters)
        assert sync_params == async_params, f"{resource}.{verb}: sync and async signatures differ"

    row = OPERATIONS.get(operation_id)
    if row is None or not row.scope:
        missing.append(f"a row with a scope in rotor.testing.operations.OPERATIONS for {operation_id}")

    if method == "GET" and not any(p.method == "GET" and p.path == path for p in PROBES):
        missing.append(f"a live probe of GET {path} in devtools/contract/live.py PROBES")

    if not re.search(rf"\.{resource}\.{verb}\(", README):
        missing.append(f"a README example calling .{resource}.{verb}(...)")

    assert missing == [], f"{operation_id} lacks: " + "; ".join(missing)
