"""Contains all the data models used in inputs/outputs"""

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
