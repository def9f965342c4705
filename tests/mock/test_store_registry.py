"""The mock's stores come from one mapping, found by resource: a store module per resource of the spec, whose
class names its resource and its default size. Record counts, the CLI's flags and the marker's options read it."""

from __future__ import annotations

import pytest

from rotor.testing import app
from rotor.testing.app import MockRotor
from rotor.testing.operations import OperationTableError
from rotor.testing.routes import ROUTES
from rotor.testing.shapes import Route


def test_every_resource_of_the_spec_has_its_store() -> None:
    # Computed from the rendered routes (the spec's tags), apart from the stores found.
    assert set(MockRotor.store_types) == {route.store for route in ROUTES.values() if route.store}


def test_a_resource_without_a_store_module_is_named_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app, "ROUTES", {**ROUTES, "listUsers": Route("paginated_list", "users:read", "users")})
    with pytest.raises(OperationTableError, match=r"'users' has no store: write src/rotor/testing/users.py"):
        app.store_types()


def test_counts_default_to_each_store_and_refuse_unknown_resources() -> None:
    mock = MockRotor(pins=3)
    sizes = {name: mock.stores.size(name) for name in mock.store_types}
    assert sizes == {name: 3 if name == "pins" else store.default_count for name, store in mock.store_types.items()}
    with pytest.raises(TypeError, match="unknown record counts \\['users'\\]"):
        MockRotor(users=3)
