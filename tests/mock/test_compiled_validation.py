"""The validators compiled from the spec agree with openapi-core on a corpus of valid and invalid requests, and on
random list queries.

For every request of the corpus (per operation: each parameter with valid, boundary and invalid values, repeated
and unknown parameters, headers missing, wrong or doubled, bodies valid, invalid, of the wrong type or media
type), the mock asks both: openapi-core (the reference) and the compiled validators. Wherever the compiled path
accepts a request, openapi-core must accept it too and give the same parameters and body; wherever openapi-core
rejects one, the compiled path must not accept it (so the 400 served is openapi-core's). Then whole responses
(status and body) of a mock with compiled validation and of that one, which serves openapi-core's answers as a mock
without compiled validation does, are compared on every request of the corpus (the time an answer is made aside).
"""

import asyncio
import base64
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, tzinfo
from typing import Any
from urllib.parse import quote

import httpx
import orjson
import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from starlette.datastructures import Headers, QueryParams
from starlette.requests import Request

import rotor
from rotor.testing import MockRotor
from rotor.testing import reference as reference_module
from rotor.testing import store as store_module
from rotor.testing.app import _compiled
from rotor.testing.compiled import CompiledOperation, Sent
from rotor.testing.rejects import Reject
from rotor.testing.spec import load as load_spec

HEADERS = {"x-api-key": rotor.testing.TEST_API_KEY, "rotor-api-version": rotor.API_VERSION}
UUID = "6c8f3a1e-0d2b-4c1e-9a9b-1f2e3d4c5b6a"

# Raw query values by schema type/format; each is tried valid or not: agreement, not validity, is what is asserted.
VALUES: dict[str, list[str]] = {
    "integer": ["1", "50", "1000", "1001", "0", "-1", " 5", "+3", "007", "5_0", "1.0", "1e3", "", "x", "\u0665",
                "9007199254740991", "9007199254740992", "99999999999999999999999"],
    "boolean": ["true", "false", "True", "FALSE", "1", "0", "yes", "no", "on", "off", "t", "n", "", "maybe", "2"],
    "string": ["x", "", " ", "Jane Doe", "é", "a,b", "%", "\x00", "active", "inactive", "Monthly", "monthly",
               "One-Time", "-1"],
    "uuid": [UUID, UUID.upper(), "not-a-uuid", "", UUID[:-1], "{" + UUID + "}", UUID.replace("-", "")],
    "date-time": ["2024-01-01T00:00:00Z", "2024-01-01T00:00:00+02:00", "2024-01-01T00:00:00", "2024-01-01",
                  "2024-13-01T00:00:00Z", "2024-01-01t00:00:00z", "", "yesterday", "2024-01-01T00:00:00.123456Z"],
}  # fmt: skip


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = target
    return node


def _operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    spec = load_spec()
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                yield path, method.upper(), op


def _requests() -> Iterator[tuple[str, str, str, dict[str, str], bytes | None]]:
    """(operationId, method, url, headers, body) for the corpus."""
    spec = load_spec()
    for path, method, op in _operations():
        op_id = op["operationId"]
        params = [_resolve(spec, p) for p in op.get("parameters", [])]
        url = "/open-api" + path.replace("{id}", "abc")
        body = b'{"first_name": "Jane"}' if "requestBody" in op else None
        json_headers = {**HEADERS, "content-type": "application/json"} if body is not None else HEADERS

        def req(query: str = "", headers: dict[str, str] = json_headers, content: bytes | None = body,
                target: str = url, op_id: str = op_id, method: str = method,
                ) -> tuple[str, str, str, dict[str, str], bytes | None]:  # fmt: skip
            return op_id, method, target + (f"?{query}" if query else ""), headers, content

        yield req()
        yield req("unknown=1")
        # Errors in several places at once: openapi-core reports every parameter in the spec's order, then the body.
        emptied = "&".join(
            f"{p['name']}="
            for p in reversed(params)
            if p["in"] == "query" and _resolve(spec, p["schema"])["type"] != "boolean"
        )
        bad_body = b'{"id": "nope", "email": 5}' if body is not None else None
        yield req(emptied, headers={**json_headers, "rotor-api-version": "0.0.1"}, content=bad_body)
        yield req(headers={k: v for k, v in json_headers.items() if k != "rotor-api-version"})
        yield req(headers={**json_headers, "rotor-api-version": "0.0.1"})
        yield req(headers={**json_headers, "rotor-api-version": rotor.API_VERSION.upper() + " "})
        for param in params:
            if param["in"] == "path":
                for value in ["abc", "%0A", "%20", "%C3%A9", UUID, "a%2Fb", "~"]:
                    yield req(target=url.replace("/abc", "/" + value))
            if param["in"] != "query":
                continue
            schema = _resolve(spec, param["schema"])
            kind = schema.get("format", schema["type"])
            values = list(VALUES[kind]) + [str(v) for v in schema.get("enum", [])]
            name = param["name"]
            for value in values:
                yield req(f"{name}={quote(value)}")
            yield req(f"{name}={quote(values[0])}&{name}={quote(values[0])}")
            yield req(f"{name}={quote(values[0])}&{name}={quote(values[-1])}")
            yield req(f"{name}")
            yield req(f"{name.upper()}={quote(values[0])}")
        if body is not None:
            schema = _resolve(spec, op["requestBody"]["content"]["application/json"]["schema"])
            bodies: list[Any] = [{}, [], "x", 1, None, {"id": UUID}, {"id": "nope"}, {"id": 5}, {"email": "a@b.co"},
                                 {"email": "nope"}, {"tags": ["a", "b"]}, {"tags": "a"}, {"tags": [1]},
                                 {"unknown": 1}, {"status": "active"}, {"status": "nope"}, {"priority": "high"},
                                 {"projected_value": 1.5}, {"projected_value": "1"}, {"billing_same_as_property": 1},
                                 {"billing_same_as_property": True}, {"id": UUID.upper(), "notes": "é"},
                                 # integers beyond 64 bits: orjson would read them as floats, openapi-core does not
                                 {"first_name": 10**29}, {"tags": [-(2**63) - 1]}, {"projected_value": 10**29}]  # fmt: skip
            for prop, prop_schema in schema.get("properties", {}).items():
                prop_schema = _resolve(spec, prop_schema)
                bodies.append({prop: "x"})
                bodies.append({prop: 1})
                bodies.extend({prop: v} for v in prop_schema.get("enum", []))
            for document in bodies:
                # The standard library writes what orjson refuses: an integer beyond 64 bits.
                yield req(content=json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode())
            for content in [b"", b"{", b"\xff\xfe", b"[1, 2", b'{"a": NaN}', b"null"]:
                yield req(content=content)
            for content_type in ["text/plain", "application/json; charset=utf-8", "APPLICATION/JSON",
                                 "application/x-www-form-urlencoded", "application/jsonx"]:  # fmt: skip
                yield req(headers={**HEADERS, "content-type": content_type})
            yield req(headers=HEADERS)


CORPUS = list(_requests())


class BothValidators(MockRotor):
    """Validates each request both ways and records how they compare; serves openapi-core's answer."""

    compiled_validation = False

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # (url, "accepted" | "declined" | "rejected" | "left to openapi-core")
        self.outcomes: list[tuple[str, str]] = []

    async def validate(self, request: Request, op: dict[str, Any]) -> tuple[dict[str, Any], Any]:
        body = await request.body()
        compiled = _compiled()[op["operationId"]]
        # Its own copy of what a validator could change in place (the rest is immutable): the answer served is
        # openapi-core's alone, the reference a mock with compiled validation is compared with.
        sent = Sent(
            request.query_params, dict(request.path_params), request.headers, request.headers.get("content-type"), body
        )
        fast, fast_errors = compiled.accept(sent), compiled.reject(sent)
        asked = reference_module.unmarshal_request.calls  # type: ignore[attr-defined]
        try:
            reference = await super().validate(request, op)
        except Reject as rejected:
            assert fast is None, f"compiled validation accepted what openapi-core rejects: {request.url}"
            if reference_module.unmarshal_request.calls == asked:  # type: ignore[attr-defined]
                self.outcomes.append((str(request.url), "refused before either validator"))
                raise
            if fast_errors is not None:
                assert fast_errors == rejected.body["errors"], (str(request.url), body)
            self.outcomes.append((str(request.url), "rejected" if fast_errors else "left to openapi-core"))
            raise
        assert fast_errors is None, f"compiled validation rejected what openapi-core accepts: {request.url}"
        if fast is not None:
            assert fast == reference, (str(request.url), fast, reference)
            assert all(type(fast[0][k]) is type(v) for k, v in reference[0].items())
            self.outcomes.append((str(request.url), "accepted"))
        else:
            self.outcomes.append((str(request.url), "declined"))
        return reference


async def _send(mock: MockRotor, requests: list[tuple[str, str, str, dict[str, str], bytes | None]]) -> list[Any]:
    answers = []
    transport = httpx.ASGITransport(app=mock.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://mock.test") as client:
        for _, method, url, headers, content in requests:
            response = await client.request(method, url, headers=headers, content=content)
            answers.append((response.status_code, response.content))
    return answers


def _mock(cls: type[MockRotor] = MockRotor) -> MockRotor:
    return cls(customers=30, leads=20, pins=10, service_plans=10, serviced_jobs=10, daily_quota=10**6, seed=3)


def test_every_operation_of_the_spec_is_compiled() -> None:
    # An operation the fast path cannot compile still works (openapi-core answers all of it), only slowly: say so.
    assert {op_id: c.unsupported for op_id, c in _compiled().items() if c.unsupported} == {}
    assert set(_compiled()) == {op["operationId"] for _, _, op in _operations()}


def test_an_operation_it_cannot_compile_is_left_to_openapi_core() -> None:
    spec = load_spec()
    op = {"operationId": "x", "parameters": [{"name": "ids", "in": "query", "schema": {"type": "array"}}]}
    compiled = CompiledOperation(spec, op)
    assert compiled.unsupported == "parameter ids: type 'array'"
    assert compiled.accept(Sent(QueryParams("ids=1"), {}, Headers(HEADERS), None, b"")) is None


def test_a_missing_required_query_parameter_is_worded_as_openapi_core_words_it() -> None:
    # The spec has no required query parameter today, so the corpus cannot hold one: asked of openapi-core directly.
    from openapi_core import OpenAPI
    from openapi_core.testing import MockRequest

    from rotor.testing.app import _field_error

    def spec_with(parameter: dict[str, Any]) -> dict[str, Any]:
        op = {"operationId": "x", "parameters": [parameter], "responses": {"200": {"description": "ok"}}}
        return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"get": op}}}

    for schema in ({"type": "integer"}, {"type": "integer", "default": 5}):
        spec = spec_with({"name": "q", "in": "query", "required": True, "schema": schema})
        result = OpenAPI.from_dict(spec).unmarshal_request(MockRequest("http://h", "get", "/x"))
        theirs = [_field_error(e) for e in result.errors] or None
        ours = CompiledOperation(spec, spec["paths"]["/x"]["get"]).reject(
            Sent(QueryParams(""), {}, Headers({}), None, b"")
        )
        # With a default, openapi-core fills it in: not an error, and not for the compiled path to say.
        assert (
            ours
            == theirs
            == ([{"field": "q", "message": "Missing required query parameter: q"}] if "default" not in schema else None)
        )


def test_the_corpus_covers_every_operation_valid_and_invalid() -> None:
    assert {op_id for op_id, *_ in CORPUS} == {op["operationId"] for _, _, op in _operations()}
    assert len(CORPUS) > 400


@pytest.fixture
def reference_calls_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    """``reference.unmarshal_request.calls``: how many requests openapi-core was asked about."""
    unmarshal = reference_module.unmarshal_request

    def counted(request: Request, body: bytes | None) -> Any:
        counted.calls += 1  # type: ignore[attr-defined]
        return unmarshal(request, body)

    counted.calls = 0  # type: ignore[attr-defined]
    monkeypatch.setattr(reference_module, "unmarshal_request", counted)


def _timeless(content: bytes) -> Any:
    document = orjson.loads(content)
    return {k: v for k, v in document.items() if k not in {"timestamp", "created_at", "updated_at"}}


@pytest.fixture
def still_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stores' clock stands still: a record an upsert makes carries the same time in both mocks, so the records
    later requests meet compare whole."""

    class Still(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> "Still":
            return cls(2026, 1, 2, 3, 4, 5, 678000, tzinfo=tz)

    monkeypatch.setattr(store_module, "datetime", Still)


@pytest.mark.usefixtures("reference_calls_counted", "still_clock")
def test_compiled_validation_agrees_with_openapi_core_on_the_corpus() -> None:
    """Every request of the corpus, once to a mock that asks both validators and serves openapi-core's answer (so it
    answers as a mock without compiled validation would), once to a mock with compiled validation: the same answers.
    One pass of openapi-core over the corpus serves both comparisons (it is most of this test's time)."""
    reference_mock = _mock(BothValidators)
    assert isinstance(reference_mock, BothValidators)
    want = asyncio.run(_send(reference_mock, CORPUS))
    outcomes = [outcome for _, outcome in reference_mock.outcomes]
    declined = [url for url, outcome in reference_mock.outcomes if outcome == "declined"]
    # Both kinds are well represented, and openapi-core accepting what the compiled path declined is rare: the
    # fast path is the one nearly every valid request takes.
    assert outcomes.count("accepted") > 250 and outcomes.count("rejected") > 150, outcomes
    assert len(declined) <= len(reference_mock.outcomes) // 20, declined
    # Likewise nearly every invalid one gets its errors from the compiled path: openapi-core only writes the 400s of
    # what it cannot vouch for (here: a body of a media type other than JSON).
    left = [url for url, outcome in reference_mock.outcomes if outcome == "left to openapi-core"]
    assert len(left) <= outcomes.count("rejected") // 10, left

    # The whole answers: a mock with compiled validation (the default) sent the same requests in the same order, so
    # each request meets the same records (an answer's own time aside).
    assert MockRotor.compiled_validation
    got = asyncio.run(_send(_mock(), CORPUS))
    for request, (status, content), (want_status, want_content) in zip(CORPUS, got, want, strict=True):
        if status < 300 and want_status < 300:  # an answer may carry the time it was made
            content, want_content = _timeless(content), _timeless(want_content)
        assert (status, content) == (want_status, want_content), request


# -- random queries -------------------------------------------------------------------------------------------------

_LISTS = {op["operationId"]: (path, op) for path, method, op in _operations() if method == "GET" and "{" not in path}
_SOME_TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from([v for values in VALUES.values() for v in values]),
    st.integers(-(2**64), 2**64).map(str),
)


@st.composite
def _list_queries(draw: st.DrawFn) -> tuple[str, str]:
    op_id = draw(st.sampled_from(sorted(_LISTS)))
    names = [p["name"] for p in (_resolve(load_spec(), raw) for raw in _LISTS[op_id][1].get("parameters", []))]
    pairs = draw(st.lists(st.tuples(st.sampled_from([*names, "other"]), _SOME_TEXT), max_size=4))
    return op_id, "&".join(f"{quote(name)}={quote(value)}" for name, value in pairs)


def _request(path: str, query: str, headers: dict[str, str]) -> Request:
    scope = {"type": "http", "method": "GET", "path": "/open-api" + path, "query_string": query.encode(),
             "headers": [(k.encode(), v.encode()) for k, v in headers.items()], "path_params": {}}  # fmt: skip

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    request = Request(scope, receive)
    request.state.path_template = "/open-api" + path
    return request


_REFERENCE = type("Reference", (MockRotor,), {"compiled_validation": False})(customers=1)


@given(_list_queries(), st.sampled_from([rotor.API_VERSION, "0.0.1", ""]))
def test_random_list_queries_get_the_same_answer_both_ways(query: tuple[str, str], version: str) -> None:
    op_id, query_string = query
    path, op = _LISTS[op_id]
    headers = {**HEADERS, "rotor-api-version": version}
    sent = Sent(_request(path, query_string, headers).query_params, {}, Headers(headers), None, b"")
    fast, fast_errors = _compiled()[op_id].accept(sent), _compiled()[op_id].reject(sent)
    try:
        reference = asyncio.run(_REFERENCE.validate(_request(path, query_string, headers), op))
    except Reject as rejected:
        event("rejected")
        assert fast is None, query_string
        # Where the compiled path writes the errors (not for what the mock refuses before either validator runs:
        # a header missing, a boolean word, a repeated parameter), they are openapi-core's.
        assert fast_errors is None or fast_errors == rejected.body["errors"], (query_string, fast_errors)
        event("errors written by the compiled path" if fast_errors else "errors written by openapi-core or before")
        return
    event("declined" if fast is None else "accepted")
    assert fast_errors is None, query_string
    assert fast is None or fast == reference, (query_string, fast, reference)


def _outcome(unmarshal: Any, value: Any) -> tuple[str, Any]:
    try:
        return "value", unmarshal(value)
    except Exception as exc:  # the type is what matters: the compiled path keeps a value its parser refuses
        return "raised", type(exc)


_FORMAT_VALUES = st.one_of(
    st.sampled_from(
        [v for values in VALUES.values() for v in values]
        + ["aGk=", "aGk", "w6k=", "2024-02-30", "2024-1-5", "20240105", "2024-W01-1", "x" * 5]
    ),
    st.text(max_size=40),
    st.dates().map(str),
    st.datetimes().map(lambda d: d.isoformat()),
    st.uuids().map(str),
    st.binary(max_size=30).map(lambda b: base64.b64encode(b).decode()),
)


@given(value=_FORMAT_VALUES)
def test_the_format_table_is_openapi_cores(value: str) -> None:
    """The compiled path's format unmarshallers are openapi-core's (written out so a mock starts without importing
    openapi-core): the same formats, and the same value or the same exception for any input."""
    from openapi_core.unmarshalling.schemas import oas31_format_unmarshallers

    from rotor.testing.compiled import FORMAT_UNMARSHALLERS

    assert FORMAT_UNMARSHALLERS.keys() == oas31_format_unmarshallers.keys()
    for name, theirs in oas31_format_unmarshallers.items():
        subject = value.encode() if name == "binary" else value
        assert _outcome(FORMAT_UNMARSHALLERS[name], subject) == _outcome(theirs, subject), name


def test_a_mock_that_sees_only_valid_requests_never_imports_openapi_core() -> None:
    code = (
        "import sys\n"
        "from rotor.testing import MockRotorAPI\n"
        "with MockRotorAPI(customers=5).client() as client:\n"
        "    client.customers.retrieve(client.customers.list(limit=2).data[0].id)\n"
        "print('openapi_core' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stdout + result.stderr
