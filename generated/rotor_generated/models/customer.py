from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.customer_status import CustomerStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address


T = TypeVar("T", bound="Customer")


@_attrs_define
class Customer:
    """A customer. Every property is optional (stated). Nullability comes from the TypeScript docs. `is_auto_pay` appears
    only on the HTTP pages and `has_payment_method` only on the TypeScript pages (likely a rename); ASSUMPTION (A13):
    the API may send either, so both are modelled as optional.

        Attributes:
            id (str): ASSUMPTION (A6): an opaque string. The examples are UUIDs, but no format is promised, so none is
                enforced. ASSUMPTION (A36): every customer the API returns has its id, so `id` is required (the docs mark it
                optional); a customer without one is a malformed answer, which the SDK raises as `APIResponseValidationError`.
            address (Address | None): A customer's address. ASSUMPTION (A12): it mirrors the upsert's `property_*` fields
                (the docs do not say).
            company_name (str | None):
            created_at (datetime.datetime | None):
            email (str | None):
            first_name (str | None):
            last_name (str | None):
            phone (str | None):
            source (str | None):
            is_auto_pay (bool | None): Shown on the HTTP pages only.
            has_payment_method (bool | None): Whether the customer has at least one saved payment method on file (shown on
                the TypeScript pages only).
            location (list[float] | None): Coordinates. ASSUMPTION (A14): `[latitude, longitude]`, as the docs state for
                pins (not stated for customers).
            notes (None | str):
            status (CustomerStatus | str | None): Known values are typed; a value this client does not know is kept as a
                string.
            tags (list[str] | None):
    """

    id: str
    address: Address | None = None
    company_name: str | None = None
    created_at: datetime.datetime | None = None
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    phone: str | None = None
    source: str | None = None
    is_auto_pay: bool | None = None
    has_payment_method: bool | None = None
    location: list[float] | None = None
    notes: None | str = None
    status: CustomerStatus | str | None = None
    tags: list[str] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        _address = UNSET if self.address is None else self.address
        address: dict[str, Any] | Unset = UNSET
        if not isinstance(_address, Unset):
            address = _address.to_dict()

        company_name = UNSET if self.company_name is None else self.company_name

        _created_at = UNSET if self.created_at is None else self.created_at
        created_at: str | Unset = UNSET
        if not isinstance(_created_at, Unset):
            created_at = _created_at.isoformat()

        email = UNSET if self.email is None else self.email

        first_name = UNSET if self.first_name is None else self.first_name

        last_name = UNSET if self.last_name is None else self.last_name

        phone = UNSET if self.phone is None else self.phone

        source = UNSET if self.source is None else self.source

        is_auto_pay = UNSET if self.is_auto_pay is None else self.is_auto_pay

        has_payment_method = UNSET if self.has_payment_method is None else self.has_payment_method

        _location = UNSET if self.location is None else self.location
        location: list[float] | None | Unset
        if isinstance(_location, Unset):
            location = UNSET
        elif isinstance(_location, list):
            location = _location

        else:
            location = _location

        _notes = UNSET if self.notes is None else self.notes
        notes: None | str | Unset
        if isinstance(_notes, Unset):
            notes = UNSET
        else:
            notes = _notes

        _status = UNSET if self.status is None else self.status
        status: str | Unset
        if isinstance(_status, Unset):
            status = UNSET
        elif isinstance(_status, CustomerStatus):
            status = _status.value
        else:
            status = _status

        _tags = UNSET if self.tags is None else self.tags
        tags: list[str] | None | Unset
        if isinstance(_tags, Unset):
            tags = UNSET
        elif isinstance(_tags, list):
            tags = _tags

        else:
            tags = _tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if company_name is not UNSET:
            field_dict["company_name"] = company_name
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if email is not UNSET:
            field_dict["email"] = email
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if phone is not UNSET:
            field_dict["phone"] = phone
        if source is not UNSET:
            field_dict["source"] = source
        if is_auto_pay is not UNSET:
            field_dict["is_auto_pay"] = is_auto_pay
        if has_payment_method is not UNSET:
            field_dict["has_payment_method"] = has_payment_method
        if location is not UNSET:
            field_dict["location"] = location
        if notes is not UNSET:
            field_dict["notes"] = notes
        if status is not UNSET:
            field_dict["status"] = status
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        _address = d.pop("address", UNSET)
        address: Address | Unset
        if isinstance(_address, Unset):
            address = UNSET
        else:
            address = Address.from_dict(_address)

        company_name = d.pop("company_name", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        email = d.pop("email", UNSET)

        first_name = d.pop("first_name", UNSET)

        last_name = d.pop("last_name", UNSET)

        phone = d.pop("phone", UNSET)

        source = d.pop("source", UNSET)

        is_auto_pay = d.pop("is_auto_pay", UNSET)

        has_payment_method = d.pop("has_payment_method", UNSET)

        def _parse_location(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                location_type_0 = cast(list[float], data)

                return location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_status(data: object) -> CustomerStatus | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = CustomerStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerStatus | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        customer = cls(
            id=id,
            address=None if isinstance(address, Unset) else address,
            company_name=None if isinstance(company_name, Unset) else company_name,
            created_at=None if isinstance(created_at, Unset) else created_at,
            email=None if isinstance(email, Unset) else email,
            first_name=None if isinstance(first_name, Unset) else first_name,
            last_name=None if isinstance(last_name, Unset) else last_name,
            phone=None if isinstance(phone, Unset) else phone,
            source=None if isinstance(source, Unset) else source,
            is_auto_pay=None if isinstance(is_auto_pay, Unset) else is_auto_pay,
            has_payment_method=None if isinstance(has_payment_method, Unset) else has_payment_method,
            location=None if isinstance(location, Unset) else location,
            notes=None if isinstance(notes, Unset) else notes,
            status=None if isinstance(status, Unset) else status,
            tags=None if isinstance(tags, Unset) else tags,
        )

        customer.additional_properties = d
        return customer

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
