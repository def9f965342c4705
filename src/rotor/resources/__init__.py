from rotor.resources.auth import AsyncAuth, Auth
from rotor.resources.customers import AsyncCustomers, Customers
from rotor.resources.leads import AsyncLeads, Leads
from rotor.resources.pin_types import AsyncPinTypes, PinTypes
from rotor.resources.pins import AsyncPins, Pins
from rotor.resources.service_plans import AsyncServicePlans, ServicePlans
from rotor.resources.serviced_jobs import AsyncServicedJobs, ServicedJobs

__all__ = [
    "AsyncAuth",
    "AsyncCustomers",
    "AsyncLeads",
    "AsyncPinTypes",
    "AsyncPins",
    "AsyncServicePlans",
    "AsyncServicedJobs",
    "Auth",
    "Customers",
    "Leads",
    "PinTypes",
    "Pins",
    "ServicePlans",
    "ServicedJobs",
]
