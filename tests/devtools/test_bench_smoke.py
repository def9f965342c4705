"""The benchmark harness runs end to end on small sizes (no timing is asserted: numbers belong in BENCHMARKS.md)."""

import os
import sys

from devtools import bench, bench_startup


def test_decode_bench_reports_its_ratios() -> None:
    result = bench.bench_decode(repeats=1)
    assert {"decode_vs_orjson", "decode_vs_generated", "orjson_ms", "sdk_ms", "generated_ms"} <= result.keys()
    assert all(value > 0 for value in result.values())


def test_export_bench_spends_exactly_the_floor() -> None:
    result = bench.bench_export(customers=2500)
    assert result["export_requests"] == result["export_requests_floor"] == 3
    assert result["export_requests_over_floor"] == 1.0
    assert {"export_concurrent_speedup", "export_vs_raw", "export_peak_mb", "export_speedup_ceiling"} <= result.keys()


def test_mock_bench_measures_the_mock_and_its_floor_on_the_same_bytes() -> None:
    result = bench.bench_mock(repeats=1, number=10)
    for limit in (50, 1000):
        assert result[f"mock_vs_floor_{limit}"] > 0
        assert result[f"mock_ms_per_request_{limit}"] > 0 and result[f"mock_floor_ms_per_request_{limit}"] > 0


def test_start_up_bench_alternates_each_command_with_its_floor() -> None:
    quiet = [sys.executable, "-c", "pass"]
    result = bench_startup._alternated({"floor": quiet, "same": quiet}, "floor", 2, os.environ)
    assert result["same_vs_floor"] > 0 and result["floor_s"] > 0
    low, high = result["same_vs_floor_spread"]
    assert low <= result["same_vs_floor"] <= high


def test_client_bench_reports_construction_after_the_first() -> None:
    result = bench_startup.bench_clients(repeats=3)
    assert {"client_first_ms", "client_next_ms", "async_client_next_ms", "bare_httpx_client_ms"} == result.keys()
