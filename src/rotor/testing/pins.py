"""Pins and pin types in the mock. Every pin points at an existing pin type and a user of the company; the pin
types are the company's few kinds of pin, listed whole (not paginated)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Self

from rotor.testing import team
from rotor.testing.store import Record, RecordStore, timestamp

PIN_TYPES = (
    ("High Priority", "#FF0000"),
    ("Sold", "#00AA00"),
    ("Not Home", "#808080"),
    ("Call Back", "#FFA500"),
    ("Not Interested", "#000000"),
    ("Follow Up", "#1E90FF"),
    ("Estimate Given", "#800080"),
    ("Do Not Knock", "#8B0000"),
)


class PinTypeStore(RecordStore):
    noun = "Pin type"
    equality_filters = ()
    searched_fields = ()
    new_ids = "new-pin-type-ids"

    @classmethod
    def seeded(cls, count: int, seed: int, stores: Mapping[str, RecordStore]) -> Self:
        rng = random.Random(f"pin-types-{seed}")
        kinds = [PIN_TYPES[i % len(PIN_TYPES)] for i in range(count)]
        return cls([({"id": team.new_id(rng), "color": c, "label": label}, False) for label, c in kinds], seed=seed)


class PinStore(RecordStore):
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
