"""Export row formats (JSON Lines for now; CSV and gzip arrive with the formats module)."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from rotor._exceptions import InvalidParameterError


class ExportFormat(enum.Enum):
    JSONL = "jsonl"


def export_format(path: Path) -> ExportFormat:
    if path.suffix in (".jsonl", ".ndjson"):
        return ExportFormat.JSONL
    raise InvalidParameterError("path", f"{path.name!r}: the name must end in .jsonl or .ndjson")


class RowWriter:
    def __init__(self, out: BinaryIO) -> None:
        self._out = out

    def write(self, item: Any) -> None:
        self._out.write(orjson.dumps(item.to_dict(), option=orjson.OPT_APPEND_NEWLINE))

    def close(self) -> None:
        pass


def open_rows(out: BinaryIO, fmt: ExportFormat, model: type[Any], *, header: bool) -> RowWriter:
    return RowWriter(out)


def read_ids(path: Path, fmt: ExportFormat, *, limit_bytes: int) -> list[str]:
    with path.open("rb") as f:
        data = f.read(limit_bytes)
    return [orjson.loads(line)["id"] for line in data.splitlines() if line]
