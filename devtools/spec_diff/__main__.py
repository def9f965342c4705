"""scripts/diff-spec OLD NEW [--json]: classify every change between two specs as breaking or not.

OLD and NEW are files, or ``REV:path`` to read a file from git (e.g. ``HEAD:spec/openapi.yaml``).
Exit 0: nothing breaking. 1: something breaks clients. 2: a spec could not be read or is invalid.
"""

import argparse
import sys

from devtools.spec_diff import diff_specs, print_changes, report
from devtools.spec_io import SpecError, read_spec


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/diff-spec", description=__doc__.splitlines()[0])
    parser.add_argument("old", help="the spec before (file or REV:path)")
    parser.add_argument("new", help="the spec after (file or REV:path)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the report")
    args = parser.parse_args(argv)
    try:
        old, new = read_spec(args.old), read_spec(args.new)
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    changes = diff_specs(old, new)
    return print_changes(changes, report(changes), as_json=args.json)


if __name__ == "__main__":
    raise SystemExit(main())
