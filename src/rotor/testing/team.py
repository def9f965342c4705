"""The company's users, for the records that name one (a pin's creator, a plan's seller, a job's technicians)."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

EPOCH = datetime(2021, 1, 1, tzinfo=UTC)
SPAN_MINUTES = 5 * 365 * 1440  # records spread over five years, oldest first (lists are newest first)


@lru_cache(maxsize=4)
def _team(seed: int) -> tuple[tuple[str, str, str], ...]:
    from faker import Faker  # imported when the team is made (see rotor.testing.data_cache)

    fake = Faker("en_US")
    fake.seed_instance(f"team-{seed}")
    rng = random.Random(f"team-{seed}")
    people = []
    for _ in range(8):
        name = f"{fake.first_name()} {fake.last_name()}"
        email = f"{name.lower().replace(' ', '.')}@{fake.domain_name()}"
        people.append((email, name, str(uuid.UUID(int=rng.getrandbits(128), version=4))))
    return tuple(people)


def team(seed: int) -> list[dict[str, Any]]:
    """Eight users (``email``, ``name``, ``user_id``), the same for a seed."""
    return [{"email": e, "name": n, "user_id": u} for e, n, u in _team(seed)]


def new_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def created_at(rng: random.Random, index: int, count: int) -> datetime:
    """The creation time of record ``index`` of ``count``: increasing with the index, as the store lists them."""
    return EPOCH + timedelta(minutes=index * (SPAN_MINUTES // max(count, 1)) + rng.randrange(30))
