"""Exports while the account changes, killed, or cut by the quota: the measurements behind the exact-export promise.

``scripts/exactness [--runs N] [--records N] [--json]``. Every run talks to a mock served over HTTP on 127.0.0.1
with 50 ms latency, as a real network would add; nothing here is timed or asserted by the test suite (the
guarantees have their own tests in tests/sdk/test_exact_walk.py), this prints how often each outcome happened.

1. inserts: 20 customers created per second during an async export at concurrency 8. Every customer that existed
   when the export began must be written once; requests are compared with the floor (the pages of the set at
   the start) and the pages the drift required.
2. status flips: 20 customers change status per second during an export of ``status="active"``. Every customer
   active at the start and at the end (so, at these rates, throughout) must be written, or the result must say
   ``complete=False``.
3. SIGKILL: a sync export in a child process, killed at a random moment, then resumed (and killed again, at random)
   until done: the target never holds a partial export, the ids come out exact, and the requests stay within
   the floor plus one per interruption.
4. quota: a key whose daily quota runs out mid-export, then ``resume=True`` with a second key.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

import rotor
from rotor.testing import Churn, Faults
from rotor.testing.app import READ_ONLY_API_KEY, MockRotor
from rotor.testing.harness import LiveMockRotorAPI

LATENCY = 0.05


def _ids(path: Path) -> list[str]:
    return [orjson.loads(line)["id"] for line in path.read_bytes().splitlines()]


def _active(mock: MockRotor) -> set[str]:
    return {s.record["id"] for s in mock.store.all() if not s.archived and s.record.get("status") == "active"}


def _unarchived(mock: MockRotor) -> set[str]:
    return {s.record["id"] for s in mock.store.all() if not s.archived}


def _record_flips(mock: MockRotor) -> set[str]:
    """The ids whose status churn changes from now on (it writes through the store's upsert)."""
    store = mock.store
    flipped: set[str] = set()
    upsert = store.upsert

    def recording(body: Any) -> Any:
        if "status" in body and body.get("id"):
            flipped.add(body["id"])
        return upsert(body)

    store.upsert = recording  # type: ignore[method-assign]
    return flipped


def _overlap_pages(result: rotor.ExportResult) -> int:
    """Pages the overlapping reads of a moving walk add: each repeats up to a 20th of a page."""
    return math.ceil(result.drift.overlap_reads / 20)


def churned_export(seed: int, records: int, *, flips: bool, out: Path) -> dict[str, Any]:
    churn = Churn(status_flips=20, seed=seed) if flips else Churn(inserts=20, seed=seed)
    mock = MockRotor(customers=records, seed=seed, daily_quota=10**6, faults=Faults(latency=LATENCY), churn=churn)
    with LiveMockRotorAPI(mock) as live:
        query: dict[str, Any] = {"status": "active"} if flips else {}
        before = _active(mock) if flips else _unarchived(mock)
        flipped = _record_flips(mock)
        floor = math.ceil(len(before) / 1000)

        async def export() -> rotor.ExportResult:
            async with live.async_client(real_sleep=True) as client:
                result: rotor.ExportResult = await client.customers.export(out, concurrency=8, **query)
                return result

        result = asyncio.run(export())
    ids = _ids(out)
    stayed = before - flipped  # in the set for the whole export: never flipped (a flip back is a leave, too)
    lost = stayed - set(ids)
    return {
        "seed": seed,
        "records": len(before),
        "written": len(ids),
        "duplicated": len(ids) - len(set(ids)),
        "lost": len(lost),
        "complete": result.complete,
        "requests": result.requests,
        "floor": floor,
        "heal_reads": result.drift.heal_reads,
        "over_floor": result.requests - floor,
        # What the drift required: the pages the set grew (or shrank) by, and the healing reads.
        "overlap_reads": result.drift.overlap_reads,
        "drift_pages": math.ceil(result.drift.totals[-1] / 1000) - floor + result.drift.heal_reads,
        # The floor of the set as it ended, plus the healing reads, plus at most one page for the overlaps of a
        # moving filtered walk (each of its reads starts a little before the previous one ended).
        "within_floor_plus_drift": result.requests
        <= max(floor, math.ceil(result.drift.totals[-1] / 1000)) + result.drift.heal_reads + _overlap_pages(result),
        "shifted": result.drift.shifted,
        "unproven": result.drift.unproven,
        "churn": dict(sorted((f"{r}.{k}", n) for (r, k), n in churn.counts.items())),
    }


CHILD = """
import sys
from rotor import Rotor
with Rotor(api_key=sys.argv[1], base_url=sys.argv[2], max_retries=0) as client:
    client.customers.export(sys.argv[3], resume=True)
"""


def killed_export(seed: int, records: int, out: Path) -> dict[str, Any]:
    """A child process exports; it is SIGKILLed at a random moment until one run finishes."""
    rng = random.Random(seed)
    mock = MockRotor(customers=records, seed=seed, daily_quota=10**6, faults=Faults(latency=LATENCY))
    previous = b'{"id": "the previous export"}\n'
    out.write_bytes(previous)
    with LiveMockRotorAPI(mock) as live:
        expected = _unarchived(mock)
        floor = math.ceil(len(expected) / 1000)
        kills = 0
        partial_seen = False
        while True:
            child = subprocess.Popen([sys.executable, "-c", CHILD, live.api_key, live.base_url, str(out)])
            try:
                child.wait(timeout=rng.uniform(0.4, 2.0))  # the child takes ~0.4 s to start
            except subprocess.TimeoutExpired:
                os.kill(child.pid, signal.SIGKILL)
                child.wait()
                kills += 1
                partial_seen |= out.read_bytes() != previous  # the target must still be the previous export
                continue
            if child.returncode != 0:
                raise RuntimeError(f"export child failed with {child.returncode}")
            break
        requests = mock.requests_served
    ids = _ids(out)
    return {
        "seed": seed,
        "records": len(expected),
        "kills": kills,
        "target_ever_partial": partial_seen,
        "exact": sorted(ids) == sorted(expected),
        "requests": requests,
        "floor": floor,
        "within_floor_plus_kills": requests <= floor + kills,
    }


def quota_then_second_key(records: int, out: Path) -> dict[str, Any]:
    quota = max(2, math.ceil(records / 1000) // 2)
    keys = {"rotor_mock_full0test0secret": ("customers:read",), READ_ONLY_API_KEY: ("customers:read",)}
    mock = MockRotor(customers=records, daily_quota=quota, keys=keys, faults=Faults(latency=LATENCY))
    with LiveMockRotorAPI(mock) as live:
        expected = _unarchived(mock)
        with live.client(real_sleep=True) as client:
            try:
                client.customers.export(out)
                raise RuntimeError("the quota did not stop the export")
            except rotor.RateLimitError as exc:
                partial = rotor.partial_export(exc)
        with live.client(real_sleep=True, api_key=READ_ONLY_API_KEY) as second:
            result = second.customers.export(out, resume=True)
    ids = _ids(out)
    return {
        "records": len(expected),
        "quota_per_key": quota,
        "written_before_quota": partial.written if partial else None,
        "distinct_after_resume": len(set(ids)),
        "exact": sorted(ids) == sorted(expected),
        "complete": result.complete,
    }


def _summary(name: str, runs: list[dict[str, Any]]) -> dict[str, Any]:
    keys = ("lost", "duplicated", "over_floor", "heal_reads")
    summary: dict[str, Any] = {"runs": len(runs)}
    for key in keys:
        if key in runs[0]:
            values = [r[key] for r in runs]
            summary[key] = {"max": max(values), "total": sum(values)}
    summary["complete"] = sum(r["complete"] for r in runs if "complete" in r)
    summary["within_floor_plus_drift"] = sum(r["within_floor_plus_drift"] for r in runs)
    summary["exact_or_flagged"] = sum(1 for r in runs if r.get("lost", 0) == 0 or not r.get("complete", True))
    print(f"{name}: {summary}")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/exactness", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--records", type=int, default=27_700, help="customers in the mock (about 90%% unarchived)")
    parser.add_argument("--kill-records", type=int, default=27_700)
    parser.add_argument("--json", type=Path, help="also write every run here")
    parser.add_argument("--only", choices=["inserts", "status_flips", "sigkill", "quota"], action="append")
    args = parser.parse_args(argv)
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        only = set(args.only or ["inserts", "status_flips", "sigkill", "quota"])
        for name, flips in (("inserts", False), ("status_flips", True)):
            if name not in only:
                continue
            runs = []
            for seed in range(args.runs):
                started = time.perf_counter()
                run = churned_export(seed, args.records, flips=flips, out=folder / f"{name}-{seed}.jsonl")
                run["seconds"] = round(time.perf_counter() - started, 2)
                print(name, run, flush=True)
                runs.append(run)
            report[name] = {"summary": _summary(name, runs), "runs": runs}
        if "sigkill" not in only:
            args.runs = 0
        kills = [killed_export(seed, args.kill_records, folder / f"killed-{seed}.jsonl") for seed in range(args.runs)]
        for run in kills:
            print("sigkill", run, flush=True)
        report["sigkill"] = {
            "runs": kills,
            "summary": {
                "runs": len(kills),
                "kills": sum(r["kills"] for r in kills),
                "target_ever_partial": sum(r["target_ever_partial"] for r in kills),
                "exact": sum(r["exact"] for r in kills),
                "within_floor_plus_kills": sum(r["within_floor_plus_kills"] for r in kills),
            },
        }
        print("sigkill:", report["sigkill"]["summary"])
        if "quota" in only:
            report["quota"] = quota_then_second_key(10_000, folder / "quota.jsonl")
            print("quota:", report["quota"])
    if args.json:
        args.json.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
