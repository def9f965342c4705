"""The mock's operation table is checked against the spec when a mock starts: a gap or a stray row is an error
naming the operation, never a silent 404 (or 500) found later by whoever calls it."""

from collections.abc import Mapping

import pytest

from contract_tests.spec_helpers import operations
from rotor.testing import MockRotor
from rotor.testing.operations import ANY_KEY, OPERATIONS, Operation, OperationTableError, list_records


def _mock_with(table: Mapping[str, Operation]) -> MockRotor:
    class Mock(MockRotor):
        operations = table

    return Mock(customers=0, leads=0)


def test_the_table_has_one_row_per_operation_of_the_spec() -> None:
    assert set(OPERATIONS) == {op["operationId"] for _, _, op in operations()}
    assert all(row.scope for row in OPERATIONS.values())


def test_an_operation_of_the_spec_without_a_row_stops_the_mock() -> None:
    table = {op_id: row for op_id, row in OPERATIONS.items() if op_id != "retrieveLead"}
    with pytest.raises(OperationTableError, match="retrieveLead is in the spec but has no row"):
        _mock_with(table)


def test_a_row_for_no_operation_of_the_spec_stops_the_mock() -> None:
    table = {**OPERATIONS, "listInvoices": Operation(list_records, "invoices:read", "leads")}
    with pytest.raises(OperationTableError, match="listInvoices has a row in the operation table but no operation"):
        _mock_with(table)


def test_a_row_without_a_scope_stops_the_mock() -> None:
    table = {**OPERATIONS, "listLeads": Operation(list_records, store="leads")}
    with pytest.raises(OperationTableError, match="listLeads has no scope"):
        _mock_with(table)


def test_a_row_naming_an_unknown_store_stops_the_mock() -> None:
    table = {**OPERATIONS, "listLeads": Operation(list_records, "leads:read", "lead")}
    with pytest.raises(OperationTableError, match="listLeads works on a store the mock does not have: 'lead'"):
        _mock_with(table)


def test_every_problem_is_named_at_once() -> None:
    table = {op_id: row for op_id, row in OPERATIONS.items() if op_id != "listLeads"}
    table["testAuth"] = Operation(OPERATIONS["testAuth"].handler)
    with pytest.raises(OperationTableError) as info:
        _mock_with(table)
    assert "listLeads is in the spec" in str(info.value) and "testAuth has no scope" in str(info.value)


def test_the_open_operation_says_so() -> None:
    # Only the auth check is open to any valid key, and it says so rather than leaving the scope out.
    assert [op_id for op_id, row in OPERATIONS.items() if row.scope == ANY_KEY] == ["testAuth"]
