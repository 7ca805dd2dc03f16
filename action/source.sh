#!/usr/bin/env bash
# Which copydesk source to install, and its cache key (step `source`).
# Empty INPUT_VERSION: the action's own files (the ref it was used at);
# the key is a hash of what `cargo install` builds from them. Otherwise
# that revision of the action's repository, keyed by its commit.
set -euo pipefail
: "${ACTION_PATH:?}" "${GITHUB_OUTPUT:?}"
if [ -z "${INPUT_VERSION:-}" ]; then
  cd "$ACTION_PATH"
  key=$(find Cargo.toml Cargo.lock build.rs src rules data -type f -print0 \
    | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-20)
  echo "dir=$ACTION_PATH" >> "$GITHUB_OUTPUT"
  echo "key=src-$key" >> "$GITHUB_OUTPUT"
  exit 0
fi
: "${ACTION_REPOSITORY:?}" "${RUNNER_TEMP:?}"
dir="$RUNNER_TEMP/copydesk-src"
rm -rf "$dir"
git init -q "$dir"
# A shallow fetch of one ref works for a tag, a branch or a commit.
git -C "$dir" fetch -q --depth 1 \
  "${COPYDESK_REPOSITORY_URL:-${GITHUB_SERVER_URL:-https://github.com}/$ACTION_REPOSITORY}" \
  "$INPUT_VERSION"
git -C "$dir" -c advice.detachedHead=false checkout -q FETCH_HEAD
echo "dir=$dir" >> "$GITHUB_OUTPUT"
echo "key=rev-$(git -C "$dir" rev-parse HEAD)" >> "$GITHUB_OUTPUT"
