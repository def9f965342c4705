"""Leads in the mock: their filters, and the upsert's renamings (``address_*`` and ``source`` in the request are the
lead's ``property_*`` and ``lead_source``; the upsert's answer carries both address families)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from rotor.testing import lead_data
from rotor.testing.lead_data import ADDRESS_FIELDS
from rotor.testing.store import Record, RecordStore, Stored

_COPIED = ("email", "follow_up_date", "name", "notes", "phone", "priority", "projected_value", "service_type", "stage")
RENAMED = {"source": "lead_source", **{f"address_{f}": f"property_{f}" for f in ADDRESS_FIELDS}}
# The fields a created lead starts with as null (every field may be null but `name`, left out until given, and `tags`).
_NULLABLE = [
    "archived_at",
    "assigned_to",
    "email",
    "follow_up_date",
    "lead_source",
    "location",
    "notes",
    "phone",
    "priority",
    "projected_value",
    "property_city",
    "property_country",
    "property_state",
    "property_street1",
    "property_street2",
    "property_zip",
    "service_type",
    "stage",
    "value_score",
]


class LeadStore(RecordStore):
    resource = "leads"
    default_count = 600
    noun = "Lead"
    equality_filters = ("stage",)
    searched_fields = ("name", "email", "phone")
    new_ids = "new-lead-ids"  # not the customers' stream: a lead and a customer created alike get different ids

    @classmethod
    def seeded(cls, count: int, seed: int, stores: Mapping[str, RecordStore]) -> Self:
        return cls(lead_data.generate(count, seed), seed=seed)

    def new_record(self, record_id: str, created_at: str) -> Record:
        return {"id": record_id, "created_at": created_at, "archived": False, **dict.fromkeys(_NULLABLE), "tags": []}

    def apply(self, item: Stored, body: Mapping[str, Any]) -> None:
        record = item.record
        for key in _COPIED:
            if key in body:
                record[key] = body[key]
        for sent, kept in RENAMED.items():
            if sent in body:
                record[kept] = body[sent]
        self.merge_tags(record, body)

    def flat(self, item: Stored) -> Record:
        # ASSUMPTION (A24 in the spec): each address_* of the answer is a copy of its property_* field.
        record = item.record
        return {**record, **{f"address_{f}": record.get(f"property_{f}") for f in ADDRESS_FIELDS}}
