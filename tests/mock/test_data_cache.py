"""Seeded data kept on disk between processes (rotor.testing.data_cache): the same records as seeding them, read back
only for the same inputs, and nothing kept unless a folder is named."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from rotor.testing import MockRotor, data, data_cache
from rotor.testing.app import Stores
from rotor.testing.customers import CustomerStore


def _stores(**counts: int) -> Stores:
    defaults = {name: cls.default_count for name, cls in MockRotor.store_types.items()}
    return Stores(MockRotor.store_types, {**defaults, **counts}, seed=3, pristine=True)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(data_cache.ENV, str(tmp_path / "kept"))
    return tmp_path / "kept"


def test_kept_data_is_the_seeded_data_and_is_not_made_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _stores(customers=40, service_plans=30)["service_plans"]  # seeds customers too: plans point at them
    assert len(list(folder.glob("*.pickle"))) == 2

    def no_seeding(*args: object) -> None:
        raise AssertionError("seeded again although the data was kept")

    for cls in MockRotor.store_types.values():
        monkeypatch.setattr(cls, "seeded", classmethod(no_seeding))
    kept = _stores(customers=40, service_plans=30)["service_plans"]
    assert type(kept) is type(made) and kept.state() == made.state()


@pytest.mark.parametrize("change", ["count", "another count", "seed"])
def test_other_inputs_are_other_keys(folder: Path, change: str) -> None:
    counts = {"customers": 40, "leads": 5}
    seed = 3
    base = data_cache.key("customers", MockRotor.store_types, counts, seed)
    if change == "count":
        counts["customers"] = 41
    elif change == "another count":  # a store may point at another's records: every count is in the key
        counts["leads"] = 6
    else:
        seed = 4
    assert data_cache.key("customers", MockRotor.store_types, counts, seed) != base


def test_customers_under_other_counts_come_from_the_kept_faker_records(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another count of another store is another key for the customers store (a store may point at another's
    # records), but the customers' own Faker-made records depend only on their count and seed: kept, not made again.
    data._generate.cache_clear()  # records an earlier test made in this process, before this folder was named
    first = _stores(customers=40)["customers"]
    data._generate.cache_clear()  # as in a new process

    def no_faker(*args: object) -> None:
        raise AssertionError("Faker ran again for the same customers")

    monkeypatch.setattr("faker.Faker", no_faker)
    again = _stores(customers=40, leads=7)["customers"]
    assert [s.record for s in again.all()] == [s.record for s in first.all()]
    assert data_cache.faker_key(40, 3) != data_cache.faker_key(41, 3) != data_cache.faker_key(40, 4)


class MyCustomers(CustomerStore):
    """A consumer's own store (its source is this file)."""


def test_a_consumers_store_is_keyed_by_its_source(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    types, counts = {**MockRotor.store_types, "customers": MyCustomers}, {"customers": 40}
    assert data_cache.key("customers", types, counts, 0) != data_cache.key(
        "customers", MockRotor.store_types, counts, 0
    )
    before = data_cache.key("customers", types, counts, 0)
    real = data_cache._class_source
    monkeypatch.setattr(data_cache, "_class_source", lambda cls: b"# edited" if cls is MyCustomers else real(cls))
    assert data_cache.key("customers", types, counts, 0) != before  # its seeding edited: new data


def test_nothing_is_kept_unless_a_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(data_cache.ENV, raising=False)
    assert data_cache.key("customers", MockRotor.store_types, {"customers": 40}, 0) is None
    _stores(customers=40)["customers"]
    assert not list(tmp_path.rglob("*"))  # neither level kept anything


@pytest.mark.skipif(importlib.util.find_spec("fcntl") is None, reason="no advisory file locks on this platform")
def test_data_another_is_making_is_waited_for_and_not_made_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two mocks of the same data at once, as two xdist workers start: the second waits for the first's, then loads it.
    # (Threads of one process: each takes the lock through its own open file, as two processes do.)
    makers: list[str] = []
    release = threading.Event()
    real = CustomerStore.seeded.__func__  # type: ignore[attr-defined]

    def seeded(cls: Any, count: int, seed: int, stores: Any) -> Any:
        makers.append(threading.current_thread().name)
        release.wait(30)
        return real(cls, count, seed, stores)

    monkeypatch.setattr(CustomerStore, "seeded", classmethod(seeded))
    made: dict[str, Any] = {}

    def mock(name: str) -> threading.Thread:
        thread = threading.Thread(target=lambda: made.update({name: _stores(customers=40)["customers"]}), name=name)
        thread.start()
        return thread

    first = mock("first")
    deadline = time.monotonic() + 30
    while not makers and time.monotonic() < deadline:
        time.sleep(0.01)
    second = mock("second")
    second.join(timeout=1)  # long enough to reach seeding, were nothing holding it back
    release.set()
    first.join()
    second.join()
    assert makers == ["first"]
    assert made["second"].state() == made["first"].state()


@pytest.mark.skipif(importlib.util.find_spec("fcntl") is None, reason="no advisory file locks on this platform")
def test_a_folder_that_cannot_be_locked_still_gets_its_data(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    def refuse(*args: object) -> None:
        raise OSError(37, "No locks available")

    monkeypatch.setattr(fcntl, "flock", refuse)
    made = _stores(customers=40)["customers"]
    assert len(made) == 40 and len(list(folder.glob("*.pickle"))) == 1


def test_an_error_while_making_beside_an_unwritable_folder_is_reported_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv(data_cache.ENV, str(tmp_path / "a-file" / "kept"))  # cannot be made: a file is in the way
    with pytest.raises(ValueError) as info, data_cache.making("some-key"):
        raise ValueError("seeding failed")
    assert info.value.__context__ is None  # not "during handling of" the folder's OSError


def test_a_process_whose_data_is_kept_never_imports_faker(tmp_path: Path) -> None:
    # Faker's import is 0.1 s of every process that starts a mock; with the data kept, nothing calls it.
    code = (
        "import sys\n"
        "from rotor.testing import MockRotorAPI\n"
        "with MockRotorAPI(customers=20, leads=5, pins=5, service_plans=5, serviced_jobs=5).client() as client:\n"
        "    for resource in (client.customers, client.leads, client.pins, client.service_plans, client.serviced_jobs):\n"
        "        resource.list(limit=2)\n"
        "print('faker' in sys.modules)\n"
    )
    env = {**os.environ, data_cache.ENV: str(tmp_path / "kept")}
    first, second = (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env) for _ in "12"
    )
    assert (first.stdout.strip(), second.stdout.strip()) == ("True", "False"), first.stderr + second.stderr
