"""Making several mocks in one test, each closed when the factory is (the ``rotor_mock_factory`` fixture)."""

from __future__ import annotations

from typing import Any, Literal, Self, overload

from rotor.testing.harness import LiveMockRotorAPI, MockRotorAPI, make_mock


class MockFactory:
    def __init__(self) -> None:
        self.made: list[MockRotorAPI] = []

    @overload
    def __call__(self, *, served: Literal[False] = ..., **options: Any) -> MockRotorAPI: ...

    @overload
    def __call__(self, *, served: Literal[True], **options: Any) -> LiveMockRotorAPI: ...

    def __call__(self, *, served: bool = False, **options: Any) -> MockRotorAPI:
        """A fresh mock: in-process, or over HTTP on 127.0.0.1 with ``served=True``.

        ``options`` are ``make_mock``'s: a record count per resource (``customers=300``), ``seed``, ``daily_quota``,
        ``keys`` (each key to its scopes; clients use the first), ``faults`` (a ``Faults`` or a dict of its fields)
        and ``churn`` (a ``Churn``, copied, or a dict of its fields). With the defaults,
        ``client.customers.list().total`` is 2258 (archived customers excluded).
        """
        state = make_mock(**options)
        mock = LiveMockRotorAPI(state) if served else MockRotorAPI(state)
        self.made.append(mock)
        return mock

    def close(self) -> None:
        for mock in self.made:
            mock.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
