from __future__ import annotations

from collections.abc import Mapping

from rotor._base_client import finish
from rotor._options import QueryValue, TimeoutArg, request_options
from rotor.resources import _decoders
from rotor.resources._base import AsyncResource, SyncResource
from rotor_generated.api.auth import test_auth
from rotor_generated.models import AuthTestResponse

_TEST = _decoders.whole(AuthTestResponse)


class Auth(SyncResource):
    def test(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> AuthTestResponse:
        """Check the API key: the company it belongs to and its scopes."""
        options = request_options(extra_headers, extra_query, timeout)
        raw = self._client.request(test_auth._get_kwargs(), _TEST, idempotent=True, options=options)
        return finish(raw)


class AsyncAuth(AsyncResource):
    async def test(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> AuthTestResponse:
        """Check the API key: the company it belongs to and its scopes."""
        options = request_options(extra_headers, extra_query, timeout)
        raw = await self._client.request(test_auth._get_kwargs(), _TEST, idempotent=True, options=options)
        return finish(raw)
