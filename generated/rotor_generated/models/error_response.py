from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_status import ErrorStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """Every error body. `error_code` is documented for 401, 403 and 429 only; `errors` only for validation failures.
    ASSUMPTION (A17): `status` and `message` are always present (every documented example has both).

        Attributes:
            status (ErrorStatus | str): Known values are typed; a value this client does not know is kept as a string.
            message (str):
            error_code (str | None): Machine-readable code. Known values: AUTHENTICATION_REQUIRED, INSUFFICIENT_SCOPE,
                RATE_LIMIT_EXCEEDED. Kept a plain string so that new codes never break a client.
            errors (list[FieldError] | None):
    """

    status: ErrorStatus | str
    message: str
    error_code: str | None = None
    errors: list[FieldError] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str
        if isinstance(self.status, ErrorStatus):
            status = self.status.value
        else:
            status = self.status

        message = self.message

        error_code = UNSET if self.error_code is None else self.error_code

        _errors = UNSET if self.errors is None else self.errors
        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_errors, Unset):
            errors = []
            for errors_item_data in _errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "message": message,
            }
        )
        if error_code is not UNSET:
            field_dict["error_code"] = error_code
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_status(data: object) -> ErrorStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ErrorStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorStatus | str, data)

        status = _parse_status(d.pop("status"))

        message = d.pop("message")

        error_code = d.pop("error_code", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: list[FieldError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = FieldError.from_dict(errors_item_data)

                errors.append(errors_item)

        error_response = cls(
            status=status,
            message=message,
            error_code=None if isinstance(error_code, Unset) else error_code,
            errors=None if isinstance(errors, Unset) else errors,
        )

        error_response.additional_properties = d
        return error_response

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
