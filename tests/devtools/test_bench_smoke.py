"""The benchmark harness runs end to end on small sizes (no timing is asserted: numbers belong in BENCHMARKS.md)."""

from devtools import bench


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
