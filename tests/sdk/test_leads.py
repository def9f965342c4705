"""``client.leads`` on both clients: the same core as customers, with the leads' own filters and field names."""

import contextlib
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
import respx

import rotor
from tests.conftest import Flavor

LEAD = {"id": "l1", "name": "Ada Lovelace", "stage": "Qualified", "priority": "high", "tags": ["web"]}


def _pages(total: int) -> Any:
    def answer(request: httpx.Request) -> httpx.Response:
        page, limit = int(request.url.params["page"]), int(request.url.params["limit"])
        data = [{**LEAD, "id": f"l{i}"} for i in range((page - 1) * limit, min(page * limit, total))]
        pagination = {"page": page, "limit": limit, "total": total, "has_more": page * limit < total}
        return httpx.Response(200, json={"data": data, "pagination": pagination, "status": "success"})

    return answer


def test_list_sends_the_leads_filters_and_pages_through(flavor: Flavor, router: respx.MockRouter) -> None:
    route = router.get("/leads").mock(side_effect=_pages(25))
    client = flavor.make()

    async def collect_async() -> list[str]:
        first = await client.leads.list(limit=10, stage="Qualified", tags=["web", "ads"], search="ada", archived=True)
        return [lead.id async for lead in first]

    if flavor.is_async:
        ids = flavor.run(collect_async)
    else:
        first = client.leads.list(limit=10, stage="Qualified", tags=["web", "ads"], search="ada", archived=True)
        ids = [lead.id for lead in first]
    assert ids == [f"l{i}" for i in range(25)] and route.call_count == 3
    params = route.calls[0].request.url.params
    assert (params["stage"], params["tags"], params["search"], params["archived"]) == (
        "Qualified",
        "web,ads",
        "ada",
        "true",
    )
    assert route.calls[0].request.headers["rotor-api-version"] == rotor.API_VERSION


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"stage": ""}, "stage: must be a non-empty string"),
        ({"tags": ["a,b"]}, "tags: each item must be"),
        ({"limit": 1001}, "limit: must be between 1 and 1000"),
        ({"archived": "yes"}, "archived: must be a bool"),
    ],
)
def test_bad_list_arguments_spend_nothing(
    flavor: Flavor, router: respx.MockRouter, arguments: dict[str, Any], message: str
) -> None:
    client = flavor.make()
    with pytest.raises(rotor.InvalidParameterError, match=message):
        flavor.run(lambda: client.leads.list(**arguments))
    assert len(router.calls) == 0


def test_retrieve_reads_a_typed_lead(flavor: Flavor, router: respx.MockRouter) -> None:
    router.get("/leads/l1").respond(200, json={"data": LEAD, "status": "success"})
    router.get("/leads/none").respond(404, json={"status": "error", "message": "Not found"})
    client = flavor.make()
    lead = flavor.run(lambda: client.leads.retrieve("l1"))
    assert isinstance(lead, rotor.Lead)
    assert (lead.name, lead.stage, lead.priority, lead.tags) == (
        "Ada Lovelace",
        "Qualified",
        rotor.LeadPriority.HIGH,
        ["web"],
    )
    with pytest.raises(rotor.NotFoundError):
        flavor.run(lambda: client.leads.retrieve("none"))


def test_upsert_sends_the_request_names_and_tells_created_from_updated(
    flavor: Flavor, router: respx.MockRouter
) -> None:
    route = router.post("/leads").mock(
        side_effect=[
            httpx.Response(201, json={"id": "l9", "message": "Lead created successfully"}),
            httpx.Response(200, json={"id": "l9", "message": "Lead updated successfully"}),
        ]
    )
    client = flavor.make()
    fields = {"name": "Ada", "email": "ada@example.com", "address_city": "Austin", "source": "web form"}
    created = flavor.run(lambda: client.with_raw_response.leads.create_or_update(**fields))
    updated = flavor.run(lambda: client.with_raw_response.leads.create_or_update({**fields, "priority": "low"}))
    assert (created.status_code, updated.status_code, created.parse().id) == (201, 200, "l9")
    assert orjson.loads(route.calls[0].request.content) == fields
    with pytest.raises(rotor.InvalidParameterError, match="lead_source: is not a field of LeadUpsertParams"):
        flavor.run(lambda: client.leads.create_or_update(lead_source="web"))  # the object's name, not the request's
    assert route.call_count == 2


@pytest.mark.parametrize(("fields", "calls"), [({"name": "Ada"}, 1), ({"name": "Ada", "phone": "+15125550100"}, 2)])
def test_an_upsert_is_replayed_only_when_it_names_its_record(
    flavor: Flavor, router: respx.MockRouter, fields: dict[str, str], calls: int
) -> None:
    route = router.post("/leads").mock(
        side_effect=[httpx.ReadTimeout("slow"), httpx.Response(201, json={"id": "l1", "message": "created"})]
    )
    client = flavor.make()
    with contextlib.suppress(rotor.APITimeoutError):  # raised when the upsert may not be replayed
        flavor.run(lambda: client.leads.create_or_update(**fields))
    assert route.call_count == calls


def test_export_writes_every_lead(flavor: Flavor, router: respx.MockRouter, tmp_path: Path) -> None:
    router.get("/leads").mock(side_effect=_pages(2345))
    path = tmp_path / "leads.jsonl"
    assert flavor.run(lambda: flavor.make().leads.export(path, stage="Qualified")).written == 2345
    rows = [orjson.loads(line) for line in path.read_bytes().splitlines()]
    assert [row["id"] for row in rows] == [f"l{i}" for i in range(2345)]
