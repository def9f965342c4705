"""Every resource with an ``export``, on both clients: the file holds exactly the records iteration yields, in
ceil(total / 1000) requests (the mock counts what each key spent)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from devtools import sdk_spec
from rotor import AsyncRotor, Rotor
from rotor.resources._base import SyncResource
from rotor.testing import MockRotorAPI
from tests.conftest import Flavor

pytestmark = pytest.mark.spec_derived


def exporting_resources() -> list[str]:
    client = Rotor(api_key="rotor_unit_key0secret")
    found = {n: getattr(client, n) for n in dir(client) if not n.startswith("_") and n != "with_raw_response"}
    names = sorted(n for n, v in found.items() if isinstance(v, SyncResource) and hasattr(v, "export"))
    client.close()
    return names


EXPORTING = exporting_resources()


def test_every_paged_resource_exports() -> None:
    # Computed from the spec (its paginated lists), apart from the clients' attributes read above.
    assert sorted(resource.name for resource in sdk_spec.read().exporting()) == EXPORTING


@pytest.mark.parametrize("name", EXPORTING)
def test_export_writes_exactly_what_iteration_yields(name: str, flavor: Flavor, tmp_path: Path) -> None:
    api = MockRotorAPI(daily_quota=10**6)
    with api.client() as client:
        expected = [item.id for item in getattr(client, name).list()]
        total = getattr(client, name).list(limit=1).total
    assert total == len(expected) > 0
    target = tmp_path / f"{name}.jsonl"
    before = api.mock.requests_served

    async def export_async() -> Any:
        async with api.async_client() as client:
            assert isinstance(client, AsyncRotor)
            return await getattr(client, name).export(target)

    if flavor.is_async:
        result = flavor.run(export_async)
    else:
        with api.client() as client:
            result = getattr(client, name).export(target)
    ids = [json.loads(line)["id"] for line in target.read_text().splitlines()]
    assert ids == expected
    assert (result.written, result.complete) == (len(expected), True)
    assert api.mock.requests_served - before == result.requests == math.ceil(total / 1000)
