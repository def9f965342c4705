from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerSummary")


@_attrs_define
class CustomerSummary:
    """The customer a record belongs to. Every field is optional (stated).

    Attributes:
        id (str | None):
        company_name (str | None):
        first_name (str | None):
        last_name (str | None):
    """

    id: str | None = None
    company_name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = UNSET if self.id is None else self.id

        company_name = UNSET if self.company_name is None else self.company_name

        first_name = UNSET if self.first_name is None else self.first_name

        last_name = UNSET if self.last_name is None else self.last_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if company_name is not UNSET:
            field_dict["company_name"] = company_name
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        company_name = d.pop("company_name", UNSET)

        first_name = d.pop("first_name", UNSET)

        last_name = d.pop("last_name", UNSET)

        customer_summary = cls(
            id=None if isinstance(id, Unset) else id,
            company_name=None if isinstance(company_name, Unset) else company_name,
            first_name=None if isinstance(first_name, Unset) else first_name,
            last_name=None if isinstance(last_name, Unset) else last_name,
        )

        customer_summary.additional_properties = d
        return customer_summary

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
