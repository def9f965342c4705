"""A resumed export refused by its budget is a usage matter (7, raise --max-requests), not a partial export (10):
running the same command again would be refused the same way."""

from pathlib import Path

from rotor import RequestBudgetExceeded
from rotor._export import PartialExport
from rotor.cli.errors import ExitCode, classify, message


def _kept(exc: BaseException) -> BaseException:
    exc.partial_export = PartialExport(  # type: ignore[attr-defined]
        Path("c.jsonl"), Path("c.jsonl.part"), Path("c.jsonl.part.json"), written=1000, requests=1
    )
    return exc


def test_a_refused_plan_with_a_partial_export_kept_exits_7_and_says_how_much_to_allow() -> None:
    exc = _kept(RequestBudgetExceeded(max_requests=3, spent=1, needed=17))
    assert classify(exc)[0] is ExitCode.VALIDATION
    assert "--resume and --max-requests 17 or more" in message(exc)


def test_a_budget_spent_mid_export_is_a_partial_export() -> None:
    exc = _kept(RequestBudgetExceeded(max_requests=5, spent=5))
    assert classify(exc)[0] is ExitCode.PARTIAL_EXPORT
