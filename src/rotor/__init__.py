"""Python SDK for the Rotor Open API.

from rotor import Rotor
with Rotor() as client:                      # key from $ROTOR_API_KEY
    for customer in client.customers.list(status="active"):
        print(customer.id, customer.email)
"""

from typing import TYPE_CHECKING

from rotor import _lazy, types
from rotor._logging import setup_logging as _setup_logging
from rotor._version import __version__

if TYPE_CHECKING:
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
    from rotor.pagination import AsyncPage, SyncPage
    from rotor.types import *  # noqa: F403 (the models and page types, rendered from the spec)
    from rotor_generated.types import UNSET, Unset

_setup_logging()

# Where each name above lives. They are imported on first use (``rotor.Rotor``, ``from rotor import Customer``):
# the clients pull in httpx, the generated client and every model, which a command like ``rotor --version`` and
# a program that only names ``rotor.__version__`` should not pay for.
_SOURCES = {
    "RawResponse": "rotor._base_client",
    "AsyncRotor": "rotor._client",
    "Rotor": "rotor._client",
    "API_VERSION": "rotor._constants",
    "DEFAULT_BASE_URL": "rotor._constants",
    "Drift": "rotor._exact",
    **dict.fromkeys(
        [
            "APIConnectionError",
            "APIError",
            "APIResponseValidationError",
            "APIStatusError",
            "APITimeoutError",
            "AuthenticationError",
            "BadRequestError",
            "ClientClosedError",
            "FieldError",
            "InsecureTransportWarning",
            "InternalServerError",
            "InvalidParameterError",
            "NotFoundError",
            "PermissionDeniedError",
            "RateLimitError",
            "RedirectError",
            "RequestBudgetExceeded",
            "RotorError",
        ],
        "rotor._exceptions",
    ),
    **dict.fromkeys(["ExportProgress", "ExportResult", "PartialExport", "partial_export"], "rotor._export"),
    "AsyncPage": "rotor.pagination",
    "SyncPage": "rotor.pagination",
    **dict.fromkeys(types.__all__, "rotor.types"),
    "UNSET": "rotor_generated.types",
    "Unset": "rotor_generated.types",
}

if not TYPE_CHECKING:
    __getattr__ = _lazy.attributes(__name__, globals(), _SOURCES)

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


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
