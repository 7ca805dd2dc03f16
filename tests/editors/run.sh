#!/usr/bin/env bash
# A real editor against `copydesk lsp`: Debian's Neovim, headless, with the
# setup of tests/editors/copydesk.lua (the one docs/editors.md gives). It
# opens a copy of the seed article, waits for the diagnostics, writes them
# to a file compared with expected-seed.tsv, applies the preferred quick
# fix and a "disable on this line" action, and reads the hover. Exits
# non-zero on any failure.
#
#     bash tests/editors/run.sh
#
# Needs `nvim` (apt-get install neovim); builds the debug binary unless
# COPYDESK_BIN names one.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/tests/editors"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/copydesk-editors.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

command -v nvim >/dev/null || { echo "FAIL: nvim is not installed (apt-get install neovim)" >&2; exit 1; }
nvim --version | head -n 1

if [ -z "${COPYDESK_BIN:-}" ]; then
  (cd "$ROOT" && cargo build --quiet)
  COPYDESK_BIN="$ROOT/target/debug/copydesk"
fi

# The draft sits in a folder of its own (no .copydesk.yaml above it); the
# built-in rules' documentation pages go to a fresh cache.
mkdir -p "$WORK/drafts" "$WORK/cache" "$WORK/state"
cp "$ROOT/examples/seed-article.txt" "$WORK/drafts/seed-article.txt"
export COPYDESK_BIN HERE OUT="$WORK/neovim.out" DRAFT="$WORK/drafts/seed-article.txt"
export XDG_CACHE_HOME="$WORK/cache" XDG_STATE_HOME="$WORK/state" XDG_CONFIG_HOME="$WORK/config"

status=0
timeout 120 nvim --headless --clean -n -c "luafile $HERE/seed_test.lua" </dev/null || status=$?
echo "-- Neovim's report:"
cat "$OUT" 2>/dev/null || echo "(none written)"
if [ "$status" -ne 0 ]; then
  echo "FAIL: neovim exited with status $status" >&2
  exit 1
fi
if ! diff -u "$HERE/expected-seed.tsv" "$OUT"; then
  echo "FAIL: Neovim's diagnostics differ from tests/editors/expected-seed.tsv" >&2
  exit 1
fi
echo "editors: 1 passed, 0 failed"
