"""Numbers the SDK relies on, in one place. Bounds mirror spec/openapi.yaml (a contract test keeps them equal)."""

import httpx

API_VERSION = "1.1.0"
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
