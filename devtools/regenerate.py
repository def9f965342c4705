"""The main job: validate and lint the spec, regenerate the client, check drift, summarise.

Exit code: 0 when everything agrees, 1 when a check fails, 2 when the spec cannot be read or is invalid.
"""

import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import Future, ThreadPoolExecutor

from devtools import generate as generate  # re-exported: tests stub regenerate.generate.main
from devtools.paths import ROOT, SPEC
from devtools.spec_diff import diff_specs, report
from devtools.spec_io import Spec, SpecError, load_spec, read_spec, validate_spec


def _step(title: str) -> float:
    print(f"\n==> {title}", flush=True)
    return time.perf_counter()


def _pytest(*args: str) -> tuple[bool, str, float]:
    """A pytest run, its output kept to be printed under its own step (it may run beside another step)."""
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--no-header", *args], cwd=ROOT, capture_output=True, text=True
    )
    return proc.returncode == 0, proc.stdout + proc.stderr, time.perf_counter() - started


def _report(title: str, run: Future[tuple[bool, str, float]]) -> tuple[bool, float]:
    _step(title)
    ok, output, seconds = run.result()
    print(output.rstrip())
    return ok, seconds


def _api_diff_summary(spec: Spec) -> str:
    try:
        released = read_spec("HEAD:spec/openapi.yaml")
    except SpecError as exc:
        print(f"skipped: {exc}")
        return "no committed spec to compare with"
    changes = diff_specs(released, spec)
    print(report(changes))
    breaking = sum(c.breaking for c in changes)
    return f"{len(changes)} change(s), {breaking} breaking" + (" (see above)" if breaking else "")


def main() -> int:
    results: list[tuple[str, bool, float, str]] = []

    started = _step(f"validate {os.path.relpath(SPEC, ROOT)}")
    try:
        spec = load_spec(SPEC)
        validate_spec(spec)
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"OK: OpenAPI {spec['openapi']}, API version {spec['info']['version']}, {len(spec['paths'])} paths")
    results.append(
        ("spec is valid OpenAPI", True, time.perf_counter() - started, f"API version {spec['info']['version']}")
    )

    # The two pytest runs each run beside the steps after them (one waits on its own process while the other
    # generates or serves the mock): on two cores, minutes of checks take half the wall time. Each step's output
    # and result are still printed in the order below.
    pool = ThreadPoolExecutor(max_workers=1)
    lint = pool.submit(_pytest, "contract_tests/test_spec_lint.py")  # reads the spec alone

    started = _step("what changed in the API since the last commit (HEAD:spec/openapi.yaml)")
    results.append(("API diff vs HEAD", True, time.perf_counter() - started, _api_diff_summary(spec)))

    # The drift check below finds the package the step before generated kept by its inputs (devtools/generate.py,
    # CACHE_ENV) instead of running the generator again: what it checks is that generated/, the rendered layer and
    # the API pages now on disk are exactly what the spec produces. That the generator is deterministic is the
    # gate's test (contract_tests/test_generation.py runs it twice, uncached).
    kept = tempfile.TemporaryDirectory()
    os.environ.setdefault(generate.CACHE_ENV, kept.name)

    started = _step("regenerate generated/ from the spec")
    results.append(("regenerate", generate.main([]) == 0, time.perf_counter() - started, ""))

    started = _step("drift check (what is on disk is what the spec produces)")
    results.append(("no drift", generate.main(["--check"]) == 0, time.perf_counter() - started, ""))

    ok, seconds = _report("lint the spec (project rules)", lint)
    results.insert(1, ("spec lint", ok, seconds, ""))

    signatures = pool.submit(_pytest, "contract_tests/test_generated_matches_spec.py")  # after generation: it reads it

    # Imported late: the mock needs the freshly generated package.
    from devtools.contract import mock as verify_mock

    _step("contract: bounded schemathesis run against the built-in mock (127.0.0.1)")
    outcome = verify_mock.schemathesis_against_mock()
    results.append(("schemathesis vs mock", outcome.ok, outcome.seconds, outcome.detail))

    _step("smoke: every operation through the generated client against the mock")
    outcome = verify_mock.generated_client_smoke()
    results.append(("generated client smoke", outcome.ok, outcome.seconds, outcome.detail))

    ok, seconds = _report("generated code matches the spec (signatures, defaults, enums, version header)", signatures)
    results.insert(-2, ("generated signatures", ok, seconds, ""))
    pool.shutdown()

    print("\n==> summary")
    for name, passed, seconds, detail in results:
        print(f"  {'PASS' if passed else 'FAIL'}  {name:<26} {seconds:5.1f}s  {detail}")
    return 0 if all(passed for _, passed, _, _ in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
