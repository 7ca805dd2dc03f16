#!/usr/bin/env bash
# End-to-end tests of `copydesk lsp` with pytest-lsp (PyPI): the real
# binary driven over stdio by a real LSP client. Run from anywhere:
#
#     bash tests/lsp/run.sh [PYTEST ARGS...]
#
# Creates a venv (COPYDESK_LSP_VENV, default: a temporary one, removed on
# exit), installs the pinned requirements.txt into it, builds the debug
# binary when COPYDESK_BIN is not given, and runs pytest on tests/lsp/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/tests/lsp"
if [ -n "${COPYDESK_LSP_VENV:-}" ]; then
  VENV="$COPYDESK_LSP_VENV"
else
  VENV="$(mktemp -d "${TMPDIR:-/tmp}/copydesk-lsp-venv.XXXXXX")"
  trap 'rm -rf "$VENV"' EXIT
fi

started=$(date +%s)
step() { echo "== $1 ($(($(date +%s) - started))s)"; }

if [ ! -x "$VENV/bin/python" ]; then
  step "venv with pytest-lsp"
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"

if [ -z "${COPYDESK_BIN:-}" ]; then
  step "cargo build (debug)"
  (cd "$ROOT" && cargo build --quiet)
  export COPYDESK_BIN="$ROOT/target/debug/copydesk"
fi
[ -x "$COPYDESK_BIN" ] || { echo "FAIL: no binary at $COPYDESK_BIN" >&2; exit 1; }

step "pytest tests/lsp"
cd "$HERE"
"$VENV/bin/python" -m pytest -q "$@"
