"""scripts/bench [--quick] [--json]: the costs users feel, each against its floor, measured in one run.

1. CPU to decode a realistic 1,000-customer page: the SDK's default path vs ``orjson.loads`` of the same bytes
   (the floor) and vs the generated client's own path (stdlib json + ``from_dict``); and cattrs, if installed.
2. A full export from the mock on 127.0.0.1 (its own process, its store seeded before any timing) with 50 ms
   latency per request: the SDK sequential, the SDK concurrent, a raw httpx + orjson loop at the same concurrency
   (the floor), and that loop receiving pages without parsing them (the ceiling this machine allows).
3. Requests spent per export vs ceil(N / 1000), and peak memory while streaming an export to JSON Lines.
4. The mock's own cost per request: ``GET /customers?limit=50`` (and ``limit=1000``) from one sequential client,
   the mock in its own process with no added latency, against a bare Starlette app in another process answering
   the same bytes to the same client (the floor: what uvicorn, Starlette and the client cost on their own).

Ratios, not timings, are the result: these machines are noisy, and a ratio measured within one run is not.
"""

import argparse
import asyncio
import datetime
import enum
import gc
import importlib
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import types
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import httpx
import orjson

import rotor_generated.models as _models
from devtools import bench_startup
from devtools.bench_cli import bench_cli_export
from rotor import API_VERSION, AsyncRotor, Rotor
from rotor._base_client import decode_response
from rotor._decode import gc_paused
from rotor._fields import json_name
from rotor.resources import _decoders
from rotor.testing import MockRotor
from rotor.testing.store import Filters
from rotor_generated import Client
from rotor_generated.api.customers import list_customers
from rotor_generated.models import CustomerListResponse

CUSTOMER_PAGE = _decoders.page(CustomerListResponse)  # what client.customers.list decodes with

CONCURRENCY = 8
LATENCY = 0.05


def _median_ms(fn: Callable[[], object], repeats: int, number: int) -> float:
    gc.collect()
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - started) / number * 1000)
    return statistics.median(samples)


def bench_decode(repeats: int) -> dict[str, float]:
    mock = MockRotor(customers=1000, seed=1)
    items, pagination = mock.store.page(Filters(archived=True), limit=1000, page=1)
    body = orjson.dumps({"data": items, "pagination": pagination, "status": "success"})
    request = httpx.Request("GET", "http://127.0.0.1/open-api/customers")
    generated_client = Client(base_url="http://127.0.0.1/open-api")

    def sdk() -> object:
        return decode_response(httpx.Response(200, content=body, request=request), CUSTOMER_PAGE)

    def generated() -> object:
        response = httpx.Response(200, content=body, request=request)
        return list_customers._build_response(client=generated_client, response=response).parsed

    # Interleaved, so that a burst of load from elsewhere lands on the floor and the SDK alike.
    floor_samples, sdk_samples, ratios = [], [], []
    for _ in range(repeats):
        floor_samples.append(_median_ms(lambda: orjson.loads(body), 1, 10))
        sdk_samples.append(_median_ms(sdk, 1, 10))
        ratios.append(sdk_samples[-1] / floor_samples[-1])
    floor = statistics.median(floor_samples)
    sdk_ms = statistics.median(sdk_samples)
    generated_ms = _median_ms(generated, repeats, 10)
    results = {
        "page_kib": len(body) / 1024,
        "orjson_ms": floor,
        "sdk_ms": sdk_ms,
        "generated_ms": generated_ms,
        "decode_vs_orjson": statistics.median(ratios),
        "decode_vs_generated": sdk_ms / generated_ms,
    }
    cattrs_ms = _cattrs_ms(body, repeats)
    if cattrs_ms is not None:
        results |= {"cattrs_ms": cattrs_ms, "decode_cattrs_vs_orjson": cattrs_ms / floor}
    return results


def _cattrs_ms(body: bytes, repeats: int) -> float | None:
    """The same page structured by cattrs (when installed: it is not a dependency), with the hooks the generated
    models need (ISO date-times, ``Enum | str``, renamed keys); checked to build models equal to the SDK's."""
    try:
        cattrs = importlib.import_module("cattrs")
        gen = importlib.import_module("cattrs.gen")
    except ImportError:
        return None
    every = {name: getattr(_models, name) for name in _models.__all__}  # the package imports each lazily
    for model in every.values():
        if isinstance(model, type) and attrs.has(model):
            attrs.resolve_types(model, localns=every)
    converter = cattrs.Converter()
    converter.register_structure_hook(datetime.datetime, lambda v, _: datetime.datetime.fromisoformat(v))

    def enum_or_str(tp: Any) -> bool:
        args = typing.get_args(tp) if typing.get_origin(tp) in (typing.Union, types.UnionType) else ()
        return str in args and any(isinstance(a, type) and issubclass(a, enum.Enum) for a in args)

    def enum_or_str_hook(tp: Any) -> Callable[[Any, Any], Any]:
        table = {m.value: m for a in typing.get_args(tp) if isinstance(a, type) and issubclass(a, enum.Enum) for m in a}
        return lambda v, _: None if v is None else table.get(v, v)

    def model_hook(cls: type) -> Any:
        renamed = {f.name: gen.override(rename=json_name(f.name)) for f in attrs.fields(cls)
                   if f.name != "additional_properties" and json_name(f.name) != f.name}  # fmt: skip
        return gen.make_dict_structure_fn(cls, converter, **renamed)

    converter.register_structure_hook_factory(enum_or_str, enum_or_str_hook)
    converter.register_structure_hook_factory(lambda t: isinstance(t, type) and attrs.has(t), model_hook)

    def structure() -> Any:
        with gc_paused():
            return converter.structure(orjson.loads(body), CustomerListResponse)

    ours = decode_response(httpx.Response(200, content=body), _decoders.whole(CustomerListResponse))
    assert structure() == ours, "cattrs and the SDK build different models"
    return _median_ms(structure, repeats, 3)


@contextmanager
def served_mock(customers: int, latency: float = LATENCY) -> Iterator[tuple[str, str]]:
    """The mock in its own process, so its CPU does not share a GIL with the client being measured."""
    cmd = [sys.executable, "-m", "rotor.testing", "--customers", str(customers), "--daily-quota", str(10**9),
           "--latency", str(latency)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})  # fmt: skip
    try:
        assert proc.stdout is not None
        base_url = proc.stdout.readline().strip().split("=", 1)[1]
        api_key = proc.stdout.readline().strip().split("=", 1)[1]
        deadline = time.monotonic() + 120
        while True:
            try:
                httpx.get(base_url + "/auth/test", headers={"x-api-key": api_key, "rotor-api-version": API_VERSION})
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        # The mock seeds a store on its first use (seconds for 100,000 customers), which is not a cost of any client,
        headers = {"x-api-key": api_key, "rotor-api-version": API_VERSION}
        for archived in ("false", "true"):  # and caches each query's matches (the exports list archived=true)
            params = {"limit": 1, "archived": archived}
            httpx.get(base_url + "/customers", params=params, headers=headers, timeout=600).raise_for_status()
        yield base_url, api_key
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()


class Counter:
    def __init__(self) -> None:
        self.requests = 0

    def hook(self, request: httpx.Request) -> None:
        self.requests += 1

    async def ahook(self, request: httpx.Request) -> None:
        self.requests += 1


def _sdk_sequential(base_url: str, api_key: str) -> tuple[float, int, int]:
    counter = Counter()
    with (
        httpx.Client(event_hooks={"request": [counter.hook]}) as http,
        Rotor(api_key=api_key, base_url=base_url, http_client=http) as client,
    ):
        started = time.perf_counter()
        count = sum(1 for _ in client.customers.list(archived=True))
        return time.perf_counter() - started, count, counter.requests


async def _sdk_concurrent(base_url: str, api_key: str) -> tuple[float, int, int]:
    counter = Counter()
    limits = httpx.Limits(max_connections=CONCURRENCY * 2)
    async with (
        httpx.AsyncClient(event_hooks={"request": [counter.ahook]}, limits=limits) as http,
        AsyncRotor(api_key=api_key, base_url=base_url, http_client=http) as client,
    ):
        started = time.perf_counter()
        page = await client.customers.list(archived=True)
        count = 0
        async for _ in page.iter_items(concurrency=CONCURRENCY):
            count += 1
        return time.perf_counter() - started, count, counter.requests


async def _raw_concurrent(base_url: str, api_key: str, *, parse: bool = True) -> tuple[float, int]:
    """httpx + orjson at the same concurrency. ``parse=False``: the pages after the first are received and
    dropped unparsed (the transport alone: what the export would take if a page cost the client nothing)."""
    headers = {"x-api-key": api_key, "rotor-api-version": API_VERSION}
    limits = httpx.Limits(max_connections=CONCURRENCY * 2)
    async with httpx.AsyncClient(headers=headers, limits=limits) as http:
        semaphore = asyncio.Semaphore(CONCURRENCY)

        async def fetch(page: int, parse: bool = parse) -> Any:
            async with semaphore:
                response = await http.get(
                    base_url + "/customers", params={"archived": "true", "limit": 1000, "page": page}
                )
                return orjson.loads(response.content) if parse else {"data": [None] * 1000}

        started = time.perf_counter()
        first = await fetch(1, parse=True)
        total = first["pagination"]["total"]
        pages = math.ceil(total / 1000)
        rest = await asyncio.gather(*(fetch(n) for n in range(2, pages + 1)))
        count = len(first["data"]) + sum(len(p["data"]) for p in rest)
        return time.perf_counter() - started, min(count, total)


def _streaming_peak_mb(base_url: str, api_key: str) -> tuple[float, float]:
    """Peak traced memory while streaming to JSONL, and for holding the same export as a list (the contrast)."""
    with Rotor(api_key=api_key, base_url=base_url) as client, tempfile.TemporaryDirectory() as tmp:
        tracemalloc.start()
        client.customers.export(Path(tmp) / "export.jsonl", archived=True)
        streaming = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.reset_peak()
        everything = list(client.customers.list(archived=True))
        held = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        del everything
    return streaming, held


def bench_export(customers: int) -> dict[str, float]:
    with served_mock(customers) as (base_url, api_key):
        floor_requests = math.ceil(customers / 1000)
        seq_s, seq_count, seq_requests = _sdk_sequential(base_url, api_key)
        conc_s, conc_count, conc_requests = asyncio.run(_sdk_concurrent(base_url, api_key))
        raw_s, raw_count = asyncio.run(_raw_concurrent(base_url, api_key))
        transport_s, _ = asyncio.run(_raw_concurrent(base_url, api_key, parse=False))
        assert seq_count == conc_count == raw_count == customers, (seq_count, conc_count, raw_count)
        streaming_mb, held_mb = _streaming_peak_mb(base_url, api_key)
        cli = bench_cli_export(base_url, api_key, CONCURRENCY)
    return cli | {
        "export_customers": customers,
        "export_sequential_s": seq_s,
        "export_concurrent_s": conc_s,
        "export_raw_s": raw_s,
        "export_concurrent_speedup": seq_s / conc_s,
        "export_vs_raw": conc_s / raw_s,
        "export_transport_s": transport_s,
        # The speedup if the concurrent client spent nothing on a page beyond receiving it: what this machine allows.
        "export_speedup_ceiling": seq_s / transport_s,
        "export_vs_ceiling": transport_s / conc_s,  # the share of what the machine allows that the export reaches
        "export_requests": conc_requests,
        "export_requests_floor": floor_requests,
        "export_requests_over_floor": max(seq_requests, conc_requests) / floor_requests,
        "export_peak_mb": streaming_mb,
        "export_all_in_memory_mb": held_mb,
    }


def serve_floor(body_file: str, path: str) -> None:
    """The floor for the mock: a bare Starlette app answering ``path`` with the bytes in ``body_file``, served by
    uvicorn exactly as the mock is (``MockServer``'s settings). Runs in its own process (see ``served_floor``)."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    from rotor.testing.server import free_port

    body = Path(body_file).read_bytes()

    async def endpoint(request: Request) -> Response:
        return Response(body, media_type="application/json")

    port = free_port()
    app = Starlette(routes=[Route(path, endpoint)])
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="off")
    print(f"BASE_URL=http://127.0.0.1:{port}", flush=True)
    uvicorn.Server(config).run()


@contextmanager
def served_floor(body: bytes, path: str) -> Iterator[str]:
    with tempfile.TemporaryDirectory() as tmp:
        body_file = Path(tmp) / "body.json"
        body_file.write_bytes(body)
        code = f"from devtools.bench import serve_floor; serve_floor({str(body_file)!r}, {path!r})"
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})  # fmt: skip
        try:
            assert proc.stdout is not None
            root = proc.stdout.readline().strip().split("=", 1)[1]
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(root + path)
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            yield root
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            if proc.stdout is not None:
                proc.stdout.close()


def _ms_per_request(http: httpx.Client, url: str, params: dict[str, Any], number: int) -> float:
    started = time.perf_counter()
    for _ in range(number):
        http.get(url, params=params).raise_for_status()
    return (time.perf_counter() - started) / number * 1000


def bench_mock(repeats: int, number: int) -> dict[str, float]:
    """ms per request of the mock and of its floor, alternating blocks of ``number`` requests on one client."""
    results: dict[str, float] = {}
    with served_mock(2500, latency=0.0) as (base_url, api_key):
        headers = {"x-api-key": api_key, "rotor-api-version": API_VERSION}
        path = "/open-api/customers"
        for limit in (50, 1000):
            params = {"limit": limit}
            with httpx.Client(headers=headers) as http:
                body = http.get(base_url + "/customers", params=params).content
                with served_floor(body, path) as floor_root:
                    floor_body = http.get(floor_root + path, params=params).content
                    assert floor_body == body
                    n = max(number // (4 if limit == 1000 else 1), 10)
                    for url in (base_url + "/customers", floor_root + path):  # warm both
                        _ms_per_request(http, url, params, 10)
                    mock_ms, floor_ms = [], []
                    for _ in range(repeats):
                        mock_ms.append(_ms_per_request(http, base_url + "/customers", params, n))
                        floor_ms.append(_ms_per_request(http, floor_root + path, params, n))
            mock = statistics.median(mock_ms)
            floor = statistics.median(floor_ms)
            results |= {
                f"mock_ms_per_request_{limit}": mock,
                f"mock_floor_ms_per_request_{limit}": floor,
                f"mock_vs_floor_{limit}": mock / floor,
            }
    return results


def bench_feel(rounds: int, fixture_tests: int) -> dict[str, Any]:
    """Start-up, client construction and a consumer's tests on the fixtures (``devtools/bench_startup.py``)."""
    with served_mock(2500, latency=0.0) as (base_url, api_key):
        headers = {"x-api-key": api_key, "rotor-api-version": API_VERSION}
        customer_id = httpx.get(base_url + "/customers", params={"limit": 1}, headers=headers).json()["data"][0]["id"]
        results = bench_startup.bench_startup(base_url, api_key, customer_id, rounds)
    results |= bench_startup.bench_clients(repeats=50)
    results |= bench_startup.bench_fixtures(fixture_tests, rounds=max(3, rounds // 3))
    return results


RATIOS = [
    "mock_vs_floor_50",
    "mock_vs_floor_1000",
    "decode_vs_orjson",
    "decode_vs_generated",
    "export_concurrent_speedup",
    "export_vs_raw",
    "export_requests_over_floor",
    "cli_export_vs_sdk",
    "export_vs_ceiling",
    "import_rotor_vs_httpx",
    "rotor_version_vs_httpx",
    "rotor_help_vs_httpx",
    "rotor_get_vs_httpx_get",
    "rotor_mock_vs_respx",
    "rotor_mock_server_vs_respx",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20,000-customer export and fewer repeats (< 3 min)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    customers = 20_000 if args.quick else 100_000
    results: dict[str, Any] = {
        "machine": f"Python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}",
        "latency_ms": LATENCY * 1000,
        "concurrency": CONCURRENCY,
    }
    results |= bench_decode(repeats=5 if args.quick else 15)
    results |= bench_mock(repeats=5 if args.quick else 9, number=100 if args.quick else 200)
    results |= bench_export(customers)
    results |= bench_feel(rounds=5 if args.quick else 15, fixture_tests=50)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    r = results
    print(f"# {r['machine']}; page {r['page_kib']:.0f} KiB; {customers:,} customers at {LATENCY * 1000:.0f} ms latency")
    for name in RATIOS:
        spread = r.get(f"{name}_spread")
        print(f"{name}: {r[name]:.2f}" + (f" (rounds: {spread[0]:.2f} to {spread[1]:.2f})" if spread else ""))
    print(f"client_next_ms: {r['client_next_ms']:.2f} (async {r['async_client_next_ms']:.2f}; the first client "
          f"{r['client_first_ms']:.0f} ms, a bare httpx.Client() {r['bare_httpx_client_ms']:.0f} ms)")  # fmt: skip
    print(f"# from rotor import Rotor: {r['from_rotor_import_rotor_vs_httpx']:.2f}x import httpx "
          f"({r['startup_import_httpx_s'] * 1000:.0f} ms); rotor customers get: "
          f"{r['startup_rotor_get_s'] * 1000:.0f} ms, httpx GET: {r['startup_httpx_get_s'] * 1000:.0f} ms")  # fmt: skip
    print(f"# {r['fixture_tests']} consumer tests, whole pytest process per test, ms: "
          f"respx {r['respx_ms_per_test']:.0f}, rotor_mock {r['rotor_mock_ms_per_test']:.0f}, "
          f"rotor_mock_server {r['rotor_mock_server_ms_per_test']:.0f}")  # fmt: skip
    print(f"rotor_mock_vs_respx_steady: {r['rotor_mock_vs_respx_steady']:.2f}; rotor_mock_server_vs_respx_steady: "
          f"{r['rotor_mock_server_vs_respx_steady']:.2f} (each test's own time, the first of a run aside, ms: respx "
          f"{r['respx_steady_ms_per_test']:.1f}, rotor_mock {r['rotor_mock_steady_ms_per_test']:.1f}, "
          f"rotor_mock_server {r['rotor_mock_server_steady_ms_per_test']:.1f})")  # fmt: skip
    print(f"export_peak_mb: {r['export_peak_mb']:.1f}")
    print(f"# holding the same export as a list instead: {r['export_all_in_memory_mb']:.1f} MB")
    print(f"# decode ms: orjson {r['orjson_ms']:.2f}, sdk {r['sdk_ms']:.2f}, generated {r['generated_ms']:.2f}", end="")
    print(f", cattrs {r['cattrs_ms']:.2f}" if "cattrs_ms" in r else " (cattrs not installed)")
    for limit in (50, 1000):
        print(f"# mock ms per request, limit={limit}: mock {r[f'mock_ms_per_request_{limit}']:.2f}, ", end="")
        print(f"floor (bare Starlette, same bytes) {r[f'mock_floor_ms_per_request_{limit}']:.2f}")
    print(f"# export s: sequential {r['export_sequential_s']:.2f}, concurrent {r['export_concurrent_s']:.2f}, ", end="")
    print(f"raw {r['export_raw_s']:.2f}, transport alone {r['export_transport_s']:.2f} ", end="")
    print(f"(speedup ceiling {r['export_speedup_ceiling']:.2f}); ", end="")
    print(f"requests {r['export_requests']} (floor {r['export_requests_floor']})")
    print(f"# rotor customers export: {r['cli_export_s']:.2f} s, the SDK's export: {r['sdk_export_s']:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
