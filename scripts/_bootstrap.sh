# Sourced by every script: makes sure .venv exists with the pinned toolchain and this project installed.
# A fresh machine needs Python 3.11 and pip's package index, nothing else. The packages come from constraints.txt
# (every package of the environment, pinned: the lock), installed by uv, itself installed first by pip from the
# index: seconds where pip alone takes a minute or more. Without uv (it cannot be installed, or fails), plain
# venv + pip installs the same pinned set, only slower.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
_want="$(cat "$ROOT/requirements-dev.txt" "$ROOT/constraints.txt" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"

_pins() { # name==version of a package, read from the lock
  grep -i "^$1==" "$ROOT/constraints.txt" | head -n 1
}

_uv_env() { # uv reads its own settings: give it the index, links and CA bundle pip is told to use, if any
  local key value
  # As pip does: every index may offer every package (uv's default stops at the first index that has a name).
  export UV_INDEX_STRATEGY=unsafe-best-match
  while IFS='=' read -r key value; do
    value="${value#\'}"; value="${value%\'}"
    case "$key" in
      *.index-url) export UV_INDEX_URL="$value" ;;
      *.extra-index-url) export UV_EXTRA_INDEX_URL="$value" ;;
      *.find-links) export UV_FIND_LINKS="${value// /,}" ;;
      *.cert) export SSL_CERT_FILE="$value" ;;
    esac
  done < <(python3 -m pip config list 2>/dev/null || true)
}

_with_uv() {
  local tools rc=0
  tools="$(mktemp -d)"
  _uv_install "$tools" || rc=$?
  rm -rf "$tools"
  return "$rc"
}

_uv_install() {
  local tools="$1"
  python3 -m pip install -q --disable-pip-version-check --target "$tools" "$(_pins uv)" >&2 || return 1
  _uv_env
  local uv=("$tools/bin/uv" --quiet)
  "${uv[@]}" venv --allow-existing --python "$(command -v python3)" "$VENV" >&2 || return 1
  "${uv[@]}" pip install --python "$PY" -r "$ROOT/requirements-dev.txt" -c "$ROOT/constraints.txt" >&2 || return 1
  # Editable, with the build backend from the pinned set (no isolated build env to fetch).
  "${uv[@]}" pip install --python "$PY" --no-deps --no-build-isolation -e "$ROOT" >&2
}

_with_pip() {
  python3 -m venv "$VENV"
  "$PY" -m pip install -q --disable-pip-version-check --no-compile \
    -r "$ROOT/requirements-dev.txt" -c "$ROOT/constraints.txt" >&2
  "$PY" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e "$ROOT" >&2
}

if [ ! -x "$PY" ] || [ "$(cat "$VENV/.bootstrap-stamp" 2>/dev/null)" != "$_want" ]; then
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "error: Python >= 3.11 required" >&2; exit 2; }
  echo "bootstrapping $VENV (first run only)..." >&2
  if [ -n "${ROTOR_BOOTSTRAP_PIP:-}" ] || ! _with_uv; then
    [ -n "${ROTOR_BOOTSTRAP_PIP:-}" ] || echo "uv unavailable: installing with pip (slower)" >&2
    _with_pip
  fi
  echo "$_want" > "$VENV/.bootstrap-stamp"
fi
export PATH="$VENV/bin:$PATH"
# Nothing is compiled to bytecode at install (all of it: about 6 s of a fresh set-up); a module is compiled the first
# time any process imports it and kept (a shell may have turned writing bytecode off), so each is compiled once and
# only what the scripts import is. The scripts start hundreds of Python processes that reuse it.
unset PYTHONDONTWRITEBYTECODE
cd "$ROOT"
