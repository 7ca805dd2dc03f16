#!/usr/bin/env bash
# Type-checks the VS Code extension with the npm registry's TypeScript:
# installs the pinned dependencies (package-lock.json) and runs
# `tsc --noEmit`. Needs Node.js and npm.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm install --no-audit --no-fund --loglevel=error
fi
npx --no-install tsc -p . --noEmit
echo "vscode extension: type-check passed"
