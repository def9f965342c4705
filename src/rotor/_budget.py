"""Counting requests, and refusing the one that would exceed ``max_requests``.

A key allows 1,000 requests a day, so iteration and exports take a budget. Every attempt is counted, retries
included (the API counts them too), and the check comes before the attempt is sent: a budget is never exceeded.
Without a limit the budget only counts, which is how an export reports what it spent.
"""

from __future__ import annotations

from rotor._exceptions import RequestBudgetExceeded
from rotor._validation import int_in


class RequestBudget:
    def __init__(self, max_requests: int | None = None, *, spent: int = 0) -> None:
        self.max_requests = None if max_requests is None else int_in("max_requests", max_requests, 1, 10**9)
        self.spent = spent

    @property
    def remaining(self) -> int | None:
        return None if self.max_requests is None else max(0, self.max_requests - self.spent)

    def spend(self) -> None:
        """Count one attempt, or raise before it when the budget is spent."""
        if self.max_requests is not None and self.spent >= self.max_requests:
            raise RequestBudgetExceeded(max_requests=self.max_requests, spent=self.spent)
        self.spent += 1

    def check_plan(self, needed_more: int) -> None:
        """Refuse a plan that cannot fit: ``needed_more`` requests beyond those already spent."""
        if self.max_requests is not None and self.spent + needed_more > self.max_requests:
            raise RequestBudgetExceeded(
                max_requests=self.max_requests, spent=self.spent, needed=self.spent + needed_more
            )

    def __repr__(self) -> str:
        return f"RequestBudget(spent={self.spent}, max_requests={self.max_requests})"
