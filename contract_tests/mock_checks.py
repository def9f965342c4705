"""Semantic checks of a mock (or anything serving the Rotor API), usable on the real mock and on planted bugs.

Each raises AssertionError (via hypothesis, with a minimal example) when the server breaks the contract. A resource
is data (``Resource``): what its list filters, what its search covers, how its upsert renames fields. The rules
themselves are written here once, independently of the mock's implementation, and apply to every resource.
"""

import math
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
import httpx
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from contract_tests.spec_helpers import api_version
from rotor.testing import TEST_API_KEY, MockRotor
from rotor.testing.data import TAG_VOCABULARY
from rotor.testing.lead_data import LEAD_TAGS, STAGES
from rotor.testing.transport import MockTransport
from rotor_generated.models import CustomerStatus, ServiceFrequency, ServicePlanStatus

HEADERS = {"x-api-key": TEST_API_KEY, "rotor-api-version": api_version()}


@attrs.frozen
class Resource:
    path: str  # the list's path; the record's is path/{id} and the upsert POSTs to path
    store: str  # the mock's store of it (MockRotor.stores[store])
    noun: str  # "Customer": the upsert answers "Customer created successfully"
    equal: Mapping[str, list[str]]  # filters kept when the record's field of that name equals them: values to try
    searched: tuple[str, ...]  # the fields the search covers (case-insensitive substring)
    tags: tuple[str, ...]  # tag values to filter by
    search_terms: tuple[str, ...]
    newest_first: bool  # stated for the list (customers: only a stable order is assumed, A2)
    name: str  # a text field the upsert sets and the search covers
    # Request field -> (dotted path of the field in the record read back, fields of the upsert's answer with it).
    renamed: Mapping[str, tuple[str, tuple[str, ...]]]


CUSTOMERS = Resource(
    path="/customers",
    store="customers",
    noun="Customer",
    equal={"status": [member.value for member in CustomerStatus]},
    searched=("first_name", "last_name", "company_name", "email", "phone"),
    tags=TAG_VOCABULARY,
    search_terms=("an", "son", "LLC", "gmail", "+1", "Inc", "mar", "zz-nothing"),
    newest_first=False,
    name="first_name",
    renamed={
        "property_street1": ("address.street1", ("property_street1",)),
        "property_zip": ("address.zip", ("property_zip",)),
    },
)
LEADS = Resource(
    path="/leads",
    store="leads",
    noun="Lead",
    equal={"stage": [*STAGES, "new"]},  # "new": the stage compares exactly, case included (A22)
    searched=("name", "email", "phone"),
    tags=LEAD_TAGS,
    search_terms=("an", "SON", "gmail", "+1", "Inc", "mar", "@", "zz-nothing"),
    newest_first=True,
    name="name",
    renamed={
        "address_street1": ("property_street1", ("property_street1", "address_street1")),
        "address_zip": ("property_zip", ("property_zip", "address_zip")),
        "source": ("lead_source", ("lead_source",)),
    },
)
RESOURCES = (CUSTOMERS, LEADS)


def queries(resource: Resource) -> st.SearchStrategy[dict[str, Any]]:
    optional: dict[str, st.SearchStrategy[Any]] = {
        "archived": st.booleans(),
        "tags": st.lists(st.sampled_from(resource.tags), min_size=1, max_size=3, unique=True).map(",".join),
        "search": st.sampled_from(resource.search_terms),
    }
    optional |= {name: st.sampled_from(values) for name, values in resource.equal.items()}
    return st.fixed_dictionaries({"limit": st.integers(1, 1000), "page": st.integers(1, 12)}, optional=optional)


def http_client(mock: MockRotor) -> httpx.Client:
    return httpx.Client(transport=MockTransport(mock.app), base_url="http://rotor.mock/open-api", headers=HEADERS)


def matches(record: dict[str, Any], query: dict[str, Any], archived_ids: set[str], resource: Resource) -> bool:
    """The documented filters, written independently of the mock's own implementation."""
    if record["id"] in archived_ids and not query.get("archived", False):
        return False
    if any(name in query and record.get(name) != query[name] for name in resource.equal):
        return False
    if "tags" in query and not set(query["tags"].split(",")) & set(record.get("tags") or []):
        return False
    if "search" in query:
        needle = query["search"].lower()
        return any(needle in str(record.get(f) or "").lower() for f in resource.searched)
    return True


def check_list_invariants(
    mock: MockRotor, max_examples: int, resource: Resource = CUSTOMERS, *, shrink: bool = True
) -> None:
    """Paging arithmetic, filters, order, and that a query's pages together give exactly ``total`` distinct ids.

    ``shrink=False`` reports the first failing query as found: enough to prove a planted bug is caught, and
    seconds faster than shrinking it to a minimal one."""
    stored = mock.stores[resource.store].all()
    archived_ids = {s.record["id"] for s in stored if s.archived}
    every = [s.record for s in stored]

    # One failure, shrunk, as a plain AssertionError (not a group), so callers can expect exactly that.
    @settings(
        max_examples=max_examples,
        phases=[Phase.explicit, Phase.reuse, Phase.generate, *([Phase.shrink] if shrink else [])],
        suppress_health_check=list(HealthCheck),
        database=None,
        deadline=None,
        report_multiple_bugs=False,
    )
    @given(query=queries(resource))
    def prop(query: dict[str, Any]) -> None:
        with http_client(mock) as http:
            body = http.get(resource.path, params=query).json()
            data, pagination = body["data"], body["pagination"]
            limit, page, total = query["limit"], query["page"], pagination["total"]
            expected_total = sum(1 for r in every if matches(r, query, archived_ids, resource))
            assert total == expected_total, f"total {total} != {expected_total} matching"
            assert len(data) == min(limit, max(0, total - (page - 1) * limit))
            assert pagination["has_more"] == (page * limit < total)
            assert (pagination["limit"], pagination["page"]) == (limit, page)
            for record in data:
                assert matches(record, query, archived_ids, resource), f"{record['id']} does not match {query}"
            # All pages of this query, with a page size that keeps it to at most ~4 requests: three page boundaries
            # find a repeat or a gap as well as eleven, and each request costs the mock's spec validation.
            size = max(limit, math.ceil(total / 4), 1)
            listed: list[dict[str, Any]] = []
            for n in range(1, math.ceil(total / size) + 2):
                listed += http.get(resource.path, params={**query, "limit": size, "page": n}).json()["data"]
            ids = [r["id"] for r in listed]
            assert len(ids) == len(set(ids)) == total
            if resource.newest_first:
                created = [r["created_at"] for r in listed]
                assert created == sorted(created, reverse=True), "not newest first"

    prop()


def check_upsert_rules(mock: MockRotor, resource: Resource) -> None:
    """The documented upsert, on a mock with no records of ``resource``: 201 created / 200 updated, found by id,
    else phone, else email (phone first even when the email names another record), tags merged, renamed fields."""
    with http_client(mock) as http:

        def upsert(body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
            response = http.post(resource.path, json=body)
            return response.status_code, response.json()

        status, first = upsert({"phone": "+15550001", "email": "a@example.com", "tags": ["vip"]})
        assert status == 201 and first["message"] == f"{resource.noun} created successfully", (status, first)
        status, updated = upsert({"id": first["id"], resource.name: "Ann", "tags": ["pool", "vip"]})
        assert status == 200 and updated["message"] == f"{resource.noun} updated successfully"
        assert updated["id"] == first["id"] and updated["tags"] == ["vip", "pool"]
        # No id, the phone matches: updated, even though the email is another one...
        status, by_phone = upsert({"phone": "+15550001", "email": "x@example.com"})
        assert status == 200 and by_phone["id"] == first["id"] and by_phone["email"] == "x@example.com"
        # ...then the email, when the phone matches nobody.
        status, second = upsert({"email": "b@example.com"})
        assert status == 201 and second["id"] != first["id"]
        status, by_email = upsert({"phone": "+15559999", "email": "b@example.com", "notes": "gate code 12"})
        assert status == 200 and by_email["id"] == second["id"]
        # Phone and email naming different records: the phone wins.
        status, both = upsert({"phone": "+15550001", "email": "b@example.com"})
        assert status == 200 and both["id"] == first["id"], "the phone is looked up before the email"
        # Renamed fields: in the answer under each documented name, and in the record read back.
        sent = {field: f"{field} value" for field in resource.renamed}
        status, renamed = upsert({"id": first["id"], **sent})
        assert status == 200
        for field, (_, answer_fields) in resource.renamed.items():
            assert all(renamed[name] == sent[field] for name in answer_fields), (field, renamed)
        record = http.get(f"{resource.path}/{first['id']}").json()["data"]
        listed = http.get(resource.path, params={"search": "ann"}).json()["data"]
    assert record[resource.name] == "Ann" and record["email"] == "b@example.com"
    for field, (path, _) in resource.renamed.items():
        assert _dig(record, path) == sent[field], (field, record)
    assert [r["id"] for r in listed] == [first["id"]]
    assert len(mock.stores[resource.store]) == 2


def _dig(record: dict[str, Any], dotted: str) -> Any:
    for part in dotted.split("."):
        record = record[part]
    return record


def check_daily_quota(make_mock: Callable[..., MockRotor], quota: int = 1000) -> None:
    """Request quota+1 of a key is refused with the documented body; another key is unaffected."""
    mock = make_mock(
        customers=10, daily_quota=quota, keys={"rotor_a_key": ["customers:read"], "rotor_b_key": ["customers:read"]}
    )
    with http_client(mock) as http:
        a, b = {"x-api-key": "rotor_a_key"}, {"x-api-key": "rotor_b_key"}
        statuses = [http.get("/auth/test", headers=a).status_code for _ in range(quota)]
        assert statuses == [200] * quota
        refused = http.get("/customers", headers=a)
        assert refused.status_code == 429, refused.status_code
        assert refused.json() == {
            "status": "error",
            "message": f"Daily API key request limit of {quota} exceeded",
            "error_code": "RATE_LIMIT_EXCEEDED",
        }
        assert http.get("/customers", params={"limit": 1}, headers=b).status_code == 200


# -- the list-only resources (pins, service plans, serviced jobs) ---------------------------------------------------


@attrs.frozen
class ListResource:
    """A list-only resource as data: its filters restated here, apart from the mock's stores."""

    path: str
    store: str
    # Parameter -> (the dotted field it must equal, values to try; None means "take them from the data").
    equal: Mapping[str, tuple[str, tuple[Any, ...] | None]]
    ranges: Mapping[str, tuple[str, str]]  # date-time field -> (start, end) parameters, both inclusive
    # Which stored records a query may list at all (hidden state: archived or quote jobs, completion).
    listable: Callable[[Any, dict[str, Any]], bool]
    booleans: tuple[str, ...] = ()  # boolean parameters to try both ways
    newest_first: str | None = None  # the field the list is ordered by, newest first, when items carry it


def _always(stored: Any, query: dict[str, Any]) -> bool:
    return True


def _job_listable(stored: Any, query: dict[str, Any]) -> bool:
    # Stated: quotes and archived jobs are never listed; only_completed (default true) keeps completed jobs only.
    return not stored.archived and (not query.get("only_completed", True) or stored.extra["completed"])


PINS = ListResource(
    path="/pins",
    store="pins",
    equal={"pin_type_id": ("pin_type.id", None), "user_id": ("created_by.user_id", None)},
    ranges={},
    listable=_always,
    newest_first="created_at",
)
SERVICE_PLANS = ListResource(
    path="/service-plans",
    store="service_plans",
    equal={
        "frequency": ("service_frequency", tuple(member.value for member in ServiceFrequency)),
        "service_type": ("service_type", ("Window Cleaning", "Lawn Care", "window cleaning")),
        "sold_by_user_id": ("sold_by.user_id", None),
        "status": ("active", tuple(member.value for member in ServicePlanStatus)),  # A32: active <=> active is true
    },
    ranges={"created_at": ("created_at_range_start", "created_at_range_end")},
    listable=_always,
    newest_first="created_at",
)
SERVICED_JOBS = ListResource(
    path="/serviced-jobs",
    store="serviced_jobs",
    equal={},
    ranges={"service_date": ("service_date_range_start", "service_date_range_end")},
    listable=_job_listable,
    booleans=("only_completed",),
)
LIST_RESOURCES = (PINS, SERVICE_PLANS, SERVICED_JOBS)


def _parse(moment: str) -> datetime:
    return datetime.fromisoformat(moment.replace("Z", "+00:00"))


def _expected_value(param: str, value: Any) -> Any:
    return value == "active" if param == "status" else value


def list_matches(stored: Any, query: dict[str, Any], resource: ListResource) -> bool:
    record = stored.record
    if not resource.listable(stored, query):
        return False
    for param, (field, _) in resource.equal.items():
        if param in query and _dig_or_none(record, field) != _expected_value(param, query[param]):
            return False
    for field, (start, end) in resource.ranges.items():
        if start in query or end in query:
            value = record.get(field)
            if value is None:  # A34: a record without the date matches no range
                return False
            if start in query and _parse(value) < _parse(query[start]):
                return False
            if end in query and _parse(value) > _parse(query[end]):
                return False
    return True


def _dig_or_none(record: dict[str, Any], dotted: str) -> Any:
    value: Any = record
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _as_sent(moment: str, style: int) -> str:
    """A record's own date-time, sent as the API takes it: as stored, in UTC with an offset, or in another zone."""
    parsed = _parse(moment)
    if style == 1:
        return parsed.isoformat()
    if style == 2:
        return parsed.astimezone(timezone(timedelta(hours=-5))).isoformat()
    return moment


def list_queries(mock: MockRotor, resource: ListResource) -> st.SearchStrategy[dict[str, Any]]:
    records = [s.record for s in mock.stores[resource.store].all()]
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for param, (field, values) in resource.equal.items():
        seen = sorted({str(v) for r in records if (v := _dig_or_none(r, field)) is not None})
        optional[param] = st.sampled_from(values or (*seen[:12], "00000000-0000-4000-8000-000000000000"))
    for field, (start, end) in resource.ranges.items():
        # Bounds are records' own values (so inclusive ends are hit exactly), in several spellings.
        moments = sorted({r[field] for r in records if r.get(field)})
        bound = st.tuples(st.sampled_from(moments), st.integers(0, 2)).map(lambda m: _as_sent(*m))
        optional[start], optional[end] = bound, bound
    optional |= {name: st.booleans() for name in resource.booleans}
    return st.fixed_dictionaries({"limit": st.integers(1, 1000), "page": st.integers(1, 6)}, optional=optional)


def check_list_only_invariants(
    mock: MockRotor, resource: ListResource, max_examples: int, *, shrink: bool = True
) -> None:
    """For a list-only resource: filters hold on every item, ``total`` counts exactly the filtered set, pages
    partition it (no repeat, no gap), newest first where the items show it. ``shrink`` as ``check_list_invariants``."""
    stored = mock.stores[resource.store].all()

    @settings(max_examples=max_examples, suppress_health_check=list(HealthCheck), database=None, deadline=None,
              phases=[Phase.explicit, Phase.reuse, Phase.generate, *([Phase.shrink] if shrink else [])],
              report_multiple_bugs=False)  # fmt: skip
    @given(query=list_queries(mock, resource))
    def prop(query: dict[str, Any]) -> None:
        expected = [s.record["id"] for s in stored if list_matches(s, query, resource)]
        with http_client(mock) as http:
            response = http.get(resource.path, params=query)
            assert response.status_code == 200, response.text
            body = response.json()
            data, pagination = body["data"], body["pagination"]
            limit, page, total = query["limit"], query["page"], pagination["total"]
            assert total == len(expected), f"total {total} != {len(expected)} matching {query}"
            assert len(data) == min(limit, max(0, total - (page - 1) * limit))
            assert pagination["has_more"] == (page * limit < total)
            by_id = {s.record["id"]: s for s in stored}
            for record in data:
                assert list_matches(by_id[record["id"]], query, resource), f"{record['id']} does not match {query}"
            size = max(limit, math.ceil(total / 4), 1)
            ids: list[str] = []
            for n in range(1, math.ceil(total / size) + 2):
                listed = http.get(resource.path, params={**query, "limit": size, "page": n}).json()["data"]
                ids += [r["id"] for r in listed]
                if resource.newest_first:
                    moments = [r[resource.newest_first] for r in listed]
                    assert moments == sorted(moments, reverse=True), "not newest first"
            assert ids == expected, "the pages together are not exactly the filtered set, in order"

    prop()


def check_inclusive_ranges(mock: MockRotor, resource: ListResource) -> None:
    """A range whose start and end are both a record's own date-time lists that record (both ends inclusive); a
    range starting just after it, or ending just before it, does not."""
    with http_client(mock) as http:
        for field, (start, end) in resource.ranges.items():
            for stored in mock.stores[resource.store].all()[:: max(1, len(mock.stores[resource.store]) // 5)]:
                value = stored.record.get(field)
                if value is None or not resource.listable(stored, {"only_completed": False}):
                    continue
                base: dict[str, Any] = {"limit": 1000}
                if "only_completed" in resource.booleans:
                    base["only_completed"] = "false"
                exact = http.get(resource.path, params={**base, start: value, end: value}).json()["data"]
                assert stored.record["id"] in [r["id"] for r in exact], f"{field} {value} not in [{value}, {value}]"
                later = (_parse(value) + timedelta(milliseconds=1)).isoformat()
                earlier = (_parse(value) - timedelta(milliseconds=1)).isoformat()
                for params in ({start: later}, {end: earlier}):
                    listed = http.get(resource.path, params={**base, **params}).json()["data"]
                    assert stored.record["id"] not in [r["id"] for r in listed], (field, value, params)
