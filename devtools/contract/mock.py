"""Verification against the built-in mock, for the main job: a bounded schemathesis run and a smoke test of the
generated client. Nothing leaves 127.0.0.1 and no API key is needed."""

import re
import time

import attrs

from devtools.contract.runner import failure_codes, schemathesis_cli
from rotor.testing import LiveMockRotorAPI, MockRotor
from rotor_generated import AuthenticatedClient
from rotor_generated.api.auth import test_auth
from rotor_generated.api.customers import create_or_update_customer, list_customers, retrieve_customer
from rotor_generated.api.leads import create_or_update_lead, list_leads, retrieve_lead
from rotor_generated.api.pin_types import list_pin_types
from rotor_generated.api.pins import list_pins
from rotor_generated.api.service_plans import list_service_plans
from rotor_generated.api.serviced_jobs import list_serviced_jobs
from rotor_generated.models import (
    AuthTestResponse,
    CustomerListResponse,
    CustomerResponse,
    CustomerUpsertParams,
    CustomerUpsertResult,
    LeadListResponse,
    LeadResponse,
    LeadUpsertParams,
    LeadUpsertResult,
    PinListResponse,
    PinTypeListResponse,
    ServicedJobListResponse,
    ServicePlanListResponse,
    ServicePlanStatus,
)


@attrs.frozen
class Outcome:
    ok: bool
    detail: str
    seconds: float


def schemathesis_against_mock(max_examples: int = 30) -> Outcome:
    started = time.perf_counter()
    with LiveMockRotorAPI(MockRotor(customers=300, daily_quota=10**9)) as live:
        result = schemathesis_cli(live.base_url, "--max-examples", str(max_examples))
    line = re.search(r"\d+ generated[^\n]*", result.stdout)
    detail = line.group(0) if line else "no summary line in the schemathesis output"
    if result.returncode != 0:
        detail += f"; failures: {', '.join(sorted(failure_codes(result.stdout))) or 'see output'}"
        print(result.stdout[-4000:])
    return Outcome(result.returncode == 0, detail, time.perf_counter() - started)


def generated_client_smoke() -> Outcome:
    """Every operation through the generated client (no SDK layer), each answer of the spec's type."""
    started = time.perf_counter()
    with LiveMockRotorAPI(MockRotor(customers=50, leads=50)) as live:
        client = AuthenticatedClient(
            base_url=live.base_url, token=live.api_key, prefix="", auth_header_name="x-api-key"
        )
        with client:
            auth = test_auth.sync(client=client)
            page = list_customers.sync(client=client, limit=5)
            upserted = create_or_update_customer.sync(
                client=client, body=CustomerUpsertParams(email="smoke@example.com")
            )
            assert isinstance(upserted, CustomerUpsertResult) and isinstance(upserted.id, str)
            one = retrieve_customer.sync(upserted.id, client=client)
            leads = list_leads.sync(client=client, limit=5, stage="New")
            lead = create_or_update_lead.sync(client=client, body=LeadUpsertParams(name="Smoke", source="web form"))
            assert isinstance(lead, LeadUpsertResult) and isinstance(lead.id, str)
            one_lead = retrieve_lead.sync(lead.id, client=client)
            kinds = list_pin_types.sync(client=client)
            pins = list_pins.sync(client=client, limit=5)
            plans = list_service_plans.sync(client=client, limit=5, status=ServicePlanStatus.ACTIVE)
            jobs = list_serviced_jobs.sync(client=client, limit=5)
        checks = {
            "testAuth": isinstance(auth, AuthTestResponse) and auth.authenticated is True,
            "listCustomers": isinstance(page, CustomerListResponse)
            and isinstance(page.data, list)
            and len(page.data) == 5,
            "createOrUpdateCustomer": upserted.email == "smoke@example.com",
            "retrieveCustomer": isinstance(one, CustomerResponse),
            "listLeads": isinstance(leads, LeadListResponse)
            and bool(leads.data)
            and all(item.stage == "New" for item in leads.data or []),
            "createOrUpdateLead": lead.lead_source == "web form",
            "retrieveLead": isinstance(one_lead, LeadResponse)
            and one_lead.data is not None
            and one_lead.data.name == "Smoke",
            "listPinTypes": isinstance(kinds, PinTypeListResponse) and bool(kinds.data),
            "listPins": isinstance(pins, PinListResponse) and bool(pins.data),
            "listServicePlans": isinstance(plans, ServicePlanListResponse)
            and bool(plans.data)
            and all(plan.active for plan in plans.data or []),
            "listServicedJobs": isinstance(jobs, ServicedJobListResponse) and bool(jobs.data),
        }
    failed = [name for name, ok in checks.items() if not ok]
    detail = f"{len(checks) - len(failed)}/{len(checks)} operations OK" + (f"; failed: {failed}" if failed else "")
    return Outcome(not failed, detail, time.perf_counter() - started)
