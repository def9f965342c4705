"""The public API of the Python package, and what changed in it between two versions: breaking or not.

``scripts/diff-spec`` says what changed on the wire; this says what changed for code that imports ``rotor``. A spec
change that is safe on the wire can still remove a method, a parameter or a model field, or change a type, and the
package version (``devtools/bump.py``) follows both.

The package is read statically with griffe (mkdocstrings' engine), so a version from a git ref or a scratch copy
is read without importing it. The public surface is what a user can name: the exports of ``rotor`` (clients, pages,
errors, and the models ``rotor.types`` re-exports from ``rotor_generated.models``, so a response field dropped from
the spec shows up as ``rotor.Customer.<field>`` gone), of ``rotor.resources`` (every resource class and its
methods) and of ``rotor.testing``, each followed into its class members, parameters, return and attribute types.
A tree without the ``rotor`` package (a partial copy) is read as ``rotor_generated.models`` alone.

Each difference is matched against RULES, one row per kind of change, as ``devtools.spec_diff`` does for the spec.

python -m devtools.sdk_api OLD NEW [--json]   # OLD/NEW: a git revision, or a directory holding src/ and generated/
Exit 0: nothing breaking. 1: something breaks users' code. 2: a version could not be read.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import ClassVar

import attrs
import griffe

from devtools import spec_diff
from devtools.paths import ROOT
from devtools.spec_diff import Rule  # one shape of rule and of change for the spec's diff and the package's

# The public modules whose exports are the API; each export is followed into its members.
PUBLIC_MODULES = ("rotor", "rotor.resources", "rotor.testing")
# A tree without ``rotor`` (a copy holding only the generated package): the models the SDK re-exports.
MODELS_MODULE = "rotor_generated.models"
# ...less the version header's enum: every bump replaces its one member by design, the SDK sends it for the user,
# and ``rotor`` exports no such class (``rotor.API_VERSION`` is a plain string).
NOT_PUBLIC = {f"{MODELS_MODULE}.RotorApiVersion"}


RULES = {rule.id: rule for rule in [
    Rule("object-removed", True, "code that names it fails"),
    Rule("object-added", False, "new capability"),
    Rule("kind-changed", True, "it is no longer the same kind of object (class, function, attribute)"),
    Rule("base-removed", True, "isinstance checks and inherited members may fail"),
    Rule("parameter-removed", True, "calls that pass it fail"),
    Rule("parameter-added-optional", False, "existing calls still work"),
    Rule("parameter-added-required", True, "existing calls lack it"),
    Rule("parameter-became-required", True, "existing calls may lack it"),
    Rule("parameter-became-optional", False, "existing calls still work"),
    Rule("parameter-kind-changed", True, "calls passing it by position or by name may fail"),
    Rule("parameter-moved", True, "positional calls pass it in the wrong place"),
    Rule("parameter-default-changed", True, "calls relying on the default behave differently"),
    Rule("parameter-type-narrowed", True, "values accepted before are refused (by mypy, or at run time)"),
    Rule("parameter-type-widened", False, "every value accepted before still is"),
    Rule("parameter-type-changed", True, "values of the old type are refused"),
    Rule("return-type-widened", True, "callers may get a value of a type they do not handle"),
    Rule("return-type-narrowed", False, "every value returned is of a type callers expect"),
    Rule("return-type-changed", True, "callers get a value of another type"),
    Rule("attribute-type-widened", True, "readers may get a value of a type they do not handle"),
    Rule("attribute-type-narrowed", False, "every value read is of a type readers expect"),
    Rule("attribute-type-changed", True, "code reading or setting it sees another type (mypy --strict fails)"),
]}  # fmt: skip


@attrs.frozen
class Param:
    name: str
    kind: str
    annotation: str | None
    default: str | None
    required: bool


@attrs.frozen
class Entry:
    """One public name: a class, a function or method, an attribute (model fields are attributes), a module."""

    kind: str
    params: tuple[Param, ...] = ()
    returns: str | None = None
    annotation: str | None = None
    bases: tuple[str, ...] = ()


Surface = dict[str, Entry]


@attrs.frozen(order=True)
class Change(spec_diff.Change):
    """A change of the package's public API: the spec diff's change, named by this module's rules."""

    rules: ClassVar[Mapping[str, Rule]] = RULES


# Packages already read in this process, by their sources (``_sources_key``): a bump reads the package it makes
# twice (its surface, then its API pages) and the bump tests read the same checkout's package a dozen times, 0.3 to
# 0.5 s a read. Only the last few are kept (a collection holds a whole package). Callers only read them.
_loaded: OrderedDict[str, tuple[griffe.ModulesCollection, list[str]]] = OrderedDict()
_KEEP = 4


def _sources_key(src: Path, generated: Path) -> str:
    sources = hashlib.sha256()
    for root in (src, generated):
        sources.update(f"\0{root.name}\0".encode())
        for path in sorted(p for p in root.rglob("*.py*") if p.suffix in {".py", ".pyi"}):
            sources.update(f"\0{path.relative_to(root).as_posix()}\0".encode() + path.read_bytes())
    return sources.hexdigest()


def load_package(src: Path, generated: Path) -> tuple[griffe.ModulesCollection, list[str]]:
    """Both packages loaded statically (nothing is imported), aliases resolved; the public module paths."""
    return _loaded_by(_sources_key(src, generated), src, generated)


def _loaded_by(key: str, src: Path, generated: Path) -> tuple[griffe.ModulesCollection, list[str]]:
    if key not in _loaded:
        _loaded[key] = _load_package(src, generated)
        while len(_loaded) > _KEEP:
            _loaded.popitem(last=False)
    _loaded.move_to_end(key)
    return _loaded[key]


def _load_package(src: Path, generated: Path) -> tuple[griffe.ModulesCollection, list[str]]:
    collection = griffe.ModulesCollection()
    loader = griffe.GriffeLoader(
        search_paths=[str(src), str(generated)], modules_collection=collection, allow_inspection=False
    )
    loader.load("rotor_generated")
    modules = [MODELS_MODULE]
    if (src / "rotor" / "__init__.py").exists():
        loader.load("rotor")
        modules = list(PUBLIC_MODULES)
    loader.resolve_aliases(implicit=False, external=None)
    return collection, modules


def target(obj: griffe.Object | griffe.Alias) -> griffe.Object | None:
    """What a name points at, or None when it points outside the two packages (an import from elsewhere)."""
    try:
        resolved = obj.final_target if isinstance(obj, griffe.Alias) else obj
    except (griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None
    return resolved if isinstance(resolved, griffe.Object) else None


def exports(module: griffe.Object) -> list[str]:
    """A module's public names: its ``__all__``, else what it defines without a leading underscore."""
    if module.exports is not None:
        return [str(name) for name in module.exports]
    return [name for name, member in module.members.items() if not name.startswith("_") and not member.is_alias]


def public_members(cls: griffe.Object) -> Iterator[tuple[str, griffe.Object | griffe.Alias]]:
    """A class's public members, inherited ones included (what ``dir()`` shows a user); ``__init__`` is public."""
    for name, member in cls.all_members.items():
        if name == "__init__" or not name.startswith("_"):
            yield name, member


def signature_params(function: griffe.Function) -> tuple[Param, ...]:
    params = list(function.parameters)
    if params and params[0].name in ("self", "cls") and function.parent is not None and function.parent.is_class:
        params = params[1:]  # bound on every call: not something a caller passes
    return tuple(
        Param(
            name=p.name,
            kind=p.kind.value if p.kind is not None else "",
            annotation=None if p.annotation is None else str(p.annotation),
            default=None if p.default is None else str(p.default),
            required=p.required,
        )
        for p in params
    )


def _entry(obj: griffe.Object) -> Entry:
    if isinstance(obj, griffe.Class):
        return Entry("class", bases=tuple(str(b) for b in obj.bases))
    if isinstance(obj, griffe.Function):
        returns = None if obj.returns is None else str(obj.returns)
        return Entry("function", params=signature_params(obj), returns=returns)
    if isinstance(obj, griffe.Attribute):
        return Entry("attribute", annotation=None if obj.annotation is None else str(obj.annotation))
    return Entry(obj.kind.value)


_surfaces: dict[str, Surface] = {}  # by the same key: a package's surface is read once too


def surface(src: Path, generated: Path) -> Surface:
    """Every public name of the package under ``src`` and ``generated``, keyed by the path a user writes."""
    key = _sources_key(src, generated)
    if key not in _surfaces:
        _surfaces[key] = _surface(*_loaded_by(key, src, generated))
    return dict(_surfaces[key])


def _surface(collection: griffe.ModulesCollection, modules: list[str]) -> Surface:
    found: Surface = {}

    def visit(path: str, obj: griffe.Object) -> None:
        if path in found:
            return
        found[path] = _entry(obj)
        if isinstance(obj, griffe.Class):
            for name, member in public_members(obj):
                resolved = target(member)
                if resolved is not None:
                    visit(f"{path}.{name}", resolved)

    for module_path in modules:
        module = collection.get_member(module_path)
        # rotor re-exports rotor.types lazily (a wildcard under TYPE_CHECKING, which griffe does not expand): its
        # names are looked up where they live.
        types = module.members.get("types") if module_path == "rotor" else None
        for name in exports(module):
            holder = (
                module if name in module.members else types if types is not None and name in types.members else None
            )
            resolved = target(holder[name]) if holder is not None else None
            if resolved is not None and not resolved.is_module and f"{module_path}.{name}" not in NOT_PUBLIC:
                visit(f"{module_path}.{name}", resolved)
    return dict(sorted(found.items()))


def _union(annotation: str | None) -> set[str]:
    """The members of a top-level ``A | B | None`` annotation (one member when it is not a union)."""
    if annotation is None:
        return set()
    members, depth, current = [], 0, ""
    for char in annotation:
        depth += (char in "[(") - (char in "])")
        if char == "|" and depth == 0:
            members.append(current)
            current = ""
        else:
            current += char
    members.append(current)
    return {" ".join(m.split()) for m in members}


def _type_change(prefix: str, old: str | None, new: str | None) -> str | None:
    """The rule for a changed annotation, by its union members: fewer is narrowed, more is widened. Which one
    breaks depends on the side: a parameter's type is what callers may pass (narrowing breaks), a return or
    attribute type what they get back (widening breaks); RULES says so per prefix."""
    if old == new or old is None:
        return None  # an annotation added where there was none constrains nothing that was promised
    before, after = _union(old), _union(new)
    if before == after:
        return None  # the same union in another order
    if before < after:
        return f"{prefix}-type-widened"
    if after < before:
        return f"{prefix}-type-narrowed"
    return f"{prefix}-type-changed"


def _param_changes(path: str, old: Entry, new: Entry) -> Iterator[Change]:
    old_params = {p.name: (i, p) for i, p in enumerate(old.params)}
    new_params = {p.name: (i, p) for i, p in enumerate(new.params)}
    variadic = {p.kind for p in new.params} & {"variadic positional", "variadic keyword"}
    for name, (index, before) in old_params.items():
        where = f"{path}({name})"
        if before.kind.startswith("variadic"):
            if name not in new_params:
                yield Change(where, "parameter-removed", f"was {before.kind}")
            continue
        if name not in new_params:
            swallowed = before.kind == "keyword-only" and "variadic keyword" in variadic
            if not swallowed:
                yield Change(where, "parameter-removed")
            continue
        new_index, after = new_params[name]
        if after.required and not before.required:
            yield Change(where, "parameter-became-required")
        elif before.required and not after.required:
            yield Change(where, "parameter-became-optional", f"default {after.default}")
        if before.kind != after.kind:
            yield Change(where, "parameter-kind-changed", f"{before.kind} -> {after.kind}")
        elif before.kind != "keyword-only" and index != new_index:
            yield Change(where, "parameter-moved", f"position {index} -> {new_index}")
        if not before.required and not after.required and before.default != after.default:
            yield Change(where, "parameter-default-changed", f"{before.default} -> {after.default}")
        rule = _type_change("parameter", before.annotation, after.annotation)
        if rule:
            yield Change(where, rule, f"{before.annotation} -> {after.annotation}")
    for name, (_, after) in new_params.items():
        if name not in old_params:
            rule = "parameter-added-required" if after.required else "parameter-added-optional"
            yield Change(f"{path}({name})", rule, f"{after.annotation}" if after.annotation else "")


def diff_surfaces(old: Surface, new: Surface) -> list[Change]:
    changes: list[Change] = []
    for path in sorted(old.keys() - new.keys()):
        # A member of a removed class is named by the class's own removal.
        if not any(path.startswith(f"{parent}.") for parent in old.keys() - new.keys() if parent != path):
            changes.append(Change(path, "object-removed", old[path].kind))
    for path in sorted(new.keys() - old.keys()):
        if not any(path.startswith(f"{parent}.") for parent in new.keys() - old.keys() if parent != path):
            changes.append(Change(path, "object-added", new[path].kind))
    for path in sorted(old.keys() & new.keys()):
        before, after = old[path], new[path]
        if before.kind != after.kind:
            changes.append(Change(path, "kind-changed", f"{before.kind} -> {after.kind}"))
            continue
        if before.kind == "class":
            for base in before.bases:
                if base not in after.bases:
                    changes.append(Change(path, "base-removed", base))
        elif before.kind == "function":
            changes += _param_changes(path, before, after)
            rule = _type_change("return", before.returns, after.returns)
            if rule:
                changes.append(Change(path, rule, f"{before.returns} -> {after.returns}"))
        elif before.kind == "attribute":
            # Attributes are read (model fields are what responses carry); what users write goes through request
            # parameters and request models, whose narrowing the spec diff and the parameter rules report.
            rule = _type_change("attribute", before.annotation, after.annotation)
            if rule:
                changes.append(Change(path, rule, f"{before.annotation} -> {after.annotation}"))
    return sorted(changes)


def report(changes: list[Change]) -> str:
    return spec_diff.report(
        changes,
        none="SDK: no change to the public API of the package.",
        summary="SDK: {count} change(s) to the package's public API, {breaking} breaking.",
        scope=" (SDK)",
    )


def tree_at(revision: str, into: Path, repo: Path = ROOT) -> Path:
    """``src/`` and ``generated/`` as committed at ``revision``, unpacked under ``into``."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision, "src", "generated"], cwd=repo, capture_output=True, check=False
    )
    if archive.returncode != 0:
        raise ValueError(f"cannot read {revision}: {archive.stderr.decode().strip()}")
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def surface_of(version: str, scratch: Path) -> Surface:
    """A directory holding ``src/`` and ``generated/``, or a git revision of this repository."""
    path = Path(version)
    if not path.is_dir():
        path = tree_at(version, scratch)
    return surface(path / "src", path / "generated")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/diff-sdk", description=__doc__.splitlines()[0])
    parser.add_argument("old", help="the package before: a git revision (e.g. origin/main) or a directory")
    parser.add_argument("new", nargs="?", default=str(ROOT), help="the package after (default: this work tree)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the report")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            old = surface_of(args.old, Path(tmp) / "old")
            new = surface_of(args.new, Path(tmp) / "new")
        except (ValueError, griffe.GriffeError, OSError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    changes = diff_surfaces(old, new)
    return spec_diff.print_changes(changes, report(changes), as_json=args.json)


if __name__ == "__main__":
    raise SystemExit(main())
