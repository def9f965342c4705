from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.auth_method import AuthMethod
from ..models.success_status import SuccessStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuthTestResponse")


@_attrs_define
class AuthTestResponse:
    """The result of an authentication check. Every field is optional (stated).

    Attributes:
        auth_method (AuthMethod | str | Unset): Known values are typed; a value this client does not know is kept as a
            string.
        authenticated (bool | Unset):
        company_id (str | Unset): The examples are UUIDs; no format is promised.
        message (str | Unset):
        rotor_api_version (str | Unset):
        scopes (list[str] | Unset):
        status (str | SuccessStatus | Unset): Known values are typed; a value this client does not know is kept as a
            string.
        timestamp (datetime.datetime | Unset):
        user_id (None | Unset | UUID): Null for API key authentication.
    """

    auth_method: AuthMethod | str | Unset = UNSET
    authenticated: bool | Unset = UNSET
    company_id: str | Unset = UNSET
    message: str | Unset = UNSET
    rotor_api_version: str | Unset = UNSET
    scopes: list[str] | Unset = UNSET
    status: str | SuccessStatus | Unset = UNSET
    timestamp: datetime.datetime | Unset = UNSET
    user_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auth_method: str | Unset
        if isinstance(self.auth_method, Unset):
            auth_method = UNSET
        elif isinstance(self.auth_method, AuthMethod):
            auth_method = self.auth_method.value
        else:
            auth_method = self.auth_method

        authenticated = self.authenticated

        company_id = self.company_id

        message = self.message

        rotor_api_version = self.rotor_api_version

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, SuccessStatus):
            status = self.status.value
        else:
            status = self.status

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        elif isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if auth_method is not UNSET:
            field_dict["auth_method"] = auth_method
        if authenticated is not UNSET:
            field_dict["authenticated"] = authenticated
        if company_id is not UNSET:
            field_dict["company_id"] = company_id
        if message is not UNSET:
            field_dict["message"] = message
        if rotor_api_version is not UNSET:
            field_dict["rotor_api_version"] = rotor_api_version
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if status is not UNSET:
            field_dict["status"] = status
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_auth_method(data: object) -> AuthMethod | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                auth_method_type_0 = AuthMethod(data)

                return auth_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthMethod | str | Unset, data)

        auth_method = _parse_auth_method(d.pop("auth_method", UNSET))

        authenticated = d.pop("authenticated", UNSET)

        company_id = d.pop("company_id", UNSET)

        message = d.pop("message", UNSET)

        rotor_api_version = d.pop("rotor_api_version", UNSET)

        scopes = cast(list[str], d.pop("scopes", UNSET))

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

        _timestamp = d.pop("timestamp", UNSET)
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = datetime.datetime.fromisoformat(_timestamp)

        def _parse_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        auth_test_response = cls(
            auth_method=auth_method,
            authenticated=authenticated,
            company_id=company_id,
            message=message,
            rotor_api_version=rotor_api_version,
            scopes=scopes,
            status=status,
            timestamp=timestamp,
            user_id=user_id,
        )

        auth_test_response.additional_properties = d
        return auth_test_response

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
