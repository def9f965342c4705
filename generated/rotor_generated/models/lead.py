from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lead_priority import LeadPriority
from ..types import UNSET, Unset

T = TypeVar("T", bound="Lead")


@_attrs_define
class Lead:
    """A lead. Every property is optional (stated); nullability comes from the TypeScript docs (only `name` and `tags` are
    never null). The lead says `property_*` and `lead_source` where the upsert's request says `address_*` and `source`.

        Attributes:
            id (str): ASSUMPTION (A6): an opaque string, as on Customer. ASSUMPTION (A36): always present, as on Customer; a
                lead without one is a malformed answer, raised as `APIResponseValidationError`.
            archived (bool | None):
            archived_at (datetime.datetime | None):
            assigned_to (None | str):
            created_at (datetime.datetime | None):
            email (None | str):
            follow_up_date (None | str): A plain string, as the upsert takes it (stated); the docs' example is a date-time,
                but no format is promised, so none is enforced.
            lead_source (None | str): The request's `source`.
            location (list[float] | None): Coordinates; ASSUMPTION (A14): `[latitude, longitude]`, as for customers.
            name (str | None):
            notes (None | str):
            phone (None | str):
            priority (LeadPriority | None | str): Known values are typed; a value this client does not know is kept as a
                string.
            projected_value (float | None):
            property_city (None | str):
            property_country (None | str):
            property_state (None | str):
            property_street1 (None | str):
            property_street2 (None | str):
            property_zip (None | str):
            service_type (None | str):
            stage (None | str): Pipeline stage.
            tags (list[str] | None):
            value_score (float | None):
    """

    id: str
    archived: bool | None = None
    archived_at: datetime.datetime | None = None
    assigned_to: None | str = None
    created_at: datetime.datetime | None = None
    email: None | str = None
    follow_up_date: None | str = None
    lead_source: None | str = None
    location: list[float] | None = None
    name: str | None = None
    notes: None | str = None
    phone: None | str = None
    priority: LeadPriority | None | str = None
    projected_value: float | None = None
    property_city: None | str = None
    property_country: None | str = None
    property_state: None | str = None
    property_street1: None | str = None
    property_street2: None | str = None
    property_zip: None | str = None
    service_type: None | str = None
    stage: None | str = None
    tags: list[str] | None = None
    value_score: float | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        _archived = UNSET if self.archived is None else self.archived
        archived: bool | None | Unset
        if isinstance(_archived, Unset):
            archived = UNSET
        else:
            archived = _archived

        _archived_at = UNSET if self.archived_at is None else self.archived_at
        archived_at: None | str | Unset
        if isinstance(_archived_at, Unset):
            archived_at = UNSET
        elif isinstance(_archived_at, datetime.datetime):
            archived_at = _archived_at.isoformat()
        else:
            archived_at = _archived_at

        _assigned_to = UNSET if self.assigned_to is None else self.assigned_to
        assigned_to: None | str | Unset
        if isinstance(_assigned_to, Unset):
            assigned_to = UNSET
        else:
            assigned_to = _assigned_to

        _created_at = UNSET if self.created_at is None else self.created_at
        created_at: None | str | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        elif isinstance(_created_at, datetime.datetime):
            created_at = _created_at.isoformat()
        else:
            created_at = _created_at

        _email = UNSET if self.email is None else self.email
        email: None | str | Unset
        if isinstance(_email, Unset):
            email = UNSET
        else:
            email = _email

        _follow_up_date = UNSET if self.follow_up_date is None else self.follow_up_date
        follow_up_date: None | str | Unset
        if isinstance(_follow_up_date, Unset):
            follow_up_date = UNSET
        else:
            follow_up_date = _follow_up_date

        _lead_source = UNSET if self.lead_source is None else self.lead_source
        lead_source: None | str | Unset
        if isinstance(_lead_source, Unset):
            lead_source = UNSET
        else:
            lead_source = _lead_source

        _location = UNSET if self.location is None else self.location
        location: list[float] | None | Unset
        if isinstance(_location, Unset):
            location = UNSET
        elif isinstance(_location, list):
            location = _location

        else:
            location = _location

        name = UNSET if self.name is None else self.name

        _notes = UNSET if self.notes is None else self.notes
        notes: None | str | Unset
        if isinstance(_notes, Unset):
            notes = UNSET
        else:
            notes = _notes

        _phone = UNSET if self.phone is None else self.phone
        phone: None | str | Unset
        if isinstance(_phone, Unset):
            phone = UNSET
        else:
            phone = _phone

        _priority = UNSET if self.priority is None else self.priority
        priority: None | str | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        elif isinstance(_priority, LeadPriority):
            priority = _priority.value
        else:
            priority = _priority

        _projected_value = UNSET if self.projected_value is None else self.projected_value
        projected_value: float | None | Unset
        if isinstance(_projected_value, Unset):
            projected_value = UNSET
        else:
            projected_value = _projected_value

        _property_city = UNSET if self.property_city is None else self.property_city
        property_city: None | str | Unset
        if isinstance(_property_city, Unset):
            property_city = UNSET
        else:
            property_city = _property_city

        _property_country = UNSET if self.property_country is None else self.property_country
        property_country: None | str | Unset
        if isinstance(_property_country, Unset):
            property_country = UNSET
        else:
            property_country = _property_country

        _property_state = UNSET if self.property_state is None else self.property_state
        property_state: None | str | Unset
        if isinstance(_property_state, Unset):
            property_state = UNSET
        else:
            property_state = _property_state

        _property_street1 = UNSET if self.property_street1 is None else self.property_street1
        property_street1: None | str | Unset
        if isinstance(_property_street1, Unset):
            property_street1 = UNSET
        else:
            property_street1 = _property_street1

        _property_street2 = UNSET if self.property_street2 is None else self.property_street2
        property_street2: None | str | Unset
        if isinstance(_property_street2, Unset):
            property_street2 = UNSET
        else:
            property_street2 = _property_street2

        _property_zip = UNSET if self.property_zip is None else self.property_zip
        property_zip: None | str | Unset
        if isinstance(_property_zip, Unset):
            property_zip = UNSET
        else:
            property_zip = _property_zip

        _service_type = UNSET if self.service_type is None else self.service_type
        service_type: None | str | Unset
        if isinstance(_service_type, Unset):
            service_type = UNSET
        else:
            service_type = _service_type

        _stage = UNSET if self.stage is None else self.stage
        stage: None | str | Unset
        if isinstance(_stage, Unset):
            stage = UNSET
        else:
            stage = _stage

        _tags = UNSET if self.tags is None else self.tags
        tags: list[str] | Unset = UNSET
        if not isinstance(_tags, Unset):
            tags = _tags

        _value_score = UNSET if self.value_score is None else self.value_score
        value_score: float | None | Unset
        if isinstance(_value_score, Unset):
            value_score = UNSET
        else:
            value_score = _value_score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if archived is not UNSET:
            field_dict["archived"] = archived
        if archived_at is not UNSET:
            field_dict["archived_at"] = archived_at
        if assigned_to is not UNSET:
            field_dict["assigned_to"] = assigned_to
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if email is not UNSET:
            field_dict["email"] = email
        if follow_up_date is not UNSET:
            field_dict["follow_up_date"] = follow_up_date
        if lead_source is not UNSET:
            field_dict["lead_source"] = lead_source
        if location is not UNSET:
            field_dict["location"] = location
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
        if service_type is not UNSET:
            field_dict["service_type"] = service_type
        if stage is not UNSET:
            field_dict["stage"] = stage
        if tags is not UNSET:
            field_dict["tags"] = tags
        if value_score is not UNSET:
            field_dict["value_score"] = value_score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_archived(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        archived = _parse_archived(d.pop("archived", UNSET))

        def _parse_archived_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)

                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        archived_at = _parse_archived_at(d.pop("archived_at", UNSET))

        def _parse_assigned_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assigned_to = _parse_assigned_to(d.pop("assigned_to", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_follow_up_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        follow_up_date = _parse_follow_up_date(d.pop("follow_up_date", UNSET))

        def _parse_lead_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lead_source = _parse_lead_source(d.pop("lead_source", UNSET))

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

        name = d.pop("name", UNSET)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_priority(data: object) -> LeadPriority | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                priority_type_0 = LeadPriority(data)

                return priority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LeadPriority | None | str | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        def _parse_projected_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        projected_value = _parse_projected_value(d.pop("projected_value", UNSET))

        def _parse_property_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_city = _parse_property_city(d.pop("property_city", UNSET))

        def _parse_property_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_country = _parse_property_country(d.pop("property_country", UNSET))

        def _parse_property_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_state = _parse_property_state(d.pop("property_state", UNSET))

        def _parse_property_street1(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_street1 = _parse_property_street1(d.pop("property_street1", UNSET))

        def _parse_property_street2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_street2 = _parse_property_street2(d.pop("property_street2", UNSET))

        def _parse_property_zip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_zip = _parse_property_zip(d.pop("property_zip", UNSET))

        def _parse_service_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_type = _parse_service_type(d.pop("service_type", UNSET))

        def _parse_stage(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stage = _parse_stage(d.pop("stage", UNSET))

        tags = cast(list[str], d.pop("tags", UNSET))

        def _parse_value_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        value_score = _parse_value_score(d.pop("value_score", UNSET))

        lead = cls(
            id=id,
            archived=None if isinstance(archived, Unset) else archived,
            archived_at=None if isinstance(archived_at, Unset) else archived_at,
            assigned_to=None if isinstance(assigned_to, Unset) else assigned_to,
            created_at=None if isinstance(created_at, Unset) else created_at,
            email=None if isinstance(email, Unset) else email,
            follow_up_date=None if isinstance(follow_up_date, Unset) else follow_up_date,
            lead_source=None if isinstance(lead_source, Unset) else lead_source,
            location=None if isinstance(location, Unset) else location,
            name=None if isinstance(name, Unset) else name,
            notes=None if isinstance(notes, Unset) else notes,
            phone=None if isinstance(phone, Unset) else phone,
            priority=None if isinstance(priority, Unset) else priority,
            projected_value=None if isinstance(projected_value, Unset) else projected_value,
            property_city=None if isinstance(property_city, Unset) else property_city,
            property_country=None if isinstance(property_country, Unset) else property_country,
            property_state=None if isinstance(property_state, Unset) else property_state,
            property_street1=None if isinstance(property_street1, Unset) else property_street1,
            property_street2=None if isinstance(property_street2, Unset) else property_street2,
            property_zip=None if isinstance(property_zip, Unset) else property_zip,
            service_type=None if isinstance(service_type, Unset) else service_type,
            stage=None if isinstance(stage, Unset) else stage,
            tags=None if isinstance(tags, Unset) else tags,
            value_score=None if isinstance(value_score, Unset) else value_score,
        )

        lead.additional_properties = d
        return lead

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
