"""The mock Rotor API: a Starlette app with real semantics, validated against spec/openapi.yaml.

Each step of a request is a method, in the order the server applies them: authenticate, spend quota, inject
faults, check scope, validate (spec-driven: validators compiled from the spec at startup, openapi-core for what
they do not accept), handle. What each operation does, the scope it needs and the store it works on is one row of
the operation table (``operations.OPERATIONS``), checked against the spec when the mock starts. Tests plant bugs
by overriding one step, one row (``operations``) or one store (``store_types``).
"""

from __future__ import annotations

import asyncio
import functools
import importlib
import threading
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from functools import cache
from typing import Any, ClassVar

import orjson
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from rotor.testing import data_cache
from rotor.testing.churn import Churn
from rotor.testing.compiled import CompiledOperation, Sent, compile_operations
from rotor.testing.customers import CustomerStore
from rotor.testing.faults import FAULT_HEADER, Drawn, Faults
from rotor.testing.leads import LeadStore
from rotor.testing.operations import (
    ANY_KEY,
    OPERATIONS,
    READ_ONLY_HANDLERS,
    Call,
    Operation,
    OperationTableError,
    check_table,
)
from rotor.testing.rejects import Reject, error, not_found, validation_error
from rotor.testing.request_ids import RequestIds
from rotor.testing.routes import ROUTES
from rotor.testing.spec import load as load_spec
from rotor.testing.store import STORE_TYPES, ApiKey, KeyRing, RecordStore

BASE_PATH = "/open-api"
CHURN_PATH = "/_mock/churn"  # outside BASE_PATH: not part of the API, so no spec, client or contract test sees it
API_VERSION_HEADER = "rotor-api-version"

# Keys follow the documented shape rotor_<keyId>_<keySecret>.
TEST_API_KEY = "rotor_mock_full0test0secret"
READ_ONLY_API_KEY = "rotor_mock_readonly0secret"
NO_SCOPE_API_KEY = "rotor_mock_noscope0secret"
# Every scope the spec's operations need, reads (the scopes of GETs) apart: the test key has them all.
_SCOPES = {route.scope: route.shape for route in ROUTES.values() if route.scope}
READ_SCOPES = tuple(scope for scope, shape in _SCOPES.items() if shape != "upsert")
WRITE_SCOPES = tuple(scope for scope, shape in _SCOPES.items() if shape == "upsert")
DEFAULT_KEYS: dict[str, tuple[str, ...]] = {
    TEST_API_KEY: (*READ_SCOPES, *WRITE_SCOPES),
    READ_ONLY_API_KEY: READ_SCOPES,
    NO_SCOPE_API_KEY: (),
}


def json_response(status: int, body: object, headers: Mapping[str, str] | None = None) -> Response:
    return Response(orjson.dumps(body), status_code=status, media_type="application/json", headers=dict(headers or {}))


class _CutResponse(Response):
    """Sends the headers of the full body, then part of it. ``drop`` hangs up mid-body; otherwise the
    Content-Length is corrected, giving a well-formed HTTP response with a truncated JSON body."""

    def __init__(self, full: Response, *, drop: bool) -> None:
        body = bytes(full.body)
        cut = body[: len(body) // 2]
        super().__init__(cut, status_code=full.status_code, media_type=full.media_type)
        self.drop = drop
        if drop:
            self.headers["content-length"] = str(len(body))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        await send({"type": "http.response.body", "body": bytes(self.body), "more_body": self.drop})
        # With drop, returning here leaves the body incomplete: the server closes the connection.


def _spec_operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op)
        for path, item in load_spec()["paths"].items()
        for method, op in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]


@cache
def _compiled() -> dict[str, CompiledOperation]:
    return compile_operations(load_spec())


class Stores(Mapping[str, RecordStore]):
    """Each resource's records, seeded on first use: a test that never reads leads never pays for making them.

    Seeding is done once per process for each set of store types, counts and seed (``_pristine``): a mock gets a
    copy of those records (``RecordStore.copied``, a few milliseconds for 2,500 customers against a second or more
    to make them), so a suite that makes a fresh mock per test pays for its data once. The copies share nothing
    mutable, and a store is seeded from pristine stores, never from another mock's changed ones.
    """

    def __init__(
        self, types: Mapping[str, type[RecordStore]], counts: Mapping[str, int], seed: int, *, pristine: bool = False
    ) -> None:
        self.types = types
        self.counts = counts
        self.seed = seed
        self._made: dict[str, RecordStore] = {}
        self._pristine = pristine
        self.private = False  # True: every request gets this mock's own copy (churn changes records as they are read)
        self._states: dict[str, bytes] = {}  # pristine only: each store's state, pickled once, to copy from
        # A served mock makes a store in its server thread while a test may ask for it in its own: made once.
        # Reentrant: a store's records point at another's (a plan's customer), made first when needed.
        self._making = threading.RLock()

    def __getitem__(self, name: str) -> RecordStore:
        with self._making:
            if name not in self._made:
                if self._pristine:
                    self._made[name] = self._seeded(name)
                else:
                    source = _pristine(tuple(self.types.items()), tuple(self.counts.items()), self.seed)
                    self._made[name] = source.copy_of(name)
            return self._made[name]

    def _seeded(self, name: str) -> RecordStore:
        """Store ``name``'s seeded records: kept on disk from an earlier process when a folder is named for it
        (``rotor.testing.data_cache``), else made now (and kept)."""
        cls = self.types[name]

        def state_of(store: RecordStore) -> bytes:
            self._states[name] = store.state()  # kept for copy_of too: a store's state is made once
            return self._states[name]

        def restored(state: bytes) -> RecordStore:
            self._states[name] = state
            return cls.restored(state)

        found_by = data_cache.key(name, self.types, self.counts, self.seed)
        return data_cache.kept(found_by, lambda: cls.seeded(self.counts[name], self.seed, self), state_of, restored)

    def reading(self, name: str) -> RecordStore:
        """The store ``name`` for a request that only reads it (a built-in list or retrieve): this mock's own copy
        if it has one, else the pristine store itself, shared with every mock of the same data. A test that only
        lists never pays for a copy; the first write of any kind (an upsert, the test's own hands on ``stores``,
        churn) goes to the copy ``self[name]`` makes, and every read after it sees that copy."""
        with self._making:
            if self._pristine or self.private or name in self._made:
                return self[name]
            return _pristine(tuple(self.types.items()), tuple(self.counts.items()), self.seed)[name]

    def copy_of(self, name: str) -> RecordStore:
        """A copy of the (pristine) store ``name``, made now if it was not yet."""
        with self._making:
            store = self[name]
            if name not in self._states:
                self._states[name] = store.state()
            return store.copied(self._states[name])

    def __iter__(self) -> Iterator[str]:
        return iter(self.types)

    def __len__(self) -> int:
        return len(self.types)

    def size(self, name: str) -> int:
        """How many records the store holds (its seeded count while it is not made yet)."""
        return len(self._made[name]) if name in self._made else self.counts[name]

    def reset(self) -> None:
        with self._making:
            self._made.clear()


@functools.lru_cache(maxsize=8)  # bounded: a test that varies counts or seeds must not keep every data set alive
def _pristine(
    types: tuple[tuple[str, type[RecordStore]], ...], counts: tuple[tuple[str, int], ...], seed: int
) -> Stores:
    """The seeded stores every mock with these types, counts and seed copies from (never served, never changed)."""
    return Stores(dict(types), dict(counts), seed, pristine=True)


def store_types() -> dict[str, type[RecordStore]]:
    """The store of each resource the spec's operations work on, from its module ``rotor.testing.<resource>``: a
    new resource's store is that one module (a ``RecordStore`` with ``resource``, its filters and seeded data)."""
    found: dict[str, type[RecordStore]] = {}
    for name in dict.fromkeys(route.store for route in ROUTES.values() if route.store):
        try:
            importlib.import_module(f"rotor.testing.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"rotor.testing.{name}":
                raise
        if name not in STORE_TYPES:
            raise OperationTableError(
                f"the spec's resource {name!r} has no store: write src/rotor/testing/{name}.py with a RecordStore "
                f"subclass whose resource = {name!r} (its filters and seeded data)"
            )
        found[name] = STORE_TYPES[name]
    return found


class MockRotor:
    """A stateful stand-in for the Rotor API. ``app`` is the ASGI app; everything else is its state."""

    operations: ClassVar[Mapping[str, Operation]] = OPERATIONS
    # Validate with the validators compiled from the spec, openapi-core answering what they do not accept. False:
    # openapi-core for every request (the reference the compiled path is tested against).
    compiled_validation: ClassVar[bool] = True
    store_types: ClassVar[Mapping[str, type[RecordStore]]] = store_types()

    def __init__(
        self,
        *,
        seed: int = 0,
        daily_quota: int = 1000,
        keys: Mapping[str, Iterable[str]] | None = None,
        faults: Faults | None = None,
        churn: Churn | None = None,
        **counts: int,
    ) -> None:
        """``counts``: records to seed per resource (``customers=300``), each store's ``default_count`` otherwise."""
        check_table(self.operations, [op["operationId"] for _, _, op in _spec_operations()], self.store_types)
        unknown = sorted(set(counts) - set(self.store_types))
        if unknown:
            raise TypeError(
                f"MockRotor() got unknown record counts {unknown}; the resources are {list(self.store_types)}"
            )
        self.seed = seed
        counts = {name: counts.get(name, store.default_count) for name, store in self.store_types.items()}
        self.stores = Stores(self.store_types, counts, seed)
        self.keys = KeyRing(keys if keys is not None else DEFAULT_KEYS, daily_quota)
        self.faults = faults or Faults()
        self.churn = churn  # records changing as clients read (None: the data changes only by upserts)
        if churn is not None:
            self.stores.private = True
            churn.attach(self.stores, self.store_types)
        self.api_key = next(iter(keys)) if keys else TEST_API_KEY
        self.statuses: Counter[tuple[str, int]] = Counter()  # (operationId, status) -> count, for coverage
        self.requests_received = 0  # every request that reached an operation, with or without a valid key
        self.last_request_id: str | None = None  # the x-request-id of the latest response
        self.app = Starlette(routes=self._routes(), middleware=[Middleware(RequestIds, on_issue=self._issued)])
        self.app.router.redirect_slashes = False
        # A path that matches no route: under the API's base path, the API's own JSON 404 (A39); elsewhere the
        # framework's. (A known path with another method still gets the router's 405, which comes before this.)
        self._framework_not_found = self.app.router.default
        self.app.router.default = self._no_such_path

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={self.stores.size(name)}" for name in self.stores)
        churn = f", churn={self.churn!r}" if self.churn is not None else ""
        return f"MockRotor({counts}, seed={self.seed}, daily_quota={self.keys.daily_quota}{churn})"

    @property
    def store(self) -> CustomerStore:
        """The customers."""
        customers = self.stores["customers"]
        assert isinstance(customers, CustomerStore)
        return customers

    @property
    def leads(self) -> LeadStore:
        leads = self.stores["leads"]
        assert isinstance(leads, LeadStore)
        return leads

    def reset(self) -> None:
        """Back to the seeded data, unspent quotas and churn not started (faults and coverage counts are kept)."""
        self.stores.reset()
        self.keys.used.clear()
        if self.churn is not None:
            self.churn.reset()

    def _issued(self, request_id: str) -> None:
        self.last_request_id = request_id

    @property
    def requests_served(self) -> int:
        """Requests counted against any key (the quota's view)."""
        return sum(self.keys.used.values())

    # -- the pipeline -----------------------------------------------------------------------------------------

    def _routes(self) -> list[Route]:
        by_path: dict[str, dict[str, dict[str, Any]]] = {}
        for path, method, op in _spec_operations():
            by_path.setdefault(path, {})[method.upper()] = op
        return [
            Route(BASE_PATH + path, self._endpoint(BASE_PATH + path, ops), methods=list(ops))
            for path, ops in by_path.items()
        ] + [Route(CHURN_PATH, self._churn_report, methods=["GET"])]

    async def _churn_report(self, request: Request) -> Response:
        """What churn has applied so far, for a served mock's user (no key needed: it is the mock's, not the
        API's). Reading it applies nothing, so its counts are exactly what the requests before it saw."""
        if self.churn is None:
            return json_response(404, error("This mock has no churn", "NOT_FOUND"))
        return json_response(200, self.churn.snapshot())

    async def _no_such_path(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(BASE_PATH + "/"):
            await self._framework_not_found(scope, receive, send)
            return
        self.requests_received += 1
        if self.churn is not None:
            self.churn.catch_up()  # as for any request (see ``_endpoint``)
        request = Request(scope, receive)
        try:
            # What the API does with any request: the key is checked and counted before the path is looked up.
            self.spend_quota(self.authenticate(request.headers.get("x-api-key")))
            raise not_found()
        except Reject as reject:
            response = json_response(reject.status, self.error_body(reject), reject.headers)
        await response(scope, receive, send)

    def _endpoint(self, template: str, ops: dict[str, dict[str, Any]]) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            self.requests_received += 1
            # Before the pipeline: the world changes with time, not with who asks, so a request refused for its key
            # or quota catches up too, and the first request of any kind starts churn's clock.
            if self.churn is not None:
                self.churn.catch_up()
            request.state.path_template = template  # for validation: the route matched, its params are decoded
            op = ops[request.method]
            response = await self.respond(request, op)
            self.statuses[(op["operationId"], response.status_code)] += 1
            return response

        return endpoint

    async def respond(self, request: Request, op: dict[str, Any]) -> Response:
        drawn = Drawn()
        try:
            key = self.authenticate(request.headers.get("x-api-key"))
            self.spend_quota(key)
            drawn = self.faults.draw(request.headers.get(FAULT_HEADER))
            if drawn.latency:
                await asyncio.sleep(drawn.latency)
            if drawn.status:
                retry = {"retry-after": f"{self.faults.retry_after:g}"} if self.faults.retry_after is not None else {}
                raise Reject(
                    drawn.status,
                    error("Service unavailable" if drawn.status == 503 else "Internal server error"),
                    retry if drawn.status == 503 else {},
                )
            operation = self.operations[op["operationId"]]
            self.check_scope(key, operation)
            params, body = await self.validate(request, op)
            store = None
            if operation.store is not None:
                # The built-in reads only read: they may use the shared pristine store. Any other handler (a write,
                # or a test's planted variant) gets this mock's own copy.
                reads = operation.handler in READ_ONLY_HANDLERS
                store = self.stores.reading(operation.store) if reads else self.stores[operation.store]
            status, payload = operation.handler(Call(key=key, params=params, body=body, store=store))
            response = json_response(status, payload)
        except Reject as reject:
            response = json_response(reject.status, self.error_body(reject), reject.headers)
        except Exception:
            response = json_response(500, self.error_body(Reject(500, error("Internal server error"))))
        if drawn.html and response.status_code < 400:
            return Response("<html><body>Bad gateway</body></html>", status_code=200, media_type="text/html")
        if drawn.drop or drawn.truncate:
            return _CutResponse(response, drop=drawn.drop)
        return response

    def authenticate(self, presented: str | None) -> ApiKey:
        if not presented:
            raise Reject(401, error("Authentication required. Provide x-api-key header.", "AUTHENTICATION_REQUIRED"))
        key = self.keys.authenticate(presented)
        if key is None:
            raise Reject(401, error("Invalid API key.", "AUTHENTICATION_REQUIRED"))
        return key

    def spend_quota(self, key: ApiKey) -> None:
        if not self.keys.spend(key):
            retry = {"retry-after": f"{self.faults.retry_after:g}"} if self.faults.retry_after is not None else {}
            message = f"Daily API key request limit of {self.keys.daily_quota} exceeded"
            raise Reject(429, error(message, "RATE_LIMIT_EXCEEDED"), retry)

    def check_scope(self, key: ApiKey, operation: Operation) -> None:
        if operation.scope != ANY_KEY and operation.scope not in key.scopes:
            message = f"Forbidden: required scope '{operation.scope}' not granted for this API key"
            raise Reject(403, error(message, "INSUFFICIENT_SCOPE"))

    async def validate(self, request: Request, op: dict[str, Any]) -> tuple[dict[str, Any], Any]:
        """Spec-driven: required headers must be present (openapi-core would fill their defaults), then every
        parameter and the body are checked against the spec: by the operation's validators compiled from the spec
        at startup (``rotor.testing.compiled``), which accept a valid request or write openapi-core's field errors
        for an invalid one, else (what they cannot vouch for) by openapi-core, whose answer is then served."""
        compiled = _compiled()[op["operationId"]]
        missing = [h for h in compiled.required_headers if h not in request.headers]
        if missing:
            raise validation_error([{"field": h, "message": "Missing required header"} for h in missing])
        strict = compiled.strict_query(request.query_params)
        if strict:
            raise validation_error(strict)
        body = await request.body()
        content_type = request.headers.get("content-type")
        sent = Sent(request.query_params, request.path_params, request.headers, content_type, body)
        if self.compiled_validation:
            accepted = compiled.accept(sent)
            if accepted is not None:
                return accepted
        if body and "json" in (content_type or ""):
            try:
                orjson.loads(body)  # openapi-core crashes on bytes that are not UTF-8; answer 400 like any bad JSON
            except orjson.JSONDecodeError:
                raise validation_error([{"field": "body", "message": "Body is not valid JSON"}]) from None
        if self.compiled_validation:
            rejected = compiled.reject(sent)
            if rejected:
                raise validation_error(rejected)
        # openapi-core, imported here (about 0.3 s): a mock whose requests are all valid never loads it.
        from rotor.testing import reference

        result = reference.unmarshal_request(request, body)
        if result.errors:
            raise validation_error([_field_error(e) for e in result.errors])
        params = {**result.parameters.query, **result.parameters.path, **result.parameters.header}
        return params, result.body

    def error_body(self, reject: Reject) -> dict[str, Any]:
        return reject.body


def _field_error(error: Exception) -> dict[str, str]:
    name = getattr(error, "name", None)
    cause = error.__cause__
    schema_errors = getattr(cause, "schema_errors", None)
    if schema_errors:
        first = schema_errors[0]
        path = ".".join(str(p) for p in first.path)
        return {"field": name or path or "body", "message": first.message}
    if name is None and cause is not None:
        return {"field": "body", "message": str(cause)}
    return {"field": name or "body", "message": str(cause or error)}
