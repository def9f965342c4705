"""Python SDK for the Rotor Open API.

from rotor import Rotor
with Rotor() as client:                      # key from $ROTOR_API_KEY
    for customer in client.customers.list(status="active"):
        print(customer.id, customer.email)
"""

from rotor._base_client import RawResponse
from rotor._client import AsyncRotor, Rotor
from rotor._constants import API_VERSION, DEFAULT_BASE_URL
from rotor._exact import Drift
from rotor._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    FieldError,
    InsecureTransportWarning,
    InternalServerError,
    InvalidParameterError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RedirectError,
    RequestBudgetExceeded,
    RotorError,
)
from rotor._export import ExportProgress, ExportResult, PartialExport, partial_export
from rotor._logging import setup_logging as _setup_logging
from rotor._version import __version__
from rotor.pagination import AsyncPage, SyncPage
from rotor.resources.customers import AsyncCustomerPage, CustomerPage
from rotor.resources.leads import AsyncLeadPage, LeadPage
from rotor.resources.pins import AsyncPinPage, PinPage
from rotor.resources.service_plans import AsyncServicePlanPage, ServicePlanPage
from rotor.resources.serviced_jobs import AsyncServicedJobPage, ServicedJobPage
from rotor_generated.models import (
    Address,
    AuthTestResponse,
    Customer,
    CustomerStatus,
    CustomerUpsertParams,
    CustomerUpsertResult,
    Lead,
    LeadPriority,
    LeadUpsertParams,
    LeadUpsertResult,
    Pagination,
    Pin,
    PinCreator,
    PinType,
    ServicedJob,
    ServiceFrequency,
    ServicePlan,
    ServicePlanStatus,
)
from rotor_generated.types import UNSET, Unset

_setup_logging()

__all__ = [
    "API_VERSION",
    "DEFAULT_BASE_URL",
    "UNSET",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "Address",
    "AsyncCustomerPage",
    "AsyncLeadPage",
    "AsyncPage",
    "AsyncPinPage",
    "AsyncRotor",
    "AsyncServicePlanPage",
    "AsyncServicedJobPage",
    "AuthTestResponse",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "Customer",
    "CustomerPage",
    "CustomerStatus",
    "CustomerUpsertParams",
    "CustomerUpsertResult",
    "Drift",
    "ExportProgress",
    "ExportResult",
    "FieldError",
    "InsecureTransportWarning",
    "InternalServerError",
    "InvalidParameterError",
    "Lead",
    "LeadPage",
    "LeadPriority",
    "LeadUpsertParams",
    "LeadUpsertResult",
    "NotFoundError",
    "Pagination",
    "PartialExport",
    "PermissionDeniedError",
    "Pin",
    "PinCreator",
    "PinPage",
    "PinType",
    "RateLimitError",
    "RawResponse",
    "RedirectError",
    "RequestBudgetExceeded",
    "Rotor",
    "RotorError",
    "ServiceFrequency",
    "ServicePlan",
    "ServicePlanPage",
    "ServicePlanStatus",
    "ServicedJob",
    "ServicedJobPage",
    "SyncPage",
    "Unset",
    "__version__",
    "partial_export",
]
