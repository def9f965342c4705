"""Editing the hand-kept spec in place with ruamel.yaml round-trip, so that a tool's edit reads like a person's.

Comments, key order, quoting and flow or block style survive; values are located by structure (which mapping is
the version header), not by how the file happens to be formatted. ruamel writes one indentation for the whole
file, so we measure the file's own before dumping, and ``None`` is written back as ``null`` (ruamel's round-trip
default writes nothing, which would turn every ``key: null`` in the examples into ``key:``).
"""

import io
import re
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import pairwise
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import ScalarString

from devtools.spec_io import VERSION_HEADER, SpecError, version_header_schemas

ECHO_FIELD = "rotor_api_version"  # the auth check's answer names the version; its examples follow the bump
_KEY_OPENS_BLOCK = re.compile(r"^( *)(- )?[^\s#][^#]*:\s*(#.*)?$")


def enum_varname(version: str) -> str:
    """The generated enum member's name for a version (``x-enum-varnames``): dots become underscores after a V."""
    return "V" + version.replace(".", "_")


def guess_indent(text: str) -> tuple[int, int, int]:
    """The file's (mapping, sequence, offset) indentation, from what follows each ``key:`` that opens a block.

    The most common step wins, so a description line that happens to end with a colon does not decide it.
    """
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    mapping: Counter[int] = Counter()
    offset: Counter[int] = Counter()
    for line, following in pairwise(lines):
        match = _KEY_OPENS_BLOCK.match(line)
        if not match:
            continue
        # A key inside a sequence item ("- name:") starts two columns further in than its dash.
        key_column = len(match.group(1)) + (2 if match.group(2) else 0)
        step = len(following) - len(following.lstrip(" ")) - key_column
        if step <= 0:
            continue
        (offset if following.lstrip(" ").startswith("- ") else mapping)[step] += 1
    mapping_step = mapping.most_common(1)[0][0] if mapping else 2
    offset_step = offset.most_common(1)[0][0] if offset else 0
    return mapping_step, offset_step + 2, offset_step


def represent_none(representer: RoundTripRepresenter, _: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def _yaml_like(text: str) -> YAML:
    yaml = YAML()  # round-trip
    yaml.preserve_quotes = True
    yaml.width = 100_000  # never re-wrap a long line the author kept on one line
    mapping, sequence, offset = guess_indent(text)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    yaml.representer.add_representer(type(None), represent_none)
    return yaml


def _like(old: Any, new: str) -> Any:
    """``new`` written the way ``old`` was: quoted stays quoted, plain stays plain."""
    return type(old)(new) if isinstance(old, ScalarString) else new


def set_items(mapping: Any, key: str, values: list[str]) -> None:
    """Replace a sequence's items in place, so a flow sequence stays flow and a block one stays block."""
    current = mapping.get(key)
    if isinstance(current, list):
        items = [_like(current[0] if current else None, v) for v in values]
        del current[:]
        current.extend(items)
    else:
        fresh = CommentedSeq(values)
        fresh.fa.set_flow_style()
        mapping[key] = fresh


def round_trip(text: str, edit: Callable[[Any], None]) -> str:
    """``text`` loaded with its style, changed by ``edit`` (which gets the document), and written back."""
    yaml = _yaml_like(text)
    try:
        doc = yaml.load(text)
    except YAMLError as exc:
        raise SpecError(f"the spec is not YAML: {exc}") from None
    if not isinstance(doc, dict):
        raise SpecError("the spec is not a YAML mapping")
    edit(doc)
    out = io.StringIO()
    yaml.dump(doc, out)
    return out.getvalue()


def _echoes(node: Any, old: str) -> Iterator[Any]:
    """Every mapping in ``node`` with a ``rotor_api_version: <old>`` entry: an example of the auth check's answer,
    which reports the version the request asked for."""
    if isinstance(node, dict):
        if node.get(ECHO_FIELD) == old:
            yield node
        for value in node.values():
            yield from _echoes(value, old)
    elif isinstance(node, list):
        for value in node:
            yield from _echoes(value, old)


def set_api_version(text: str, new: str) -> str:
    """The spec text with ``info.version``, every version header's enum, default and enum varname, and every
    example that echoes the version set to ``new``; nothing else in the text changes."""

    def edit(doc: Any) -> None:
        if not isinstance(doc.get("info"), dict):
            raise SpecError("the spec has no info section")
        schemas = version_header_schemas(doc)
        if not schemas:
            raise SpecError(f"the spec declares no {VERSION_HEADER} header parameter")
        old = str(doc["info"].get("version"))
        for example in _echoes(doc, old):
            example[ECHO_FIELD] = _like(example[ECHO_FIELD], new)
        doc["info"]["version"] = _like(doc["info"].get("version"), new)
        for schema in schemas:
            set_items(schema, "enum", [new])
            schema["default"] = _like(schema.get("default"), new)
            set_items(schema, "x-enum-varnames", [enum_varname(new)])

    return round_trip(text, edit)
