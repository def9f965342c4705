"""The API key never appears in a message, repr, log record or kept request; logging is opt-in."""

import logging
import os
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator

import httpx
import pytest
import respx

import rotor
from tests.conftest import API_KEY, BASE_URL, Flavor

FAILURES: dict[str, Callable[[respx.MockRouter], object]] = {
    "401": lambda r: r.get("/customers").respond(401, json={"status": "error", "message": "bad key", "error_code": "AUTHENTICATION_REQUIRED"}),
    "403 echoing the key": lambda r: r.get("/customers").respond(403, json={"status": "error", "message": f"key {API_KEY} lacks scope 'customers:read'"}),
    "429": lambda r: r.get("/customers").respond(429, json={"status": "error", "message": "quota", "error_code": "RATE_LIMIT_EXCEEDED"}),
    "503 after retries": lambda r: r.get("/customers").respond(503),
    "connection refused": lambda r: r.get("/customers").mock(side_effect=httpx.ConnectError(f"refused for {API_KEY}")),
    "timeout": lambda r: r.get("/customers").mock(side_effect=httpx.ReadTimeout("slow")),
    "not JSON": lambda r: r.get("/customers").respond(200, text=f"<html>{API_KEY}</html>"),
    "wrong envelope": lambda r: r.get("/customers").respond(200, json={"data": API_KEY}),
    "redirect": lambda r: r.get("/customers").respond(302, headers={"location": "https://elsewhere.example/"}),
}  # fmt: skip


def _reachable_requests(error: BaseException) -> Iterator[httpx.Request]:
    """Every request an exception lets its handler reach: its own, its response's, the redirect httpx prepared,
    and those of the exceptions chained to it (``from None`` hides __context__ from tracebacks, not from code)."""
    seen: BaseException | None = error
    while seen is not None:
        for holder in (seen, getattr(seen, "response", None)):
            for name in ("request", "next_request"):
                try:
                    request = getattr(holder, name, None)
                except RuntimeError:  # an httpx exception raised without a request
                    request = None
                if isinstance(request, httpx.Request):
                    yield request
        seen = seen.__cause__ or seen.__context__


@pytest.mark.parametrize(
    "key", [API_KEY, API_KEY + "\n", API_KEY + "\r\n", f" {API_KEY}\t"], ids=["plain", "LF", "CRLF", "padded"]
)
@pytest.mark.parametrize("scenario", FAILURES)
def test_failing_runs_never_show_the_key(
    router: respx.MockRouter, caplog: pytest.LogCaptureFixture, flavor: Flavor, scenario: str, key: str
) -> None:
    FAILURES[scenario](router)
    caplog.set_level(logging.DEBUG)  # everything, including httpx's and the retry log
    client = flavor.make(api_key=key)
    with pytest.raises(rotor.APIError) as info:
        flavor.run(client.customers.list)
    error = info.value
    seen = [
        str(error),
        repr(error),
        error.message,
        repr(client),
        repr(error.request),
        repr(error.request.headers),
        str(dict(error.request.headers)),
        "".join(traceback.format_exception(error)),
        *(record.getMessage() for record in caplog.records),
        caplog.text,
    ]
    if isinstance(error, rotor.APIStatusError | rotor.APIResponseValidationError):
        seen += [repr(error.response), str(dict(error.response.request.headers))]
    seen += [str(dict(request.headers)) for request in _reachable_requests(error)]
    leaks = [text for text in seen if API_KEY in text or repr(key)[1:-1] in text]
    assert leaks == []
    assert error.request.headers["x-api-key"] == "<redacted>"


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "ROTOR_LOG"} | env
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=full_env, check=True)


LOGGING_PROGRAM = f"""
import httpx, respx, rotor
with respx.mock(base_url="{BASE_URL}") as router:
    router.get("/auth/test").mock(side_effect=[httpx.Response(503, headers={{"retry-after": "0"}}), httpx.Response(200, json={{}})])
    rotor.Rotor(api_key="{API_KEY}", base_url="{BASE_URL}").auth.test()
"""


def test_logging_is_silent_by_default() -> None:
    assert _run(LOGGING_PROGRAM).stderr == ""


@pytest.mark.parametrize("level", ["debug", "info"])
def test_rotor_log_switches_it_on(level: str) -> None:
    stderr = _run(LOGGING_PROGRAM, ROTOR_LOG=level).stderr
    assert "retrying after InternalServerError" in stderr
    assert ("GET https://api.test.invalid/open-api/auth/test -> 200" in stderr) == (level == "debug")
    assert API_KEY not in stderr


def test_a_placeholder_key_does_not_garble_other_messages(caplog: pytest.LogCaptureFixture) -> None:
    # Keys shorter than MIN_SECRET_LENGTH are placeholders ("k"), not secrets: scrubbing them would eat every "k".
    Flavor(is_async=False).make(api_key="k")
    rotor._logging.logger.warning("the key travels unencrypted")
    assert [record.getMessage() for record in caplog.records] == ["the key travels unencrypted"]
