"""Shared fixtures of the contract suite, and the operation x status coverage table it prints at the end."""

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from contract_tests.spec_helpers import operations
from rotor.testing import MockRotor

COVERAGE: Counter[tuple[str, int]] = Counter()
REPORT = Path(__file__).resolve().parent.parent / "build" / "contract-coverage.md"


def record(mock: MockRotor) -> None:
    """Add what a mock answered to the suite-wide coverage table."""
    COVERAGE.update(mock.statuses)


@pytest.fixture
def contract_mock() -> Iterator[MockRotor]:
    """A small mock with a quota large enough for generated traffic; its answers count toward coverage."""
    mock = MockRotor(customers=300, seed=7, daily_quota=10**9)
    yield mock
    record(mock)


def coverage_table() -> tuple[str, list[str]]:
    """A markdown table of documented statuses per operation, and the ones nothing reached."""
    lines = ["| operation | status | responses seen |", "|---|---|---|"]
    missing = []
    for path, method, op in operations():
        for status in sorted(op["responses"]):
            seen = COVERAGE[(op["operationId"], int(status))]
            lines.append(f"| {method.upper()} {path} | {status} | {seen} |")
            if not seen:
                missing.append(f"{method.upper()} {path} {status}")
    return "\n".join(lines), missing


def pytest_sessionfinish(session: pytest.Session) -> None:
    # Under pytest-xdist each worker counts its own answers: hand them to the controller, which prints the table.
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["rotor_coverage"] = [[op, status, seen] for (op, status), seen in COVERAGE.items()]


def pytest_testnodedown(node: Any, error: object) -> None:
    """pytest-xdist: a worker finished; add its coverage counts to the controller's."""
    for op, status, seen in getattr(node, "workeroutput", {}).get("rotor_coverage", []):
        COVERAGE[(op, int(status))] += seen


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not COVERAGE:
        return
    table, missing = coverage_table()
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(f"# Mock responses by operation and documented status\n\n{table}\n")
    terminalreporter.write_sep("-", "documented statuses reached by the contract suite")
    terminalreporter.write_line(table)
    terminalreporter.write_line(
        f"not reached: {', '.join(missing) or 'none'}  (also in {REPORT.relative_to(Path.cwd()) if REPORT.is_relative_to(Path.cwd()) else REPORT})"
    )
