from rotor.resources.auth import AsyncAuth, Auth
from rotor.resources.customers import AsyncCustomers, Customers
from rotor.resources.leads import AsyncLeads, Leads

__all__ = ["AsyncAuth", "AsyncCustomers", "AsyncLeads", "Auth", "Customers", "Leads"]
