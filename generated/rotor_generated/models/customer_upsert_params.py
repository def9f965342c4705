from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.customer_status import CustomerStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerUpsertParams")


@_attrs_define
class CustomerUpsertParams:
    """Create or update a customer. No field is required (stated). Address fields are flat here, while reads return a
    nested `address`.

        Attributes:
            id (UUID | Unset): The customer to update. ASSUMPTION (A15): an id that matches no customer creates one with
                that id (the docs do not say; an error would make a valid-looking upsert fail).
            billing_city (str | Unset):
            billing_country (str | Unset):
            billing_same_as_property (bool | Unset):
            billing_state (str | Unset):
            billing_street1 (str | Unset):
            billing_street2 (str | Unset):
            billing_zip (str | Unset):
            company_name (str | Unset):
            email (str | Unset): ASSUMPTION (A16): checked as an email address (the docs' validation example is "Invalid
                email format").
            first_name (str | Unset):
            last_name (str | Unset):
            notes (str | Unset):
            phone (str | Unset):
            property_city (str | Unset):
            property_country (str | Unset):
            property_state (str | Unset):
            property_street1 (str | Unset):
            property_street2 (str | Unset):
            property_zip (str | Unset):
            service_frequency (str | Unset):
            service_type (str | Unset):
            source (str | Unset):
            status (CustomerStatus | Unset): A customer's status.
            tags (list[str] | Unset): On update, merged with the existing tags (stated).
    """

    id: UUID | Unset = UNSET
    billing_city: str | Unset = UNSET
    billing_country: str | Unset = UNSET
    billing_same_as_property: bool | Unset = UNSET
    billing_state: str | Unset = UNSET
    billing_street1: str | Unset = UNSET
    billing_street2: str | Unset = UNSET
    billing_zip: str | Unset = UNSET
    company_name: str | Unset = UNSET
    email: str | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    notes: str | Unset = UNSET
    phone: str | Unset = UNSET
    property_city: str | Unset = UNSET
    property_country: str | Unset = UNSET
    property_state: str | Unset = UNSET
    property_street1: str | Unset = UNSET
    property_street2: str | Unset = UNSET
    property_zip: str | Unset = UNSET
    service_frequency: str | Unset = UNSET
    service_type: str | Unset = UNSET
    source: str | Unset = UNSET
    status: CustomerStatus | Unset = UNSET
    tags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        billing_city = self.billing_city

        billing_country = self.billing_country

        billing_same_as_property = self.billing_same_as_property

        billing_state = self.billing_state

        billing_street1 = self.billing_street1

        billing_street2 = self.billing_street2

        billing_zip = self.billing_zip

        company_name = self.company_name

        email = self.email

        first_name = self.first_name

        last_name = self.last_name

        notes = self.notes

        phone = self.phone

        property_city = self.property_city

        property_country = self.property_country

        property_state = self.property_state

        property_street1 = self.property_street1

        property_street2 = self.property_street2

        property_zip = self.property_zip

        service_frequency = self.service_frequency

        service_type = self.service_type

        source = self.source

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
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
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        billing_city = d.pop("billing_city", UNSET)

        billing_country = d.pop("billing_country", UNSET)

        billing_same_as_property = d.pop("billing_same_as_property", UNSET)

        billing_state = d.pop("billing_state", UNSET)

        billing_street1 = d.pop("billing_street1", UNSET)

        billing_street2 = d.pop("billing_street2", UNSET)

        billing_zip = d.pop("billing_zip", UNSET)

        company_name = d.pop("company_name", UNSET)

        email = d.pop("email", UNSET)

        first_name = d.pop("first_name", UNSET)

        last_name = d.pop("last_name", UNSET)

        notes = d.pop("notes", UNSET)

        phone = d.pop("phone", UNSET)

        property_city = d.pop("property_city", UNSET)

        property_country = d.pop("property_country", UNSET)

        property_state = d.pop("property_state", UNSET)

        property_street1 = d.pop("property_street1", UNSET)

        property_street2 = d.pop("property_street2", UNSET)

        property_zip = d.pop("property_zip", UNSET)

        service_frequency = d.pop("service_frequency", UNSET)

        service_type = d.pop("service_type", UNSET)

        source = d.pop("source", UNSET)

        _status = d.pop("status", UNSET)
        status: CustomerStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = CustomerStatus(_status)

        tags = cast(list[str], d.pop("tags", UNSET))

        customer_upsert_params = cls(
            id=id,
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

        customer_upsert_params.additional_properties = d
        return customer_upsert_params

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
