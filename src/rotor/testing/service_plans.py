"""Service plans in the mock: recurring agreements of existing customers, sold by users of the company."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import timedelta
from typing import Any, Self

import attrs

from rotor.testing import team
from rotor.testing.store import Filters, Record, RecordStore, timestamp

FREQUENCIES = ("One-Time", "Annual", "Semi-Annual", "Tri-Annual", "Quarterly", "Bi-Monthly", "Monthly", "Bi-Weekly",
               "Weekly", "Custom")  # fmt: skip
FREQUENCY_WEIGHTS = (5, 8, 6, 3, 20, 8, 25, 10, 12, 3)
SERVICE_TYPES = ("Window Cleaning", "Pool Cleaning", "Lawn Care", "Pest Control", "Gutter Cleaning")


def customer_summary(customer: Record) -> Record:
    """How a plan or a job names its customer."""
    return {k: customer[k] for k in ("id", "company_name", "first_name", "last_name") if k in customer}


def _plan(rng: random.Random, index: int, count: int, customer: Record, users: list[Record]) -> Record:
    created = team.created_at(rng, index, count)
    completed, pending, scheduled = rng.randrange(0, 24), rng.randrange(0, 3), rng.randrange(0, 12)
    sale_value = round(rng.uniform(80, 400) * (completed + pending + scheduled + 1), 2)
    return {
        "id": team.new_id(rng),
        "active": rng.random() < 0.7,
        "created_at": timestamp(created),
        "customer": customer_summary(customer),
        "num_completed_jobs": completed,
        "num_pending_jobs": pending,
        "num_scheduled_jobs": scheduled,
        "sale_value": sale_value if rng.random() < 0.5 else round(sale_value),
        "service_frequency": rng.choices(FREQUENCIES, FREQUENCY_WEIGHTS)[0],
        "service_type": rng.choice(SERVICE_TYPES),
        "sold_by": dict(rng.choice(users)),
        "start_date": (created + timedelta(days=rng.randrange(0, 45))).date().isoformat(),
        "total_received": round(sale_value * rng.random() * completed / (completed + pending + scheduled + 1), 2),
    }


class ServicePlanStore(RecordStore):
    resource = "service_plans"
    default_count = 500
    noun = "Service plan"
    equality_filters = ("frequency", "service_type", "sold_by_user_id")
    field_of = {"frequency": "service_frequency", "sold_by_user_id": "sold_by.user_id"}  # noqa: RUF012 (never mutated)
    range_filters = {"created_at": ("created_at_range_start", "created_at_range_end")}  # noqa: RUF012
    searched_fields = ()
    new_ids = "new-service-plan-ids"

    @classmethod
    def seeded(cls, count: int, seed: int, stores: Mapping[str, RecordStore]) -> Self:
        """``count`` plans of the seeded customers (none without customers)."""
        customers = [s.record for s in stores["customers"].all()]
        users = team.team(seed)[:4]  # the sales reps
        rng = random.Random(f"service-plans-{seed}")
        plans = [_plan(rng, i, count, rng.choice(customers), users) for i in range(count if customers else 0)]
        return cls([(plan, False) for plan in plans], seed=seed)

    def filters(self, params: Mapping[str, Any]) -> Filters:
        # ASSUMPTION (A32 in the spec): status=active keeps the plans whose `active` is true.
        found = super().filters(params)
        if params.get("status") is None:
            return found
        return attrs.evolve(found, equal=(*found.equal, ("active", params["status"] == "active")))
