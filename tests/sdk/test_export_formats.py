"""Export row formats: the format from the file name; JSON Lines and CSV, plain or gzip, holding the same rows."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest

import rotor_generated.models as models
from devtools import columns, sdk_spec
from devtools.paths import ROOT, SPEC
from devtools.spec_io import load_spec
from rotor._decode import decode_model
from rotor._exceptions import InvalidParameterError
from rotor._formats import ExportFormat, _plan, csv_columns, export_format, open_rows
from rotor.testing import data, lead_data
from rotor_generated.models import Address, Customer, Lead

pytestmark = pytest.mark.spec_derived

FORMATS = [ExportFormat(kind, gz) for kind in ("jsonl", "csv") for gz in (False, True)]
MODELS = {Customer: data.generate, Lead: lead_data.generate}


def items(model: type, count: int = 80) -> list[Any]:
    return [decode_model(model, record) for record, _ in MODELS[model](count, 5)]


def write(fmt: ExportFormat, model: type, records: list[Any], *, header: bool = True, out: Any = None) -> bytes:
    out = out if out is not None else io.BytesIO()
    writer = open_rows(out, fmt, model, header=header)
    for item in records:
        writer.write(item)
    writer.close()
    assert not out.closed and writer.rows == len(records)  # the caller closes, fsyncs and renames
    return bytes(out.getvalue()) if isinstance(out, io.BytesIO) else b""


def text(fmt: ExportFormat, raw: bytes) -> str:
    return (gzip.decompress(raw) if fmt.gzip else raw).decode()


def expected_object(model: type, item: Any) -> dict[str, Any]:
    """What a JSON Lines row must hold: ``to_dict()`` (today's export_jsonl), with every absent field as null."""
    obj = {**dict.fromkeys(json_keys(model)), **json.loads(json.dumps(item.to_dict()))}
    if isinstance(obj.get("address"), dict):  # a nested object has every field too
        obj["address"] = {**dict.fromkeys(json_keys(Address)), **obj["address"]}
    return obj


def json_keys(model: type) -> list[str]:
    return [f.name.removesuffix("_") for f in attrs.fields(model) if f.name != "additional_properties"]


def flatten(obj: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in obj.items():
        if isinstance(value, dict):
            flat.update({f"{key}_{sub}": v for sub, v in value.items()})
        else:
            flat[key] = value
    return flat


def same(value: Any, cell: str) -> bool:
    """A CSV cell read back against the JSON value it stands for (the documented cell rules)."""
    if value is None:
        return cell == ""
    if isinstance(value, bool):
        return cell == ("true" if value else "false")
    if isinstance(value, int | float):
        return float(cell) == value
    if isinstance(value, list | dict):
        return bool(json.loads(cell) == value)
    return bool(cell == value)


@pytest.mark.parametrize(
    ("name", "kind", "gz"),
    [
        ("customers.jsonl", "jsonl", False),
        ("out/leads.ndjson", "jsonl", False),
        ("a.b.csv", "csv", False),
        ("customers.jsonl.gz", "jsonl", True),
        ("x.ndjson.gz", "jsonl", True),
        ("CUSTOMERS.CSV.GZ", "csv", True),
    ],
)
def test_the_format_comes_from_the_file_name(name: str, kind: str, gz: bool) -> None:
    assert export_format(name) == ExportFormat(kind, gz)  # type: ignore[arg-type]
    assert export_format(Path("/tmp") / name) == ExportFormat(kind, gz)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name", ["customers.json", "customers", "x.gz", "x.csv.zip", "x.jsonl.bz2", "csv", "x.tsv", "Leads-2026.TXT"]
)
def test_an_unknown_suffix_is_refused_naming_the_accepted_ones(name: str) -> None:
    with pytest.raises(InvalidParameterError) as info:
        export_format(Path("/tmp") / name)
    assert info.value.param == "path"
    assert repr(name) in str(info.value)  # the file name as given: case kept, no folder
    for suffix in (".jsonl", ".ndjson", ".csv", ".jsonl.gz", ".csv.gz"):
        assert suffix in str(info.value)


@pytest.mark.parametrize("model", list(MODELS), ids=lambda m: m.__name__)
@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.kind + (".gz" if f.gzip else ""))
def test_every_format_holds_the_same_rows(fmt: ExportFormat, model: type) -> None:
    records = items(model)
    expected = [expected_object(model, item) for item in records]
    written = text(fmt, write(fmt, model, records))
    if fmt.kind == "jsonl":
        assert written.endswith("\n")
        assert [json.loads(line) for line in written.splitlines()] == expected
        return
    rows = list(csv.reader(io.StringIO(written, newline="")))
    assert rows[0] == csv_columns(model) and len(rows) == len(records) + 1
    for obj, row in zip(expected, rows[1:], strict=True):
        flat = flatten(obj)
        mismatched = [c for c, cell in zip(rows[0], row, strict=True) if not same(flat.get(c), cell)]
        assert not mismatched, (mismatched, obj, row)


EXPORTED = [getattr(models, str(r.paginated.item_model)) for r in sdk_spec.read().exporting() if r.paginated]


@pytest.mark.parametrize("model", EXPORTED, ids=lambda m: m.__name__)
def test_the_csv_columns_follow_the_recorded_order_with_nested_objects_flattened(model: type) -> None:
    # Expected from the record and the spec (devtools.columns), apart from the SDK's own row plans.
    spec = load_spec(SPEC)
    assert csv_columns(model) == columns.flat(spec, columns.read(), model.__name__)
    assert csv_columns(model)[0] == "id"
    blank = model(**{f.name: None for f in attrs.fields(model) if f.name != "additional_properties"})
    assert list(_plan(model).row(blank)) == columns.read()[model.__name__]  # JSON Lines keys in the same order


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.kind + (".gz" if f.gzip else ""))
def test_records_missing_different_fields_give_the_same_columns(fmt: ExportFormat) -> None:
    sparse = [Customer(id="a", email="a@example.com"), Customer(id="b", tags=["vip"], notes="n")]
    outputs = [text(fmt, write(fmt, Customer, [item])) for item in sparse]
    if fmt.kind == "csv":
        headers = [out.splitlines()[0] for out in outputs]
        assert headers[0] == headers[1] == ",".join(csv_columns(Customer))
    else:
        keys = [list(json.loads(out)) for out in outputs]
        assert keys[0] == keys[1] and json.loads(outputs[0])["tags"] is None  # absent: null, not left out


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.kind + (".gz" if f.gzip else ""))
def test_a_resumed_file_is_continued_without_a_second_header(fmt: ExportFormat) -> None:
    records = items(Lead, 30)
    out = io.BytesIO()
    write(fmt, Lead, records[:12], out=out)
    write(fmt, Lead, records[12:], header=False, out=out)
    whole = write(fmt, Lead, records)
    # gzip: two members, which a gzip reader reads as one stream; the rows are those of one uninterrupted file.
    with gzip.open(io.BytesIO(out.getvalue())) if fmt.gzip else io.BytesIO(out.getvalue()) as resumed:
        assert resumed.read().decode() == text(fmt, whole)


def test_lists_survive_commas_semicolons_quotes_and_non_ascii() -> None:
    tags = ["a,b", "c;d", 'say "hi"', "naïve", ""]
    item = Customer(id="t", first_name="Zoë, Jr.", tags=tags, location=[1.5, -2.25])
    row = next(csv.DictReader(io.StringIO(write(ExportFormat("csv"), Customer, [item]).decode(), newline="")))
    assert json.loads(row["tags"]) == tags and json.loads(row["location"]) == [1.5, -2.25]
    assert row["first_name"] == "Zoë, Jr."
    line = json.loads(write(ExportFormat("jsonl"), Customer, [item]))
    assert line["tags"] == tags and line["first_name"] == "Zoë, Jr."


def test_unknown_fields_stay_in_json_lines_and_stay_out_of_csv() -> None:
    # The tolerant decoder keeps an unknown field, and the raw value of a malformed one, beside the model's fields.
    item = decode_model(
        Customer, {"id": "u", "created_at": "yesterday", "loyalty_tier": "gold", "address": {"street1": "1 Main"}}
    )
    line = json.loads(write(ExportFormat("jsonl"), Customer, [item]))
    assert list(line)[-1] == "loyalty_tier" and line["loyalty_tier"] == "gold"
    assert line["created_at"] == "yesterday" and line["address"] == {"street1": "1 Main"}  # as to_dict() has them
    assert line == {**expected_object(Customer, item), **item.to_dict()}
    header, row = csv.reader(io.StringIO(write(ExportFormat("csv"), Customer, [item]).decode(), newline=""))
    assert header == csv_columns(Customer) and "loyalty_tier" not in header
    cells = dict(zip(header, row, strict=True))
    assert cells["created_at"] == "yesterday" and cells["address_street1"] == "1 Main" and cells["address_city"] == ""


def test_a_gzip_member_records_no_file_name_and_no_time() -> None:
    with tempfile.NamedTemporaryFile(suffix=".csv.gz.part") as part:  # a real file: GzipFile reads its name
        write(ExportFormat("csv", gzip=True), Customer, items(Customer, 3), out=part.file)
        raw = Path(part.name).read_bytes()  # close() flushed it
    assert raw[3] == 0 and raw[4:8] == bytes(4)  # FLG: no FNAME; MTIME: 0 (equal rows, equal bytes)
    assert b".part" not in raw


def test_each_model_s_row_functions_are_built_once() -> None:
    assert _plan(Customer) is _plan(Customer) and _plan(Lead) is _plan(Lead)


def test_the_readme_lists_the_csv_columns() -> None:
    # The rendered block lives on the exports page of the docs (devtools/render_sdk.py renders it there).
    readme = (ROOT / "docs" / "exports.md").read_text()
    for resource in sdk_spec.read().exporting():
        match = re.search(rf"CSV columns of {resource.plural_words}: `([^`]*)`", readme)
        assert match is not None, f"docs/exports.md lists no CSV columns of {resource.name}"
        assert match.group(1).split(", ") == csv_columns(
            getattr(models, str(resource.paginated and resource.paginated.item_model))
        )
