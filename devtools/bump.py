"""scripts/bump-api-version NEW_VERSION: move the SDK to a new Rotor API version in one step.

Sets ``info.version`` and the ``rotor-api-version`` header's value and default (a round-trip YAML edit located by
structure, so the spec's formatting and comments do not matter and survive), regenerates the client and the SDK's
rendered layer (and the generated API pages of the docs), and reports two diffs: the spec's against the last
released spec (``devtools.spec_diff``: what changed on the wire) and the package's public API before and after the
regeneration (``devtools.sdk_api``: what changed for code importing ``rotor``, such as a model attribute gone). A
breaking change in either stops the bump (exit 1, nothing written) unless ``--allow-breaking`` is given.

The package version follows semver over both diffs (docs/maintaining.md, "Versions"): a breaking change is a
major, any other change to the spec or the public API a minor, a bump that changes nothing but the version a
patch. There is no 0.x exception: the first breaking change after 0.y.z is 1.0.0. The CHANGELOG entry names both
the spec's and the SDK's changes. ``rotor.API_VERSION`` derives from the generated enum, so no hand-written file
names the version.
"""

import argparse
import datetime
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from devtools import api_docs, render_sdk, sdk_api
from devtools.generate import generate_into, replace_tree
from devtools.paths import GENERATED_PACKAGE_NAME, ROOT
from devtools.spec_diff import Change, diff_specs, report
from devtools.spec_edit import set_api_version
from devtools.spec_io import Spec, SpecError, load_spec, read_spec, validate_spec, version_header_schemas

SEMVER = re.compile(r"(\d+)\.(\d+)\.(\d+)")


class BumpError(Exception):
    pass


def next_minor(version: str) -> str:
    """The next minor version after ``version``: what an additive API change is numbered."""
    match = SEMVER.fullmatch(version)
    if not match:
        raise BumpError(f"{version!r} is not MAJOR.MINOR.PATCH")
    major, minor, _ = map(int, match.groups())
    return f"{major}.{minor + 1}.0"


def next_package_version(current: str, changes: list[Change], sdk_changes: list[sdk_api.Change]) -> str:
    """Semver over both diffs: a break (of the wire or of the package's API) is a major, any other change a
    minor, nothing but the version a patch."""
    match = SEMVER.fullmatch(current)
    if not match:
        raise BumpError(f"package version {current!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = map(int, match.groups())
    if any(c.breaking for c in changes) or any(c.breaking for c in sdk_changes):
        return f"{major + 1}.0.0"
    if sdk_changes or any(c.rule != "api-version-changed" for c in changes):
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def _line(prefix: str, where: str, rule: str, detail: str) -> str:
    return f"- {prefix} `{where}`: {rule.replace('-', ' ')}{f' ({detail})' if detail else ''}"


def changelog_entry(
    package_version: str,
    api_version: str,
    changes: list[Change],
    today: datetime.date,
    sdk_changes: list[sdk_api.Change],
) -> str:
    """One entry: what broke and what was added, each line saying whether it is the API (the spec, on the wire)
    or the SDK (the package's public API)."""
    lines = [f"## {package_version} ({today.isoformat()}): Rotor API {api_version}", ""]
    spec = [c for c in changes if c.rule != "api-version-changed"]
    for title, breaking in (("Breaking", True), ("Added or relaxed", False)):
        group = [_line("API", c.where, c.rule, c.detail) for c in spec if c.breaking is breaking]
        group += [_line("SDK", c.where, c.rule, c.detail) for c in sdk_changes if c.breaking is breaking]
        if group:
            lines += [f"### {title}", *group, ""]
    if not spec and not sdk_changes:
        lines += ["- No change to operations, parameters, fields or the package's API besides the version.", ""]
    return "\n".join(lines) + "\n"


def _released_spec(root: Path, base: str | None) -> Spec:
    """The spec to compare with: a file, or the committed one, read by the loader that refuses duplicate keys."""
    try:
        return read_spec(base or "HEAD:spec/openapi.yaml", root)
    except SpecError as exc:
        raise BumpError(f"cannot read the last released spec ({base or 'HEAD'}): {exc}; pass --base FILE") from None


def _check_edit(edited: Spec, new_version: str) -> None:
    """The edited spec, read back as plain data, says the new version everywhere the client takes it from."""
    headers = version_header_schemas(edited)
    wrong = [h for h in headers if h.get("enum") != [new_version] or h.get("default") != new_version]
    if edited["info"]["version"] != new_version or wrong:
        raise BumpError(f"editing the spec did not set every version header to {new_version}: {wrong}")


def _render_after(root: Path, spec_path: Path, scratch: Path) -> tuple[Path, list[Path]]:
    """The package as it will be: a copy of ``src/`` with the SDK layer rendered from the edited spec over it
    (so the API diff sees the new methods and parameters too); the rendered files, relative to the copy."""
    shutil.copytree(root / "src", scratch / "src", ignore=shutil.ignore_patterns("__pycache__"))
    written = render_sdk.render(scratch, spec_path, root / "spec" / "sdk.yaml")
    return scratch, [path.relative_to(scratch) for path in written]


def _copy_rendered(scratch: Path, rendered: list[Path], root: Path) -> None:
    """Put the rendered files in place; a resource module the spec no longer has goes."""
    resources = root / render_sdk.RESOURCES_DIR
    kept = {path.name for path in rendered if path.parent == render_sdk.RESOURCES_DIR}
    for stale in resources.glob("*.py") if resources.is_dir() else ():
        if stale.name not in render_sdk.HAND_WRITTEN and stale.name not in kept:
            stale.unlink()
    for relative in rendered:
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(scratch / relative, root / relative)


def bump(root: Path, new_version: str, *, base: str | None, allow_breaking: bool) -> int:
    if not SEMVER.fullmatch(new_version):
        raise BumpError(f"{new_version!r} is not a version: MAJOR.MINOR.PATCH, digits only")
    spec_path = root / "spec" / "openapi.yaml"
    text = spec_path.read_text(encoding="utf-8")
    current = load_spec(spec_path)["info"]["version"]
    if current == new_version:
        raise BumpError(f"the spec is already at {new_version}")
    edited_text = set_api_version(text, new_version)
    with tempfile.TemporaryDirectory() as tmp:
        edited_path = Path(tmp) / "openapi.yaml"
        edited_path.write_text(edited_text, encoding="utf-8")
        edited = load_spec(edited_path)
        validate_spec(edited)
        _check_edit(edited, new_version)
        changes = diff_specs(_released_spec(root, base), edited)
        print(report(changes))
        fresh = Path(tmp) / "generated" / GENERATED_PACKAGE_NAME  # the generator writes the package's files here
        generate_into(fresh, edited_path, root / "spec" / "generator.yaml", root / "spec" / "templates")
        after, rendered = _render_after(root, edited_path, Path(tmp) / "after")
        sdk_changes = sdk_api.diff_surfaces(
            sdk_api.surface(root / "src", root / "generated"), sdk_api.surface(after / "src", fresh.parent)
        )
        print("\n" + sdk_api.report(sdk_changes))
        diffs: tuple[tuple[str, list[Any]], ...] = (("the API", changes), ("the SDK", sdk_changes))
        broken = [name for name, found in diffs if any(c.breaking for c in found)]
        if broken and not allow_breaking:
            print(f"\nBreaking changes to {' and '.join(broken)}: nothing written. Re-run with --allow-breaking to "
                  "bump anyway (a major package version).", file=sys.stderr)  # fmt: skip
            return 1
        replace_tree(fresh, root / "generated" / GENERATED_PACKAGE_NAME)
        _copy_rendered(after, rendered, root)
        # A checkout with the generated API pages keeps them in step. Written before the version file changes: the
        # pages do not show the version, and the package is then the very sources just read for the SDK diff, which
        # devtools.sdk_api keeps (one read by griffe instead of two).
        if (root / api_docs.API_MD).exists():
            api_docs.write(root)
    spec_path.write_text(edited_text, encoding="utf-8")

    version_file = root / "src" / "rotor" / "_version.py"
    package_version = re.search(r'"(.+)"', version_file.read_text())
    assert package_version is not None
    new_package_version = next_package_version(package_version.group(1), changes, sdk_changes)
    version_file.write_text(f'__version__ = "{new_package_version}"\n')

    changelog = root / "CHANGELOG.md"
    previous = changelog.read_text() if changelog.exists() else "# Changelog\n\n"
    head, _, rest = previous.partition("\n\n")
    entry = changelog_entry(new_package_version, new_version, changes, datetime.date.today(), sdk_changes)
    changelog.write_text(f"{head}\n\n{entry}\n{rest}".rstrip("\n") + "\n")
    print(f"\nAPI {current} -> {new_version}; package {package_version.group(1)} -> {new_package_version}; "
          f"generated/ and the SDK layer regenerated; CHANGELOG.md updated.")  # fmt: skip
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/bump-api-version", description=__doc__.splitlines()[0])
    parser.add_argument("new_version", help="the new Rotor API version, MAJOR.MINOR.PATCH")
    parser.add_argument("--base", help="the last released spec: a file or REV:path (default HEAD:spec/openapi.yaml)")
    parser.add_argument("--allow-breaking", action="store_true", help="bump even when the diff breaks clients")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        return bump(args.root, args.new_version, base=args.base, allow_breaking=args.allow_breaking)
    except (BumpError, SpecError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
