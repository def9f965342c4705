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
