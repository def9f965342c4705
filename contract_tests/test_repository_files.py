"""Rules over every file of the repository: the API version has one home, and a clone needs nothing beside it.

"Every file" is what git would commit: tracked files plus untracked ones that .gitignore does not exclude, so a
new file is checked before anyone adds it.
"""

import re
import subprocess
from functools import cache

from contract_tests.spec_helpers import api_version
from devtools.paths import ROOT
from devtools.spec_edit import enum_varname

# Where the version literal belongs, and why each place is exempt:
VERSION_HOMES = (
    "spec/",  # the one source: the header enum and default, info.version, and the sources it cites
    "generated/",  # produced from the spec (the RotorApiVersion enum and the builders' defaults)
    "CHANGELOG.md",  # history names every version we shipped
    # Third-party pins: a dependency's version can equal ours by chance (constraints.txt pins a package at the
    # minor after the current API version today).
    "requirements-dev.txt",
    "constraints.txt",
)


@cache
def _repository_files() -> dict[str, str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    texts = {}
    for name in filter(None, listed.split("\0")):
        path = ROOT / name
        if not path.is_file():  # deleted in the work tree but not yet in the index
            continue
        data = path.read_bytes()
        if b"\0" not in data:
            texts[name] = data.decode("utf-8", errors="replace")
    assert texts, "git listed no files: run the tests from a git checkout"
    return texts


def _hits(pattern: re.Pattern[str], exempt: tuple[str, ...] = ()) -> list[str]:
    return [
        f"{name}:{text.count(chr(10), 0, match.start()) + 1}: {match.group(0)}"
        for name, text in _repository_files().items()
        if not name.startswith(exempt)
        for match in pattern.finditer(text)
    ]


def test_the_api_version_is_written_only_where_it_is_defined() -> None:
    # Code and tests take the version from the spec (devtools.spec_io.api_version) or from the generated enum
    # (rotor.API_VERSION); a literal elsewhere is what made about twenty tests fail after a bump.
    version = api_version()
    pattern = re.compile(rf"(?<![\w.]){re.escape(version)}(?!\.?\d)|\b{enum_varname(version)}\b")
    assert _hits(pattern, VERSION_HOMES) == []


def test_the_repository_does_not_lean_on_files_outside_it() -> None:
    # Assembled from pieces so that this file does not match itself.
    outside = re.compile(
        "|".join(re.escape(p) for p in ("../" + "shared/", "shared/" + "rotor-api", "rotor-api-" + "facts"))
    )
    assert _hits(outside) == []
