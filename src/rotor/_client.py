"""``Rotor`` and ``AsyncRotor``: the clients users make.

What a client is lives in ``rotor._base_client`` (configuration, lifecycle, ``with_options``, requests and retries);
its resources (``client.customers`` ...) and raw views are rendered from the spec into ``rotor.resources``.
"""

from __future__ import annotations

from rotor.resources import AsyncResources, SyncResources


class Rotor(SyncResources):
    """Synchronous client for the Rotor Open API.

    ``api_key`` defaults to ``$ROTOR_API_KEY`` and ``base_url`` to ``$ROTOR_BASE_URL``, then to production.
    Use it as a context manager, or call ``close()``, to release connections.
    """


class AsyncRotor(AsyncResources):
    """Asynchronous client for the Rotor Open API (same options as ``Rotor``); ``async with`` it, or ``await
    client.close()``."""
