from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.success_status import SuccessStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pagination import Pagination
    from ..models.service_plan import ServicePlan


T = TypeVar("T", bound="ServicePlanListResponse")


@_attrs_define
class ServicePlanListResponse:
    """A page of service plans. Every field is optional (stated).

    Attributes:
        data (list[ServicePlan] | None):
        pagination (Pagination | None): Where a page sits in the result. Every field is optional (stated); `total` is
            the number of matching records.
        status (str | SuccessStatus | None): Known values are typed; a value this client does not know is kept as a
            string.
    """

    data: list[ServicePlan] | None = None
    pagination: Pagination | None = None
    status: str | SuccessStatus | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        _data = UNSET if self.data is None else self.data
        data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_data, Unset):
            data = []
            for data_item_data in _data:
                data_item = data_item_data.to_dict()
                data.append(data_item)

        _pagination = UNSET if self.pagination is None else self.pagination
        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(_pagination, Unset):
            pagination = _pagination.to_dict()

        _status = UNSET if self.status is None else self.status
        status: str | Unset
        if isinstance(_status, Unset):
            status = UNSET
        elif isinstance(_status, SuccessStatus):
            status = _status.value
        else:
            status = _status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if data is not UNSET:
            field_dict["data"] = data
        if pagination is not UNSET:
            field_dict["pagination"] = pagination
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pagination import Pagination  # noqa: PLC0415
        from ..models.service_plan import ServicePlan  # noqa: PLC0415

        d = dict(src_dict)
        _data = d.pop("data", UNSET)
        data: list[ServicePlan] | Unset = UNSET
        if _data is not UNSET:
            data = []
            for data_item_data in _data:
                data_item = ServicePlan.from_dict(data_item_data)

                data.append(data_item)

        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination, Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)

        def _parse_status(data: object) -> str | SuccessStatus | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = SuccessStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | SuccessStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        service_plan_list_response = cls(
            data=None if isinstance(data, Unset) else data,
            pagination=None if isinstance(pagination, Unset) else pagination,
            status=None if isinstance(status, Unset) else status,
        )

        service_plan_list_response.additional_properties = d
        return service_plan_list_response

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
