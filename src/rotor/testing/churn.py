"""Churn: a mock whose records change while a client reads them, as a real account does during an export.

Exports page by offset, newest first, so a record created mid-export shifts every later page by one, and an update
or a status change moves a record in or out of a filtered list. ``Churn`` makes those changes at given rates (per
second), seeded and reproducible:

- ``inserts``: a new record, created at the front (newest) through the store's own upsert, so its id comes from the
  store's seeded stream and its ``created_at`` is now;
- ``updates``: an existing record's ``notes`` change (it keeps its place in the order);
- ``status_flips``: an existing record's equality-filtered field changes: a customer's ``status`` to the other
  value of the spec's ``CustomerStatus``, a lead's ``stage`` to another stage of the pipeline.

Events are applied lazily: before the mock handles a request it calls ``catch_up()``, which applies
``floor(rate * elapsed)`` events of each kind not applied yet. Time starts at the first catch-up (or ``start()``),
so a served mock that waited idle for its first client does not begin with a burst. Each resource and kind draws
from its own ``random.Random`` seeded from ``seed``: the same seed and the same request times give the same
events, and churning leads too changes nothing of the customers' events. ``step(kind, n)`` applies events now,
without time, for a test that wants exact writes between two requests.

Events touch records a default list shows (not archived), so each one is visible to an export. Every write to
customers and leads goes through ``RecordStore.upsert``, which bumps the store's version: cached list results
never hide a change. The read-only lists (pins, service plans, serviced jobs), which the API cannot write, get new
records directly (a copy of one the list shows, with a new id, created now), and service plans flip ``active``
(what their ``status`` filter reads); updates, and flips of pins and jobs, have nothing to change there.
"""

from __future__ import annotations

import copy
import math
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, Literal

import attrs

from rotor.testing.lead_data import STAGES
from rotor.testing.spec import load as load_spec
from rotor.testing.store import RecordStore, timestamp

Kind = Literal["inserts", "updates", "status_flips"]
KINDS: tuple[Kind, ...] = ("inserts", "updates", "status_flips")
# The resources churn writes to through their stores' upsert, and the read-only lists, which the API cannot write:
# churn adds their records directly (a copy of a listed one, new id, created now) and flips a service plan's
# `active` (what `status` filters); they have no field an update or another flip would change for a list.
WRITABLE = ("customers", "leads")
READ_ONLY = ("pins", "service_plans", "serviced_jobs")
CHURNED = WRITABLE + READ_ONLY

# A client paused mid-export (a debugger, a laptop lid) would otherwise make its next request apply minutes of
# events at once, each an O(records) upsert lookup, and time out. Past this many events of one kind for one
# resource in one catch-up, the rest are dropped (counted in ``dropped``): after a pause the rate is an upper bound.
MAX_EVENTS_PER_CATCH_UP = 1000

_FIRST_NAMES = ("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Niklaus")


def _flip_values(resource: str) -> tuple[str, tuple[str, ...]]:
    """The field a status flip changes, and the values it takes."""
    if resource == "customers":
        return "status", tuple(load_spec()["components"]["schemas"]["CustomerStatus"]["enum"])
    if resource == "leads":
        return "stage", STAGES  # the spec gives no enum for stages: the mock's pipeline is the vocabulary
    raise ValueError(f"churn knows no status field for {resource!r} (it churns customers and leads)")


def _insert_body(resource: str, rng: random.Random, number: int) -> dict[str, Any]:
    # A fresh email and no phone: the upsert's lookup finds no record, so it creates one.
    name = f"{rng.choice(_FIRST_NAMES)} Churn{number}"
    email = f"churn{number}.{rng.getrandbits(32):08x}@example.com"
    if resource == "customers":
        first, last = name.split(" ")
        return {"first_name": first, "last_name": last, "email": email, "status": "active", "tags": ["churn"]}
    return {"name": name, "email": email, "stage": STAGES[0], "tags": ["churn"]}


def _names(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


@attrs.define
class Churn:
    """Rates are events per second; ``resources`` names the stores churned (None: every store of the mock).

    ``counts[resource, kind]`` is how many events of each kind were applied to each resource (by time or by
    ``step``). ``clock`` (seconds, monotonic) is injectable so tests advance time without sleeping.
    """

    inserts: float = attrs.field(default=0.0, converter=float, validator=attrs.validators.ge(0))
    updates: float = attrs.field(default=0.0, converter=float, validator=attrs.validators.ge(0))
    status_flips: float = attrs.field(default=0.0, converter=float, validator=attrs.validators.ge(0))
    seed: int = 0
    resources: tuple[str, ...] | None = attrs.field(default=None, converter=_names)
    clock: Callable[[], float] = attrs.field(default=time.monotonic, repr=False)
    counts: Counter[tuple[str, Kind]] = attrs.field(init=False, factory=Counter, repr=False)
    dropped: Counter[tuple[str, Kind]] = attrs.field(init=False, factory=Counter, repr=False)
    _stores: Mapping[str, RecordStore] | None = attrs.field(init=False, default=None, repr=False)
    _started: float | None = attrs.field(init=False, default=None, repr=False)
    _due: Counter[tuple[str, Kind]] = attrs.field(init=False, factory=Counter, repr=False)  # events by time, so far
    _rngs: dict[tuple[str, Kind], random.Random] = attrs.field(init=False, factory=dict, repr=False)
    # A served mock catches up in its server thread while a test may step in its own.
    _lock: threading.Lock = attrs.field(init=False, factory=threading.Lock, repr=False)

    def attach(self, stores: Mapping[str, RecordStore], types: Mapping[str, type[RecordStore]]) -> None:
        """Churn these stores (the mock's, made on first use: with churn, a catch-up makes them). Stores are looked
        up at each event, so after ``MockRotor.reset()`` the new stores are the ones churned."""
        names = [name for name in types if name in CHURNED] if self.resources is None else list(self.resources)
        unknown = [name for name in names if name not in types]
        if unknown:
            raise ValueError(f"churn names resources the mock does not have: {', '.join(unknown)}")
        for name in (name for name in names if name in WRITABLE):
            field, _ = _flip_values(name)
            # The flip must change what a list filters on, or a status-filtered export would never see it.
            if field not in types[name].equality_filters:
                raise ValueError(f"churn flips {name}'s {field!r}, which its store does not filter on")
        self.resources = tuple(names)
        self._stores = stores

    @property
    def active(self) -> bool:
        return bool(self.inserts or self.updates or self.status_flips)

    def reset(self) -> None:
        """As new: no events applied, time not started (with ``MockRotor.reset()``, which reseeds the data)."""
        with self._lock:
            self.counts.clear()
            self.dropped.clear()
            self._due.clear()
            self._rngs.clear()
            self._started = None

    def start(self, now: float | None = None) -> None:
        """Start the clock now (else the first catch-up does)."""
        with self._lock:
            self._started = self.clock() if now is None else now

    def catch_up(self, now: float | None = None) -> int:
        """Apply the events due by ``now`` (default: ``clock()``) and not applied yet; returns how many."""
        if not self.active:
            return 0
        with self._lock:
            now = self.clock() if now is None else now
            if self._started is None:
                self._started = now
                return 0
            elapsed = max(0.0, now - self._started)
            applied = 0
            for resource in self._resources():
                for kind in KINDS:
                    due = math.floor(getattr(self, kind) * elapsed)
                    pending = due - self._due[resource, kind]
                    if pending <= 0:
                        continue
                    self._due[resource, kind] = due
                    todo = min(pending, MAX_EVENTS_PER_CATCH_UP)
                    self.dropped[resource, kind] += pending - todo
                    applied += self._apply(resource, kind, todo)
            return applied

    def step(self, kind: Kind, n: int = 1, *, resource: str | None = None) -> int:
        """Apply ``n`` events of ``kind`` now, to ``resource`` (default: each churned resource); no clock involved."""
        if kind not in KINDS:
            raise ValueError(f"unknown churn kind {kind!r}: expected one of {', '.join(KINDS)}")
        with self._lock:
            names = self._resources() if resource is None else [resource]
            return sum(self._apply(name, kind, n) for name in names)

    def snapshot(self) -> dict[str, Any]:
        """Settings and counts, as JSON (``GET /_mock/churn``)."""
        with self._lock:
            names = self._resources()
            return {
                "rates": {kind: getattr(self, kind) for kind in KINDS},
                "seed": self.seed,
                "started": self._started is not None,
                "counts": {name: {kind: self.counts[name, kind] for kind in KINDS} for name in names},
                "dropped": {name: {kind: self.dropped[name, kind] for kind in KINDS} for name in names},
            }

    # -- events ----------------------------------------------------------------------------------------------

    def _resources(self) -> list[str]:
        if self._stores is None:
            raise RuntimeError("this Churn is not attached to a mock (MockRotor(churn=...) attaches it)")
        return list(self.resources or ())

    def _rng(self, resource: str, kind: Kind) -> random.Random:
        if (resource, kind) not in self._rngs:
            self._rngs[resource, kind] = random.Random(f"churn-{self.seed}-{resource}-{kind}")
        return self._rngs[resource, kind]

    def _apply(self, resource: str, kind: Kind, n: int) -> int:
        assert self._stores is not None
        store = self._stores[resource]
        rng = self._rng(resource, kind)
        if resource in READ_ONLY:
            return self._apply_read_only(resource, store, rng, kind, n)
        if kind == "inserts":
            for _ in range(n):
                self.counts[resource, kind] += 1
                store.upsert(_insert_body(resource, rng, self.counts[resource, kind]))
            return n
        live = [item.record["id"] for item in store.all() if not item.archived]  # once per batch: O(records)
        if not live:
            return 0
        for _ in range(n):
            record_id = live[rng.randrange(len(live))]
            self.counts[resource, kind] += 1
            if kind == "updates":
                store.upsert({"id": record_id, "notes": f"churn update {self.counts[resource, kind]}"})
            else:
                field, values = _flip_values(resource)
                current = (store.get(record_id) or {}).get(field)
                store.upsert({"id": record_id, field: rng.choice([v for v in values if v != current])})
        return n

    def _apply_read_only(self, resource: str, store: RecordStore, rng: random.Random, kind: Kind, n: int) -> int:
        shown = store.filters({})  # what a default list shows: each event must be visible to an export
        listed = [item for item in store.all() if store.matches(item, shown)]
        if not listed or kind == "updates" or (kind == "status_flips" and resource != "service_plans"):
            return 0
        now = timestamp(datetime.now(UTC))
        for _ in range(n):
            self.counts[resource, kind] += 1
            model = listed[rng.randrange(len(listed))]
            if kind == "inserts":
                record = {**copy.deepcopy(model.record), "id": store.new_id(), "created_at": now}
                store.add(record, extra=model.extra)  # a completed job begets a completed one
            else:
                model.record["active"] = not model.record.get("active")
                store.changed()
        return n
