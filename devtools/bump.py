"""scripts/bump-api-version NEW_VERSION: move the SDK to a new Rotor API version in one step.

Sets ``info.version`` and the ``rotor-api-version`` header's value and default (a round-trip YAML edit located by
structure, so the spec's formatting and comments do not matter and survive), regenerates the client, bumps the
package version by semver from the diff against the last released spec (breaking: major, or minor while 0.x;
otherwise minor, or patch while 0.x), and writes a CHANGELOG entry. A breaking diff stops the bump (exit 1,
nothing written) unless ``--allow-breaking`` is given. ``rotor.API_VERSION`` derives from the generated enum, so
no hand-written file names the version.
"""

import argparse
import datetime
import re
import sys
import tempfile
from pathlib import Path

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


def next_package_version(current: str, changes: list[Change]) -> str:
    match = SEMVER.fullmatch(current)
    if not match:
        raise BumpError(f"package version {current!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = map(int, match.groups())
    breaking = any(c.breaking for c in changes)
    if major == 0:
        return f"0.{minor + 1}.0" if breaking else f"0.{minor}.{patch + 1}"
    return f"{major + 1}.0.0" if breaking else f"{major}.{minor + 1}.0"


def changelog_entry(package_version: str, api_version: str, changes: list[Change], today: datetime.date) -> str:
    lines = [f"## {package_version} ({today.isoformat()}): Rotor API {api_version}", ""]
    breaking = [c for c in changes if c.breaking]
    other = [c for c in changes if not c.breaking and c.rule != "api-version-changed"]
    for title, group in (("Breaking", breaking), ("Added or relaxed", other)):
        if group:
            lines.append(f"### {title}")
            lines += [f"- `{c.where}`: {c.rule.replace('-', ' ')}{f' ({c.detail})' if c.detail else ''}" for c in group]
            lines.append("")
    if not breaking and not other:
        lines += ["- No change to operations, parameters or fields besides the version.", ""]
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
        if any(c.breaking for c in changes) and not allow_breaking:
            print("\nBreaking changes: nothing written. Re-run with --allow-breaking to bump anyway.", file=sys.stderr)
            return 1
        generate_into(Path(tmp) / "out", edited_path, root / "spec" / "generator.yaml", root / "spec" / "templates")
        replace_tree(Path(tmp) / "out", root / "generated" / GENERATED_PACKAGE_NAME)
    spec_path.write_text(edited_text, encoding="utf-8")

    version_file = root / "src" / "rotor" / "_version.py"
    package_version = re.search(r'"(.+)"', version_file.read_text())
    assert package_version is not None
    new_package_version = next_package_version(package_version.group(1), changes)
    version_file.write_text(f'__version__ = "{new_package_version}"\n')

    changelog = root / "CHANGELOG.md"
    previous = changelog.read_text() if changelog.exists() else "# Changelog\n\n"
    head, _, rest = previous.partition("\n\n")
    entry = changelog_entry(new_package_version, new_version, changes, datetime.date.today())
    changelog.write_text(f"{head}\n\n{entry}\n{rest}".rstrip("\n") + "\n")
    print(f"\nAPI {current} -> {new_version}; package {package_version.group(1)} -> {new_package_version}; "
          f"generated/ regenerated; CHANGELOG.md updated.")  # fmt: skip
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
