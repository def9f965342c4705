"""Pins in the mock. Every pin points at an existing pin type (``rotor.testing.pin_types``) and a user of the
company."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Self

from rotor.testing import team
from rotor.testing.store import Record, RecordStore, timestamp


class PinStore(RecordStore):
    resource = "pins"
    default_count = 400
    noun = "Pin"
    equality_filters = ("pin_type_id", "user_id")
    field_of = {"pin_type_id": "pin_type.id", "user_id": "created_by.user_id"}  # noqa: RUF012 (never mutated)
    searched_fields = ()
    new_ids = "new-pin-ids"

    @classmethod
    def seeded(cls, count: int, seed: int, stores: Mapping[str, RecordStore]) -> Self:
        """``count`` pins, none when there is no pin type for them to be."""
        kinds = [s.record for s in stores["pin_types"].all()]
        users = team.team(seed)
        rng = random.Random(f"pins-{seed}")
        records: list[tuple[Record, bool]] = []
        # Pins cluster around a few neighbourhoods a team canvasses; a few types and reps do most of the work.
        centres = [(rng.uniform(26, 47), rng.uniform(-122, -71)) for _ in range(5)]
        for i in range(count if kinds else 0):
            lat, lng = rng.choice(centres)
            pin = {
                "id": team.new_id(rng),
                "created_at": timestamp(team.created_at(rng, i, count)),
                "created_by": dict(rng.choices(users, weights=range(len(users), 0, -1))[0]),
                "location": [round(lat + rng.gauss(0, 0.02), 6), round(lng + rng.gauss(0, 0.02), 6)],
                "pin_type": dict(rng.choices(kinds, weights=range(len(kinds), 0, -1))[0]),
            }
            records.append((pin, False))
        return cls(records, seed=seed)
