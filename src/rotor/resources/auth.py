from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from rotor._base_client import finish
from rotor._options import QueryValue, TimeoutArg, request_options
from rotor.resources import _decoders
from rotor_generated.api.auth import test_auth
from rotor_generated.models import AuthTestResponse

if TYPE_CHECKING:
    from rotor._client import AsyncRotor, Rotor


class Auth:
    def __init__(self, client: Rotor) -> None:
        self._client = client

    def test(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> AuthTestResponse:
        """Check the API key: the company it belongs to and its scopes."""
        options = request_options(extra_headers, extra_query, timeout)
        raw = self._client.request(test_auth._get_kwargs(), _decoders.auth_test, idempotent=True, options=options)
        return finish(raw)


class AsyncAuth:
    def __init__(self, client: AsyncRotor) -> None:
        self._client = client

    async def test(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> AuthTestResponse:
        """Check the API key: the company it belongs to and its scopes."""
        options = request_options(extra_headers, extra_query, timeout)
        raw = await self._client.request(test_auth._get_kwargs(), _decoders.auth_test, idempotent=True, options=options)
        return finish(raw)
