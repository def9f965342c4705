from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lead_priority import LeadPriority
from ..types import UNSET, Unset

T = TypeVar("T", bound="LeadUpsertParams")


@_attrs_define
class LeadUpsertParams:
    """Create or update a lead. No field is required (stated). `address_*` become the lead's `property_*`, and `source` its
    `lead_source`. Third-party code caps `service_type` at 100 and `notes` at 2,000 characters, calling it Rotor's
    limit; that is hearsay, so no length is enforced here.

        Attributes:
            id (UUID | Unset): The lead to update. ASSUMPTION (A15): an id that matches no lead creates one, as for
                customers.
            address_city (str | Unset):
            address_country (str | Unset):
            address_state (str | Unset):
            address_street1 (str | Unset):
            address_street2 (str | Unset):
            address_zip (str | Unset):
            email (str | Unset): ASSUMPTION (A16): checked as an email address, as on the customer upsert.
            follow_up_date (str | Unset):
            name (str | Unset):
            notes (str | Unset):
            phone (str | Unset):
            priority (LeadPriority | Unset): A lead's priority.
            projected_value (float | Unset):
            service_type (str | Unset):
            source (str | Unset):
            stage (str | Unset):
            tags (list[str] | Unset): On update, merged with the existing tags (stated).
    """

    id: UUID | Unset = UNSET
    address_city: str | Unset = UNSET
    address_country: str | Unset = UNSET
    address_state: str | Unset = UNSET
    address_street1: str | Unset = UNSET
    address_street2: str | Unset = UNSET
    address_zip: str | Unset = UNSET
    email: str | Unset = UNSET
    follow_up_date: str | Unset = UNSET
    name: str | Unset = UNSET
    notes: str | Unset = UNSET
    phone: str | Unset = UNSET
    priority: LeadPriority | Unset = UNSET
    projected_value: float | Unset = UNSET
    service_type: str | Unset = UNSET
    source: str | Unset = UNSET
    stage: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        address_city = self.address_city

        address_country = self.address_country

        address_state = self.address_state

        address_street1 = self.address_street1

        address_street2 = self.address_street2

        address_zip = self.address_zip

        email = self.email

        follow_up_date = self.follow_up_date

        name = self.name

        notes = self.notes

        phone = self.phone

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value

        projected_value = self.projected_value

        service_type = self.service_type

        source = self.source

        stage = self.stage

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if address_city is not UNSET:
            field_dict["address_city"] = address_city
        if address_country is not UNSET:
            field_dict["address_country"] = address_country
        if address_state is not UNSET:
            field_dict["address_state"] = address_state
        if address_street1 is not UNSET:
            field_dict["address_street1"] = address_street1
        if address_street2 is not UNSET:
            field_dict["address_street2"] = address_street2
        if address_zip is not UNSET:
            field_dict["address_zip"] = address_zip
        if email is not UNSET:
            field_dict["email"] = email
        if follow_up_date is not UNSET:
            field_dict["follow_up_date"] = follow_up_date
        if name is not UNSET:
            field_dict["name"] = name
        if notes is not UNSET:
            field_dict["notes"] = notes
        if phone is not UNSET:
            field_dict["phone"] = phone
        if priority is not UNSET:
            field_dict["priority"] = priority
        if projected_value is not UNSET:
            field_dict["projected_value"] = projected_value
        if service_type is not UNSET:
            field_dict["service_type"] = service_type
        if source is not UNSET:
            field_dict["source"] = source
        if stage is not UNSET:
            field_dict["stage"] = stage
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

        address_city = d.pop("address_city", UNSET)

        address_country = d.pop("address_country", UNSET)

        address_state = d.pop("address_state", UNSET)

        address_street1 = d.pop("address_street1", UNSET)

        address_street2 = d.pop("address_street2", UNSET)

        address_zip = d.pop("address_zip", UNSET)

        email = d.pop("email", UNSET)

        follow_up_date = d.pop("follow_up_date", UNSET)

        name = d.pop("name", UNSET)

        notes = d.pop("notes", UNSET)

        phone = d.pop("phone", UNSET)

        _priority = d.pop("priority", UNSET)
        priority: LeadPriority | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = LeadPriority(_priority)

        projected_value = d.pop("projected_value", UNSET)

        service_type = d.pop("service_type", UNSET)

        source = d.pop("source", UNSET)

        stage = d.pop("stage", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        lead_upsert_params = cls(
            id=id,
            address_city=address_city,
            address_country=address_country,
            address_state=address_state,
            address_street1=address_street1,
            address_street2=address_street2,
            address_zip=address_zip,
            email=email,
            follow_up_date=follow_up_date,
            name=name,
            notes=notes,
            phone=phone,
            priority=priority,
            projected_value=projected_value,
            service_type=service_type,
            source=source,
            stage=stage,
            tags=tags,
        )

        lead_upsert_params.additional_properties = d
        return lead_upsert_params

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
