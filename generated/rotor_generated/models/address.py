from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Address")


@_attrs_define
class Address:
    """A customer's address. ASSUMPTION (A12): it mirrors the upsert's `property_*` fields (the docs do not say).

    Attributes:
        city (str):
        country (str):
        state (str):
        street1 (str):
        zip_ (str):
        street2 (None | str):
    """

    city: str
    country: str
    state: str
    street1: str
    zip_: str
    street2: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country

        state = self.state

        street1 = self.street1

        zip_ = self.zip_

        _street2 = UNSET if self.street2 is None else self.street2
        street2: None | str | Unset
        if isinstance(_street2, Unset):
            street2 = UNSET
        else:
            street2 = _street2

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "city": city,
                "country": country,
                "state": state,
                "street1": street1,
                "zip": zip_,
            }
        )
        if street2 is not UNSET:
            field_dict["street2"] = street2

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city")

        country = d.pop("country")

        state = d.pop("state")

        street1 = d.pop("street1")

        zip_ = d.pop("zip")

        def _parse_street2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        street2 = _parse_street2(d.pop("street2", UNSET))

        address = cls(
            city=city,
            country=country,
            state=state,
            street1=street1,
            zip_=zip_,
            street2=None if isinstance(street2, Unset) else street2,
        )

        address.additional_properties = d
        return address

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
