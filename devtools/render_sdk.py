"""Render the SDK's resource layer from the spec: ``src/rotor/resources/<resource>.py`` (sync and async classes,
raw views), ``src/rotor/resources/__init__.py`` (the clients' resource attributes), ``src/rotor/types.py`` (what
``rotor`` exports), ``src/rotor/_resource_index.py`` (the resources and their methods as names, for what must start
without importing them) and the mock's ``src/rotor/testing/routes.py``.

One Jinja template per method shape (``devtools/sdk_templates/shape_*.py.jinja``), rendered once for each client,
so the sync and async classes are equal by construction. The behaviour stays in the hand-written core
(``rotor.resources._base``, pagination, exports, retries, decoding): the rendered files only wire it.

``render(out_root)`` writes the files under ``out_root`` (the repository root, or a scratch copy for the drift
check); ``RENDERED`` lists what it owns.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2

from devtools import columns
from devtools.paths import ROOT, SDK_CONFIG, SPEC
from devtools.sdk_spec import SDK, Kind, Method, Param, Resource, Shape, read
from devtools.spec_io import load_spec, ref_targets

TEMPLATES = Path(__file__).parent / "sdk_templates"
RESOURCES_DIR = Path("src/rotor/resources")
TYPES = Path("src/rotor/types.py")
ROUTES = Path("src/rotor/testing/routes.py")
COLUMNS_MODULE = Path("src/rotor/_columns.py")
RESOURCE_INDEX = Path("src/rotor/_resource_index.py")
COLUMNS_RECORD = columns.COLUMNS.relative_to(ROOT)
# A passage of the README or of a docs page that lists spec facts sits between these lines and is rendered, never
# typed; every page holding one is rendered (``block_pages``), wherever the passage moves.
BLOCK = re.compile(
    r"(<!-- rendered: (?P<name>[a-z-]+) \(scripts/regenerate\), do not edit -->\n).*?(\n<!-- /rendered -->)", re.S
)
HAND_WRITTEN = {"_base.py", "_decoders.py"}  # the generic core beside the rendered modules
DOC_WIDTH = 112

DECODERS = {
    Shape.PAGINATED_LIST: "page",
    Shape.WHOLE_LIST: "items",
    Shape.RETRIEVE: "record",
    Shape.UPSERT: "whole",
    Shape.CALL: "whole",
}
ARG_TYPES = {
    Kind.BOOLEAN: "bool",
    Kind.UUID: "IdArg",
    Kind.DATE_TIME: "DateTimeArg",
    Kind.COMMA_LIST: "TagsArg",
    Kind.INTEGER: "int | None",
    Kind.TEXT: "str | None",
}


def arg_type(param: Param) -> str:
    if param.kind is Kind.ENUM:
        return f"{param.enum_class} | str | None"
    if param.kind is Kind.BOOLEAN and param.default is None:
        return "bool | None"
    return ARG_TYPES[param.kind]


def default(param: Param) -> str:
    return repr(param.default)


def check(param: Param) -> str:
    """The ``rotor._validation`` call that checks the argument and gives what the generated builder takes."""
    name = param.name
    if param.kind is Kind.ENUM:
        return f'check.one_of("{name}", {param.enum_class}, {name})'
    if param.kind is Kind.BOOLEAN:
        return f'check.boolean("{name}", {name})' if param.default is not None else f'check.flag("{name}", {name})'
    if param.kind is Kind.INTEGER:
        return f'check.optional_int("{name}", {name}, {param.minimum!r}, {param.maximum!r})'
    if param.kind is Kind.DATE_TIME:
        end = ", end=True" if name.endswith("_end") else ""  # a date given as a range's end means that whole day
        return f'check.datetime_filter("{name}", {name}{end})'
    calls = {Kind.UUID: "uuid_filter", Kind.COMMA_LIST: "comma_list", Kind.TEXT: "text"}
    return f'check.{calls[param.kind]}("{name}", {name})'


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith((".", ":", "?", "!")) else text + "."


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def docstring(method: Method, behaviour: str, *, summary: bool = True, paging: bool = False) -> str:
    """The method's docstring: the spec's summary and description, what the SDK adds, then each argument as the
    spec describes it. Indented for a method body."""
    indent = " " * 8
    parts = [_sentence(method.summary)] if summary else []
    parts += [_sentence(behaviour)] if behaviour else []
    parts += _paragraphs(method.description) if summary else []
    if not summary:
        parts.insert(0, _sentence(behaviour))
        parts = parts[:1]
    lines: list[str] = []
    for i, paragraph in enumerate(parts):
        if i:
            lines.append("")
        lines += textwrap.wrap(paragraph, DOC_WIDTH - (3 if i == 0 else 0))
    args = [p for p in method.params if p.description]
    if args:
        lines += ["", "Args:"]
        for param in args:
            text = f"{param.name}: {_sentence(param.description)}"
            lines += textwrap.wrap(text, DOC_WIDTH, initial_indent=" " * 4, subsequent_indent=" " * 8)
    text = "\n".join(f"{indent}{line}" if line and i else line for i, line in enumerate(lines))
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    closing = f"\n{indent}" if len(lines) > 1 else ""
    return f'"""{text}{closing}"""'


def flavour(aio: bool) -> dict[str, str]:
    """What differs between the sync and the async rendering of the same template."""
    if aio:
        return {"prefix": "Async", "def": "async def", "await": "await ", "client": "AsyncRotor",
                "raw": "async_raw_view", "iterate": "``async for`` over", "base": "AsyncResource",
                "mixin": "AsyncResources", "api": "AsyncAPIClient"}  # fmt: skip
    return {"prefix": "", "def": "def", "await": "", "client": "Rotor", "raw": "raw_view", "iterate": "iterate",
            "base": "SyncResource", "mixin": "SyncResources", "api": "SyncAPIClient"}  # fmt: skip


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # Python source, not HTML
    )
    env.filters.update(arg_type=arg_type, default=default, check=check, py=repr)
    env.filters["lower_first"] = lambda text: _sentence(text[:1].lower() + text[1:])
    env.globals.update(docstring=docstring, flavour=flavour, decoder={s.value: d for s, d in DECODERS.items()})
    return env


def _models_of(resource: Resource) -> list[str]:
    names: set[str] = set()
    for method in resource.methods:
        names.add(method.response_model)
        names.update(n for n in (method.item_model, method.body_model) if n)
        names.update(p.enum_class for p in method.params if p.enum_class)
    return sorted(names)


def public_models(spec: dict[str, Any], sdk: SDK) -> list[str]:
    """Every schema a user's code meets: the records, bodies and results of the methods, the enums the filters
    take, the pagination of a page, and every schema inside them. List and retrieve envelopes stay private."""
    roots: set[str] = set()
    for _, method in sdk.operations():
        if method.shape in (Shape.UPSERT, Shape.CALL):
            roots.add(method.response_model)
        roots.update(n for n in (method.item_model, method.body_model) if n)
        roots.update(p.enum_class for p in method.params if p.enum_class)
        if method.shape is Shape.PAGINATED_LIST:
            envelope = spec["components"]["schemas"][method.response_model]
            roots.update(ref_targets(envelope.get("properties", {}).get("pagination", {})))
    seen: set[str] = set()
    todo = sorted(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(ref_targets(spec["components"]["schemas"][name]))
    return sorted(seen)


def rendered_files(sdk: SDK, spec: dict[str, Any]) -> Iterator[tuple[Path, str]]:
    env = _environment()
    for resource in sdk.resources:
        module = env.get_template("resource.py.jinja").render(r=resource, models=_models_of(resource))
        yield RESOURCES_DIR / f"{resource.name}.py", module
    init_names = []
    for resource in sdk.resources:
        for prefix in ("", "Async"):
            init_names += [f"{prefix}{resource.class_name}", f"{prefix}{resource.class_name}WithRawResponse"]
    init_names += ["AsyncResources", "AsyncRotorWithRawResponse", "RotorWithRawResponse", "SyncResources"]
    yield (
        RESOURCES_DIR / "__init__.py",
        env.get_template("resources_init.py.jinja").render(sdk=sdk, init_names=sorted(init_names)),
    )
    yield RESOURCE_INDEX, env.get_template("resource_index.py.jinja").render(sdk=sdk)
    models = public_models(spec, sdk)
    pages = [f"{p}{r.paginated.item_model}Page" for r in sdk.resources if r.paginated for p in ("", "Async")]
    yield TYPES, env.get_template("types.py.jinja").render(sdk=sdk, models=models, all_names=sorted(models + pages))
    yield ROUTES, env.get_template("routes.py.jinja").render(sdk=sdk)
    order = columns.extended(spec, sdk, columns.read(ROOT / COLUMNS_RECORD))
    yield COLUMNS_RECORD, columns.dump(order)
    yield COLUMNS_MODULE, env.get_template("columns.py.jinja").render(columns=order)
    blocks = {"csv-columns": columns.readme_block(spec, sdk, order)}
    for page in block_pages(ROOT):
        text = (ROOT / page).read_text(encoding="utf-8")
        yield page, BLOCK.sub(lambda m: m.group(1) + blocks[m.group("name")] + m.group(3), text)


def block_pages(root: Path) -> list[Path]:
    """README.md and the docs pages that hold a rendered block, relative to ``root``."""
    candidates = [root / "README.md", *sorted((root / "docs").rglob("*.md"))]
    return [p.relative_to(root) for p in candidates if p.is_file() and BLOCK.search(p.read_text(encoding="utf-8"))]


def _format(paths: list[Path]) -> None:
    """ruff's fixes and format, so the rendered files read as the hand-written ones and pass the same gate."""
    ruff = str(Path(sys.executable).parent / "ruff")
    config = ["--config", str(ROOT / "pyproject.toml")]  # the repository's, wherever the files are rendered
    for args in (["check", "--fix-only", "--quiet"], ["format", "--quiet"]):
        subprocess.run([ruff, *args, *config, *map(str, paths)], cwd=ROOT, check=True)


def render(out_root: Path, spec_path: Path = SPEC, config_path: Path = SDK_CONFIG) -> list[Path]:
    """Write every rendered file under ``out_root``; a resource module the spec no longer has is removed."""
    sdk = read(spec_path, config_path)
    spec = load_spec(spec_path)
    written = []
    resources = out_root / RESOURCES_DIR
    resources.mkdir(parents=True, exist_ok=True)
    for stale in resources.glob("*.py"):
        if stale.name not in HAND_WRITTEN:
            stale.unlink()
    for relative, text in rendered_files(sdk, spec):
        target = out_root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    _format([path for path in written if path.suffix == ".py"])
    return written


def rendered_paths(root: Path) -> list[Path]:
    """The files ``render`` owns under ``root``, as they are now (for the drift check)."""
    resources = sorted(p for p in (root / RESOURCES_DIR).glob("*.py") if p.name not in HAND_WRITTEN)
    rendered = [root / RESOURCE_INDEX, root / TYPES, root / ROUTES, root / COLUMNS_RECORD, root / COLUMNS_MODULE]
    return [*resources, *rendered, *(root / page for page in block_pages(root))]
