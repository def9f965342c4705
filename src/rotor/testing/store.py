"""The mock's state: records with the documented filter, paging and upsert rules; keys, scopes and quotas.

``RecordStore`` holds what every resource shares: lists filtered by archived, equality (of a field or a nested
one), tags (any of), a case-insensitive search and inclusive date-time ranges, newest first and cached per query;
the upsert's lookup by id, then phone, then email, with tags merged. A subclass says which fields are filtered and
searched, and how a request body becomes a record and a record the upsert's flat answer (list-only resources have
no upsert).
"""

from __future__ import annotations

import hmac
import pickle
import random
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any, ClassVar, Self

import attrs

Record = dict[str, Any]


def timestamp(moment: datetime) -> str:
    """A date-time as the API writes one: milliseconds, UTC as ``Z``."""
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@attrs.define
class Stored:
    record: Record
    archived: bool
    seq: int  # insertion order; the list is newest first
    billing: dict[str, Any] = attrs.field(factory=dict)
    extra: dict[str, Any] = attrs.field(factory=dict)  # upsert-only fields (service_type, ...)


@attrs.frozen
class Filters:
    """One list query's filters, as the store applies them (hashable: the store caches results per query)."""

    archived: bool = False
    equal: tuple[tuple[str, Any], ...] = ()  # (parameter, value): customers' status, leads' stage
    tags: tuple[str, ...] = ()
    search: str | None = None
    ranges: tuple[tuple[str, datetime | None, datetime | None], ...] = ()  # (field, start, end), both inclusive
    hidden: tuple[tuple[str, Any], ...] = ()  # (key, value) of state the API does not show (``Stored.extra``)


# Every resource's store type, by the resource's name (the spec's tag): filled as each store module is imported.
STORE_TYPES: dict[str, type[RecordStore]] = {}


class RecordStore:
    resource: ClassVar[str]  # the spec's tag it stores (``customers``): registers the class in STORE_TYPES
    default_count: ClassVar[int]  # records a mock seeds unless told otherwise (``MockRotor(customers=...)``)
    noun: ClassVar[str]  # "Customer": the upsert's message says "Customer created successfully"
    equality_filters: ClassVar[tuple[str, ...]]  # query parameters kept when the field of that name equals them
    field_of: ClassVar[Mapping[str, str]] = {}  # parameter -> the (dotted) field it compares with, where they differ
    range_filters: ClassVar[Mapping[str, tuple[str, str]]] = {}  # date-time field -> (start, end) parameters
    searched_fields: ClassVar[tuple[str, ...]]
    upsert_keys: ClassVar[tuple[str, ...]] = ("phone", "email")  # documented order: phone first, then email
    new_ids: ClassVar[str]  # names the seeded stream that created records take their ids from

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "resource" in cls.__dict__:  # a store of its own, not a test's variant of one (which names none)
            STORE_TYPES[cls.resource] = cls

    def __init__(self, records: Iterable[tuple[Record, bool]] = (), *, seed: int = 0) -> None:
        self._items: dict[str, Stored] = {}
        # Ids of created records come from the seed too, so a replayed test (or a derandomized hypothesis run
        # following links to them) sends the same requests every time.
        self._new_ids = random.Random(f"{self.new_ids}-{seed}")
        self._seq = 0
        self._version = 0
        self._cache: dict[Filters, tuple[int, list[Record]]] = {}
        for record, archived in records:
            self.add(record, archived=archived)

    @classmethod
    def seeded(cls, count: int, seed: int, stores: Mapping[str, RecordStore]) -> Self:
        """``count`` records of the resource's data set for ``seed``; ``stores`` are the mock's others, for the
        records this resource's point at (a service plan's customer, a pin's type)."""
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._items)

    def state(self) -> bytes:
        """Everything this store holds (records, the id stream, counters), to make ``copied`` stores from."""
        return pickle.dumps(vars(self), protocol=pickle.HIGHEST_PROTOCOL)

    def copied(self, state: bytes) -> Self:
        """A store of this class holding ``state`` (from ``state()``), sharing nothing mutable with any other."""
        return type(self).restored(state)

    @classmethod
    def restored(cls, state: bytes) -> Self:
        """A store of this class holding ``state`` (from ``state()``, of a store of this class)."""
        store = object.__new__(cls)
        store.__dict__.update(pickle.loads(state))
        return store

    def add(self, record: Record, *, archived: bool = False, extra: dict[str, Any] | None = None) -> Record:
        """A new record, newest of all; ``extra`` is state the API does not show (``Stored.extra``)."""
        self._seq += 1
        self._version += 1
        self._items[record["id"]] = Stored(record=record, archived=archived, seq=self._seq, extra=dict(extra or {}))
        return record

    def new_id(self) -> str:
        """An id for a record the mock creates, from the seeded stream (a replayed test gets the same ids)."""
        return str(uuid.UUID(int=self._new_ids.getrandbits(128), version=4))

    def changed(self) -> None:
        """A record was changed in place: cached list results must not hide it."""
        self._version += 1

    def get(self, record_id: str) -> Record | None:
        item = self._items.get(record_id)
        return item.record if item else None

    def all(self) -> list[Stored]:
        return sorted(self._items.values(), key=lambda s: -s.seq)

    # -- lists ---------------------------------------------------------------------------------------------------

    def filters(self, params: Mapping[str, Any]) -> Filters:
        """The filters of a validated list query."""
        tags = tuple(t.strip() for t in str(params.get("tags") or "").split(",") if t.strip())
        return Filters(
            archived=bool(params.get("archived", False)),
            # UUID parameters arrive parsed; records hold their ids as strings.
            equal=tuple(
                (name, str(params[name]) if isinstance(params[name], uuid.UUID) else params[name])
                for name in self.equality_filters
                if params.get(name) is not None
            ),
            tags=tags,
            search=params.get("search") or None,
            ranges=tuple(
                (field, params.get(start), params.get(end))
                for field, (start, end) in self.range_filters.items()
                if params.get(start) is not None or params.get(end) is not None
            ),
        )

    def matches(self, item: Stored, filters: Filters) -> bool:
        record = item.record
        if item.archived and not filters.archived:
            return False
        if any(field(record, self.field_of.get(name, name)) != value for name, value in filters.equal):
            return False
        if any(item.extra.get(key) != value for key, value in filters.hidden):
            return False
        if filters.ranges and not all(in_range(field(record, f), start, end) for f, start, end in filters.ranges):
            return False
        if filters.tags and not self.has_tags(record.get("tags") or [], filters.tags):
            return False
        if filters.search:
            needle = filters.search.casefold()
            return any(needle in str(record.get(f) or "").casefold() for f in self.searched_fields)
        return True

    @staticmethod
    def has_tags(tags: list[str], wanted: tuple[str, ...]) -> bool:
        """A record matches a tags filter when it has any of the tags (stated for leads, assumed for customers)."""
        return not set(wanted).isdisjoint(tags)

    def matching(self, filters: Filters) -> list[Record]:
        """Newest first; cached per filter until the next write (exports page through the same query)."""
        cached = self._cache.get(filters)
        if cached and cached[0] == self._version:
            return cached[1]
        result = [s.record for s in self.all() if self.matches(s, filters)]
        self._cache[filters] = (self._version, result)
        return result

    def page(self, filters: Filters, *, limit: int, page: int) -> tuple[list[Record], dict[str, Any]]:
        matching = self.matching(filters)
        start = (page - 1) * limit
        items = matching[start : start + limit]
        total = len(matching)
        return items, {"has_more": start + len(items) < total, "limit": limit, "page": page, "total": total}

    # -- upsert ------------------------------------------------------------------------------------------------

    def find_for_upsert(self, body: Mapping[str, Any]) -> Stored | None:
        if body.get("id"):
            return self._items.get(str(body["id"]))
        for key in self.upsert_keys:
            value = body.get(key)
            if value:
                for item in self._items.values():
                    if item.record.get(key) == value:
                        return item
        return None

    def upsert(self, body: Mapping[str, Any]) -> tuple[Record, bool]:
        """Apply the documented upsert rules; returns (flat result, created)."""
        item = self.find_for_upsert(body)
        created = item is None
        if item is None:
            # ASSUMPTION (A15 in the spec): an unknown `id` creates a record with that id.
            record_id = str(body.get("id") or self.new_id())
            now = timestamp(datetime.now(UTC))
            self.add(self.new_record(record_id, now))
            item = self._items[record_id]
        self._version += 1
        self.apply(item, body)
        return self.flat(item), created

    def new_record(self, record_id: str, created_at: str) -> Record:
        """A record the upsert creates, before the request body is applied."""
        return {"id": record_id, "created_at": created_at}

    def apply(self, item: Stored, body: Mapping[str, Any]) -> None:
        """Copy the body's fields into the stored record (``merge_tags`` for its tags)."""
        raise NotImplementedError

    @staticmethod
    def merge_tags(record: Record, body: Mapping[str, Any]) -> None:
        """On update, tags are merged with the record's, not replaced (stated); the record's come first."""
        if "tags" in body:
            merged = list(record.get("tags") or [])
            merged += [t for t in body["tags"] if t not in merged]
            record["tags"] = merged

    def flat(self, item: Stored) -> Record:
        """The upsert's answer for a stored record."""
        raise NotImplementedError


def field(record: Record, dotted: str) -> Any:
    """A record's field, or a nested one (``sold_by.user_id``); None when any part is missing."""
    value: Any = record
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def in_range(value: Any, start: datetime | None, end: datetime | None) -> bool:
    """Whether a record's date-time (an ISO string) lies in the inclusive range; a record without one never does
    (ASSUMPTION A34 in the spec)."""
    if not isinstance(value, str):
        return False
    moment = datetime.fromisoformat(value)
    return (start is None or start <= moment) and (end is None or moment <= end)


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
