# Sourced by every script: makes sure .venv exists with the pinned toolchain and this project installed.
# Plain `python3 -m venv` + pip, so a fresh machine with only Python 3.11 needs nothing else.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
_want="$(cat "$ROOT/requirements-dev.txt" "$ROOT/constraints.txt" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
if [ ! -x "$PY" ] || [ "$(cat "$VENV/.bootstrap-stamp" 2>/dev/null)" != "$_want" ]; then
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "error: Python >= 3.11 required" >&2; exit 2; }
  echo "bootstrapping $VENV (first run only)..." >&2
  python3 -m venv "$VENV"
  "$PY" -m pip install -q --disable-pip-version-check --upgrade pip >&2
  "$PY" -m pip install -q --disable-pip-version-check -r "$ROOT/requirements-dev.txt" -c "$ROOT/constraints.txt" >&2
  # Editable, with the build backend from the pinned set (no isolated build env to fetch).
  "$PY" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e "$ROOT" >&2
  echo "$_want" > "$VENV/.bootstrap-stamp"
fi
export PATH="$VENV/bin:$PATH"
cd "$ROOT"
