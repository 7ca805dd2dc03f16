#!/usr/bin/env bash
# Installs copydesk with `cargo install --locked` unless the cache (or an
# earlier step) already holds a build of this very source (step `install`).
set -euo pipefail
: "${SOURCE_DIR:?}" "${SOURCE_KEY:?}" "${GITHUB_OUTPUT:?}" "${GITHUB_PATH:?}"
root="${COPYDESK_HOME:-$HOME/.copydesk-action}"
if [ -x "$root/bin/copydesk" ] && [ "$(cat "$root/key" 2>/dev/null)" = "$SOURCE_KEY" ]; then
  echo "copydesk from the cache ($SOURCE_KEY)"
else
  cargo install --locked --force --root "$root" --path "$SOURCE_DIR"
  echo "$SOURCE_KEY" > "$root/key"
fi
echo "$root/bin" >> "$GITHUB_PATH"
echo "version=$("$root/bin/copydesk" --version)" >> "$GITHUB_OUTPUT"
