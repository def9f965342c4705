"""The spec reader parses each text once per process and still hands every caller data of its own."""

from collections.abc import Iterator
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError

from devtools import spec_io

TEXT = (
    "openapi: 3.1.0\ninfo: {title: x, version: 4.5.6}\npaths:\n  /x: {get: {responses: {'200': {description: ok}}}}\n"
)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The texts the YAML library is asked to parse, from an empty cache."""
    asked: list[str] = []

    class CountingYAML(YAML):
        def load(self, stream: Any) -> Any:
            asked.append(stream)
            return super().load(stream)

    monkeypatch.setattr(spec_io, "YAML", CountingYAML)
    spec_io._parsed.cache_clear()
    yield asked
    spec_io._parsed.cache_clear()


def test_a_text_read_again_is_not_parsed_again(parses: list[str]) -> None:
    first, again = spec_io.parse_yaml(TEXT), spec_io.parse_yaml(TEXT)
    assert first == again
    assert parses == [TEXT]
    spec_io.parse_yaml(TEXT.replace("4.5.6", "4.5.7"))
    assert len(parses) == 2


def test_each_read_is_the_callers_own_to_edit(parses: list[str]) -> None:
    edited = spec_io.parse_yaml(TEXT)
    edited["info"]["version"] = "9.9.9"
    edited["paths"].clear()
    assert spec_io.parse_yaml(TEXT)["info"] == {"title": "x", "version": "4.5.6"}
    assert spec_io.parse_yaml(TEXT)["paths"]


def test_a_text_that_does_not_parse_is_refused_every_time(parses: list[str]) -> None:
    twice = "a: 1\na: 2\n"
    for _ in range(2):
        with pytest.raises(DuplicateKeyError):
            spec_io.parse_yaml(twice)
    assert parses == [twice, twice]
