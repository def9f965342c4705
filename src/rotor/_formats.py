"""Export row formats: JSON Lines or CSV, either gzip-compressed, chosen by the file name.

``export_format(path)`` reads the format from the name (``.jsonl``/``.ndjson``, ``.csv``, each optionally followed by
``.gz``) before any request is sent. ``open_rows(out, fmt, model, header=...)`` writes records of a generated
response model (``Customer``, ``Lead``) to a binary file the caller opened and will close, fsync and rename.

The same data whichever the format. Each record becomes one row object with every field of the model in the
model's attribute order (the spec's, except that the generator puts a nested model's required fields first), a
field the server left out or sent null as null, so every row has the same keys:

- JSON Lines: that object, one per line (orjson; UTF-8; nested objects stay objects, lists arrays). Fields the
  server sent that this SDK does not know (``additional_properties``) follow the known ones: an export should not
  lose data the server sent, and JSON readers need no fixed columns. Where a known field is null on the model but
  its raw value was kept (the tolerant decoder keeps a malformed value there), the raw value is written, as
  ``to_dict()`` does.
- CSV (``csv`` module, UTF-8, header row, ``\\r\\n`` line ends): one column per field, a nested object's fields
  flattened as ``<field>_<sub>`` (``address_city``); unknown fields are left out, so the columns never depend on the
  data (``csv_columns(model)``). Null is an empty cell, booleans ``true``/``false``, lists (tags, location) JSON
  arrays (``["vip","a,b"]``): a tag may contain a comma or a semicolon, and JSON round-trips any of them.

Exports write 100,000 rows: each model's row and cell functions are generated once (cached per class, as the
decoders in ``_decode`` are), so writing a row does no reflection.
"""

from __future__ import annotations

import csv
import datetime
import enum
import gzip
import io
import os
from collections.abc import Callable
from typing import Any, BinaryIO, Literal

import attrs
import orjson

from rotor._columns import EXPORT_COLUMNS
from rotor._exceptions import InvalidParameterError
from rotor._fields import fields, nested

Kind = Literal["jsonl", "csv"]
_KINDS: dict[str, Kind] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
_GZ = ".gz"
ACCEPTED = tuple(suffix + gz for suffix in _KINDS for gz in ("", _GZ))


@attrs.frozen
class ExportFormat:
    kind: Kind
    gzip: bool = False

    def __str__(self) -> str:
        return self.kind + (_GZ if self.gzip else "")


def export_format(path: str | os.PathLike[str]) -> ExportFormat:
    """The format a file name asks for (case-insensitively: ``CUSTOMERS.CSV`` is CSV)."""
    given = os.path.basename(os.fspath(path))
    name = given.lower()
    compressed = name.endswith(_GZ)
    stem = name.removesuffix(_GZ) if compressed else name
    for suffix, kind in _KINDS.items():
        if stem.endswith(suffix):
            return ExportFormat(kind, compressed)
    # The name as the user wrote it: the one they will look for.
    raise InvalidParameterError("path", f"the file name must end in one of {', '.join(ACCEPTED)}; got {given!r}")


# -- rows ------------------------------------------------------------------------------------------------------


@attrs.frozen
class _Plan:
    columns: tuple[str, ...]
    row: Callable[[Any], dict[str, Any]]  # model instance -> the row object (JSON Lines)
    cells: Callable[[dict[str, Any]], list[str]]  # row object -> CSV cells, in ``columns`` order


def _merge_extra(row: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if row.get(key) is None:  # unknown to the model, or a known field whose raw value the model could not hold
            row[key] = value


def _json_text(value: Any) -> str:
    return orjson.dumps(value).decode()


# A cell's text by the value's exact type: one dict lookup instead of a chain of isinstance checks per cell.
_CELLS: dict[type, Callable[[Any], str]] = {
    str: str,
    bool: lambda value: "true" if value else "false",
    int: repr,
    float: repr,  # orjson's spelling of the same number
    list: _json_text,  # lists, and an object where the spec has none: JSON text
    dict: _json_text,
    datetime.datetime: datetime.datetime.isoformat,
    datetime.date: datetime.date.isoformat,
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    kind = type(value)
    to_text = _CELLS.get(kind)
    if to_text is None:
        # An enum (its value) or a subclass of a known type: found once, then looked up like the others.
        base = next((b for b in kind.__mro__ if b in _CELLS), dict)
        to_text = (lambda v: _cell(v.value)) if issubclass(kind, enum.Enum) else _CELLS[base]
        _CELLS[kind] = to_text
    return to_text(value)


_plans: dict[type, _Plan] = {}


def _plan(model: type) -> _Plan:
    if model not in _plans:
        _plans[model] = _make_plan(model)
    return _plans[model]


def _make_plan(model: type) -> _Plan:
    ns: dict[str, Any] = {"_merge_extra": _merge_extra, "_cell": _cell}
    values, cells, columns = [], [], []
    # The recorded order (id first, fields a later API version adds last); a field not recorded keeps its place
    # after them, in attribute order (a model that is never exported).
    rank = {name: i for i, name in enumerate(EXPORT_COLUMNS.get(model.__name__, ()))}
    for index, field in enumerate(sorted(fields(model), key=lambda f: rank.get(f.key, len(rank)))):
        key = field.key
        model_of, as_list = nested(field.type)
        if model_of is None:
            values.append(f"{key!r}: o.{field.name}")
            # Most cells are text or empty: those skip the call (two million calls for a 100,000-row export).
            cells.append(f"('' if (v := r.get({key!r})) is None else v if type(v) is str else _cell(v))")
            columns.append(key)
            continue
        sub = _plan(model_of)
        ns[f"_row{index}"] = sub.row
        if as_list:
            values.append(f"{key!r}: None if o.{field.name} is None else [_row{index}(x) for x in o.{field.name}]")
            cells.append(f"_cell(r.get({key!r}))")  # a list of objects: one JSON cell
            columns.append(key)
            continue
        values.append(f"{key!r}: None if o.{field.name} is None else _row{index}(o.{field.name})")
        # Flattened from the row object, not the model: a raw object kept for a malformed field fills them too
        # (cells read with .get(), so such an object may lack fields).
        ns[f"_cells{index}"] = sub.cells
        ns[f"_blank{index}"] = [""] * len(sub.columns)
        cells.append(f"*(_cells{index}(n) if type(n := r.get({key!r})) is dict else _blank{index})")
        columns += [f"{key}_{column}" for column in sub.columns]
    source = (
        "def row(o):\n"
        f"    r = {{{', '.join(values)}}}\n"
        "    if o.additional_properties:\n"
        "        _merge_extra(r, o.additional_properties)\n"
        "    return r\n"
        "def cells(r):\n"
        f"    return [{', '.join(cells)}]\n"
    )
    exec(compile(source, f"<rows of {model.__name__}>", "exec"), ns)  # our own text, from attrs fields
    return _Plan(columns=tuple(columns), row=ns["row"], cells=ns["cells"])


def csv_columns(model: type) -> list[str]:
    """The CSV header for ``model``: its fields in the recorded order (``id`` first, a field a later API version
    adds last), nested objects flattened as ``<field>_<sub>``."""
    return list(_plan(model).columns)


# -- writing ---------------------------------------------------------------------------------------------------


class _Utf8:
    """What ``csv.writer`` writes to: each row's text, encoded, straight into the binary sink."""

    def __init__(self, sink: BinaryIO | gzip.GzipFile) -> None:
        self._write = sink.write

    def write(self, text: str) -> int:
        return self._write(text.encode())


class RowWriter:
    """Writes rows to ``out``; ``close()`` finishes the gzip member and flushes, but leaves ``out`` open."""

    def __init__(self, out: BinaryIO, fmt: ExportFormat, model: type, *, header: bool) -> None:
        self._out = out
        self._plan = _plan(model)
        # A new gzip member each time: appended to a resumed file, gzip readers read the members as one stream.
        # No file name or time in its header (the .part name would be recorded, and equal data gives equal bytes);
        # level 6, gzip's own default: 9 costs far more time for a few percent.
        self._gzip = gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=6, mtime=0) if fmt.gzip else None
        sink: BinaryIO | gzip.GzipFile = self._gzip if self._gzip is not None else out
        self._write = sink.write
        self._csv = csv.writer(_Utf8(sink)) if fmt.kind == "csv" else None
        if self._csv is not None and header:
            self._csv.writerow(self._plan.columns)
        self.rows = 0
        self.closed = False

    def write(self, item: Any) -> None:
        """One record, an instance of the model given to ``open_rows``."""
        row = self._plan.row(item)
        if self._csv is not None:
            self._csv.writerow(self._plan.cells(row))
        else:
            self._write(orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE))
        self.rows += 1

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self._gzip is not None:
            self._gzip.close()  # writes the member's trailer; a GzipFile never closes a file object it was given
        self._out.flush()


def open_rows(out: BinaryIO, fmt: ExportFormat, model: type, *, header: bool) -> RowWriter:
    """A writer of ``model`` rows onto ``out`` in ``fmt``; ``header=False`` continues a file (no CSV header)."""
    return RowWriter(out, fmt, model, header=header)


def read_ids(path: os.PathLike[str], fmt: ExportFormat, *, limit_bytes: int) -> list[str]:
    """The ids of the rows in the first ``limit_bytes`` of an export file: what a resumed export already wrote
    (its checkpoints fall between rows, and between gzip members)."""
    with open(path, "rb") as raw:
        data = raw.read(limit_bytes)
    if fmt.gzip:
        data = gzip.decompress(data)  # every member, as one stream
    if fmt.kind == "jsonl":
        return [orjson.loads(line)["id"] for line in data.splitlines() if line]
    return [row["id"] for row in csv.DictReader(io.StringIO(data.decode(), newline=""))]


def row_of(item: Any) -> dict[str, Any]:
    """One record as every format writes it (every field of its model, null where absent): the CLI's ``json``."""
    return _plan(type(item)).row(item)
