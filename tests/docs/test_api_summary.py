"""docs/api.md has every public method of both clients, linked to its reference entry, and is what the code gives
today (scripts/generate writes it; the drift check compares it too). Spec-derived: the in-gate bump rehearsal runs
it on a copy with a new operation, which must appear with no hand edit."""

from __future__ import annotations

import pytest

from devtools import api_docs
from devtools.paths import ROOT
from tests.docs.test_site import public_methods

pytestmark = pytest.mark.spec_derived


def test_every_public_method_of_both_clients_is_in_the_api_summary() -> None:
    text = (ROOT / api_docs.API_MD).read_text(encoding="utf-8")
    missing = [path for path in public_methods() if f"][{path}]" not in text]
    assert missing == [], f"docs/api.md has no entry for: {missing} (run scripts/generate)"


def test_the_generated_pages_are_current() -> None:
    for relative, text in api_docs.render(ROOT / "src", ROOT / "generated").items():
        assert (ROOT / relative).read_text(encoding="utf-8") == text, f"{relative} is stale: run scripts/generate"
