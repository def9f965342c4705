"""Every public method of both clients, every parameter, values of every kind: a call returns or raises a
``RotorError``, never another exception, and a value refused before sending (``InvalidParameterError``) sends nothing.

Methods are found by introspection (every resource attribute of a client, every public method of it), so a new
resource or method is swept without editing this file. Calls go to the in-process mock, which counts every request
it receives, including one to a path that names no operation.
"""

import asyncio
import inspect
import math
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rotor import AsyncRotor, InvalidParameterError, Rotor, RotorError
from rotor._validation import shown
from rotor.resources._base import AsyncResource, SyncResource
from rotor.testing import MockRotorAPI

_BASE = "https://api.test.invalid/open-api"

SPECIAL_TEXT = ["", " ", "\t \n", "\x00", "a\x7fb\x1b", "/", "%2F", "a/b", "a%2Fb", ".", "..", "?#&=", "vip,pool",
                "😀" * 10000, "x" * 70000, "é" * 30000, "active", "true", "2024-05-01", "2024-05-01T10:00:00"]  # fmt: skip
SPECIAL_NUMBERS = [0, -1, 1, 5, 1000, 1001, 2**53, -(2**63), 10**30, 10**5000, 0.0, -0.5, 1.5, math.nan, math.inf]
leaf = st.one_of(
    st.sampled_from(SPECIAL_TEXT),
    st.text(max_size=12),
    st.binary(max_size=8),
    st.sampled_from(SPECIAL_NUMBERS),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.uuids(),
    st.uuids().map(str),
    st.datetimes(),  # naive
    st.dates(),
)
any_value = st.one_of(
    leaf,
    st.lists(leaf, max_size=3),
    st.dictionaries(st.text(max_size=6), leaf, max_size=2),
    st.tuples(leaf),
)


def _resources(client: Rotor | AsyncRotor) -> dict[str, Any]:
    # The resources are cached properties, made on first use: ask for every one.
    made = {name: getattr(client, name) for name in dir(type(client)) if not name.startswith("_")}
    return {name: value for name, value in made.items() if isinstance(value, SyncResource | AsyncResource)}


def _methods(client: Rotor | AsyncRotor) -> list[str]:
    return sorted(
        f"{name}.{method}"
        for name, resource in _resources(client).items()
        for method, _ in inspect.getmembers(resource, inspect.ismethod)
        if not method.startswith("_")
    )


def _discover() -> list[Any]:
    found = []
    for client_class in (Rotor, AsyncRotor):
        client = client_class(api_key="rotor_discovery_key", base_url=_BASE)
        found += [pytest.param(client_class, name, id=f"{client_class.__name__}.{name}") for name in _methods(client)]
        if isinstance(client, AsyncRotor):
            asyncio.run(client.close())
        else:
            client.close()
    return found


METHODS = _discover()


def test_the_sweep_finds_every_method() -> None:
    """The introspection finds the methods users know, so it cannot silently sweep nothing."""
    names = {param.values[1] for param in METHODS if param.values[0] is Rotor}
    assert {"customers.list", "customers.retrieve", "customers.create_or_update", "customers.export",
            "leads.export", "pins.list", "pin_types.list", "service_plans.export", "serviced_jobs.list",
            "auth.test"} <= names  # fmt: skip
    assert names == {param.values[1] for param in METHODS if param.values[0] is AsyncRotor}


@pytest.fixture(scope="module")
def mock() -> MockRotorAPI:
    return MockRotorAPI(customers=6, leads=6, pins=6, pin_types=2, service_plans=6, serviced_jobs=6, daily_quota=10**9)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # relative export paths land here
    return tmp_path


@pytest.fixture
def client_of(mock: MockRotorAPI) -> Iterator[Callable[[type], Any]]:
    made: list[Any] = []

    def make(client_class: type) -> Any:
        client = mock.async_client() if client_class is AsyncRotor else mock.client()
        made.append(client)
        return client

    yield make
    for client in made:
        if isinstance(client, AsyncRotor):
            asyncio.run(client.close())
        else:
            client.close()


def _field_names(resource: Any) -> list[str]:
    model = getattr(resource, "_upsert_params", None)
    names = [f.name for f in attrs.fields(model) if f.name != "additional_properties"] if model else []
    return [*names, "frist_name"]


def _in_folder(value: Any, folder: Path) -> Any:
    """An export path of any kind, kept inside ``folder``: the sweep runs as whoever runs the tests."""
    if isinstance(value, str | os.PathLike):
        return folder / os.fspath(value).lstrip("/")
    return value


def _run(call: Callable[[], Any]) -> Any:
    result = call()
    if inspect.isawaitable(result):

        async def wait() -> Any:
            return await result

        return asyncio.run(wait())
    return result


@pytest.mark.parametrize(("client_class", "name"), METHODS)
@settings(max_examples=40)
@given(data=st.data())
def test_every_input_returns_or_raises_a_rotor_error(
    client_class: type, name: str, mock: MockRotorAPI, client_of: Callable[[type], Any], in_tmp: Path, data: Any
) -> None:
    client = client_of(client_class)
    resource_name, method_name = name.split(".")
    resource = getattr(client, resource_name)
    method = getattr(resource, method_name)
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for param in inspect.signature(method).parameters.values():
        if param.kind is param.VAR_KEYWORD:
            for field in data.draw(st.lists(st.sampled_from(_field_names(resource)), max_size=3, unique=True)):
                kwargs[field] = data.draw(any_value, label=field)
            continue
        required = param.default is param.empty
        if not required and not data.draw(st.booleans(), label=f"give {param.name}"):
            continue
        value = data.draw(any_value, label=param.name)
        if param.name == "path":
            value = _in_folder(value, in_tmp)
        if param.kind is param.POSITIONAL_ONLY or (required and param.kind is param.POSITIONAL_OR_KEYWORD):
            args.append(value)
        else:
            kwargs[param.name] = value
    before = mock.mock.requests_received
    try:
        _run(lambda: method(*args, **kwargs))
    except RotorError as exc:
        if isinstance(exc, InvalidParameterError):
            assert mock.mock.requests_received == before, f"refused after sending: {exc}"
            assert len(str(exc)) < 2000, "a refusal must not echo a huge value"
    except Exception as exc:  # the property: nothing but a RotorError escapes
        pytest.fail(f"{name}(*{shown(args)}, **{shown(kwargs)}) raised {type(exc).__name__}: {exc!s:.300}")


def test_the_sweep_reaches_successes_and_refusals(mock: MockRotorAPI, client_of: Callable[[type], Any]) -> None:
    """Both outcomes the property allows are reachable with the values above (a sweep of refusals only proves less)."""
    client = client_of(Rotor)
    assert client.customers.list(limit=5, search="a") is not None
    with pytest.raises(InvalidParameterError):
        client.customers.list(limit=10**5000)
