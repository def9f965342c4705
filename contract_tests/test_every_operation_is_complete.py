"""Every operation of the spec has all its pieces, so adding one cannot half-land (README: "Adding an operation").

For each operation, as the spec and spec/sdk.yaml name it (``devtools.sdk_spec``): a generated request builder, an
SDK method on both clients with the same signature, a raw view on both, a row in the mock's operation table with
its scope, a live probe (reads only: the live contract never writes to a real account), and its CLI command. Most
are rendered or derived from the spec, so this holds by construction; a failure names the operation and the
missing piece.
"""

import inspect
from importlib import import_module
from typing import Any

import pytest
import typer

from devtools import sdk_spec
from devtools.contract.live import PROBES
from devtools.sdk_spec import Method
from rotor import AsyncRotor, Rotor
from rotor.cli.app import app
from rotor.testing.operations import ANY_KEY, OPERATIONS

pytestmark = pytest.mark.spec_derived

OPERATION_LIST = [method for _, method in sdk_spec.read().operations()]
# The CLI's word for an SDK method (gh's and the AWS CLI's verbs); auth has its own command group.
CLI_VERBS = {"list": "list", "retrieve": "get", "create_or_update": "upsert"}
CLI = typer.main.get_command(app)


def test_the_spec_has_operations() -> None:
    assert len(OPERATION_LIST) >= 7


@pytest.mark.parametrize("op", OPERATION_LIST, ids=[o.operation_id for o in OPERATION_LIST])
def test_operation_has_every_piece(op: Method) -> None:
    resource, verb = op.tag, op.name
    missing: list[str] = []

    try:
        builder = import_module(op.module)._get_kwargs
    except (ImportError, AttributeError):
        missing.append(f"generated builder {op.module}._get_kwargs (regenerate)")
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
    sync.close()
    if len(methods) == 2:
        assert inspect.iscoroutinefunction(methods["AsyncRotor"]), f"AsyncRotor.{resource}.{verb} must be async"
        sync_params = list(inspect.signature(methods["Rotor"]).parameters)
        async_params = list(inspect.signature(methods["AsyncRotor"]).parameters)
        assert sync_params == async_params, f"{resource}.{verb}: sync and async signatures differ"

    row = OPERATIONS.get(op.operation_id)
    if row is None or row.scope != (op.scope or ANY_KEY):
        missing.append(f"a row with the scope {op.scope!r} in the mock's operation table for {op.operation_id}")

    if op.http_method == "get" and not any(p.method == "GET" and p.path == op.path for p in PROBES):
        missing.append(f"a live probe of GET {op.path} in devtools/contract/live.py PROBES")

    if verb in CLI_VERBS:
        group = CLI.get_command(typer.Context(CLI), resource.replace("_", "-"))  # type: ignore[attr-defined]
        if group is None or CLI_VERBS[verb] not in group.commands:
            missing.append(f"the command `rotor {resource.replace('_', '-')} {CLI_VERBS[verb]}`")

    assert missing == [], f"{op.operation_id} lacks: " + "; ".join(missing)
