from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_summary import CustomerSummary
    from ..models.user import User


T = TypeVar("T", bound="ServicePlan")


@_attrs_define
class ServicePlan:
    """A recurring service agreement. Every field is optional (stated); money is in dollars.

    Attributes:
        id (str | None):
        active (bool | None):
        created_at (datetime.datetime | None):
        customer (CustomerSummary | None): The customer a record belongs to. Every field is optional (stated).
        num_completed_jobs (float | None):
        num_pending_jobs (float | None):
        num_scheduled_jobs (float | None):
        sale_value (float | None): The contract's total value over all its jobs.
        service_frequency (str | None): E.g. "Quarterly".
        service_type (str | None):
        sold_by (User | None): A user of the company (a sales rep, a technician). Every field is optional (stated).
        start_date (datetime.date | None): A date, e.g. `2026-03-01` (stated).
        total_received (float | None): Paid so far, invoices minus refunds.
    """

    id: str | None = None
    active: bool | None = None
    created_at: datetime.datetime | None = None
    customer: CustomerSummary | None = None
    num_completed_jobs: float | None = None
    num_pending_jobs: float | None = None
    num_scheduled_jobs: float | None = None
    sale_value: float | None = None
    service_frequency: str | None = None
    service_type: str | None = None
    sold_by: User | None = None
    start_date: datetime.date | None = None
    total_received: float | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = UNSET if self.id is None else self.id

        active = UNSET if self.active is None else self.active

        _created_at = UNSET if self.created_at is None else self.created_at
        created_at: str | Unset = UNSET
        if not isinstance(_created_at, Unset):
            created_at = _created_at.isoformat()

        _customer = UNSET if self.customer is None else self.customer
        customer: dict[str, Any] | Unset = UNSET
        if not isinstance(_customer, Unset):
            customer = _customer.to_dict()

        num_completed_jobs = UNSET if self.num_completed_jobs is None else self.num_completed_jobs

        num_pending_jobs = UNSET if self.num_pending_jobs is None else self.num_pending_jobs

        num_scheduled_jobs = UNSET if self.num_scheduled_jobs is None else self.num_scheduled_jobs

        sale_value = UNSET if self.sale_value is None else self.sale_value

        service_frequency = UNSET if self.service_frequency is None else self.service_frequency

        service_type = UNSET if self.service_type is None else self.service_type

        _sold_by = UNSET if self.sold_by is None else self.sold_by
        sold_by: dict[str, Any] | Unset = UNSET
        if not isinstance(_sold_by, Unset):
            sold_by = _sold_by.to_dict()

        _start_date = UNSET if self.start_date is None else self.start_date
        start_date: str | Unset = UNSET
        if not isinstance(_start_date, Unset):
            start_date = _start_date.isoformat()

        total_received = UNSET if self.total_received is None else self.total_received

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if active is not UNSET:
            field_dict["active"] = active
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if customer is not UNSET:
            field_dict["customer"] = customer
        if num_completed_jobs is not UNSET:
            field_dict["num_completed_jobs"] = num_completed_jobs
        if num_pending_jobs is not UNSET:
            field_dict["num_pending_jobs"] = num_pending_jobs
        if num_scheduled_jobs is not UNSET:
            field_dict["num_scheduled_jobs"] = num_scheduled_jobs
        if sale_value is not UNSET:
            field_dict["sale_value"] = sale_value
        if service_frequency is not UNSET:
            field_dict["service_frequency"] = service_frequency
        if service_type is not UNSET:
            field_dict["service_type"] = service_type
        if sold_by is not UNSET:
            field_dict["sold_by"] = sold_by
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if total_received is not UNSET:
            field_dict["total_received"] = total_received

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_summary import CustomerSummary  # noqa: PLC0415
        from ..models.user import User  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        active = d.pop("active", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _customer = d.pop("customer", UNSET)
        customer: CustomerSummary | Unset
        if isinstance(_customer, Unset):
            customer = UNSET
        else:
            customer = CustomerSummary.from_dict(_customer)

        num_completed_jobs = d.pop("num_completed_jobs", UNSET)

        num_pending_jobs = d.pop("num_pending_jobs", UNSET)

        num_scheduled_jobs = d.pop("num_scheduled_jobs", UNSET)

        sale_value = d.pop("sale_value", UNSET)

        service_frequency = d.pop("service_frequency", UNSET)

        service_type = d.pop("service_type", UNSET)

        _sold_by = d.pop("sold_by", UNSET)
        sold_by: User | Unset
        if isinstance(_sold_by, Unset):
            sold_by = UNSET
        else:
            sold_by = User.from_dict(_sold_by)

        _start_date = d.pop("start_date", UNSET)
        start_date: datetime.date | Unset
        if isinstance(_start_date, Unset):
            start_date = UNSET
        else:
            start_date = datetime.date.fromisoformat(_start_date)

        total_received = d.pop("total_received", UNSET)

        service_plan = cls(
            id=None if isinstance(id, Unset) else id,
            active=None if isinstance(active, Unset) else active,
            created_at=None if isinstance(created_at, Unset) else created_at,
            customer=None if isinstance(customer, Unset) else customer,
            num_completed_jobs=None if isinstance(num_completed_jobs, Unset) else num_completed_jobs,
            num_pending_jobs=None if isinstance(num_pending_jobs, Unset) else num_pending_jobs,
            num_scheduled_jobs=None if isinstance(num_scheduled_jobs, Unset) else num_scheduled_jobs,
            sale_value=None if isinstance(sale_value, Unset) else sale_value,
            service_frequency=None if isinstance(service_frequency, Unset) else service_frequency,
            service_type=None if isinstance(service_type, Unset) else service_type,
            sold_by=None if isinstance(sold_by, Unset) else sold_by,
            start_date=None if isinstance(start_date, Unset) else start_date,
            total_received=None if isinstance(total_received, Unset) else total_received,
        )

        service_plan.additional_properties = d
        return service_plan

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
