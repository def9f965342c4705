"""Numbers the SDK relies on, in one place. Bounds mirror spec/openapi.yaml (a contract test keeps them equal)."""

import inspect
from collections.abc import Callable
from enum import Enum

import httpx

from rotor_generated.api.auth import test_auth


def version_sent_by(builder: Callable[..., object]) -> str:
    """The ``rotor-api-version`` a generated request builder sends unless told otherwise.

    That default is the spec's: the header's enum becomes ``RotorApiVersion``, its default the builders' default.
    Today the enum has one member, so this is that member; were the spec to accept several versions, the default
    is the one we send. No hand-written file names the version, so a bump only touches the spec and generated/.
    """
    default = inspect.signature(builder).parameters["rotor_api_version"].default
    if not (isinstance(default, Enum) and isinstance(default.value, str)):
        raise RuntimeError("the spec's rotor-api-version header has no default: regenerate from a spec that has one")
    return default.value


API_VERSION = version_sent_by(test_auth._get_kwargs)
DEFAULT_BASE_URL = "https://api.getrotor.com/open-api"

MIN_LIMIT = 1
MAX_LIMIT = 1000
MIN_PAGE = 1
MAX_PAGE = 2**53 - 1  # the spec's bound: what a TypeScript number holds exactly

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
# A Retry-After longer than this raises instead of sleeping: it will not clear within one call.
MAX_RETRY_AFTER = 60.0
