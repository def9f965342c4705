"""The spec's parameters, defaults, enums and version header survive into the generated request builders."""

import importlib
import inspect
import re
from enum import Enum, StrEnum
from types import ModuleType
from typing import Any, get_args, get_type_hints

import pytest

from contract_tests.spec_helpers import api_version, operations, parameters, resolve, spec
from rotor_generated.models import CustomerStatus, CustomerUpsertParams, RotorApiVersion
from rotor_generated.types import Unset

pytestmark = pytest.mark.spec_derived


def _module(op: dict[str, Any]) -> ModuleType:
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", op["operationId"]).lower()
    return importlib.import_module(f"rotor_generated.api.{op['tags'][0]}.{snake}")


def _py_name(name: str) -> str:
    return name.replace("-", "_")


OPS = [pytest.param(op, id=op["operationId"]) for _, _, op in operations()]


@pytest.mark.parametrize("op", OPS)
def test_every_operation_has_sync_and_async_builders(op: dict[str, Any]) -> None:
    module = _module(op)
    for fn in ("sync_detailed", "asyncio_detailed", "_get_kwargs"):
        assert callable(getattr(module, fn)), fn


@pytest.mark.parametrize("op", OPS)
def test_parameters_and_defaults_match_the_spec(op: dict[str, Any]) -> None:
    signature = inspect.signature(_module(op)._get_kwargs)
    spec_params = parameters(op)
    assert set(signature.parameters) - {"body"} == {_py_name(n) for n in spec_params}
    for name, param in spec_params.items():
        schema = resolve(param["schema"])
        default = signature.parameters[_py_name(name)].default
        if "default" in schema:
            value = default.value if isinstance(default, Enum) else default
            assert value == schema["default"], name
        elif not param.get("required"):
            assert isinstance(default, Unset), f"{name} should be optional with no default"


def test_version_header_is_defaulted_and_sent() -> None:
    version = spec()["info"]["version"]
    assert [m.value for m in RotorApiVersion] == [version]
    for _, _, op in operations():
        builder = _module(op)._get_kwargs
        required = {"id": "x", "body": CustomerUpsertParams()}
        args = {k: v for k, v in required.items() if k in inspect.signature(builder).parameters}
        kwargs = builder(**args)
        assert kwargs["headers"]["rotor-api-version"] == version, op["operationId"]


def test_the_sdk_version_is_the_generated_default() -> None:
    # rotor.API_VERSION is derived, never written: it is the default the generated builders send.
    from rotor import API_VERSION

    assert api_version() == API_VERSION and [m.value for m in RotorApiVersion] == [API_VERSION]
    assert type(API_VERSION) is str  # a plain string, not the enum member


def test_with_several_accepted_versions_the_sdk_sends_the_default() -> None:
    # Should the spec ever list several versions, the one sent is the spec's default, carried by the builders.
    from rotor._constants import version_sent_by

    class Versions(StrEnum):
        OLDER = "0.8.0"
        DEFAULT = "0.9.0"
        NEWER = "0.10.0"

    def builder(*, rotor_api_version: Versions = Versions.DEFAULT) -> None: ...

    def no_default(*, rotor_api_version: Versions) -> None: ...

    assert version_sent_by(builder) == "0.9.0"
    with pytest.raises(RuntimeError, match="no default"):
        version_sent_by(no_default)


def test_status_filter_is_the_spec_enum() -> None:
    from rotor_generated.api.customers import list_customers

    hints = get_type_hints(list_customers._get_kwargs)
    assert CustomerStatus in get_args(hints["status"])
    spec_enum = resolve(parameters(spec()["paths"]["/customers"]["get"])["status"]["schema"])["enum"]
    assert [m.value for m in CustomerStatus] == spec_enum


def test_the_sdk_enforces_the_spec_bounds() -> None:
    # The generator does not carry minimum/maximum into code; the hand-written layer does, from these constants.
    from rotor import _constants

    params = parameters(spec()["paths"]["/customers"]["get"])
    assert params["limit"]["schema"]["minimum"] == _constants.MIN_LIMIT
    assert params["limit"]["schema"]["maximum"] == _constants.MAX_LIMIT
    assert params["page"]["schema"]["minimum"] == _constants.MIN_PAGE
    assert params["page"]["schema"]["maximum"] == _constants.MAX_PAGE
    assert spec()["info"]["version"] == _constants.API_VERSION
