from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.customer_status import CustomerStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerUpsertResult")


@_attrs_define
class CustomerUpsertResult:
    """The upsert's flat answer: the customer's fields, `created_at` and a `message`. `billing_*` may be null (TypeScript
    docs). ASSUMPTION (A18): a successful upsert always names its record, so `id` is required.

        Attributes:
            id (str): ASSUMPTION (A6): an opaque string, as on Customer.
            message (str | None):
            created_at (datetime.datetime | None):
            billing_city (None | str):
            billing_country (None | str):
            billing_same_as_property (bool | None):
            billing_state (None | str):
            billing_street1 (None | str):
            billing_street2 (None | str):
            billing_zip (None | str):
            company_name (str | None):
            email (str | None):
            first_name (str | None):
            last_name (str | None):
            notes (None | str):
            phone (str | None):
            property_city (str | None):
            property_country (str | None):
            property_state (str | None):
            property_street1 (str | None):
            property_street2 (None | str):
            property_zip (str | None):
            service_frequency (str | None):
            service_type (str | None):
            source (str | None):
            status (CustomerStatus | str | None): Known values are typed; a value this client does not know is kept as a
                string.
            tags (list[str] | None):
    """

    id: str
    message: str | None = None
    created_at: datetime.datetime | None = None
    billing_city: None | str = None
    billing_country: None | str = None
    billing_same_as_property: bool | None = None
    billing_state: None | str = None
    billing_street1: None | str = None
    billing_street2: None | str = None
    billing_zip: None | str = None
    company_name: str | None = None
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    notes: None | str = None
    phone: str | None = None
    property_city: str | None = None
    property_country: str | None = None
    property_state: str | None = None
    property_street1: str | None = None
    property_street2: None | str = None
    property_zip: str | None = None
    service_frequency: str | None = None
    service_type: str | None = None
    source: str | None = None
    status: CustomerStatus | str | None = None
    tags: list[str] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        message = UNSET if self.message is None else self.message

        _created_at = UNSET if self.created_at is None else self.created_at
        created_at: str | Unset = UNSET
        if not isinstance(_created_at, Unset):
            created_at = _created_at.isoformat()

        _billing_city = UNSET if self.billing_city is None else self.billing_city
        billing_city: None | str | Unset
        if isinstance(_billing_city, Unset):
            billing_city = UNSET
        else:
            billing_city = _billing_city

        _billing_country = UNSET if self.billing_country is None else self.billing_country
        billing_country: None | str | Unset
        if isinstance(_billing_country, Unset):
            billing_country = UNSET
        else:
            billing_country = _billing_country

        _billing_same_as_property = UNSET if self.billing_same_as_property is None else self.billing_same_as_property
        billing_same_as_property: bool | None | Unset
        if isinstance(_billing_same_as_property, Unset):
            billing_same_as_property = UNSET
        else:
            billing_same_as_property = _billing_same_as_property

        _billing_state = UNSET if self.billing_state is None else self.billing_state
        billing_state: None | str | Unset
        if isinstance(_billing_state, Unset):
            billing_state = UNSET
        else:
            billing_state = _billing_state

        _billing_street1 = UNSET if self.billing_street1 is None else self.billing_street1
        billing_street1: None | str | Unset
        if isinstance(_billing_street1, Unset):
            billing_street1 = UNSET
        else:
            billing_street1 = _billing_street1

        _billing_street2 = UNSET if self.billing_street2 is None else self.billing_street2
        billing_street2: None | str | Unset
        if isinstance(_billing_street2, Unset):
            billing_street2 = UNSET
        else:
            billing_street2 = _billing_street2

        _billing_zip = UNSET if self.billing_zip is None else self.billing_zip
        billing_zip: None | str | Unset
        if isinstance(_billing_zip, Unset):
            billing_zip = UNSET
        else:
            billing_zip = _billing_zip

        company_name = UNSET if self.company_name is None else self.company_name

        email = UNSET if self.email is None else self.email

        first_name = UNSET if self.first_name is None else self.first_name

        last_name = UNSET if self.last_name is None else self.last_name

        _notes = UNSET if self.notes is None else self.notes
        notes: None | str | Unset
        if isinstance(_notes, Unset):
            notes = UNSET
        else:
            notes = _notes

        phone = UNSET if self.phone is None else self.phone

        property_city = UNSET if self.property_city is None else self.property_city

        property_country = UNSET if self.property_country is None else self.property_country

        property_state = UNSET if self.property_state is None else self.property_state

        property_street1 = UNSET if self.property_street1 is None else self.property_street1

        _property_street2 = UNSET if self.property_street2 is None else self.property_street2
        property_street2: None | str | Unset
        if isinstance(_property_street2, Unset):
            property_street2 = UNSET
        else:
            property_street2 = _property_street2

        property_zip = UNSET if self.property_zip is None else self.property_zip

        service_frequency = UNSET if self.service_frequency is None else self.service_frequency

        service_type = UNSET if self.service_type is None else self.service_type

        source = UNSET if self.source is None else self.source

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
        if message is not UNSET:
            field_dict["message"] = message
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if billing_city is not UNSET:
            field_dict["billing_city"] = billing_city
        if billing_country is not UNSET:
            field_dict["billing_country"] = billing_country
        if billing_same_as_property is not UNSET:
            field_dict["billing_same_as_property"] = billing_same_as_property
        if billing_state is not UNSET:
            field_dict["billing_state"] = billing_state
        if billing_street1 is not UNSET:
            field_dict["billing_street1"] = billing_street1
        if billing_street2 is not UNSET:
            field_dict["billing_street2"] = billing_street2
        if billing_zip is not UNSET:
            field_dict["billing_zip"] = billing_zip
        if company_name is not UNSET:
            field_dict["company_name"] = company_name
        if email is not UNSET:
            field_dict["email"] = email
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if notes is not UNSET:
            field_dict["notes"] = notes
        if phone is not UNSET:
            field_dict["phone"] = phone
        if property_city is not UNSET:
            field_dict["property_city"] = property_city
        if property_country is not UNSET:
            field_dict["property_country"] = property_country
        if property_state is not UNSET:
            field_dict["property_state"] = property_state
        if property_street1 is not UNSET:
            field_dict["property_street1"] = property_street1
        if property_street2 is not UNSET:
            field_dict["property_street2"] = property_street2
        if property_zip is not UNSET:
            field_dict["property_zip"] = property_zip
        if service_frequency is not UNSET:
            field_dict["service_frequency"] = service_frequency
        if service_type is not UNSET:
            field_dict["service_type"] = service_type
        if source is not UNSET:
            field_dict["source"] = source
        if status is not UNSET:
            field_dict["status"] = status
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        message = d.pop("message", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_billing_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_city = _parse_billing_city(d.pop("billing_city", UNSET))

        def _parse_billing_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_country = _parse_billing_country(d.pop("billing_country", UNSET))

        def _parse_billing_same_as_property(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        billing_same_as_property = _parse_billing_same_as_property(d.pop("billing_same_as_property", UNSET))

        def _parse_billing_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_state = _parse_billing_state(d.pop("billing_state", UNSET))

        def _parse_billing_street1(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_street1 = _parse_billing_street1(d.pop("billing_street1", UNSET))

        def _parse_billing_street2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_street2 = _parse_billing_street2(d.pop("billing_street2", UNSET))

        def _parse_billing_zip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_zip = _parse_billing_zip(d.pop("billing_zip", UNSET))

        company_name = d.pop("company_name", UNSET)

        email = d.pop("email", UNSET)

        first_name = d.pop("first_name", UNSET)

        last_name = d.pop("last_name", UNSET)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        phone = d.pop("phone", UNSET)

        property_city = d.pop("property_city", UNSET)

        property_country = d.pop("property_country", UNSET)

        property_state = d.pop("property_state", UNSET)

        property_street1 = d.pop("property_street1", UNSET)

        def _parse_property_street2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_street2 = _parse_property_street2(d.pop("property_street2", UNSET))

        property_zip = d.pop("property_zip", UNSET)

        service_frequency = d.pop("service_frequency", UNSET)

        service_type = d.pop("service_type", UNSET)

        source = d.pop("source", UNSET)

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

        customer_upsert_result = cls(
            id=id,
            message=None if isinstance(message, Unset) else message,
            created_at=None if isinstance(created_at, Unset) else created_at,
            billing_city=None if isinstance(billing_city, Unset) else billing_city,
            billing_country=None if isinstance(billing_country, Unset) else billing_country,
            billing_same_as_property=None if isinstance(billing_same_as_property, Unset) else billing_same_as_property,
            billing_state=None if isinstance(billing_state, Unset) else billing_state,
            billing_street1=None if isinstance(billing_street1, Unset) else billing_street1,
            billing_street2=None if isinstance(billing_street2, Unset) else billing_street2,
            billing_zip=None if isinstance(billing_zip, Unset) else billing_zip,
            company_name=None if isinstance(company_name, Unset) else company_name,
            email=None if isinstance(email, Unset) else email,
            first_name=None if isinstance(first_name, Unset) else first_name,
            last_name=None if isinstance(last_name, Unset) else last_name,
            notes=None if isinstance(notes, Unset) else notes,
            phone=None if isinstance(phone, Unset) else phone,
            property_city=None if isinstance(property_city, Unset) else property_city,
            property_country=None if isinstance(property_country, Unset) else property_country,
            property_state=None if isinstance(property_state, Unset) else property_state,
            property_street1=None if isinstance(property_street1, Unset) else property_street1,
            property_street2=None if isinstance(property_street2, Unset) else property_street2,
            property_zip=None if isinstance(property_zip, Unset) else property_zip,
            service_frequency=None if isinstance(service_frequency, Unset) else service_frequency,
            service_type=None if isinstance(service_type, Unset) else service_type,
            source=None if isinstance(source, Unset) else source,
            status=None if isinstance(status, Unset) else status,
            tags=None if isinstance(tags, Unset) else tags,
        )

        customer_upsert_result.additional_properties = d
        return customer_upsert_result

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
