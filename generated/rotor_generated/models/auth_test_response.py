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
        auth_method (AuthMethod | str | None): Known values are typed; a value this client does not know is kept as a
            string.
        authenticated (bool | None):
        company_id (str | None): The examples are UUIDs; no format is promised.
        message (str | None):
        rotor_api_version (str | None):
        scopes (list[str] | None):
        status (str | SuccessStatus | None): Known values are typed; a value this client does not know is kept as a
            string.
        timestamp (datetime.datetime | None):
        user_id (None | UUID): Null for API key authentication.
    """

    auth_method: AuthMethod | str | None = None
    authenticated: bool | None = None
    company_id: str | None = None
    message: str | None = None
    rotor_api_version: str | None = None
    scopes: list[str] | None = None
    status: str | SuccessStatus | None = None
    timestamp: datetime.datetime | None = None
    user_id: None | UUID = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        _auth_method = UNSET if self.auth_method is None else self.auth_method
        auth_method: str | Unset
        if isinstance(_auth_method, Unset):
            auth_method = UNSET
        elif isinstance(_auth_method, AuthMethod):
            auth_method = _auth_method.value
        else:
            auth_method = _auth_method

        authenticated = UNSET if self.authenticated is None else self.authenticated

        company_id = UNSET if self.company_id is None else self.company_id

        message = UNSET if self.message is None else self.message

        rotor_api_version = UNSET if self.rotor_api_version is None else self.rotor_api_version

        _scopes = UNSET if self.scopes is None else self.scopes
        scopes: list[str] | Unset = UNSET
        if not isinstance(_scopes, Unset):
            scopes = _scopes

        _status = UNSET if self.status is None else self.status
        status: str | Unset
        if isinstance(_status, Unset):
            status = UNSET
        elif isinstance(_status, SuccessStatus):
            status = _status.value
        else:
            status = _status

        _timestamp = UNSET if self.timestamp is None else self.timestamp
        timestamp: str | Unset = UNSET
        if not isinstance(_timestamp, Unset):
            timestamp = _timestamp.isoformat()

        _user_id = UNSET if self.user_id is None else self.user_id
        user_id: None | str | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        elif isinstance(_user_id, UUID):
            user_id = str(_user_id)
        else:
            user_id = _user_id

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
            auth_method=None if isinstance(auth_method, Unset) else auth_method,
            authenticated=None if isinstance(authenticated, Unset) else authenticated,
            company_id=None if isinstance(company_id, Unset) else company_id,
            message=None if isinstance(message, Unset) else message,
            rotor_api_version=None if isinstance(rotor_api_version, Unset) else rotor_api_version,
            scopes=None if isinstance(scopes, Unset) else scopes,
            status=None if isinstance(status, Unset) else status,
            timestamp=None if isinstance(timestamp, Unset) else timestamp,
            user_id=None if isinstance(user_id, Unset) else user_id,
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
