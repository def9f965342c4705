from rotor.resources.auth import AsyncAuth, Auth
from rotor.resources.customers import AsyncCustomers, Customers

__all__ = ["AsyncAuth", "AsyncCustomers", "Auth", "Customers"]
