"""Contains all the data models used in inputs/outputs"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .address import Address
    from .auth_method import AuthMethod
    from .auth_test_response import AuthTestResponse
    from .customer import Customer
    from .customer_list_response import CustomerListResponse
    from .customer_response import CustomerResponse
    from .customer_status import CustomerStatus
    from .customer_summary import CustomerSummary
    from .customer_upsert_params import CustomerUpsertParams
    from .customer_upsert_result import CustomerUpsertResult
    from .error_response import ErrorResponse
    from .error_status import ErrorStatus
    from .field_error import FieldError
    from .lead import Lead
    from .lead_list_response import LeadListResponse
    from .lead_priority import LeadPriority
    from .lead_response import LeadResponse
    from .lead_upsert_params import LeadUpsertParams
    from .lead_upsert_result import LeadUpsertResult
    from .pagination import Pagination
    from .pin import Pin
    from .pin_creator import PinCreator
    from .pin_list_response import PinListResponse
    from .pin_type import PinType
    from .pin_type_list_response import PinTypeListResponse
    from .rotor_api_version import RotorApiVersion
    from .service_frequency import ServiceFrequency
    from .service_plan import ServicePlan
    from .service_plan_list_response import ServicePlanListResponse
    from .service_plan_status import ServicePlanStatus
    from .serviced_job import ServicedJob
    from .serviced_job_list_response import ServicedJobListResponse
    from .success_status import SuccessStatus
    from .user import User

__all__ = (
    "Address",
    "AuthMethod",
    "AuthTestResponse",
    "Customer",
    "CustomerListResponse",
    "CustomerResponse",
    "CustomerStatus",
    "CustomerSummary",
    "CustomerUpsertParams",
    "CustomerUpsertResult",
    "ErrorResponse",
    "ErrorStatus",
    "FieldError",
    "Lead",
    "LeadListResponse",
    "LeadPriority",
    "LeadResponse",
    "LeadUpsertParams",
    "LeadUpsertResult",
    "Pagination",
    "Pin",
    "PinCreator",
    "PinListResponse",
    "PinType",
    "PinTypeListResponse",
    "RotorApiVersion",
    "ServicedJob",
    "ServicedJobListResponse",
    "ServiceFrequency",
    "ServicePlan",
    "ServicePlanListResponse",
    "ServicePlanStatus",
    "SuccessStatus",
    "User",
)

# Each name, the module it is defined in.
_MODULES = {
    "Address": ".address",
    "AuthMethod": ".auth_method",
    "AuthTestResponse": ".auth_test_response",
    "Customer": ".customer",
    "CustomerListResponse": ".customer_list_response",
    "CustomerResponse": ".customer_response",
    "CustomerStatus": ".customer_status",
    "CustomerSummary": ".customer_summary",
    "CustomerUpsertParams": ".customer_upsert_params",
    "CustomerUpsertResult": ".customer_upsert_result",
    "ErrorResponse": ".error_response",
    "ErrorStatus": ".error_status",
    "FieldError": ".field_error",
    "Lead": ".lead",
    "LeadListResponse": ".lead_list_response",
    "LeadPriority": ".lead_priority",
    "LeadResponse": ".lead_response",
    "LeadUpsertParams": ".lead_upsert_params",
    "LeadUpsertResult": ".lead_upsert_result",
    "Pagination": ".pagination",
    "Pin": ".pin",
    "PinCreator": ".pin_creator",
    "PinListResponse": ".pin_list_response",
    "PinType": ".pin_type",
    "PinTypeListResponse": ".pin_type_list_response",
    "RotorApiVersion": ".rotor_api_version",
    "ServiceFrequency": ".service_frequency",
    "ServicePlan": ".service_plan",
    "ServicePlanListResponse": ".service_plan_list_response",
    "ServicePlanStatus": ".service_plan_status",
    "ServicedJob": ".serviced_job",
    "ServicedJobListResponse": ".serviced_job_list_response",
    "SuccessStatus": ".success_status",
    "User": ".user",
}

if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        if name not in _MODULES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(_MODULES[name], __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *_MODULES})
