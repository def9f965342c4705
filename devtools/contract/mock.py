"""Verification against the built-in mock, for the main job: a bounded schemathesis run and a smoke test of the
generated client. Nothing leaves 127.0.0.1 and no API key is needed."""

import importlib
import re
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from typing import Any

import attrs

import rotor_generated.models as models
from devtools import sdk_spec
from devtools.contract.runner import failure_codes, schemathesis_cli
from devtools.paths import SPEC
from devtools.sdk_spec import Method, Shape
from devtools.spec_io import load_spec
from rotor.testing import LiveMockRotorAPI, MockRotor
from rotor_generated import AuthenticatedClient
from rotor_generated.types import Response


@attrs.frozen
class Outcome:
    ok: bool
    detail: str
    seconds: float


# schemathesis runs its phases one after another on one core (its workers are threads sharing one interpreter). The
# phases run here as three processes, each against a mock of its own seeded alike (what one sees does not depend on
# another's timing; the mocks are threads of this process): 23-25 s became 16-18 s on two cores. The stateful phase
# runs alone: how many scenarios it draws depends on what ran before it in its process (measured: 35 alone, 40
# after all three others, 12-16 after some of them, following 5 links instead of 7).
PHASE_GROUPS = ("coverage", "examples,fuzzing", "stateful")


def _summed(outputs: list[str]) -> str:
    """The runs' summary lines added up ("1558 generated, 1558 passed, 62 skipped"): schemathesis names only the
    counts that are not zero, so each label is summed over the runs that name it."""
    totals: dict[str, int] = {}
    for output in outputs:
        line = re.search(r"\d+ generated[^\n]*", output)
        if line is None:
            return "no summary line in a schemathesis output"
        for count, label in re.findall(r"(\d+) ([a-z]+)", line.group(0)):
            totals[label] = totals.get(label, 0) + int(count)
    return ", ".join(f"{count} {label}" for label, count in totals.items())


def schemathesis_against_mock(max_examples: int = 30) -> Outcome:
    started = time.perf_counter()
    with ExitStack() as stack, ThreadPoolExecutor(len(PHASE_GROUPS)) as pool:
        lives = [
            stack.enter_context(LiveMockRotorAPI(MockRotor(customers=300, daily_quota=10**9))) for _ in PHASE_GROUPS
        ]
        runs = [
            pool.submit(schemathesis_cli, live.base_url, "--max-examples", str(max_examples), "--phases", phases)
            for live, phases in zip(lives, PHASE_GROUPS, strict=True)
        ]
        results = [run.result() for run in runs]
    detail = _summed([result.stdout for result in results])
    failed = [result for result in results if result.returncode != 0]
    if failed:
        codes = set().union(*(failure_codes(result.stdout) for result in failed))
        detail += f"; failures: {', '.join(sorted(codes)) or 'see output'}"
        for result in failed:
            print(result.stdout[-4000:])
    return Outcome(not failed, detail, time.perf_counter() - started)


def _example_body(method: Method) -> Any:
    """The request body of the operation's first example in the spec, as its generated model."""
    op = load_spec(SPEC)["paths"][method.path][method.http_method]
    examples = op["requestBody"]["content"]["application/json"]["examples"]
    body_model = getattr(models, str(method.body_model))
    return body_model.from_dict(next(iter(examples.values()))["value"])


def _call(method: Method, client: AuthenticatedClient, ids: dict[str, str]) -> Response[Any]:
    """One operation through its generated module, with what its shape needs: a page of 5, the spec's example
    body, an id read from the same resource, or nothing."""
    send = importlib.import_module(method.module).sync_detailed
    response: Response[Any]
    if method.shape is Shape.PAGINATED_LIST:
        response = send(client=client, limit=5)
    elif method.shape is Shape.UPSERT:
        response = send(client=client, body=_example_body(method))
    elif method.shape is Shape.RETRIEVE:
        response = send(ids[method.tag], client=client)
    else:
        response = send(client=client)
    return response


def _answer_ok(method: Method, response: Response[Any]) -> bool:
    parsed = response.parsed
    if response.status_code not in (200, 201) or not isinstance(parsed, getattr(models, method.response_model)):
        return False
    data = getattr(parsed, "data", None)
    if method.shape in (Shape.PAGINATED_LIST, Shape.WHOLE_LIST):
        return isinstance(data, list) and bool(data)
    if method.shape is Shape.RETRIEVE:
        return data is not None
    return True


def generated_client_smoke() -> Outcome:
    """Every operation of the spec through the generated client (no SDK layer), each answer of the spec's type.

    The operations and what each needs come from the spec (``devtools.sdk_spec``), so a new operation is covered
    without a line here, and the count is the spec's."""
    started = time.perf_counter()
    methods = [method for _, method in sdk_spec.read().operations()]
    # Lists and calls first, upserts next: a retrieve reads back a record one of them returned.
    order = {Shape.PAGINATED_LIST: 0, Shape.WHOLE_LIST: 0, Shape.CALL: 0, Shape.UPSERT: 1, Shape.RETRIEVE: 2}
    checks: dict[str, bool] = {}
    ids: dict[str, str] = {}
    with LiveMockRotorAPI(MockRotor(customers=50, leads=50)) as live:
        client = AuthenticatedClient(
            base_url=live.base_url, token=live.api_key, prefix="", auth_header_name="x-api-key"
        )
        with client:
            for method in sorted(methods, key=lambda m: order[m.shape]):
                try:
                    response = _call(method, client, ids)
                except Exception as exc:  # any failure of one operation is reported with the others
                    print(f"  {method.operation_id}: {type(exc).__name__}: {exc}")
                    checks[method.operation_id] = False
                    continue
                checks[method.operation_id] = _answer_ok(method, response)
                record = response.parsed
                data = getattr(record, "data", None)
                found = getattr(data[0] if isinstance(data, list) and data else record, "id", None)
                if isinstance(found, str):
                    ids[method.tag] = found
    failed = [name for name, ok in checks.items() if not ok]
    detail = f"{len(checks) - len(failed)}/{len(methods)} operations OK" + (f"; failed: {failed}" if failed else "")
    return Outcome(not failed and len(checks) == len(methods), detail, time.perf_counter() - started)
