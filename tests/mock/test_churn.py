"""Churn: the mock's records change while a client reads them, at seeded rates, by an injected clock (no sleeps)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from rotor import Rotor
from rotor.testing import Churn, MockRotor, MockRotorAPI
from rotor.testing.churn import MAX_EVENTS_PER_CATCH_UP
from rotor.testing.lead_data import STAGES


class Clock:
    """Seconds that pass only when a test says so."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def make(clock: Clock | None = None, *, customers: int = 60, leads: int = 30, **churn: Any) -> MockRotorAPI:
    return MockRotorAPI(MockRotor(customers=customers, leads=leads, churn=Churn(clock=clock or Clock(), **churn)))


def records(api: MockRotorAPI) -> list[list[dict[str, Any]]]:
    """Every record, newest first, without ``created_at``: an inserted record's is the wall clock's now."""
    return [
        [{k: v for k, v in s.record.items() if k != "created_at"} for s in api.mock.stores[name].all()]
        for name in ("customers", "leads")
    ]


def ids(page: Any) -> list[str]:
    return [record.id for record in page.data]


def churn_of(api: MockRotorAPI) -> Churn:
    assert api.churn is not None
    return api.churn


def test_the_same_seed_gives_the_same_events_and_another_seed_others() -> None:
    def run(seed: int) -> list[list[dict[str, Any]]]:
        clock = Clock()
        api = make(clock, inserts=3, updates=2, status_flips=2, seed=seed)
        with api.client() as client:
            for _ in range(4):
                client.customers.list(limit=5)
                clock.now += 1.5
        return records(api)

    first = run(seed=7)
    assert first == run(seed=7)  # ids, created records and every changed field
    assert first != run(seed=8)
    # Churn changed something: the seeded data alone would be equal for every churn seed.
    plain = MockRotor(customers=60, leads=30)
    assert first[0] != [{k: v for k, v in s.record.items() if k != "created_at"} for s in plain.store.all()]


def test_events_follow_elapsed_time_from_the_first_request() -> None:
    clock = Clock(now=100.0)  # the mock waited idle: no burst when its first client arrives
    api = make(clock, inserts=2, updates=0.5, status_flips=0.25, resources=["customers"])
    churn = churn_of(api)
    with api.client() as client:
        clock.now = 1000.0
        client.auth.test()  # starts churn's clock
        assert sum(churn.counts.values()) == 0
        clock.now += 1.0
        client.auth.test()
        assert churn.counts == {("customers", "inserts"): 2}
        clock.now += 3.0  # 4 s since the start: floor(rate * 4) of each kind in all
        client.auth.test()
        assert dict(churn.counts) == {
            ("customers", "inserts"): 8,
            ("customers", "updates"): 2,
            ("customers", "status_flips"): 1,
        }
        client.auth.test()  # no time passed: nothing more
        assert sum(churn.counts.values()) == 11


def test_inserts_appear_at_the_front_and_the_total_grows_by_exactly_the_inserts() -> None:
    clock = Clock()
    api = make(clock, inserts=3, resources=["customers"])
    with api.client() as client:
        before = client.customers.list(limit=20)  # also fills the store's list cache, which the inserts must clear
        clock.now += 2.0
        after = client.customers.list(limit=20)
    assert churn_of(api).counts["customers", "inserts"] == 6
    assert after.total == (before.total or 0) + 6
    new, old = ids(after)[:6], ids(after)[6:]
    assert old == ids(before)[:14]  # everything else moved back by six
    assert not set(new) & set(ids(before))
    newest_seeded = before.data[0].created_at
    assert newest_seeded is not None
    assert all(c.created_at is not None and c.created_at > newest_seeded for c in after.data[:6])  # created now


def test_inserted_ids_come_from_the_stores_seeded_stream() -> None:
    api = make(seed=1, resources=["customers"])
    churn_of(api).step("inserts", 2)
    inserted = [s.record["id"] for s in api.store.all()[:2]]
    # The upsert path gives a new record the next id of the store's stream: the same ids a client's creates get.
    other = MockRotor(customers=60)
    created = [other.store.upsert({"email": f"x{i}@example.com"})[0]["id"] for i in range(2)]
    assert inserted == created[::-1]  # newest first


def test_updates_keep_the_order_and_the_total() -> None:
    api = make(resources=["customers"])
    with api.client() as client:
        before = client.customers.list(limit=100)
        churn_of(api).step("updates", 5)
        after = client.customers.list(limit=100)
    assert ids(after) == ids(before) and after.total == before.total
    notes_before = {c.id: c.notes for c in before.data}
    changed = [c for c in after.data if c.notes != notes_before[c.id]]
    assert changed and all((c.notes or "").startswith("churn update") for c in changed)


def test_status_flips_move_customers_between_status_filtered_lists() -> None:
    api = make(resources=["customers"])
    with api.client() as client:

        def active() -> set[str]:
            return {c.id for c in client.customers.list(status="active", limit=100) if c.id}

        def inactive() -> set[str]:
            return {c.id for c in client.customers.list(status="inactive", limit=100) if c.id}

        active_before, inactive_before = active(), inactive()
        churn_of(api).step("status_flips")
        active_after, inactive_after = active(), inactive()
    moved = active_before ^ active_after
    assert len(moved) == 1  # one customer left one list for the other
    assert moved == inactive_before ^ inactive_after
    assert active_after | inactive_after == active_before | inactive_before


def test_events_touch_only_records_a_default_list_shows() -> None:
    api = make(resources=["customers"])
    churn_of(api).step("updates", 60)
    touched = [s for s in api.store.all() if str(s.record.get("notes")).startswith("churn update")]
    assert touched and not any(s.archived for s in touched)  # an archived record's change no export would see


def test_status_flips_move_leads_to_another_stage() -> None:
    api = make(resources=["leads"])
    stages_before = {s.record["id"]: s.record["stage"] for s in api.leads.all()}
    churn_of(api).step("status_flips", 3)
    stages_after = {s.record["id"]: s.record["stage"] for s in api.leads.all()}
    changed = [i for i in stages_after if stages_after[i] != stages_before[i]]
    assert 1 <= len(changed) <= 3 and all(stages_after[i] in STAGES for i in changed)
    assert churn_of(api).counts == {("leads", "status_flips"): 3}
    with api.client() as client:  # the stage filter sees it
        lead = client.leads.retrieve(changed[0])
        assert lead.stage is not None and changed[0] in {x.id for x in client.leads.list(stage=lead.stage, limit=100)}


def test_counts_are_per_resource_and_kind_and_served_apart_from_the_api() -> None:
    api = make(seed=3, inserts=1)  # a rate, with a clock that never moves
    churn = churn_of(api)
    churn.step("inserts", 2)
    churn.step("updates", 1, resource="leads")
    read_only = {("pins", "inserts"): 2, ("service_plans", "inserts"): 2, ("serviced_jobs", "inserts"): 2}
    assert churn.counts == {("customers", "inserts"): 2, ("leads", "inserts"): 2, ("leads", "updates"): 1, **read_only}
    with api.http_client() as http:
        report = http.get("http://rotor.mock/_mock/churn").json()
    assert report["counts"] == {
        "customers": {"inserts": 2, "updates": 0, "status_flips": 0},
        "leads": {"inserts": 2, "updates": 1, "status_flips": 0},
        **{name: {"inserts": 2, "updates": 0, "status_flips": 0} for name, _ in read_only},
    }
    assert report["seed"] == 3 and report["started"] is False  # reading the report starts and applies nothing
    assert api.mock.requests_received == 0  # not an API operation
    with MockRotorAPI(customers=1).http_client() as http:
        assert http.get("http://rotor.mock/_mock/churn").status_code == 404  # no churn, no report


def test_the_read_only_lists_churn_too() -> None:
    # New pins, plans and jobs arrive at the front (a copy of a listed one, created now); plans change status.
    api = make(seed=4)
    churn = churn_of(api)
    with api.client() as client:
        before = {name: getattr(client, name).list(limit=1).total for name in ("pins", "service_plans")}
        jobs_before = client.serviced_jobs.list(limit=1).total
        churn.step("inserts", 3)
        active_before = {p.id for p in client.service_plans.list(status="active")}
        churn.step("status_flips", 5, resource="service_plans")
        newest = client.pins.list(limit=3).data
        assert {name: getattr(client, name).list(limit=1).total for name in before} == {
            name: (total or 0) + 3 for name, total in before.items()
        }
        assert client.serviced_jobs.list(limit=1).total == (jobs_before or 0) + 3  # completed copies stay listed
        moved = active_before ^ {p.id for p in client.service_plans.list(status="active")}
        assert 1 <= len(moved) <= 5  # the status filter sees the flips (one plan may flip twice)
    created = {s.record["id"] for s in api.mock.stores["pins"].all()[:3]}
    assert {p.id for p in newest} == created


def test_a_request_refused_for_its_key_still_sees_time_pass() -> None:
    clock = Clock()
    api = make(clock, inserts=1, resources=["customers"])
    with api.client(api_key="rotor_wrong_key0secret", max_retries=0) as client:
        for _ in range(2):
            with pytest.raises(Exception, match="Invalid API key"):
                client.auth.test()
            clock.now += 1.0
    assert churn_of(api).counts["customers", "inserts"] == 1


def test_a_long_pause_applies_at_most_the_cap_and_counts_the_rest_dropped() -> None:
    clock = Clock()
    api = make(clock, customers=5, leads=0, inserts=10, resources=["customers"])
    churn = churn_of(api)
    churn.catch_up()
    clock.now += 1000.0  # 10,000 inserts due
    assert churn.catch_up() == MAX_EVENTS_PER_CATCH_UP
    assert churn.dropped["customers", "inserts"] == 10_000 - MAX_EVENTS_PER_CATCH_UP
    clock.now += 1.0
    assert churn.catch_up() == 10  # then the rate again, not the backlog


def test_reset_restarts_churn_with_the_seeded_data() -> None:
    clock = Clock()
    api = make(clock, inserts=1, resources=["customers"])
    with api.client() as client:
        client.auth.test()
        clock.now += 5.0
        assert client.customers.list(archived=True).total == 65
        api.mock.reset()
        assert sum(churn_of(api).counts.values()) == 0
        assert client.customers.list(archived=True).total == 60  # this request restarts churn's clock
        clock.now += 1.0
        assert client.customers.list(archived=True).total == 61


def test_churn_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="orders"):
        MockRotor(churn=Churn(resources=["orders"]))
    with pytest.raises(ValueError):
        Churn(inserts=-1)
    with pytest.raises(ValueError, match="unknown churn kind"):
        make().churn.step("deletes")  # type: ignore[arg-type,union-attr]
    assert "churn=Churn(inserts=2.0" in repr(MockRotor(customers=1, churn=Churn(inserts=2)))


MARKED = Churn(inserts=5, seed=2)


@pytest.mark.rotor_mock(customers=10, leads=0, churn=MARKED)
def test_the_marker_takes_a_churn_and_each_mock_gets_its_own_copy(rotor_mock: MockRotorAPI) -> None:
    churn = churn_of(rotor_mock)
    assert churn is not MARKED and (churn.inserts, churn.seed) == (5, 2)
    churn.step("inserts", 1, resource="customers")
    assert rotor_mock.client().customers.list(archived=True).total == 11
    assert sum(MARKED.counts.values()) == 0


@pytest.mark.rotor_mock(customers=10, churn={"updates": 2, "resources": ["customers"]})
def test_the_marker_takes_a_dict_of_churn_fields(rotor_mock_server: MockRotorAPI) -> None:
    churn = churn_of(rotor_mock_server)
    assert churn.updates == 2 and churn.resources == ("customers",)


def test_a_served_mock_churns_by_its_flags_and_reports_what_it_did(tmp_path: Path) -> None:
    env_file = tmp_path / "mock.env"
    command = [sys.executable, "-m", "rotor.testing", "--customers", "30", "--leads", "5", "--seed", "4"]
    command += ["--churn-inserts", "1000", "--churn-seed", "9", "--env-file", str(env_file)]
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    try:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.readline()
        assert "churn=Churn(inserts=1000.0, updates=0.0, status_flips=0.0, seed=9" in proc.stderr.readline()
        config = dict(line.split("=", 1) for line in env_file.read_text().splitlines())
        base_url = config["ROTOR_BASE_URL"]
        with Rotor(api_key=config["ROTOR_API_KEY"], base_url=base_url, max_retries=0) as client:
            first = client.customers.list(archived=True, limit=1).total  # starts churn's clock
            for _ in range(1000):  # each request takes well over the millisecond an insert needs
                latest = client.customers.list(archived=True, limit=1).total
                if latest != first:
                    break
        report = httpx.get(base_url.removesuffix("/open-api") + "/_mock/churn").json()
        assert first == 30 and latest is not None and latest > 30
        # The report applies nothing itself: its count is exactly what the last list saw.
        assert report["counts"]["customers"]["inserts"] == latest - 30
        assert report["rates"] == {"inserts": 1000.0, "updates": 0.0, "status_flips": 0.0} and report["seed"] == 9
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
