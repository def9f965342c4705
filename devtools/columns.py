"""The recorded column order of exports (``spec/export-columns.yaml``): ``id`` first, then each field in the order
it was first exported. A field a later API version adds is appended, never inserted, so a user's ``cut -f``,
spreadsheet import or warehouse table keeps working; JSON Lines keys follow the same order.

``extended(spec, recorded)`` is the record with what the spec adds appended (and what it removed dropped: a
breaking change the spec diff reports). ``scripts/regenerate`` writes it; the drift check fails while the file
lacks a field of the spec; the SDK reads the order from the rendered ``rotor._columns``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from devtools.paths import ROOT
from devtools.sdk_spec import SDK
from devtools.spec_io import Spec, ref_targets

COLUMNS = ROOT / "spec" / "export-columns.yaml"
HEADER = """\
# The column order of exports (CSV columns, JSON Lines keys), one list per model: `id` first, then each field in the
# order it was first exported; a nested object's fields are flattened in its own model's order. scripts/regenerate
# appends a field the spec adds (never inserts one) and drops one the spec removed. Do not reorder by hand: users'
# `cut -f`, spreadsheet imports and warehouse tables read columns by position.
"""


def exported_models(spec: Spec, sdk: SDK) -> list[str]:
    """The item models of the exporting lists and every model nested in them, in a stable order."""
    found: list[str] = []
    todo = [str(resource.paginated.item_model) for resource in sdk.exporting() if resource.paginated]
    while todo:
        name = todo.pop(0)
        schema = spec["components"]["schemas"].get(name, {})
        if "properties" in schema and name not in found:  # objects only: an enum is one cell
            found.append(name)
            todo += ref_targets(schema)
    return found


def extended(spec: Spec, sdk: SDK, recorded: dict[str, list[str]]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for model in exported_models(spec, sdk):
        fields = list(spec["components"]["schemas"][model].get("properties", {}))
        kept = [name for name in recorded.get(model, []) if name in fields]
        if not kept and "id" in fields:
            kept = ["id"]  # a model exported for the first time: its id first
        result[model] = kept + [name for name in fields if name not in kept]
    return result


def read(path: Path = COLUMNS) -> dict[str, list[str]]:
    if not path.exists():
        return {}
    data: Any = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    return {str(model): [str(name) for name in names] for model, names in data.items()}


def dump(columns: dict[str, list[str]]) -> str:
    lines = [HEADER]
    for model, names in columns.items():
        lines.append(f"{model}: [{', '.join(names)}]")
    return "\n".join(lines) + "\n"


def flat(spec: Spec, order: dict[str, list[str]], model: str) -> list[str]:
    """The CSV header of ``model``: its recorded fields, a nested object's flattened as ``<field>_<sub>`` in that
    model's recorded order (what ``rotor._formats.csv_columns`` writes; a test holds the two equal)."""
    names: list[str] = []
    for name in order[model]:
        prop = spec["components"]["schemas"][model]["properties"][name]
        nested = [t for t in ref_targets(prop) if t in order and prop.get("type") != "array"]
        is_object = nested and "items" not in prop and not any("items" in v for v in prop.get("anyOf", []))
        names += [f"{name}_{sub}" for sub in flat(spec, order, nested[0])] if is_object else [name]
    return names


def readme_block(spec: Spec, sdk: SDK, order: dict[str, list[str]]) -> str:
    lines = []
    for resource in sdk.exporting():
        model = str(resource.paginated.item_model) if resource.paginated else ""
        lines.append(f"CSV columns of {resource.plural_words}: `{', '.join(flat(spec, order, model))}`")
    return "\n\n".join(lines)
