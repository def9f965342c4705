"""openapi-core, the mock's reference validator: asked about every request the validators compiled from the spec
(``rotor.testing.compiled``) do not accept, so each 400 and its field errors are openapi-core's own. Imported only
then (about 0.3 s): a mock whose requests are all valid, as in most of a consumer's tests, never loads it.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from openapi_core import OpenAPI
from openapi_core.contrib.starlette.requests import StarletteOpenAPIRequest
from starlette.requests import Request

from rotor.testing.app import BASE_PATH
from rotor.testing.spec import load as load_spec


class SpecRequest(StarletteOpenAPIRequest):
    """The request as openapi-core sees it, with path parameters exactly as sent.

    openapi-core would otherwise re-parse the decoded path as a URL (``request.url``, then ``urljoin``), and URL
    parsing deletes tabs and newlines: ``/customers/%0A`` became ``/customers/``, a 400 "should be non-empty".
    Instead it gets what a framework integration gives it: the matched template and the router's decoded params.
    """

    def __init__(self, request: Request, body: bytes | None) -> None:
        super().__init__(request, body)
        self.parameters.path = dict(request.path_params)

    @property
    def path_pattern(self) -> str:
        template: str = self.request.state.path_template
        return template


@cache
def _openapi() -> OpenAPI:
    spec = copy.deepcopy(load_spec())
    spec["servers"] = [{"url": BASE_PATH}]  # validate whatever host the mock is served on
    return OpenAPI.from_dict(spec)


def unmarshal_request(request: Request, body: bytes | None) -> Any:
    """openapi-core's verdict on ``request``: its errors, or its parameters and body."""
    return _openapi().unmarshal_request(SpecRequest(request, body))
