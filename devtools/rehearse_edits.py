"""The spec edits scripts/rehearse-bump makes in its scratch copy, as a small command line.

``next-minor`` prints the version after the spec's current one; ``add-field`` and ``add-enum-value`` make the
kind of additive change Rotor ships between versions; ``restyle`` rewrites the whole file in another YAML style
(block everywhere, 4-space mappings, double quotes), the way an editor's formatter might, keeping its comments.
Each edit goes through ruamel round-trip, so it works whatever style the file is in.
"""

import argparse
import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedBase, CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from devtools.bump import next_minor
from devtools.paths import SPEC
from devtools.spec_edit import represent_none, round_trip, set_items
from devtools.spec_io import load_spec


def add_field(text: str, schema: str, name: str) -> str:
    """An optional ``string`` property added to a component schema (before its last one, so a blank line that
    ruamel keeps with the last property stays where it was)."""

    def edit(doc: Any) -> None:
        properties = doc["components"]["schemas"][schema]["properties"]
        if name in properties:
            raise ValueError(f"{schema} already has {name}")
        field = CommentedMap(type="string")
        field.fa.set_flow_style()
        properties.insert(max(len(properties) - 1, 0), name, field)

    return round_trip(text, edit)


def add_enum_value(text: str, schema: str, value: str) -> str:
    def edit(doc: Any) -> None:
        target = doc["components"]["schemas"][schema]
        if value in target["enum"]:
            raise ValueError(f"{schema} already has {value}")
        set_items(target, "enum", [*target["enum"], value])

    return round_trip(text, edit)


def _blockify(node: Any) -> Any:
    if isinstance(node, CommentedBase) and isinstance(node, dict | list):
        node.fa.set_block_style()
    if isinstance(node, dict):
        for key, value in node.items():
            node[key] = _blockify(value)
    elif isinstance(node, list):
        node[:] = [_blockify(value) for value in node]
    elif isinstance(node, SingleQuotedScalarString):
        return DoubleQuotedScalarString(str(node))
    return node


def restyle(text: str) -> str:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 100_000
    yaml.indent(mapping=4, sequence=4, offset=2)
    yaml.representer.add_representer(type(None), represent_none)
    doc = _blockify(yaml.load(text))
    out = io.StringIO()
    yaml.dump(doc, out)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.rehearse_edits", description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=SPEC)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("next-minor")
    commands.add_parser("restyle")
    field = commands.add_parser("add-field")
    field.add_argument("schema")
    field.add_argument("name")
    enum = commands.add_parser("add-enum-value")
    enum.add_argument("schema")
    enum.add_argument("value")
    args = parser.parse_args(argv)

    if args.command == "next-minor":
        print(next_minor(str(load_spec(args.spec)["info"]["version"])))
        return 0
    text = args.spec.read_text(encoding="utf-8")
    if args.command == "restyle":
        text = restyle(text)
    elif args.command == "add-field":
        text = add_field(text, args.schema, args.name)
    else:
        text = add_enum_value(text, args.schema, args.value)
    args.spec.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
