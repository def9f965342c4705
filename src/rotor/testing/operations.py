"""The mock's operation table: for each operationId of the spec, its handler, the scope a key needs and the store
it works on.

Derived, not written: each row of the rendered ``rotor.testing.routes`` (the spec's operations, their shapes,
security scopes and resources) gets the generic handler of its shape, so a new list or retrieve over an existing
store needs no code here. Only an operation of no generic shape (``call``) has a handler of its own in
``CALL_HANDLERS``. The mock checks the table against the spec when it starts: an operation of the spec with no
row, a row for no operation of the spec, a call without a handler or a row naming an unknown store stops it with
an error that names each one.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import UTC, datetime
from typing import Any

import attrs

from rotor.testing.rejects import not_found
from rotor.testing.routes import ROUTES
from rotor.testing.spec import load as load_spec
from rotor.testing.store import ApiKey, RecordStore

ANY_KEY = "(any valid key)"  # the scope of an operation that needs a valid key and no particular scope


@attrs.frozen
class Call:
    """One validated request, as a handler sees it."""

    key: ApiKey
    params: Mapping[str, Any]
    body: Any
    store: RecordStore | None

    def records(self) -> RecordStore:
        if self.store is None:
            raise RuntimeError("this operation's row in the operation table names no store")
        return self.store


Handler = Callable[[Call], tuple[int, Any]]  # -> (status, JSON body)


@attrs.frozen
class Operation:
    handler: Handler
    # ASSUMPTION (A11, A25, A26 in the spec): the scope a key needs. None means nobody said, which the startup check
    # refuses: an operation open to any key says so with ANY_KEY.
    scope: str | None = None
    store: str | None = None  # the name of the store the handler works on, if any


def auth_test(call: Call) -> tuple[int, Any]:
    return 200, {
        "auth_method": "api_key",
        "authenticated": True,
        "company_id": call.key.company_id,
        "message": "Authentication successful",
        "rotor_api_version": load_spec()["info"]["version"],
        "scopes": sorted(call.key.scopes),
        "status": "success",
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "user_id": None,
    }


def list_records(call: Call) -> tuple[int, Any]:
    store = call.records()
    items, pagination = store.page(store.filters(call.params), limit=call.params["limit"], page=call.params["page"])
    return 200, {"data": items, "pagination": pagination, "status": "success"}


def list_all(call: Call) -> tuple[int, Any]:
    """A list that is not paginated (pin types): every record, in the store's stable order."""
    return 200, {"data": call.records().matching(call.records().filters(call.params)), "status": "success"}


def retrieve_record(call: Call) -> tuple[int, Any]:
    found = call.records().get(call.params["id"])
    if found is None:
        raise not_found()
    return 200, {"data": found, "status": "success"}


def upsert_record(call: Call) -> tuple[int, Any]:
    store = call.records()
    result, created = store.upsert(call.body or {})
    message = f"{store.noun} {'created' if created else 'updated'} successfully"
    return (201 if created else 200), {**result, "message": message}


# The handlers that never change their store (nor its records): the mock may give them a store it shares.
READ_ONLY_HANDLERS = frozenset({list_records, list_all, retrieve_record})

# The handler of each shape of operation (devtools/sdk_spec.py names the shapes).
SHAPE_HANDLERS: Mapping[str, Handler] = {
    "paginated_list": list_records,
    "whole_list": list_all,
    "retrieve": retrieve_record,
    "upsert": upsert_record,
}
CALL_HANDLERS: Mapping[str, Handler] = {"testAuth": auth_test}  # operations with answers of their own


def _missing_handler(call: Call) -> tuple[int, Any]:
    raise RuntimeError("no handler: check_table refuses this table before the mock serves it")


def operation_table() -> dict[str, Operation]:
    table = {}
    for op_id, route in ROUTES.items():
        handler = SHAPE_HANDLERS.get(route.shape) or CALL_HANDLERS.get(op_id, _missing_handler)
        table[op_id] = Operation(handler, route.scope or ANY_KEY, route.store)
    return table


OPERATIONS: Mapping[str, Operation] = operation_table()


def with_handler(operation_id: str, handler: Handler) -> Mapping[str, Operation]:
    """The operation table with one row's handler replaced: how a test plants a bug in one operation."""
    return {**OPERATIONS, operation_id: attrs.evolve(OPERATIONS[operation_id], handler=handler)}


class OperationTableError(Exception):
    """The operation table and the spec disagree; the message names every operation concerned."""


def check_table(table: Mapping[str, Operation], spec_operations: Collection[str], stores: Collection[str]) -> None:
    unrouted = [op_id for op_id in spec_operations if op_id not in table]
    problems = [f"{op_id} is in the spec but has no row in the operation table" for op_id in unrouted]
    for op_id, operation in table.items():
        if op_id not in spec_operations:
            problems.append(f"{op_id} has a row in the operation table but no operation in the spec")
        if not operation.scope:
            problems.append(f"{op_id} has no scope (use ANY_KEY for an operation any valid key may call)")
        if operation.handler is _missing_handler:
            problems.append(f"{op_id} is a call of its own shape with no handler in CALL_HANDLERS")
        if operation.store is not None and operation.store not in stores:
            problems.append(f"{op_id} works on a store the mock does not have: {operation.store!r}")
    if problems:
        raise OperationTableError("the mock's operations do not match the spec:\n  " + "\n  ".join(problems))
