"""Editing the spec: a version bump rewrites only the version's characters; any other edit is a ruamel round trip,
and an edit is never written in a way that reads back as other data."""

from typing import Any

import pytest
import yaml

from devtools import spec_edit
from devtools.spec_edit import round_trip, set_api_version
from devtools.spec_io import SpecError, parse_yaml

# Spacing, quoting and comment placement a ruamel round trip would normalise.
QUIRKY = """\
openapi:    3.1.0   # padded
info:
  title: "Quirky"
  version:   4.5.6
paths: {}
components:
  parameters:
    RotorApiVersion:
      name: rotor-api-version
      in: header
      schema: { type: string,   enum: [ '4.5.6' ],  default: "4.5.6", x-enum-varnames: [V4_5_6] }
  examples:
    echo:
         rotor_api_version: 4.5.6     # echoed
"""


def test_a_version_bump_changes_only_the_versions_characters() -> None:
    out = set_api_version(QUIRKY, "4.6.0")
    assert out == QUIRKY.replace("4.5.6", "4.6.0").replace("V4_5_6", "V4_6_0")


def test_the_round_trip_would_have_changed_more(monkeypatch: pytest.MonkeyPatch) -> None:
    # What the splice spares the file: the same bump as a round trip rewrites the quirks too (same data, other text).
    monkeypatch.setattr(spec_edit, "_spliced", lambda text, edit: None)
    out = set_api_version(QUIRKY, "4.6.0")
    assert yaml.safe_load(out) == yaml.safe_load(QUIRKY.replace("4.5.6", "4.6.0").replace("V4_5_6", "V4_6_0"))
    assert out != QUIRKY.replace("4.5.6", "4.6.0").replace("V4_5_6", "V4_6_0")


def test_an_edit_that_adds_a_key_is_a_round_trip_keeping_comments() -> None:
    out = round_trip(QUIRKY, lambda doc: doc["info"].__setitem__("x-added", "added"))
    assert yaml.safe_load(out)["info"]["x-added"] == "added"
    assert "# padded" in out and "# echoed" in out


@pytest.mark.parametrize("value", ["1.10", "true", "null", "2024-01-01", "0o17", "a: b", "", " padded"])
def test_a_value_that_would_read_as_other_data_is_never_written_plain(value: str) -> None:
    out = round_trip(QUIRKY, lambda doc: doc["info"].__setitem__("version", value))
    assert parse_yaml(out)["info"]["version"] == value  # as the project reads the spec (YAML 1.2)


def test_an_aliased_value_is_edited_in_one_place_only() -> None:
    text = "a: &v '4.5.6'\nb: *v\n"
    out = round_trip(text, lambda doc: doc.__setitem__("a", "2.0.0"))
    assert yaml.safe_load(out) == {"a": "2.0.0", "b": "4.5.6"}


def test_an_edit_writing_other_types_is_a_round_trip_that_keeps_them() -> None:
    # True == 1 and 5.0 == 5 in Python; in the file they are other values, which the splice must not drop.
    text = "info:\n  version: 4.5.6\nschema:\n  required: 1\n  minimum: 0\n  maximum: 5\n"

    def edit(doc: dict[str, Any]) -> None:
        doc["info"]["version"] = "4.6.0"
        doc["schema"].update(required=True, minimum=False, maximum=5.0)

    read = parse_yaml(round_trip(text, edit))
    assert [type(read["schema"][k]) for k in ("required", "minimum", "maximum")] == [bool, bool, float]


def test_text_the_spec_reader_refuses_is_refused_as_before() -> None:
    # Duplicate keys: PyYAML keeps the last, the spec's reader refuses the file; so does the edit.
    with pytest.raises(SpecError, match="not YAML"):
        round_trip("a: 4.5.6\nb: x\na: 4.5.6\n", lambda doc: doc.__setitem__("a", "4.6.0"))


def test_the_edit_sees_the_data_as_the_spec_is_read() -> None:
    # YAML 1.2: a plain 1:10 is a string (in YAML 1.1, the number 70), so the echo of that version follows the bump.
    text = (
        QUIRKY.replace("version:   4.5.6", "version:   1:10")
        .replace("'4.5.6'", "'1:10'")
        .replace('"4.5.6"', '"1:10"')
        .replace("rotor_api_version: 4.5.6", "rotor_api_version: '1:10'")
        .replace("V4_5_6", "V1_10")
    )
    out = set_api_version(text, "4.6.0")
    assert parse_yaml(out)["components"]["examples"]["echo"]["rotor_api_version"] == "4.6.0"
