"""The TLS settings a client gets: for https, the CA bundle (loaded once per process and shared); for plain http,
where TLS never happens, a context that trusts no certificate and costs nothing to make."""

import os
import ssl

import pytest

from rotor import _base_client
from rotor._base_client import ssl_context
from tests.conftest import Flavor

LOCAL = "http://127.0.0.1:8000/open-api"


def _trusted_authorities(context: ssl.SSLContext) -> int:
    return context.cert_store_stats()["x509_ca"]


@pytest.fixture
def no_proxy_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.lower() in {"http_proxy", "https_proxy", "all_proxy"}:
            monkeypatch.delenv(name)


def test_https_gets_the_shared_ca_bundle() -> None:
    assert ssl_context("https://api.getrotor.com/open-api") is ssl_context()
    assert _trusted_authorities(ssl_context()) > 0


@pytest.mark.usefixtures("no_proxy_variables")
def test_plain_http_gets_a_context_that_would_fail_any_certificate() -> None:
    context = ssl_context(LOCAL)
    assert _trusted_authorities(context) == 0
    assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname  # fails closed, never open


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "https_proxy", "ALL_PROXY"])
def test_with_a_proxy_set_plain_http_keeps_the_bundle(monkeypatch: pytest.MonkeyPatch, variable: str) -> None:
    # httpx may reach the proxy itself over TLS.
    monkeypatch.setenv(variable, "https://proxy.invalid:3128")
    assert ssl_context(LOCAL) is ssl_context()


@pytest.mark.usefixtures("no_proxy_variables")
def test_each_client_gets_the_context_of_its_base_url(flavor: Flavor, monkeypatch: pytest.MonkeyPatch) -> None:
    given: list[ssl.SSLContext] = []
    real = _base_client.ssl_context

    def recorded(base_url: str | None = None) -> ssl.SSLContext:
        given.append(real(base_url))
        return given[-1]

    monkeypatch.setattr(_base_client, "ssl_context", recorded)
    for base_url in (LOCAL, "https://api.getrotor.com/open-api"):
        flavor.run(flavor.make(base_url=base_url).close)
    assert [_trusted_authorities(context) == 0 for context in given] == [True, False]
