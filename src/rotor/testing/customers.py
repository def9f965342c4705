"""Customers in the mock: their filters, and how the upsert's flat fields map onto the nested ``address``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from rotor.testing import data
from rotor.testing.store import Record, RecordStore, Stored

ADDRESS_FIELDS = ("street1", "street2", "city", "state", "zip", "country")
_COPIED = ("company_name", "email", "first_name", "last_name", "notes", "phone", "source", "status")
_NOT_IN_UPSERT_ANSWER = {"address", "location", "is_auto_pay", "has_payment_method"}


class CustomerStore(RecordStore):
    resource = "customers"
    default_count = 2500
    noun = "Customer"
    equality_filters = ("status",)
    searched_fields = ("first_name", "last_name", "company_name", "email", "phone")
    new_ids = "new-ids"

    @classmethod
    def seeded(cls, count: int, seed: int, stores: Mapping[str, RecordStore]) -> Self:
        return cls(data.generate(count, seed), seed=seed)

    def apply(self, item: Stored, body: Mapping[str, Any]) -> None:
        record = item.record
        for key in _COPIED:
            if key in body:
                record[key] = body[key]
        self.merge_tags(record, body)
        prop = {f: body[f"property_{f}"] for f in ADDRESS_FIELDS if f"property_{f}" in body}
        if prop:
            # ASSUMPTION (A12 in the spec): the nested address mirrors the upsert's property_* fields.
            address = dict(record.get("address") or {f: "" for f in ADDRESS_FIELDS if f != "street2"})
            address.update(prop)
            record["address"] = address
        item.billing.update({f: body[f"billing_{f}"] for f in ADDRESS_FIELDS if f"billing_{f}" in body})
        if "billing_same_as_property" in body:
            item.extra["billing_same_as_property"] = body["billing_same_as_property"]
        for key in ("service_frequency", "service_type"):
            if key in body:
                item.extra[key] = body[key]

    def flat(self, item: Stored) -> Record:
        record = item.record
        flat: Record = {k: v for k, v in record.items() if k not in _NOT_IN_UPSERT_ANSWER}
        address = record.get("address") or {}
        for f in ADDRESS_FIELDS:
            if f in address:
                flat[f"property_{f}"] = address[f]
        same = item.extra.get("billing_same_as_property")
        for f in ADDRESS_FIELDS:
            flat[f"billing_{f}"] = address.get(f) if same else item.billing.get(f)
        flat.update(item.extra)
        return flat
