"""Making several mocks in one test, each closed when the factory is (the ``rotor_mock_factory`` fixture)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal, Self, overload

from rotor.testing.harness import ChurnArg, FaultsArg, LiveMockRotorAPI, MockRotorAPI, make_mock


class MockFactory:
    def __init__(self) -> None:
        self.made: list[MockRotorAPI] = []

    @overload
    def __call__(
        self,
        *,
        customers: int = ...,
        leads: int = ...,
        pins: int = ...,
        pin_types: int = ...,
        service_plans: int = ...,
        serviced_jobs: int = ...,
        seed: int = ...,
        daily_quota: int = ...,
        keys: Mapping[str, Iterable[str]] | None = ...,
        faults: FaultsArg = ...,
        churn: ChurnArg = ...,
        served: Literal[False] = ...,
    ) -> MockRotorAPI: ...

    @overload
    def __call__(
        self,
        *,
        customers: int = ...,
        leads: int = ...,
        pins: int = ...,
        pin_types: int = ...,
        service_plans: int = ...,
        serviced_jobs: int = ...,
        seed: int = ...,
        daily_quota: int = ...,
        keys: Mapping[str, Iterable[str]] | None = ...,
        faults: FaultsArg = ...,
        churn: ChurnArg = ...,
        served: Literal[True],
    ) -> LiveMockRotorAPI: ...

    def __call__(
        self,
        *,
        customers: int = 2500,
        leads: int = 600,
        pins: int = 400,
        pin_types: int = 6,
        service_plans: int = 500,
        serviced_jobs: int = 1500,
        seed: int = 0,
        daily_quota: int = 1000,
        keys: Mapping[str, Iterable[str]] | None = None,
        faults: FaultsArg = None,
        churn: ChurnArg = None,
        served: bool = False,
    ) -> MockRotorAPI:
        """A fresh mock: in-process, or over HTTP on 127.0.0.1 with ``served=True``.

        ``keys`` maps each key to its scopes (clients use the first); ``faults`` is a ``Faults`` or a dict of its
        fields, ``churn`` a ``Churn`` (copied) or a dict of its fields. With the defaults,
        ``client.customers.list().total`` is 2258 (archived customers excluded).
        """
        counts = {"pins": pins, "pin_types": pin_types, "service_plans": service_plans, "serviced_jobs": serviced_jobs}
        state = make_mock(
            customers=customers,
            leads=leads,
            **counts,
            seed=seed,
            daily_quota=daily_quota,
            keys=keys,
            faults=faults,
            churn=churn,
        )
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
