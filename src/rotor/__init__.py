"""Python SDK for the Rotor Open API.

from rotor import Rotor
with Rotor() as client:                      # key from $ROTOR_API_KEY
    for customer in client.customers.list(status="active"):
        print(customer.id, customer.email)
"""

from rotor import types
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
from rotor.types import *  # noqa: F403 (the models and page types, rendered from the spec)
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
    "AsyncPage",
    "AsyncRotor",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "Drift",
    "ExportProgress",
    "ExportResult",
    "FieldError",
    "InsecureTransportWarning",
    "InternalServerError",
    "InvalidParameterError",
    "NotFoundError",
    "PartialExport",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "RedirectError",
    "RequestBudgetExceeded",
    "Rotor",
    "RotorError",
    "SyncPage",
    "Unset",
    "__version__",
    "partial_export",
    *types.__all__,
]
