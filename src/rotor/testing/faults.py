"""Fault injection for the mock, off by default; switched per instance (``Faults``) or per request (header).

Per request, send ``x-mock-fault: <kind>[,<kind>...]`` with kinds ``500``, ``502``, ``503``, ``drop``,
``truncate``, ``html``, ``latency=<seconds>``. The same strings in ``Faults.queue`` fault the next requests, one
each, in order (``faults.queue = ["503", "drop"]``: the first request answers 503, the second is dropped, the
rest are served), which is how a test makes "fails once, then succeeds" exact. Faults apply after
authentication and quota: a faulted request has reached the server, so it counts against the key like any other.
"""

from __future__ import annotations

import random
from collections import Counter

import attrs

FAULT_HEADER = "x-mock-fault"
ERROR_STATUSES = (500, 502, 503)


@attrs.define
class Faults:
    latency: float = 0.0  # seconds added to every request
    error_rate: float = 0.0  # share of requests answered 500/502/503
    error_statuses: tuple[int, ...] = ERROR_STATUSES
    drop_rate: float = 0.0  # share of connections dropped mid-body
    truncate_rate: float = 0.0  # share of bodies cut short (valid HTTP, invalid JSON)
    html_rate: float = 0.0  # share of 200s answered with an HTML page
    retry_after: float | None = None  # Retry-After (seconds) on injected 503s and on 429s
    seed: int = 0
    # Faults for the next requests, one each (header syntax); checked on assignment, so a typo fails the test
    # that made it rather than being served as no fault.
    queue: list[str] = attrs.field(
        factory=list, validator=lambda _, __, kinds: [Drawn.parse(k, strict=True) for k in kinds]
    )
    injected: Counter[str] = attrs.field(init=False, factory=Counter)  # what was injected, by kind
    _rng: random.Random = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self._rng = random.Random(self.seed)

    def draw(self, header: str | None) -> Drawn:
        """Decide the faults for one request: the header's, else the queue's next, else the instance rates'."""
        if header:
            drawn = Drawn.parse(header)
        elif self.queue:
            drawn = Drawn.parse(self.queue.pop(0))
        else:
            roll = self._rng.random
            status = self._rng.choice(self.error_statuses) if self.error_rate and roll() < self.error_rate else None
            drawn = Drawn(
                latency=self.latency,
                status=status,
                drop=bool(self.drop_rate) and roll() < self.drop_rate,
                truncate=bool(self.truncate_rate) and roll() < self.truncate_rate,
                html=bool(self.html_rate) and roll() < self.html_rate,
            )
        self.injected.update(drawn.kinds())
        return drawn


@attrs.frozen
class Drawn:
    latency: float = 0.0
    status: int | None = None
    drop: bool = False
    truncate: bool = False
    html: bool = False

    def kinds(self) -> list[str]:
        flags = [name for name in ("drop", "truncate", "html") if getattr(self, name)]
        return flags + ([str(self.status)] if self.status else [])

    @classmethod
    def parse(cls, header: str, *, strict: bool = False) -> Drawn:
        """The faults a header names; unknown kinds are ignored, or raise ValueError when ``strict``."""
        values: dict[str, object] = {}
        for raw in header.split(","):
            kind = raw.strip()
            if kind.isdigit():
                values["status"] = int(kind)
            elif kind.startswith("latency="):
                values["latency"] = float(kind.removeprefix("latency="))
            elif kind in {"drop", "truncate", "html"}:
                values[kind] = True
            elif strict:
                raise ValueError(f"unknown fault {kind!r}: expected a status, drop, truncate, html or latency=<s>")
        return cls(**values)  # type: ignore[arg-type]
