from __future__ import annotations

from typing import TYPE_CHECKING

from rotor._base_client import finish
from rotor.resources import _decoders
from rotor_generated.api.auth import test_auth
from rotor_generated.models import AuthTestResponse

if TYPE_CHECKING:
    from rotor._client import AsyncRotor, Rotor


class Auth:
    def __init__(self, client: Rotor) -> None:
        self._client = client

    def test(self) -> AuthTestResponse:
        """Check the API key: the company it belongs to and its scopes."""
        raw = self._client.request(test_auth._get_kwargs(), _decoders.auth_test, idempotent=True)
        return finish(raw)


class AsyncAuth:
    def __init__(self, client: AsyncRotor) -> None:
        self._client = client

    async def test(self) -> AuthTestResponse:
        """Check the API key: the company it belongs to and its scopes."""
        raw = await self._client.request(test_auth._get_kwargs(), _decoders.auth_test, idempotent=True)
        return finish(raw)
