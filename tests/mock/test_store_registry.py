"""The mock's stores come from one mapping, found by resource: a store module per resource of the spec, whose
class names its resource and its default size. Record counts, the CLI's flags and the marker's options read it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Self

import pytest

from rotor.testing import app, data_cache
from rotor.testing.app import MockRotor
from rotor.testing.customers import CustomerStore
from rotor.testing.operations import OperationTableError
from rotor.testing.routes import ROUTES
from rotor.testing.shapes import Route
from rotor.testing.store import RecordStore


def test_every_resource_of_the_spec_has_its_store() -> None:
    # Computed from the rendered routes (the spec's tags), apart from the stores found.
    assert set(MockRotor.store_types) == {route.store for route in ROUTES.values() if route.store}


def test_a_resource_without_a_store_module_is_named_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    # A resource name no spec will have (a test must not guess which resources a later spec lacks).
    ghost = "no_such_resource_zz"
    monkeypatch.setattr(app, "ROUTES", {**ROUTES, "listGhosts": Route("paginated_list", "ghosts:read", ghost)})
    with pytest.raises(OperationTableError, match=rf"'{ghost}' has no store: write src/rotor/testing/{ghost}.py"):
        app.store_types()


def test_counts_default_to_each_store_and_refuse_unknown_resources() -> None:
    mock = MockRotor(pins=3)
    sizes = {name: mock.stores.size(name) for name in mock.store_types}
    assert sizes == {name: 3 if name == "pins" else store.default_count for name, store in mock.store_types.items()}
    with pytest.raises(TypeError, match="unknown record counts \\['no_such_resource_zz'\\]"):
        MockRotor(no_such_resource_zz=3)


def test_seeded_data_is_made_once_per_process_and_copied_to_each_mock(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh mock per test pays for copying its records, not for making them (Faker: seconds for thousands);
    each copy is its own: what one mock's store is told (or has changed in place) no other sees."""
    # Within one process: data kept on disk by an earlier run (rotor.testing.data_cache) would skip the seeding.
    monkeypatch.delenv(data_cache.ENV, raising=False)
    seeded: list[int] = []

    class CountingStore(CustomerStore):
        @classmethod
        def seeded(cls, count: int, seed: int, stores: Mapping[str, RecordStore]) -> Self:
            seeded.append(seed)
            return super().seeded(count, seed, stores)

    class CountingMock(MockRotor):
        store_types: ClassVar[Mapping[str, type[RecordStore]]] = {**MockRotor.store_types, "customers": CountingStore}

    first, second = CountingMock(customers=20, seed=11), CountingMock(customers=20, seed=11)
    assert first.store is not second.store and seeded == [11]
    assert [s.record for s in first.store.all()] == [s.record for s in second.store.all()]
    victim = first.store.all()[0]
    victim.record["email"] = "changed@example.com"
    first.store.add({"id": "added", "created_at": victim.record["created_at"]})
    third = CountingMock(customers=20, seed=11)
    for other in (second, third):
        assert len(other.store) == 20 and other.store.get("added") is None
        assert other.store.get(victim.record["id"])["email"] != "changed@example.com"  # type: ignore[index]
    assert isinstance(third.store, CountingStore) and seeded == [11]
    CountingMock(customers=20, seed=12).store  # noqa: B018 (another data set is made for itself)
    assert seeded == [11, 12]
