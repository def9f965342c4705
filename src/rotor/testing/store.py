"""The mock's state: customers with the documented filter, paging and upsert rules; keys, scopes and quotas."""

from __future__ import annotations

import hmac
import random
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

import attrs

Record = dict[str, Any]
SEARCHED_FIELDS = ("first_name", "last_name", "company_name", "email", "phone")
ADDRESS_FIELDS = ("street1", "street2", "city", "state", "zip", "country")


@attrs.define
class Stored:
    record: Record
    archived: bool
    seq: int  # insertion order; the list is newest first
    billing: dict[str, Any] = attrs.field(factory=dict)
    extra: dict[str, Any] = attrs.field(factory=dict)  # upsert-only fields (service_type, ...)


@attrs.frozen
class Filters:
    archived: bool = False
    status: str | None = None
    tags: tuple[str, ...] = ()
    search: str | None = None

    def matches(self, item: Stored) -> bool:
        record = item.record
        if item.archived and not self.archived:
            return False
        if self.status is not None and record.get("status") != self.status:
            return False
        # ASSUMPTION (as in the spec): a customer matches when it has *any* of the tags.
        if self.tags and not set(self.tags) & set(record.get("tags") or ()):
            return False
        if self.search:
            needle = self.search.casefold()
            return any(needle in str(record.get(f) or "").casefold() for f in SEARCHED_FIELDS)
        return True


class CustomerStore:
    def __init__(self, customers: Iterable[tuple[Record, bool]] = (), *, seed: int = 0) -> None:
        self._items: dict[str, Stored] = {}
        # Ids of created customers come from the seed too, so a replayed test (or a derandomized hypothesis run
        # following links to them) sends the same requests every time.
        self._new_ids = random.Random(f"new-ids-{seed}")
        self._seq = 0
        self._version = 0
        self._cache: dict[Filters, tuple[int, list[Record]]] = {}
        for record, archived in customers:
            self.add(record, archived=archived)

    def __len__(self) -> int:
        return len(self._items)

    def add(self, record: Record, *, archived: bool = False) -> Record:
        self._seq += 1
        self._version += 1
        self._items[record["id"]] = Stored(record=record, archived=archived, seq=self._seq)
        return record

    def get(self, customer_id: str) -> Record | None:
        item = self._items.get(customer_id)
        return item.record if item else None

    def all(self) -> list[Stored]:
        return sorted(self._items.values(), key=lambda s: -s.seq)

    def matching(self, filters: Filters) -> list[Record]:
        """Newest first; cached per filter until the next write (exports page through the same query)."""
        cached = self._cache.get(filters)
        if cached and cached[0] == self._version:
            return cached[1]
        result = [s.record for s in self.all() if filters.matches(s)]
        self._cache[filters] = (self._version, result)
        return result

    def page(self, filters: Filters, *, limit: int, page: int) -> tuple[list[Record], dict[str, Any]]:
        matching = self.matching(filters)
        start = (page - 1) * limit
        items = matching[start : start + limit]
        total = len(matching)
        return items, {"has_more": start + len(items) < total, "limit": limit, "page": page, "total": total}

    # -- upsert ------------------------------------------------------------------------------------------------

    def _find_for_upsert(self, body: Mapping[str, Any]) -> Stored | None:
        if body.get("id"):
            return self._items.get(str(body["id"]))
        for key in ("phone", "email"):  # documented order: phone first, then email
            value = body.get(key)
            if value:
                for item in self._items.values():
                    if item.record.get(key) == value:
                        return item
        return None

    def upsert(self, body: Mapping[str, Any]) -> tuple[Record, bool]:
        """Apply the documented upsert rules; returns (flat result, created)."""
        item = self._find_for_upsert(body)
        created = item is None
        if item is None:
            # ASSUMPTION (spec): an unknown `id` creates a customer with that id.
            record: Record = {
                "id": str(body.get("id") or uuid.UUID(int=self._new_ids.getrandbits(128), version=4)),
                "created_at": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            }
            self.add(record)
            item = self._items[record["id"]]
        self._version += 1
        self._apply(item, body)
        return self.flat(item), created

    @staticmethod
    def _apply(item: Stored, body: Mapping[str, Any]) -> None:
        record = item.record
        for key in ("company_name", "email", "first_name", "last_name", "notes", "phone", "source", "status"):
            if key in body:
                record[key] = body[key]
        if "tags" in body:
            merged = list(record.get("tags") or [])
            merged += [t for t in body["tags"] if t not in merged]
            record["tags"] = merged
        prop = {f: body[f"property_{f}"] for f in ADDRESS_FIELDS if f"property_{f}" in body}
        if prop:
            address = dict(record.get("address") or {f: "" for f in ADDRESS_FIELDS if f != "street2"})
            address.update(prop)
            record["address"] = address
        item.billing.update({f: body[f"billing_{f}"] for f in ADDRESS_FIELDS if f"billing_{f}" in body})
        if "billing_same_as_property" in body:
            item.extra["billing_same_as_property"] = body["billing_same_as_property"]
        for key in ("service_frequency", "service_type"):
            if key in body:
                item.extra[key] = body[key]

    @staticmethod
    def flat(item: Stored) -> Record:
        record = item.record
        flat: Record = {
            k: v for k, v in record.items() if k not in {"address", "location", "is_auto_pay", "has_payment_method"}
        }
        address = record.get("address") or {}
        for f in ADDRESS_FIELDS:
            if f in address:
                flat[f"property_{f}"] = address[f]
        same = item.extra.get("billing_same_as_property")
        for f in ADDRESS_FIELDS:
            flat[f"billing_{f}"] = address.get(f) if same else item.billing.get(f)
        flat.update(item.extra)
        return flat


@attrs.define
class ApiKey:
    key: str = attrs.field(repr=False)
    name: str
    scopes: frozenset[str]
    company_id: str


class KeyRing:
    """Known keys with their scopes, and a per-key daily request quota (UTC days)."""

    def __init__(self, keys: Mapping[str, Iterable[str]], daily_quota: int) -> None:
        self.keys = [
            ApiKey(key=k, name=f"key-{i}", scopes=frozenset(s), company_id=str(uuid.UUID(int=i + 1)))
            for i, (k, s) in enumerate(keys.items())
        ]
        self.daily_quota = daily_quota
        self.used: Counter[str] = Counter()
        self._day: date = datetime.now(UTC).date()

    def authenticate(self, presented: str | None) -> ApiKey | None:
        if not presented:
            return None
        found = None
        for candidate in self.keys:
            # Compare against every key, in constant time, so timing reveals nothing about near-misses.
            if hmac.compare_digest(candidate.key.encode(), presented.encode()):
                found = candidate
        return found

    def spend(self, key: ApiKey) -> bool:
        """Count one request; False once the key's quota for today is spent."""
        today = datetime.now(UTC).date()
        if today != self._day:
            self._day, self.used = today, Counter()
        if self.used[key.name] >= self.daily_quota:
            return False
        self.used[key.name] += 1
        return True
