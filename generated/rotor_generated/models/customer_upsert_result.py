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
    docs).

        Attributes:
            id (str | Unset): ASSUMPTION: an opaque string, as on Customer.
            message (str | Unset):
            created_at (datetime.datetime | Unset):
            billing_city (None | str | Unset):
            billing_country (None | str | Unset):
            billing_same_as_property (bool | None | Unset):
            billing_state (None | str | Unset):
            billing_street1 (None | str | Unset):
            billing_street2 (None | str | Unset):
            billing_zip (None | str | Unset):
            company_name (str | Unset):
            email (str | Unset):
            first_name (str | Unset):
            last_name (str | Unset):
            notes (None | str | Unset):
            phone (str | Unset):
            property_city (str | Unset):
            property_country (str | Unset):
            property_state (str | Unset):
            property_street1 (str | Unset):
            property_street2 (None | str | Unset):
            property_zip (str | Unset):
            service_frequency (str | Unset):
            service_type (str | Unset):
            source (str | Unset):
            status (CustomerStatus | str | Unset): Known values are typed; a value this client does not know is kept as a
                string.
            tags (list[str] | None | Unset):
    """

    id: str | Unset = UNSET
    message: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    billing_city: None | str | Unset = UNSET
    billing_country: None | str | Unset = UNSET
    billing_same_as_property: bool | None | Unset = UNSET
    billing_state: None | str | Unset = UNSET
    billing_street1: None | str | Unset = UNSET
    billing_street2: None | str | Unset = UNSET
    billing_zip: None | str | Unset = UNSET
    company_name: str | Unset = UNSET
    email: str | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    notes: None | str | Unset = UNSET
    phone: str | Unset = UNSET
    property_city: str | Unset = UNSET
    property_country: str | Unset = UNSET
    property_state: str | Unset = UNSET
    property_street1: str | Unset = UNSET
    property_street2: None | str | Unset = UNSET
    property_zip: str | Unset = UNSET
    service_frequency: str | Unset = UNSET
    service_type: str | Unset = UNSET
    source: str | Unset = UNSET
    status: CustomerStatus | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        message = self.message

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        billing_city: None | str | Unset
        if isinstance(self.billing_city, Unset):
            billing_city = UNSET
        else:
            billing_city = self.billing_city

        billing_country: None | str | Unset
        if isinstance(self.billing_country, Unset):
            billing_country = UNSET
        else:
            billing_country = self.billing_country

        billing_same_as_property: bool | None | Unset
        if isinstance(self.billing_same_as_property, Unset):
            billing_same_as_property = UNSET
        else:
            billing_same_as_property = self.billing_same_as_property

        billing_state: None | str | Unset
        if isinstance(self.billing_state, Unset):
            billing_state = UNSET
        else:
            billing_state = self.billing_state

        billing_street1: None | str | Unset
        if isinstance(self.billing_street1, Unset):
            billing_street1 = UNSET
        else:
            billing_street1 = self.billing_street1

        billing_street2: None | str | Unset
        if isinstance(self.billing_street2, Unset):
            billing_street2 = UNSET
        else:
            billing_street2 = self.billing_street2

        billing_zip: None | str | Unset
        if isinstance(self.billing_zip, Unset):
            billing_zip = UNSET
        else:
            billing_zip = self.billing_zip

        company_name = self.company_name

        email = self.email

        first_name = self.first_name

        last_name = self.last_name

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        phone = self.phone

        property_city = self.property_city

        property_country = self.property_country

        property_state = self.property_state

        property_street1 = self.property_street1

        property_street2: None | str | Unset
        if isinstance(self.property_street2, Unset):
            property_street2 = UNSET
        else:
            property_street2 = self.property_street2

        property_zip = self.property_zip

        service_frequency = self.service_frequency

        service_type = self.service_type

        source = self.source

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
        id = d.pop("id", UNSET)

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
            message=message,
            created_at=created_at,
            billing_city=billing_city,
            billing_country=billing_country,
            billing_same_as_property=billing_same_as_property,
            billing_state=billing_state,
            billing_street1=billing_street1,
            billing_street2=billing_street2,
            billing_zip=billing_zip,
            company_name=company_name,
            email=email,
            first_name=first_name,
            last_name=last_name,
            notes=notes,
            phone=phone,
            property_city=property_city,
            property_country=property_country,
            property_state=property_state,
            property_street1=property_street1,
            property_street2=property_street2,
            property_zip=property_zip,
            service_frequency=service_frequency,
            service_type=service_type,
            source=source,
            status=status,
            tags=tags,
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
