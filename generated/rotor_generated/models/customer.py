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
    only on the HTTP pages and `has_payment_method` only on the TypeScript pages (likely a rename); ASSUMPTION: the API
    may send either, so both are modelled as optional.

        Attributes:
            id (str | Unset): ASSUMPTION: an opaque string. The examples are UUIDs, but no format is promised, so none is
                enforced.
            address (Address | Unset): A customer's address. ASSUMPTION: it mirrors the upsert's `property_*` fields (the
                docs do not say).
            company_name (str | Unset):
            created_at (datetime.datetime | Unset):
            email (str | Unset):
            first_name (str | Unset):
            last_name (str | Unset):
            phone (str | Unset):
            source (str | Unset):
            is_auto_pay (bool | Unset): Shown on the HTTP pages only.
            has_payment_method (bool | Unset): Whether the customer has at least one saved payment method on file (shown on
                the TypeScript pages only).
            location (list[float] | None | Unset): Coordinates. ASSUMPTION: `[latitude, longitude]`, as the docs state for
                pins (not stated for customers).
            notes (None | str | Unset):
            status (CustomerStatus | str | Unset): Known values are typed; a value this client does not know is kept as a
                string.
            tags (list[str] | None | Unset):
    """

    id: str | Unset = UNSET
    address: Address | Unset = UNSET
    company_name: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    email: str | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    phone: str | Unset = UNSET
    source: str | Unset = UNSET
    is_auto_pay: bool | Unset = UNSET
    has_payment_method: bool | Unset = UNSET
    location: list[float] | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    status: CustomerStatus | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address, Unset):
            address = self.address.to_dict()

        company_name = self.company_name

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        email = self.email

        first_name = self.first_name

        last_name = self.last_name

        phone = self.phone

        source = self.source

        is_auto_pay = self.is_auto_pay

        has_payment_method = self.has_payment_method

        location: list[float] | None | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        elif isinstance(self.location, list):
            location = self.location

        else:
            location = self.location

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, CustomerStatus):
            status = self.status.value
        else:
            status = self.status

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
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
        id = d.pop("id", UNSET)

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
            address=address,
            company_name=company_name,
            created_at=created_at,
            email=email,
            first_name=first_name,
            last_name=last_name,
            phone=phone,
            source=source,
            is_auto_pay=is_auto_pay,
            has_payment_method=has_payment_method,
            location=location,
            notes=notes,
            status=status,
            tags=tags,
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
