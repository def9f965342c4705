"""Editing the hand-kept spec in place with ruamel.yaml round-trip, so that a tool's edit reads like a person's.

Comments, key order, quoting and flow or block style survive; values are located by structure (which mapping is
the version header), not by how the file happens to be formatted. ruamel writes one indentation for the whole
file, so we measure the file's own before dumping, and ``None`` is written back as ``null`` (ruamel's round-trip
default writes nothing, which would turn every ``key: null`` in the examples into ``key:``).
"""

import copy
import io
import re
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import pairwise
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import ScalarString

from devtools.spec_io import VERSION_HEADER, SpecError, parse_yaml, version_header_schemas

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
    """``text`` loaded with its style, changed by ``edit`` (which gets the document), and written back.

    An edit that only replaces scalars with strings (a version bump) is spliced into the text instead (``_spliced``):
    every other character stays as it was, at a tenth of the round trip's cost. Anything else is a ruamel round trip.
    """
    spliced = _spliced(text, edit)
    if spliced is not None:
        return spliced
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


def _spliced(text: str, edit: Callable[[Any], None]) -> str | None:
    """``text`` with each scalar ``edit`` replaces rewritten in place, in the old scalar's quoting; None when the edit
    does more (adds or removes anything, writes a non-string, touches an aliased, anchored or tagged node) or the
    text is not one YAML document the spec's reader takes (duplicate keys included). The edit sees the data as the
    spec is read (YAML 1.2); libyaml finds each scalar's characters; the result must read back as exactly the edited
    data (types included), else None. An edit must only change the document it is given: it may run twice.

    ruamel's round trip is pure Python (about 0.6 s for the spec); this is a C parse and two C reads.
    """
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
        data = parse_yaml(text)
    except Exception:  # no libyaml, or text the round trip will report on
        return None
    if not isinstance(data, dict):
        return None
    edited = copy.deepcopy(data)
    try:
        edit(edited)
    except Exception:  # the round trip runs the edit again and reports what it raises, on the document it edits
        return None
    replaced: list[tuple[int, int, str]] = []
    # A node reached twice (an alias) would be written twice: not spliced.
    if not _scalar_changes(text, node, data, edited, replaced) or len({r[:2] for r in replaced}) != len(replaced):
        return None
    out = text
    for start, end, written in sorted(replaced, reverse=True):
        out = out[:start] + written + out[end:]
    try:
        same = _identical(parse_yaml(out), edited)
    except Exception:
        return None
    return out if same and replaced else None


def _identical(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down: ``True == 1`` and ``5.0 == 5``, yet YAML tells them apart."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return [(type(k), k) for k in a] == [(type(k), k) for k in b] and all(_identical(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_identical(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _scalar_changes(text: str, node: Any, old: Any, new: Any, replaced: list[tuple[int, int, str]]) -> bool:
    """Collect (start, end, text) for every scalar that differs between ``old`` and ``new`` (read from ``node``);
    False if anything other than a scalar changed, or a changed scalar cannot be written in its own style."""
    if isinstance(old, dict):
        if not isinstance(new, dict) or list(old) != list(new) or not isinstance(node, yaml.MappingNode):
            return False
        values = {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
        return all(
            _identical(old[key], new[key])
            or (str(key) in values and _scalar_changes(text, values[str(key)], old[key], new[key], replaced))
            for key in old
        )
    if isinstance(old, list):
        if not isinstance(new, list) or len(old) != len(new) or not isinstance(node, yaml.SequenceNode):
            return False
        return all(
            _identical(a, b) or _scalar_changes(text, n, a, b, replaced)
            for n, a, b in zip(node.value, old, new, strict=True)
        )
    if not isinstance(node, yaml.ScalarNode) or text[node.start_mark.index] in "&!":  # an anchor or a tag: kept whole
        return False
    written = _as_scalar(node, new)
    if written is None:
        return False
    replaced.append((node.start_mark.index, node.end_mark.index, written))
    return True


def _as_scalar(node: Any, value: Any) -> str | None:
    """``value`` written in ``node``'s style (plain, 'single' or "double" quoted), if it can be and stays a string."""
    if not isinstance(value, str) or "\n" in value:
        return None
    if node.style == "'":
        return "'" + value.replace("'", "''") + "'"
    if node.style == '"':
        return None if any(c in value for c in '"\\') or not value.isprintable() else f'"{value}"'
    if node.style != "" or not value or value != value.strip() or any(c in value for c in ":#,[]{}&*!|>'\"%@`"):
        return None
    # Plain, it must still read as this string (not a number, a date, a boolean or null), in YAML 1.1 (PyYAML) and 1.2
    # (ruamel, which reads the spec).
    try:
        return value if yaml.load(value, Loader=yaml.CSafeLoader) == value == parse_yaml(value) else None
    except Exception:
        return None


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
