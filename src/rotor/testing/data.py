"""A realistic, deterministic customer data set, made with Faker."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import orjson

from rotor.testing import data_cache
from rotor.testing.store import timestamp

if TYPE_CHECKING:
    from faker import Faker

TAG_VOCABULARY = (
    "vip",
    "weekly",
    "biweekly",
    "monthly",
    "pool",
    "lawn",
    "pest",
    "commercial",
    "referral",
    "late-payer",
)
SOURCES = ("website", "referral", "google", "door-to-door", "import", "phone")
EPOCH = datetime(2019, 1, 1, tzinfo=UTC)


def _customer(fake: Faker, rng: random.Random, index: int, count: int) -> dict[str, Any]:
    # Spread over ~7 years, increasing with index (the store lists by insertion order, newest first).
    created = EPOCH + timedelta(minutes=index * (7 * 365 * 1440 // max(count, 1)) + rng.randrange(30))
    customer: dict[str, Any] = {
        "id": str(fake.uuid4()),
        "first_name": fake.first_name(),
        "last_name": fake.last_name(),
        "created_at": timestamp(created),
        "status": "active" if rng.random() < 0.75 else "inactive",
        "source": rng.choice(SOURCES),
    }
    if rng.random() < 0.3:
        customer["company_name"] = fake.company()
    if rng.random() < 0.9:
        customer["email"] = (
            f"{customer['first_name']}.{customer['last_name']}{index}@{fake.free_email_domain()}".lower()
        )
    if rng.random() < 0.85:
        customer["phone"] = f"+1{rng.randrange(2012000000, 9899999999)}"
    if rng.random() < 0.8:
        customer["address"] = {
            "street1": fake.street_address(),
            "street2": fake.secondary_address() if rng.random() < 0.3 else None,
            "city": fake.city(),
            "state": fake.state_abbr(),
            "zip": fake.postcode(),
            "country": "US",
        }
    customer["location"] = [float(fake.latitude()), float(fake.longitude())] if rng.random() < 0.6 else None
    customer["notes"] = fake.sentence() if rng.random() < 0.5 else None
    customer["tags"] = rng.sample(TAG_VOCABULARY, rng.randrange(0, 4)) if rng.random() < 0.8 else None
    # Both doc flavours: older records carry is_auto_pay, newer ones has_payment_method.
    customer["is_auto_pay" if index % 2 else "has_payment_method"] = rng.random() < 0.4
    return customer


# Faker costs ~0.3 ms a customer; beyond this many, records are varied copies of the first ones (new id, email,
# phone, date), so a 100,000-customer export benchmark starts in seconds rather than a minute.
FAKER_RECORDS = 5000


def _variant(base: dict[str, Any], rng: random.Random, index: int, count: int) -> dict[str, Any]:
    record: dict[str, Any] = orjson.loads(orjson.dumps(base))  # a deep copy; JSON data copies fastest this way
    record["id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    created = EPOCH + timedelta(minutes=index * (7 * 365 * 1440 // max(count, 1)) + rng.randrange(30))
    record["created_at"] = timestamp(created)
    if "email" in record:
        record["email"] = record["email"].replace("@", f".{index}@", 1)
    if "phone" in record:
        record["phone"] = f"+1{rng.randrange(2012000000, 9899999999)}"
    return record


Made = tuple[tuple[dict[str, Any], bool], ...]


@lru_cache(maxsize=4)
def _generate(count: int, seed: int) -> Made:
    # Kept on disk when a folder is named (rotor.testing.data_cache): Faker's 1.5 s for the default 2,500 is then paid
    # once per run, not once in every process whose mock needs customers under counts of its own.
    return data_cache.kept(data_cache.faker_key(count, seed), lambda: _made(count, seed), orjson.dumps, _read)


def _read(kept: bytes) -> Made:
    return tuple((record, archived) for record, archived in orjson.loads(kept))


def _made(count: int, seed: int) -> Made:
    # Imported here, not with the module: a mock whose seeded data is cached never makes any, and Faker's import is
    # 0.1 s of every process that starts a mock.
    from faker import Faker

    fake = Faker("en_US")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    base = [_customer(fake, rng, i, count) for i in range(min(count, FAKER_RECORDS))]
    variants = random.Random(f"variants-{seed}")  # not `rng`: Faker's ids come from a stream seeded alike
    records = base + [_variant(base[i % FAKER_RECORDS], variants, i, count) for i in range(len(base), count)]
    return tuple((record, rng.random() < 0.1) for record in records)


def generate(count: int, seed: int) -> list[tuple[dict[str, Any], bool]]:
    """``count`` customers as (record, archived) pairs; the same seed gives the same data. Fresh copies each call."""
    cached = _generate(count, seed)
    records = orjson.loads(orjson.dumps([record for record, _ in cached]))
    return [(record, archived) for record, (_, archived) in zip(records, cached, strict=True)]
