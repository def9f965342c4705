from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Pagination")


@_attrs_define
class Pagination:
    """Where a page sits in the result. Every field is optional (stated); `total` is the number of matching records.

    Attributes:
        has_more (bool | None): Whether more pages are available.
        limit (int | None):
        page (int | None):
        total (int | None): Total number of matching records (at most 2^53-1, as for page).
    """

    has_more: bool | None = None
    limit: int | None = None
    page: int | None = None
    total: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        has_more = UNSET if self.has_more is None else self.has_more

        limit = UNSET if self.limit is None else self.limit

        page = UNSET if self.page is None else self.page

        total = UNSET if self.total is None else self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if has_more is not UNSET:
            field_dict["has_more"] = has_more
        if limit is not UNSET:
            field_dict["limit"] = limit
        if page is not UNSET:
            field_dict["page"] = page
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        has_more = d.pop("has_more", UNSET)

        limit = d.pop("limit", UNSET)

        page = d.pop("page", UNSET)

        total = d.pop("total", UNSET)

        pagination = cls(
            has_more=None if isinstance(has_more, Unset) else has_more,
            limit=None if isinstance(limit, Unset) else limit,
            page=None if isinstance(page, Unset) else page,
            total=None if isinstance(total, Unset) else total,
        )

        pagination.additional_properties = d
        return pagination

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
