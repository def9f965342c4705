from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pin_creator import PinCreator
    from ..models.pin_type import PinType


T = TypeVar("T", bound="Pin")


@_attrs_define
class Pin:
    """A pin on the map. Every field is required (stated), unlike the other records.

    Attributes:
        id (str):
        created_at (datetime.datetime):
        created_by (PinCreator): The user who created a pin; every field is required (stated).
        location (list[float]): `[latitude, longitude]` (stated).
        pin_type (PinType): A kind of pin, with its map colour and label; every field is required (stated).
    """

    id: str
    created_at: datetime.datetime
    created_by: PinCreator
    location: list[float]
    pin_type: PinType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        created_by = self.created_by.to_dict()

        location = self.location

        pin_type = self.pin_type.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "created_by": created_by,
                "location": location,
                "pin_type": pin_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pin_creator import PinCreator  # noqa: PLC0415
        from ..models.pin_type import PinType  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = PinCreator.from_dict(d.pop("created_by"))

        location = cast(list[float], d.pop("location"))

        pin_type = PinType.from_dict(d.pop("pin_type"))

        pin = cls(
            id=id,
            created_at=created_at,
            created_by=created_by,
            location=location,
            pin_type=pin_type,
        )

        pin.additional_properties = d
        return pin

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
