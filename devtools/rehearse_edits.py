"""The spec edits scripts/rehearse-bump makes in its scratch copy, as a small command line.

``next-minor`` prints the version after the spec's current one; ``add-field`` and ``add-enum-value`` make the
kind of additive change Rotor ships between versions; ``restyle`` rewrites the whole file in another YAML style
(block everywhere, 4-space mappings, double quotes), the way an editor's formatter might, keeping its comments.
Each edit goes through ruamel round-trip, so it works whatever style the file is in.
"""

import argparse
import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedBase, CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from devtools.bump import next_minor
from devtools.paths import SPEC
from devtools.spec_edit import represent_none, round_trip, set_items
from devtools.spec_io import load_spec


# Each edit is a value (a frozen dataclass): equal edits compare equal, so ``edited`` can keep its answers.
@dataclass(frozen=True)
class AddField:
    """An optional ``string`` property added to a component schema: at index ``at`` (0: the top), by default before
    its last one, so a blank line that ruamel keeps with the last property stays where it was."""

    schema: str
    name: str
    at: int | None = None

    def __call__(self, doc: Any) -> None:
        properties = doc["components"]["schemas"][self.schema]["properties"]
        if self.name in properties:
            raise ValueError(f"{self.schema} already has {self.name}")
        field = CommentedMap(type="string")
        field.fa.set_flow_style()
        properties.insert(max(len(properties) - 1, 0) if self.at is None else self.at, self.name, field)


@dataclass(frozen=True)
class RemoveField:
    """A property removed from a component schema (a breaking change, for the bump's refusal)."""

    schema: str
    name: str

    def __call__(self, doc: Any) -> None:
        del doc["components"]["schemas"][self.schema]["properties"][self.name]


@dataclass(frozen=True)
class AddQueryParameter:
    """An optional, non-empty text filter added to the GET of ``path``, as its last parameter."""

    path: str
    name: str

    def __call__(self, doc: Any) -> None:
        parameters = doc["paths"][self.path]["get"]["parameters"]
        parameter = CommentedMap(
            name=self.name, **{"in": "query"}, required=False, description=f"Only {self.name} matches."
        )
        parameter["schema"] = CommentedMap(type="string", minLength=1)
        parameters.append(parameter)


@dataclass(frozen=True)
class AddRetrieve:
    """A new operation over an existing resource: ``GET {resource_path}/{id}`` reading one record, answered in a
    new ``<record>Response`` envelope, with the errors, scope and version header of the resource's list."""

    resource_path: str
    record_schema: str

    def __call__(self, doc: Any) -> None:
        resource_path, record_schema = self.resource_path, self.record_schema
        if f"{resource_path}/{{id}}" in doc["paths"]:
            raise ValueError(f"{resource_path}/{{id}} already exists: the rehearsal would add no new operation")
        listing = doc["paths"][resource_path]["get"]
        envelope = f"{record_schema}Response"
        doc["components"]["schemas"][envelope] = CommentedMap(
            type="object",
            properties=CommentedMap(
                data=CommentedMap({"$ref": f"#/components/schemas/{record_schema}"}),
                status=CommentedMap({"$ref": "#/components/schemas/SuccessStatus"}),
            ),
        )
        id_param = CommentedMap(name="id", **{"in": "path"}, required=True, description="The record's id.")
        id_param["schema"] = CommentedMap(type="string", minLength=1)
        responses = CommentedMap({k: v for k, v in listing["responses"].items() if k != "200"})
        responses["404"] = CommentedMap({"$ref": "#/components/responses/NotFound"})
        example = {"data": listing["responses"]["200"]["content"]["application/json"]["examples"]}
        first = next(iter(example["data"].values()))["value"]["data"][0]
        ok = CommentedMap(description="The record.")
        found = {"found": {"value": {"data": first, "status": "success"}}}
        ok["content"] = {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{envelope}"}, "examples": found}
        }
        responses.insert(0, "200", ok)
        operation = CommentedMap(
            operationId="retrieve" + record_schema,
            summary=f"Get a {record_schema.lower()} by ID",
            tags=listing["tags"],
            security=listing["security"],
            parameters=[listing["parameters"][0], id_param],
            responses=responses,
        )
        doc["paths"][f"{resource_path}/{{id}}"] = CommentedMap(get=operation)


@dataclass(frozen=True)
class AddEnumValue:
    schema: str
    value: str

    def __call__(self, doc: Any) -> None:
        target = doc["components"]["schemas"][self.schema]
        if self.value in target["enum"]:
            raise ValueError(f"{self.schema} already has {self.value}")
        set_items(target, "enum", [*target["enum"], self.value])


Edit = AddField | RemoveField | AddQueryParameter | AddRetrieve | AddEnumValue


# ruamel's round trip is pure Python, about 0.6 s for the spec: several edits share one, and the same text and edits
# always give the same text, so a process asked again (tests that start from the same spec) answers from memory.
@functools.lru_cache(maxsize=16)
def edited(text: str, *edits: Edit) -> str:
    """``text`` with every edit made, in order, in one ruamel round trip (its comments and style kept)."""

    def every_edit(doc: Any) -> None:
        for edit in edits:
            edit(doc)

    return round_trip(text, every_edit)


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
        text = edited(text, AddField(args.schema, args.name))
    else:
        text = edited(text, AddEnumValue(args.schema, args.value))
    args.spec.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
