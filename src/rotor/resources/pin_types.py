"""``client.pin_types``: list, every pin type in one answer (the API does not paginate them)."""

from __future__ import annotations

from collections.abc import Mapping

from rotor._base_client import finish
from rotor._options import QueryValue, TimeoutArg, request_options
from rotor.resources import _decoders
from rotor.resources._base import AsyncResource, SyncResource
from rotor_generated.api.pin_types import list_pin_types
from rotor_generated.models import PinType, PinTypeListResponse

_TYPES = _decoders.items(PinTypeListResponse)


class PinTypes(SyncResource):
    def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> list[PinType]:
        """Every pin type (``id``, ``color``, ``label``) in one request: the API does not paginate them."""
        options = request_options(extra_headers, extra_query, timeout)
        return finish(self._client.request(list_pin_types._get_kwargs(), _TYPES, idempotent=True, options=options))


class AsyncPinTypes(AsyncResource):
    async def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, QueryValue] | None = None,
        timeout: TimeoutArg = None,
    ) -> list[PinType]:
        """Every pin type in one request (see ``PinTypes.list``)."""
        options = request_options(extra_headers, extra_query, timeout)
        raw = await self._client.request(list_pin_types._get_kwargs(), _TYPES, idempotent=True, options=options)
        return finish(raw)
