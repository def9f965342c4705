"""Pin types in the mock: the company's few kinds of pin, listed whole (not paginated)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Self

from rotor.testing import team
from rotor.testing.store import RecordStore

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
    resource = "pin_types"
    default_count = 6
    noun = "Pin type"
    equality_filters = ()
    searched_fields = ()
    new_ids = "new-pin-type-ids"

    @classmethod
    def seeded(cls, count: int, seed: int, stores: Mapping[str, RecordStore]) -> Self:
        rng = random.Random(f"pin-types-{seed}")
        kinds = [PIN_TYPES[i % len(PIN_TYPES)] for i in range(count)]
        return cls([({"id": team.new_id(rng), "color": c, "label": label}, False) for label, c in kinds], seed=seed)
