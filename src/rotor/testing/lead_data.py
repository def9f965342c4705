"""A realistic, deterministic lead data set, made with Faker: a sales pipeline of a field-service company.

Leads come as the API sends them: all 24 fields present, null where unknown (only ``name`` and ``tags`` never are).
Seeded apart from the customers (another Faker instance and random stream), so adding leads changed no customer.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import orjson

from rotor.testing.store import timestamp

if TYPE_CHECKING:
    from faker import Faker

# Weighted like a real pipeline: most leads are new or being worked, fewer are won or lost.
STAGES = ("New", "Contacted", "Qualified", "Won", "Lost")
STAGE_WEIGHTS = (30, 25, 20, 12, 13)
PRIORITIES = ("low", "medium", "high")
LEAD_TAGS = (
    "website-form",
    "referral",
    "residential",
    "commercial",
    "urgent",
    "quote-sent",
    "spring-promo",
    "repeat",
)
LEAD_SOURCES = ("website", "referral", "google", "facebook", "door-to-door", "phone", "yard-sign")
SERVICE_TYPES = ("Pool Cleaning", "Lawn Care", "Window Cleaning", "Pest Control", "Gutter Cleaning")
ADDRESS_FIELDS = ("street1", "street2", "city", "state", "zip", "country")
EPOCH = datetime(2021, 1, 1, tzinfo=UTC)
SPAN_MINUTES = 5 * 365 * 1440  # leads spread over five years, oldest first (the list is newest first)


def _maybe(rng: random.Random, share: float, value: Any) -> Any:
    return value if rng.random() < share else None


def _dollars(rng: random.Random) -> float | int:
    value = rng.uniform(150, 15000)
    return round(value) if rng.random() < 0.5 else round(value, 2)  # JSON numbers: whole and with cents


def _lead(fake: Faker, rng: random.Random, reps: list[str], index: int, count: int) -> tuple[dict[str, Any], bool]:
    created = EPOCH + timedelta(minutes=index * (SPAN_MINUTES // max(count, 1)) + rng.randrange(30))
    name = fake.company() if rng.random() < 0.15 else fake.name()
    handle = name.lower().replace(" ", ".").replace(",", "")
    archived = rng.random() < 0.1
    has_address = rng.random() < 0.7
    lead: dict[str, Any] = {
        "id": str(fake.uuid4()),
        "archived": archived,
        "archived_at": timestamp(created + timedelta(days=rng.randrange(1, 90))) if archived else None,
        "assigned_to": _maybe(rng, 0.6, rng.choice(reps)),
        "created_at": timestamp(created),
        "email": _maybe(rng, 0.85, f"{handle}{index}@{fake.free_email_domain()}"),
        "follow_up_date": _maybe(rng, 0.4, timestamp(created + timedelta(days=rng.randrange(1, 21)))),
        "lead_source": _maybe(rng, 0.9, rng.choice(LEAD_SOURCES)),
        "location": _maybe(rng, 0.5, [float(fake.latitude()), float(fake.longitude())]),
        "name": name,
        "notes": _maybe(rng, 0.4, fake.sentence()),
        "phone": _maybe(rng, 0.85, f"+1{rng.randrange(2012000000, 9899999999)}"),
        "priority": _maybe(rng, 0.9, rng.choice(PRIORITIES)),
        "projected_value": _maybe(rng, 0.7, _dollars(rng)),
    }
    address = {
        "street1": fake.street_address(),
        "street2": fake.secondary_address() if rng.random() < 0.3 else None,
        "city": fake.city(),
        "state": fake.state_abbr(),
        "zip": fake.postcode(),
        "country": "US",
    }
    lead.update({f"property_{f}": address[f] if has_address else None for f in ADDRESS_FIELDS})
    lead["service_type"] = _maybe(rng, 0.8, rng.choice(SERVICE_TYPES))
    lead["stage"] = rng.choices(STAGES, STAGE_WEIGHTS)[0]
    lead["tags"] = rng.sample(LEAD_TAGS, rng.randrange(0, 4))
    lead["value_score"] = _maybe(rng, 0.6, rng.randrange(0, 101))
    return lead, archived


@lru_cache(maxsize=4)
def _generate(count: int, seed: int) -> tuple[tuple[dict[str, Any], bool], ...]:
    from faker import Faker  # imported when leads are made, as for customers (rotor.testing.data)

    fake = Faker("en_US")
    fake.seed_instance(f"leads-{seed}")
    rng = random.Random(f"leads-{seed}-choices")  # not Faker's own stream, which is seeded alike
    reps = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(6)]  # the sales team
    return tuple(_lead(fake, rng, reps, i, count) for i in range(count))


def generate(count: int, seed: int) -> list[tuple[dict[str, Any], bool]]:
    """``count`` leads as (record, archived) pairs; the same seed gives the same data. Fresh copies each call."""
    cached = _generate(count, seed)
    records = orjson.loads(orjson.dumps([record for record, _ in cached]))
    return [(record, archived) for record, (_, archived) in zip(records, cached, strict=True)]
