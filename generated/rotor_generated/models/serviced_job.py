from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_summary import CustomerSummary
    from ..models.user import User


T = TypeVar("T", bound="ServicedJob")


@_attrs_define
class ServicedJob:
    """A job. Every field is optional (stated); money is in dollars.

    Attributes:
        id (str | None):
        customer (CustomerSummary | None): The customer a record belongs to. Every field is optional (stated).
        service_date (datetime.datetime | None): The start of the job's first visit.
        service_plan_id (None | UUID): The job series (service plan) the job belongs to, if any (stated). ASSUMPTION
            (A35): null when it belongs to none (the docs say "if any" and show no nullability).
        technicians (list[User] | None): The job's assignee and crew.
        total_outstanding (float | None): Balance due.
        total_received (float | None):
    """

    id: str | None = None
    customer: CustomerSummary | None = None
    service_date: datetime.datetime | None = None
    service_plan_id: None | UUID = None
    technicians: list[User] | None = None
    total_outstanding: float | None = None
    total_received: float | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = UNSET if self.id is None else self.id

        _customer = UNSET if self.customer is None else self.customer
        customer: dict[str, Any] | Unset = UNSET
        if not isinstance(_customer, Unset):
            customer = _customer.to_dict()

        _service_date = UNSET if self.service_date is None else self.service_date
        service_date: str | Unset = UNSET
        if not isinstance(_service_date, Unset):
            service_date = _service_date.isoformat()

        _service_plan_id = UNSET if self.service_plan_id is None else self.service_plan_id
        service_plan_id: None | str | Unset
        if isinstance(_service_plan_id, Unset):
            service_plan_id = UNSET
        elif isinstance(_service_plan_id, UUID):
            service_plan_id = str(_service_plan_id)
        else:
            service_plan_id = _service_plan_id

        _technicians = UNSET if self.technicians is None else self.technicians
        technicians: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_technicians, Unset):
            technicians = []
            for technicians_item_data in _technicians:
                technicians_item = technicians_item_data.to_dict()
                technicians.append(technicians_item)

        total_outstanding = UNSET if self.total_outstanding is None else self.total_outstanding

        total_received = UNSET if self.total_received is None else self.total_received

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if customer is not UNSET:
            field_dict["customer"] = customer
        if service_date is not UNSET:
            field_dict["service_date"] = service_date
        if service_plan_id is not UNSET:
            field_dict["service_plan_id"] = service_plan_id
        if technicians is not UNSET:
            field_dict["technicians"] = technicians
        if total_outstanding is not UNSET:
            field_dict["total_outstanding"] = total_outstanding
        if total_received is not UNSET:
            field_dict["total_received"] = total_received

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_summary import CustomerSummary  # noqa: PLC0415
        from ..models.user import User  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _customer = d.pop("customer", UNSET)
        customer: CustomerSummary | Unset
        if isinstance(_customer, Unset):
            customer = UNSET
        else:
            customer = CustomerSummary.from_dict(_customer)

        _service_date = d.pop("service_date", UNSET)
        service_date: datetime.datetime | Unset
        if isinstance(_service_date, Unset):
            service_date = UNSET
        else:
            service_date = datetime.datetime.fromisoformat(_service_date)

        def _parse_service_plan_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_plan_id_type_0 = UUID(data)

                return service_plan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        service_plan_id = _parse_service_plan_id(d.pop("service_plan_id", UNSET))

        _technicians = d.pop("technicians", UNSET)
        technicians: list[User] | Unset = UNSET
        if _technicians is not UNSET:
            technicians = []
            for technicians_item_data in _technicians:
                technicians_item = User.from_dict(technicians_item_data)

                technicians.append(technicians_item)

        total_outstanding = d.pop("total_outstanding", UNSET)

        total_received = d.pop("total_received", UNSET)

        serviced_job = cls(
            id=None if isinstance(id, Unset) else id,
            customer=None if isinstance(customer, Unset) else customer,
            service_date=None if isinstance(service_date, Unset) else service_date,
            service_plan_id=None if isinstance(service_plan_id, Unset) else service_plan_id,
            technicians=None if isinstance(technicians, Unset) else technicians,
            total_outstanding=None if isinstance(total_outstanding, Unset) else total_outstanding,
            total_received=None if isinstance(total_received, Unset) else total_received,
        )

        serviced_job.additional_properties = d
        return serviced_job

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
