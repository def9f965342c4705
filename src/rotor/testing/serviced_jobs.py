"""Serviced jobs in the mock: jobs of existing customers, most in one of their service plans, done by the company's
technicians. Quotes and archived jobs are stored but never listed; ``only_completed`` (default true) lists the
completed ones only."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import timedelta
from typing import Any, Self

import attrs

from rotor.testing import team
from rotor.testing.service_plans import customer_summary
from rotor.testing.store import Filters, Record, RecordStore, timestamp


def _job(rng: random.Random, index: int, count: int, customers: list[Record], plans: list[Record],
         technicians: list[Record]) -> tuple[Record, bool, bool]:  # fmt: skip
    """(job, completed, hidden): hidden jobs are quotes or archived (ASSUMPTION A34: never completed)."""
    plan = rng.choice(plans) if plans and rng.random() < 0.7 else None
    customer = plan["customer"] if plan else customer_summary(rng.choice(customers))
    completed = rng.random() < 0.65
    hidden = not completed and rng.random() < 0.3
    price = round(rng.uniform(90, 900), 2)
    received = price if completed and rng.random() < 0.8 else round(price * rng.choice((0, 0, 0.5)), 2)
    job: Record = {
        "id": team.new_id(rng),
        "customer": dict(customer),
        "service_plan_id": plan["id"] if plan else None,
        "technicians": [dict(t) for t in rng.sample(technicians, rng.randrange(1, 3))],
        "total_outstanding": round(price - received, 2),
        "total_received": received,
    }
    if completed or rng.random() < 0.7:  # a job not scheduled yet has no first visit
        visit = team.created_at(rng, index, count) + timedelta(days=rng.randrange(0, 30), hours=rng.randrange(7, 17))
        job["service_date"] = timestamp(visit.replace(minute=0, second=0, microsecond=0))
    return job, completed, hidden


class ServicedJobStore(RecordStore):
    resource = "serviced_jobs"
    default_count = 1500
    noun = "Serviced job"
    equality_filters = ()
    range_filters = {"service_date": ("service_date_range_start", "service_date_range_end")}  # noqa: RUF012
    searched_fields = ()
    new_ids = "new-serviced-job-ids"

    @classmethod
    def seeded(cls, count: int, seed: int, stores: Mapping[str, RecordStore]) -> Self:
        """``count`` jobs of the seeded customers and plans (none without customers)."""
        customers = [s.record for s in stores["customers"].all()]
        plans = [s.record for s in stores["service_plans"].all()]
        technicians = team.team(seed)[4:]
        rng = random.Random(f"serviced-jobs-{seed}")
        store = cls(seed=seed)
        for i in range(count if customers else 0):
            job, completed, hidden = _job(rng, i, count, customers, plans, technicians)
            store.add(job, archived=hidden, extra={"completed": completed})
        return store

    def filters(self, params: Mapping[str, Any]) -> Filters:
        found = super().filters(params)
        return attrs.evolve(found, hidden=(("completed", True),) if params.get("only_completed", True) else ())
